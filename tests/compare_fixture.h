/* Small in-memory models for the comparison tests: a fixed table of eight
 * countries and documents, texts and votes added by hand. */
#ifndef GAVEL_TESTS_COMPARE_FIXTURE_H
#define GAVEL_TESTS_COMPARE_FIXTURE_H

#include "gavel/model.h"

/* Fixture country indices (table order). */
enum {
  CF_BRA, /* Brazil, Latin American and Caribbean */
  CF_CHN, /* China, Asia-Pacific */
  CF_COL, /* Colombia, Latin American and Caribbean */
  CF_CRI, /* Costa Rica, Latin American and Caribbean */
  CF_CIV, /* Côte d’Ivoire, African */
  CF_FRA, /* France, Western European and others */
  CF_RUS, /* Russian Federation, Eastern European */
  CF_VAT, /* Holy See, observer */
  CF_COUNT
};

/* Returns an empty model over the fixture countries. Free with gv_model_free(). */
gv_model *cf_model_new(void);

/* Adds a series titled `title`; returns its index. */
int cf_add_series(gv_model *m, const char *title);

/* Adds a document holding one draft resolution `symbol` (series index or -1)
 * whose paragraphs are given as "LABEL text" strings, NULL-terminated;
 * sponsors and joined are country lists ended by -1 (NULL for none).  Returns
 * the document index; the text is texts[0]. */
int cf_add_draft(gv_model *m, const char *symbol, int series, const char *const *paras,
                 const int *sponsors, const int *joined);

/* Adds a vote on the draft of document doc: on the whole text (para_kind 0)
 * or on paragraph para_kind ('P' or 'O') number para_number.  ballots has
 * one letter per country in table order: Y, N, A or '.' for absent.  Returns
 * the vote index. */
int cf_add_vote(gv_model *m, int doc, char para_kind, int para_number, const char *ballots);

/* Records that `country` meant to vote `intended` in vote v, with a note. */
void cf_set_intention(gv_model *m, int v, int country, gv_ballot intended, const char *note);

#endif
