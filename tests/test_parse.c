/* Unit tests of the parser's pieces on small inline documents that vary the
 * bundled ones: other names, other numbers, wrapped lines, page furniture. */
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
#include "gavel/parse.h"
#include "gavel/util.h"

/* ---- helpers -------------------------------------------------------------- */

static gv_model *load_one(const char *text, gv_diag *diag) {
  const char *names[] = {"fixture.txt"};
  const char *texts[] = {text};
  gv_model *m = gv_corpus_from_memory(names, texts, 1, diag);
  assert_non_null(m);
  return m;
}

static int country(const gv_model *m, const char *name) {
  int c = gv_countries_lookup(m->countries, name, strlen(name));
  assert_true(c >= 0);
  return c;
}

static const char *ballot_of(const gv_model *m, const char *vote, const char *name) {
  int v = gv_model_find_vote(m, vote);
  if (v < 0)
    return "no such vote";
  return gv_ballot_name((gv_ballot)m->votes[v].ballots[country(m, name)]);
}

static const gv_node *node_labelled(const gv_document *d, const char *label) {
  for (size_t i = 0; i < d->n_nodes; i++)
    if (strcmp(d->nodes[i].label, label) == 0)
      return &d->nodes[i];
  return NULL;
}

/* A small report in the bundled documents' shape, with other names and
 * numbers: a wrapped title, page furniture inside a list, a name split by a
 * footnote, "Abstentions:", old names, a motion and a paragraph vote. */
static const char report[] =
    "General Assembly\n\nDistr.: General\n3 December 2031\n\n"
    "Eighty-sixth session\n\nAgenda item 101\n\n"
    "Sample item on the\nsafety of examples\n\n"
    "Report of the First Committee\n\nRapporteur: Mr. A. **Person** (Chile)\n\n"
    "I. Introduction\n\n"
    "1. The item was allocated to the\nFirst Committee.\n\n"
    "II. Consideration of proposals\n\n"
    "A. Draft resolution [A/C.1/86/L.12/Rev.2](#)\n\n"
    "2. On 1 October, the delegation of Chile, on behalf of Cape Verde, Swaziland and the "
    "Netherlands, submitted a draft resolution entitled “Safety of examples” "
    "(A/C.1/86/L.12). Subsequently, Turkey and Peru joined in sponsoring the draft "
    "resolution.\n\n"
    "3. At its 21st meeting, on 2 November, the Committee voted on the motion for a separate "
    "vote on operative paragraph 2 of draft resolution A/C.1/86/L.12/Rev.2. The motion was "
    "rejected by a recorded vote of 3 to 4, with one abstention. The voting was as follows:\n\n"
    "In favour:\n\nChile, Peru, Cabo Verde.\n\nAgainst:\n\nFrance, Japan, Kenya, Côte\n\n"
    "¹ Subsequently, the delegation of Kenya informed the Secretariat that it had intended "
    "to abstain.\n\n"
    "A/C.1/86/L.99\n\n31-12345 (E)\n\n2/3\n\n"
    "d’Ivoire.\n\nAbstentions:\n\nEswatini.\n\n"
    "4. At the same meeting, the Committee voted on draft resolution A/C.1/86/L.12/Rev.2, "
    "as follows:\n\n"
    "(a) The twenty-first preambular paragraph was retained by a recorded vote of 2 to "
    "none, with 2 abstentions. The voting was as follows:¹\n\n"
    "In favour: United States, Kenya.\n\nAgainst:\n\nNone.\n\nAbstaining:\n\n"
    "the former Yugoslav Republic of Macedonia and Peru.\n\n"
    "III. Recommendation of the First Committee\n\n"
    "5. The First Committee recommends the adoption of the following draft resolution:\n\n"
    "Draft resolution\n\nSafety of examples\n\nThe General Assembly,\n\n"
    "*Recalling* its resolution 85/7 of 1 December 2030,\n\n"
    "Noting with concern\nthat examples break,\n\n"
    "1. *Calls upon* all States:\n\n(a) To test;\n\n(b) To wrap;\n\n"
    "2. *Decides* to remain seized of the matter.\n";

/* ---- prep ------------------------------------------------------------------ */

