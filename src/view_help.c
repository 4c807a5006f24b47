/* gavel: the help screen, generated from the action table. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gavel/app.h"

typedef struct {
  gv_list list; /* cursor is the first line shown */
  char **lines; /* a line starting with '#' is a heading */
  size_t n_lines, cap;
} help_state;

enum { KEY_COLUMN = 18 };

static const char *const legend[] = {
    "#Vote grid cells",
    "  Y  yes          N  no          A  abstain          .  absent",
    "  *  the country later said it had intended another vote",
    "  yN changed from the base column: was yes (y), now no (N)",
    "     (the status line counts each kind of change)",
};

static void add_line(help_state *s, char *line) {
  GV_PUSH(s->lines, s->n_lines, s->cap, line);
}

static void add_group(help_state *s, gv_action_group g) {
  add_line(s, gv_xasprintf("#%s", gv_action_group_name(g)));
  for (int a = GV_ACTION_NONE + 1; a < GV_ACTION_COUNT; a++) {
    const gv_action_info *info = gv_action_get((gv_action)a);
    if (info->group != g)
      continue;
    gv_buf b = {0};
    gv_buf_adds(&b, "  ");
    gv_action_keys_readable((gv_action)a, &b);
    int w = gv_text_columns(b.data, b.len);
    do
      gv_buf_addc(&b, ' ');
    while (++w < KEY_COLUMN);
    gv_buf_adds(&b, info->help);
    add_line(s, gv_buf_take(&b));
  }
  add_line(s, gv_xstrdup(""));
}

static void help_open(gv_app *app, void *state) {
  (void)app;
  help_state *s = state;
  for (int g = 0; g < GV_ACTION_GROUP_COUNT; g++)
    add_group(s, (gv_action_group)g);
  for (size_t i = 0; i < sizeof legend / sizeof *legend; i++)
    add_line(s, gv_xstrdup(legend[i]));
  s->list.count = (int)s->n_lines;
}

static void help_done(void *state) {
  help_state *s = state;
  for (size_t i = 0; i < s->n_lines; i++)
    free(s->lines[i]);
  free(s->lines);
}

static gv_list *help_list(gv_app *app, void *state) {
  help_state *s = state;
  int h = app->rect[GV_VIEW_HELP].h;
  s->list.count = (int)s->n_lines - h + 1 > 1 ? (int)s->n_lines - h + 1 : 1;
  s->list.top = s->list.cursor;
  return &s->list;
}

static void help_draw(gv_app *app, void *state, gv_canvas *c, gv_rect r) {
  help_state *s = state;
  help_list(app, state);
  for (int row = 0; row < r.h && (size_t)(s->list.cursor + row) < s->n_lines; row++) {
    const char *line = s->lines[s->list.cursor + row];
    if (line[0] == '#')
      gv_canvas_puts(c, r.x + 1, r.y + row, r.w - 1, line + 1, GV_STYLE_TITLE);
    else
      gv_canvas_puts(c, r.x + 1, r.y + row, r.w - 1, line, GV_STYLE_NORMAL);
  }
}

static void help_title(gv_app *app, void *state, gv_buf *out) {
  (void)app, (void)state;
  gv_buf_adds(out, "keys of gavel");
}

static void help_status(gv_app *app, void *state, gv_buf *out) {
  help_state *s = state;
  int h = app->rect[GV_VIEW_HELP].h;
  int last = s->list.cursor + h < (int)s->n_lines ? s->list.cursor + h : (int)s->n_lines;
  gv_buf_printf(out, "Help: lines %d-%d of %zu", s->list.cursor + 1, last, s->n_lines);
}

const gv_view_ops gv_help_view = {
    .title = "Help",
    .hint = "j/k:scroll q:close",
    .state_size = sizeof(help_state),
    .open = help_open,
    .done = help_done,
    .list = help_list,
    .title_detail = help_title,
    .draw = help_draw,
    .status = help_status,
};
