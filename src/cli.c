/* gavel: the command line: options, the command table and dispatch. */
#include "config.h"

#include "gavel/cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gavel/browse.h"
#include "gavel/cmd_compare.h"
#include "gavel/search.h"
#include "gavel/commands.h"
#include "gavel/corpus.h"
#include "gavel/util.h"

typedef struct {
  const char *name;
  gv_command_fn run;
  const char *args;
  const char *summary;
} command;

static const command commands[] = {
    {"list", gv_cmd_list, "", "list the documents"},
    {"votes", gv_cmd_votes, "", "list the recorded votes with stated and counted tallies"},
    {"show", gv_cmd_show, "ID", "show a document's paragraph tree, a text, or a vote's lists"},
    {"check", gv_cmd_check, "", "check tallies, country names and paragraph votes"},
    {"search", gv_cmd_search, "QUERY...",
     "find paragraphs containing words or \"phrases\" (-word excludes)"},
    {"compare", gv_cmd_compare, "VOTE1 VOTE2", "who changed between two recorded votes"},
    {"country", gv_cmd_country, "NAME", "a country's votes by series, sponsorships and agreement"},
    {"agree", gv_cmd_agree, "A [B]", "states ranked by agreement with A, or A and B vote by vote"},
    {"diff", gv_cmd_diff, "TEXT1 TEXT2", "two texts' paragraphs aligned, changed words marked"},
};

typedef struct {
  const char **paths;
  size_t n_paths, cap_paths;
  gv_output out;
  gv_browse_options browse;
  int color; /* -1 auto, 0 never, 1 always */
  const char *command;
  char **args;
  int n_args;
} options;

static void usage(FILE *f) {
  fputs("Usage: gavel [OPTION...] [COMMAND [ARG...]]\n"
        "Browse United Nations General Assembly documents and their recorded votes.\n"
        "With no command, open the browser on the corpus.\n\nCommands:\n",
        f);
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
    char *head = gv_xasprintf("%s %s", commands[i].name, commands[i].args);
    fprintf(f, "  %-22s %s\n", head, commands[i].summary);
    free(head);
  }
  fputs("\nOptions:\n"
        "  -C, --corpus=PATH      load the documents at PATH (a file or a directory)\n"
        "                         instead of the bundled corpus; repeatable\n"
        "      --tsv              tab-separated output with a header line, for scripts\n"
        "      --color=WHEN       mark output with colour: auto (default), always, never\n"
        "      --headless         run the browser without a terminal and print its screen\n"
        "      --size=COLSxROWS   screen size for --headless (default 80x24)\n"
        "      --keys=KEYS        keys for --headless, e.g. 'jj<Tab><Enter>'\n"
        "  -h, --help             show this help and exit\n"
        "  -V, --version          show the version and exit\n"
        "\nExit status: 0 success, 1 nothing found or a check failed, 2 an error.\n"
        "See gavel(1) for the keys of the browser.\n",
        f);
}

