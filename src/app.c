/* gavel: the browser's shared machinery: layout, frames, status line, focus,
 * history, and the one dispatch path from keys to actions. */
#include "config.h"

#include "gavel/app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/text.h"

static const gv_view_ops *const view_ops[GV_VIEW_COUNT] = {
    &gv_docs_view,    &gv_tree_view,    &gv_grid_view, &gv_results_view,
    &gv_compare_view, &gv_country_view, &gv_diff_view, &gv_help_view};

/* Panes go side by side from this width on. */
enum { WIDE_COLS = 100, WIDE_ROWS = 12 };

gv_app *gv_app_new(const gv_model *model, int cols, int rows) {
  gv_app *app = gv_xcalloc(1, sizeof *app);
  app->model = model;
  app->canvas = gv_canvas_new(cols, rows);
  app->stack[app->n_stack++] = GV_VIEW_GRID;
  app->search.index = gv_index_build(model);
  for (int v = 0; v < GV_VIEW_COUNT; v++)
    app->state[v] = gv_xcalloc(1, view_ops[v]->state_size);
  for (int v = 0; v < GV_VIEW_COUNT; v++)
    if (view_ops[v]->open)
      view_ops[v]->open(app, app->state[v]);
  if (view_ops[GV_VIEW_DOCS]->select)
    view_ops[GV_VIEW_DOCS]->select(app, app->state[GV_VIEW_DOCS]);
  return app;
}

void gv_app_free(gv_app *app) {
  if (!app)
    return;
  for (int v = 0; v < GV_VIEW_COUNT; v++) {
    if (view_ops[v]->done)
      view_ops[v]->done(app->state[v]);
    free(app->state[v]);
  }
  gv_canvas_free(app->canvas);
  gv_search_done(app);
  gv_index_free(app->search.index);
  gv_buf_free(&app->prompt.text);
  free(app->message);
  free(app->history);
  free(app);
}

void *gv_app_state(gv_app *app, gv_view_id v) {
  return app->state[v];
}

void gv_app_message(gv_app *app, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *m = gv_xvasprintf(fmt, ap);
  va_end(ap);
  free(app->message);
  app->message = m;
}

void gv_app_push_history(gv_app *app) {
  gv_place p = {app->focus, -1, -1, gv_grid_vote(app)};
  p.doc = gv_tree_place(app, &p.node);
  GV_PUSH(app->history, app->n_history, app->cap_history, p);
}

gv_view_id gv_app_right(const gv_app *app) {
  return app->stack[app->n_stack - 1];
}

/* Returns true when v is a pane or a view open in the right-hand stack. */
static bool is_open(const gv_app *app, gv_view_id v) {
  for (int i = 0; i < app->n_stack; i++)
    if (app->stack[i] == v)
      return true;
  return v == GV_VIEW_DOCS || v == GV_VIEW_TREE;
}

void gv_app_open_view(gv_app *app, gv_view_id v) {
  int k = 0;
  for (int i = 0; i < app->n_stack; i++) /* raise: remove it from where it was */
    if (app->stack[i] != v || i == 0)
      app->stack[k++] = app->stack[i];
  app->n_stack = k;
  if (v != GV_VIEW_GRID && app->n_stack < GV_VIEW_COUNT)
    app->stack[app->n_stack++] = v;
  app->focus = gv_app_right(app);
  app->help = false;
}

bool gv_app_close_view(gv_app *app) {
  if (app->n_stack <= 1)
    return false;
  gv_view_id closing = app->stack[--app->n_stack];
  if (app->focus == closing)
    app->focus = gv_app_right(app);
  return true;
}

static void go_back(gv_app *app) {
  if (!app->n_history) {
    gv_app_message(app, "Nothing to go back to");
    return;
  }
  gv_place p = app->history[--app->n_history];
  gv_docs_show(app, p.doc);
  gv_tree_show(app, p.doc, p.node);
  gv_grid_show(app, p.vote);
  app->focus = is_open(app, p.focus) ? p.focus : gv_app_right(app);
}

/* ---- layout ---- */

