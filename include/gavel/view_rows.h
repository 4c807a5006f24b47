/* gavel: the rows of the compare and country views, built from the
 * comparison engines (compare.h) without drawing, so they can be tested. */
#ifndef GAVEL_VIEW_ROWS_H
#define GAVEL_VIEW_ROWS_H

#include <stdbool.h>
#include <stddef.h>

#include "gavel/compare.h"

/* A row of the country list under the transition table. */
typedef struct {
  bool heading;   /* a cell's heading ("yes → abstain (6)") rather than a country */
  gv_ballot a, b; /* the cell: ballot in the first and in the second vote */
  int country;    /* country index; -1 for a heading */
  bool new_group; /* the first country of its regional group within the cell */
} gv_compare_row;

/* Returns the rows listing the countries of the transition t: those of cell
 * (a, b) when one_cell, else of every cell off the diagonal (every cell with
 * everyone), in table order (yes, no, abstain, absent), each cell with
 * members under a heading and its countries by regional group, then name.
 * A single cell gets its heading even when empty.  Stores the count in *n;
 * caller frees. */
gv_compare_row *gv_compare_rows(const gv_model *m, const gv_transition *t, bool one_cell,
                                gv_ballot a, gv_ballot b, bool everyone, size_t *n);

/* Returns the index of the vote to offer first when picking a vote to compare
 * with vote b: the latest earlier vote on the same subject (same series,
 * subject and paragraph), else the latest earlier vote, else 0. */
int gv_compare_pick_default(const gv_model *m, int b);

/* The sections and rows of the country view. */
typedef enum {
  GV_KROW_BLANK,
  GV_KROW_SECTION, /* a section heading; index is the section */
  GV_KROW_SERIES,  /* a series title; group is the history group */
  GV_KROW_VOTE,    /* group, index: h->groups[group].votes[index] */
  GV_KROW_NOTE,    /* the intention note of the vote above */
  GV_KROW_SPONSOR, /* index into h->sponsored */
  GV_KROW_AGREE,   /* index into the agreement ranking */
  GV_KROW_NONE     /* "none" under an empty section; index is the section */
} gv_krow_kind;

enum { GV_KSECTION_VOTES, GV_KSECTION_SPONSORED, GV_KSECTION_AGREEMENT };

typedef struct {
  gv_krow_kind kind;
  size_t group, index;
} gv_country_row;

/* Returns the rows of the country view of h: its votes by series (each vote
 * with an intention followed by a note row), its sponsorships, then n_agree
 * agreement rows, each section under a heading.  Stores the count in *n;
 * caller frees. */
gv_country_row *gv_country_rows(const gv_history *h, size_t n_agree, size_t *n);

#endif
