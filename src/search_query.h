/* gavel: the parsed query, shared by src/query.c and src/search.c only. */
#ifndef GAVEL_SEARCH_QUERY_H
#define GAVEL_SEARCH_QUERY_H

#include <stdbool.h>
#include <stddef.h>

#include "gavel/search.h"

/* Folding for case- and accent-insensitive matching, and for exact matching
 * (still insensitive to normalization form, white space and punctuation
 * variants). */
#define GV_SEARCH_LOOSE GV_FOLD_ALL
#define GV_SEARCH_EXACT (GV_FOLD_PUNCT | GV_FOLD_SPACE)

/* One word or phrase of a query. */
typedef struct {
  char *needle; /* folded with the query's flags */
  size_t len;
  char *loose; /* folded with GV_SEARCH_LOOSE (== needle unless exact) */
  size_t loose_len;
  bool negative; /* an exclusion: -word */
} gv_qitem;

struct gv_query {
  gv_qitem *items;
  size_t n;
  size_t cap;
  bool exact;
  unsigned flags; /* GV_SEARCH_LOOSE or GV_SEARCH_EXACT */
};

/* Returns the offset of the first occurrence of needle in hay[from..hlen)
 * that does not end inside an accented letter (exact mode), or -1. */
long gv_query_find(const gv_query *q, const char *hay, size_t hlen, size_t from,
                   const gv_qitem *it);

/* Returns true when folded text f[0..len) (folded with q->flags) contains
 * every positive item and no negative one. */
bool gv_query_matches_folded(const gv_query *q, const char *f, size_t len);

#endif
