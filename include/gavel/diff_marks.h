/* gavel: a diff made readable: the text of an aligned paragraph with its
 * deletions and insertions marked "[-…-]" and "{+…+}" (as `git diff
 * --word-diff` marks them), and where each mark lies, so that a view can
 * style it and a command can colour it. */
#ifndef GAVEL_DIFF_MARKS_H
#define GAVEL_DIFF_MARKS_H

#include <stdbool.h>
#include <stddef.h>

#include "gavel/diff.h"
#include "gavel/util.h"

/* A marked stretch of text, its markers included: "[-deleted-]". */
typedef struct {
  size_t start, end; /* bytes of gv_marked.text */
  gv_span_kind kind; /* GV_SPAN_DELETE or GV_SPAN_INSERT */
} gv_mark;

typedef struct {
  gv_buf text;    /* NUL-terminated once anything is added */
  gv_mark *marks; /* in reading order, not overlapping */
  size_t n_marks, cap_marks;
} gv_marked;

/* Appends the new text b with the word diff `spans` of a and b marked (the
 * text gv_word_diff_render() returns without colour) to out. */
void gv_mark_spans(const char *a, const char *b, const gv_diff_span *spans, size_t n,
                   gv_marked *out);

/* Appends the text of aligned pair p of paragraphs a (old) and b (new) to
 * out: a changed paragraph with its words marked, an added or removed one
 * marked whole, an unchanged one as it is. */
void gv_mark_pair(const gv_para_pair *p, const gv_para *a, const gv_para *b, gv_marked *out);

/* Returns the marked text, each mark wrapped in red (deletion) or green
 * (insertion) ANSI colour when color is true.  Caller frees. */
char *gv_marked_ansi(const gv_marked *m, bool color);

/* Frees what m holds and empties it. */
void gv_marked_free(gv_marked *m);

/* Appends the label of pair p to out: the one label, or "OLD<arrow>NEW" when
 * the old and new labels differ ("OP6→OP7" with arrow "→"). */
void gv_pair_label(const gv_para_pair *p, const gv_para *a, const gv_para *b, const char *arrow,
                   gv_buf *out);

/* Returns the word for the pair's status: "unchanged", "changed", "added",
 * "removed" (static). */
const char *gv_pair_status_name(const gv_para_pair *p);

/* Returns true when the pair is a change: changed, added, removed or moved. */
bool gv_pair_is_change(const gv_para_pair *p);

/* Appends how a text is named in a diff's header to out: "A/C.1/73/L.37
 * draft resolution II  Advancing … (report-73-96)". */
void gv_diff_text_name(const gv_model *m, int doc, int text, gv_buf *out);

#endif
