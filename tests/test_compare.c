/* Unit tests for vote transitions, histories and agreement (src/compare.c). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "compare_fixture.h"
#include "gavel/compare.h"
#include "gavel/util.h"

/* Fixture: two texts of one series, one vote each, plus a paragraph vote
 * on the second.  Ballots are in the order
 *                 BRA CHN COL CRI CIV FRA RUS VAT(observer) */
static const char *const v2018 = "YYYYANYY";
static const char *const v2022 = "AYAA.YNN";
static const char *const pp3_2022 = "YNYY.YNN";

typedef struct {
  gv_model *m;
  int series, d1, d2, v1, v2, vp;
} world;

static int setup(void **state) {
  world *w = gv_xcalloc(1, sizeof *w);
  w->m = cf_model_new();
  w->series = cf_add_series(w->m, "Developments in the field of ICTs");
  const char *const paras[] = {"PP1 Recalling its resolutions,", "OP1 Decides to act.", NULL};
  const int sponsors1[] = {CF_RUS, CF_CHN, -1}, joined1[] = {CF_COL, -1};
  const int sponsors2[] = {CF_RUS, CF_COL, CF_CIV, CF_VAT, -1};
  w->d1 = cf_add_draft(w->m, "A/C.1/73/L.27/Rev.1", w->series, paras, sponsors1, joined1);
  w->d2 = cf_add_draft(w->m, "A/C.1/77/L.23/Rev.1", w->series, paras, sponsors2, NULL);
  w->v1 = cf_add_vote(w->m, w->d1, 0, 0, v2018);
  w->vp = cf_add_vote(w->m, w->d2, 'P', 3, pp3_2022);
  w->v2 = cf_add_vote(w->m, w->d2, 0, 0, v2022);
  *state = w;
  return 0;
}

static int teardown(void **state) {
  world *w = *state;
  gv_model_free(w->m);
  free(w);
  return 0;
}

/* "COL CRI" from a cell's list of country indices. */
static char *iso_list(const gv_model *m, const int *list, size_t n) {
  gv_buf b = {0};
  for (size_t i = 0; i < n; i++)
    gv_buf_printf(&b, "%s%s", i ? " " : "", gv_countries_get(m->countries, (size_t)list[i])->iso3);
  return gv_buf_take(&b);
}

static void assert_cell(const gv_model *m, const gv_transition *t, gv_ballot a, gv_ballot b,
                        const char *want) {
  char *got = iso_list(m, t->members[a][b], (size_t)t->count[a][b]);
  assert_string_equal(got, want);
  free(got);
}

static void test_transition_counts(void **state) {
  world *w = *state;
  gv_transition t;
  gv_transition_build(w->m, w->v1, w->v2, &t);
  assert_int_equal(t.count[GV_YES][GV_ABSTAIN], 3); /* BRA COL CRI */
  assert_int_equal(t.count[GV_YES][GV_YES], 1);     /* CHN */
  assert_int_equal(t.count[GV_YES][GV_NO], 1);      /* RUS */
  assert_int_equal(t.count[GV_ABSTAIN][GV_ABSENT], 1);
  assert_int_equal(t.count[GV_NO][GV_YES], 1);
  assert_int_equal(t.count[GV_NO][GV_NO], 0);
  assert_int_equal(t.changed, 6);
  /* the observer is not counted: 7 member states in each vote */
  int sum = 0;
  for (int a = 0; a < GV_BALLOT_COUNT; a++)
    sum += t.total[0][a];
  assert_int_equal(sum, 7);
  assert_int_equal(t.total[0][GV_YES], 5);
  assert_int_equal(t.total[1][GV_ABSTAIN], 3);
  assert_int_equal(t.total[1][GV_ABSENT], 1);
  assert_cell(w->m, &t, GV_ABSTAIN, GV_ABSENT, "CIV");
  assert_cell(w->m, &t, GV_NO, GV_YES, "FRA");
  gv_transition_free(&t);
}

/* Inside a cell, countries come by regional group, then by name. */
static void test_transition_grouped_by_region(void **state) {
  world *w = *state;
  gv_transition t;
  gv_transition_build(w->m, w->vp, w->v2, &t);
  /* yes on PP3, then abstained on the whole: BRA COL CRI (all GRULAC) */
  assert_cell(w->m, &t, GV_YES, GV_ABSTAIN, "BRA COL CRI");
  gv_transition_free(&t);
  size_t n = 0;
  int *all = gv_members_by_group(w->m, &n);
  char *got = iso_list(w->m, all, n);
  assert_string_equal(got, "CIV CHN RUS BRA COL CRI FRA");
  free(got);
  free(all);
}

