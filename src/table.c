/* gavel: aligned and tab-separated tables for command output. */
#include "config.h"

#include "gavel/table.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/text.h"
#include "gavel/util.h"

struct gv_table {
  size_t n_cols;
  char **headers;
  bool *right;
  char **cells; /* rows * n_cols */
  size_t n_rows;
  size_t cap;
};

gv_table *gv_table_new(size_t n_cols, const char *const *headers) {
  gv_table *t = gv_xcalloc(1, sizeof *t);
  t->n_cols = n_cols;
  t->headers = gv_xcalloc(n_cols, sizeof *t->headers);
  t->right = gv_xcalloc(n_cols, sizeof *t->right);
  for (size_t i = 0; i < n_cols; i++)
    t->headers[i] = gv_xstrdup(headers[i] ? headers[i] : "");
  return t;
}

void gv_table_align_right(gv_table *t, size_t col) {
  if (col < t->n_cols)
    t->right[col] = true;
}

void gv_table_add(gv_table *t, const char *const *cells) {
  gv_grow((void **)&t->cells, &t->cap, (t->n_rows + 1) * t->n_cols, sizeof *t->cells);
  for (size_t i = 0; i < t->n_cols; i++)
    t->cells[t->n_rows * t->n_cols + i] = gv_xstrdup(cells[i] ? cells[i] : "");
  t->n_rows++;
}

void gv_table_addv(gv_table *t, ...) {
  const char **row = gv_xcalloc(t->n_cols, sizeof *row);
  va_list ap;
  va_start(ap, t);
  for (size_t i = 0; i < t->n_cols; i++)
    row[i] = va_arg(ap, const char *);
  va_end(ap);
  gv_table_add(t, row);
  free(row);
}

size_t gv_table_rows(const gv_table *t) {
  return t->n_rows;
}

static void print_tsv_cell(FILE *out, const char *s) {
  for (; *s; s++)
    fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

static void print_padded(FILE *out, const char *s, size_t width, bool right, bool last) {
  size_t w = gv_display_width(s, strlen(s));
  size_t pad = width > w ? width - w : 0;
  if (right)
    fprintf(out, "%*s", (int)pad, "");
  fputs(s, out);
  if (!right && !last)
    fprintf(out, "%*s", (int)pad, "");
}

void gv_table_print(const gv_table *t, FILE *out, bool tsv) {
  if (tsv) {
    for (size_t r = 0; r <= t->n_rows; r++)
      for (size_t c = 0; c < t->n_cols; c++) {
        print_tsv_cell(out, r == 0 ? t->headers[c] : t->cells[(r - 1) * t->n_cols + c]);
        fputc(c + 1 < t->n_cols ? '\t' : '\n', out);
      }
    return;
  }
  size_t *width = gv_xcalloc(t->n_cols, sizeof *width);
  for (size_t r = 0; r <= t->n_rows; r++)
    for (size_t c = 0; c < t->n_cols; c++) {
      const char *s = r == 0 ? t->headers[c] : t->cells[(r - 1) * t->n_cols + c];
      size_t w = gv_display_width(s, strlen(s));
      if (w > width[c])
        width[c] = w;
    }
  for (size_t r = 0; r <= t->n_rows; r++)
    for (size_t c = 0; c < t->n_cols; c++) {
      const char *s = r == 0 ? t->headers[c] : t->cells[(r - 1) * t->n_cols + c];
      print_padded(out, s, width[c], t->right[c], c + 1 == t->n_cols);
      fputs(c + 1 < t->n_cols ? "  " : "\n", out);
    }
  free(width);
}

void gv_table_free(gv_table *t) {
  if (!t)
    return;
  for (size_t i = 0; i < t->n_cols; i++)
    free(t->headers[i]);
  for (size_t i = 0; i < t->n_rows * t->n_cols; i++)
    free(t->cells[i]);
  free(t->headers);
  free(t->right);
  free(t->cells);
  free(t);
}
