/* Unit tests for the marked diff text (src/diff_marks.c). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "gavel/diff_marks.h"

/* Word-diffs a and b into *m; returns the spans (caller frees). */
static gv_diff_span *mark(const char *a, const char *b, gv_marked *m, size_t *n) {
  gv_diff_span *s = gv_word_diff(a, strlen(a), b, strlen(b), n);
  memset(m, 0, sizeof *m);
  gv_mark_spans(a, b, s, *n, m);
  return s;
}

/* The marked text is what gv_word_diff_render() prints, with and without
 * colour: the command and the view show the same marks. */
static void test_marks_read_as_the_command_prints(void **state) {
  (void)state;
  static const char *const pairs[][2] = {
      {"Calls upon all States to act", "Calls upon Member States to act now"},
      {"a b c", "a c"},
      {"a b", "a"},
      {"b c", "a b c"},
      {"of all States, and", "of all States; and"},
      {"Decides to include  in the agenda", "Also decides to include in the provisional agenda"},
      {"", "New paragraph"},
      {"Old paragraph", ""},
      {"the same words", "the same words"},
      {"2010,¹ 2013² and 2015³ reports", "2010, 2013 and 2015 reports"},
  };
  for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
    const char *a = pairs[i][0], *b = pairs[i][1];
    gv_marked m;
    size_t n;
    gv_diff_span *s = mark(a, b, &m, &n);
    for (int color = 0; color < 2; color++) {
      char *want = gv_word_diff_render(a, b, s, n, color);
      char *got = gv_marked_ansi(&m, color);
      assert_string_equal(got, want);
      free(want);
      free(got);
    }
    free(s);
    gv_marked_free(&m);
  }
}

/* Returns the text of mark k. Caller frees. */
static char *mark_text(const gv_marked *m, size_t k) {
  return gv_xstrndup(m->text.data + m->marks[k].start, m->marks[k].end - m->marks[k].start);
}

static void assert_mark(const gv_marked *m, size_t k, gv_span_kind kind, const char *want) {
  assert_true(k < m->n_marks);
  char *got = mark_text(m, k);
  assert_string_equal(got, want);
  assert_int_equal(m->marks[k].kind, kind);
  free(got);
}

static void test_marks_cover_the_markers(void **state) {
  (void)state;
  gv_marked m;
  size_t n;
  gv_diff_span *s =
      mark("Calls upon all States to act", "Calls upon Member States to act now", &m, &n);
  assert_string_equal(m.text.data, "Calls upon [-all-]{+Member+} States to act {+now+}");
  assert_int_equal(m.n_marks, 3);
  assert_mark(&m, 0, GV_SPAN_DELETE, "[-all-]");
  assert_mark(&m, 1, GV_SPAN_INSERT, "{+Member+}");
  assert_mark(&m, 2, GV_SPAN_INSERT, "{+now+}");
  free(s);
  gv_marked_free(&m);
  assert_null(m.text.data);
  assert_int_equal(m.n_marks, 0);
}

static const gv_para old_paras[] = {
    {"PP1", "Recalling its resolutions,"},
    {"OP1", "Calls upon all States to act,"},
    {"OP2", "Requests a report."},
};
static const gv_para new_paras[] = {
    {"PP1", "Recalling its resolutions,"},
    {"OP1", "Welcomes the work of the Group,"},
    {"OP2", "Calls upon Member States to act,"},
};

/* Returns the marked text of the pair whose old or new paragraph is
 * labelled label, with the number of marks in *n_marks. Caller frees. */
static char *pair_marked(const gv_alignment *al, const char *label, bool old, size_t *n_marks) {
  for (size_t k = 0; k < al->n; k++) {
    const gv_para_pair *p = &al->pairs[k];
    int i = old ? p->a : p->b;
    if (i < 0 || strcmp((old ? old_paras : new_paras)[i].label, label) != 0)
      continue;
    gv_marked m = {0};
    gv_mark_pair(p, old_paras, new_paras, &m);
    *n_marks = m.n_marks;
    if (m.n_marks) /* the marks lie inside the text */
      assert_true(m.marks[m.n_marks - 1].end <= m.text.len);
    char *text = gv_xstrdup(m.text.data);
    gv_marked_free(&m);
    return text;
  }
  fail_msg("no pair with %s paragraph %s", old ? "old" : "new", label);
  return NULL;
}

static void test_mark_pair_by_status(void **state) {
  (void)state;
  gv_alignment *al = gv_align(old_paras, 3, new_paras, 3);
  size_t n;
  char *t = pair_marked(al, "PP1", false, &n);
  assert_string_equal(t, "Recalling its resolutions,");
  assert_int_equal(n, 0);
  free(t);
  t = pair_marked(al, "OP2", false, &n);
  assert_string_equal(t, "Calls upon [-all-]{+Member+} States to act,");
  assert_int_equal(n, 2);
  free(t);
  t = pair_marked(al, "OP1", false, &n);
  assert_string_equal(t, "{+Welcomes the work of the Group,+}");
  assert_int_equal(n, 1);
  free(t);
  t = pair_marked(al, "OP2", true, &n);
  assert_string_equal(t, "[-Requests a report.-]");
  assert_int_equal(n, 1);
  free(t);
  gv_alignment_free(al);
}

static void assert_label(gv_para_pair p, const char *want) {
  gv_buf b = {0};
  gv_pair_label(&p, old_paras, new_paras, "->", &b);
  assert_string_equal(b.data ? b.data : "", want);
  gv_buf_free(&b);
}

static void test_pair_label_names_both_when_renumbered(void **state) {
  (void)state;
  assert_label((gv_para_pair){GV_PARA_CHANGED, false, 1, 2, NULL, 0}, "OP1->OP2");
  assert_label((gv_para_pair){GV_PARA_UNCHANGED, false, 0, 0, NULL, 0}, "PP1");
  assert_label((gv_para_pair){GV_PARA_ADDED, false, -1, 1, NULL, 0}, "OP1");
  assert_label((gv_para_pair){GV_PARA_REMOVED, false, 2, -1, NULL, 0}, "OP2");
  const gv_para unlabelled[] = {{NULL, "The General Assembly,"}};
  gv_para_pair p = {GV_PARA_UNCHANGED, false, 0, 0, NULL, 0};
  gv_buf b = {0};
  gv_pair_label(&p, unlabelled, unlabelled, "->", &b);
  assert_int_equal(b.len, 0);
  gv_buf_free(&b);
}

static void test_pair_status_and_change(void **state) {
  (void)state;
  gv_para_pair p = {GV_PARA_UNCHANGED, false, 0, 0, NULL, 0};
  assert_string_equal(gv_pair_status_name(&p), "unchanged");
  assert_false(gv_pair_is_change(&p));
  p.moved = true; /* in another place: a change */
  assert_true(gv_pair_is_change(&p));
  p = (gv_para_pair){GV_PARA_CHANGED, false, 0, 0, NULL, 0};
  assert_string_equal(gv_pair_status_name(&p), "changed");
  assert_true(gv_pair_is_change(&p));
  p.status = GV_PARA_ADDED;
  assert_string_equal(gv_pair_status_name(&p), "added");
  p.status = GV_PARA_REMOVED;
  assert_string_equal(gv_pair_status_name(&p), "removed");
  assert_true(gv_pair_is_change(&p));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_marks_read_as_the_command_prints),
      cmocka_unit_test(test_marks_cover_the_markers),
      cmocka_unit_test(test_mark_pair_by_status),
      cmocka_unit_test(test_pair_label_names_both_when_renumbered),
      cmocka_unit_test(test_pair_status_and_change),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
