/* gavel: the browser's shared machinery: panes, focus, layout, status line,
 * history for the back key, and the dispatch of keys to actions. */
#ifndef GAVEL_APP_H
#define GAVEL_APP_H

#include <stdbool.h>

#include "gavel/canvas.h"
#include "gavel/keys.h"
#include "gavel/model.h"
#include "gavel/search.h"
#include "gavel/view.h"

/* A place to return to with the back key. */
typedef struct {
  gv_view_id focus;
  int doc, node, vote;
} gv_place;

/* Called when the text of the prompt changes, is accepted or cancelled. */
typedef void (*gv_prompt_fn)(gv_app *app, gv_prompt_event ev, const char *text);

/* The one-line prompt on the status line ("/supply chain"). */
typedef struct {
  bool active;
  const char *label; /* static: "/" */
  gv_buf text;
  gv_prompt_fn fn;
  char info[48]; /* shown at the right end: "3 matches" */
} gv_prompt;

/* The browser's search: the index built at start-up, the query (live while
 * typing, then kept), and where the search started. */
typedef struct {
  gv_index *index;
  char *pattern; /* the search text, or NULL */
  gv_query *query;
  gv_results *results;
  unsigned generation; /* counts the changes of query and results */
  char *saved;         /* the kept pattern before "/" was pressed */
  gv_place origin;     /* where "/" was pressed */
  int origin_top;      /* the node at the top of the tree there, or -1 */
} gv_app_search;

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
  gv_view_id stack[GV_VIEW_COUNT]; /* the right-hand pane: stack[0] is the grid */
  int n_stack;
  gv_prompt prompt;
  gv_app_search search;
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
/* Returns the view shown in the right-hand pane (the top of its stack). */
gv_view_id gv_app_right(const gv_app *app);
/* Opens view v over the right-hand pane (or raises it if open) and focuses it. */
void gv_app_open_view(gv_app *app, gv_view_id v);
/* Closes the top view of the right-hand pane; returns false when only the grid is left. */
bool gv_app_close_view(gv_app *app);
/* Opens the prompt with a static label; fn hears every edit, Enter and Esc. */
void gv_app_prompt(gv_app *app, const char *label, gv_prompt_fn fn);

/* Opens the "/" prompt for a search of the paragraph text, as you type. */
void gv_search_start(gv_app *app);
/* Goes to the next (dir 1) or previous (dir -1) match of the kept search. */
void gv_search_step(gv_app *app, int dir);
/* Returns the spans of the kept search in text[0..len) (see gv_query_spans);
 * NULL when there is no search or no match.  Caller frees. */
gv_span *gv_search_spans(const gv_app *app, const char *text, size_t len, size_t *n);
/* Frees the search state. */
void gv_search_done(gv_app *app);

/* Returns the state of a view (owned by the app). */
void *gv_app_state(gv_app *app, gv_view_id v);

#endif
