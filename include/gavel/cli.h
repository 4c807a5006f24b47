/* gavel: the command line: options, commands and their dispatch. */
#ifndef GAVEL_CLI_H
#define GAVEL_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "gavel/diag.h"
#include "gavel/model.h"

/* Output settings shared by every command. */
typedef struct {
  FILE *out;  /* normal output (stdout) */
  FILE *err;  /* messages (stderr) */
  bool tsv;   /* --tsv: tab-separated output with a header line */
  bool color; /* mark matches/changes with terminal attributes (stdout is a tty, no NO_COLOR) */
  const gv_diag *load; /* what loading the corpus reported (never NULL in commands) */
} gv_output;

/* A command: argv[0] is the command name; returns the process exit status
 * (0 success, 1 "nothing found"/check failed, 2 usage or other error). */
typedef int (*gv_command_fn)(const gv_model *model, const gv_output *out, int argc, char **argv);

/* Runs gavel with the program's arguments; returns the exit status. */
int gv_cli_main(int argc, char **argv);

#endif
