/* gavel: loading a corpus of documents into the model. */
#ifndef GAVEL_CORPUS_H
#define GAVEL_CORPUS_H

#include <stddef.h>

#include "gavel/diag.h"
#include "gavel/model.h"

/* Returns the directory holding countries.tsv, relations.tsv and corpus/:
 * $GAVEL_DATADIR when set, the source tree's data/ when the program runs from
 * its build tree, else the installed package data directory.  Static string. */
const char *gv_data_dir(void);

/* Loads the documents at paths (files, or directories whose *.txt files are
 * read in name order); with n_paths == 0, the bundled corpus.  Files that
 * fail are reported in diag and skipped; the rest still load.  Returns the
 * model (never NULL unless the country table is unreadable).  Free with
 * gv_model_free(). */
gv_model *gv_corpus_load(const char *const *paths, size_t n_paths, gv_diag *diag);

/* Builds a model from documents already in memory (for tests): names[i] is
 * used in messages and ids.  Same ownership as gv_corpus_load(). */
gv_model *gv_corpus_from_memory(const char *const *names, const char *const *texts, size_t n,
                                gv_diag *diag);

#endif
