/* Tests of the compare, country, agree and diff commands' output on a small
 * in-memory model (src/cmd_compare.c). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "compare_fixture.h"
#include "gavel/cmd_compare.h"
#include "gavel/util.h"

/* Ballots:       BRA CHN COL CRI CIV FRA RUS VAT(observer) */
static gv_model *build(void) {
  gv_model *m = cf_model_new();
  int s = cf_add_series(m, "Developments in the field of ICTs");
  const char *const p1[] = {"PP1 Recalling its resolutions 73/27 and 74/29,",
                            "PP2 Noting that progress has been achieved,",
                            "OP1 Calls upon all States to act;", NULL};
  const char *const p2[] = {"PP1 Recalling its resolutions 73/27, 74/29 and 75/32,",
                            "PP2 Noting that progress has been achieved,",
                            "OP1 Calls upon all States to act;",
                            "OP2 Decides to remain seized of the matter.", NULL};
  const int sponsors[] = {CF_RUS, CF_COL, -1};
  int d1 = cf_add_draft(m, "A/C.1/73/L.27/Rev.1", s, p1, sponsors, NULL);
  int d2 = cf_add_draft(m, "A/C.1/77/L.23/Rev.1", s, p2, sponsors, NULL);
  cf_add_vote(m, d1, 0, 0, "YYYYANYY");
  int v = cf_add_vote(m, d2, 0, 0, "AYAA.YNN");
  cf_set_intention(m, v, CF_CIV, GV_YES, "intended to vote in favour");
  cf_add_draft(m, "A/C.1/75/L.4", -1, p1, NULL, NULL);
  return m;
}

typedef struct {
  int status;
  char *out, *err;
} run_result;

static run_result run(const gv_model *m, gv_command_fn fn, bool tsv, const char *args) {
  char *copy = gv_xstrdup(args), *argv[16];
  int argc = 0;
  for (char *tok = strtok(copy, " "); tok && argc < 16; tok = strtok(NULL, " "))
    argv[argc++] = tok;
  run_result r = {0, NULL, NULL};
  size_t n_out, n_err;
  gv_diag load = {0};
  gv_output o = {open_memstream(&r.out, &n_out), open_memstream(&r.err, &n_err), tsv, false, &load};
  r.status = fn(m, &o, argc, argv);
  fclose(o.out);
  fclose(o.err);
  free(copy);
  return r;
}

static void run_free(run_result *r) {
  free(r->out);
  free(r->err);
}

static void assert_contains(const char *haystack, const char *needle) {
  if (!strstr(haystack, needle))
    fail_msg("expected to find \"%s\" in:\n%s", needle, haystack);
}

static int setup(void **state) {
  *state = build();
  return 0;
}

static int teardown(void **state) {
  gv_model_free(*state);
  return 0;
}

static void test_compare_lists_changes_by_group(void **state) {
  run_result r =
      run(*state, gv_cmd_compare, false, "compare A/C.1/73/L.27/Rev.1 a/c.1/77/l.23/rev.1");
  assert_int_equal(r.status, 0);
  assert_contains(r.out, "6 member states changed their vote");
  assert_contains(r.out, "yes -> abstain (3)\n  GRULAC: Brazil, Colombia, Costa Rica\n");
  assert_contains(r.out, "abstain -> absent (1)\n  AFR: C\xc3\xb4te d\xe2\x80\x99Ivoire\n");
  assert_null(strstr(r.out, "yes -> yes"));
  /* table row "yes": yes 1, no 1, abstain 3, absent 0, total 5 */
  assert_contains(r.out, "yes               1   1        3       0      5\n");
  assert_int_equal(r.err[0], '\0');
  run_free(&r);
  r = run(*state, gv_cmd_compare, false, "compare A/C.1/73/L.27/Rev.1 A/C.1/77/L.23/Rev.1 --all");
  assert_contains(r.out, "yes -> yes (1)\n  APG: China\n");
  run_free(&r);
}

static void test_compare_tsv(void **state) {
  run_result r =
      run(*state, gv_cmd_compare, true, "compare A/C.1/73/L.27/Rev.1 A/C.1/77/L.23/Rev.1");
  assert_contains(r.out, "iso3\tcountry\tvote1\tvote2\n");
  assert_contains(r.out, "\nCOL\tColombia\tyes\tabstain\n");
  assert_null(strstr(r.out, "CHN\t")); /* unchanged */
  assert_null(strstr(r.out, "VAT\t")); /* observer */
  run_free(&r);
  r = run(*state, gv_cmd_compare, true, "compare A/C.1/73/L.27/Rev.1 A/C.1/77/L.23/Rev.1 --all");
  assert_contains(r.out, "\nCHN\tChina\tyes\tyes\n");
  run_free(&r);
}

static void test_compare_errors(void **state) {
  run_result r = run(*state, gv_cmd_compare, false, "compare A/C.1/73/L.27/Rev.1 nope");
  assert_int_equal(r.status, 2);
  assert_contains(r.err, "no recorded vote 'nope'");
  assert_contains(r.err, "gavel votes");
  assert_string_equal(r.out, "");
  run_free(&r);
  r = run(*state, gv_cmd_compare, false, "compare A/C.1/73/L.27/Rev.1");
  assert_int_equal(r.status, 2);
  assert_contains(r.err, "usage: gavel compare VOTE1 VOTE2");
  run_free(&r);
  r = run(*state, gv_cmd_compare, false, "compare --bogus a b");
  assert_int_equal(r.status, 2);
  assert_contains(r.err, "unknown option '--bogus'");
  run_free(&r);
}

