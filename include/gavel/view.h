/* gavel: the interface every pane of the browser implements (a table of
 * operations, as tig's view_ops), and the calls panes make on each other. */
#ifndef GAVEL_VIEW_H
#define GAVEL_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "gavel/actions.h"
#include "gavel/canvas.h"
#include "gavel/util.h"

typedef struct gv_app gv_app;

/* The three panes come first; the views after them open over the right-hand
 * pane (a stack whose bottom is the vote grid) and close with q or Esc. */
typedef enum {
  GV_VIEW_DOCS,
  GV_VIEW_TREE,
  GV_VIEW_GRID,
  GV_VIEW_RESULTS, /* search results */
  GV_VIEW_COMPARE, /* two votes side by side */
  GV_VIEW_COUNTRY, /* one country's votes, sponsorships and agreement */
  GV_VIEW_DIFF,    /* two texts aligned and word-diffed */
  GV_VIEW_HELP,
  GV_VIEW_COUNT
} gv_view_id;

/* What happened to the text of a prompt (the "/" line). */
typedef enum { GV_PROMPT_EDIT, GV_PROMPT_ACCEPT, GV_PROMPT_CANCEL } gv_prompt_event;

/* What a view's request handler did with an action. */
typedef enum {
  GV_NOT_MINE, /* the generic code handles it (movement, panes, quit) */
  GV_HANDLED
} gv_request_result;

/* A cursor over `count` rows with the first shown row `top`; the generic
 * movement code moves it and keeps the cursor on screen. */
typedef struct {
  int cursor, top, count;
} gv_list;

typedef struct {
  const char *title; /* pane name: "Documents" */
  const char *hint;  /* key hint for the status line */
  bool full;         /* takes the whole screen while focused (wide layouts) */
  size_t state_size; /* the core allocates (zeroed) and frees the state */
  /* Sets up the state; called once. */
  void (*open)(gv_app *app, void *state);
  /* Frees what the state owns (not the state itself). */
  void (*done)(void *state);
  /* Returns the list generic movement acts on, or NULL. */
  gv_list *(*list)(gv_app *app, void *state);
  /* Appends the pane's title details ("res-75-32 …") to out. */
  void (*title_detail)(gv_app *app, void *state, gv_buf *out);
  /* Draws the pane's content into r. */
  void (*draw)(gv_app *app, void *state, gv_canvas *c, gv_rect r);
  /* Handles an action, or returns GV_NOT_MINE. */
  gv_request_result (*request)(gv_app *app, void *state, gv_action a, gv_rect r);
  /* Called after the cursor moved: lets the other panes follow. */
  void (*select)(gv_app *app, void *state);
  /* Appends where the cursor is to the status line. */
  void (*status)(gv_app *app, void *state, gv_buf *out);
  /* A click at row y of the content (0-based); returns true if it moved the cursor. */
  bool (*click)(gv_app *app, void *state, int x, int y, gv_rect r);
} gv_view_ops;

extern const gv_view_ops gv_docs_view;
extern const gv_view_ops gv_tree_view;
extern const gv_view_ops gv_grid_view;
extern const gv_view_ops gv_help_view;
extern const gv_view_ops gv_results_view;
extern const gv_view_ops gv_compare_view;
extern const gv_view_ops gv_country_view;
extern const gv_view_ops gv_diff_view;

/* Moves the document list's cursor to document doc. */
void gv_docs_show(gv_app *app, int doc);
/* Shows document doc in the paragraph tree with the cursor on node (unfolding
 * its ancestors); node -1 puts the cursor on the first node. */
void gv_tree_show(gv_app *app, int doc, int node);
/* Shows node `node` of document doc in the document list and the tree
 * (unfolding its ancestors; -1: the first node) and lets the grid follow. */
void gv_show_node(gv_app *app, int doc, int node);
/* Returns the tree's document and stores the node under its cursor in *node (-1). */
int gv_tree_place(gv_app *app, int *node);
/* Returns the node shown at the top of the tree pane, or -1. */
int gv_tree_top_node(gv_app *app);
/* Scrolls the tree so that node (when visible) is at the top. */
void gv_tree_scroll_to(gv_app *app, int node);
/* Stores the tree's base text (marked with m) in *doc and *text; returns
 * false when none is marked. */
bool gv_tree_base(gv_app *app, int *doc, int *text);

/* Moves the vote grid to the column of vote (a model vote index; -1 ignored). */
void gv_grid_show(gv_app *app, int vote);
/* Returns the model vote under the grid's cursor, or -1. */
int gv_grid_vote(gv_app *app);
/* Returns the whole-draft vote on docs[doc].texts[text] (following a
 * resolution back to its draft), or -1. */
int gv_text_vote(const gv_app *app, int doc, int text);

/* Returns the country index on the grid's cursor row, or -1. */
int gv_grid_country(gv_app *app);
/* Returns the model vote of the grid's base column (m), or -1. */
int gv_grid_base(gv_app *app);

/* Opens the compare view on votes a and b (model vote indices). */
void gv_compare_open(gv_app *app, int vote_a, int vote_b);
/* Opens the country view on a country index. */
void gv_country_open(gv_app *app, int country);
/* Opens the diff view from text (doc_a, text_a) to text (doc_b, text_b). */
void gv_diff_open(gv_app *app, int doc_a, int text_a, int doc_b, int text_b);
/* Opens (or refreshes) the search results view for the app's search. */
void gv_results_open(gv_app *app);

/* Performs a jump action (series, draft/resolution, citation) from the
 * tree's current text; returns false for other actions. */
bool gv_jump(gv_app *app, gv_action a);

#endif
