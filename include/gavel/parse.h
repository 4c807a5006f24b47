/* gavel: the document parser: plain-text UN documents into the model.
 *
 * Parsing happens in two stages.  gv_prep_blocks() turns raw bytes into
 * logical blocks (paragraphs, headings, list chunks, footnote definitions):
 * it validates UTF-8, drops a byte-order mark and CR line ends, normalizes to
 * NFC, removes markdown remnants and page furniture (document symbols, job
 * numbers, page numbers alone on a line), joins hard-wrapped lines and
 * re-joins paragraphs split by page breaks or footnotes.  gv_parse_document()
 * then builds the paragraph tree, texts, sponsors and recorded votes. */
#ifndef GAVEL_PARSE_H
#define GAVEL_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "gavel/diag.h"
#include "gavel/model.h"

typedef struct {
  char *text;    /* NFC text, markdown links and bold removed; '*' emphasis kept */
  size_t line;   /* 1-based source line where the block starts */
  bool footnote; /* a footnote definition; marker holds its number */
  char *marker;  /* footnote number as ASCII digits, or NULL */
  bool list;     /* part of a country list (after "In favour:" …) */
} gv_block;

typedef struct {
  gv_block *items;
  size_t n, cap;
} gv_blocks;

/* Splits a document into blocks.  Returns false (with one error in diag
 * naming the file, and the line for invalid UTF-8) when the bytes are not a
 * readable text document.  Free the blocks with gv_blocks_free(). */
bool gv_prep_blocks(const char *path, const char *data, size_t len, gv_blocks *out, gv_diag *diag);

/* Frees the blocks' storage. */
void gv_blocks_free(gv_blocks *b);

/* Returns true when text is a line of page furniture: a document symbol, a
 * job number ("20-14978 (E)"), a page number ("3/14", "Page 3") alone. */
bool gv_is_furniture(const char *line, size_t n);

/* Growable array of votes that parsing appends to. */
typedef struct {
  gv_vote *items;
  size_t n, cap;
} gv_votes;

/* Parses one document into *doc (which the caller zeroes) and appends its
 * recorded votes to *votes (their doc field set to doc_index; node.vote
 * fields index into votes).  Returns false when the file is not a UN document
 * (an error naming it is added); warnings (unknown names, …) go to diag. */
bool gv_parse_document(const char *path, const char *data, size_t len,
                       const gv_country_table *countries, int doc_index, gv_document *doc,
                       gv_votes *votes, gv_diag *diag);

/* Parses a list of country names ("Algeria, Angola and Zimbabwe."), appending
 * country indices to *out (n, cap); unknown names are warned about with
 * file and line.  Returns the number of names that did not resolve. */
size_t gv_parse_country_list(const gv_country_table *countries, const char *text, const char *path,
                             size_t line, int **out, size_t *n, size_t *cap, gv_diag *diag);

/* Returns the number named by an English ordinal ("tenth", "twenty-first",
 * "10th") at s, storing the bytes consumed in *used; 0 when there is none. */
int gv_parse_ordinal(const char *s, size_t *used);

/* Returns the session number named by "Seventy-fifth session" style text at
 * s, or 0. */
int gv_parse_session(const char *s);

/* Parses "9 November 2020" (year optional: default_year) at s into ISO
 * "2020-11-09"; returns a new string or NULL. Caller frees. */
char *gv_parse_date(const char *s, int default_year, size_t *used);

#endif
