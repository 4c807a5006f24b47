/* Unit tests for search (src/query.c, src/search.c, src/cmd_search.c): the
 * folding and matching rules, match spans in the original text, result
 * order, and the command's output. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "gavel/search.h"
#include "gavel/util.h"
#include "search_fixture.h"

#define COTE_NFC "C\xc3\xb4te d\xe2\x80\x99Ivoire"  /* Côte d’Ivoire */
#define COTE_NFD "Co\xcc\x82te d\xe2\x80\x99Ivoire" /* o + combining circumflex */

static const fixture_para report[] = {
    {"1", "Cuba and " COTE_NFC " voted in favour."},
    {"2", "The Democratic People\xe2\x80\x99s Republic of Korea and Timor\xe2\x80\x93Leste."},
    {"3", "Risks to the supply chain of critical infrastructure."},
    {"4", "The chain of custody and the supply of goods."},
    {"5", "STRASSE and Stra\xc3\x9f"
          "e and the \xef\xac\x81nancial rules."},
    {"6", "An \xe2\x80\x9cinformation security\xe2\x80\x9d regime; Security Council."},
};
static const fixture_para resolution[] = {
    {"PP1", "Recalling the supply   chain resolutions,"},
    {"OP1", COTE_NFD " requests a report."},
    {"OP2", "Decides to remain seized of the matter."},
};
static const fixture_doc docs[] = {
    {"report-1", report, sizeof report / sizeof report[0]},
    {"res-1", resolution, sizeof resolution / sizeof resolution[0]},
};

static gv_model *model;
static gv_index *ix;

static int setup(void **state) {
  (void)state;
  model = fixture_model(docs, 2);
  ix = gv_index_build(model);
  return 0;
}

static int teardown(void **state) {
  (void)state;
  gv_index_free(ix);
  gv_model_free(model);
  return 0;
}

/* Returns "doc:label doc:label" for the query's results.  Caller frees. */
static char *found(const char *query, gv_case_mode mode) {
  const char *error = NULL;
  gv_query *q = gv_query_parse(query, mode, &error);
  if (!q)
    return gv_xasprintf("error: %s", error);
  gv_results *r = gv_search(ix, q);
  gv_buf b = {0};
  gv_buf_adds(&b, "");
  for (size_t i = 0; i < gv_results_count(r); i++) {
    gv_hit h = gv_results_get(r, i);
    gv_buf_printf(&b, "%s%s:%s", i ? " " : "", model->docs[h.doc].id,
                  model->docs[h.doc].nodes[h.node].label);
  }
  gv_results_free(r);
  gv_query_free(q);
  return gv_buf_take(&b);
}

#define assert_found(query, mode, expected)                                                        \
  do {                                                                                             \
    char *got_ = found(query, mode);                                                               \
    assert_string_equal(got_, expected);                                                           \
    free(got_);                                                                                    \
  } while (0)

static void test_accents_and_apostrophes(void **state) {
  (void)state;
  /* composed and decomposed text, typographic apostrophe in both */
  assert_found("cote d'ivoire", GV_CASE_SMART, "report-1:1 res-1:OP1");
  assert_found("\"cote d'ivoire\"", GV_CASE_SMART, "report-1:1 res-1:OP1");
  assert_found("people's", GV_CASE_SMART, "report-1:2");
  assert_found("people\xe2\x80\x98s", GV_CASE_SMART, "report-1:2");
}

static void test_dash_and_quote_variants(void **state) {
  (void)state;
  assert_found("timor-leste", GV_CASE_SMART, "report-1:2");
  assert_found("timor\xe2\x80\x94leste", GV_CASE_SMART, "report-1:2");
  /* a quote mark inside a word is searched for, not a phrase delimiter */
  assert_found("security\"", GV_CASE_SMART, "report-1:6");
  assert_found("\xe2\x80\x9cinformation security\xe2\x80\x9d", GV_CASE_SMART, "report-1:6");
}