static void test_furniture_lines(void **state) {
  (void)state;
  assert_true(gv_is_furniture("A/75/394", 8));
  assert_true(gv_is_furniture("20-14978 (E)    171120", 22));
  assert_true(gv_is_furniture("  3/14 ", 7));
  assert_true(gv_is_furniture("*2014978*", 9));
  assert_false(gv_is_furniture("75/32", 5)); /* a resolution number is no page */
  assert_false(gv_is_furniture("In favour:", 10));
  assert_false(gv_is_furniture("A/C.1/75/L.4 was adopted", 24));
}

static void test_blocks_join_wrapped_and_split_paragraphs(void **state) {
  (void)state;
  const char *doc = "\xEF\xBB\xBFTitle line\r\n\r\n1. First wrapped\r\nline [A/1](#) and\r\n\r\n"
                    "² A footnote.\r\n\r\n20-11111\r\n\r\ncontinued **bold** text.\r\n";
  gv_blocks b = {0};
  gv_diag d = {0};
  assert_true(gv_prep_blocks("x.txt", doc, strlen(doc), &b, &d));
  assert_int_equal(b.n, 3);
  assert_string_equal(b.items[0].text, "Title line");
  assert_string_equal(b.items[1].text, "1. First wrapped line A/1 and continued bold text.");
  assert_true(b.items[2].footnote);
  assert_string_equal(b.items[2].marker, "2");
  assert_string_equal(b.items[2].text, "A footnote.");
  gv_blocks_free(&b);
  gv_diag_free(&d);
}

static void test_invalid_utf8_names_file_and_line(void **state) {
  (void)state;
  const char *doc = "line one\nline two \xff here\n";
  gv_blocks b = {0};
  gv_diag d = {0};
  assert_false(gv_prep_blocks("bad.txt", doc, strlen(doc), &b, &d));
  assert_int_equal(d.n_errors, 1);
  assert_string_equal(d.items[0].file, "bad.txt");
  assert_int_equal(d.items[0].line, 2);
  gv_diag_free(&d);
}

/* ---- words ------------------------------------------------------------------ */

static void test_ordinals_sessions_dates(void **state) {
  (void)state;
  size_t used;
  assert_int_equal(gv_parse_ordinal("tenth preambular", &used), 10);
  assert_int_equal(used, 5);
  assert_int_equal(gv_parse_ordinal("twenty-first", &used), 21);
  assert_int_equal(gv_parse_ordinal("Thirtieth", &used), 30);
  assert_int_equal(gv_parse_ordinal("31st meeting", &used), 31);
  assert_int_equal(gv_parse_ordinal("tenthly", &used), 0);
  assert_int_equal(gv_parse_session("Seventy-fifth session"), 75);
  assert_int_equal(gv_parse_session("Eightieth session"), 80);
  char *d = gv_parse_date("9 November", 2020, NULL);
  assert_string_equal(d, "2020-11-09");
  free(d);
  d = gv_parse_date("12 December 2019 at", 0, &used);
  assert_string_equal(d, "2019-12-12");
  assert_int_equal(used, 16);
  free(d);
  assert_null(gv_parse_date("12 Decembre 2019", 0, NULL));
}

/* ---- lists ------------------------------------------------------------------ */

static void test_country_list_names_and_warnings(void **state) {
  (void)state;
  gv_diag d = {0};
  gv_model *m = load_one(report, &d);
  int *idx = NULL;
  size_t n = 0, cap = 0;
  size_t bad = gv_parse_country_list(m->countries,
                                     "Bosnia and Herzegovina, Venezuela (Bolivarian Republic "
                                     "of) and Zimbabwe, Atlantis, Guinea-Bissau.",
                                     "l.txt", 7, &idx, &n, &cap, &d);
  assert_int_equal(bad, 1);
  assert_int_equal(n, 4);
  assert_string_equal(gv_countries_get(m->countries, (size_t)idx[0])->iso3, "BIH");
  assert_string_equal(gv_countries_get(m->countries, (size_t)idx[1])->iso3, "VEN");
  assert_string_equal(gv_countries_get(m->countries, (size_t)idx[2])->iso3, "ZWE");
  assert_string_equal(gv_countries_get(m->countries, (size_t)idx[3])->iso3, "GNB");
  const gv_message *w = &d.items[d.n - 1];
  assert_string_equal(w->file, "l.txt");
  assert_int_equal(w->line, 7);
  assert_non_null(strstr(w->message, "Atlantis"));
  free(idx);
  gv_model_free(m);
  gv_diag_free(&d);
}

