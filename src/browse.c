/* gavel: until the browser lands, opening gavel prints the document list. */
#include "config.h"

#include "gavel/browse.h"
#include "gavel/commands.h"

int gv_browse(const gv_model *model, const gv_browse_options *opts) {
  gv_output o = {opts->out, opts->err, false, false, NULL};
  char list[] = "list";
  char *argv[] = {list, NULL};
  return gv_cmd_list(model, &o, 1, argv);
}
