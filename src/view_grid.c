/* gavel: the vote grid pane: one row per member state, one column per
 * recorded vote, shifts from a base column, sorting and filtering. */
#include "config.h"

#include "gavel/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/app.h"
#include "gavel/compare.h"
#include "gavel/text.h"
#include "gavel/view_kit.h"

enum { SORT_NAME, SORT_GROUP, SORT_VOTE, SORT_COUNT };
enum { CELL_W = 4, HEAD_ROWS = 3 };

typedef struct {
  gv_list list; /* over rows */
  int *cols;    /* vote indices in column order */
  int n_cols;
  int col, left; /* the cursor column, the first column shown */
  int base;      /* base column, -1 */
  int sort, sort_col;
  bool filter;
  int *rows; /* country index, or -1 - group for a separator */
  size_t n_rows, cap_rows;
  int *name_rank;               /* per country: position in folded-name order */
  char *name_filter;            /* "/" in the grid: only countries whose name has it */
  char *saved_filter;           /* the filter before "/" was pressed */
  bool *name_hit;               /* per country, under name_filter */
  int name_w, vis_cols, body_h; /* geometry of the last draw */
} grid_state;

static const char *const sort_names[SORT_COUNT] = {"name", "group", "vote"};

static int n_countries(const gv_model *m) {
  return (int)gv_countries_count(m->countries);
}

static const gv_vote *col_vote(const gv_model *m, const grid_state *s, int col) {
  return col >= 0 && col < s->n_cols ? &m->votes[s->cols[col]] : NULL;
}

static int vote_series(const gv_model *m, const gv_vote *v) {
  if (v->text < 0)
    return -1;
  return m->docs[v->doc].texts[v->text].series;
}

/* Orders columns by series (in order of first appearance), then by time. */
static void order_columns(const gv_model *m, grid_state *s) {
  s->cols = gv_xcalloc(m->n_votes ? m->n_votes : 1, sizeof *s->cols);
  bool *done = gv_xcalloc(m->n_votes ? m->n_votes : 1, sizeof *done);
  for (size_t i = 0; i < m->n_votes; i++) {
    if (done[i])
      continue;
    int series = vote_series(m, &m->votes[i]);
    for (size_t j = i; j < m->n_votes; j++)
      if (!done[j] && (j == i || (series >= 0 && vote_series(m, &m->votes[j]) == series))) {
        done[j] = true;
        s->cols[s->n_cols++] = (int)j;
      }
  }
  free(done);
}

static const gv_model *sort_model;
static const grid_state *sort_state;

static int compare_names(const gv_country *ca, const gv_country *cb) {
  char *fa = gv_fold(ca->name, strlen(ca->name), GV_FOLD_ALL, NULL, NULL);
  char *fb = gv_fold(cb->name, strlen(cb->name), GV_FOLD_ALL, NULL, NULL);
  int d = strcmp(fa, fb);
  free(fa);
  free(fb);
  return d;
}

static int ballot_rank(gv_ballot b) {
  return b == GV_ABSENT ? 4 : (int)b;
}

static int compare_rows(const void *pa, const void *pb) {
  int a = *(const int *)pa, b = *(const int *)pb;
  const gv_country *ca = gv_countries_get(sort_model->countries, (size_t)a);
  const gv_country *cb = gv_countries_get(sort_model->countries, (size_t)b);
  const gv_vote *v = col_vote(sort_model, sort_state, sort_state->sort_col);
  int d = 0;
  if (sort_state->name_rank == NULL) /* ranking the names themselves */
    return compare_names(ca, cb);
  if (sort_state->sort == SORT_GROUP)
    d = (int)ca->group - (int)cb->group;
  else if (sort_state->sort == SORT_VOTE && v)
    d = ballot_rank((gv_ballot)v->ballots[a]) - ballot_rank((gv_ballot)v->ballots[b]);
  return d ? d : sort_state->name_rank[a] - sort_state->name_rank[b];
}

/* Stores each country's position in alphabetical order (ignoring case and accents). */
static void rank_names(const gv_model *m, grid_state *s) {
  int n = n_countries(m);
  int *order = gv_xcalloc((size_t)n + 1, sizeof *order);
  for (int c = 0; c < n; c++)
    order[c] = c;
  sort_model = m;
  sort_state = s;
  gv_qsort(order, (size_t)n, sizeof *order, compare_rows);
  s->name_rank = gv_xcalloc((size_t)n + 1, sizeof *s->name_rank);
  for (int i = 0; i < n; i++)
    s->name_rank[order[i]] = i;
  free(order);
}

