/* gavel: the commands of the command line (see cli.h for their signature). */
#ifndef GAVEL_COMMANDS_H
#define GAVEL_COMMANDS_H

#include "gavel/cli.h"

/* `gavel list`: prints the documents; returns 0. */
int gv_cmd_list(const gv_model *m, const gv_output *o, int argc, char **argv);

/* `gavel votes`: prints the recorded votes with both tallies; returns 0. */
int gv_cmd_votes(const gv_model *m, const gv_output *o, int argc, char **argv);

/* `gavel show ID`: prints a document's tree, a text, or a vote's lists;
 * returns 0, or 2 when ID names nothing. */
int gv_cmd_show(const gv_model *m, const gv_output *o, int argc, char **argv);

/* `gavel check`: prints what fails; returns 0 when all passes, else 1. */
int gv_cmd_check(const gv_model *m, const gv_output *o, int argc, char **argv);

/* Returns "153-11-9" for a tally (ABSENT ignored); "?" for unknown parts. Caller frees. */
char *gv_tally_string(const int tally[4]);

#endif