static void layout(gv_app *app) {
  int cols = app->canvas->cols, rows = app->canvas->rows;
  int body = rows - 1; /* the status line */
  memset(app->shown, 0, sizeof app->shown);
  app->wide = cols >= WIDE_COLS && rows >= WIDE_ROWS;
  if (app->help) {
    app->rect[GV_VIEW_HELP] = (gv_rect){0, 1, cols, body - 1};
    app->shown[GV_VIEW_HELP] = true;
    return;
  }
  gv_view_id right = gv_app_right(app);
  if (!app->wide) { /* a tab bar, then the focused pane with its title */
    app->rect[app->focus] = (gv_rect){0, 2, cols, body - 2};
    app->shown[app->focus] = true;
    return;
  }
  if (app->focus == right && view_ops[right]->full) { /* a wide view takes the screen */
    app->rect[right] = (gv_rect){0, 1, cols, body - 1};
    app->shown[right] = true;
    return;
  }
  int left = cols * 2 / 5;
  int n_docs = (int)app->model->n_docs;
  int docs_h = n_docs + 1 < body / 3 ? n_docs + 1 : body / 3;
  if (docs_h < 3)
    docs_h = 3;
  app->rect[GV_VIEW_DOCS] = (gv_rect){0, 1, left, docs_h - 1};
  app->rect[GV_VIEW_TREE] = (gv_rect){0, docs_h + 1, left, body - docs_h - 1};
  app->rect[right] = (gv_rect){left + 1, 1, cols - left - 1, body - 1};
  app->shown[GV_VIEW_DOCS] = app->shown[GV_VIEW_TREE] = app->shown[right] = true;
}

/* Returns the view of pane slot i: documents, paragraphs, the right-hand pane. */
static gv_view_id slot_view(const gv_app *app, int i) {
  return i < 2 ? (gv_view_id)i : gv_app_right(app);
}

/* ---- drawing ---- */

static void draw_title(gv_app *app, gv_view_id v, int x, int y, int w) {
  bool focused = app->help ? v == GV_VIEW_HELP : v == app->focus;
  gv_style st = focused ? GV_STYLE_TITLE : GV_STYLE_STATUS;
  gv_buf b = {0};
  gv_buf_printf(&b, " %s", view_ops[v]->title);
  if (view_ops[v]->title_detail) {
    gv_buf_adds(&b, ": ");
    view_ops[v]->title_detail(app, app->state[v], &b);
  }
  gv_canvas_fill(app->canvas, (gv_rect){x, y, w, 1}, st);
  gv_canvas_puts(app->canvas, x, y, w, b.data ? b.data : "", st);
  gv_buf_free(&b);
}

static void draw_tabs(gv_app *app) {
  int x = 0, cols = app->canvas->cols;
  gv_canvas_fill(app->canvas, (gv_rect){0, 0, cols, 1}, GV_STYLE_STATUS);
  for (int i = 0; i < 3; i++) {
    gv_view_id v = slot_view(app, i);
    char tab[64];
    snprintf(tab, sizeof tab, " %d %s ", i + 1, view_ops[v]->title);
    gv_style st = v == app->focus ? GV_STYLE_TITLE : GV_STYLE_STATUS;
    x += gv_canvas_puts(app->canvas, x, 0, cols - x, tab, st);
    x += gv_canvas_puts(app->canvas, x, 0, cols - x, "|", GV_STYLE_STATUS);
  }
}

static void draw_frames(gv_app *app) {
  gv_view_id right = gv_app_right(app);
  if (app->help || !app->wide || !app->shown[GV_VIEW_DOCS]) {
    gv_view_id v = app->help ? GV_VIEW_HELP : app->focus;
    if (!app->help && !app->wide)
      draw_tabs(app);
    gv_rect r = app->rect[v];
    draw_title(app, v, 0, r.y - 1, r.w);
    return;
  }
  for (int i = 0; i < 3; i++) {
    gv_rect r = app->rect[slot_view(app, i)];
    draw_title(app, slot_view(app, i), r.x, r.y - 1, r.w);
  }
  gv_rect g = app->rect[right];
  for (int y = 0; y < g.y + g.h; y++)
    gv_canvas_puts(app->canvas, g.x - 1, y, 1, "\xe2\x94\x82", GV_STYLE_DIM);
}

