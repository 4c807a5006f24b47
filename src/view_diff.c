/* gavel: the diff view: two texts' paragraphs aligned (unchanged, changed,
 * added, removed, moved), the words deleted and inserted in a changed
 * paragraph marked "[-…-]" and "{+…+}" and styled. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gavel/app.h"
#include "gavel/diff_marks.h"

typedef struct {
  gv_list list;        /* over the shown pairs */
  int doc[2], text[2]; /* the old and the new text; doc[0] -1 when none */
  gv_para *para[2];    /* their paragraphs */
  size_t n_para[2];
  int *nodes[2]; /* the tree node of each paragraph */
  gv_alignment *al;
  gv_marked *marked; /* per pair: the text with its changes marked */
  char **labels;     /* per pair: "OP3" or "OP3→OP4" */
  int label_cols;    /* the widest label */
  int *shown;        /* pair indices shown: all, or the changes only */
  size_t n_shown, cap_shown;
  bool changes_only; /* F: unchanged paragraphs hidden */
  int skip;          /* rows of the top item scrolled off */
  int skip_top;      /* the top item skip was counted for */
  int *rows;         /* per pair: rows it takes at the width rows_key says */
  long rows_key;
  int *row_item; /* the list item drawn on each content row, or -1 */
  int n_rows;
} diff_state;

/* Where the parts of the view go inside its rectangle. */
typedef struct {
  int header;  /* rows of the header */
  int label_w; /* the label column, 0 when labels start the text */
  int text_x;  /* column of the text, from the rectangle's left */
  gv_rect body;
} diff_layout;

enum { MARK_COLS = 4, LABEL_MAX = 16, MIN_TEXT = 12 };

static const gv_para_pair *pair_at(const diff_state *s, int item) {
  return &s->al->pairs[s->shown[item]];
}

static diff_layout layout_of(const diff_state *s, gv_rect r) {
  diff_layout l;
  l.header = r.h >= 8 ? 4 : r.h >= 3 ? 1 : 0;
  int cap = r.w >= 60 ? LABEL_MAX : r.w / 5;
  l.label_w = s->label_cols < cap ? s->label_cols : cap;
  l.text_x = MARK_COLS + (l.label_w ? l.label_w + 1 : 0);
  if (r.w - l.text_x < MIN_TEXT) {
    l.label_w = 0;
    l.text_x = r.w - MARK_COLS >= MIN_TEXT / 2 ? MARK_COLS : r.w > 3 ? 3 : 0;
  }
  l.body = (gv_rect){r.x, r.y + l.header, r.w, r.h - l.header};
  return l;
}

/* ---- building ---- */

static void clear(diff_state *s) {
  for (size_t k = 0; s->al && k < s->al->n; k++) {
    gv_marked_free(&s->marked[k]);
    free(s->labels[k]);
  }
  free(s->marked);
  free(s->labels);
  gv_alignment_free(s->al);
  for (int i = 0; i < 2; i++) {
    free(s->para[i]);
    free(s->nodes[i]);
  }
  free(s->shown);
  free(s->rows);
  free(s->row_item);
  memset(s, 0, sizeof *s);
  s->doc[0] = s->doc[1] = s->text[0] = s->text[1] = -1;
}

/* Fills the shown list; keeps the cursor on pair `keep` or the next shown. */
static void fill_shown(diff_state *s, int keep) {
  s->n_shown = 0;
  s->list.cursor = 0;
  for (size_t k = 0; k < s->al->n; k++) {
    if (s->changes_only && !gv_pair_is_change(&s->al->pairs[k]))
      continue;
    if ((int)k <= keep)
      s->list.cursor = (int)s->n_shown;
    GV_PUSH(s->shown, s->n_shown, s->cap_shown, (int)k);
  }
  s->list.count = (int)s->n_shown;
  s->list.top = s->list.cursor < s->list.top ? s->list.cursor : s->list.top;
  s->skip = 0;
}

