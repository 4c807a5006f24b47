/* gavel: gv_browse(): the interactive loop, or the headless run that applies
 * keys and prints the final screen. */
#include "config.h"

#include "gavel/browse.h"

#include <stdlib.h>

#include "gavel/app.h"
#include "gavel/render.h"

/* Applies keys in notation to the app; returns false (after a message) on a syntax error. */
static bool feed_keys(gv_app *app, const char *keys, FILE *err) {
  gv_key_event *events;
  char *error;
  int n = gv_keys_parse(keys ? keys : "", &events, &error);
  if (n < 0) {
    fprintf(err, "gavel: --keys: %s\n", error);
    free(error);
    return false;
  }
  for (int i = 0; i < n && !app->quit; i++) {
    gv_app_feed(app, events[i]);
    gv_app_draw(app); /* panes settle their scrolling as a user would see it */
  }
  free(events);
  return true;
}

static int browse_headless(const gv_model *model, const gv_browse_options *opts) {
  FILE *out = opts->out ? opts->out : stdout, *err = opts->err ? opts->err : stderr;
  gv_app *app =
      gv_app_new(model, opts->cols > 0 ? opts->cols : 80, opts->rows > 0 ? opts->rows : 24);
  gv_app_draw(app);
  if (!feed_keys(app, opts->keys, err)) {
    gv_app_free(app);
    return 2;
  }
  char *text = gv_render_text(gv_app_draw(app));
  fputs(text, out);
  free(text);
  const char *styles = getenv("GAVEL_HEADLESS_STYLES");
  if (styles && *styles) {
    char *layer = gv_render_styles(app->canvas);
    fprintf(out, "--- styles\n%s", layer);
    free(layer);
  }
  gv_app_free(app);
  return 0;
}

static int browse_terminal(const gv_model *model, const gv_browse_options *opts) {
  FILE *err = opts->err ? opts->err : stderr;
  gv_term *term = gv_term_open(err);
  if (!term)
    return 2;
  int cols, rows;
  gv_term_size(term, &cols, &rows);
  gv_app *app = gv_app_new(model, cols, rows);
  bool ok = feed_keys(app, opts->keys, err);
  while (ok && !app->quit) {
    gv_term_show(term, gv_app_draw(app));
    gv_key_event ev = gv_term_read(term);
    if (ev.key != GV_KEY_NONE)
      gv_app_feed(app, ev);
  }
  gv_app_free(app);
  gv_term_close(term);
  return ok ? 0 : 2;
}

int gv_browse(const gv_model *model, const gv_browse_options *opts) {
  return opts->headless ? browse_headless(model, opts) : browse_terminal(model, opts);
}
