/* End-to-end tests over the bundled corpus, and over variants of it made
 * here: hard-wrapped with page headers inside paragraphs and country lists,
 * and with CRLF line ends and a byte-order mark. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "gavel/corpus.h"
#include "gavel/text.h"
#include "gavel/util.h"
#include "variants.h"

static const char *const files[] = {
    "ga73-first-committee-report-item96.txt", "ga74-resolution-74-29.txt",
    "ga75-first-committee-report-item98.txt", "ga75-resolution-75-32.txt",
    "ga77-first-committee-report-item94.txt"};
#define N_FILES (sizeof files / sizeof files[0])

static char *texts[N_FILES];
static gv_model *bundled;

static int setup(void **state) {
  (void)state;
  gv_diag d = {0};
  bundled = gv_corpus_load(NULL, 0, &d);
  if (!bundled || d.n) {
    gv_diag_print(&d, stderr);
    return -1;
  }
  gv_diag_free(&d);
  for (size_t i = 0; i < N_FILES; i++) {
    char *path = gv_xasprintf("%s/data/corpus/%s", GV_TEST_SRCDIR, files[i]);
    size_t len;
    texts[i] = gv_read_file(path, &len);
    free(path);
    if (!texts[i])
      return -1;
  }
  return 0;
}

static int teardown(void **state) {
  (void)state;
  gv_model_free(bundled);
  for (size_t i = 0; i < N_FILES; i++)
    free(texts[i]);
  return 0;
}

static const gv_vote *vote(const gv_model *m, const char *id) {
  int v = gv_model_find_vote(m, id);
  if (v < 0)
    fail_msg("no vote %s", id);
  return &m->votes[v];
}

static const char *ballot(const gv_model *m, const char *id, const char *name) {
  int c = gv_countries_lookup(m->countries, name, strlen(name));
  if (c < 0)
    fail_msg("no country %s", name);
  return gv_ballot_name((gv_ballot)vote(m, id)->ballots[c]);
}

/* ---- the bundled corpus --------------------------------------------------- */

static void test_five_documents_twelve_votes(void **state) {
  (void)state;
  assert_int_equal(bundled->n_docs, 5);
  assert_int_equal(bundled->n_votes, 12);
  for (size_t i = 0; i < bundled->n_votes; i++) {
    const gv_vote *v = &bundled->votes[i];
    for (int k = GV_YES; k <= GV_ABSTAIN; k++)
      if (v->stated[k] != v->counted[k])
        fail_msg("%s: stated %s %d, counted %d", v->id, gv_ballot_name((gv_ballot)k), v->stated[k],
                 v->counted[k]);
  }
  const gv_vote *l4 = vote(bundled, "A/C.1/75/L.4");
  assert_int_equal(l4->counted[GV_YES], 153);
  assert_int_equal(l4->counted[GV_NO], 11);
  assert_int_equal(l4->counted[GV_ABSTAIN], 9);
}

static void test_votes_are_chronological(void **state) {
  (void)state;
  for (size_t i = 1; i < bundled->n_votes; i++)
    assert_true(strcmp(bundled->votes[i - 1].date, bundled->votes[i].date) <= 0);
  assert_string_equal(bundled->votes[0].date, "2018-11-08");
}

static void test_colombia_over_the_years(void **state) {
  (void)state;
  assert_string_equal(ballot(bundled, "A/C.1/73/L.27/Rev.1", "Colombia"), "yes");
  assert_string_equal(ballot(bundled, "A/C.1/75/L.8/Rev.1", "Colombia"), "no");
  assert_string_equal(ballot(bundled, "A/C.1/77/L.23/Rev.1", "Colombia"), "abstain");
}

static void test_togo_intended_abstention(void **state) {
  (void)state;
  const gv_vote *v = vote(bundled, "A/C.1/75/L.8/Rev.1:pp10");
  int togo = gv_countries_by_iso3(bundled->countries, "TGO");
  assert_int_equal(v->ballots[togo], GV_NO);
  assert_int_equal(v->intended[togo], GV_ABSTAIN);
  assert_string_equal(v->notes[togo], "intended to abstain");
}

