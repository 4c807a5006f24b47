/* gavel: the compare view: two recorded votes side by side, the transition
 * table between them with a cell cursor, and the countries of the chosen
 * cell (or of every changed cell) by regional group.  Without a first vote
 * it starts with a list of every recorded vote to pick one from. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/app.h"
#include "gavel/compare_text.h"
#include "gavel/view_kit.h"
#include "gavel/view_rows.h"

enum { HEAD_H = 4, TABLE_H = 7, TALLY_W = 11, ID_MAX = 30 };
/* From WIDE_W columns on, the country list goes beside the TABLE_W-column table. */
enum { WIDE_W = 100, TABLE_W = 60 };

typedef struct {
  bool picking; /* choosing the first vote from the list */
  bool picked;  /* the first vote came from the list (back returns to it) */
  gv_list pick; /* over the model's votes */
  int vote_a, vote_b;
  bool built;
  gv_transition t;
  int row, col;  /* the cell cursor, in gv_ballot_order positions */
  bool one_cell; /* the user moved onto a cell: list only its countries */
  bool everyone; /* F: every cell, the diagonal too */
  bool in_list;  /* the cursor is in the country list */
  gv_list list;  /* over rows */
  gv_compare_row *rows;
  size_t n_rows;
} compare_state;

static gv_ballot cell_a(const compare_state *s) {
  return gv_ballot_order[s->row];
}

static gv_ballot cell_b(const compare_state *s) {
  return gv_ballot_order[s->col];
}

static void clear(compare_state *s) {
  if (s->built)
    gv_transition_free(&s->t);
  free(s->rows);
  s->rows = NULL;
  s->n_rows = 0;
  s->built = false;
}

static void build_rows(const gv_model *m, compare_state *s) {
  free(s->rows);
  s->rows = gv_compare_rows(m, &s->t, s->one_cell, cell_a(s), cell_b(s), s->everyone, &s->n_rows);
  s->list = (gv_list){0, 0, (int)s->n_rows};
  if (!s->n_rows)
    s->in_list = false;
}

/* Shows the comparison of vote a with the state's second vote. */
static void show(const gv_model *m, compare_state *s, int a) {
  clear(s);
  s->vote_a = a;
  s->picking = false;
  gv_transition_build(m, s->vote_a, s->vote_b, &s->t);
  s->built = true;
  s->row = s->col = 0;
  s->one_cell = s->everyone = s->in_list = false;
  build_rows(m, s);
}

static void compare_done(void *state) {
  clear(state);
}

static gv_list *compare_list(gv_app *app, void *state) {
  (void)app;
  compare_state *s = state;
  if (s->picking)
    return &s->pick;
  return s->in_list ? &s->list : NULL;
}

/* ---- drawing: the pick list ---- */

static int id_width(const gv_model *m) {
  int w = 4;
  for (size_t i = 0; i < m->n_votes; i++) {
    int k = gv_text_columns(m->votes[i].id, strlen(m->votes[i].id));
    w = k > w ? k : w;
  }
  return w < ID_MAX ? w : ID_MAX;
}

static void tally(const gv_vote *v, char *buf, size_t size) {
  snprintf(buf, size, "%d-%d-%d", v->counted[GV_YES], v->counted[GV_NO], v->counted[GV_ABSTAIN]);
}

static void draw_pick_row(const gv_model *m, const compare_state *s, gv_pen *p, int i, int id_w,
                          bool cursor) {
  const gv_vote *v = &m->votes[i];
  gv_style base = cursor ? GV_STYLE_SELECTED : GV_STYLE_NORMAL;
  char t[48];
  tally(v, t, sizeof t);
  if (cursor)
    gv_pen_fill(p, base);
  gv_pen_put(p, i == s->vote_b ? "2nd " : "    ", cursor ? base : GV_STYLE_MARKER);
  gv_pen_put(p, gv_vote_date(m, v), cursor ? base : GV_STYLE_DIM);
  gv_pen_tab(p, p->x + 2);
  int x = p->x;
  gv_pen_field(p, v->id, id_w, base);
  gv_pen_tab(p, x + id_w + 2);
  gv_pen_put(p, t, cursor ? base : GV_STYLE_LABEL);
  gv_pen_tab(p, x + id_w + 2 + TALLY_W + 1);
  gv_pen_put(p, gv_vote_about(m, v), cursor ? base : GV_STYLE_DIM);
}