static const command *find_command(const char *name) {
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (strcmp(commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* Returns the value of "--name=value" or "--name value", advancing *i. */
static const char *option_value(int argc, char **argv, int *i, const char *name) {
  size_t n = strlen(name);
  const char *a = argv[*i];
  if (strncmp(a, name, n) != 0)
    return NULL;
  if (a[n] == '=')
    return a + n + 1;
  if (a[n] == '\0' && *i + 1 < argc)
    return argv[++*i];
  return NULL;
}

static bool parse_size(const char *s, int *cols, int *rows) {
  char *end;
  long c = strtol(s, &end, 10);
  if (*end != 'x' && *end != 'X')
    return false;
  long r = strtol(end + 1, &end, 10);
  if (*end || c < 1 || r < 1 || c > 1000 || r > 1000)
    return false;
  *cols = (int)c;
  *rows = (int)r;
  return true;
}

/* Handles one option; returns 0 to continue, 1 to exit 0, 2 on a usage error. */
static int parse_option(options *o, int argc, char **argv, int *i) {
  const char *a = argv[*i], *v;
  if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
    usage(stdout);
    return 1;
  }
  if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
    printf("gavel %s\n", PACKAGE_VERSION);
    return 1;
  }
  if (!strcmp(a, "--tsv")) {
    o->out.tsv = true;
  } else if (!strcmp(a, "--headless")) {
    o->browse.headless = true;
  } else if (!strncmp(a, "-C", 2) && a[2]) {
    GV_PUSH(o->paths, o->n_paths, o->cap_paths, a + 2);
  } else if ((v = option_value(argc, argv, i, "-C")) ||
             (v = option_value(argc, argv, i, "--corpus"))) {
    GV_PUSH(o->paths, o->n_paths, o->cap_paths, v);
  } else if ((v = option_value(argc, argv, i, "--size"))) {
    if (!parse_size(v, &o->browse.cols, &o->browse.rows)) {
      fprintf(stderr, "gavel: --size wants COLSxROWS, e.g. 100x30, not '%s'\n", v);
      return 2;
    }
  } else if ((v = option_value(argc, argv, i, "--keys"))) {
    o->browse.keys = v;
  } else if ((v = option_value(argc, argv, i, "--color"))) {
    o->color = !strcmp(v, "always") ? 1 : !strcmp(v, "never") ? 0 : -1;
    if (strcmp(v, "always") && strcmp(v, "never") && strcmp(v, "auto")) {
      fprintf(stderr, "gavel: --color wants auto, always or never, not '%s'\n", v);
      return 2;
    }
  } else {
    fprintf(stderr, "gavel: unknown option '%s' (see gavel --help)\n", a);
    return 2;
  }
  return 0;
}

static bool is_global_option(const char *a) {
  static const char *const known[] = {"--tsv",    "--headless", "--help", "--version", "-C",
                                      "--corpus", "--size",     "--keys", "--color"};
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
    size_t n = strlen(known[i]);
    if (!strncmp(a, known[i], n) && (a[n] == '\0' || a[n] == '='))
      return true;
  }
  return !strcmp(a, "-h") || !strcmp(a, "-V");
}

/* Options may stand anywhere; after the command, words that are not gavel's
 * options ("-word" in a search) go to the command, so there the glued form
 * "-CPATH" is not an option ("-Colombia" is a word). "--" ends options. */
static int parse_args(options *o, int argc, char **argv) {
  o->args = gv_xcalloc((size_t)argc + 1, sizeof *o->args);
  bool only_args = false;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!only_args && !strcmp(a, "--")) {
      only_args = true;
    } else if (!only_args && a[0] == '-' && a[1] && (!o->command || is_global_option(a))) {
      int r = parse_option(o, argc, argv, &i);
      if (r)
        return r;
    } else if (!o->command) {
      o->command = a;
      o->args[o->n_args++] = argv[i];
    } else {
      o->args[o->n_args++] = argv[i];
    }
  }
  return 0;
}

static int run(options *o) {
  const command *cmd = o->command ? find_command(o->command) : NULL;
  if (o->command && !cmd) {
    fprintf(stderr, "gavel: unknown command '%s' (see gavel --help)\n", o->command);
    return 2;
  }
  gv_diag diag = {0};
  gv_model *model = gv_corpus_load(o->paths, o->n_paths, &diag);
  gv_diag_print(&diag, stderr);
  if (!model) {
    gv_diag_free(&diag);
    return 2;
  }
  int status;
  o->out.load = &diag;
  if (cmd) {
    status = cmd->run(model, &o->out, o->n_args, o->args);
  } else {
    o->browse.out = stdout;
    o->browse.err = stderr;
    status = gv_browse(model, &o->browse);
  }
  if (status == 0 && diag.n_errors)
    status = 2;
  gv_model_free(model);
  gv_diag_free(&diag);
  return status;
}

int gv_cli_main(int argc, char **argv) {
  options o = {0};
  o.color = -1;
  o.out.out = stdout;
  o.out.err = stderr;
  o.browse.cols = 80;
  o.browse.rows = 24;
  int r = parse_args(&o, argc, argv);
  if (r == 0) {
    const char *nc = getenv("NO_COLOR");
    o.out.color = o.color == 1 || (o.color == -1 && isatty(STDOUT_FILENO) && !(nc && *nc));
    r = run(&o);
  } else {
    r = r == 1 ? 0 : 2;
  }
  free(o.paths);
  free(o.args);
  return r;
}
