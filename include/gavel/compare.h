/* gavel: comparing recorded votes: transitions between two votes, a
 * country's voting history, sponsorships, and agreement between states.
 *
 * Everything here reads the model (const) and returns plain arrays of model
 * indices that a command or a view can print or draw directly.  Only member
 * states (gv_country.member) are counted and listed.
 */
#ifndef GAVEL_COMPARE_H
#define GAVEL_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "gavel/model.h"

/* The order in which ballots are shown: yes, no, abstain, absent. */
extern const gv_ballot gv_ballot_order[GV_BALLOT_COUNT];

/* Returns country c's ballot in vote v; GV_ABSENT when the vote has no
 * ballots or the value is out of range. */
gv_ballot gv_vote_ballot(const gv_vote *v, int c);

/* Who went from what in one vote to what in another.  Indexed
 * [ballot in the first vote][ballot in the second], by gv_ballot value. */
typedef struct {
  int vote_a, vote_b;                             /* model vote indices */
  int count[GV_BALLOT_COUNT][GV_BALLOT_COUNT];    /* member states per cell */
  int *members[GV_BALLOT_COUNT][GV_BALLOT_COUNT]; /* country indices per cell, sorted
                                                     by regional group, then name */
  int total[2][GV_BALLOT_COUNT];                  /* column sums: [0] first vote */
  int changed;                                    /* member states off the diagonal */
} gv_transition;

/* Fills *t with the transition table from vote_a to vote_b (valid model vote
 * indices).  Free the lists with gv_transition_free(). */
void gv_transition_build(const gv_model *m, int vote_a, int vote_b, gv_transition *t);

/* Frees the country lists of *t (not t itself). */
void gv_transition_free(gv_transition *t);

/* Returns country indices of every member state, sorted by regional group,
 * then by name ignoring case and accents; stores the count in *n.  Caller frees. */
int *gv_members_by_group(const gv_model *m, size_t *n);

/* Returns a negative, zero or positive value ordering countries a and b by
 * name, ignoring case and accents ("Côte d’Ivoire" sorts between "Costa Rica"
 * and "Croatia"). */
int gv_country_name_cmp(const gv_model *m, int a, int b);

/* One recorded vote in a country's history. */
typedef struct {
  int vote;             /* model vote index */
  gv_ballot ballot;     /* the country's ballot */
  int prev;             /* the comparable vote on the previous text of the same
                           series (same subject and paragraph), or -1 */
  bool changed;         /* prev >= 0 and the ballot differs from that vote's */
  signed char intended; /* intended ballot recorded afterwards, or GV_NO_INTENTION */
  const char *note;     /* the intention note (borrowed from the model), or NULL */
} gv_history_vote;

/* The votes of one series (or of one text outside any series). */
typedef struct {
  int series;             /* model series index, or -1 */
  int doc, text;          /* the text of the first vote in the group (for a title) */
  gv_history_vote *votes; /* chronological */
  size_t n;
} gv_history_group;

/* A draft the country sponsored. */
typedef struct {
  int doc, text;    /* the draft */
  bool joined;      /* joined later rather than submitted it */
  int vote;         /* the recorded vote on the draft as a whole, or -1 */
  gv_ballot ballot; /* the country's ballot in that vote (GV_ABSENT if none) */
} gv_sponsorship;

typedef struct {
  int country;
  gv_history_group *groups; /* ordered by each group's first vote */
  size_t n_groups;
  gv_sponsorship *sponsored; /* in document order */
  size_t n_sponsored;
} gv_history;

/* Builds the history of one country (any country index).  Free with
 * gv_history_free(). */
gv_history *gv_history_build(const gv_model *m, int country);

/* Frees a history. NULL is allowed. */
void gv_history_free(gv_history *h);

/* Returns the sponsors (submitting, then joining) of the draft voted on in
 * `vote` whose ballot in that vote was not yes (absent included), in list
 * order; stores the count in *n.  Only votes on a draft as a whole or on one
 * of its paragraphs have sponsors; any other vote gives NULL and *n == 0.
 * Caller frees. */
int *gv_sponsors_not_yes(const gv_model *m, int vote, size_t *n);

/* Agreement points between two ballots, doubled to stay exact: 2 for the
 * same vote, 1 when exactly one abstained, 0 for yes against no; -1 when
 * either was absent (the vote is not shared). */
int gv_agreement_points2(gv_ballot a, gv_ballot b);

/* Agreement of one state with another over the votes both took part in. */
typedef struct {
  int country;  /* the other state */
  int shared;   /* votes both took part in */
  int same;     /* … voting the same way */
  int half;     /* … with exactly one abstaining */
  int opposite; /* … yes against no */
  double score; /* (same + half/2) / shared, in [0, 1]; 0 when shared == 0 */
} gv_agreement;

/* Returns the agreement of countries a and b (order does not matter; the
 * result's country is b) over every recorded vote in the model. */
gv_agreement gv_agreement_pair(const gv_model *m, int a, int b);

/* Returns every other member state with at least one shared vote ranked by
 * agreement with `country`, highest first, ties by name; stores the count
 * in *n.  Caller frees. */
gv_agreement *gv_agreement_rank(const gv_model *m, int country, size_t *n);

/* One vote of a pairwise comparison. */
typedef struct {
  int vote;       /* model vote index */
  gv_ballot a, b; /* the two ballots */
  int points2;    /* gv_agreement_points2(a, b) */
} gv_pair_vote;

/* Returns every recorded vote with the ballots of countries a and b, in
 * chronological order; stores the count in *n.  Caller frees. */
gv_pair_vote *gv_agreement_votes(const gv_model *m, int a, int b, size_t *n);

#endif
