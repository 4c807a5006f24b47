/* gavel: the search results pane: every paragraph matching the search, with
 * its document, label and a one-line snippet around the first match. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gavel/app.h"

typedef struct {
  gv_list list;
  unsigned shown; /* the search generation the cursor belongs to, plus one */
} results_state;

enum { ID_MAX = 18, LABEL_MAX = 10 };

static const gv_results *current(gv_app *app) {
  return app->search.results;
}

static const gv_node *hit_node(gv_app *app, gv_hit h) {
  return &app->model->docs[h.doc].nodes[h.node];
}

/* Puts the cursor on the result at the tree's place, or the next one. */
static void sync(gv_app *app, results_state *s) {
  const gv_results *r = current(app);
  s->shown = app->search.generation + 1;
  s->list.count = r ? (int)gv_results_count(r) : 0;
  gv_hit at;
  at.doc = gv_tree_place(app, &at.node);
  long i = r ? gv_results_find(r, at) : -1;
  if (i < 0 && r)
    i = gv_results_next(r, at, true);
  s->list.cursor = i > 0 ? (int)i : 0;
}

static gv_list *results_list(gv_app *app, void *state) {
  results_state *s = state;
  if (s->shown != app->search.generation + 1)
    sync(app, s);
  return &s->list;
}

/* Returns the byte where a snippet of about width columns should start so
 * that the first match sits near its first quarter. */
static size_t snippet_start(const char *text, const gv_span *spans, size_t n, int width) {
  if (!n)
    return 0;
  size_t from = spans[0].start;
  int back = width / 4;
  while (from > 0 && back > 0) {
    from--;
    while (from > 0 && ((unsigned char)text[from] & 0xC0) == 0x80)
      from--;
    back -= gv_text_columns(text + from, 1) > 0 ? 1 : 0;
  }
  while (from > 0 && from < spans[0].start && text[from - 1] != ' ')
    from++; /* start at a word */
  return from;
}

/* Draws text[from..) in w columns with the spans in the match style. */
static void draw_snippet(gv_canvas *c, int x, int y, int w, const char *text, const gv_span *spans,
                         size_t n, size_t from, gv_style base) {
  size_t len = strlen(text), pos = from;
  if (from > 0) {
    int used = gv_canvas_puts(c, x, y, w, "\xe2\x80\xa6", GV_STYLE_DIM);
    x += used, w -= used;
  }
  for (size_t k = 0; pos < len && w > 0; k++) {
    size_t a = k < n ? spans[k].start : len, b = k < n ? spans[k].end : len;
    if (b <= pos)
      continue;
    if (a > pos) {
      int used = gv_canvas_put(c, x, y, w, text + pos, a - pos, base);
      x += used, w -= used, pos = a;
    }
    if (k < n && w > 0) {
      int used = gv_canvas_put(c, x, y, w, text + pos, b - pos, GV_STYLE_MATCH);
      x += used, w -= used, pos = b;
    }
  }
}

static void draw_row(gv_app *app, gv_canvas *c, gv_rect r, int y, gv_hit h, bool cursor) {
  const gv_document *d = &app->model->docs[h.doc];
  const gv_node *n = hit_node(app, h);
  gv_style base = cursor ? GV_STYLE_SELECTED : GV_STYLE_NORMAL;
  if (cursor)
    gv_canvas_fill(c, (gv_rect){r.x, y, r.w, 1}, base);
  int id_w = r.w / 4 < ID_MAX ? r.w / 4 : ID_MAX,
      label_w = r.w / 6 < LABEL_MAX ? r.w / 6 : LABEL_MAX;
  gv_canvas_puts(c, r.x + 1, y, id_w - 1, d->id, cursor ? base : GV_STYLE_DIM);
  gv_canvas_puts(c, r.x + 1 + id_w, y, label_w - 1, n->label, cursor ? base : GV_STYLE_LABEL);
  int x = r.x + 1 + id_w + label_w, w = r.w - (x - r.x);
  size_t n_spans;
  gv_span *spans = gv_search_spans(app, n->text, strlen(n->text), &n_spans);
  draw_snippet(c, x, y, w, n->text, spans, n_spans, snippet_start(n->text, spans, n_spans, w),
               base);
  free(spans);
}

