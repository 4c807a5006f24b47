/* gavel: allocation helpers, growable buffers, small string utilities. */
#include "config.h"

#include "gavel/util.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void out_of_memory(void) {
  fputs("gavel: out of memory\n", stderr);
  exit(2);
}

void *gv_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    out_of_memory();
  return p;
}

void *gv_xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p)
    out_of_memory();
  return p;
}

void *gv_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    out_of_memory();
  return q;
}

char *gv_xstrdup(const char *s) {
  return s ? gv_xstrndup(s, strlen(s)) : NULL;
}

char *gv_xstrndup(const char *s, size_t n) {
  char *p = gv_xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *gv_xvasprintf(const char *fmt, va_list ap) {
  va_list again;
  va_copy(again, ap);
  char small[256];
  int n = vsnprintf(small, sizeof small, fmt, ap);
  char *out;
  if (n < 0)
    out = gv_xstrdup("");
  else if ((size_t)n < sizeof small)
    out = gv_xstrdup(small);
  else {
    out = gv_xmalloc((size_t)n + 1);
    vsnprintf(out, (size_t)n + 1, fmt, again);
  }
  va_end(again);
  return out;
}

char *gv_xasprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *out = gv_xvasprintf(fmt, ap);
  va_end(ap);
  return out;
}

void gv_grow(void **arr, size_t *cap, size_t need, size_t size) {
  if (need <= *cap)
    return;
  size_t ncap = *cap ? *cap : 8;
  while (ncap < need) {
    if (ncap > SIZE_MAX / 2)
      out_of_memory();
    ncap *= 2;
  }
  if (size && ncap > SIZE_MAX / size)
    out_of_memory();
  *arr = gv_xrealloc(*arr, ncap * size);
  *cap = ncap;
}

void gv_buf_add(gv_buf *b, const char *s, size_t n) {
  gv_grow((void **)&b->data, &b->cap, b->len + n + 1, 1);
  if (n)
    memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void gv_buf_adds(gv_buf *b, const char *s) {
  gv_buf_add(b, s, strlen(s));
}

void gv_buf_addc(gv_buf *b, char c) {
  if (b->len + 2 <= b->cap) { /* the common case: room for c and the NUL */
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return;
  }
  gv_buf_add(b, &c, 1);
}

void gv_buf_printf(gv_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n <= 0)
    return;
  gv_grow((void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1);
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

char *gv_buf_take(gv_buf *b) {
  char *s = b->data ? b->data : gv_xstrdup("");
  b->data = NULL;
  b->len = b->cap = 0;
  return s;
}

void gv_buf_free(gv_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

void gv_qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)) {
  if (base && n > 1)
    qsort(base, n, size, cmp);
}

bool gv_starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool gv_str_ieq(const char *a, const char *b) {
  return strcasecmp(a, b) == 0;
}

char *gv_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  gv_buf b = {0};
  char chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
    gv_buf_add(&b, chunk, got);
  int err = ferror(f) ? errno : 0;
  fclose(f);
  if (err) {
    gv_buf_free(&b);
    errno = err ? err : EIO;
    return NULL;
  }
  *len = b.len;
  return gv_buf_take(&b);
}
