/* gavel: diagnostics (errors and warnings) collected while loading. */
#ifndef GAVEL_DIAG_H
#define GAVEL_DIAG_H

#include <stdio.h>
#include <stddef.h>

typedef enum { GV_WARNING, GV_ERROR } gv_severity;

typedef struct {
  gv_severity severity;
  char *file;  /* NULL when not about a file */
  size_t line; /* 0 when not about a line */
  char *message;
} gv_message;

typedef struct {
  gv_message *items;
  size_t n;
  size_t cap;
  size_t n_errors;
} gv_diag;

/* Records a message; file may be NULL and line 0. The diag copies its strings. */
void gv_diag_add(gv_diag *d, gv_severity sev, const char *file, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Prints every message as "gavel: FILE:LINE: warning: MESSAGE" to out. */
void gv_diag_print(const gv_diag *d, FILE *out);
/* Frees the messages; the diag can be reused. NULL is allowed. */
void gv_diag_free(gv_diag *d);

#endif
