/* Test helper: small in-memory models for the search tests. */
#ifndef GAVEL_TESTS_SEARCH_FIXTURE_H
#define GAVEL_TESTS_SEARCH_FIXTURE_H

#include <stddef.h>

#include "gavel/model.h"

/* A paragraph of a fixture document. */
typedef struct {
  const char *label;
  const char *text;
} fixture_para;

/* A fixture document: its id and paragraphs (in document order). */
typedef struct {
  const char *id;
  const fixture_para *paras;
  size_t n_paras;
} fixture_doc;

/* Returns a model holding copies of the documents, each paragraph a
 * top-level GV_NODE_PARAGRAPH node.  Free with gv_model_free(). */
gv_model *fixture_model(const fixture_doc *docs, size_t n_docs);

#endif