static void test_full_case_folding(void **state) {
  (void)state;
  /* ß folds to ss both ways; the ligature ﬁ to fi */
  assert_found("strasse", GV_CASE_SMART, "report-1:5");
  assert_found("stra\xc3\x9f"
               "e",
               GV_CASE_SMART, "report-1:5");
  assert_found("financial", GV_CASE_SMART, "report-1:5");
}

static void test_words_phrases_and_exclusion(void **state) {
  (void)state;
  assert_found("supply chain", GV_CASE_SMART, "report-1:3 report-1:4 res-1:PP1");
  assert_found("\"supply chain\"", GV_CASE_SMART, "report-1:3 res-1:PP1");
  assert_found("\"supply chain", GV_CASE_SMART, "report-1:3 res-1:PP1"); /* still typing */
  assert_found("supply chain -critical", GV_CASE_SMART, "report-1:4 res-1:PP1");
  assert_found("supply -\"supply chain\"", GV_CASE_SMART, "report-1:4");
  assert_found("chain -of", GV_CASE_SMART, "res-1:PP1");
  assert_found("-the", GV_CASE_SMART, "report-1:1 report-1:6 res-1:OP1");
  /* substring matching, as in less */
  assert_found("infra", GV_CASE_SMART, "report-1:3");
  assert_found("ecurit", GV_CASE_SMART, "report-1:6");
}

static void test_smartcase(void **state) {
  (void)state;
  assert_found("security", GV_CASE_SMART, "report-1:6");
  assert_found("Security", GV_CASE_SMART, "report-1:6");
  assert_found("Security information", GV_CASE_SMART, "report-1:6");
  assert_found("Security regime", GV_CASE_SMART, "report-1:6");
  assert_found("Council security", GV_CASE_SMART, "report-1:6");
  assert_found("Strasse", GV_CASE_SMART, "");
  assert_found("STRASSE", GV_CASE_SMART, "report-1:5");
  /* accented: exact about accents, not about normalization form */
  assert_found("C\xc3\xb4te", GV_CASE_SMART, "report-1:1 res-1:OP1");
  assert_found("Cote", GV_CASE_SMART, "");
  assert_found("C\xc3\xb4te", GV_CASE_IGNORE, "report-1:1 res-1:OP1");
  assert_found("cote", GV_CASE_EXACT, "");
  assert_found("STRASSE", GV_CASE_IGNORE, "report-1:5");
  /* an exact "Co" does not stop inside "Cô" */
  assert_found("Co", GV_CASE_SMART, "report-1:6");
}

static void test_no_match_and_empty_query(void **state) {
  (void)state;
  assert_found("zanzibar", GV_CASE_SMART, "");
  assert_found("supply -supply", GV_CASE_SMART, "");
  assert_found("-", GV_CASE_SMART, "report-1:2"); /* a lone dash is searched for */
  assert_found("", GV_CASE_SMART, "error: empty query: give a word or a \"quoted phrase\" to find");
  assert_found("  \"\" ", GV_CASE_SMART,
               "error: empty query: give a word or a \"quoted phrase\" to find");
}

/* Returns "start-end start-end" for the query's spans in text. */
static char *spans(const char *query, const char *text) {
  gv_query *q = gv_query_parse(query, GV_CASE_SMART, NULL);
  size_t n;
  gv_span *sp = gv_query_spans(q, text, strlen(text), &n);
  gv_buf b = {0};
  gv_buf_adds(&b, "");
  for (size_t i = 0; i < n; i++)
    gv_buf_printf(&b, "%s%zu-%zu", i ? " " : "", sp[i].start, sp[i].end);
  free(sp);
  gv_query_free(q);
  return gv_buf_take(&b);
}

#define assert_spans(query, text, expected)                                                        \
  do {                                                                                             \
    char *got_ = spans(query, text);                                                               \
    assert_string_equal(got_, expected);                                                           \
    free(got_);                                                                                    \
  } while (0)

