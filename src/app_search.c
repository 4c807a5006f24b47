/* gavel: the browser's search of the paragraph text: the "/" prompt with
 * matches shown as you type, n and N across documents, and the highlight
 * spans the panes draw. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/app.h"

/* Drops the query and results (not the pattern). */
static void drop_query(gv_app_search *s) {
  s->generation++;
  gv_results_free(s->results);
  gv_query_free(s->query);
  s->results = NULL;
  s->query = NULL;
}

void gv_search_done(gv_app *app) {
  gv_app_search *s = &app->search;
  drop_query(s);
  free(s->pattern);
  s->pattern = NULL;
  free(s->saved);
  s->saved = NULL;
}

/* Makes text the search; returns the parse error (static) or NULL. */
static const char *set_pattern(gv_app *app, const char *text) {
  gv_app_search *s = &app->search;
  drop_query(s);
  free(s->pattern);
  s->pattern = text && *text ? gv_xstrdup(text) : NULL;
  if (!s->pattern)
    return "empty";
  const char *error = NULL;
  s->query = gv_query_parse(s->pattern, GV_CASE_SMART, &error);
  if (s->query)
    s->results = gv_search(s->index, s->query);
  return s->query ? NULL : error;
}

static size_t n_results(const gv_app *app) {
  return app->search.results ? gv_results_count(app->search.results) : 0;
}

/* Returns the current place in the tree as a hit. */
static gv_hit here(gv_app *app) {
  gv_hit h;
  h.doc = gv_tree_place(app, &h.node);
  return h;
}

static void restore_origin(gv_app *app) {
  const gv_place *o = &app->search.origin;
  if (o->doc >= 0) {
    gv_docs_show(app, o->doc);
    gv_tree_show(app, o->doc, o->node);
    gv_tree_scroll_to(app, app->search.origin_top);
  }
  gv_grid_show(app, o->vote);
  app->focus = o->focus;
}

/* The first match at or after the origin, wrapping around. */
static void show_first(gv_app *app) {
  gv_hit from = {app->search.origin.doc, app->search.origin.node};
  long i = gv_results_find(app->search.results, from);
  if (i < 0)
    i = gv_results_next(app->search.results, from, true);
  if (i >= 0) {
    gv_hit h = gv_results_get(app->search.results, (size_t)i);
    gv_show_node(app, h.doc, h.node);
    if (app->focus == GV_VIEW_DOCS)
      app->focus = GV_VIEW_TREE;
  }
}

static void count_info(gv_app *app, char *buf, size_t size) {
  size_t n = n_results(app);
  if (!app->search.pattern)
    buf[0] = '\0';
  else if (!app->search.query)
    snprintf(buf, size, "nothing to search");
  else
    snprintf(buf, size, n == 1 ? "1 match" : n ? "%zu matches" : "no match", n);
}

static void on_prompt(gv_app *app, gv_prompt_event ev, const char *text) {
  gv_app_search *s = &app->search;
  if (ev == GV_PROMPT_CANCEL || (ev == GV_PROMPT_ACCEPT && !*text && !s->saved)) {
    set_pattern(app, s->saved);
    restore_origin(app);
    return;
  }
  if (ev == GV_PROMPT_ACCEPT && !*text) { /* an empty search repeats the last one */
    set_pattern(app, s->saved);
    restore_origin(app);
    gv_search_step(app, 1);
    return;
  }
  set_pattern(app, text);
  if (n_results(app))
    show_first(app);
  else
    restore_origin(app);
  count_info(app, app->prompt.info, sizeof app->prompt.info);
  if (ev == GV_PROMPT_ACCEPT) {
    char info[48];
    count_info(app, info, sizeof info);
    gv_app_message(app, "/%s: %s%s", s->pattern, info,
                   n_results(app) > 1 ? "; n and N go through them, r lists them" : "");
  }
}

void gv_search_start(gv_app *app) {
  gv_app_search *s = &app->search;
  free(s->saved);
  s->saved = s->pattern ? gv_xstrdup(s->pattern) : NULL;
  s->origin.focus = app->focus;
  s->origin.vote = gv_grid_vote(app);
  s->origin.doc = gv_tree_place(app, &s->origin.node);
  s->origin_top = gv_tree_top_node(app);
  gv_app_prompt(app, "/", on_prompt);
}

void gv_search_step(gv_app *app, int dir) {
  gv_app_search *s = &app->search;
  if (!s->pattern || !s->query) {
    gv_app_message(app, "No search yet: press / to search the paragraphs");
    return;
  }
  size_t n = n_results(app);
  if (!n) {
    gv_app_message(app, "No match for /%s", s->pattern);
    return;
  }
  gv_hit from = here(app);
  long i =
      dir > 0 ? gv_results_next(s->results, from, false) : gv_results_prev(s->results, from, false);
  bool wrapped = i < 0;
  if (wrapped)
    i = dir > 0 ? gv_results_next(s->results, from, true) : gv_results_prev(s->results, from, true);
  gv_app_push_history(app);
  gv_hit h = gv_results_get(s->results, (size_t)i);
  gv_show_node(app, h.doc, h.node);
  if (app->focus != GV_VIEW_TREE && app->focus != GV_VIEW_RESULTS)
    app->focus = GV_VIEW_TREE;
  gv_app_message(app, "%sMatch %ld of %zu: /%s",
                 wrapped ? (dir > 0 ? "Search hit the end, continued at the start. "
                                    : "Search hit the start, continued at the end. ")
                         : "",
                 i + 1, n, s->pattern);
}

gv_span *gv_search_spans(const gv_app *app, const char *text, size_t len, size_t *n) {
  *n = 0;
  if (!app->search.query || !text)
    return NULL;
  return gv_query_spans(app->search.query, text, len, n);
}