/* ---- whole documents -------------------------------------------------------- */

static void test_report_metadata(void **state) {
  (void)state;
  gv_diag d = {0};
  gv_model *m = load_one(report, &d);
  assert_int_equal(d.n, 0);
  assert_int_equal(m->n_docs, 1);
  const gv_document *doc = &m->docs[0];
  assert_string_equal(doc->id, "report-86-101");
  assert_int_equal(doc->kind, GV_DOC_REPORT);
  assert_int_equal(doc->session, 86);
  assert_int_equal(doc->agenda_item, 101);
  assert_string_equal(doc->date, "2031-12-03");
  assert_string_equal(doc->agenda_title, "Sample item on the safety of examples");
  assert_string_equal(doc->committee, "First Committee");
  assert_string_equal(doc->rapporteur, "Mr. A. Person (Chile)");
  gv_model_free(m);
  gv_diag_free(&d);
}

static void test_votes_tallies_and_lists(void **state) {
  (void)state;
  gv_diag d = {0};
  gv_model *m = load_one(report, &d);
  assert_int_equal(m->n_votes, 2);
  int mi = gv_model_find_vote(m, "A/C.1/86/L.12/Rev.2:motion-op2");
  assert_true(mi >= 0);
  const gv_vote *motion = &m->votes[mi];
  assert_int_equal(motion->subject, GV_SUBJECT_MOTION);
  assert_string_equal(motion->outcome, "rejected");
  assert_string_equal(motion->meeting, "21st meeting");
  assert_string_equal(motion->date, "2031-11-02");
  int stated[] = {motion->stated[1], motion->stated[2], motion->stated[3]};
  int counted[] = {motion->counted[1], motion->counted[2], motion->counted[3]};
  assert_memory_equal(stated, ((int[]){3, 4, 1}), sizeof stated);
  assert_memory_equal(counted, ((int[]){3, 4, 1}), sizeof counted);
  /* a name split by a footnote and page furniture is one name */
  assert_string_equal(ballot_of(m, "A/C.1/86/L.12/Rev.2:motion-op2", "Côte d'Ivoire"), "no");
  assert_string_equal(ballot_of(m, "A/C.1/86/L.12/Rev.2:motion-op2", "Cabo Verde"), "yes");
  assert_string_equal(ballot_of(m, "A/C.1/86/L.12/Rev.2:motion-op2", "Eswatini"), "abstain");
  assert_string_equal(ballot_of(m, "A/C.1/86/L.12/Rev.2:motion-op2", "Togo"), "absent");
  gv_model_free(m);
  gv_diag_free(&d);
}

static void test_paragraph_vote_points_at_paragraph(void **state) {
  (void)state;
  gv_diag d = {0};
  gv_model *m = load_one(report, &d);
  int vi = gv_model_find_vote(m, "A/C.1/86/L.12/Rev.2:pp21");
  assert_true(vi >= 0);
  const gv_vote *v = &m->votes[vi];
  assert_int_equal(v->subject, GV_SUBJECT_PARAGRAPH);
  assert_int_equal(v->stated[GV_NO], 0);
  assert_int_equal(v->counted[GV_NO], 0);
  assert_string_equal(ballot_of(m, "A/C.1/86/L.12/Rev.2:pp21", "United States"), "yes");
  assert_string_equal(ballot_of(m, "A/C.1/86/L.12/Rev.2:pp21", "North Macedonia"), "abstain");
  /* the draft has two preambular paragraphs, so PP21 cannot be found */
  assert_int_equal(v->node, -1);
  assert_int_equal(v->text, 0);
  gv_model_free(m);
  gv_diag_free(&d);
}