static void test_spans_in_original_text(void **state) {
  (void)state;
  /* "Côte d’Ivoire" is 16 bytes NFC, 17 NFD; the apostrophe is 3 bytes */
  assert_spans("\"cote d'ivoire\"", "x " COTE_NFC " y", "2-18");
  assert_spans("\"cote d'ivoire\"", "x " COTE_NFD " y", "2-19");
  assert_spans("cote d'ivoire", "x " COTE_NFD " y", "2-8 9-19");
  assert_spans("ivoire", COTE_NFD, "11-17");
  /* ß is one character of two bytes: a match ending inside its "ss" takes it whole */
  assert_spans("strasse",
               "Stra\xc3\x9f"
               "e!",
               "0-7");
  assert_spans("stras",
               "Stra\xc3\x9f"
               "e!",
               "0-6");
  assert_spans("financial", "the \xef\xac\x81nancial", "4-14");
  assert_spans("f", "the \xef\xac\x81", "4-7"); /* half of a ligature takes it whole */
  assert_spans("supply chain", "supply  \t chain", "0-6 10-15");
  assert_spans("\"supply chain\"", "supply  \t chain", "0-15");
  /* every occurrence, overlapping matches merged, exclusions not marked */
  assert_spans("an -the", "an ana banana", "0-2 3-5 8-12");
  assert_spans("zzz", "an ana", "");
}

static void test_next_and_previous(void **state) {
  (void)state;
  /* finds report-1:1 and res-1:OP1: nodes (0, 0) and (1, 1) */
  gv_query *q = gv_query_parse("cote", GV_CASE_SMART, NULL);
  gv_results *r = gv_search(ix, q);
  assert_int_equal(gv_results_count(r), 2);
  assert_int_equal(gv_results_next(r, (gv_hit){0, -1}, false), 0);
  assert_int_equal(gv_results_next(r, (gv_hit){0, 0}, false), 1);
  assert_int_equal(gv_results_next(r, (gv_hit){0, 3}, false), 1);
  assert_int_equal(gv_results_next(r, (gv_hit){1, 1}, false), -1);
  assert_int_equal(gv_results_next(r, (gv_hit){1, 1}, true), 0);
  assert_int_equal(gv_results_prev(r, (gv_hit){1, 1}, false), 0);
  assert_int_equal(gv_results_prev(r, (gv_hit){1, 2}, false), 1);
  assert_int_equal(gv_results_prev(r, (gv_hit){0, 0}, false), -1);
  assert_int_equal(gv_results_prev(r, (gv_hit){0, 0}, true), 1);
  assert_int_equal(gv_results_find(r, (gv_hit){1, 1}), 1);
  assert_int_equal(gv_results_find(r, (gv_hit){1, 0}), -1);
  gv_hit h = gv_results_get(r, 1);
  assert_int_equal(h.doc, 1);
  assert_int_equal(h.node, 1);
  gv_results_free(r);
  gv_query_free(q);
}

static void test_match_one_string(void **state) {
  (void)state;
  gv_query *q = gv_query_parse("ivoire -cuba", GV_CASE_SMART, NULL);
  assert_true(gv_query_matches(q, COTE_NFD, strlen(COTE_NFD)));
  assert_false(gv_query_matches(q, "Cuba, " COTE_NFC, strlen("Cuba, " COTE_NFC)));
  assert_false(gv_query_is_exact(q));
  gv_query_free(q);
}

/* The index agrees with matching each paragraph on its own, on a corpus
 * large enough for dense posting bitmaps, for every kind of query. */
