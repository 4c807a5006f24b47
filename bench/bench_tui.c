/* gavel: redraw benchmark of the browser on the bundled corpus.  Applies a
 * cycle of keys and times gv_app_draw() after each; prints the median, p99
 * and maximum next to a baseline measured in the same run (blanking and
 * rendering an empty canvas of the same size).  Not a test: figures only. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "gavel/app.h"
#include "gavel/corpus.h"
#include "gavel/render.h"

enum { ROUNDS = 2000, COLS = 160, ROWS = 50 };

static double now_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static void report(const char *what, double *t, size_t n) {
  qsort(t, n, sizeof *t, compare_doubles);
  printf("%-34s median %8.1f us   p99 %8.1f us   max %8.1f us\n", what, t[n / 2], t[n * 99 / 100],
         t[n - 1]);
}

/* Times redraws after each key of a cycle through every pane. */
static void bench_redraw(const gv_model *m, double *t) {
  static const char *keys = "jjj<Tab>jjjj<C-d>-+<Tab>lllljjjjm<Right>s<Left>F<Tab>G<Home>?<Down>q";
  gv_key_event *ev;
  char *error;
  int n = gv_keys_parse(keys, &ev, &error);
  if (n <= 0) {
    fprintf(stderr, "bench_tui: %s\n", error ? error : "no keys");
    exit(1);
  }
  gv_app *app = gv_app_new(m, COLS, ROWS);
  for (int i = 0; i < ROUNDS; i++) {
    double t0 = now_us();
    gv_app_feed(app, ev[i % n]);
    gv_app_draw(app);
    t[i] = now_us() - t0;
  }
  gv_app_free(app);
  free(ev);
}

static void bench_baseline(double *t) {
  gv_canvas *c = gv_canvas_new(COLS, ROWS);
  for (int i = 0; i < ROUNDS; i++) {
    double t0 = now_us();
    gv_canvas_fill(c, (gv_rect){0, 0, COLS, ROWS}, GV_STYLE_NORMAL);
    free(gv_render_text(c));
    t[i] = now_us() - t0;
  }
  gv_canvas_free(c);
}

int main(void) {
  gv_diag diag = {0};
  gv_model *m = gv_corpus_load(NULL, 0, &diag);
  if (!m || !m->n_docs) {
    gv_diag_print(&diag, stderr);
    fprintf(stderr, "bench_tui: the bundled corpus did not load\n");
    return 1;
  }
  double *t = gv_xcalloc(ROUNDS, sizeof *t);
  printf("gavel browser redraw, %dx%d, %d redraws, %zu documents, %zu votes\n", COLS, ROWS, ROUNDS,
         m->n_docs, m->n_votes);
  bench_baseline(t);
  report("baseline: blank canvas to text", t, ROUNDS);
  bench_redraw(m, t);
  report("key + redraw (all panes)", t, ROUNDS);
  printf("target: under 5000 us per redraw\n");
  free(t);
  gv_model_free(m);
  gv_diag_free(&diag);
  return 0;
}
