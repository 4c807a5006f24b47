/* Tests of the browser's machinery over the bundled corpus: the prompt line,
 * search as you type with n/N and Esc, the stack of views over the right-hand
 * pane, and a long run of random keys, resizes and clicks through every view
 * that must never break an invariant (run under the sanitizers in CI). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gavel/app.h"
#include "gavel/corpus.h"

static gv_model *model;

static int setup(void **state) {
  (void)state;
  gv_diag d = {0};
  model = gv_corpus_load(NULL, 0, &d);
  gv_diag_free(&d);
  return model ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  gv_model_free(model);
  return 0;
}

/* Feeds keys in notation, drawing after each as the real loop does. */
static void feed(gv_app *app, const char *keys) {
  gv_key_event *ev;
  char *error = NULL;
  int n = gv_keys_parse(keys, &ev, &error);
  assert_true(n >= 0);
  for (int i = 0; i < n; i++) {
    gv_app_feed(app, ev[i]);
    gv_app_draw(app);
  }
  free(ev);
}

/* Returns the status line of the last draw (caller frees). */
static char *status_line(gv_app *app) {
  const gv_canvas *c = gv_app_draw(app);
  gv_buf b = {0};
  for (int x = 0; x < c->cols; x++) {
    const gv_cell *cell = gv_canvas_cell(c, x, c->rows - 1);
    gv_buf_add(&b, cell->bytes, cell->len);
  }
  return gv_buf_take(&b);
}

static void assert_status_has(gv_app *app, const char *want) {
  char *line = status_line(app);
  if (!strstr(line, want))
    fail_msg("status line \"%s\" does not contain \"%s\"", line, want);
  free(line);
}

static void test_prompt_editing(void **state) {
  (void)state;
  gv_app *app = gv_app_new(model, 100, 30);
  feed(app, "/ab<BS>c d\xc3\xa9");
  assert_true(app->prompt.active);
  assert_string_equal(app->prompt.text.data, "ac d\xc3\xa9");
  feed(app, "<BS>");
  assert_string_equal(app->prompt.text.data, "ac d"); /* a whole character */
  feed(app, "<C-w>");
  assert_string_equal(app->prompt.text.data, "ac ");
  feed(app, "<C-u>");
  assert_string_equal(app->prompt.text.data, "");
  feed(app, "x<Esc>");
  assert_false(app->prompt.active);
  assert_null(app->search.pattern);
  feed(app, "/<BS>"); /* backspace on an empty prompt cancels it */
  assert_false(app->prompt.active);
  gv_app_free(app);
}

/* Returns the result index of the tree's place, or -1. */
static long tree_result(gv_app *app) {
  gv_hit h;
  h.doc = gv_tree_place(app, &h.node);
  return gv_results_find(app->search.results, h);
}

static void test_search_next_prev_wrap(void **state) {
  (void)state;
  gv_app *app = gv_app_new(model, 100, 30);
  feed(app, "/supply chain<Enter>");
  size_t n = gv_results_count(app->search.results);
  assert_true(n >= 3);
  assert_int_equal(tree_result(app), 0);
  feed(app, "n");
  assert_int_equal(tree_result(app), 1);
  assert_status_has(app, "Match 2 of");
  feed(app, "NN");
  assert_int_equal(tree_result(app), (long)n - 1); /* wrapped to the last */
  assert_status_has(app, "continued at the end");
  feed(app, "<lt>"); /* back undoes the jump */
  assert_int_equal(tree_result(app), 0);
  gv_app_free(app);
}

static void test_search_cancel_restores(void **state) {
  (void)state;
  gv_app *app = gv_app_new(model, 100, 30);
  feed(app, "jj2jjj");
  int node, doc = gv_tree_place(app, &node);
  int vote = gv_grid_vote(app);
  feed(app, "/supply");
  int moved_node, moved_doc = gv_tree_place(app, &moved_node);
  assert_true(moved_doc != doc || moved_node != node); /* the search moved the tree */
  feed(app, "<Esc>");
  int back_node, back_doc = gv_tree_place(app, &back_node);
  assert_int_equal(back_doc, doc);
  assert_int_equal(back_node, node);
  assert_int_equal(gv_grid_vote(app), vote);
  assert_int_equal(app->focus, GV_VIEW_TREE);
  assert_null(app->search.pattern);
  gv_app_free(app);
}