static void test_index_agrees_with_scanning(void **state) {
  (void)state;
  static const char *const words[] = {
      "the",      "supply",       "chain",          "Côte",    "d’Ivoire",  "STRASSE",  "of",
      "security", "co-operation", "“risk”",         "1.1",     "tab\there", "\xc2\xa0", "e\xcc\x81",
      "\xcd\xbe", "`quoted`",     "\xef\xac\x81le", "İstanbul"};
  enum { N_WORDS = sizeof words / sizeof words[0] };
  static const char *const queries[] = {"the",
                                        "supply chain",
                                        "\"supply chain\"",
                                        "cote d'ivoire",
                                        "-the",
                                        "c",
                                        "th -of",
                                        "Côte",
                                        "strasse -chain",
                                        "co-op",
                                        "\"risk",
                                        "1.1",
                                        "e \"of t",
                                        "ain",
                                        "1",
                                        "-\"the supply\" chain",
                                        "é",
                                        "e",
                                        ";",
                                        "'quoted'",
                                        "\"tab here\"",
                                        "file",
                                        "istanbul",
                                        "\"chain the\"",
                                        "\"the supply chain\"",
                                        "\"of security\" -\"the of\"",
                                        "\"d'ivoire of\"",
                                        "\"co-operation the\"",
                                        "\"ly ch\"",
                                        "\"strasse of the\"",
                                        "\"Côte d’Ivoire of\""};
  enum { N = 2000 }; /* over 64 KiB of text: the index is built in parts */
  fixture_para *paras = gv_xcalloc(N, sizeof *paras);
  char **texts = gv_xcalloc(N, sizeof *texts);
  uint32_t seed = 12345;
  for (size_t i = 0; i < N; i++) {
    gv_buf b = {0};
    for (int k = 0; k < 1 + (int)(i % 13); k++) {
      seed = seed * 1103515245u + 12345u;
      gv_buf_printf(&b, "%s%s", k ? " " : "", words[(seed >> 16) % N_WORDS]);
    }
    texts[i] = gv_buf_take(&b);
    paras[i] = (fixture_para){"p", texts[i]};
  }
  fixture_doc doc = {"big", paras, N};
  gv_model *m = fixture_model(&doc, 1);
  gv_index *big = gv_index_build(m);
  for (size_t k = 0; k < sizeof queries / sizeof queries[0]; k++) {
    gv_query *q = gv_query_parse(queries[k], GV_CASE_SMART, NULL);
    gv_results *r = gv_search(big, q);
    size_t at = 0;
    for (size_t i = 0; i < N; i++) {
      bool want = gv_query_matches(q, texts[i], strlen(texts[i]));
      bool got = at < gv_results_count(r) && gv_results_get(r, at).node == (int)i;
      if (want != got)
        fail_msg("query %s on \"%s\": index says %d, scanning says %d", queries[k], texts[i], got,
                 want);
      at += got;
    }
    gv_results_free(r);
    gv_query_free(q);
  }
  gv_index_free(big);
  gv_model_free(m);
  for (size_t i = 0; i < N; i++)
    free(texts[i]);
  free(texts);
  free(paras);
}

/* Phrases are answered from word positions: a phrase matches inside one
 * paragraph only, however far apart its occurrences are. */
static void test_phrase_positions(void **state) {
  (void)state;
  enum { N = 3000 };
  fixture_para *paras = gv_xcalloc(N, sizeof *paras);
  char **texts = gv_xcalloc(N, sizeof *texts);
  for (size_t i = 0; i < N; i++) {
    if (i == 7 || i == 1500 || i == N - 1)
      texts[i] = gv_xasprintf("filler %zu Nuclear-weapon-free zones, in the region.", i);
    else if (i == 100)
      texts[i] = gv_xstrdup("ends with nuclear"); /* … and the next starts with weapon */
    else
      texts[i] = gv_xasprintf("weapon free zones %zu of nuclear energy", i);
    paras[i] = (fixture_para){"p", texts[i]};
  }
  fixture_doc doc = {"many", paras, N};
  gv_model *m = fixture_model(&doc, 1);
  gv_index *many = gv_index_build(m);
  static const struct {
    const char *query;
    size_t count;
  } cases[] = {{"\"nuclear-weapon-free zones\"", 3},
               {"\"clear-weapon-free zo\"", 3},
               {"\"Nuclear-weapon-free zones\"", 3},
               {"\"nuclear weapon\"", 0},
               {"\"zones of nuclear\"", 0},
               {"\"of nuclear energy\"", N - 4},
               {"\"zones, in\"", 3},
               {"\"in the region\"", 3},
               {"\"filler 1501\"", 0},
               {"\"filler 1500\"", 1}};
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    gv_query *q = gv_query_parse(cases[k].query, GV_CASE_SMART, NULL);
    gv_results *r = gv_search(many, q);
    if (gv_results_count(r) != cases[k].count)
      fail_msg("%s: %zu paragraphs, want %zu", cases[k].query, gv_results_count(r), cases[k].count);
    if (cases[k].count == 3)
      assert_int_equal(gv_results_get(r, 1).node, 1500);
    gv_results_free(r);
    gv_query_free(q);
  }
  gv_index_free(many);
  gv_model_free(m);
  for (size_t i = 0; i < N; i++)
    free(texts[i]);
  free(texts);
  free(paras);
}

