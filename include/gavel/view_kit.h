/* gavel: drawing helpers for the compare and country views: ballot styles and
 * a pen that writes one line of a view, left to right, clipped to its rect. */
#ifndef GAVEL_VIEW_KIT_H
#define GAVEL_VIEW_KIT_H

#include "gavel/canvas.h"
#include "gavel/model.h"

/* Returns the style of a ballot (GV_STYLE_YES, …; GV_STYLE_ABSENT when out of range). */
gv_style gv_ballot_style(gv_ballot b);

/* Returns a static capitalized ballot name: "Yes", "No", "Abstain", "Absent". */
const char *gv_ballot_title(gv_ballot b);

/* One line of a view being written: x counts columns from r.x. */
typedef struct {
  gv_canvas *c;
  gv_rect r;
  int y; /* canvas row; nothing is written outside r */
  int x;
} gv_pen;

/* Returns a pen at the start of line `line` (0-based) of r. */
gv_pen gv_pen_line(gv_canvas *c, gv_rect r, int line);

/* Writes s at the pen in style st, clipped to the rect; returns the columns used. */
int gv_pen_put(gv_pen *p, const char *s, gv_style st);

/* Writes s at the pen in at most maxw columns (a field of a table row). */
int gv_pen_field(gv_pen *p, const char *s, int maxw, gv_style st);

/* gv_pen_put() of a printf-formatted text. */
int gv_pen_printf(gv_pen *p, gv_style st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Moves the pen to column col of the line (never left of where it is, so a
 * long field pushes the next one right instead of being overwritten). */
void gv_pen_tab(gv_pen *p, int col);

/* Moves the pen to column col of the line, wherever it is (columns). */
void gv_pen_at(gv_pen *p, int col);

/* Writes s right-aligned to end at column end (of the line). */
void gv_pen_right(gv_pen *p, int end, const char *s, gv_style st);

/* Fills the pen's whole line with style st (a cursor line). */
void gv_pen_fill(gv_pen *p, gv_style st);

#endif
