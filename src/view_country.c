/* gavel: the country view (being written). */
#include "config.h"

#include "gavel/app.h"

static void country_draw(gv_app *app, void *state, gv_canvas *c, gv_rect r) {
  (void)app, (void)state;
  gv_canvas_puts(c, r.x + 1, r.y, r.w - 1, "Not written yet.", GV_STYLE_DIM);
}

const gv_view_ops gv_country_view = {
    .title = "country",
    .hint = "q:close ?:help",
    .state_size = 1,
    .draw = country_draw,
};

void gv_country_open(gv_app *app, int country) {
  (void)country;
  gv_app_open_view(app, GV_VIEW_COUNTRY);
}