static void build(gv_app *app, diff_state *s) {
  for (int i = 0; i < 2; i++)
    s->para[i] = gv_text_paragraphs(app->model, s->doc[i], s->text[i], &s->n_para[i], &s->nodes[i]);
  s->al = gv_align(s->para[0], s->n_para[0], s->para[1], s->n_para[1]);
  size_t n = s->al->n ? s->al->n : 1;
  s->marked = gv_xcalloc(n, sizeof *s->marked);
  s->labels = gv_xcalloc(n, sizeof *s->labels);
  s->rows = gv_xcalloc(n, sizeof *s->rows);
  s->rows_key = -1;
  s->label_cols = 0;
  for (size_t k = 0; k < s->al->n; k++) {
    gv_mark_pair(&s->al->pairs[k], s->para[0], s->para[1], &s->marked[k]);
    gv_buf b = {0};
    gv_pair_label(&s->al->pairs[k], s->para[0], s->para[1], "\xe2\x86\x92", &b);
    s->labels[k] = gv_buf_take(&b);
    int w = gv_text_columns(s->labels[k], strlen(s->labels[k]));
    s->label_cols = w > s->label_cols ? w : s->label_cols;
  }
  fill_shown(s, 0);
}

static void diff_open(gv_app *app, void *state) {
  (void)app;
  clear(state);
}

static void diff_done(void *state) {
  clear(state);
}

static gv_list *diff_list(gv_app *app, void *state) {
  (void)app;
  return &((diff_state *)state)->list;
}

/* ---- one paragraph ---- */

/* The text drawn for an item: its label first when it has no column. */
typedef struct {
  gv_buf buf;
  size_t shift; /* bytes of the label before the marked text */
  const gv_marked *m;
} item_text;

static void item_compose(const diff_state *s, int item, const diff_layout *l, item_text *t) {
  int k = s->shown[item];
  const char *label = s->labels[k];
  memset(t, 0, sizeof *t);
  t->m = &s->marked[k];
  if (label[0] && gv_text_columns(label, strlen(label)) > l->label_w) {
    gv_buf_printf(&t->buf, "%s ", label);
    t->shift = t->buf.len;
  }
  gv_buf_add(&t->buf, t->m->text.data ? t->m->text.data : "", t->m->text.len);
}

/* Returns the wrapped lines of an item's text at the layout's width. */
static size_t item_wrap(const item_text *t, const diff_layout *l, size_t **starts) {
  return gv_wrap(t->buf.data ? t->buf.data : "", t->buf.len, l->body.w - l->text_x, starts);
}

/* Returns the rows an item takes (cached per width). */
static int item_rows(diff_state *s, int item, const diff_layout *l) {
  long key = (long)(l->body.w - l->text_x) * 64 + l->label_w;
  if (key != s->rows_key) {
    memset(s->rows, 0, (s->al->n ? s->al->n : 1) * sizeof *s->rows);
    s->rows_key = key;
  }
  int k = s->shown[item];
  if (!s->rows[k]) {
    item_text t;
    size_t *st;
    item_compose(s, item, l, &t);
    size_t n = item_wrap(&t, l, &st);
    s->rows[k] = n ? (int)n : 1;
    free(st);
    gv_buf_free(&t.buf);
  }
  return s->rows[k];
}

static gv_style mark_style(gv_span_kind kind) {
  return kind == GV_SPAN_INSERT ? GV_STYLE_INSERT : GV_STYLE_DELETE;
}

/* Returns the style at byte pos of an item's text and stores in *end where
 * that style stops. */
static gv_style style_at(const item_text *t, size_t pos, gv_style base, size_t *end) {
  if (pos < t->shift) {
    *end = t->shift;
    return GV_STYLE_LABEL;
  }
  for (size_t k = 0; k < t->m->n_marks; k++) {
    const gv_mark *mk = &t->m->marks[k];
    if (mk->end + t->shift <= pos)
      continue;
    if (mk->start + t->shift <= pos) {
      *end = mk->end + t->shift;
      return mark_style(mk->kind);
    }
    *end = mk->start + t->shift;
    return base;
  }
  *end = t->buf.len;
  return base;
}