/* Runs the search command with the NULL-terminated arguments after "search";
 * returns its exit status and stores its output and messages. */
static int run_search(bool tsv, char **out, char **err, ...) {
  char *argv[8] = {gv_xstrdup("search")};
  int argc = 1;
  va_list ap;
  va_start(ap, err);
  for (const char *a; argc < 8 && (a = va_arg(ap, const char *));)
    argv[argc++] = gv_xstrdup(a);
  va_end(ap);
  size_t olen, elen;
  FILE *o = open_memstream(out, &olen), *e = open_memstream(err, &elen);
  gv_diag load = {0};
  gv_output output = {.out = o, .err = e, .tsv = tsv, .color = false, .load = &load};
  int status = gv_cmd_search(model, &output, argc, argv);
  fclose(o);
  fclose(e);
  for (int i = 0; i < argc; i++)
    free(argv[i]);
  return status;
}

static void test_command_output(void **state) {
  (void)state;
  char *out, *err;
  assert_int_equal(run_search(false, &out, &err, "supply", "-critical", NULL), 0);
  assert_string_equal(
      out, "DOC       PARA  TEXT\n"
           "report-1  4     The chain of custody and the \xc2\xbbsupply\xc2\xab of goods.\n"
           "res-1     PP1   Recalling the \xc2\xbbsupply\xc2\xab   chain resolutions,\n");
  assert_string_equal(err, "");
  free(out);
  free(err);
  assert_int_equal(run_search(true, &out, &err, "cote", "d'ivoire", NULL), 0);
  assert_string_equal(out, "doc\tpara\tline\tmatches\ttext\n"
                           "report-1\t1\t1\t9-14,15-25\tCuba and " COTE_NFC " voted in favour.\n"
                           "res-1\tOP1\t2\t0-6,7-17\t" COTE_NFD " requests a report.\n");
  free(out);
  free(err);
}

static void test_command_exit_status(void **state) {
  (void)state;
  char *out, *err;
  assert_int_equal(run_search(false, &out, &err, "zanzibar", NULL), 1);
  assert_string_equal(out, "");
  free(out);
  free(err);
  assert_int_equal(run_search(false, &out, &err, NULL), 2);
  assert_string_equal(err,
                      "gavel: search: empty query: give a word or a \"quoted phrase\" to find\n");
  free(out);
  free(err);
  assert_int_equal(run_search(false, &out, &err, "--exact", "--", "cote", NULL), 1);
  free(out);
  free(err);
  assert_int_equal(run_search(false, &out, &err, "--fuzzy", "cote", NULL), 2);
  assert_string_equal(err,
                      "gavel: search: unknown option --fuzzy (try --exact or --ignore-case)\n");
  free(out);
  free(err);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_accents_and_apostrophes),
      cmocka_unit_test(test_dash_and_quote_variants),
      cmocka_unit_test(test_full_case_folding),
      cmocka_unit_test(test_words_phrases_and_exclusion),
      cmocka_unit_test(test_smartcase),
      cmocka_unit_test(test_no_match_and_empty_query),
      cmocka_unit_test(test_spans_in_original_text),
      cmocka_unit_test(test_next_and_previous),
      cmocka_unit_test(test_match_one_string),
      cmocka_unit_test(test_index_agrees_with_scanning),
      cmocka_unit_test(test_phrase_positions),
      cmocka_unit_test(test_command_output),
      cmocka_unit_test(test_command_exit_status),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
