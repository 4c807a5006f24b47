/* gavel: the compare view (being written). */
#include "config.h"

#include "gavel/app.h"

static void compare_draw(gv_app *app, void *state, gv_canvas *c, gv_rect r) {
  (void)app, (void)state;
  gv_canvas_puts(c, r.x + 1, r.y, r.w - 1, "Not written yet.", GV_STYLE_DIM);
}

const gv_view_ops gv_compare_view = {
    .title = "compare",
    .hint = "q:close ?:help",
    .state_size = 1,
    .draw = compare_draw,
};

void gv_compare_open(gv_app *app, int vote_a, int vote_b) {
  (void)vote_a, (void)vote_b;
  gv_app_open_view(app, GV_VIEW_COMPARE);
}