static void draw_pick(gv_app *app, compare_state *s, gv_canvas *c, gv_rect r) {
  const gv_model *m = app->model;
  gv_pen p = gv_pen_line(c, r, 0);
  gv_pen_printf(&p, GV_STYLE_LABEL, "Pick the vote to compare with %s (Enter)",
                m->votes[s->vote_b].id);
  gv_rect body = {r.x, r.y + 1, r.w, r.h - 1};
  gv_list *l = &s->pick;
  if (l->cursor >= l->top + body.h)
    l->top = l->cursor - body.h + 1;
  if (l->top > l->cursor)
    l->top = l->cursor;
  bool focused = app->focus == GV_VIEW_COMPARE && !app->help;
  int id_w = id_width(m);
  for (int i = 0; i < body.h && l->top + i < l->count; i++) {
    gv_pen row = gv_pen_line(c, body, i);
    draw_pick_row(m, s, &row, l->top + i, id_w, focused && l->top + i == l->cursor);
  }
}

/* ---- drawing: the comparison ---- */

static void draw_vote_head(const gv_model *m, gv_canvas *c, gv_rect r, const char *tag, int vi) {
  const gv_vote *v = &m->votes[vi];
  char t[48];
  tally(v, t, sizeof t);
  gv_pen p = gv_pen_line(c, r, 0);
  gv_pen_put(&p, tag, GV_STYLE_LABEL);
  gv_pen_put(&p, v->id, GV_STYLE_TITLE);
  p = gv_pen_line(c, r, 1);
  gv_pen_put(&p, gv_vote_about(m, v), GV_STYLE_NORMAL);
  p = gv_pen_line(c, r, 2);
  gv_pen_printf(&p, GV_STYLE_DIM, "%s  %s%s", gv_vote_date(m, v), v->outcome ? v->outcome : "",
                v->outcome ? " " : "");
  gv_pen_put(&p, t, GV_STYLE_DIM);
}

typedef struct {
  int label_w, cell_w;
} table_geometry;

static table_geometry table_geo(int w) {
  table_geometry g = {15, 9};
  if (w < g.label_w + 5 * g.cell_w) {
    g.label_w = 8;
    g.cell_w = (w - g.label_w) / 5 < 8 ? (w - g.label_w) / 5 : 8;
    if (g.cell_w < 4)
      g.cell_w = 4;
  }
  return g;
}

static gv_style count_style(const compare_state *s, int r, int k, int n, bool focused) {
  if (s->one_cell && r == s->row && k == s->col)
    return focused && !s->in_list ? GV_STYLE_SELECTED : GV_STYLE_MARKER;
  if (!n)
    return GV_STYLE_DIM;
  return r == k ? GV_STYLE_NORMAL : GV_STYLE_CHANGED;
}