static void test_search_no_match_stays(void **state) {
  (void)state;
  gv_app *app = gv_app_new(model, 100, 30);
  feed(app, "jj2j");
  int node, doc = gv_tree_place(app, &node);
  feed(app, "/zzqqxx<Enter>");
  int now_node, now_doc = gv_tree_place(app, &now_node);
  assert_int_equal(now_doc, doc);
  assert_int_equal(now_node, node);
  assert_status_has(app, "no match");
  feed(app, "n");
  assert_status_has(app, "No match for /zzqqxx");
  gv_app_free(app);
}

static void test_view_stack(void **state) {
  (void)state;
  gv_app *app = gv_app_new(model, 120, 40);
  feed(app, "/supply<Enter>r");
  assert_int_equal(gv_app_right(app), GV_VIEW_RESULTS);
  assert_int_equal(app->focus, GV_VIEW_RESULTS);
  feed(app, "1");
  assert_int_equal(app->focus, GV_VIEW_DOCS);
  feed(app, "3");
  assert_int_equal(app->focus, GV_VIEW_RESULTS); /* 3 focuses the view over the grid */
  feed(app, "3lv");
  assert_int_equal(gv_app_right(app), GV_VIEW_COMPARE);
  feed(app, "q");
  assert_int_equal(gv_app_right(app), GV_VIEW_RESULTS);
  assert_int_equal(app->focus, GV_VIEW_RESULTS);
  feed(app, "<Esc>");
  assert_int_equal(gv_app_right(app), GV_VIEW_GRID);
  assert_int_equal(app->focus, GV_VIEW_GRID);
  assert_false(app->quit);
  feed(app, "q");
  assert_true(app->quit);
  gv_app_free(app);
}

/* ---- random keys ---- */

static unsigned long rng = 1;

static unsigned pick(unsigned n) {
  rng = rng * 6364136223846793005UL + 1442695040888963407UL;
  return (unsigned)(rng >> 33) % n;
}

/* Every bound key, some text keys, and events. */
static gv_key_event *key_pool(size_t *n) {
  gv_key_event *pool = NULL;
  size_t cnt = 0, cap = 0;
  for (int a = GV_ACTION_NONE + 1; a < GV_ACTION_COUNT; a++) {
    gv_key_event *ev;
    char *error = NULL;
    int k = gv_keys_parse(gv_action_get((gv_action)a)->keys, &ev, &error);
    for (int i = 0; i < k; i++)
      if (ev[i].key != GV_KEY_CTRL('c') && ev[i].key != 'q') /* keep the session going */
        GV_PUSH(pool, cnt, cap, ev[i]);
    free(ev);
    free(error);
  }
  const int extra[] = {'e', 'u', 'o', 'x', ' ', 0xE9, 0x5B57, GV_KEY_BACKSPACE, GV_KEY_ENTER};
  for (size_t i = 0; i < sizeof extra / sizeof *extra; i++)
    GV_PUSH(pool, cnt, cap, ((gv_key_event){extra[i], 0, 0}));
  *n = cnt;
  return pool;
}

static gv_key_event random_event(const gv_key_event *pool, size_t n, const gv_app *app) {
  unsigned r = pick(100);
  if (r < 2)
    return (gv_key_event){GV_KEY_RESIZE, 1 + (int)pick(160), 1 + (int)pick(60)};
  if (r < 6)
    return (gv_key_event){GV_KEY_CLICK + (int)pick(3), (int)pick((unsigned)app->canvas->cols + 2),
                          (int)pick((unsigned)app->canvas->rows + 2)};
  return pool[pick((unsigned)n)];
}

static void check_invariants(const gv_app *app) {
  assert_true(app->n_stack >= 1 && app->n_stack <= GV_VIEW_COUNT);
  assert_int_equal(app->stack[0], GV_VIEW_GRID);
  bool open = app->focus == GV_VIEW_DOCS || app->focus == GV_VIEW_TREE;
  for (int i = 0; i < app->n_stack; i++)
    open = open || app->stack[i] == app->focus;
  assert_true(open);
}

static void test_random_keys(void **state) {
  (void)state;
  size_t n;
  gv_key_event *pool = key_pool(&n);
  for (unsigned long seed = 1; seed <= 12; seed++) {
    rng = seed;
    gv_app *app = gv_app_new(model, 40 + (int)pick(100), 8 + (int)pick(40));
    for (int i = 0; i < 1500 && !app->quit; i++) {
      gv_app_feed(app, random_event(pool, n, app));
      gv_app_draw(app);
      check_invariants(app);
    }
    gv_app_free(app);
  }
  free(pool);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_prompt_editing),
      cmocka_unit_test(test_search_next_prev_wrap),
      cmocka_unit_test(test_search_cancel_restores),
      cmocka_unit_test(test_search_no_match_stays),
      cmocka_unit_test(test_view_stack),
      cmocka_unit_test(test_random_keys),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