static void test_country_by_alias(void **state) {
  run_result r = run(*state, gv_cmd_country, false, "country colombie");
  assert_int_equal(r.status, 0);
  assert_contains(r.out, "Colombia (COL), Latin American and Caribbean\n");
  assert_contains(r.out, "Developments in the field of ICTs\n");
  assert_contains(r.out, "A/C.1/77/L.23/Rev.1  abstain  * was yes in A/C.1/73/L.27/Rev.1");
  assert_contains(r.out, "Sponsored drafts (2)");
  assert_contains(r.out, "abstain  * not yes");
  assert_contains(r.out, "Agreement with other member states");
  run_free(&r);
  r = run(*state, gv_cmd_country, false, "country cote");
  assert_contains(r.out, "Intended votes (1)\n  A/C.1/77/L.23/Rev.1: voted absent, intended yes: "
                         "\"intended to vote in favour\"\n");
  run_free(&r);
}

static void test_country_tsv_and_errors(void **state) {
  run_result r = run(*state, gv_cmd_country, true, "country COL");
  assert_contains(r.out, "A/C.1/77/L.23/Rev.1\t?\tDevelopments in the field of ICTs\tabstain\t"
                         "A/C.1/73/L.27/Rev.1\tyes\tyes\t\tsubmitted\n");
  run_free(&r);
  r = run(*state, gv_cmd_country, false, "country Atlantis");
  assert_int_equal(r.status, 2);
  assert_contains(r.err, "no country named 'Atlantis'");
  run_free(&r);
  r = run(*state, gv_cmd_country, false, "country co");
  assert_int_equal(r.status, 2);
  assert_contains(r.err, "'co' matches");
  run_free(&r);
}

static void test_agree_rank_and_pair(void **state) {
  run_result r = run(*state, gv_cmd_agree, true, "agree Colombia");
  assert_int_equal(r.status, 0);
  assert_contains(r.out, "rank\tiso3\tcountry\tgroup\tagreement\tshared\tsame\thalf\topposite\n"
                         "1\tBRA\tBrazil\tGRULAC\t1.0000\t2\t2\t0\t0\n"
                         "2\tCRI\tCosta Rica\tGRULAC\t1.0000\t2\t2\t0\t0\n");
  run_free(&r);
  r = run(*state, gv_cmd_agree, false, "agree Colombia russia");
  assert_contains(r.out, "Colombia and Russian Federation: 75.0% agreement over 2 shared votes");
  assert_contains(r.out, "A/C.1/77/L.23/Rev.1  abstain  no         0.5\n");
  run_free(&r);
  r = run(*state, gv_cmd_agree, false, "agree");
  assert_int_equal(r.status, 2);
  run_free(&r);
}

static void test_diff_marks_words_and_added(void **state) {
  run_result r = run(*state, gv_cmd_diff, false, "diff A/C.1/73/L.27/Rev.1 A/C.1/77/L.23/Rev.1");
  assert_int_equal(r.status, 0);
  assert_contains(r.out, "--- A/C.1/73/L.27/Rev.1");
  assert_contains(r.out, "\n@@ PP1 (changed)\nRecalling its resolutions 73/27 [-and-]{+,+} 74/29 "
                         "{+and 75/32+},\n");
  assert_contains(r.out, "\n@@ OP2 (added)\n{+Decides to remain seized of the matter.+}\n");
  assert_null(strstr(r.out, "@@ PP2"));
  assert_contains(r.out, "1 changed, 1 added, 0 removed, 0 moved, 2 unchanged\n");
  run_free(&r);
  r = run(*state, gv_cmd_diff, false, "diff A/C.1/73/L.27/Rev.1 A/C.1/75/L.4");
  assert_contains(r.out, "identical: 3 paragraphs, no change\n");
  run_free(&r);
  r = run(*state, gv_cmd_diff, true, "diff A/C.1/73/L.27/Rev.1 A/C.1/77/L.23/Rev.1");
  assert_contains(r.out, "status\tmoved\tlabel1\tlabel2\ttext\nchanged\tno\tPP1\tPP1\t");
  assert_contains(r.out, "\nunchanged\tno\tPP2\tPP2\tNoting that progress has been achieved,\n");
  run_free(&r);
  r = run(*state, gv_cmd_diff, false, "diff A/C.1/73/L.27/Rev.1 99/99");
  assert_int_equal(r.status, 2);
  assert_contains(r.err, "no text '99/99'");
  assert_contains(r.err, "gavel list");
  run_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_compare_lists_changes_by_group),
      cmocka_unit_test(test_compare_tsv),
      cmocka_unit_test(test_compare_errors),
      cmocka_unit_test(test_country_by_alias),
      cmocka_unit_test(test_country_tsv_and_errors),
      cmocka_unit_test(test_agree_rank_and_pair),
      cmocka_unit_test(test_diff_marks_words_and_added),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