static void draw_table_row(const compare_state *s, gv_pen *p, table_geometry g, int r,
                           bool focused) {
  const gv_transition *t = &s->t;
  gv_ballot a = r < GV_BALLOT_COUNT ? gv_ballot_order[r] : GV_ABSENT;
  gv_pen_put(p, r < GV_BALLOT_COUNT ? gv_ballot_name(a) : "total",
             r < GV_BALLOT_COUNT ? gv_ballot_style(a) : GV_STYLE_LABEL);
  int sum = 0;
  for (int k = 0; k <= GV_BALLOT_COUNT; k++) {
    gv_ballot b = k < GV_BALLOT_COUNT ? gv_ballot_order[k] : GV_ABSENT;
    int n = k == GV_BALLOT_COUNT ? sum : r < GV_BALLOT_COUNT ? t->count[a][b] : t->total[1][b];
    sum += k < GV_BALLOT_COUNT ? n : 0;
    char num[16];
    snprintf(num, sizeof num, "%d", n);
    gv_style st = k < GV_BALLOT_COUNT && r < GV_BALLOT_COUNT ? count_style(s, r, k, n, focused)
                                                             : GV_STYLE_LABEL;
    gv_pen_at(p, g.label_w + k * g.cell_w);
    if (st == GV_STYLE_SELECTED || st == GV_STYLE_MARKER) /* the cursor spans the cell */
      gv_pen_printf(p, st, "%*s", g.cell_w - 1, num);
    else
      gv_pen_right(p, g.label_w + (k + 1) * g.cell_w - 1, num, st);
  }
}

static void draw_table(const compare_state *s, gv_canvas *c, gv_rect r, bool focused) {
  static const char *const heads[] = {"yes", "no", "abstain", "absent", "total"};
  static const char *const short_heads[] = {"Y", "N", "A", "abs", "sum"};
  table_geometry g = table_geo(r.w);
  gv_pen p = gv_pen_line(c, r, 0);
  gv_pen_put(&p, g.label_w >= 15 ? "first \\ second" : "1\\2", GV_STYLE_DIM);
  for (int k = 0; k <= GV_BALLOT_COUNT; k++)
    gv_pen_right(&p, g.label_w + (k + 1) * g.cell_w - 1, g.cell_w >= 9 ? heads[k] : short_heads[k],
                 k < GV_BALLOT_COUNT ? gv_ballot_style(gv_ballot_order[k]) : GV_STYLE_LABEL);
  for (int row = 0; row <= GV_BALLOT_COUNT; row++) {
    p = gv_pen_line(c, r, 1 + row);
    draw_table_row(s, &p, g, row, focused);
  }
}

/* Writes "yes → abstain" in the ballots' styles. */
static void put_cell_name(gv_pen *p, gv_ballot a, gv_ballot b, gv_style over) {
  gv_pen_put(p, gv_ballot_name(a), over != GV_STYLE_NORMAL ? over : gv_ballot_style(a));
  gv_pen_put(p, " \xe2\x86\x92 ", over);
  gv_pen_put(p, gv_ballot_name(b), over != GV_STYLE_NORMAL ? over : gv_ballot_style(b));
}

static void draw_list_row(const gv_model *m, const compare_state *s, gv_pen *p, size_t i,
                          bool cursor) {
  const gv_compare_row *row = &s->rows[i];
  gv_style over = cursor ? GV_STYLE_SELECTED : GV_STYLE_NORMAL;
  if (cursor)
    gv_pen_fill(p, over);
  if (row->heading) {
    put_cell_name(p, row->a, row->b, over);
    int n = s->t.count[row->a][row->b];
    gv_pen_printf(p, cursor ? over : GV_STYLE_DIM, "  %d member state%s%s", n, n == 1 ? "" : "s",
                  n ? "" : ": none");
    return;
  }
  const gv_country *k = gv_countries_get(m->countries, (size_t)row->country);
  gv_pen_at(p, 2);
  if (row->new_group)
    gv_pen_put(p, gv_group_short(k->group), cursor ? over : GV_STYLE_LABEL);
  gv_pen_at(p, 10);
  gv_pen_put(p, k->name, over);
}