/* Draws the prompt on the status line, its end in view, and a block cursor. */
static void draw_prompt(gv_app *app) {
  gv_canvas *c = app->canvas;
  int y = c->rows - 1;
  const char *text = app->prompt.text.data ? app->prompt.text.data : "";
  size_t len = app->prompt.text.len, from = 0;
  int room = c->cols - 2 - gv_text_columns(app->prompt.label, strlen(app->prompt.label));
  unsigned int uc;
  while (from < len && gv_text_columns(text + from, len - from) > room)
    from += (size_t)gv_utf8_decode(text + from, len - from, &uc);
  gv_canvas_fill(c, (gv_rect){0, y, c->cols, 1}, GV_STYLE_NORMAL);
  int x = gv_canvas_puts(c, 0, y, c->cols, app->prompt.label, GV_STYLE_NORMAL);
  x += gv_canvas_put(c, x, y, c->cols - x, text + from, len - from, GV_STYLE_NORMAL);
  x += gv_canvas_puts(c, x, y, c->cols - x, " ", GV_STYLE_SELECTED);
  int iw = gv_text_columns(app->prompt.info, strlen(app->prompt.info));
  if (x + 2 + iw <= c->cols)
    gv_canvas_puts(c, c->cols - iw, y, iw, app->prompt.info, GV_STYLE_DIM);
}

static void draw_status(gv_app *app) {
  gv_canvas *c = app->canvas;
  int y = c->rows - 1;
  if (app->prompt.active) {
    draw_prompt(app);
    return;
  }
  gv_view_id v = app->help ? GV_VIEW_HELP : app->focus;
  gv_canvas_fill(c, (gv_rect){0, y, c->cols, 1}, GV_STYLE_STATUS);
  gv_buf b = {0};
  if (app->message)
    gv_buf_adds(&b, app->message);
  else if (view_ops[v]->status)
    view_ops[v]->status(app, app->state[v], &b);
  const char *text = b.data ? b.data : "";
  int used = gv_canvas_puts(c, 0, y, c->cols, text, GV_STYLE_STATUS);
  const char *hint = view_ops[v]->hint;
  int hw = gv_text_columns(hint, strlen(hint));
  if (used + 2 + hw <= c->cols)
    gv_canvas_puts(c, c->cols - hw, y, hw, hint, GV_STYLE_STATUS);
  gv_buf_free(&b);
}

const gv_canvas *gv_app_draw(gv_app *app) {
  gv_canvas *c = app->canvas;
  gv_canvas_fill(c, (gv_rect){0, 0, c->cols, c->rows}, GV_STYLE_NORMAL);
  layout(app);
  draw_frames(app);
  for (int v = 0; v < GV_VIEW_COUNT; v++)
    if (app->shown[v] && app->rect[v].h > 0 && app->rect[v].w > 0)
      view_ops[v]->draw(app, app->state[v], c, app->rect[v]);
  draw_status(app);
  return c;
}

/* ---- dispatch ---- */

/* Keeps the cursor inside the list and on screen in a pane of h rows. */
static void clamp_list(gv_list *l, int h) {
  if (l->cursor >= l->count)
    l->cursor = l->count - 1;
  if (l->cursor < 0)
    l->cursor = 0;
  if (h < 1)
    h = 1;
  if (l->top > l->cursor)
    l->top = l->cursor;
  if (l->cursor >= l->top + h)
    l->top = l->cursor - h + 1;
  if (l->top < 0)
    l->top = 0;
}

/* Returns the cursor offset of a movement action in a pane of h rows, or 0. */
static int move_delta(gv_action a, const gv_list *l, int h) {
  switch (a) {
  case GV_ACTION_MOVE_DOWN:
    return 1;
  case GV_ACTION_MOVE_UP:
    return -1;
  case GV_ACTION_PAGE_DOWN:
    return h > 1 ? h - 1 : 1;
  case GV_ACTION_PAGE_UP:
    return h > 1 ? -(h - 1) : -1;
  case GV_ACTION_HALF_DOWN:
    return h / 2 > 0 ? h / 2 : 1;
  case GV_ACTION_HALF_UP:
    return h / 2 > 0 ? -(h / 2) : -1;
  case GV_ACTION_FIRST:
    return -l->cursor;
  case GV_ACTION_LAST:
    return l->count - 1 - l->cursor;
  default:
    return 0;
  }
}