/* Draws bytes [from, to) of an item's text, without trailing blanks. */
static void put_line(gv_canvas *c, int x, int y, int w, const item_text *t, size_t from, size_t to,
                     gv_style base) {
  while (to > from && t->buf.data[to - 1] == ' ')
    to--;
  for (size_t pos = from, end; pos < to && w > 0; pos = end) {
    gv_style st = style_at(t, pos, base, &end);
    if (end > to)
      end = to;
    int used = gv_canvas_put(c, x, y, w, t->buf.data + pos, end - pos, st);
    x += used;
    w -= used;
  }
}

/* Draws the status marks and the label of an item's first row. */
static void draw_gutter(const diff_state *s, int item, gv_canvas *c, const diff_layout *l, int y,
                        bool cursor) {
  const gv_para_pair *p = pair_at(s, item);
  static const char *const marks[] = {" ", "~", "+", "-"};
  static const gv_style styles[] = {GV_STYLE_NORMAL, GV_STYLE_MARKER, GV_STYLE_INSERT,
                                    GV_STYLE_DELETE};
  int x = l->body.x, w = l->text_x - 1 < l->body.w ? l->text_x - 1 : l->body.w;
  if (w <= 1)
    return;
  gv_canvas_puts(c, x + 1, y, 1, marks[p->status], cursor ? GV_STYLE_SELECTED : styles[p->status]);
  if (p->moved)
    gv_canvas_puts(c, x + 2, y, w - 2, ">", cursor ? GV_STYLE_SELECTED : GV_STYLE_MARKER);
  if (l->label_w)
    gv_canvas_puts(c, x + MARK_COLS, y, l->label_w, s->labels[s->shown[item]],
                   cursor ? GV_STYLE_SELECTED : GV_STYLE_LABEL);
}

/* Draws item rows [skip, skip+max_rows) from row y; returns the rows drawn. */
static int draw_item(diff_state *s, int item, gv_canvas *c, const diff_layout *l, int y, int skip,
                     int max_rows, bool cursor) {
  item_text t;
  size_t *st;
  item_compose(s, item, l, &t);
  size_t n = item_wrap(&t, l, &st);
  const gv_para_pair *p = pair_at(s, item);
  gv_style base = p->status == GV_PARA_UNCHANGED ? GV_STYLE_DIM : GV_STYLE_NORMAL;
  int drawn = 0;
  for (size_t line = (size_t)skip; line < n && drawn < max_rows; line++, drawn++) {
    if (cursor && l->text_x > 1)
      gv_canvas_fill(c, (gv_rect){l->body.x, y + drawn, l->text_x - 1, 1}, GV_STYLE_SELECTED);
    if (drawn == 0) /* the marks stay in view when the text is scrolled */
      draw_gutter(s, item, c, l, y, cursor);
    put_line(c, l->body.x + l->text_x, y + drawn, l->body.w - l->text_x, &t, st[line], st[line + 1],
             base);
  }
  free(st);
  gv_buf_free(&t.buf);
  return drawn;
}

/* ---- scrolling ---- */

/* Returns the rows from the top of the body to the end of the cursor item. */
static int rows_to_cursor_end(diff_state *s, const diff_layout *l) {
  int rows = -s->skip;
  for (int v = s->list.top; v <= s->list.cursor; v++)
    rows += item_rows(s, v, l);
  return rows;
}

/* Keeps the cursor item on screen: all of it when it fits, else its start
 * (or the rows scrolled to within it). */
static void scroll_to_cursor(diff_state *s, const diff_layout *l) {
  gv_list *L = &s->list;
  if (L->top > L->cursor)
    L->top = L->cursor;
  if (L->top < 0)
    L->top = 0;
  if (L->top != s->skip_top || s->skip < 0)
    s->skip = 0;
  int h = l->body.h > 0 ? l->body.h : 1;
  int rows = rows_to_cursor_end(s, l);
  while (rows > h && L->top < L->cursor) {
    rows -= item_rows(s, L->top++, l) - s->skip;
    s->skip = 0;
  }
  if (s->n_shown && s->skip >= item_rows(s, L->top, l))
    s->skip = item_rows(s, L->top, l) - 1;
  s->skip_top = L->top;
}

