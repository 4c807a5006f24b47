/* Unit tests for the Unicode text utilities (src/text.c). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "gavel/text.h"

static char *fold_all(const char *s) {
  return gv_fold(s, strlen(s), GV_FOLD_ALL, NULL, NULL);
}

static void test_fold_case_accents(void **state) {
  (void)state;
  char *a = fold_all("C\xc3\xb4te d\xe2\x80\x99Ivoire");
  assert_string_equal(a, "cote d'ivoire");
  free(a);
  char *b = fold_all("T\xc3\xbcrkiye");
  assert_string_equal(b, "turkiye");
  free(b);
  char *c = fold_all("STRA\xc3\x9f"
                     "E"); /* full folding: ß -> ss */
  assert_string_equal(c, "strasse");
  free(c);
}

static void test_fold_decomposed_equals_composed(void **state) {
  (void)state;
  char *nfd = fold_all("Co\xcc\x82te");
  char *nfc = fold_all("C\xc3\xb4te");
  assert_string_equal(nfd, nfc);
  free(nfd);
  free(nfc);
}

static void test_fold_keeps_accents_when_asked(void **state) {
  (void)state;
  const char *s = "C\xc3\xb4te";
  char *a = gv_fold(s, strlen(s), GV_FOLD_CASE, NULL, NULL);
  assert_string_equal(a, "co\xcc\x82te"); /* NFD: o + combining circumflex */
  free(a);
}

static void test_fold_punct_and_space(void **state) {
  (void)state;
  char *a = fold_all("2021\xe2\x80\x93"
                     "2025  \xe2\x80\x9cquoted\xe2\x80\x9d\t x");
  assert_string_equal(a, "2021-2025 \"quoted\" x");
  free(a);
}

static void test_fold_map_points_at_source(void **state) {
  (void)state;
  const char *s = "a\xc3\x9f"
                  "c"; /* aßc -> assc */
  size_t len, *map;
  char *f = gv_fold(s, strlen(s), GV_FOLD_ALL, &len, &map);
  assert_string_equal(f, "assc");
  assert_int_equal(map[0], 0);
  assert_int_equal(map[1], 1);
  assert_int_equal(map[2], 1);
  assert_int_equal(map[3], 3);
  assert_int_equal(map[4], 4);
  free(f);
  free(map);
}

static void test_utf8_validation(void **state) {
  (void)state;
  size_t bad = 0;
  assert_true(gv_utf8_valid("ok \xc3\xa9", 5, &bad));
  assert_false(gv_utf8_valid("ab\xff"
                             "cd",
                             5, &bad));
  assert_int_equal(bad, 2);
}

static void test_display_width(void **state) {
  (void)state;
  assert_int_equal(gv_display_width("C\xc3\xb4te", 5), 4);
  assert_int_equal(gv_display_width("\xe6\x97\xa5\xe6\x9c\xac", 6), 4); /* 日本 */
  assert_int_equal(gv_display_width("e\xcc\x81", 3), 1);                /* e + combining acute */
}

static void test_nfc(void **state) {
  (void)state;
  char *s = gv_nfc("Co\xcc\x82te", 6);
  assert_string_equal(s, "C\xc3\xb4te");
  free(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_fold_case_accents),
      cmocka_unit_test(test_fold_decomposed_equals_composed),
      cmocka_unit_test(test_fold_keeps_accents_when_asked),
      cmocka_unit_test(test_fold_punct_and_space),
      cmocka_unit_test(test_fold_map_points_at_source),
      cmocka_unit_test(test_utf8_validation),
      cmocka_unit_test(test_display_width),
      cmocka_unit_test(test_nfc),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
