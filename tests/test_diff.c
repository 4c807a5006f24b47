/* Unit tests for the word diff and paragraph alignment (src/diff.c). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "gavel/diff.h"
#include "gavel/util.h"

/* Returns the git-style rendering of the word diff of a and b. Caller frees. */
static char *marked(const char *a, const char *b) {
  size_t n = 0;
  gv_diff_span *s = gv_word_diff(a, strlen(a), b, strlen(b), &n);
  char *r = gv_word_diff_render(a, b, s, n, false);
  free(s);
  return r;
}

static void assert_marked(const char *a, const char *b, const char *want) {
  char *got = marked(a, b);
  assert_string_equal(got, want);
  free(got);
}

static void test_word_diff_identical_texts(void **state) {
  (void)state;
  const char *t = "Calls upon all States to promote the use of ICTs,";
  size_t n = 0;
  gv_diff_span *s = gv_word_diff(t, strlen(t), t, strlen(t), &n);
  assert_int_equal(n, 1);
  assert_true(gv_spans_equal(s, n));
  assert_int_equal(s[0].a_off, 0);
  assert_int_equal(s[0].a_len, strlen(t));
  assert_int_equal(s[0].b_len, strlen(t));
  free(s);
}

static void test_word_diff_replace_insert_delete(void **state) {
  (void)state;
  assert_marked("Calls upon all States to act", "Calls upon Member States to act now",
                "Calls upon [-all-]{+Member+} States to act {+now+}");
  assert_marked("a b c", "a c", "a [-b-] c");
  assert_marked("a b", "a", "a [-b-]");
  assert_marked("b c", "a b c", "{+a+} b c");
}

static void test_word_diff_punctuation_is_its_own_token(void **state) {
  (void)state;
  assert_marked("of all States, and", "of all States; and", "of all States[-,-]{+;+} and");
  /* symbols and numbers stay whole */
  assert_marked("resolution 73/27 of 2018", "resolution 74/29 of 2018",
                "resolution [-73/27-]{+74/29+} of 2018");
}

static void test_word_diff_ignores_spacing_and_quote_variants(void **state) {
  (void)state;
  size_t n = 0;
  const char *a = "the  Lao People's\nDemocratic Republic";
  const char *b = "the Lao People\xe2\x80\x99s Democratic Republic";
  gv_diff_span *s = gv_word_diff(a, strlen(a), b, strlen(b), &n);
  assert_true(gv_spans_equal(s, n));
  free(s);
}

/* Offsets are bytes: a deleted word after "Côte d’Ivoire" starts past the
 * multi-byte characters, and the spans partition both texts. */
static void test_word_diff_offsets_with_unicode(void **state) {
  (void)state;
  const char *a = "C\xc3\xb4te d\xe2\x80\x99Ivoire and T\xc3\xbcrkiye abstained";
  const char *b = "C\xc3\xb4te d\xe2\x80\x99Ivoire abstained";
  size_t n = 0;
  gv_diff_span *s = gv_word_diff(a, strlen(a), b, strlen(b), &n);
  assert_int_equal(n, 3);
  assert_int_equal(s[0].kind, GV_SPAN_EQUAL);
  assert_int_equal(s[1].kind, GV_SPAN_DELETE);
  const char *del = strstr(a, "and");
  assert_int_equal(s[1].a_off, (size_t)(del - a));
  assert_memory_equal(a + s[1].a_off, "and T\xc3\xbcrkiye ", s[1].a_len);
  assert_int_equal(s[2].kind, GV_SPAN_EQUAL);
  assert_int_equal(s[0].a_len + s[1].a_len + s[2].a_len, strlen(a));
  assert_int_equal(s[0].b_len + s[2].b_len, strlen(b));
  assert_int_equal(s[2].b_off, s[0].b_len);
  free(s);
}

static void test_word_diff_empty_sides(void **state) {
  (void)state;
  assert_marked("", "new words", "{+new words+}");
  assert_marked("old words", "", "[-old words-]");
  size_t n = 5;
  gv_diff_span *s = gv_word_diff("", 0, "", 0, &n);
  assert_int_equal(n, 0);
  free(s);
}

static void test_word_diff_colour_keeps_markers(void **state) {
  (void)state;
  size_t n = 0;
  gv_diff_span *s = gv_word_diff("a b", 3, "a c", 3, &n);
  char *r = gv_word_diff_render("a b", "a c", s, n, true);
  assert_string_equal(r, "a \033[31m[-b-]\033[m\033[32m{+c+}\033[m");
  free(r);
  free(s);
}

