/* gavel: the diff view (being written). */
#include "config.h"

#include "gavel/app.h"

static void diff_draw(gv_app *app, void *state, gv_canvas *c, gv_rect r) {
  (void)app, (void)state;
  gv_canvas_puts(c, r.x + 1, r.y, r.w - 1, "Not written yet.", GV_STYLE_DIM);
}

const gv_view_ops gv_diff_view = {
    .title = "diff",
    .hint = "q:close ?:help",
    .state_size = 1,
    .draw = diff_draw,
};

void gv_diff_open(gv_app *app, int doc_a, int text_a, int doc_b, int text_b) {
  (void)doc_a, (void)text_a, (void)doc_b, (void)text_b;
  gv_app_open_view(app, GV_VIEW_DIFF);
}