static void test_transition_same_vote_changes_nothing(void **state) {
  world *w = *state;
  gv_transition t;
  gv_transition_build(w->m, w->v1, w->v1, &t);
  assert_int_equal(t.changed, 0);
  assert_int_equal(t.count[GV_YES][GV_YES], 5);
  gv_transition_free(&t);
}

static void test_names_sort_ignoring_accents(void **state) {
  world *w = *state;
  assert_true(gv_country_name_cmp(w->m, CF_CRI, CF_CIV) < 0); /* Costa Rica < Côte */
  assert_true(gv_country_name_cmp(w->m, CF_CIV, CF_FRA) < 0);
  assert_true(gv_country_name_cmp(w->m, CF_COL, CF_COL) == 0);
}

static void test_history_groups_and_changes(void **state) {
  world *w = *state;
  gv_history *h = gv_history_build(w->m, CF_COL);
  assert_int_equal(h->n_groups, 1);
  const gv_history_group *g = &h->groups[0];
  assert_int_equal(g->series, w->series);
  assert_int_equal(g->n, 3);
  assert_int_equal(g->votes[0].vote, w->v1);
  assert_int_equal(g->votes[0].prev, -1);
  assert_false(g->votes[0].changed);
  /* the paragraph vote has no earlier PP3 vote to compare with */
  assert_int_equal(g->votes[1].vote, w->vp);
  assert_int_equal(g->votes[1].prev, -1);
  /* the 2022 vote as a whole compares with the 2018 vote as a whole */
  assert_int_equal(g->votes[2].vote, w->v2);
  assert_int_equal(g->votes[2].prev, w->v1);
  assert_int_equal(g->votes[2].ballot, GV_ABSTAIN);
  assert_true(g->votes[2].changed);
  gv_history_free(h);

  h = gv_history_build(w->m, CF_CHN); /* yes both times */
  assert_int_equal(h->groups[0].votes[2].prev, w->v1);
  assert_false(h->groups[0].votes[2].changed);
  gv_history_free(h);
}

static void test_history_without_series_and_intentions(void **state) {
  world *w = *state;
  const char *const paras[] = {"OP1 Decides.", NULL};
  int d = cf_add_draft(w->m, "A/C.1/77/L.60", -1, paras, NULL, NULL);
  int v = cf_add_vote(w->m, d, 0, 0, "YYNYYYYY");
  cf_set_intention(w->m, v, CF_COL, GV_YES, "Colombia intended to vote in favour.");
  gv_history *h = gv_history_build(w->m, CF_COL);
  assert_int_equal(h->n_groups, 2);
  assert_int_equal(h->groups[1].series, -1);
  assert_int_equal(h->groups[1].doc, d);
  assert_int_equal(h->groups[1].n, 1);
  const gv_history_vote *hv = &h->groups[1].votes[0];
  assert_int_equal(hv->ballot, GV_NO);
  assert_int_equal(hv->intended, GV_YES);
  assert_string_equal(hv->note, "Colombia intended to vote in favour.");
  assert_int_equal(h->groups[0].votes[0].intended, GV_NO_INTENTION);
  assert_null(h->groups[0].votes[0].note);
  gv_history_free(h);
}

static void test_history_sponsorships(void **state) {
  world *w = *state;
  gv_history *h = gv_history_build(w->m, CF_COL);
  assert_int_equal(h->n_sponsored, 2);
  assert_int_equal(h->sponsored[0].doc, w->d1);
  assert_true(h->sponsored[0].joined);
  assert_int_equal(h->sponsored[0].vote, w->v1);
  assert_int_equal(h->sponsored[0].ballot, GV_YES);
  assert_int_equal(h->sponsored[1].doc, w->d2);
  assert_false(h->sponsored[1].joined);
  assert_int_equal(h->sponsored[1].vote, w->v2); /* the whole-text vote, not PP3 */
  assert_int_equal(h->sponsored[1].ballot, GV_ABSTAIN);
  gv_history_free(h);
  h = gv_history_build(w->m, CF_FRA);
  assert_int_equal(h->n_sponsored, 0);
  gv_history_free(h);
}

static void test_sponsors_not_yes(void **state) {
  world *w = *state;
  size_t n = 0;
  int *s = gv_sponsors_not_yes(w->m, w->v2, &n);
  char *got = iso_list(w->m, s, n);
  assert_string_equal(got, "RUS COL CIV VAT"); /* no, abstain, absent, no */
  free(got);
  free(s);
  s = gv_sponsors_not_yes(w->m, w->v1, &n); /* RUS CHN and joined COL all voted yes */
  assert_int_equal(n, 0);
  free(s);
  s = gv_sponsors_not_yes(w->m, -1, &n);
  assert_null(s);
  assert_int_equal(n, 0);
}

