/* gavel: prints the browser's key list from the action table, as man-page
 * roff ("gen-keys man") or as a README markdown table ("gen-keys markdown"). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/actions.h"

/* Writes s with the characters roff treats specially escaped. */
static void roff_escaped(const char *s) {
  for (; *s; s++) {
    if (*s == '\\')
      fputs("\\e", stdout);
    else if (*s == '-')
      fputs("\\-", stdout);
    else
      putchar(*s);
  }
}

/* Calls row() for every action in group order with its readable keys;
 * first is true for the first action of a group. */
static void each_action(void (*row)(const gv_action_info *info, const char *keys, int first)) {
  for (int g = 0; g < GV_ACTION_GROUP_COUNT; g++) {
    int first = 1;
    for (int a = GV_ACTION_NONE + 1; a < GV_ACTION_COUNT; a++) {
      const gv_action_info *info = gv_action_get((gv_action)a);
      if ((int)info->group != g)
        continue;
      gv_buf keys = {0};
      gv_action_keys_readable((gv_action)a, &keys);
      row(info, keys.data ? keys.data : "", first);
      first = 0;
      gv_buf_free(&keys);
    }
  }
}

static void man_row(const gv_action_info *info, const char *keys, int first) {
  if (first)
    printf(".SS %s\n", gv_action_group_name(info->group));
  fputs(".TP\n.B ", stdout);
  roff_escaped(keys);
  putchar('\n');
  roff_escaped(info->help);
  putchar('\n');
}

/* Writes s for a markdown table cell inside backquotes. */
static void markdown_keys(const char *keys) {
  const char *p = keys;
  while (*p) {
    const char *comma = strstr(p, ", ");
    size_t n = comma ? (size_t)(comma - p) : strlen(p);
    printf("`%.*s`%s", (int)n, p, comma ? ", " : "");
    p += n + (comma ? 2 : 0);
  }
}

static void markdown_row(const gv_action_info *info, const char *keys, int first) {
  (void)first;
  fputs("| ", stdout);
  markdown_keys(keys);
  printf(" | %s | %s |\n", info->help, gv_action_group_name(info->group));
}

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "man") == 0)
    each_action(man_row);
  else if (argc == 2 && strcmp(argv[1], "markdown") == 0) {
    puts("| Keys | Action | Where |\n| --- | --- | --- |");
    each_action(markdown_row);
  } else {
    fprintf(stderr, "usage: gen-keys man|markdown\n");
    return 2;
  }
  return 0;
}
