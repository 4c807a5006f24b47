/* gavel: allocation that never returns NULL, growable byte buffers and arrays. */
#ifndef GAVEL_UTIL_H
#define GAVEL_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* Returns n bytes; exits with a message when memory is exhausted. Caller frees. */
void *gv_xmalloc(size_t n);
/* Returns n*size zeroed bytes, checking overflow; never NULL. Caller frees. */
void *gv_xcalloc(size_t n, size_t size);
/* Returns p resized to n bytes; never NULL. Caller frees. */
void *gv_xrealloc(void *p, size_t n);
/* Returns a copy of s (NULL gives NULL). Caller frees. */
char *gv_xstrdup(const char *s);
/* Returns a NUL-terminated copy of the first n bytes of s. Caller frees. */
char *gv_xstrndup(const char *s, size_t n);
/* Returns a formatted string. Caller frees. */
char *gv_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* gv_xasprintf() with a va_list (ap is used up).  Caller frees. */
char *gv_xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Grows *arr (of elements of `size` bytes, capacity *cap) to hold at least
 * `need` elements. */
void gv_grow(void **arr, size_t *cap, size_t need, size_t size);

/* Appends one element to a dynamic array: arr, n and cap are lvalues. */
#define GV_PUSH(arr, n, cap, value)                                                                \
  do {                                                                                             \
    gv_grow((void **)&(arr), &(cap), (n) + 1, sizeof *(arr));                                      \
    (arr)[(n)++] = (value);                                                                        \
  } while (0)

/* A growable NUL-terminated byte buffer; zero-initialize before use. */
typedef struct {
  char *data; /* NULL until something is appended */
  size_t len;
  size_t cap;
} gv_buf;

/* Appends n bytes of s. */
void gv_buf_add(gv_buf *b, const char *s, size_t n);
/* Appends the NUL-terminated string s. */
void gv_buf_adds(gv_buf *b, const char *s);
/* Appends one byte. */
void gv_buf_addc(gv_buf *b, char c);
/* Appends formatted text. */
void gv_buf_printf(gv_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Returns the buffer's string (never NULL) and resets the buffer; caller frees. */
char *gv_buf_take(gv_buf *b);
/* Frees the buffer's storage and resets it. */
void gv_buf_free(gv_buf *b);

/* Sorts like qsort(), and accepts a NULL base with fewer than two elements. */
void gv_qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* Returns true when s starts with prefix. */
bool gv_starts_with(const char *s, const char *prefix);
/* Returns true when the two strings are equal ignoring ASCII case. */
bool gv_str_ieq(const char *a, const char *b);
/* Reads a whole file into a NUL-terminated buffer, storing its length in *len.
 * Returns NULL and sets errno on failure. Caller frees. */
char *gv_read_file(const char *path, size_t *len);

#endif