static bool generic_move(gv_app *app, gv_view_id v, gv_action a) {
  gv_list *l = view_ops[v]->list ? view_ops[v]->list(app, app->state[v]) : NULL;
  int h = app->rect[v].h;
  if (!l)
    return false;
  int d = move_delta(a, l, h);
  if (!d && a != GV_ACTION_FIRST && a != GV_ACTION_LAST)
    return false;
  int before = l->cursor;
  l->cursor += d;
  clamp_list(l, h);
  if (a == GV_ACTION_PAGE_DOWN || a == GV_ACTION_PAGE_UP)
    l->top += d, clamp_list(l, h);
  if (l->cursor != before && view_ops[v]->select && !app->help)
    view_ops[v]->select(app, app->state[v]);
  return true;
}

/* Focuses pane slot i: documents, paragraphs, the right-hand pane. */
static void focus_slot(gv_app *app, int i) {
  app->focus = slot_view(app, i);
  app->help = false;
}

static int focused_slot(const gv_app *app) {
  return app->focus < 2 ? (int)app->focus : 2;
}

/* Closes the help or the focused view over the right-hand pane; returns false
 * when there was nothing to close. */
static bool close_something(gv_app *app) {
  if (app->help) {
    app->help = false;
    return true;
  }
  return app->focus == gv_app_right(app) && gv_app_close_view(app);
}

/* Esc: closes the help or a view, or else forgets the search highlight. */
static void escape(gv_app *app) {
  if (close_something(app))
    return;
  if (app->search.pattern) {
    gv_search_done(app);
    gv_app_message(app, "Search cleared");
  }
}

static void generic_action(gv_app *app, gv_view_id v, gv_action a) {
  switch (a) {
  case GV_ACTION_NEXT_PANE:
  case GV_ACTION_PREV_PANE:
    focus_slot(app, (focused_slot(app) + (a == GV_ACTION_NEXT_PANE ? 1 : 2)) % 3);
    return;
  case GV_ACTION_PANE_DOCS:
  case GV_ACTION_PANE_TREE:
  case GV_ACTION_PANE_GRID:
    focus_slot(app, (int)(a - GV_ACTION_PANE_DOCS));
    return;
  case GV_ACTION_HELP:
    app->help = !app->help;
    return;
  case GV_ACTION_QUIT:
    if (!close_something(app))
      app->quit = true;
    return;
  case GV_ACTION_CLOSE:
    escape(app);
    return;
  case GV_ACTION_SEARCH:
    gv_search_start(app);
    return;
  case GV_ACTION_SEARCH_NEXT:
  case GV_ACTION_SEARCH_PREV:
    gv_search_step(app, a == GV_ACTION_SEARCH_NEXT ? 1 : -1);
    return;
  case GV_ACTION_RESULTS:
    gv_results_open(app);
    return;
  case GV_ACTION_BACK:
    go_back(app);
    return;
  case GV_ACTION_REDRAW:
    return;
  default:
    if (!gv_jump(app, a) && !generic_move(app, v, a))
      gv_app_message(app, "%s: not available in the %s pane", gv_action_get(a)->name,
                     view_ops[v]->title);
  }
}

static gv_view_id pane_at(gv_app *app, int x, int y) {
  for (int v = GV_VIEW_COUNT - 1; v >= 0; v--) {
    gv_rect r = app->rect[v];
    if (app->shown[v] && x >= r.x && x < r.x + r.w && y >= r.y - 1 && y < r.y + r.h)
      return (gv_view_id)v;
  }
  return GV_VIEW_COUNT;
}

static void mouse(gv_app *app, gv_key_event ev) {
  layout(app);
  if (!app->wide && !app->help && ev.y == 0 && ev.key == GV_KEY_CLICK) {
    focus_slot(app, ev.x * 3 / app->canvas->cols);
    return;
  }
  gv_view_id v = pane_at(app, ev.x, ev.y);
  if (v == GV_VIEW_COUNT)
    return;
  if (ev.key != GV_KEY_CLICK) {
    gv_action a = ev.key == GV_KEY_SCROLL_UP ? GV_ACTION_MOVE_UP : GV_ACTION_MOVE_DOWN;
    for (int i = 0; i < 3; i++)
      generic_move(app, v, a);
    return;
  }
  if (v != GV_VIEW_HELP)
    app->focus = v;
  gv_rect r = app->rect[v];
  if (ev.y >= r.y && view_ops[v]->click &&
      view_ops[v]->click(app, app->state[v], ev.x - r.x, ev.y - r.y, r) && view_ops[v]->select)
    view_ops[v]->select(app, app->state[v]);
}

