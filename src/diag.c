/* gavel: diagnostics collected while loading, printed once. */
#include "config.h"

#include "gavel/diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "gavel/util.h"

void gv_diag_add(gv_diag *d, gv_severity sev, const char *file, size_t line, const char *fmt, ...) {
  gv_buf b = {0};
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n > 0) {
    gv_grow((void **)&b.data, &b.cap, (size_t)n + 1, 1);
    va_start(ap, fmt);
    vsnprintf(b.data, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b.len = (size_t)n;
  }
  gv_message m = {sev, gv_xstrdup(file), line, gv_buf_take(&b)};
  GV_PUSH(d->items, d->n, d->cap, m);
  if (sev == GV_ERROR)
    d->n_errors++;
}

void gv_diag_print(const gv_diag *d, FILE *out) {
  for (size_t i = 0; i < d->n; i++) {
    const gv_message *m = &d->items[i];
    const char *sev = m->severity == GV_ERROR ? "error" : "warning";
    if (m->file && m->line)
      fprintf(out, "gavel: %s:%zu: %s: %s\n", m->file, m->line, sev, m->message);
    else if (m->file)
      fprintf(out, "gavel: %s: %s: %s\n", m->file, sev, m->message);
    else
      fprintf(out, "gavel: %s: %s\n", sev, m->message);
  }
}

void gv_diag_free(gv_diag *d) {
  if (!d)
    return;
  for (size_t i = 0; i < d->n; i++) {
    free(d->items[i].file);
    free(d->items[i].message);
  }
  free(d->items);
  d->items = NULL;
  d->n = d->cap = d->n_errors = 0;
}
