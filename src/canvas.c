/* gavel: the cell grid views draw into, text clipping and wrapping by display
 * width, and visible placeholders for control characters. */
#include "config.h"

#include "gavel/canvas.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>

#include "gavel/text.h"
#include "gavel/util.h"

/* One displayable unit decoded from a document's text. */
typedef struct {
  const char *bytes; /* what to show */
  size_t len;
  int width;    /* columns: 0 for a combining mark, -1 for nothing to show */
  size_t taken; /* source bytes consumed */
  bool space;   /* a break opportunity */
} glyph;

static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */
static const char caret_names[] = "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_";

static bool is_bidi_control(unsigned int uc) {
  return uc == 0x061c || uc == 0x200e || uc == 0x200f || (uc >= 0x202a && uc <= 0x202e) ||
         (uc >= 0x2066 && uc <= 0x2069);
}

/* Control characters become "^X" (two glyphs: the caret, then the letter);
 * *pending carries the letter to the next call. */
static void control_glyph(unsigned int uc, glyph *g, char *pending) {
  g->bytes = "^";
  g->len = 1;
  g->width = 1;
  *pending = uc == 0x7f ? '?' : caret_names[uc];
}

/* Decodes the glyph at s[i..n); *pending holds the second half of a "^X". */
static void next_glyph(const char *s, size_t n, size_t i, glyph *g, char *pending) {
  static char pending_byte[2];
  memset(g, 0, sizeof *g);
  if (*pending) {
    pending_byte[0] = *pending;
    *pending = 0;
    g->bytes = pending_byte;
    g->len = 1;
    g->width = 1;
    return; /* consumes nothing */
  }
  unsigned int uc;
  int k = gv_utf8_decode(s + i, n - i, &uc);
  g->taken = (size_t)k;
  g->bytes = s + i;
  g->len = (size_t)k;
  if (uc == '\t' || uc == '\n' || uc == '\r' || uc == ' ') {
    g->bytes = " ";
    g->len = 1;
    g->width = 1;
    g->space = true;
    return;
  }
  if (uc < 0x20 || uc == 0x7f) {
    control_glyph(uc, g, pending);
    return;
  }
  int w = gv_char_width(uc);
  if (w < 0 || uc == 0xfffd || is_bidi_control(uc)) {
    g->bytes = replacement;
    g->len = 3;
    g->width = 1;
  } else if (w == 0) {
    g->width = uc_is_general_category(uc, UC_CATEGORY_M) ? 0 : -1;
  } else {
    g->width = w;
  }
}

gv_canvas *gv_canvas_new(int cols, int rows) {
  gv_canvas *c = gv_xcalloc(1, sizeof *c);
  gv_canvas_resize(c, cols, rows);
  return c;
}

void gv_canvas_free(gv_canvas *c) {
  if (!c)
    return;
  free(c->cells);
  free(c);
}

void gv_canvas_resize(gv_canvas *c, int cols, int rows) {
  c->cols = cols < 1 ? 1 : cols;
  c->rows = rows < 1 ? 1 : rows;
  free(c->cells);
  c->cells = gv_xcalloc((size_t)c->cols * (size_t)c->rows, sizeof *c->cells);
  gv_canvas_fill(c, (gv_rect){0, 0, c->cols, c->rows}, GV_STYLE_NORMAL);
}

static gv_cell *cell_at(gv_canvas *c, int x, int y) {
  if (x < 0 || y < 0 || x >= c->cols || y >= c->rows)
    return NULL;
  return &c->cells[(size_t)y * (size_t)c->cols + (size_t)x];
}

const gv_cell *gv_canvas_cell(const gv_canvas *c, int x, int y) {
  return cell_at((gv_canvas *)c, x, y);
}

static void blank(gv_cell *cell, gv_style style) {
  cell->bytes[0] = ' ';
  cell->len = 1;
  cell->width = 1;
  cell->style = (unsigned char)style;
}

/* Blanks what remains of a wide character when one of its halves is overwritten. */
static void unpair(gv_canvas *c, int x, int y) {
  gv_cell *cell = cell_at(c, x, y);
  if (cell->width == 0 && x > 0)
    blank(cell_at(c, x - 1, y), (gv_style)cell_at(c, x - 1, y)->style);
  if (cell->width == 2 && x + 1 < c->cols)
    blank(cell_at(c, x + 1, y), (gv_style)cell->style);
}

