/* Unit tests for the key notation (src/keys.c) and the action table (src/actions.c). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "gavel/actions.h"
#include "gavel/keys.h"

static void test_parse_notation(void **state) {
  (void)state;
  gv_key_event *ev;
  char *error;
  int n = gv_keys_parse("j<Enter><S-Tab><C-d><lt><Space><Resize:80x24><Click:3,4>", &ev, &error);
  assert_int_equal(n, 8);
  int want[] = {'j', GV_KEY_ENTER, GV_KEY_BACKTAB, GV_KEY_CTRL('d'),
                '<', ' ',          GV_KEY_RESIZE,  GV_KEY_CLICK};
  for (int i = 0; i < n; i++)
    assert_int_equal(ev[i].key, want[i]);
  assert_int_equal(ev[6].x, 80);
  assert_int_equal(ev[6].y, 24);
  assert_int_equal(ev[7].x, 3);
  assert_int_equal(ev[7].y, 4);
  free(ev);
}

static void expect_error(const char *keys, const char *message) {
  gv_key_event *ev;
  char *error;
  assert_int_equal(gv_keys_parse(keys, &ev, &error), -1);
  assert_null(ev);
  assert_non_null(strstr(error, message));
  free(error);
}

static void test_errors_are_clear(void **state) {
  (void)state;
  expect_error("j<Foo>", "unknown key name <Foo> at position 2");
  expect_error("<Enter", "unterminated '<' at position 1");
  expect_error("<Resize:80>", "malformed key name <Resize:80>");
  expect_error("a\x01", "control character 0x01");
}

static void test_every_action_has_parsable_unique_keys(void **state) {
  (void)state;
  int owner[256] = {0};
  for (int a = GV_ACTION_NONE + 1; a < GV_ACTION_COUNT; a++) {
    const gv_action_info *info = gv_action_get((gv_action)a);
    assert_non_null(info->help);
    gv_buf readable = {0};
    gv_action_keys_readable((gv_action)a, &readable);
    assert_true(readable.len > 0); /* every action has a key */
    gv_buf_free(&readable);
    for (int k = 0; k < 256; k++)
      if (gv_action_for_key(k) == (gv_action)a)
        owner[k]++;
  }
  for (int k = 0; k < 256; k++)
    assert_true(owner[k] <= 1);
  assert_int_equal(gv_action_for_key('j'), GV_ACTION_MOVE_DOWN);
  assert_int_equal(gv_action_for_key(GV_KEY_PGDN), GV_ACTION_PAGE_DOWN);
  assert_int_equal(gv_action_for_key('<'), GV_ACTION_BACK);
  assert_int_equal(gv_action_for_key(GV_KEY_CTRL('c')), GV_ACTION_QUIT);
}

static void test_key_names_round_trip(void **state) {
  (void)state;
  int keys[] = {'j', GV_KEY_ENTER, GV_KEY_CTRL('u'), '<', GV_KEY_PGUP};
  for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
    char name[32];
    gv_key_event *ev;
    char *error;
    assert_int_equal(gv_keys_parse(gv_key_name(keys[i], name, sizeof name, 0), &ev, &error), 1);
    assert_int_equal(ev[0].key, keys[i]);
    free(ev);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_parse_notation),
      cmocka_unit_test(test_errors_are_clear),
      cmocka_unit_test(test_every_action_has_parsable_unique_keys),
      cmocka_unit_test(test_key_names_round_trip),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
