/* Test helpers: layout variants of documents. */
#include "config.h"

#include "variants.h"

#include <string.h>

#include "gavel/text.h"
#include "gavel/util.h"

enum { WRAP = 72, PAGE = 30 };

static void page_header(gv_buf *out, int page) {
  /* every other header stands between blank lines, the others inside a paragraph */
  const char *pad = page % 2 ? "\n" : "";
  gv_buf_printf(out, "%sA/99/123\n20-1%04d (E)\n%d/40\n%s", pad, page, page, pad);
}

/* Appends one source line wrapped greedily at WRAP display columns. */
static void wrap_line(gv_buf *out, const char *line, size_t n, int *lines, int *page) {
  size_t start = 0;
  while (n - start > 0) {
    size_t end = start, last_space = 0, width = 0;
    while (end < n) {
      unsigned int uc;
      int k = gv_utf8_decode(line + end, n - end, &uc);
      int w = gv_char_width(uc);
      if (width + (size_t)(w > 0 ? w : 0) > WRAP && last_space > start)
        break;
      if (uc == ' ')
        last_space = end;
      width += (size_t)(w > 0 ? w : 0);
      end += (size_t)k;
    }
    size_t stop = end < n ? last_space : n;
    gv_buf_add(out, line + start, stop - start);
    gv_buf_addc(out, '\n');
    if (++*lines % PAGE == 0)
      page_header(out, ++*page);
    start = stop < n ? stop + 1 : n;
  }
}

char *gv_variant_wrapped(const char *text) {
  gv_buf out = {0};
  int lines = 0, page = 0;
  for (const char *p = text; *p;) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    if (n == 0)
      gv_buf_addc(&out, '\n');
    else
      wrap_line(&out, p, n, &lines, &page);
    p += n + (nl ? 1 : 0);
  }
  return gv_buf_take(&out);
}

char *gv_variant_crlf_bom(const char *text) {
  gv_buf out = {0};
  gv_buf_adds(&out, "\xEF\xBB\xBF");
  for (const char *p = text; *p; p++) {
    if (*p == '\n')
      gv_buf_addc(&out, '\r');
    gv_buf_addc(&out, *p);
  }
  return gv_buf_take(&out);
}
