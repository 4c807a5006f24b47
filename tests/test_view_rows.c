/* Unit tests for the rows of the compare and country views (src/view_rows.c). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "compare_fixture.h"
#include "gavel/util.h"
#include "gavel/view_rows.h"

/* Ballots in the order BRA CHN COL CRI CIV FRA RUS VAT(observer). */
static const char *const v2018 = "YYYYANYY";
static const char *const v2022 = "AYAA.YNN";
static const char *const pp3_2022 = "YNYY.YNN";

typedef struct {
  gv_model *m;
  int v1, vp, v2;
} world;

static int setup(void **state) {
  world *w = gv_xcalloc(1, sizeof *w);
  w->m = cf_model_new();
  int series = cf_add_series(w->m, "Developments in the field of ICTs");
  const char *const paras[] = {"PP1 Recalling its resolutions,", "OP1 Decides to act.", NULL};
  const int sponsors2[] = {CF_RUS, CF_COL, -1}, joined1[] = {CF_COL, -1};
  int d1 = cf_add_draft(w->m, "A/C.1/73/L.27/Rev.1", series, paras, NULL, joined1);
  int d2 = cf_add_draft(w->m, "A/C.1/77/L.23/Rev.1", series, paras, sponsors2, NULL);
  w->v1 = cf_add_vote(w->m, d1, 0, 0, v2018);
  w->vp = cf_add_vote(w->m, d2, 'P', 3, pp3_2022);
  w->v2 = cf_add_vote(w->m, d2, 0, 0, v2022);
  cf_set_intention(w->m, w->v2, CF_COL, GV_YES, "intended to vote in favour");
  *state = w;
  return 0;
}

static int teardown(void **state) {
  world *w = *state;
  gv_model_free(w->m);
  free(w);
  return 0;
}

/* "[yes>abstain] BRA+ COL CRI": headings, ISO codes, + on a group's first. */
static char *compare_text(const gv_model *m, const gv_compare_row *rows, size_t n) {
  gv_buf b = {0};
  for (size_t i = 0; i < n; i++) {
    if (i)
      gv_buf_addc(&b, ' ');
    if (rows[i].heading)
      gv_buf_printf(&b, "[%s>%s]", gv_ballot_name(rows[i].a), gv_ballot_name(rows[i].b));
    else
      gv_buf_printf(&b, "%s%s", gv_countries_get(m->countries, (size_t)rows[i].country)->iso3,
                    rows[i].new_group ? "+" : "");
  }
  return b.data ? gv_buf_take(&b) : gv_xstrdup("");
}

static void assert_rows(world *w, bool one_cell, gv_ballot a, gv_ballot b, bool everyone,
                        const char *want) {
  gv_transition t;
  gv_transition_build(w->m, w->v1, w->v2, &t);
  size_t n = 0;
  gv_compare_row *rows = gv_compare_rows(w->m, &t, one_cell, a, b, everyone, &n);
  char *got = compare_text(w->m, rows, n);
  assert_string_equal(got, want);
  free(got);
  free(rows);
  gv_transition_free(&t);
}

static void test_changed_cells(void **state) {
  assert_rows(*state, false, GV_YES, GV_YES, false,
              "[yes>no] RUS+ [yes>abstain] BRA+ COL CRI [no>yes] FRA+ [abstain>absent] CIV+");
}

static void test_everyone_adds_the_diagonal(void **state) {
  assert_rows(*state, false, GV_YES, GV_YES, true,
              "[yes>yes] CHN+ [yes>no] RUS+ [yes>abstain] BRA+ COL CRI [no>yes] FRA+ "
              "[abstain>absent] CIV+");
}

static void test_one_cell(void **state) {
  assert_rows(*state, true, GV_YES, GV_ABSTAIN, false, "[yes>abstain] BRA+ COL CRI");
  assert_rows(*state, true, GV_YES, GV_ABSTAIN, true, "[yes>abstain] BRA+ COL CRI");
}

static void test_empty_cell_keeps_its_heading(void **state) {
  assert_rows(*state, true, GV_NO, GV_NO, false, "[no>no]");
}

static void test_pick_default(void **state) {
  world *w = *state;
  /* the whole-draft vote of the previous text, skipping the paragraph vote */
  assert_int_equal(gv_compare_pick_default(w->m, w->v2), w->v1);
  /* no earlier vote on PP3: the vote just before */
  assert_int_equal(gv_compare_pick_default(w->m, w->vp), w->vp - 1);
  assert_int_equal(gv_compare_pick_default(w->m, w->v1), 0);
  assert_int_equal(gv_compare_pick_default(w->m, -1), 0);
}

/* One letter per row: blank b, section S, series s, vote V, note N,
 * sponsorship P, agreement A, none -. */
static char *country_text(const gv_country_row *rows, size_t n) {
  static const char letters[] = "bSsVNPA-";
  char *s = gv_xcalloc(n + 1, 1);
  for (size_t i = 0; i < n; i++)
    s[i] = letters[rows[i].kind];
  return s;
}

/* Builds the rows of country's view with n_agree agreement rows, checks
 * their kinds against want and returns them with the history.  Caller frees. */
static gv_country_row *country_rows(world *w, int country, size_t n_agree, const char *want,
                                    gv_history **h) {
  *h = gv_history_build(w->m, country);
  size_t n = 0;
  gv_country_row *rows = gv_country_rows(*h, n_agree, &n);
  char *got = country_text(rows, n);
  assert_string_equal(got, want);
  free(got);
  return rows;
}

static void test_country_rows(void **state) {
  world *w = *state;
  gv_history *h;
  gv_country_row *rows = country_rows(w, CF_COL, 3, "SsVVVNbSPPbSAAA", &h);
  /* the note follows the vote it concerns: the last vote of the series */
  assert_int_equal(rows[5].group, rows[4].group);
  assert_int_equal(rows[5].index, rows[4].index);
  assert_int_equal(h->groups[rows[5].group].votes[rows[5].index].vote, w->v2);
  assert_int_equal(rows[14].index, 2);
  free(rows);
  gv_history_free(h);
}

static void test_country_rows_empty_sections(void **state) {
  gv_history *h;
  free(country_rows(*state, CF_FRA, 0, "SsVVVbS-bS-", &h));
  gv_history_free(h);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_changed_cells, setup, teardown),
      cmocka_unit_test_setup_teardown(test_everyone_adds_the_diagonal, setup, teardown),
      cmocka_unit_test_setup_teardown(test_one_cell, setup, teardown),
      cmocka_unit_test_setup_teardown(test_empty_cell_keeps_its_heading, setup, teardown),
      cmocka_unit_test_setup_teardown(test_pick_default, setup, teardown),
      cmocka_unit_test_setup_teardown(test_country_rows, setup, teardown),
      cmocka_unit_test_setup_teardown(test_country_rows_empty_sections, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