static void test_old_names_resolve(void **state) {
  (void)state;
  const gv_country_table *ct = bundled->countries;
  int usa = gv_countries_lookup(ct, "United States", 13);
  int mkd = gv_countries_lookup(ct, "the former Yugoslav Republic of Macedonia", 41);
  assert_string_equal(gv_countries_get(ct, (size_t)usa)->iso3, "USA");
  assert_string_equal(gv_countries_get(ct, (size_t)mkd)->iso3, "MKD");
  /* "United States" is how the PP10 list names it */
  assert_string_equal(ballot(bundled, "A/C.1/75/L.8/Rev.1:pp10", "United States of America"), "no");
  assert_string_equal(ballot(bundled, "A/C.1/73/L.27/Rev.1", "North Macedonia"), "no");
}

static void test_paragraph_votes_point_at_paragraphs(void **state) {
  (void)state;
  const gv_vote *v = vote(bundled, "A/C.1/75/L.8/Rev.1:pp10");
  const gv_document *d = &bundled->docs[v->doc];
  assert_true(v->node >= 0);
  assert_string_equal(d->nodes[v->node].label, "PP10");
  assert_string_equal(d->texts[v->text].ordinal, "II");
  assert_true(gv_starts_with(d->nodes[v->node].text, "Stressing that it is in the interest"));
  const gv_vote *op1 = vote(bundled, "A/C.1/75/L.8/Rev.1:op1");
  assert_string_equal(d->nodes[op1->node].label, "OP1");
  const gv_vote *motion = vote(bundled, "A/C.1/75/L.8/Rev.1:motion-op1");
  assert_int_equal(motion->subject, GV_SUBJECT_MOTION);
  assert_int_equal(motion->node, op1->node);
}

static void test_relations(void **state) {
  (void)state;
  int d75;
  int t = gv_model_find_text(bundled, "A/C.1/75/L.4", &d75);
  assert_int_equal(t, 0);
  const gv_text *draft = &bundled->docs[d75].texts[t];
  assert_string_equal(draft->ordinal, "I");
  assert_string_equal(bundled->docs[draft->adopted_doc].id, "res-75-32");
  assert_string_equal(bundled->docs[d75].symbol, "A/75/394"); /* inferred from 75/32 */
  /* the "Developments" series: 2018, 2019, 2020, 2022 */
  const gv_series *s = &bundled->series[draft->series];
  assert_int_equal(s->n, 3);
  int dev = bundled->docs[gv_model_find_doc(bundled, "res-74-29")].texts[0].series;
  const gv_series *ds = &bundled->series[dev];
  assert_int_equal(ds->n, 4);
  const char *years[] = {"report-73-96", "res-74-29", "report-75-98", "report-77-94"};
  for (size_t i = 0; i < 4; i++)
    assert_string_equal(bundled->docs[ds->docs[i]].id, years[i]);
}

static void test_citation_resolves_to_draft(void **state) {
  (void)state;
  const gv_document *res = &bundled->docs[gv_model_find_doc(bundled, "res-74-29")];
  bool found = false;
  for (size_t i = 0; i < res->n_citations; i++) {
    const gv_citation *c = &res->citations[i];
    if (strcmp(c->symbol, "73/27") != 0)
      continue;
    found = true;
    assert_true(c->target_doc >= 0);
    assert_string_equal(bundled->docs[c->target_doc].id, "report-73-96");
    assert_string_equal(bundled->docs[c->target_doc].texts[c->target_text].symbol,
                        "A/C.1/73/L.27/Rev.1");
  }
  assert_true(found);
}

static void test_resolution_footer_is_not_text(void **state) {
  (void)state;
  const gv_document *r = &bundled->docs[gv_model_find_doc(bundled, "75/32")];
  assert_string_equal(r->meeting, "37th plenary meeting");
  const gv_node *last = &r->nodes[r->n_nodes - 1];
  assert_string_equal(last->label, "OP7");
  assert_null(strstr(last->text, "plenary"));
}

