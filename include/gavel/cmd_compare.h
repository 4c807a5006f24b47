/* gavel: the comparison commands (compare, country, agree, diff), each a
 * gv_command_fn: argv[0] is the command name; returns the exit status. */
#ifndef GAVEL_CMD_COMPARE_H
#define GAVEL_CMD_COMPARE_H

#include "gavel/cli.h"

/* `compare VOTE1 VOTE2 [--all]`: the transition table and who changed. */
int gv_cmd_compare(const gv_model *model, const gv_output *out, int argc, char **argv);

/* `country NAME [--all]`: a country's votes by series, sponsorships,
 * intentions and agreement; with --tsv, its votes as one table. */
int gv_cmd_country(const gv_model *model, const gv_output *out, int argc, char **argv);

/* `agree A [B]`: every state ranked by agreement with A, or A and B vote by vote. */
int gv_cmd_agree(const gv_model *model, const gv_output *out, int argc, char **argv);

/* `diff TEXT1 TEXT2 [--all]`: paragraphs aligned, changed words marked. */
int gv_cmd_diff(const gv_model *model, const gv_output *out, int argc, char **argv);

#endif
