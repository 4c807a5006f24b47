/* gavel: `gavel search QUERY…`: every paragraph that matches, with the
 * matches marked. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gavel/search.h"
#include "gavel/table.h"
#include "gavel/util.h"

/* Marks around a match: reverse video on a terminal, guillemets otherwise. */
#define MARK_ON_COLOR "\033[1;7m"
#define MARK_OFF_COLOR "\033[0m"
#define MARK_ON_PLAIN "\xc2\xbb"  /* » */
#define MARK_OFF_PLAIN "\xc2\xab" /* « */

/* Returns the paragraph's label as a reader cites it: a report's sub-item
 * "(a)" under paragraph 10 is "10(a)"; "-" when it has none.  Caller frees. */
static char *full_label(const gv_document *d, const gv_node *n) {
  if (n->kind == GV_NODE_ITEM && n->parent >= 0 && n->label[0] == '(')
    return gv_xasprintf("%s%s", d->nodes[n->parent].label, n->label);
  return gv_xstrdup(n->label[0] ? n->label : "-");
}

/* Returns the text with each span wrapped in marks.  Caller frees. */
static char *marked_text(const char *text, const gv_span *sp, size_t n, bool color) {
  gv_buf b = {0};
  size_t at = 0;
  for (size_t i = 0; i < n; i++) {
    gv_buf_add(&b, text + at, sp[i].start - at);
    gv_buf_adds(&b, color ? MARK_ON_COLOR : MARK_ON_PLAIN);
    gv_buf_add(&b, text + sp[i].start, sp[i].end - sp[i].start);
    gv_buf_adds(&b, color ? MARK_OFF_COLOR : MARK_OFF_PLAIN);
    at = sp[i].end;
  }
  gv_buf_adds(&b, text + at);
  return gv_buf_take(&b);
}

/* Returns "start-end,start-end": byte offsets of the spans.  Caller frees. */
static char *span_list(const gv_span *sp, size_t n) {
  gv_buf b = {0};
  for (size_t i = 0; i < n; i++)
    gv_buf_printf(&b, "%s%zu-%zu", i ? "," : "", sp[i].start, sp[i].end);
  return gv_buf_take(&b);
}

static void add_row(gv_table *t, const gv_model *m, const gv_query *q, gv_hit h,
                    const gv_output *o) {
  const gv_document *d = &m->docs[h.doc];
  const gv_node *n = &d->nodes[h.node];
  size_t n_spans;
  gv_span *sp = gv_query_spans(q, n->text, strlen(n->text), &n_spans);
  char *label = full_label(d, n);
  if (o->tsv) {
    char *line = gv_xasprintf("%zu", n->line);
    char *spans = span_list(sp, n_spans);
    gv_table_addv(t, d->id, label, line, spans, n->text);
    free(line);
    free(spans);
  } else {
    char *text = marked_text(n->text, sp, n_spans, o->color);
    gv_table_addv(t, d->id, label, text);
    free(text);
  }
  free(label);
  free(sp);
}

/* Reads the options before the query words; returns the index of the first
 * word, or -1 after printing a message about an unknown option. */
static int read_options(const gv_output *o, int argc, char **argv, gv_case_mode *mode) {
  int i = 1;
  for (; i < argc && gv_starts_with(argv[i], "--"); i++) {
    if (!strcmp(argv[i], "--")) {
      i++;
      break;
    } else if (!strcmp(argv[i], "--exact")) {
      *mode = GV_CASE_EXACT;
    } else if (!strcmp(argv[i], "--ignore-case")) {
      *mode = GV_CASE_IGNORE;
    } else {
      fprintf(o->err, "gavel: search: unknown option %s (try --exact or --ignore-case)\n", argv[i]);
      return -1;
    }
  }
  return i;
}

/* Returns the query words joined by spaces.  Caller frees. */
static char *join_words(int argc, char **argv) {
  gv_buf b = {0};
  for (int i = 0; i < argc; i++) {
    if (i)
      gv_buf_addc(&b, ' ');
    gv_buf_adds(&b, argv[i]);
  }
  return gv_buf_take(&b);
}

int gv_cmd_search(const gv_model *m, const gv_output *o, int argc, char **argv) {
  gv_case_mode mode = GV_CASE_SMART;
  int first = read_options(o, argc, argv, &mode);
  if (first < 0)
    return 2;
  char *text = join_words(argc - first, argv + first);
  const char *error = NULL;
  gv_query *q = gv_query_parse(text, mode, &error);
  free(text);
  if (!q) {
    fprintf(o->err, "gavel: search: %s\n", error);
    return 2;
  }
  gv_index *ix = gv_index_build(m);
  gv_results *r = gv_search(ix, q);
  static const char *const tsv_cols[] = {"doc", "para", "line", "matches", "text"};
  static const char *const cols[] = {"DOC", "PARA", "TEXT"};
  gv_table *t = o->tsv ? gv_table_new(5, tsv_cols) : gv_table_new(3, cols);
  for (size_t i = 0; i < gv_results_count(r); i++)
    add_row(t, m, q, gv_results_get(r, i), o);
  size_t found = gv_results_count(r);
  if (found)
    gv_table_print(t, o->out, o->tsv);
  gv_table_free(t);
  gv_results_free(r);
  gv_index_free(ix);
  gv_query_free(q);
  return found ? 0 : 1;
}
