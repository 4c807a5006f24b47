/* gavel: formatting helpers shared by the comparison commands and views. */
#include "config.h"

#include "gavel/compare_text.h"

#include <stdio.h>

const char *gv_vote_date(const gv_model *m, const gv_vote *v) {
  if (v->date)
    return v->date;
  if (v->doc >= 0 && (size_t)v->doc < m->n_docs && m->docs[v->doc].date)
    return m->docs[v->doc].date;
  return "?";
}

const char *gv_text_title(const gv_model *m, int doc, int text) {
  if (doc < 0 || (size_t)doc >= m->n_docs || text < 0 || (size_t)text >= m->docs[doc].n_texts)
    return "(no text)";
  const gv_text *t = &m->docs[doc].texts[text];
  return t->title ? t->title : t->symbol ? t->symbol : "(untitled)";
}

const char *gv_vote_about(const gv_model *m, const gv_vote *v) {
  return v->description ? v->description : gv_text_title(m, v->doc, v->text);
}

void gv_format_score(char *buf, size_t size, double score) {
  snprintf(buf, size, "%.1f%%", 100.0 * score);
}

size_t gv_history_count(const gv_history *h) {
  size_t n = 0;
  for (size_t g = 0; g < h->n_groups; g++)
    n += h->groups[g].n;
  return n;
}