static bool changed_from_base(const gv_model *m, const grid_state *s, int col, int c) {
  const gv_vote *v = col_vote(m, s, col), *b = col_vote(m, s, s->base);
  return v && b && col != s->base && v->ballots[c] != b->ballots[c];
}

/* Marks the countries whose name or alias contains the filter. */
static void apply_name_filter(const gv_model *m, grid_state *s) {
  free(s->name_hit);
  s->name_hit = NULL;
  if (!s->name_filter)
    return;
  size_t n;
  int *hits = gv_countries_search(m->countries, s->name_filter, &n);
  s->name_hit = gv_xcalloc((size_t)n_countries(m) + 1, sizeof *s->name_hit);
  for (size_t i = 0; i < n; i++)
    s->name_hit[hits[i]] = true;
  free(hits);
}

static void build_rows(const gv_model *m, grid_state *s) {
  int *list = NULL;
  size_t n = 0, cap = 0;
  for (int c = 0; c < n_countries(m); c++)
    if (gv_countries_get(m->countries, (size_t)c)->member &&
        (!s->filter || changed_from_base(m, s, s->col, c)) && (!s->name_hit || s->name_hit[c]))
      GV_PUSH(list, n, cap, c);
  sort_model = m;
  sort_state = s;
  if (n)
    gv_qsort(list, n, sizeof *list, compare_rows);
  s->n_rows = 0;
  for (size_t i = 0; i < n; i++) {
    gv_group g = gv_countries_get(m->countries, (size_t)list[i])->group;
    if (s->sort == SORT_GROUP &&
        (i == 0 || gv_countries_get(m->countries, (size_t)list[i - 1])->group != g))
      GV_PUSH(s->rows, s->n_rows, s->cap_rows, -1 - (int)g);
    GV_PUSH(s->rows, s->n_rows, s->cap_rows, list[i]);
  }
  free(list);
  s->list.count = (int)s->n_rows;
  if (s->list.cursor >= s->list.count)
    s->list.cursor = s->list.count ? s->list.count - 1 : 0;
}

static void grid_open(gv_app *app, void *state) {
  grid_state *s = state;
  s->base = -1;
  order_columns(app->model, s);
  rank_names(app->model, s);
  build_rows(app->model, s);
}

static void grid_done(void *state) {
  grid_state *s = state;
  free(s->cols);
  free(s->rows);
  free(s->name_rank);
  free(s->name_filter);
  free(s->saved_filter);
  free(s->name_hit);
}

static gv_list *grid_list(gv_app *app, void *state) {
  (void)app;
  return &((grid_state *)state)->list;
}

/* ---- drawing ---- */

static void geometry(const gv_model *m, grid_state *s, gv_rect r) {
  int longest = 7;
  for (int c = 0; c < n_countries(m); c++) {
    const char *name = gv_countries_get(m->countries, (size_t)c)->name;
    int w = gv_text_columns(name, strlen(name));
    if (w > longest)
      longest = w;
  }
  int cap = r.w / 3 < 24 ? r.w / 3 : 24;
  s->name_w = (longest < (cap > 10 ? cap : 10) ? longest : (cap > 10 ? cap : 10)) + 1;
  s->vis_cols = (r.w - s->name_w) / CELL_W > 1 ? (r.w - s->name_w) / CELL_W : 1;
  int foot = r.h >= 16 ? 4 : r.h >= 12 ? 3 : 0; /* tallies, then the sponsors line */
  s->body_h = r.h - HEAD_ROWS - foot > 1 ? r.h - HEAD_ROWS - foot : 1;
  if (s->col < s->left)
    s->left = s->col;
  if (s->col >= s->left + s->vis_cols)
    s->left = s->col - s->vis_cols + 1;
  gv_list *l = &s->list;
  if (l->top > l->cursor)
    l->top = l->cursor;
  if (l->cursor >= l->top + s->body_h)
    l->top = l->cursor - s->body_h + 1;
}