static void test_intended_vote_from_footnote(void **state) {
  (void)state;
  gv_diag d = {0};
  gv_model *m = load_one(report, &d);
  int vi = gv_model_find_vote(m, "A/C.1/86/L.12/Rev.2:pp21");
  assert_true(vi >= 0);
  const gv_vote *v = &m->votes[vi];
  int kenya = country(m, "Kenya");
  assert_int_equal(v->ballots[kenya], GV_YES);
  assert_int_equal(v->intended[kenya], GV_ABSTAIN);
  assert_string_equal(v->notes[kenya], "intended to abstain");
  assert_int_equal(v->intended[country(m, "Peru")], GV_NO_INTENTION);
  gv_model_free(m);
  gv_diag_free(&d);
}

static void test_text_tree_labels_and_sponsors(void **state) {
  (void)state;
  gv_diag d = {0};
  gv_model *m = load_one(report, &d);
  const gv_document *doc = &m->docs[0];
  assert_int_equal(doc->n_texts, 1);
  const gv_text *t = &doc->texts[0];
  assert_string_equal(t->symbol, "A/C.1/86/L.12/Rev.2");
  assert_string_equal(t->title, "Safety of examples");
  assert_int_equal(t->n_sponsors, 3); /* on behalf of Cape Verde, Swaziland, Netherlands */
  assert_int_equal(t->n_joined, 2);
  assert_string_equal(gv_countries_get(m->countries, (size_t)t->joined[0])->iso3, "TUR");
  const gv_node *pp2 = node_labelled(doc, "PP2");
  assert_non_null(pp2);
  assert_string_equal(pp2->text, "Noting with concern that examples break,");
  assert_int_equal(pp2->lead_len, strlen("Noting with concern"));
  const gv_node *op1 = node_labelled(doc, "OP1");
  assert_string_equal(op1->text, "Calls upon all States:");
  assert_int_equal(op1->lead_len, strlen("Calls upon"));
  const gv_node *op1b = node_labelled(doc, "OP1(b)");
  assert_non_null(op1b);
  assert_string_equal(op1b->text, "To wrap;");
  assert_int_equal(op1b->parent, (int)(op1 - doc->nodes));
  assert_int_equal(doc->nodes[t->root].n_desc, 7); /* preamble, 2 PP, 2 OP, 2 sub */
  gv_model_free(m);
  gv_diag_free(&d);
}

static void test_not_a_un_document(void **state) {
  (void)state;
  gv_diag d = {0};
  gv_model *m = load_one("Shopping list\n\nEggs, milk.\n", &d);
  assert_int_equal(m->n_docs, 0);
  assert_int_equal(d.n_errors, 1);
  assert_non_null(strstr(d.items[0].message, "not a UN document"));
  gv_model_free(m);
  gv_diag_free(&d);
}

static void test_any_bytes_never_crash(void **state) {
  (void)state;
  /* truncations of the fixture at every point parse or fail cleanly */
  for (size_t cut = 0; cut < sizeof report; cut += 7) {
    char *part = gv_xstrndup(report, cut);
    gv_diag d = {0};
    const char *names[] = {"cut.txt"};
    const char *texts[] = {part};
    gv_model *m = gv_corpus_from_memory(names, texts, 1, &d);
    gv_model_free(m);
    gv_diag_free(&d);
    free(part);
  }
}

int main(void) {
  setenv("GAVEL_DATADIR", GV_TEST_SRCDIR "/data", 1);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_furniture_lines),
      cmocka_unit_test(test_blocks_join_wrapped_and_split_paragraphs),
      cmocka_unit_test(test_invalid_utf8_names_file_and_line),
      cmocka_unit_test(test_ordinals_sessions_dates),
      cmocka_unit_test(test_country_list_names_and_warnings),
      cmocka_unit_test(test_report_metadata),
      cmocka_unit_test(test_votes_tallies_and_lists),
      cmocka_unit_test(test_paragraph_vote_points_at_paragraph),
      cmocka_unit_test(test_intended_vote_from_footnote),
      cmocka_unit_test(test_text_tree_labels_and_sponsors),
      cmocka_unit_test(test_not_a_un_document),
      cmocka_unit_test(test_any_bytes_never_crash),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
