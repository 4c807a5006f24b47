/* Test helper: small in-memory models for the search tests. */
#include "config.h"

#include "search_fixture.h"

#include "gavel/util.h"

static void fill_node(gv_node *node, const fixture_para *p, size_t i) {
  node->kind = GV_NODE_PARAGRAPH;
  node->label = gv_xstrdup(p->label);
  node->text = gv_xstrdup(p->text);
  node->parent = -1;
  node->text_index = -1;
  node->vote = -1;
  node->line = i + 1;
}

gv_model *fixture_model(const fixture_doc *docs, size_t n_docs) {
  gv_model *m = gv_xcalloc(1, sizeof *m);
  m->docs = gv_xcalloc(n_docs + 1, sizeof *m->docs);
  m->n_docs = n_docs;
  for (size_t d = 0; d < n_docs; d++) {
    gv_document *doc = &m->docs[d];
    doc->id = gv_xstrdup(docs[d].id);
    doc->kind = GV_DOC_OTHER;
    doc->nodes = gv_xcalloc(docs[d].n_paras + 1, sizeof *doc->nodes);
    doc->n_nodes = docs[d].n_paras;
    for (size_t i = 0; i < docs[d].n_paras; i++)
      fill_node(&doc->nodes[i], &docs[d].paras[i], i);
  }
  return m;
}