/* Writes the subject of a vote in 3 columns: "W", "P10", "O1", "mO1". */
static void subject_code(const gv_vote *v, char *buf, size_t size) {
  if (v->subject == GV_SUBJECT_WHOLE)
    snprintf(buf, size, "W");
  else
    snprintf(buf, size, "%s%c%d", v->subject == GV_SUBJECT_MOTION ? "m" : "",
             v->para_kind ? v->para_kind : '?', v->para_number);
}

static const char *series_title(const gv_model *m, const gv_vote *v) {
  int series = vote_series(m, v);
  if (series >= 0)
    return m->series[series].title;
  return v->text >= 0 && m->docs[v->doc].texts[v->text].title ? m->docs[v->doc].texts[v->text].title
                                                              : v->draft_symbol;
}

static void draw_header(gv_app *app, grid_state *s, gv_canvas *c, gv_rect r, bool focused) {
  const gv_model *m = app->model;
  gv_buf b = {0};
  gv_buf_printf(&b, "by %s%s", sort_names[s->sort], s->filter ? ", changed" : "");
  if (s->name_filter)
    gv_buf_printf(&b, ", /%s", s->name_filter);
  gv_canvas_puts(c, r.x, r.y, s->name_w - 1, b.data, GV_STYLE_DIM);
  gv_canvas_puts(c, r.x, r.y + 2, s->name_w - 1, "Country", GV_STYLE_LABEL);
  gv_buf_free(&b);
  for (int j = s->left; j < s->n_cols && j < s->left + s->vis_cols; j++) {
    const gv_vote *v = col_vote(m, s, j);
    int x = r.x + s->name_w + (j - s->left) * CELL_W;
    int series = vote_series(m, v);
    if (j == s->left || series < 0 || series != vote_series(m, col_vote(m, s, j - 1))) {
      int end = j + 1;
      while (series >= 0 && end < s->n_cols && vote_series(m, col_vote(m, s, end)) == series)
        end++;
      const char *title = series_title(m, v);
      gv_canvas_puts(c, x, r.y, (end - j) * CELL_W - 1, title ? title : "?", GV_STYLE_DIM);
    }
    char top[16], code[16];
    snprintf(top, sizeof top, "%s%02d", j == s->base ? "B" : "", m->docs[v->doc].session % 100);
    subject_code(v, code, sizeof code);
    gv_style st = j == s->col && focused ? GV_STYLE_SELECTED
                  : j == s->base         ? GV_STYLE_MARKER
                                         : GV_STYLE_LABEL;
    gv_canvas_puts(c, x, r.y + 1, CELL_W, top, st);
    gv_canvas_puts(c, x, r.y + 2, CELL_W, code, st);
  }
}

static void draw_cell(const gv_model *m, const grid_state *s, gv_canvas *c, int x, int y, int j,
                      int country, bool cursor) {
  const gv_vote *v = col_vote(m, s, j);
  gv_ballot b = (gv_ballot)v->ballots[country];
  char cell[5] = {' ', gv_ballot_letter(b), ' ', ' ', 0};
  gv_style st = gv_ballot_style(b);
  if (changed_from_base(m, s, j, country)) {
    char from = gv_ballot_letter((gv_ballot)col_vote(m, s, s->base)->ballots[country]);
    cell[0] = from >= 'A' && from <= 'Z' ? (char)(from - 'A' + 'a') : from;
    st = GV_STYLE_CHANGED;
  }
  if (v->intended && v->intended[country] != GV_NO_INTENTION)
    cell[2] = '*';
  gv_canvas_puts(c, x, y, CELL_W, cell, cursor ? GV_STYLE_SELECTED : st);
}

static void draw_row(gv_app *app, grid_state *s, gv_canvas *c, gv_rect r, int y, int row,
                     bool focused) {
  const gv_model *m = app->model;
  int country = s->rows[row];
  if (country < 0) {
    char sep[128];
    snprintf(sep, sizeof sep, "-- %s --", gv_group_name((gv_group)(-1 - country)));
    gv_canvas_puts(c, r.x, y, r.w, sep, GV_STYLE_DIM);
    return;
  }
  bool here = row == s->list.cursor && focused;
  const char *name = gv_countries_get(m->countries, (size_t)country)->name;
  gv_canvas_puts(c, r.x, y, s->name_w - 1, name, here ? GV_STYLE_SELECTED : GV_STYLE_NORMAL);
  for (int j = s->left; j < s->n_cols && j < s->left + s->vis_cols; j++)
    draw_cell(m, s, c, r.x + s->name_w + (j - s->left) * CELL_W, y, j, country,
              here && j == s->col);
}

