/* gavel: the headless backend: a canvas as plain text and as a style layer. */
#include "config.h"

#include "gavel/render.h"

#include "gavel/util.h"

char gv_style_letter(gv_style s) {
  static const char letters[GV_STYLE_COUNT] = {' ', 'T', 'S', '>', 'L', 'E', 'Y', 'N',
                                               'A', '.', 'C', 'M', 'H', 'D', '+', '-'};
  return s < GV_STYLE_COUNT ? letters[s] : '?';
}

static void trim_line(gv_buf *b, size_t line_start) {
  while (b->len > line_start && b->data[b->len - 1] == ' ')
    b->data[--b->len] = '\0';
  gv_buf_addc(b, '\n');
}

char *gv_render_text(const gv_canvas *c) {
  gv_buf b = {0};
  for (int y = 0; y < c->rows; y++) {
    size_t start = b.len;
    for (int x = 0; x < c->cols; x++) {
      const gv_cell *cell = gv_canvas_cell(c, x, y);
      if (cell->width)
        gv_buf_add(&b, cell->bytes, cell->len);
    }
    trim_line(&b, start);
  }
  return gv_buf_take(&b);
}

char *gv_render_styles(const gv_canvas *c) {
  gv_buf b = {0};
  for (int y = 0; y < c->rows; y++) {
    size_t start = b.len;
    for (int x = 0; x < c->cols; x++)
      gv_buf_addc(&b, gv_style_letter((gv_style)gv_canvas_cell(c, x, y)->style));
    trim_line(&b, start);
  }
  return gv_buf_take(&b);
}
