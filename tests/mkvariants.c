/* Writes layout variants of documents for the command-line tests:
 * mkvariants wrapped|crlf OUTDIR FILE... */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/util.h"
#include "variants.h"

int main(int argc, char **argv) {
  if (argc < 4 || (strcmp(argv[1], "wrapped") && strcmp(argv[1], "crlf"))) {
    fputs("usage: mkvariants wrapped|crlf OUTDIR FILE...\n", stderr);
    return 2;
  }
  for (int i = 3; i < argc; i++) {
    size_t len;
    char *text = gv_read_file(argv[i], &len);
    if (!text) {
      perror(argv[i]);
      return 2;
    }
    char *v = strcmp(argv[1], "wrapped") ? gv_variant_crlf_bom(text) : gv_variant_wrapped(text);
    const char *base = strrchr(argv[i], '/');
    char *out = gv_xasprintf("%s/%s", argv[2], base ? base + 1 : argv[i]);
    FILE *f = fopen(out, "wb");
    if (!f || fputs(v, f) < 0 || fclose(f) != 0) {
      perror(out);
      return 2;
    }
    free(out);
    free(v);
    free(text);
  }
  return 0;
}