static void draw_list(gv_app *app, compare_state *s, gv_canvas *c, gv_rect r, bool focused) {
  gv_list *l = &s->list;
  if (!s->n_rows) {
    gv_pen p = gv_pen_line(c, r, 0);
    gv_pen_put(&p, s->everyone ? "No member state." : "No member state changed its vote.",
               GV_STYLE_DIM);
    return;
  }
  if (l->cursor >= l->top + r.h)
    l->top = l->cursor - r.h + 1;
  if (l->top > l->cursor)
    l->top = l->cursor;
  for (int i = 0; i < r.h && l->top + i < l->count; i++) {
    gv_pen p = gv_pen_line(c, r, i);
    draw_list_row(app->model, s, &p, (size_t)(l->top + i),
                  focused && s->in_list && l->top + i == l->cursor);
  }
}

static void draw_summary(const compare_state *s, gv_canvas *c, gv_rect r, int line) {
  gv_pen p = gv_pen_line(c, r, line);
  gv_pen_printf(&p, GV_STYLE_DIM, "%d changed. Listed: %s", s->t.changed,
                s->one_cell   ? "this cell (F: every change)"
                : s->everyone ? "everyone (F: changes only)"
                              : "every change (F: everyone)");
}

/* Where the parts of the comparison go in r: the vote headers (when tall
 * enough), the table, and the country list under it or, when wide, beside it. */
typedef struct {
  int head;      /* lines of vote headers */
  gv_rect table; /* the table and its summary line */
  gv_rect list;
} compare_layout;

static compare_layout layout_of(gv_rect r, bool in_list) {
  compare_layout l;
  l.head = r.h >= 18 ? HEAD_H : 0;
  if (r.w < WIDE_W && r.h < TABLE_H + 3) { /* too short for both: the focused part */
    l.table = (gv_rect){r.x, r.y, r.w, in_list ? 0 : r.h};
    l.list = (gv_rect){r.x, r.y, r.w, in_list ? r.h : 0};
    return l;
  }
  l.table = (gv_rect){r.x, r.y + l.head, r.w, TABLE_H};
  if (r.w >= WIDE_W) {
    l.table.w = TABLE_W;
    l.list = (gv_rect){r.x + TABLE_W + 2, r.y + l.head, r.w - TABLE_W - 2, r.h - l.head};
  } else {
    int top = l.head + TABLE_H + 1;
    l.list = (gv_rect){r.x, r.y + top, r.w, r.h - top > 0 ? r.h - top : 0};
  }
  if (l.table.y + l.table.h > r.y + r.h)
    l.table.h = r.y + r.h - l.table.y;
  return l;
}

static void draw_compare(gv_app *app, compare_state *s, gv_canvas *c, gv_rect r) {
  bool focused = app->focus == GV_VIEW_COMPARE && !app->help;
  compare_layout l = layout_of(r, s->in_list);
  int half = r.w / 2;
  if (l.head) {
    draw_vote_head(app->model, c, (gv_rect){r.x, r.y, half - 1, 3}, "first:  ", s->vote_a);
    draw_vote_head(app->model, c, (gv_rect){r.x + half, r.y, r.w - half, 3}, "second: ", s->vote_b);
  }
  if (l.table.h > 0) {
    draw_table(s, c, l.table, focused);
    draw_summary(s, c, l.table, TABLE_H - 1);
  }
  if (l.list.h > 0)
    draw_list(app, s, c, l.list, focused);
}

static void compare_draw(gv_app *app, void *state, gv_canvas *c, gv_rect r) {
  compare_state *s = state;
  if (s->picking)
    draw_pick(app, s, c, r);
  else if (s->built)
    draw_compare(app, s, c, r);
  else
    gv_canvas_puts(c, r.x + 1, r.y, r.w - 1, "No votes to compare.", GV_STYLE_DIM);
}

/* ---- requests ---- */

static void move_cell(gv_app *app, compare_state *s, int dr, int dc) {
  if (s->one_cell) {
    s->row = (s->row + dr + GV_BALLOT_COUNT) % GV_BALLOT_COUNT;
    s->col = (s->col + dc + GV_BALLOT_COUNT) % GV_BALLOT_COUNT;
  } else if (dr || dc) { /* the first move lands next to yes → yes */
    s->row = dr > 0 ? 1 : dr < 0 ? GV_BALLOT_COUNT - 1 : 0;
    s->col = dc > 0 ? 1 : dc < 0 ? GV_BALLOT_COUNT - 1 : 0;
  }
  s->one_cell = true;
  build_rows(app->model, s);
}

