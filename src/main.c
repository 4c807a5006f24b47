/* gavel: entry point; everything else lives in libgavel. */
#include "config.h"

#include <stdio.h>

int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  puts("gavel");
  return 0;
}
