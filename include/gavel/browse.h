/* gavel: the interactive browser (or its headless rendering for tests). */
#ifndef GAVEL_BROWSE_H
#define GAVEL_BROWSE_H

#include <stdbool.h>
#include <stdio.h>

#include "gavel/model.h"

typedef struct {
  bool headless;    /* --headless: no terminal; apply keys and print the screen */
  int cols, rows;   /* --size=COLSxROWS for headless (default 80x24) */
  const char *keys; /* --keys=KEYS for headless: "j<Enter><Tab>" notation */
  FILE *out;        /* where headless prints the final screen */
  FILE *err;
} gv_browse_options;

/* Runs the browser over the model; returns the exit status (0 on quit). */
int gv_browse(const gv_model *model, const gv_browse_options *opts);

#endif