/* Scrolls down n rows, no further than the end of the cursor item. */
static void scroll_down(diff_state *s, const diff_layout *l, int n) {
  gv_list *L = &s->list;
  for (; n > 0; n--) {
    if (item_rows(s, L->top, l) - s->skip > 1)
      s->skip++;
    else if (L->top < L->cursor)
      L->top++, s->skip = 0;
    else
      break;
  }
  s->skip_top = L->top;
}

/* Moving within a paragraph taller than the screen scrolls it by rows; the
 * cursor moves on once its end is in view.  Returns GV_NOT_MINE otherwise. */
static gv_request_result scroll_within(diff_state *s, gv_action a, gv_rect r) {
  diff_layout l = layout_of(s, r);
  int h = l.body.h > 1 ? l.body.h : 1;
  int step = a == GV_ACTION_MOVE_DOWN || a == GV_ACTION_MOVE_UP   ? 1
             : a == GV_ACTION_HALF_DOWN || a == GV_ACTION_HALF_UP ? (h / 2 > 0 ? h / 2 : 1)
                                                                  : (h > 1 ? h - 1 : 1);
  if (!s->n_shown)
    return GV_NOT_MINE;
  scroll_to_cursor(s, &l);
  if (a == GV_ACTION_MOVE_DOWN || a == GV_ACTION_PAGE_DOWN || a == GV_ACTION_HALF_DOWN) {
    int hidden = rows_to_cursor_end(s, &l) - h;
    if (hidden <= 0)
      return GV_NOT_MINE;
    scroll_down(s, &l, step < hidden ? step : hidden);
    return GV_HANDLED;
  }
  if (s->list.cursor != s->list.top || s->skip == 0)
    return GV_NOT_MINE;
  s->skip = step < s->skip ? s->skip - step : 0;
  return GV_HANDLED;
}

/* ---- drawing ---- */

static void draw_names(gv_app *app, const diff_state *s, gv_canvas *c, gv_rect r) {
  static const char *const marks[] = {"---", "+++"};
  for (int i = 0; i < 2; i++) {
    gv_buf b = {0};
    gv_diff_text_name(app->model, s->doc[i], s->text[i], &b);
    int x = r.x + 1, w = r.w - 1;
    int used = gv_canvas_puts(c, x, r.y + i, w, marks[i], i ? GV_STYLE_INSERT : GV_STYLE_DELETE);
    gv_canvas_put(c, x + used + 1, r.y + i, w - used - 1, b.data, b.len, GV_STYLE_NORMAL);
    gv_buf_free(&b);
  }
}

/* Appends the counts of the alignment to b, in words or (short) by the
 * gutter's marks: "~3 +5 -3 >0 =20". */
static void summary(const diff_state *s, bool brief, gv_buf *b) {
  const gv_alignment *al = s->al;
  if (gv_alignment_identical(al))
    gv_buf_printf(b, brief ? "Identical: %zu paragraphs" : "Identical: %zu paragraphs, no change",
                  al->n);
  else
    gv_buf_printf(b,
                  brief ? "~%zu +%zu -%zu >%zu =%zu"
                        : "%zu changed, %zu added, %zu removed, %zu moved, %zu unchanged",
                  al->n_changed, al->n_added, al->n_removed, al->n_moved, al->n_unchanged);
  if (s->changes_only)
    gv_buf_adds(b, brief ? " (F)" : "; unchanged hidden (F)");
}

static void draw_summary(const diff_state *s, gv_canvas *c, int x, int y, int w) {
  gv_buf b = {0};
  summary(s, false, &b);
  if (gv_text_columns(b.data, b.len) > w) {
    b.len = 0;
    summary(s, true, &b);
  }
  gv_canvas_put(c, x, y, w, b.data, b.len, GV_STYLE_LABEL);
  gv_buf_free(&b);
}

