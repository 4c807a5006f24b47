/* gavel: the browser's shared machinery: panes, focus, layout, status line,
 * history for the back key, and the dispatch of keys to actions. */
#ifndef GAVEL_APP_H
#define GAVEL_APP_H

#include <stdbool.h>

#include "gavel/canvas.h"
#include "gavel/keys.h"
#include "gavel/model.h"
#include "gavel/view.h"

/* A place to return to with the back key. */
typedef struct {
  gv_view_id focus;
  int doc, node, vote;
} gv_place;

struct gv_app {
  const gv_model *model;
  void *state[GV_VIEW_COUNT];
  gv_view_id focus;
  bool help; /* the help screen covers the panes */
  bool quit;
  bool wide; /* panes side by side (set by the layout) */
  gv_canvas *canvas;
  char *message;               /* shown on the status line until the next key */
  gv_rect rect[GV_VIEW_COUNT]; /* content rectangles of the last layout */
  bool shown[GV_VIEW_COUNT];
  gv_place *history;
  size_t n_history, cap_history;
};

/* Returns a browser over the model drawing into a cols x rows canvas. Free with gv_app_free(). */
gv_app *gv_app_new(const gv_model *model, int cols, int rows);
/* Frees the app and its view states (not the model). NULL is allowed. */
void gv_app_free(gv_app *app);
/* Applies one key or event. */
void gv_app_feed(gv_app *app, gv_key_event ev);
/* Redraws everything into app->canvas and returns it (owned by the app). */
const gv_canvas *gv_app_draw(gv_app *app);
/* Replaces the status message (printf format). */
void gv_app_message(gv_app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Remembers the current place before a jump. */
void gv_app_push_history(gv_app *app);
/* Returns the state of a view (owned by the app). */
void *gv_app_state(gv_app *app, gv_view_id v);

#endif