static void results_draw(gv_app *app, void *state, gv_canvas *c, gv_rect r) {
  results_state *s = state;
  gv_list *l = results_list(app, s);
  if (!l->count) {
    gv_canvas_puts(c, r.x + 1, r.y, r.w - 1,
                   app->search.pattern ? "No paragraph matches." : "No search: press / to search.",
                   GV_STYLE_DIM);
    return;
  }
  bool focused = app->focus == GV_VIEW_RESULTS && !app->help;
  for (int i = 0; i < r.h && l->top + i < l->count; i++)
    draw_row(app, c, r, r.y + i, gv_results_get(current(app), (size_t)(l->top + i)),
             focused && l->top + i == l->cursor);
}

/* Shows the result under the cursor in the document list and the tree. */
static void results_select(gv_app *app, void *state) {
  results_state *s = state;
  if (!s->list.count)
    return;
  gv_hit h = gv_results_get(current(app), (size_t)s->list.cursor);
  gv_show_node(app, h.doc, h.node);
}

static gv_request_result results_request(gv_app *app, void *state, gv_action a, gv_rect r) {
  (void)r;
  results_state *s = state;
  gv_list *l = results_list(app, s);
  if (!l->count ||
      (a != GV_ACTION_ENTER && a != GV_ACTION_SEARCH_NEXT && a != GV_ACTION_SEARCH_PREV))
    return GV_NOT_MINE;
  if (a == GV_ACTION_ENTER) {
    gv_app_push_history(app);
    results_select(app, s);
    app->focus = GV_VIEW_TREE;
    return GV_HANDLED;
  }
  l->cursor = (l->cursor + (a == GV_ACTION_SEARCH_NEXT ? 1 : l->count - 1)) % l->count;
  results_select(app, s);
  return GV_HANDLED;
}

static void results_title(gv_app *app, void *state, gv_buf *out) {
  (void)state;
  size_t n = current(app) ? gv_results_count(current(app)) : 0;
  if (app->search.pattern)
    gv_buf_printf(out, "/%s, %zu paragraph%s", app->search.pattern, n, n == 1 ? "" : "s");
}

static void results_status(gv_app *app, void *state, gv_buf *out) {
  results_state *s = state;
  if (!results_list(app, s)->count)
    return;
  gv_hit h = gv_results_get(current(app), (size_t)s->list.cursor);
  const gv_node *n = hit_node(app, h);
  gv_buf_printf(out, "Result %d of %d: %s %s, line %zu", s->list.cursor + 1, s->list.count,
                app->model->docs[h.doc].id, n->label, n->line);
}

static bool results_click(gv_app *app, void *state, int x, int y, gv_rect r) {
  (void)x, (void)r;
  results_state *s = state;
  gv_list *l = results_list(app, s);
  if (l->top + y >= l->count || l->top + y == l->cursor)
    return false;
  l->cursor = l->top + y;
  return true;
}

void gv_results_open(gv_app *app) {
  if (!app->search.pattern) {
    gv_app_message(app, "No search yet: press / to search the paragraphs");
    return;
  }
  results_state *s = gv_app_state(app, GV_VIEW_RESULTS);
  sync(app, s);
  gv_app_open_view(app, GV_VIEW_RESULTS);
}

const gv_view_ops gv_results_view = {
    .title = "Results",
    .hint = "Enter:go to n/N:next/prev q:close",
    .state_size = sizeof(results_state),
    .list = results_list,
    .title_detail = results_title,
    .draw = results_draw,
    .request = results_request,
    .select = results_select,
    .status = results_status,
    .click = results_click,
};