void gv_canvas_fill(gv_canvas *c, gv_rect r, gv_style style) {
  for (int y = r.y; y < r.y + r.h; y++)
    for (int x = r.x; x < r.x + r.w; x++) {
      gv_cell *cell = cell_at(c, x, y);
      if (cell) {
        unpair(c, x, y);
        blank(cell, style);
      }
    }
}

void gv_canvas_restyle(gv_canvas *c, int x, int y, int w, gv_style style) {
  for (int i = x; i < x + w; i++) {
    gv_cell *cell = cell_at(c, i, y);
    if (cell)
      cell->style = (unsigned char)style;
  }
}

static void set_cell(gv_canvas *c, int x, int y, const glyph *g, gv_style style) {
  unpair(c, x, y);
  gv_cell *cell = cell_at(c, x, y);
  memcpy(cell->bytes, g->bytes, g->len);
  cell->len = (unsigned char)g->len;
  cell->width = (unsigned char)g->width;
  cell->style = (unsigned char)style;
  if (g->width == 2) {
    gv_cell *next = cell_at(c, x + 1, y);
    unpair(c, x + 1, y);
    next->len = 0;
    next->width = 0;
    next->style = (unsigned char)style;
  }
}

/* Appends a combining mark to the cell holding the previous glyph. */
static void attach_mark(gv_canvas *c, int x, int y, const glyph *g, gv_style style) {
  gv_cell *cell = cell_at(c, x, y);
  if (!cell)
    return;
  if (cell->len + g->len <= GV_CELL_BYTES) {
    memcpy(cell->bytes + cell->len, g->bytes, g->len);
    cell->len = (unsigned char)(cell->len + g->len);
  }
  (void)style;
}

int gv_canvas_put(gv_canvas *c, int x, int y, int maxw, const char *s, size_t n, gv_style style) {
  if (y < 0 || y >= c->rows || maxw <= 0)
    return 0;
  if (x + maxw > c->cols)
    maxw = c->cols - x;
  int used = 0, last = -1;
  char pending = 0;
  for (size_t i = 0; i < n || pending;) {
    glyph g;
    next_glyph(s, n, i, &g, &pending);
    i += g.taken;
    if (g.width < 0)
      continue;
    if (g.width == 0) {
      if (last >= 0)
        attach_mark(c, last, y, &g, style);
      continue;
    }
    if (used + g.width > maxw)
      break;
    if (x + used >= 0)
      set_cell(c, x + used, y, &g, style);
    last = x + used;
    used += g.width;
  }
  return used;
}

int gv_canvas_puts(gv_canvas *c, int x, int y, int maxw, const char *s, gv_style style) {
  return gv_canvas_put(c, x, y, maxw, s, strlen(s), style);
}

int gv_text_columns(const char *s, size_t n) {
  int cols = 0;
  char pending = 0;
  for (size_t i = 0; i < n || pending;) {
    glyph g;
    next_glyph(s, n, i, &g, &pending);
    i += g.taken;
    if (g.width > 0)
      cols += g.width;
  }
  return cols;
}

size_t gv_wrap(const char *s, size_t n, int width, size_t **starts) {
  size_t *st = NULL, count = 0, cap = 0;
  if (width < 2)
    width = 2;
  GV_PUSH(st, count, cap, (size_t)0);
  size_t line = 0, brk = 0;
  int col = 0;
  char pending = 0;
  for (size_t i = 0; i < n || pending;) {
    size_t at = i;
    glyph g;
    next_glyph(s, n, i, &g, &pending);
    i += g.taken;
    if (g.width <= 0 || g.space) {
      col += g.width > 0 ? g.width : 0;
      if (g.space)
        brk = i;
      continue;
    }
    if (col + g.width > width && col > 0 && g.taken > 0) {
      line = brk > line ? brk : at;
      GV_PUSH(st, count, cap, line);
      col = gv_text_columns(s + line, at - line);
    }
    col += g.width;
  }
  GV_PUSH(st, count, cap, n);
  *starts = st;
  return count - 1;
}