static void draw_header(gv_app *app, const diff_state *s, gv_canvas *c, gv_rect r, int rows) {
  if (rows >= 3)
    draw_names(app, s, c, r);
  if (rows >= 1)
    draw_summary(s, c, r.x + 1, r.y + (rows >= 3 ? 2 : 0), r.w - 1);
}

static void diff_draw(gv_app *app, void *state, gv_canvas *c, gv_rect r) {
  diff_state *s = state;
  if (!s->al) {
    gv_canvas_puts(c, r.x + 1, r.y, r.w - 1, "No diff: press d on a text.", GV_STYLE_DIM);
    return;
  }
  diff_layout l = layout_of(s, r);
  draw_header(app, s, c, r, l.header);
  s->row_item = gv_xrealloc(s->row_item, (size_t)r.h * sizeof *s->row_item);
  s->n_rows = r.h;
  for (int y = 0; y < r.h; y++)
    s->row_item[y] = -1;
  if (!s->n_shown) {
    const char *msg = s->al->n ? "No change: the texts are identical; F shows every paragraph."
                               : "Neither text has paragraphs.";
    if (l.body.h > 0)
      gv_canvas_puts(c, r.x + 1, l.body.y, r.w - 1, msg, GV_STYLE_DIM);
    return;
  }
  scroll_to_cursor(s, &l);
  bool focused = app->focus == GV_VIEW_DIFF && !app->help;
  int y = 0;
  for (int v = s->list.top; v < (int)s->n_shown && y < l.body.h; v++) {
    int rows = draw_item(s, v, c, &l, l.body.y + y, v == s->list.top ? s->skip : 0, l.body.h - y,
                         focused && v == s->list.cursor);
    for (int k = y; k < y + rows; k++)
      s->row_item[l.header + k] = v;
    y += rows;
  }
}

/* ---- actions ---- */

/* n, N: the next (dir 1) or previous (-1) change, wrapping around. */
static gv_request_result step_change(gv_app *app, diff_state *s, int dir) {
  int n = (int)s->n_shown;
  for (int i = 1; i <= n; i++) {
    int v = s->list.cursor + dir * i;
    bool wrapped = v < 0 || v >= n;
    v = (v % n + n) % n;
    if (!gv_pair_is_change(pair_at(s, v)))
      continue;
    s->list.cursor = v;
    if (wrapped)
      gv_app_message(app, dir > 0 ? "Wrapped to the first change" : "Wrapped to the last change");
    return GV_HANDLED;
  }
  gv_app_message(app, "No change: the texts are identical");
  return GV_HANDLED;
}

static gv_request_result toggle_changes(gv_app *app, diff_state *s) {
  int keep = s->n_shown ? s->shown[s->list.cursor] : 0;
  s->changes_only = !s->changes_only;
  fill_shown(s, keep);
  gv_app_message(app, s->changes_only ? "Showing the changes only; F shows every paragraph"
                                      : "Showing every paragraph");
  return GV_HANDLED;
}

/* Enter: the paragraph in its document's tree (the new text's, or the old
 * one's for a removed paragraph). */
static gv_request_result show_in_tree(gv_app *app, diff_state *s) {
  const gv_para_pair *p = pair_at(s, s->list.cursor);
  int side = p->b >= 0 ? 1 : 0, index = side ? p->b : p->a;
  int node = index >= 0 && s->nodes[side] ? s->nodes[side][index] : -1;
  gv_app_push_history(app);
  gv_show_node(app, s->doc[side], node);
  app->focus = GV_VIEW_TREE;
  return GV_HANDLED;
}

static gv_request_result diff_request(gv_app *app, void *state, gv_action a, gv_rect r) {
  diff_state *s = state;
  if (!s->al)
    return GV_NOT_MINE;
  switch (a) {
  case GV_ACTION_FILTER_CHANGED:
    return toggle_changes(app, s);
  case GV_ACTION_SEARCH_NEXT:
  case GV_ACTION_SEARCH_PREV:
    return s->n_shown ? step_change(app, s, a == GV_ACTION_SEARCH_NEXT ? 1 : -1) : GV_HANDLED;
  case GV_ACTION_ENTER:
    return s->n_shown ? show_in_tree(app, s) : GV_HANDLED;
  case GV_ACTION_MOVE_DOWN:
  case GV_ACTION_MOVE_UP:
  case GV_ACTION_PAGE_DOWN:
  case GV_ACTION_PAGE_UP:
  case GV_ACTION_HALF_DOWN:
  case GV_ACTION_HALF_UP:
    return scroll_within(s, a, r);
  default:
    return GV_NOT_MINE;
  }
}

