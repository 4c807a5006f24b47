/* gavel: freeing and looking things up in the shared model. */
#include "config.h"

#include "gavel/model.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void gv_document_clear(gv_document *d) {
  for (size_t i = 0; i < d->n_nodes; i++) {
    free(d->nodes[i].label);
    free(d->nodes[i].text);
    free(d->nodes[i].footnotes);
    free(d->nodes[i].citations);
  }
  for (size_t i = 0; i < d->n_footnotes; i++) {
    free(d->footnotes[i].marker);
    free(d->footnotes[i].text);
  }
  for (size_t i = 0; i < d->n_texts; i++) {
    gv_text *t = &d->texts[i];
    free(t->symbol);
    free(t->ordinal);
    free(t->title);
    free(t->sponsors);
    free(t->joined);
    free(t->adopted_as);
  }
  for (size_t i = 0; i < d->n_citations; i++)
    free(d->citations[i].symbol);
  free(d->nodes);
  free(d->footnotes);
  free(d->texts);
  free(d->citations);
  free(d->id);
  free(d->path);
  free(d->symbol);
  free(d->agenda_title);
  free(d->title);
  free(d->date);
  free(d->committee);
  free(d->rapporteur);
  free(d->meeting);
  free(d->report_symbol);
  memset(d, 0, sizeof *d);
}

void gv_vote_clear(gv_vote *v, size_t n_countries) {
  free(v->id);
  free(v->draft_symbol);
  free(v->description);
  free(v->outcome);
  free(v->meeting);
  free(v->date);
  free(v->ballots);
  free(v->intended);
  if (v->notes)
    for (size_t i = 0; i < n_countries; i++)
      free(v->notes[i]);
  free(v->notes);
  memset(v, 0, sizeof *v);
}

void gv_model_free(gv_model *model) {
  if (!model)
    return;
  size_t nc = model->countries ? gv_countries_count(model->countries) : 0;
  for (size_t i = 0; i < model->n_docs; i++)
    gv_document_clear(&model->docs[i]);
  for (size_t i = 0; i < model->n_votes; i++)
    gv_vote_clear(&model->votes[i], nc);
  for (size_t i = 0; i < model->n_series; i++) {
    free(model->series[i].title);
    free(model->series[i].docs);
    free(model->series[i].texts);
  }
  free(model->docs);
  free(model->votes);
  free(model->series);
  gv_countries_free(model->countries);
  free(model);
}

/* "A/RES/75/32" and "75/32" name the same resolution. */
static const char *strip_res_prefix(const char *s) {
  return strncasecmp(s, "A/RES/", 6) == 0 ? s + 6 : s;
}

int gv_model_find_doc(const gv_model *model, const char *key) {
  const char *k = strip_res_prefix(key);
  for (size_t i = 0; i < model->n_docs; i++) {
    const gv_document *d = &model->docs[i];
    if (strcasecmp(d->id, key) == 0 || (d->symbol && strcasecmp(d->symbol, key) == 0) ||
        (d->symbol && strcasecmp(strip_res_prefix(d->symbol), k) == 0))
      return (int)i;
  }
  return -1;
}

int gv_model_find_vote(const gv_model *model, const char *id) {
  for (size_t i = 0; i < model->n_votes; i++)
    if (strcasecmp(model->votes[i].id, id) == 0)
      return (int)i;
  return -1;
}

int gv_model_find_text(const gv_model *model, const char *symbol, int *doc) {
  const char *k = strip_res_prefix(symbol);
  for (size_t i = 0; i < model->n_docs; i++)
    for (size_t t = 0; t < model->docs[i].n_texts; t++) {
      const gv_text *x = &model->docs[i].texts[t];
      if ((x->symbol && strcasecmp(strip_res_prefix(x->symbol), k) == 0) ||
          (x->adopted_as && x->kind != GV_TEXT_RESOLUTION && strcasecmp(x->adopted_as, k) == 0 &&
           x->adopted_doc < 0)) {
        if (doc)
          *doc = (int)i;
        return (int)t;
      }
    }
  return -1;
}

const char *gv_ballot_name(gv_ballot b) {
  static const char *names[] = {"absent", "yes", "no", "abstain"};
  return b < GV_BALLOT_COUNT ? names[b] : "absent";
}

char gv_ballot_letter(gv_ballot b) {
  static const char letters[] = {'.', 'Y', 'N', 'A'};
  return b < GV_BALLOT_COUNT ? letters[b] : '.';
}

const char *gv_doc_kind_name(gv_doc_kind kind) {
  switch (kind) {
  case GV_DOC_REPORT:
    return "report";
  case GV_DOC_RESOLUTION:
    return "resolution";
  default:
    return "other";
  }
}
