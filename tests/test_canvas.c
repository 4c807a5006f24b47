/* Unit tests for the canvas (src/canvas.c) and the text backend (src/render_text.c). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "gavel/canvas.h"
#include "gavel/render.h"

/* Returns row y of the canvas as text (trailing spaces trimmed). Caller frees. */
static char *row_text(const gv_canvas *c, int y) {
  char *all = gv_render_text(c), *p = all;
  for (int i = 0; i < y; i++)
    p = strchr(p, '\n') + 1;
  char *end = strchr(p, '\n');
  char *row = strndup(p, (size_t)(end - p));
  free(all);
  return row;
}

static void test_wide_char_is_never_split(void **state) {
  (void)state;
  gv_canvas *c = gv_canvas_new(10, 1);
  int used = gv_canvas_puts(c, 0, 0, 3, "ab\xe4\xb8\xad", GV_STYLE_NORMAL); /* ab中 */
  assert_int_equal(used, 2);
  used = gv_canvas_puts(c, 4, 0, 4, "\xe4\xb8\xad\xe6\x96\x87", GV_STYLE_NORMAL); /* 中文 */
  assert_int_equal(used, 4);
  assert_int_equal(gv_canvas_cell(c, 4, 0)->width, 2);
  assert_int_equal(gv_canvas_cell(c, 5, 0)->width, 0);
  char *row = row_text(c, 0);
  assert_string_equal(row, "ab  \xe4\xb8\xad\xe6\x96\x87");
  free(row);
  gv_canvas_free(c);
}

static void test_overwriting_half_a_wide_char_blanks_the_other(void **state) {
  (void)state;
  gv_canvas *c = gv_canvas_new(4, 1);
  gv_canvas_puts(c, 0, 0, 4, "\xe4\xb8\xad", GV_STYLE_NORMAL);
  gv_canvas_puts(c, 1, 0, 1, "x", GV_STYLE_NORMAL);
  char *row = row_text(c, 0);
  assert_string_equal(row, " x");
  free(row);
  gv_canvas_free(c);
}

static void test_combining_marks_join_their_base(void **state) {
  (void)state;
  gv_canvas *c = gv_canvas_new(10, 1);
  int used = gv_canvas_puts(c, 0, 0, 10, "Co\xcc\x82te", GV_STYLE_NORMAL); /* Côte, decomposed */
  assert_int_equal(used, 4);
  assert_int_equal(gv_canvas_cell(c, 1, 0)->len, 3);
  char *row = row_text(c, 0);
  assert_string_equal(row, "Co\xcc\x82te");
  free(row);
  gv_canvas_free(c);
}

static void test_control_characters_become_placeholders(void **state) {
  (void)state;
  gv_canvas *c = gv_canvas_new(40, 1);
  gv_canvas_puts(c, 0, 0, 40, "a\x1b[2J\x07|\xc2\x85|\xe2\x80\xaex|\xff", GV_STYLE_NORMAL);
  char *row = row_text(c, 0);
  /* ESC and BEL as ^[ and ^G; C1 NEL, a bidi override and a bad byte as U+FFFD */
  assert_string_equal(row, "a^[[2J^G|\xef\xbf\xbd|\xef\xbf\xbdx|\xef\xbf\xbd");
  assert_null(strchr(row, '\x1b'));
  free(row);
  assert_int_equal(gv_text_columns("\x1b[", 2), 3);
  gv_canvas_free(c);
}

static void test_wrap_by_display_width(void **state) {
  (void)state;
  const char *s = "C\xc3\xb4te d\xe2\x80\x99Ivoire and T\xc3\xbcrkiye "
                  "\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad";
  size_t *st, n = gv_wrap(s, strlen(s), 8, &st);
  assert_true(n >= 4);
  for (size_t i = 0; i < n; i++) {
    size_t len = st[i + 1] - st[i];
    while (len && s[st[i] + len - 1] == ' ')
      len--;
    assert_true(gv_text_columns(s + st[i], len) <= 8);
  }
  assert_memory_equal(s + st[1], "d\xe2\x80\x99Ivoire", 10);
  free(st);
}

static void test_text_backend_trims_and_styles(void **state) {
  (void)state;
  gv_canvas *c = gv_canvas_new(6, 2);
  gv_canvas_puts(c, 1, 0, 5, "Y", GV_STYLE_YES);
  gv_canvas_puts(c, 2, 1, 5, "N", GV_STYLE_CHANGED);
  char *text = gv_render_text(c), *styles = gv_render_styles(c);
  assert_string_equal(text, " Y\n  N\n");
  assert_string_equal(styles, " Y\n  C\n");
  free(text);
  free(styles);
  gv_canvas_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_wide_char_is_never_split),
      cmocka_unit_test(test_overwriting_half_a_wide_char_blanks_the_other),
      cmocka_unit_test(test_combining_marks_join_their_base),
      cmocka_unit_test(test_control_characters_become_placeholders),
      cmocka_unit_test(test_wrap_by_display_width),
      cmocka_unit_test(test_text_backend_trims_and_styles),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