/* Appends the draft's sponsors whose ballot in this vote was not yes. */
static void sponsors_not_yes(const gv_model *m, int vote, gv_buf *out) {
  size_t n;
  int *who = gv_sponsors_not_yes(m, vote, &n);
  for (size_t i = 0; i < n; i++)
    gv_buf_printf(out, "%s%s %s", i ? ", " : "Sponsors not voting yes: ",
                  gv_countries_get(m->countries, (size_t)who[i])->name,
                  gv_ballot_name(gv_vote_ballot(&m->votes[vote], who[i])));
  free(who);
}

static void draw_foot(gv_app *app, grid_state *s, gv_canvas *c, gv_rect r) {
  static const char *const names[] = {"Yes", "No", "Abstain"};
  int y0 = r.y + HEAD_ROWS + s->body_h;
  for (int k = 0; k < 3 && y0 + k < r.y + r.h; k++) {
    gv_ballot b = (gv_ballot)(GV_YES + k);
    gv_canvas_puts(c, r.x, y0 + k, s->name_w - 1, names[k], gv_ballot_style(b));
    for (int j = s->left; j < s->n_cols && j < s->left + s->vis_cols; j++) {
      char num[16];
      int n = col_vote(app->model, s, j)->counted[b];
      snprintf(num, sizeof num, "%3d ", n > 999 ? 999 : n);
      gv_canvas_puts(c, r.x + s->name_w + (j - s->left) * CELL_W, y0 + k, CELL_W, num,
                     GV_STYLE_DIM);
    }
  }
  if (y0 + 3 < r.y + r.h) {
    gv_buf b = {0};
    sponsors_not_yes(app->model, s->cols[s->col], &b);
    if (b.data)
      gv_canvas_puts(c, r.x, y0 + 3, r.w, b.data, GV_STYLE_MARKER);
    gv_buf_free(&b);
  }
}

static void grid_draw(gv_app *app, void *state, gv_canvas *c, gv_rect r) {
  grid_state *s = state;
  if (!s->n_cols || !n_countries(app->model)) {
    gv_canvas_puts(c, r.x + 1, r.y, r.w - 1, "No recorded votes.", GV_STYLE_DIM);
    return;
  }
  bool focused = app->focus == GV_VIEW_GRID && !app->help;
  geometry(app->model, s, r);
  draw_header(app, s, c, r, focused);
  for (int i = 0; i < s->body_h && s->list.top + i < (int)s->n_rows; i++)
    draw_row(app, s, c, r, r.y + HEAD_ROWS + i, s->list.top + i, focused);
  if (!s->n_rows && (s->filter || s->name_filter))
    gv_canvas_puts(c, r.x, r.y + HEAD_ROWS, r.w,
                   s->name_filter ? "No country's name matches."
                                  : "No country changed from the base here.",
                   GV_STYLE_DIM);
  draw_foot(app, s, c, r);
}

/* ---- status ---- */

static int current_country(const grid_state *s) {
  return s->list.cursor < (int)s->n_rows ? s->rows[s->list.cursor] : -1;
}

static void shift_summary(const gv_model *m, const grid_state *s, gv_buf *out) {
  int counts[GV_BALLOT_COUNT][GV_BALLOT_COUNT] = {{0}};
  const gv_vote *v = col_vote(m, s, s->col), *b = col_vote(m, s, s->base);
  for (int c = 0; c < n_countries(m); c++)
    if (gv_countries_get(m->countries, (size_t)c)->member)
      counts[b->ballots[c] % GV_BALLOT_COUNT][v->ballots[c] % GV_BALLOT_COUNT]++;
  int total = 0;
  gv_buf_adds(out, "vs base:");
  for (int f = 0; f < GV_BALLOT_COUNT; f++)
    for (int t = 0; t < GV_BALLOT_COUNT; t++)
      if (f != t && counts[f][t]) {
        gv_buf_printf(out, " %c\xe2\x86\x92%c %d", gv_ballot_letter((gv_ballot)f),
                      gv_ballot_letter((gv_ballot)t), counts[f][t]);
        total += counts[f][t];
      }
  gv_buf_printf(out, total ? " (%d changed). " : " no change. ", total);
}