static void toggle_everyone(gv_app *app, compare_state *s) {
  s->everyone = !s->everyone;
  s->one_cell = false;
  build_rows(app->model, s);
  gv_app_message(app, s->everyone ? "Listing every member state, by cell"
                                  : "Listing the member states that changed");
}

static int cursor_country(const compare_state *s) {
  if (!s->in_list || s->list.cursor >= (int)s->n_rows)
    return -1;
  return s->rows[s->list.cursor].country;
}

static gv_request_result pick_request(gv_app *app, compare_state *s, gv_action a) {
  if (a != GV_ACTION_ENTER)
    return GV_NOT_MINE;
  if (s->pick.cursor == s->vote_b) {
    gv_app_message(app, "That is the second vote: pick another one");
    return GV_HANDLED;
  }
  show(app->model, s, s->pick.cursor);
  s->picked = true;
  return GV_HANDLED;
}

static gv_request_result table_request(gv_app *app, compare_state *s, gv_action a) {
  switch (a) {
  case GV_ACTION_MOVE_DOWN:
    if (s->one_cell && s->row == GV_BALLOT_COUNT - 1 && s->n_rows) {
      s->in_list = true; /* down from the bottom row: into the list */
      return GV_HANDLED;
    }
    move_cell(app, s, 1, 0);
    return GV_HANDLED;
  case GV_ACTION_MOVE_UP:
    move_cell(app, s, -1, 0);
    return GV_HANDLED;
  case GV_ACTION_ENTER:
    if (s->n_rows)
      s->in_list = true;
    return GV_HANDLED;
  case GV_ACTION_COUNTRY:
    gv_app_message(app, "Enter moves into the country list; then C on a country");
    return GV_HANDLED;
  default:
    return GV_NOT_MINE;
  }
}

static gv_request_result list_request(gv_app *app, compare_state *s, gv_action a) {
  int country = cursor_country(s);
  if ((a == GV_ACTION_MOVE_UP && s->list.cursor == 0) || (a == GV_ACTION_ENTER && country < 0)) {
    s->in_list = false; /* back up into the table */
    return GV_HANDLED;
  }
  if (a != GV_ACTION_ENTER && a != GV_ACTION_COUNTRY)
    return GV_NOT_MINE;
  if (country < 0)
    gv_app_message(app, "Move to a country, then press C");
  else
    gv_country_open(app, country);
  return GV_HANDLED;
}

static gv_request_result compare_request(gv_app *app, void *state, gv_action a, gv_rect r) {
  (void)r;
  compare_state *s = state;
  if (s->picking)
    return pick_request(app, s, a);
  if (!s->built)
    return GV_NOT_MINE;
  if (a == GV_ACTION_LEFT || a == GV_ACTION_RIGHT) {
    move_cell(app, s, 0, a == GV_ACTION_LEFT ? -1 : 1);
    return GV_HANDLED;
  }
  if (a == GV_ACTION_FILTER_CHANGED) {
    toggle_everyone(app, s);
    return GV_HANDLED;
  }
  if (a == GV_ACTION_BACK && s->picked) {
    clear(s);
    s->picking = true;
    return GV_HANDLED;
  }
  return s->in_list ? list_request(app, s, a) : table_request(app, s, a);
}

static void compare_title(gv_app *app, void *state, gv_buf *out) {
  compare_state *s = state;
  const gv_model *m = app->model;
  if (s->picking)
    gv_buf_printf(out, "? \xe2\x86\x92 %s", m->votes[s->vote_b].id);
  else if (s->built)
    gv_buf_printf(out, "%s \xe2\x86\x92 %s", m->votes[s->vote_a].id, m->votes[s->vote_b].id);
}

