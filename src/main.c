/* gavel: entry point; everything else lives in libgavel. */
#include "config.h"

#include <locale.h>

#include "gavel/cli.h"

int main(int argc, char **argv) {
  setlocale(LC_ALL, "");
  return gv_cli_main(argc, argv);
}
