/* gavel: full-text search over the paragraph text of every document.
 *
 * Query syntax (gv_query_parse):
 *   word word      a paragraph matches when it contains every word;
 *   "a phrase"     the words in sequence, separated by white space
 *                  (typographic quotes work too; an unterminated quote runs to
 *                  the end of the query, so incremental typing works);
 *   -word -"p q"   excludes paragraphs containing the word or phrase.
 *
 * Matching is substring matching on folded text, as in less or vim: "secur"
 * finds "security" and "insecurity"; a phrase must occur with its words in
 * sequence, so "supply chain" also finds "supply chains".  Text and query are
 * folded with gv_fold() (text.h): white space runs are one space, apostrophe,
 * quote and dash variants match each other, and both are compared in NFD, so
 * the normalization form never matters.  By default (smartcase) matching is
 * also case-insensitive with full Unicode case folding ("STRASSE" finds
 * "Straße") and accent-insensitive ("cote d'ivoire" finds "Côte d’Ivoire");
 * a query with an uppercase or accented character is exact: case- and
 * accent-sensitive.
 *
 * Match positions are byte ranges in the ORIGINAL node text, so highlights
 * land on the right columns even where folding changed the text's length.
 */
#ifndef GAVEL_SEARCH_H
#define GAVEL_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "gavel/cli.h"
#include "gavel/model.h"

/* How case and accents are compared. */
typedef enum {
  GV_CASE_SMART,  /* exact when the query has an uppercase or accented character */
  GV_CASE_IGNORE, /* always case- and accent-insensitive */
  GV_CASE_EXACT   /* always case- and accent-sensitive */
} gv_case_mode;

/* A paragraph position: node `node` of document `doc` in the model. */
typedef struct {
  int doc;
  int node;
} gv_hit;

/* A match: bytes [start, end) of the original text. */
typedef struct {
  size_t start;
  size_t end;
} gv_span;

typedef struct gv_index gv_index;
typedef struct gv_query gv_query;
typedef struct gv_results gv_results;

/* Returns an index over the text of every node of every document; the model
 * must outlive it and must not change.  Free with gv_index_free(). */
gv_index *gv_index_build(const gv_model *model);

/* Frees the index.  NULL is allowed. */
void gv_index_free(gv_index *ix);

/* Returns the bytes of memory the index holds (for measurements). */
size_t gv_index_memory(const gv_index *ix);

/* Returns the parsed query, or NULL with a static message in *error when it
 * has nothing to search for (empty, only white space or lone dashes).  Free
 * with gv_query_free(). */
gv_query *gv_query_parse(const char *text, gv_case_mode mode, const char **error);

/* Frees the query.  NULL is allowed. */
void gv_query_free(gv_query *q);

/* Returns true when the query compares case and accents exactly. */
bool gv_query_is_exact(const gv_query *q);

/* Returns true when text[0..len) matches the query (every word and phrase,
 * none of the exclusions).  Needs no index: for titles, names, grid rows. */
bool gv_query_matches(const gv_query *q, const char *text, size_t len);

/* Returns the spans of text[0..len) where the query's words and phrases occur
 * (exclusions are not marked), sorted and non-overlapping; stores their
 * number in *n.  Returns NULL when there are none.  Caller frees. */
gv_span *gv_query_spans(const gv_query *q, const char *text, size_t len, size_t *n);

/* Returns the paragraphs matching the query, in document order.  The index
 * must outlive the results.  Free with gv_results_free(). */
gv_results *gv_search(const gv_index *ix, const gv_query *q);

/* Returns the number of matching paragraphs. */
size_t gv_results_count(const gv_results *r);

/* Returns matching paragraph i (0 <= i < count), in document order. */
gv_hit gv_results_get(const gv_results *r, size_t i);

/* Returns the index of the first result after `from` in document order
 * (for "n"), or -1 when none; with wrap, the first result instead of -1. */
long gv_results_next(const gv_results *r, gv_hit from, bool wrap);

/* Returns the index of the last result before `from` in document order
 * (for "N"), or -1 when none; with wrap, the last result instead of -1. */
long gv_results_prev(const gv_results *r, gv_hit from, bool wrap);

/* Returns the index of the result at `at`, or -1 when `at` does not match. */
long gv_results_find(const gv_results *r, gv_hit at);

/* Frees the results.  NULL is allowed. */
void gv_results_free(gv_results *r);

/* `gavel search QUERY…`: prints every matching paragraph with its matches
 * marked; returns 0, 1 when nothing matches, 2 for an empty query
 * (a gv_command_fn, see cli.h). */
int gv_cmd_search(const gv_model *model, const gv_output *out, int argc, char **argv);

#endif
