/* gavel: differences between two texts: paragraphs aligned (unchanged,
 * changed, added, removed, moved) and, inside a changed paragraph, the words
 * inserted and deleted.
 *
 * Words are compared as tokens: a run of letters, digits and marks (joined
 * across an inner hyphen, apostrophe, period, slash or comma: "ICT-related",
 * "73/27", "1,000"), or one other visible character (punctuation, a footnote
 * marker).  White space only separates tokens, and quote, apostrophe and dash
 * variants compare equal, so re-flowed or re-typeset text is unchanged.
 */
#ifndef GAVEL_DIFF_H
#define GAVEL_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "gavel/model.h"

typedef enum { GV_SPAN_EQUAL, GV_SPAN_DELETE, GV_SPAN_INSERT } gv_span_kind;

/* A run of a word diff.  The spans of one diff partition both texts: the
 * EQUAL and DELETE spans, in order, cover the old text a[0..alen) and the
 * EQUAL and INSERT spans cover the new text b[0..blen).  A span's bytes
 * include the white space that follows its last token. */
typedef struct {
  gv_span_kind kind;
  size_t a_off, a_len; /* bytes of the old text (a_len == 0 for INSERT) */
  size_t b_off, b_len; /* bytes of the new text (b_len == 0 for DELETE) */
} gv_diff_span;

/* Returns the word diff of a[0..alen) and b[0..blen) (UTF-8), as spans in
 * reading order with a DELETE before the INSERT that replaces it; stores the
 * count in *n (0 when both texts are empty).  Caller frees. */
gv_diff_span *gv_word_diff(const char *a, size_t alen, const char *b, size_t blen, size_t *n);

/* Returns the new text with the changes marked the way `git diff
 * --word-diff` does: "[-deleted-]{+inserted+}", each marker also wrapped in
 * red or green ANSI colour when color is true.  Caller frees. */
char *gv_word_diff_render(const char *a, const char *b, const gv_diff_span *spans, size_t n,
                          bool color);

/* Returns true when a span list changes nothing (only EQUAL spans). */
bool gv_spans_equal(const gv_diff_span *spans, size_t n);

/* A paragraph to align: its label ("PP3") and text, both borrowed. */
typedef struct {
  const char *label;
  const char *text;
} gv_para;

typedef enum {
  GV_PARA_UNCHANGED, /* the same words */
  GV_PARA_CHANGED,   /* paired by similar words; see spans */
  GV_PARA_ADDED,     /* only in the new text */
  GV_PARA_REMOVED    /* only in the old text */
} gv_para_status;

/* One line of an alignment: a paragraph of the old text (a), of the new (b),
 * or both. */
typedef struct {
  gv_para_status status;
  bool moved;          /* paired with a paragraph at a different position */
  int a, b;            /* paragraph indices in the inputs, -1 when absent */
  gv_diff_span *spans; /* word diff of a and b for CHANGED, else NULL */
  size_t n_spans;
} gv_para_pair;

typedef struct {
  gv_para_pair *pairs; /* in the new text's order, removed paragraphs at their
                          old place */
  size_t n;
  size_t n_unchanged, n_changed, n_added, n_removed, n_moved;
} gv_alignment;

/* Aligns paragraphs a[0..na) with b[0..nb).  Free with gv_alignment_free(). */
gv_alignment *gv_align(const gv_para *a, size_t na, const gv_para *b, size_t nb);

/* Returns true when the alignment has no change: every paragraph unchanged
 * and in place. */
bool gv_alignment_identical(const gv_alignment *al);

/* Frees an alignment. NULL is allowed. */
void gv_alignment_free(gv_alignment *al);

/* Returns the paragraphs of text `text` of document `doc` (the nodes under
 * its root), borrowing labels and texts from the model; stores the count in
 * *n and, when nodes is not NULL, the node index of each in *nodes (caller
 * frees).  Caller frees the result. */
gv_para *gv_text_paragraphs(const gv_model *m, int doc, int text, size_t *n, int **nodes);

#endif
