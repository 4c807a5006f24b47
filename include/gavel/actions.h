/* gavel: the one table of browser actions.  The key bindings, the help screen
 * and the man page's key list are all generated from it. */
#ifndef GAVEL_ACTIONS_H
#define GAVEL_ACTIONS_H

#include <stddef.h>

#include "gavel/util.h"

/* X(ENUM, name, default keys in key notation, group, help text) */
#define GV_ACTION_TABLE(X)                                                                         \
  X(MOVE_DOWN, "move-down", "j <Down>", GV_GROUP_MOVE, "Move down one line")                       \
  X(MOVE_UP, "move-up", "k <Up>", GV_GROUP_MOVE, "Move up one line")                               \
  X(PAGE_DOWN, "page-down", "<PgDn> <Space>", GV_GROUP_MOVE, "Move down one page")                 \
  X(PAGE_UP, "page-up", "<PgUp> b", GV_GROUP_MOVE, "Move up one page")                             \
  X(HALF_DOWN, "half-page-down", "<C-d>", GV_GROUP_MOVE, "Move down half a page")                  \
  X(HALF_UP, "half-page-up", "<C-u>", GV_GROUP_MOVE, "Move up half a page")                        \
  X(FIRST, "first", "g <Home>", GV_GROUP_MOVE, "Go to the first line")                             \
  X(LAST, "last", "G <End>", GV_GROUP_MOVE, "Go to the last line")                                 \
  X(LEFT, "left", "h <Left>", GV_GROUP_MOVE,                                                       \
    "Fold (tree); previous vote (grid); previous cell (compare)")                                  \
  X(RIGHT, "right", "l <Right>", GV_GROUP_MOVE,                                                    \
    "Unfold (tree); next vote (grid); next cell (compare)")                                        \
  X(NEXT_PANE, "next-pane", "<Tab>", GV_GROUP_PANES, "Focus the next pane")                        \
  X(PREV_PANE, "previous-pane", "<S-Tab>", GV_GROUP_PANES, "Focus the previous pane")              \
  X(PANE_DOCS, "documents", "1", GV_GROUP_PANES, "Focus the document list")                        \
  X(PANE_TREE, "paragraphs", "2", GV_GROUP_PANES, "Focus the paragraph tree")                      \
  X(PANE_GRID, "votes", "3", GV_GROUP_PANES, "Focus the vote grid or the view open over it")       \
  X(ENTER, "open", "<Enter>", GV_GROUP_PANES,                                                      \
    "Open, fold, show a vote's text; pick or enter a list (views)")                                \
  X(FOLD_ALL, "fold-all", "-", GV_GROUP_TREE, "Fold every node of the tree")                       \
  X(UNFOLD_ALL, "unfold-all", "+ =", GV_GROUP_TREE, "Unfold every node of the tree")               \
  X(FOOTNOTES, "footnotes", "f", GV_GROUP_TREE, "Show or hide the paragraph's footnotes")          \
  X(SORT, "sort", "s", GV_GROUP_GRID, "Sort countries by name, by group, by this vote")            \
  X(MARK_BASE, "mark-base", "m", GV_GROUP_GRID,                                                    \
    "Mark this vote (grid) or text (tree) as the base for v and d")                                \
  X(FILTER_CHANGED, "filter-changed", "F", GV_GROUP_GRID,                                          \
    "Only what changed (grid, compare, diff); again: everything")                                  \
  X(SEARCH, "search", "/", GV_GROUP_SEARCH,                                                        \
    "Search the paragraphs as you type (grid: filter countries)")                                  \
  X(SEARCH_NEXT, "next-match", "n", GV_GROUP_SEARCH,                                               \
    "Next match, across documents (diff view: next change)")                                       \
  X(SEARCH_PREV, "previous-match", "N", GV_GROUP_SEARCH,                                           \
    "Previous match (diff view: previous change)")                                                 \
  X(RESULTS, "search-results", "r", GV_GROUP_SEARCH, "List every match of the search")             \
  X(COMPARE, "compare-votes", "v", GV_GROUP_VIEWS,                                                 \
    "Compare the base vote (or one picked from a list) with this")                                 \
  X(COUNTRY, "country", "C", GV_GROUP_VIEWS,                                                       \
    "The row's country: its votes, sponsorships, agreement")                                       \
  X(DIFF, "diff", "d", GV_GROUP_VIEWS,                                                             \
    "Diff with the base text, draft or resolution, or the last")                                   \
  X(NEXT_SERIES, "next-in-series", "]", GV_GROUP_JUMP, "Next text of the same series")             \
  X(PREV_SERIES, "previous-in-series", "[", GV_GROUP_JUMP, "Previous text of the same series")     \
  X(ADOPTED, "draft-resolution", "a", GV_GROUP_JUMP,                                               \
    "Jump between a draft and the resolution adopted from it")                                     \
  X(CITATION, "follow-citation", "c", GV_GROUP_JUMP,                                               \
    "Follow the paragraph's citation of a resolution")                                             \
  X(BACK, "back", "<lt> <BS>", GV_GROUP_JUMP,                                                      \
    "Go back where the last jump started (views: the last list)")                                  \
  X(HELP, "help", "?", GV_GROUP_GENERAL, "Show or hide this help")                                 \
  X(REDRAW, "redraw", "<C-l>", GV_GROUP_GENERAL, "Redraw the screen")                              \
  X(CLOSE, "close", "<Esc>", GV_GROUP_GENERAL,                                                     \
    "Close the help or the open view; else clear the search")                                      \
  X(QUIT, "quit", "q <C-c>", GV_GROUP_GENERAL, "Close the help or the open view; else quit")

typedef enum {
  GV_ACTION_NONE,
#define GV_ACTION_ENUM(id, name, keys, group, help) GV_ACTION_##id,
  GV_ACTION_TABLE(GV_ACTION_ENUM)
#undef GV_ACTION_ENUM
      GV_ACTION_COUNT
} gv_action;

typedef enum {
  GV_GROUP_MOVE,
  GV_GROUP_PANES,
  GV_GROUP_TREE,
  GV_GROUP_GRID,
  GV_GROUP_SEARCH,
  GV_GROUP_VIEWS,
  GV_GROUP_JUMP,
  GV_GROUP_GENERAL,
  GV_ACTION_GROUP_COUNT
} gv_action_group;

typedef struct {
  gv_action action;
  const char *name;
  const char *keys; /* key notation, keys separated by spaces */
  gv_action_group group;
  const char *help;
} gv_action_info;

/* Returns the table entry of an action (GV_ACTION_NONE < a < GV_ACTION_COUNT). */
const gv_action_info *gv_action_get(gv_action a);

/* Returns the static heading of an action group ("Moving around"). */
const char *gv_action_group_name(gv_action_group g);

/* Returns the action bound to a key, or GV_ACTION_NONE. */
gv_action gv_action_for_key(int key);

/* Appends the readable key list of an action ("j, Down") to buf. */
void gv_action_keys_readable(gv_action a, gv_buf *buf);

#endif
