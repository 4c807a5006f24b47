/* gavel: small formatting helpers shared by the comparison commands and the
 * compare and country views of the browser. */
#ifndef GAVEL_COMPARE_TEXT_H
#define GAVEL_COMPARE_TEXT_H

#include <stddef.h>

#include "gavel/compare.h"

/* Returns the date of a vote: its own, else its document's, else "?"
 * (borrowed from the model or static). */
const char *gv_vote_date(const gv_model *m, const gv_vote *v);

/* Returns the title of docs[doc].texts[text], else its symbol, or a static
 * placeholder ("(no text)" for an invalid index); never NULL. */
const char *gv_text_title(const gv_model *m, int doc, int text);

/* Returns the text a vote is about: its description, else its text's title;
 * never NULL. */
const char *gv_vote_about(const gv_model *m, const gv_vote *v);

/* Writes an agreement score in [0, 1] as a percentage with one decimal
 * ("83.3%") into buf. */
void gv_format_score(char *buf, size_t size, double score);

/* Returns the number of recorded votes in a history. */
size_t gv_history_count(const gv_history *h);

#endif