/* A long paragraph rewritten in the middle: the diff stays minimal. */
static void test_word_diff_long_text(void **state) {
  (void)state;
  gv_buf a = {0}, b = {0};
  for (int i = 0; i < 3000; i++) {
    gv_buf_printf(&a, "w%d ", i);
    gv_buf_printf(&b, "w%d ", i == 1500 ? -1 : i);
  }
  size_t n = 0;
  gv_diff_span *s = gv_word_diff(a.data, a.len, b.data, b.len, &n);
  assert_int_equal(n, 4);
  assert_int_equal(s[1].kind, GV_SPAN_DELETE);
  assert_memory_equal(a.data + s[1].a_off, "w1500 ", s[1].a_len);
  assert_int_equal(s[2].kind, GV_SPAN_INSERT);
  assert_memory_equal(b.data + s[2].b_off, "w-1 ", s[2].b_len);
  free(s);
  gv_buf_free(&a);
  gv_buf_free(&b);
}

/* Length of a longest common subsequence of two strings, by dynamic programming. */
static size_t lcs_length(const char *a, const char *b) {
  size_t n = strlen(a), m = strlen(b);
  size_t *row = calloc((n + 1) * (m + 1), sizeof *row);
  for (size_t i = 1; i <= n; i++)
    for (size_t j = 1; j <= m; j++)
      row[i * (m + 1) + j] = a[i - 1] == b[j - 1] ? row[(i - 1) * (m + 1) + j - 1] + 1
                             : row[(i - 1) * (m + 1) + j] > row[i * (m + 1) + j - 1]
                                 ? row[(i - 1) * (m + 1) + j]
                                 : row[i * (m + 1) + j - 1];
  size_t r = row[n * (m + 1) + m];
  free(row);
  return r;
}

/* "abc" -> "a b c " : one-letter words. Caller frees. */
static char *spaced(const char *s) {
  gv_buf b = {0};
  for (; *s; s++)
    gv_buf_printf(&b, "%c ", *s);
  return gv_buf_take(&b);
}

/* On random word sequences the diff keeps a longest common subsequence and
 * its spans partition both texts. */
static void test_word_diff_is_minimal(void **state) {
  (void)state;
  srand(7);
  for (int round = 0; round < 300; round++) {
    char a[40], b[40];
    size_t na = (size_t)(rand() % 39), nb = (size_t)(rand() % 39);
    for (size_t i = 0; i < na; i++)
      a[i] = (char)('a' + rand() % 4);
    for (size_t i = 0; i < nb; i++)
      b[i] = (char)('a' + rand() % 4);
    a[na] = b[nb] = '\0';
    char *sa = spaced(a), *sb = spaced(b);
    size_t n = 0, equal = 0, a_pos = 0, b_pos = 0;
    gv_diff_span *s = gv_word_diff(sa, strlen(sa), sb, strlen(sb), &n);
    for (size_t k = 0; k < n; k++) {
      if (s[k].kind != GV_SPAN_INSERT) {
        assert_int_equal(s[k].a_off, a_pos);
        a_pos += s[k].a_len;
      }
      if (s[k].kind != GV_SPAN_DELETE) {
        assert_int_equal(s[k].b_off, b_pos);
        b_pos += s[k].b_len;
      }
      if (s[k].kind == GV_SPAN_EQUAL) {
        assert_memory_equal(sa + s[k].a_off, sb + s[k].b_off, s[k].a_len);
        equal += s[k].b_len / 2;
      }
    }
    assert_int_equal(a_pos, strlen(sa));
    assert_int_equal(b_pos, strlen(sb));
    assert_int_equal(equal, lcs_length(a, b));
    free(s);
    free(sa);
    free(sb);
  }
}

/* ---- alignment ---- */

/* Describes an alignment as "status:alabel>blabel" items, e.g.
 * "= PP1>PP1, ~ PP2>PP2, + -/PP3, - PP4/-, =m OP1>OP2". Caller frees. */
static char *describe(const gv_alignment *al, const gv_para *a, const gv_para *b) {
  static const char *const sym[] = {"=", "~", "+", "-"};
  gv_buf out = {0};
  for (size_t k = 0; k < al->n; k++) {
    const gv_para_pair *p = &al->pairs[k];
    gv_buf_printf(&out, "%s%s%s %s>%s", k ? ", " : "", sym[p->status], p->moved ? "m" : "",
                  p->a >= 0 ? a[p->a].label : "-", p->b >= 0 ? b[p->b].label : "-");
  }
  return gv_buf_take(&out);
}

