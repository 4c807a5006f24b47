/* gavel: drawing helpers for the compare and country views. */
#include "config.h"

#include "gavel/view_kit.h"

#include "gavel/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

gv_style gv_ballot_style(gv_ballot b) {
  static const gv_style styles[GV_BALLOT_COUNT] = {GV_STYLE_ABSENT, GV_STYLE_YES, GV_STYLE_NO,
                                                   GV_STYLE_ABSTAIN};
  return (unsigned)b < GV_BALLOT_COUNT ? styles[b] : GV_STYLE_ABSENT;
}

const char *gv_ballot_title(gv_ballot b) {
  static const char *const names[GV_BALLOT_COUNT] = {"Absent", "Yes", "No", "Abstain"};
  return (unsigned)b < GV_BALLOT_COUNT ? names[b] : "Absent";
}

gv_pen gv_pen_line(gv_canvas *c, gv_rect r, int line) {
  return (gv_pen){c, r, r.y + line, 0};
}

static bool pen_visible(const gv_pen *p) {
  return p->y >= p->r.y && p->y < p->r.y + p->r.h && p->x < p->r.w;
}

int gv_pen_field(gv_pen *p, const char *s, int maxw, gv_style st) {
  if (!pen_visible(p) || !s)
    return 0;
  int room = p->r.w - p->x;
  int used = gv_canvas_puts(p->c, p->r.x + p->x, p->y, maxw < room ? maxw : room, s, st);
  p->x += used;
  return used;
}

int gv_pen_put(gv_pen *p, const char *s, gv_style st) {
  return gv_pen_field(p, s, p->r.w, st);
}

int gv_pen_printf(gv_pen *p, gv_style st, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *s = gv_xvasprintf(fmt, ap);
  va_end(ap);
  int used = gv_pen_put(p, s, st);
  free(s);
  return used;
}

void gv_pen_tab(gv_pen *p, int col) {
  if (p->x < col)
    p->x = col;
}

void gv_pen_at(gv_pen *p, int col) {
  p->x = col < 0 ? 0 : col;
}

void gv_pen_right(gv_pen *p, int end, const char *s, gv_style st) {
  int w = gv_text_columns(s, strlen(s));
  gv_pen_tab(p, end - w);
  gv_pen_put(p, s, st);
}

void gv_pen_fill(gv_pen *p, gv_style st) {
  if (p->y >= p->r.y && p->y < p->r.y + p->r.h)
    gv_canvas_fill(p->c, (gv_rect){p->r.x, p->y, p->r.w, 1}, st);
}