static void cell_status(const gv_model *m, const compare_state *s, gv_buf *out) {
  gv_ballot a = cell_a(s), b = cell_b(s);
  int n = s->t.count[a][b];
  gv_buf_printf(out, "%s in %s, %s in %s: %d member state%s", gv_ballot_name(a),
                m->votes[s->vote_a].id, gv_ballot_name(b), m->votes[s->vote_b].id, n,
                n == 1 ? "" : "s");
}

static void compare_status(gv_app *app, void *state, gv_buf *out) {
  compare_state *s = state;
  const gv_model *m = app->model;
  if (s->picking) {
    const gv_vote *v = &m->votes[s->pick.cursor];
    gv_buf_printf(out, "Vote %d/%d: %s, %s", s->pick.cursor + 1, s->pick.count, gv_vote_about(m, v),
                  gv_vote_date(m, v));
    return;
  }
  int c = cursor_country(s);
  if (c >= 0) {
    const gv_compare_row *row = &s->rows[s->list.cursor];
    gv_buf_printf(out, "%s: %s, then %s; C: its votes",
                  gv_countries_get(m->countries, (size_t)c)->name, gv_ballot_name(row->a),
                  gv_ballot_name(row->b));
  } else if (s->built && s->one_cell)
    cell_status(m, s, out);
  else if (s->built)
    gv_buf_adds(out, "h/j/k/l: a cell of the table; Enter: into the list");
}

static bool compare_click(gv_app *app, void *state, int x, int y, gv_rect r) {
  compare_state *s = state;
  if (s->picking) {
    if (y < 1 || s->pick.top + y - 1 >= s->pick.count)
      return false;
    s->pick.cursor = s->pick.top + y - 1;
    return true;
  }
  compare_layout l = layout_of(r, s->in_list);
  table_geometry g = table_geo(l.table.w);
  int row = y - l.head - 1, col = (x - g.label_w) / g.cell_w;
  if (!s->built)
    return false;
  if (x < l.table.w && row < l.table.h - 1 && row >= 0 && row < GV_BALLOT_COUNT && x >= g.label_w &&
      col < GV_BALLOT_COUNT) {
    s->row = row, s->col = col, s->one_cell = true, s->in_list = false;
    build_rows(app->model, s);
    return true;
  }
  int lx = x + r.x - l.list.x, ly = y + r.y - l.list.y;
  if (lx >= 0 && ly >= 0 && ly < l.list.h && s->list.top + ly < (int)s->n_rows) {
    s->list.cursor = s->list.top + ly;
    s->in_list = true;
    return true;
  }
  return false;
}

const gv_view_ops gv_compare_view = {
    .title = "Compare",
    .hint = "hjkl:cell Enter:list F:all C:country q:close",
    .full = true,
    .state_size = sizeof(compare_state),
    .done = compare_done,
    .list = compare_list,
    .title_detail = compare_title,
    .draw = compare_draw,
    .request = compare_request,
    .status = compare_status,
    .click = compare_click,
};

void gv_compare_open(gv_app *app, int vote_a, int vote_b) {
  const gv_model *m = app->model;
  compare_state *s = gv_app_state(app, GV_VIEW_COMPARE);
  if (vote_b < 0 || (size_t)vote_b >= m->n_votes || m->n_votes < 2) {
    gv_app_message(app, "Comparing needs two recorded votes");
    return;
  }
  clear(s);
  s->vote_b = vote_b;
  s->picked = false;
  if (vote_a < 0 || (size_t)vote_a >= m->n_votes || vote_a == vote_b) {
    s->picking = true;
    s->pick = (gv_list){gv_compare_pick_default(m, vote_b), 0, (int)m->n_votes};
  } else
    show(m, s, vote_a);
  gv_app_open_view(app, GV_VIEW_COMPARE);
}