static void intention(const gv_model *m, const grid_state *s, gv_buf *out) {
  const gv_vote *v = col_vote(m, s, s->col);
  int c = current_country(s);
  if (c < 0 || !v->intended || v->intended[c] == GV_NO_INTENTION)
    return;
  gv_buf_printf(out, "%s voted %s but said it intended to vote %s. ",
                gv_countries_get(m->countries, (size_t)c)->name,
                gv_ballot_name((gv_ballot)v->ballots[c]),
                gv_ballot_name((gv_ballot)v->intended[c]));
}

static void grid_status(gv_app *app, void *state, gv_buf *out) {
  grid_state *s = state;
  const gv_vote *v = col_vote(app->model, s, s->col);
  if (!v)
    return;
  intention(app->model, s, out);
  if (s->base >= 0 && s->base != s->col)
    shift_summary(app->model, s, out);
  gv_buf_printf(out, "Vote %d/%d: %s", s->col + 1, s->n_cols,
                v->description ? v->description : v->id);
  if (v->date)
    gv_buf_printf(out, ", %s", v->date);
  if (v->outcome)
    gv_buf_printf(out, ", %s", v->outcome);
  gv_buf_printf(out, " %d-%d-%d", v->counted[GV_YES], v->counted[GV_NO], v->counted[GV_ABSTAIN]);
}

static void grid_title(gv_app *app, void *state, gv_buf *out) {
  grid_state *s = state;
  const gv_vote *v = col_vote(app->model, s, s->col);
  if (v)
    gv_buf_printf(out, "%s", v->id);
}

/* ---- requests ---- */

static void grid_select(gv_app *app, void *state) {
  const gv_vote *v = col_vote(app->model, state, ((grid_state *)state)->col);
  if (!v)
    return;
  gv_docs_show(app, v->doc);
  gv_tree_show(app, v->doc, v->node >= 0 ? v->node : v->stated_node);
}

static void move_column(gv_app *app, grid_state *s, int d) {
  int col = s->col + d;
  if (col < 0 || col >= s->n_cols)
    return;
  s->col = col;
  if (s->filter)
    build_rows(app->model, s);
  grid_select(app, s);
}

static void mark_base(gv_app *app, grid_state *s) {
  if (s->base == s->col) {
    s->base = -1;
    s->filter = false;
    gv_app_message(app, "Base cleared");
  } else {
    s->base = s->col;
    gv_app_message(app, "Base: %s; move to another vote to see the shifts",
                   col_vote(app->model, s, s->col)->id);
  }
  build_rows(app->model, s);
}

static void toggle_filter(gv_app *app, grid_state *s) {
  if (s->base < 0) {
    gv_app_message(app, "Mark a base vote with m first");
    return;
  }
  s->filter = !s->filter;
  build_rows(app->model, s);
  s->list.cursor = s->list.top = 0;
}

/* Sets the name filter (NULL or "" for none) and rebuilds the rows. */
static void set_name_filter(gv_app *app, grid_state *s, const char *text) {
  free(s->name_filter);
  s->name_filter = text && *text ? gv_xstrdup(text) : NULL;
  apply_name_filter(app->model, s);
  build_rows(app->model, s);
  s->list.cursor = s->list.top = 0;
}

static void filter_prompt(gv_app *app, gv_prompt_event ev, const char *text) {
  grid_state *s = gv_app_state(app, GV_VIEW_GRID);
  if (ev == GV_PROMPT_CANCEL) {
    set_name_filter(app, s, s->saved_filter);
    return;
  }
  set_name_filter(app, s, text);
  int members = 0;
  for (size_t i = 0; i < s->n_rows; i++)
    members += s->rows[i] >= 0;
  snprintf(app->prompt.info, sizeof app->prompt.info, "%d countr%s", members,
           members == 1 ? "y" : "ies");
  if (ev == GV_PROMPT_ACCEPT && s->name_filter)
    gv_app_message(app, "%s matching /%s; Esc shows every country", app->prompt.info,
                   s->name_filter);
}