static void test_sponsors(void **state) {
  (void)state;
  int d;
  int t = gv_model_find_text(bundled, "A/C.1/75/L.8/Rev.1", &d);
  const gv_text *x = &bundled->docs[d].texts[t];
  assert_int_equal(x->n_sponsors, 18);
  assert_int_equal(x->n_joined, 9);
}

/* ---- variants: the same votes whatever the layout ------------------------- */

static gv_model *load_variant(char *(*make)(const char *)) {
  char *out[N_FILES];
  for (size_t i = 0; i < N_FILES; i++)
    out[i] = make(texts[i]);
  gv_diag d = {0};
  gv_model *m = gv_corpus_from_memory(files, (const char *const *)out, N_FILES, &d);
  for (size_t i = 0; i < N_FILES; i++)
    free(out[i]);
  if (d.n) {
    gv_diag_print(&d, stderr);
    fail_msg("loading the variant reported %zu problems", d.n);
  }
  gv_diag_free(&d);
  return m;
}

/* The variant must give the same documents, texts, votes and ballots. */
static void assert_same_model(const gv_model *a, const gv_model *b) {
  assert_int_equal(a->n_docs, b->n_docs);
  assert_int_equal(a->n_votes, b->n_votes);
  size_t nc = gv_countries_count(a->countries);
  for (size_t i = 0; i < a->n_votes; i++) {
    assert_string_equal(a->votes[i].id, b->votes[i].id);
    if (memcmp(a->votes[i].ballots, b->votes[i].ballots, nc) != 0)
      fail_msg("%s: ballots differ", a->votes[i].id);
    if (memcmp(a->votes[i].intended, b->votes[i].intended, nc) != 0)
      fail_msg("%s: intended votes differ", a->votes[i].id);
    assert_int_equal(a->votes[i].node >= 0, b->votes[i].node >= 0);
  }
  for (size_t d = 0; d < a->n_docs; d++) {
    assert_string_equal(a->docs[d].id, b->docs[d].id);
    assert_int_equal(a->docs[d].n_texts, b->docs[d].n_texts);
    for (size_t n = 0; n < a->docs[d].n_nodes && n < b->docs[d].n_nodes; n++)
      if (strcmp(a->docs[d].nodes[n].label, b->docs[d].nodes[n].label) != 0)
        fail_msg("%s: node %zu is %s, not %s", a->docs[d].id, n, b->docs[d].nodes[n].label,
                 a->docs[d].nodes[n].label);
    assert_int_equal(a->docs[d].n_nodes, b->docs[d].n_nodes);
  }
}

static void test_hard_wrapped_with_page_headers(void **state) {
  (void)state;
  gv_model *m = load_variant(gv_variant_wrapped);
  assert_same_model(bundled, m);
  gv_model_free(m);
}

static void test_crlf_and_bom(void **state) {
  (void)state;
  gv_model *m = load_variant(gv_variant_crlf_bom);
  assert_same_model(bundled, m);
  gv_model_free(m);
}

int main(void) {
  setenv("GAVEL_DATADIR", GV_TEST_SRCDIR "/data", 1);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_five_documents_twelve_votes),
      cmocka_unit_test(test_votes_are_chronological),
      cmocka_unit_test(test_colombia_over_the_years),
      cmocka_unit_test(test_togo_intended_abstention),
      cmocka_unit_test(test_old_names_resolve),
      cmocka_unit_test(test_paragraph_votes_point_at_paragraphs),
      cmocka_unit_test(test_relations),
      cmocka_unit_test(test_citation_resolves_to_draft),
      cmocka_unit_test(test_resolution_footer_is_not_text),
      cmocka_unit_test(test_sponsors),
      cmocka_unit_test(test_hard_wrapped_with_page_headers),
      cmocka_unit_test(test_crlf_and_bom),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
