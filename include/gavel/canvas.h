/* gavel: a grid of styled cells that views draw into; a curses backend and a
 * plain-text backend both show it, so no view ever talks to the terminal. */
#ifndef GAVEL_CANVAS_H
#define GAVEL_CANVAS_H

#include <stdbool.h>
#include <stddef.h>

/* Semantic styles; each backend decides how a style looks. */
typedef enum {
  GV_STYLE_NORMAL,
  GV_STYLE_TITLE,    /* pane title of the focused pane, section headings */
  GV_STYLE_STATUS,   /* status line, unfocused pane titles */
  GV_STYLE_SELECTED, /* the cursor line */
  GV_STYLE_LABEL,    /* paragraph labels: PP10, OP1(a) */
  GV_STYLE_LEAD,     /* the emphasized operative verb */
  GV_STYLE_YES,
  GV_STYLE_NO,
  GV_STYLE_ABSTAIN,
  GV_STYLE_ABSENT,
  GV_STYLE_CHANGED, /* a ballot that differs from the base column */
  GV_STYLE_MARKER,  /* vote markers, the base column, intention marks */
  GV_STYLE_MATCH,
  GV_STYLE_DIM,    /* footnotes, separators, secondary text */
  GV_STYLE_INSERT, /* words a diff inserts: {+…+} */
  GV_STYLE_DELETE, /* words a diff deletes: [-…-] */
  GV_STYLE_COUNT
} gv_style;

/* The longest grapheme a cell keeps: a base character and combining marks. */
#define GV_CELL_BYTES 16

/* One screen cell.  A wide character occupies its cell (width 2) and the next
 * one, which is a continuation cell (width 0, no bytes). */
typedef struct {
  char bytes[GV_CELL_BYTES]; /* UTF-8, not NUL-terminated */
  unsigned char len;
  unsigned char width; /* 1, 2, or 0 for a continuation cell */
  unsigned char style; /* gv_style */
} gv_cell;

typedef struct {
  int cols, rows;
  gv_cell *cells; /* rows * cols */
} gv_canvas;

/* A rectangle of the canvas. */
typedef struct {
  int x, y, w, h;
} gv_rect;

/* Returns a blank canvas of cols x rows (at least 1x1). Free with gv_canvas_free(). */
gv_canvas *gv_canvas_new(int cols, int rows);
/* Frees the canvas. NULL is allowed. */
void gv_canvas_free(gv_canvas *c);
/* Resizes the canvas and blanks it. */
void gv_canvas_resize(gv_canvas *c, int cols, int rows);
/* Returns the cell at (x, y), or NULL outside the canvas. */
const gv_cell *gv_canvas_cell(const gv_canvas *c, int x, int y);
/* Fills the rectangle (clipped to the canvas) with blanks of the style. */
void gv_canvas_fill(gv_canvas *c, gv_rect r, gv_style style);
/* Sets the style of the cells in row y from x to x+w-1, keeping their text. */
void gv_canvas_restyle(gv_canvas *c, int x, int y, int w, gv_style style);

/* Writes s[0..n) at (x, y) in at most maxw columns; returns the columns used.
 * Never splits a wide character; combining marks join the previous cell;
 * control characters and escape sequences show as visible placeholders
 * ("^[", U+FFFD), never raw. */
int gv_canvas_put(gv_canvas *c, int x, int y, int maxw, const char *s, size_t n, gv_style style);
/* gv_canvas_put() for a NUL-terminated string. */
int gv_canvas_puts(gv_canvas *c, int x, int y, int maxw, const char *s, gv_style style);

/* Returns the columns s[0..n) takes when written with gv_canvas_put(). */
int gv_text_columns(const char *s, size_t n);

/* Splits s[0..n) into lines of at most width columns, breaking at spaces
 * (a longer word breaks between characters).  Returns the number of lines and
 * stores an array of n_lines+1 byte offsets in *starts (line i is
 * starts[i]..starts[i+1], trailing spaces included).  Caller frees *starts. */
size_t gv_wrap(const char *s, size_t n, int width, size_t **starts);

#endif