static void assert_alignment(const gv_para *a, size_t na, const gv_para *b, size_t nb,
                             const char *want) {
  gv_alignment *al = gv_align(a, na, b, nb);
  char *got = describe(al, a, b);
  assert_string_equal(got, want);
  free(got);
  gv_alignment_free(al);
}

static const gv_para old_text[] = {
    {"PP1", "Recalling its resolutions 73/27 and 74/29,"},
    {"PP2", "Noting that considerable progress has been achieved in developing technologies,"},
    {"PP3", "Confirming that ICTs are dual-use technologies,"},
    {"OP1", "Calls upon Member States to promote peaceful uses;"},
    {"OP2", "Decides to include the item in the provisional agenda of its next session."},
};

static void test_align_identical(void **state) {
  (void)state;
  gv_alignment *al = gv_align(old_text, 5, old_text, 5);
  assert_true(gv_alignment_identical(al));
  assert_int_equal(al->n, 5);
  assert_int_equal(al->n_unchanged, 5);
  for (size_t k = 0; k < al->n; k++)
    assert_null(al->pairs[k].spans);
  gv_alignment_free(al);
}

static void test_align_changed_added_removed(void **state) {
  (void)state;
  const gv_para new_text[] = {
      {"PP1", "Recalling its resolutions 73/27, 74/29 and 75/32,"},
      {"PP2", "Noting that considerable progress has been achieved in developing technologies,"},
      {"PP3", "Welcoming the report of the Open-ended Working Group,"},
      {"OP1", "Calls upon Member States to promote peaceful uses;"},
  };
  assert_alignment(old_text, 5, new_text, 4,
                   "~ PP1>PP1, = PP2>PP2, - PP3>-, + ->PP3, = OP1>OP1, - OP2>-");
  gv_alignment *al = gv_align(old_text, 5, new_text, 4);
  assert_int_equal(al->n_changed, 1);
  assert_int_equal(al->n_added, 1);
  assert_int_equal(al->n_removed, 2);
  assert_false(gv_alignment_identical(al));
  char *r = gv_word_diff_render(old_text[0].text, new_text[0].text, al->pairs[0].spans,
                                al->pairs[0].n_spans, false);
  assert_string_equal(r, "Recalling its resolutions 73/27 [-and-]{+,+} 74/29 {+and 75/32+},");
  free(r);
  gv_alignment_free(al);
}

/* Renumbered paragraphs keep both labels; a paragraph that changed place is
 * moved, with or without changes. */
static void test_align_moved_and_renumbered(void **state) {
  (void)state;
  const gv_para new_text[] = {
      {"PP1", "Confirming that ICTs are dual-use technologies,"},
      {"PP2", "Recalling its resolutions 73/27 and 74/29,"},
      {"PP3", "Noting that considerable progress has been achieved in developing technologies,"},
      {"OP1", "Decides to include the item in the provisional agenda of its next session."},
      {"OP2", "Calls upon all Member States to promote peaceful uses;"},
  };
  assert_alignment(old_text, 5, new_text, 5,
                   "=m PP3>PP1, = PP1>PP2, = PP2>PP3, = OP2>OP1, ~m OP1>OP2");
  gv_alignment *al = gv_align(old_text, 5, new_text, 5);
  assert_int_equal(al->n_moved, 2);
  assert_int_equal(al->n_changed, 1);
  assert_false(gv_alignment_identical(al));
  gv_alignment_free(al);
}

static void test_align_empty_sides(void **state) {
  (void)state;
  assert_alignment(old_text, 2, NULL, 0, "- PP1>-, - PP2>-");
  assert_alignment(NULL, 0, old_text, 1, "+ ->PP1");
  gv_alignment *al = gv_align(NULL, 0, NULL, 0);
  assert_int_equal(al->n, 0);
  assert_true(gv_alignment_identical(al));
  gv_alignment_free(al);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_word_diff_identical_texts),
      cmocka_unit_test(test_word_diff_replace_insert_delete),
      cmocka_unit_test(test_word_diff_punctuation_is_its_own_token),
      cmocka_unit_test(test_word_diff_ignores_spacing_and_quote_variants),
      cmocka_unit_test(test_word_diff_offsets_with_unicode),
      cmocka_unit_test(test_word_diff_empty_sides),
      cmocka_unit_test(test_word_diff_colour_keeps_markers),
      cmocka_unit_test(test_word_diff_long_text),
      cmocka_unit_test(test_word_diff_is_minimal),
      cmocka_unit_test(test_align_identical),
      cmocka_unit_test(test_align_changed_added_removed),
      cmocka_unit_test(test_align_moved_and_renumbered),
      cmocka_unit_test(test_align_empty_sides),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