void gv_app_prompt(gv_app *app, const char *label, gv_prompt_fn fn) {
  app->prompt.active = true;
  app->prompt.label = label;
  app->prompt.fn = fn;
  app->prompt.text.len = 0;
  app->prompt.info[0] = '\0';
  gv_buf_adds(&app->prompt.text, ""); /* an empty, NUL-terminated text */
}

/* Removes the last character (or, with word, the last word) of the prompt. */
static void prompt_erase(gv_buf *t, bool word) {
  while (t->len && word && t->data[t->len - 1] == ' ')
    t->len--;
  do {
    while (t->len && ((unsigned char)t->data[t->len - 1] & 0xC0) == 0x80)
      t->len--; /* continuation bytes */
    if (t->len)
      t->len--;
  } while (word && t->len && t->data[t->len - 1] != ' ');
  t->data[t->len] = '\0';
}

/* Returns the prompt event a key causes after editing the text. */
static gv_prompt_event prompt_edit(gv_buf *t, int key) {
  if (key == GV_KEY_ENTER)
    return GV_PROMPT_ACCEPT;
  if (key == GV_KEY_ESC || key == GV_KEY_CTRL('c') || (key == GV_KEY_BACKSPACE && !t->len))
    return GV_PROMPT_CANCEL;
  if (key == GV_KEY_BACKSPACE || key == GV_KEY_CTRL('h'))
    prompt_erase(t, false);
  else if (key == GV_KEY_CTRL('w'))
    prompt_erase(t, true);
  else if (key == GV_KEY_CTRL('u'))
    t->len = 0, t->data[0] = '\0';
  else if (key >= 0x20 && key < GV_KEY_SPECIAL && key != 0x7f) {
    char u[8];
    int n = gv_utf8_encode((unsigned int)key, u);
    gv_buf_add(t, u, (size_t)n);
  }
  return GV_PROMPT_EDIT;
}

/* Feeds a key to the open prompt. */
static void prompt_key(gv_app *app, int key) {
  gv_prompt *p = &app->prompt;
  size_t before = p->text.len;
  gv_prompt_event ev = prompt_edit(&p->text, key);
  if (ev != GV_PROMPT_EDIT)
    p->active = false;
  if (ev != GV_PROMPT_EDIT || p->text.len != before)
    p->fn(app, ev, p->text.data);
}

void gv_app_feed(gv_app *app, gv_key_event ev) {
  free(app->message);
  app->message = NULL;
  if (ev.key == GV_KEY_RESIZE) {
    gv_canvas_resize(app->canvas, ev.x, ev.y);
    return;
  }
  if (ev.key == GV_KEY_HANGUP) {
    app->quit = true;
    return;
  }
  if (app->prompt.active) {
    if (ev.key != GV_KEY_CLICK && ev.key != GV_KEY_SCROLL_UP && ev.key != GV_KEY_SCROLL_DOWN)
      prompt_key(app, ev.key);
    return;
  }
  if (ev.key == GV_KEY_CLICK || ev.key == GV_KEY_SCROLL_UP || ev.key == GV_KEY_SCROLL_DOWN) {
    mouse(app, ev);
    return;
  }
  gv_action a = gv_action_for_key(ev.key);
  if (a == GV_ACTION_NONE) {
    char name[32];
    gv_app_message(app, "Key %s is not bound; press ? for help",
                   gv_key_name(ev.key, name, sizeof name, 1));
    return;
  }
  layout(app);
  gv_view_id v = app->help ? GV_VIEW_HELP : app->focus;
  if (view_ops[v]->request && view_ops[v]->request(app, app->state[v], a, app->rect[v]))
    return;
  generic_action(app, v, a);
}
