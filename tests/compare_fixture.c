/* Small in-memory models for the comparison tests. */
#include "config.h"

#include "compare_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gavel/util.h"

static const char fixture_countries[] =
    "iso3\tname\tgroup\tstatus\taliases\n"
    "BRA\tBrazil\tLatin American and Caribbean\tmember\t\n"
    "CHN\tChina\tAsia-Pacific\tmember\t\n"
    "COL\tColombia\tLatin American and Caribbean\tmember\tColombie\n"
    "CRI\tCosta Rica\tLatin American and Caribbean\tmember\t\n"
    "CIV\tC\xc3\xb4te d\xe2\x80\x99Ivoire\tAfrican\tmember\tIvory Coast\n"
    "FRA\tFrance\tWestern European and others\tmember\t\n"
    "RUS\tRussian Federation\tEastern European\tmember\tRussia\n"
    "VAT\tHoly See\tnone\tobserver\t\n";

static gv_country_table *load_countries(void) {
  char path[] = "/tmp/gavel-compare-fixture-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0)
    abort();
  FILE *f = fdopen(fd, "w");
  fputs(fixture_countries, f);
  fclose(f);
  gv_diag diag = {0};
  gv_country_table *t = gv_countries_load(path, &diag);
  unlink(path);
  if (!t || diag.n_errors) {
    gv_diag_print(&diag, stderr);
    abort();
  }
  gv_diag_free(&diag);
  return t;
}

gv_model *cf_model_new(void) {
  gv_model *m = gv_xcalloc(1, sizeof *m);
  m->countries = load_countries();
  return m;
}

int cf_add_series(gv_model *m, const char *title) {
  m->series = gv_xrealloc(m->series, (m->n_series + 1) * sizeof *m->series);
  m->series[m->n_series] = (gv_series){gv_xstrdup(title), NULL, NULL, 0};
  return (int)m->n_series++;
}

static gv_node node(gv_node_kind kind, const char *label, const char *text, int parent) {
  gv_node n = {0};
  n.kind = kind;
  n.label = gv_xstrdup(label);
  n.text = gv_xstrdup(text);
  n.parent = parent;
  n.depth = parent < 0 ? 0 : 1;
  n.text_index = 0;
  n.vote = -1;
  return n;
}

static gv_node_kind kind_of(const char *label) {
  if (strncmp(label, "PP", 2) == 0)
    return GV_NODE_PP;
  if (strncmp(label, "OP", 2) == 0)
    return GV_NODE_OP;
  return GV_NODE_PREAMBLE;
}

static void add_paragraphs(gv_document *d, const char *const *paras) {
  size_t n = 0;
  while (paras && paras[n])
    n++;
  d->nodes = gv_xcalloc(n + 1, sizeof *d->nodes);
  d->nodes[0] = node(GV_NODE_TEXT, "", "", -1);
  d->nodes[0].n_desc = (int)n;
  for (size_t i = 0; i < n; i++) {
    const char *space = strchr(paras[i], ' ');
    char *label = gv_xstrndup(paras[i], (size_t)(space - paras[i]));
    d->nodes[i + 1] = node(kind_of(label), label, space + 1, 0);
    free(label);
  }
  d->n_nodes = n + 1;
}

static int *country_list(const int *list, size_t *n) {
  *n = 0;
  while (list && list[*n] >= 0)
    (*n)++;
  int *out = gv_xcalloc(*n + 1, sizeof *out);
  if (*n)
    memcpy(out, list, *n * sizeof *out);
  return out;
}

int cf_add_draft(gv_model *m, const char *symbol, int series, const char *const *paras,
                 const int *sponsors, const int *joined) {
  m->docs = gv_xrealloc(m->docs, (m->n_docs + 1) * sizeof *m->docs);
  gv_document *d = &m->docs[m->n_docs];
  memset(d, 0, sizeof *d);
  d->id = gv_xasprintf("doc-%zu", m->n_docs);
  d->kind = GV_DOC_REPORT;
  add_paragraphs(d, paras);
  d->texts = gv_xcalloc(1, sizeof *d->texts);
  d->n_texts = 1;
  gv_text *t = &d->texts[0];
  t->kind = GV_TEXT_DRAFT_RESOLUTION;
  t->symbol = gv_xstrdup(symbol);
  t->title = gv_xstrdup(series >= 0 ? m->series[series].title : symbol);
  t->sponsors = country_list(sponsors, &t->n_sponsors);
  t->joined = country_list(joined, &t->n_joined);
  t->series = series;
  t->adopted_doc = t->from_doc = t->from_text = -1;
  if (series >= 0) {
    gv_series *s = &m->series[series];
    s->docs = gv_xrealloc(s->docs, (s->n + 1) * sizeof *s->docs);
    s->texts = gv_xrealloc(s->texts, (s->n + 1) * sizeof *s->texts);
    s->docs[s->n] = (int)m->n_docs;
    s->texts[s->n++] = 0;
  }
  return (int)m->n_docs++;
}

static gv_ballot ballot_from_letter(char c) {
  return c == 'Y' ? GV_YES : c == 'N' ? GV_NO : c == 'A' ? GV_ABSTAIN : GV_ABSENT;
}

int cf_add_vote(gv_model *m, int doc, char para_kind, int para_number, const char *ballots) {
  m->votes = gv_xrealloc(m->votes, (m->n_votes + 1) * sizeof *m->votes);
  gv_vote *v = &m->votes[m->n_votes];
  memset(v, 0, sizeof *v);
  const char *symbol = m->docs[doc].texts[0].symbol;
  v->id = para_kind ? gv_xasprintf("%s:%cp%d", symbol, para_kind == 'P' ? 'p' : 'o', para_number)
                    : gv_xstrdup(symbol);
  v->doc = doc;
  v->text = 0;
  v->node = 0;
  v->stated_node = -1;
  v->subject = para_kind ? GV_SUBJECT_PARAGRAPH : GV_SUBJECT_WHOLE;
  v->para_kind = para_kind;
  v->para_number = para_number;
  v->draft_symbol = gv_xstrdup(symbol);
  v->ballots = gv_xcalloc(CF_COUNT, 1);
  v->intended = gv_xcalloc(CF_COUNT, 1);
  v->notes = gv_xcalloc(CF_COUNT, sizeof *v->notes);
  for (int c = 0; c < CF_COUNT; c++) {
    gv_ballot b = ballot_from_letter(ballots[c]);
    v->ballots[c] = (unsigned char)b;
    v->counted[b]++;
    v->intended[c] = GV_NO_INTENTION;
  }
  for (int b = 0; b < GV_BALLOT_COUNT; b++)
    v->stated[b] = -1;
  return (int)m->n_votes++;
}

void cf_set_intention(gv_model *m, int v, int country, gv_ballot intended, const char *note) {
  m->votes[v].intended[country] = (signed char)intended;
  free(m->votes[v].notes[country]);
  m->votes[v].notes[country] = gv_xstrdup(note);
}