static void start_filter(gv_app *app, grid_state *s) {
  free(s->saved_filter);
  s->saved_filter = s->name_filter ? gv_xstrdup(s->name_filter) : NULL;
  gv_app_prompt(app, "/", filter_prompt);
}

static gv_request_result grid_request(gv_app *app, void *state, gv_action a, gv_rect r) {
  (void)r;
  grid_state *s = state;
  if (!s->n_cols)
    return GV_NOT_MINE;
  switch (a) {
  case GV_ACTION_LEFT:
  case GV_ACTION_RIGHT:
    move_column(app, s, a == GV_ACTION_LEFT ? -1 : 1);
    return GV_HANDLED;
  case GV_ACTION_SORT:
    s->sort = (s->sort + 1) % SORT_COUNT;
    s->sort_col = s->col;
    build_rows(app->model, s);
    gv_app_message(app, "Sorted by %s", sort_names[s->sort]);
    return GV_HANDLED;
  case GV_ACTION_MARK_BASE:
    mark_base(app, s);
    return GV_HANDLED;
  case GV_ACTION_FILTER_CHANGED:
    toggle_filter(app, s);
    return GV_HANDLED;
  case GV_ACTION_SEARCH:
    start_filter(app, s);
    return GV_HANDLED;
  case GV_ACTION_CLOSE:
    if (!s->name_filter)
      return GV_NOT_MINE;
    set_name_filter(app, s, NULL);
    gv_app_message(app, "Every country is shown");
    return GV_HANDLED;
  case GV_ACTION_ENTER:
    grid_select(app, s);
    app->focus = GV_VIEW_TREE;
    return GV_HANDLED;
  default:
    return GV_NOT_MINE;
  }
}

static bool grid_click(gv_app *app, void *state, int x, int y, gv_rect r) {
  (void)r;
  grid_state *s = state;
  int row = s->list.top + y - HEAD_ROWS;
  if (y >= HEAD_ROWS && y < HEAD_ROWS + s->body_h && row < (int)s->n_rows)
    s->list.cursor = row;
  if (x >= s->name_w) {
    int col = s->left + (x - s->name_w) / CELL_W;
    if (col < s->n_cols && col != s->col) {
      s->col = col;
      if (s->filter)
        build_rows(app->model, s);
    }
  }
  return true;
}

void gv_grid_show(gv_app *app, int vote) {
  grid_state *s = gv_app_state(app, GV_VIEW_GRID);
  for (int j = 0; j < s->n_cols; j++)
    if (s->cols[j] == vote && j != s->col) {
      s->col = j;
      if (s->filter)
        build_rows(app->model, s);
    }
}

int gv_grid_country(gv_app *app) {
  grid_state *s = gv_app_state(app, GV_VIEW_GRID);
  return current_country(s);
}

int gv_grid_base(gv_app *app) {
  grid_state *s = gv_app_state(app, GV_VIEW_GRID);
  return s->base >= 0 && s->base < s->n_cols ? s->cols[s->base] : -1;
}

int gv_grid_vote(gv_app *app) {
  grid_state *s = gv_app_state(app, GV_VIEW_GRID);
  return s->col < s->n_cols ? s->cols[s->col] : -1;
}

int gv_text_vote(const gv_app *app, int doc, int text) {
  const gv_model *m = app->model;
  const gv_text *t = &m->docs[doc].texts[text];
  if ((t->kind == GV_TEXT_RESOLUTION || t->kind == GV_TEXT_DECISION) && t->from_doc >= 0) {
    doc = t->from_doc;
    text = t->from_text;
  }
  for (size_t i = 0; i < m->n_votes; i++)
    if (m->votes[i].doc == doc && m->votes[i].text == text &&
        m->votes[i].subject == GV_SUBJECT_WHOLE)
      return (int)i;
  return -1;
}

const gv_view_ops gv_grid_view = {
    .title = "Votes",
    .hint = "h/l:vote s:sort m:base F:changed ?:help",
    .state_size = sizeof(grid_state),
    .open = grid_open,
    .done = grid_done,
    .list = grid_list,
    .title_detail = grid_title,
    .draw = grid_draw,
    .request = grid_request,
    .select = grid_select,
    .status = grid_status,
    .click = grid_click,
};