static const char *text_symbol(gv_app *app, int doc, int text) {
  if (doc < 0 || (size_t)doc >= app->model->n_docs)
    return "?";
  const gv_document *d = &app->model->docs[doc];
  return text >= 0 && (size_t)text < d->n_texts && d->texts[text].symbol ? d->texts[text].symbol
                                                                         : d->id;
}

static void diff_title(gv_app *app, void *state, gv_buf *out) {
  diff_state *s = state;
  if (s->al)
    gv_buf_printf(out, "%s \xe2\x86\x92 %s", text_symbol(app, s->doc[0], s->text[0]),
                  text_symbol(app, s->doc[1], s->text[1]));
}

/* Returns the number of the change a shown item is (1-based), or 0. */
static int change_number(const diff_state *s, int item, int *total) {
  int number = 0;
  *total = 0;
  for (size_t k = 0; k < s->al->n; k++)
    if (gv_pair_is_change(&s->al->pairs[k])) {
      ++*total;
      if ((int)k == s->shown[item])
        number = *total;
    }
  return number;
}

static void diff_status(gv_app *app, void *state, gv_buf *out) {
  (void)app;
  diff_state *s = state;
  if (!s->al || !s->n_shown)
    return;
  int item = s->list.cursor, total;
  const gv_para_pair *p = pair_at(s, item);
  const char *label = s->labels[s->shown[item]];
  const char *moved = !p->moved ? "" : p->status == GV_PARA_UNCHANGED ? ", moved" : " and moved";
  int number = change_number(s, item, &total);
  if (!label[0]) /* the unlabelled "The General Assembly," */
    gv_buf_printf(out, "Paragraph %d of %d, %s%s", item + 1, (int)s->n_shown,
                  gv_pair_status_name(p), moved);
  else
    gv_buf_printf(out, "%s %s%s", label, gv_pair_status_name(p), moved);
  if (!label[0])
    return;
  if (number)
    gv_buf_printf(out, ", change %d of %d", number, total);
  else
    gv_buf_printf(out, ", paragraph %d of %d", item + 1, (int)s->n_shown);
}

static bool diff_click(gv_app *app, void *state, int x, int y, gv_rect r) {
  (void)app, (void)x, (void)r;
  diff_state *s = state;
  if (y < 0 || y >= s->n_rows || s->row_item[y] < 0 || s->row_item[y] == s->list.cursor)
    return false;
  s->list.cursor = s->row_item[y];
  return true;
}

const gv_view_ops gv_diff_view = {
    .title = "Diff",
    .hint = "n/N:next/prev change F:changes only q:close",
    .full = true,
    .state_size = sizeof(diff_state),
    .open = diff_open,
    .done = diff_done,
    .list = diff_list,
    .title_detail = diff_title,
    .draw = diff_draw,
    .request = diff_request,
    .status = diff_status,
    .click = diff_click,
};

void gv_diff_open(gv_app *app, int doc_a, int text_a, int doc_b, int text_b) {
  diff_state *s = gv_app_state(app, GV_VIEW_DIFF);
  if (!s->al || s->doc[0] != doc_a || s->text[0] != text_a || s->doc[1] != doc_b ||
      s->text[1] != text_b) {
    bool changes_only = s->changes_only;
    clear(s);
    s->doc[0] = doc_a, s->text[0] = text_a, s->doc[1] = doc_b, s->text[1] = text_b;
    s->changes_only = changes_only;
    build(app, s);
  }
  gv_app_open_view(app, GV_VIEW_DIFF);
  if (gv_alignment_identical(s->al))
    gv_app_message(app, "The two texts are identical");
}
