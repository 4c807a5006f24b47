/* gavel: the document list pane. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "gavel/app.h"

typedef struct {
  gv_list list;
} docs_state;

static void docs_open(gv_app *app, void *state) {
  docs_state *s = state;
  s->list.count = (int)app->model->n_docs;
}

static gv_list *docs_list(gv_app *app, void *state) {
  (void)app;
  return &((docs_state *)state)->list;
}

static int id_width(const gv_model *m) {
  int w = 2;
  for (size_t i = 0; i < m->n_docs; i++) {
    int iw = gv_text_columns(m->docs[i].id, strlen(m->docs[i].id));
    if (iw > w)
      w = iw;
  }
  return w;
}

/* Writes s in a column of width w (clipped) and returns the next column's x. */
static int column(gv_canvas *c, int x, int y, int w, int end, const char *s, gv_style st) {
  if (x >= end)
    return x;
  gv_canvas_puts(c, x, y, (x + w > end ? end - x : w), s ? s : "-", st);
  return x + w + 1;
}

static void draw_doc(gv_app *app, gv_canvas *c, gv_rect r, int y, int i, bool selected) {
  const gv_document *d = &app->model->docs[i];
  gv_style st = selected ? GV_STYLE_SELECTED : GV_STYLE_NORMAL;
  if (selected)
    gv_canvas_fill(c, (gv_rect){r.x, y, r.w, 1}, st);
  int end = r.x + r.w, x = r.x + 1;
  char session[16];
  snprintf(session, sizeof session, "%d", d->session);
  x = column(c, x, y, id_width(app->model), end, d->id, selected ? st : GV_STYLE_LABEL);
  x = column(c, x, y, 3, end, d->session ? session : "-", st);
  if (r.w >= 60) {
    x = column(c, x, y, 10, end, d->date, st);
    x = column(c, x, y, 10, end, gv_doc_kind_name(d->kind), st);
  }
  column(c, x, y, end - x, end, d->title, st);
}

static void docs_draw(gv_app *app, void *state, gv_canvas *c, gv_rect r) {
  docs_state *s = state;
  if (!s->list.count) {
    gv_canvas_puts(c, r.x + 1, r.y, r.w - 1, "No documents loaded.", GV_STYLE_DIM);
    return;
  }
  if (s->list.cursor < s->list.top)
    s->list.top = s->list.cursor;
  if (s->list.cursor >= s->list.top + r.h)
    s->list.top = s->list.cursor - r.h + 1;
  bool focused = app->focus == GV_VIEW_DOCS && !app->help;
  for (int row = 0; row < r.h && s->list.top + row < s->list.count; row++) {
    int i = s->list.top + row;
    draw_doc(app, c, r, r.y + row, i, focused && i == s->list.cursor);
  }
}

static void docs_title(gv_app *app, void *state, gv_buf *out) {
  (void)state;
  gv_buf_printf(out, "%zu", app->model->n_docs);
}

static void docs_select(gv_app *app, void *state) {
  docs_state *s = state;
  if (!s->list.count)
    return;
  gv_tree_show(app, s->list.cursor, -1);
  gv_tree_view.select(app, gv_app_state(app, GV_VIEW_TREE));
}

static gv_request_result docs_request(gv_app *app, void *state, gv_action a, gv_rect r) {
  (void)state;
  (void)r;
  if (a != GV_ACTION_ENTER && a != GV_ACTION_RIGHT)
    return GV_NOT_MINE;
  app->focus = GV_VIEW_TREE;
  return GV_HANDLED;
}

static void docs_status(gv_app *app, void *state, gv_buf *out) {
  docs_state *s = state;
  if (!s->list.count)
    return;
  const gv_document *d = &app->model->docs[s->list.cursor];
  gv_buf_printf(out, "Document %d/%d %s", s->list.cursor + 1, s->list.count,
                d->symbol ? d->symbol : d->id);
  if (d->agenda_item)
    gv_buf_printf(out, ", agenda item %d", d->agenda_item);
}

static bool docs_click(gv_app *app, void *state, int x, int y, gv_rect r) {
  (void)app, (void)x, (void)r;
  docs_state *s = state;
  int i = s->list.top + y;
  if (i >= s->list.count || i == s->list.cursor)
    return false;
  s->list.cursor = i;
  return true;
}

void gv_docs_show(gv_app *app, int doc) {
  docs_state *s = gv_app_state(app, GV_VIEW_DOCS);
  if (doc >= 0 && doc < s->list.count)
    s->list.cursor = doc;
}

const gv_view_ops gv_docs_view = {
    .title = "Documents",
    .hint = "Enter:open Tab:pane ?:help",
    .state_size = sizeof(docs_state),
    .open = docs_open,
    .list = docs_list,
    .title_detail = docs_title,
    .draw = docs_draw,
    .request = docs_request,
    .select = docs_select,
    .status = docs_status,
    .click = docs_click,
};