static void test_agreement_points(void **state) {
  (void)state;
  assert_int_equal(gv_agreement_points2(GV_YES, GV_YES), 2);
  assert_int_equal(gv_agreement_points2(GV_ABSTAIN, GV_ABSTAIN), 2);
  assert_int_equal(gv_agreement_points2(GV_YES, GV_ABSTAIN), 1);
  assert_int_equal(gv_agreement_points2(GV_ABSTAIN, GV_NO), 1);
  assert_int_equal(gv_agreement_points2(GV_YES, GV_NO), 0);
  assert_int_equal(gv_agreement_points2(GV_ABSENT, GV_YES), -1);
  assert_int_equal(gv_agreement_points2(GV_NO, GV_ABSENT), -1);
}

static void test_agreement_pair_counts_shared_votes(void **state) {
  world *w = *state;
  /* COL and CIV: Y/A (half), Y/absent (not shared), A/absent (not shared) */
  gv_agreement a = gv_agreement_pair(w->m, CF_COL, CF_CIV);
  assert_int_equal(a.country, CF_CIV);
  assert_int_equal(a.shared, 1);
  assert_int_equal(a.half, 1);
  assert_true(a.score == 0.5);
  /* COL and BRA: Y/Y, Y/Y, A/A */
  a = gv_agreement_pair(w->m, CF_COL, CF_BRA);
  assert_int_equal(a.shared, 3);
  assert_int_equal(a.same, 3);
  assert_true(a.score == 1.0);
  /* COL and RUS: Y/Y, Y/N, A/N */
  a = gv_agreement_pair(w->m, CF_COL, CF_RUS);
  assert_int_equal(a.same, 1);
  assert_int_equal(a.opposite, 1);
  assert_int_equal(a.half, 1);
  assert_true(a.score == 0.5);
}

static void test_agreement_rank_order_and_ties(void **state) {
  world *w = *state;
  size_t n = 0;
  gv_agreement *r = gv_agreement_rank(w->m, CF_COL, &n);
  /* BRA 1, CRI 1, CHN (Y/Y Y/N A/Y) 0.5, CIV 0.5, RUS 0.5, FRA (Y/N Y/Y A/Y) 0.5;
   * the observer is not ranked and ties go by name. */
  assert_int_equal(n, 6);
  int want[] = {CF_BRA, CF_CRI, CF_CHN, CF_CIV, CF_FRA, CF_RUS};
  for (size_t i = 0; i < n; i++)
    assert_string_equal(gv_countries_get(w->m->countries, (size_t)r[i].country)->iso3,
                        gv_countries_get(w->m->countries, (size_t)want[i])->iso3);
  assert_int_equal(r[3].shared, 1); /* CIV: one shared vote */
  free(r);
}

static void test_agreement_votes_list(void **state) {
  world *w = *state;
  size_t n = 0;
  gv_pair_vote *p = gv_agreement_votes(w->m, CF_COL, CF_CIV, &n);
  assert_int_equal(n, 3);
  assert_int_equal(p[0].vote, w->v1);
  assert_int_equal(p[0].a, GV_YES);
  assert_int_equal(p[0].b, GV_ABSTAIN);
  assert_int_equal(p[0].points2, 1);
  assert_int_equal(p[2].b, GV_ABSENT);
  assert_int_equal(p[2].points2, -1);
  free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_transition_counts, setup, teardown),
      cmocka_unit_test_setup_teardown(test_transition_grouped_by_region, setup, teardown),
      cmocka_unit_test_setup_teardown(test_transition_same_vote_changes_nothing, setup, teardown),
      cmocka_unit_test_setup_teardown(test_names_sort_ignoring_accents, setup, teardown),
      cmocka_unit_test_setup_teardown(test_history_groups_and_changes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_history_without_series_and_intentions, setup, teardown),
      cmocka_unit_test_setup_teardown(test_history_sponsorships, setup, teardown),
      cmocka_unit_test_setup_teardown(test_sponsors_not_yes, setup, teardown),
      cmocka_unit_test(test_agreement_points),
      cmocka_unit_test_setup_teardown(test_agreement_pair_counts_shared_votes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_agreement_rank_order_and_ties, setup, teardown),
      cmocka_unit_test_setup_teardown(test_agreement_votes_list, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
