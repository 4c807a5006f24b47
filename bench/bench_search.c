/* gavel benchmark: loads one corpus, builds the search index, times a fixed
 * set of queries, and times grep -ri and rg -i on the same files; prints one
 * table row (bench/bench.sh prints the header and runs one process per
 * corpus, so peak memory is per corpus).
 *
 *   bench_search NAME DIR
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "gavel/search.h"
#include "gavel/text.h"
#include "gavel/util.h"

#if defined(__has_include)
#if __has_include("gavel/corpus.h")
#include "gavel/corpus.h"
#define HAVE_CORPUS_LOADER 1
#endif
#endif

/* The queries timed, and the fixed string grep and rg look for. */
static const struct {
  const char *query, *grep;
} queries[] = {
    {"supply chain", "supply chain"},
    {"critical infrastructure", "critical infrastructure"},
    {"cote d'ivoire", "ivoire"},
    {"C\xc3\xb4te d\xe2\x80\x99Ivoire", "ivoire"},
    {"\"international security\"", "international security"},
    {"cyber -security", "cyber"},
    {"nuclear weapons", "nuclear"},
    {"information and telecommunications", "telecommunications"},
    {"Russian Federation", "russian federation"},
    {"\"recorded vote of\"", "recorded vote of"},
    {"the", "the"},
    {"zanzibar", "zanzibar"},
};
enum { N_QUERIES = sizeof queries / sizeof queries[0], RUNS = 41 };

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* Returns the q-quantile of v[0..n) (sorts v). */
static double quantile(double *v, size_t n, double q) {
  qsort(v, n, sizeof *v, cmp_double);
  size_t i = (size_t)(q * (double)(n - 1) + 0.5);
  return v[i];
}

/* Returns the total size of the .txt files in dir. */
static size_t corpus_bytes(const char *dir) {
  DIR *d = opendir(dir);
  size_t total = 0;
  for (struct dirent *e; d && (e = readdir(d));) {
    char *path = gv_xasprintf("%s/%s", dir, e->d_name);
    struct stat st;
    if (strstr(e->d_name, ".txt") && stat(path, &st) == 0)
      total += (size_t)st.st_size;
    free(path);
  }
  if (d)
    closedir(d);
  return total;
}

#ifdef HAVE_CORPUS_LOADER
/* Loads every .txt file of dir with the real corpus loader. */
static gv_model *load(const char *dir) {
  DIR *d = opendir(dir);
  char **paths = NULL;
  size_t n = 0, cap = 0;
  for (struct dirent *e; d && (e = readdir(d));)
    if (strstr(e->d_name, ".txt"))
      GV_PUSH(paths, n, cap, gv_xasprintf("%s/%s", dir, e->d_name));
  if (d)
    closedir(d);
  gv_diag diag = {0};
  gv_model *m = gv_corpus_load((const char *const *)paths, n, &diag);
  gv_diag_free(&diag);
  for (size_t i = 0; i < n; i++)
    free(paths[i]);
  free(paths);
  return m;
}
#else
/* Stand-in until the corpus loader is merged: one document per file, one
 * node per block of lines separated by a blank line, in NFC. */
static void add_doc(gv_model *m, const char *name, const char *text) {
  gv_document *doc = &m->docs[m->n_docs++];
  size_t cap = 0;
  doc->id = gv_xstrdup(name);
  for (const char *p = text; *p;) {
    while (*p == '\n')
      p++;
    const char *q = strstr(p, "\n\n");
    if (!q)
      q = p + strlen(p);
    if (q > p) {
      gv_node node = {.kind = GV_NODE_PARAGRAPH, .parent = -1, .text_index = -1, .vote = -1};
      node.label = gv_xstrdup("");
      node.text = gv_nfc(p, (size_t)(q - p));
      GV_PUSH(doc->nodes, doc->n_nodes, cap, node);
    }
    p = q;
  }
}

static gv_model *load(const char *dir) {
  gv_model *m = gv_xcalloc(1, sizeof *m);
  DIR *d = opendir(dir);
  size_t cap = 0;
  for (struct dirent *e; d && (e = readdir(d));) {
    if (!strstr(e->d_name, ".txt"))
      continue;
    char *path = gv_xasprintf("%s/%s", dir, e->d_name);
    size_t len;
    char *text = gv_read_file(path, &len);
    free(path);
    if (!text)
      continue;
    gv_grow((void **)&m->docs, &cap, m->n_docs + 1, sizeof *m->docs);
    memset(&m->docs[m->n_docs], 0, sizeof *m->docs);
    add_doc(m, e->d_name, text);
    free(text);
  }
  if (d)
    closedir(d);
  return m;
}
#endif

/* Times every query RUNS times; stores the median and 99th percentile over
 * all runs in ms, and the worst per-query 99th percentile. */
static void time_queries(const gv_index *ix, double *median, double *p99, double *worst,
                         size_t *hits) {
  double all[N_QUERIES * RUNS], one[RUNS];
  *worst = 0;
  *hits = 0;
  for (size_t k = 0; k < N_QUERIES; k++) {
    gv_query *q = gv_query_parse(queries[k].query, GV_CASE_SMART, NULL);
    for (size_t r = 0; r < RUNS; r++) {
      double t0 = now();
      gv_results *res = gv_search(ix, q);
      one[r] = all[k * RUNS + r] = (now() - t0) * 1e3;
      if (r == 0)
        *hits += gv_results_count(res);
      gv_results_free(res);
    }
    double w = quantile(one, RUNS, 0.99);
    if (getenv("BENCH_VERBOSE"))
      fprintf(stderr, "%-40s p99 %8.3f ms\n", queries[k].query, w);
    if (w > *worst)
      *worst = w;
    gv_query_free(q);
  }
  *median = quantile(all, N_QUERIES * RUNS, 0.5);
  *p99 = quantile(all, N_QUERIES * RUNS, 0.99);
}

/* Returns the median time in ms of `tool` over the queries, or -1 when the
 * tool is not installed. */
static double time_tool(const char *tool, const char *dir) {
  char *probe = gv_xasprintf("command -v %.*s >/dev/null 2>&1", (int)strcspn(tool, " "), tool);
  int installed = system(probe) == 0;
  free(probe);
  if (!installed)
    return -1;
  double t[N_QUERIES];
  for (size_t k = 0; k < N_QUERIES; k++) {
    char *cmd = gv_xasprintf("%s -e '%s' '%s' >/dev/null 2>&1", tool, queries[k].grep, dir);
    double t0 = now();
    if (system(cmd) == -1)
      return -1;
    t[k] = (now() - t0) * 1e3;
    free(cmd);
  }
  return quantile(t, N_QUERIES, 0.5);
}

static void print_tool(double ms, const char *missing) {
  if (ms < 0)
    printf("  %s", missing);
  else
    printf("  %10.1f", ms);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: bench_search NAME DIR\n");
    return 2;
  }
  size_t bytes = corpus_bytes(argv[2]);
  double t0 = now();
  gv_model *m = load(argv[2]);
  double t1 = now();
  gv_index *ix = gv_index_build(m);
  double t2 = now();
  double median, p99, worst;
  size_t hits;
  time_queries(ix, &median, &p99, &worst, &hits);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  double mb = (double)bytes / 1e6;
  printf("%-6s %8.1f %7.2f %7.2f %8.1f %8.2f %7.2f %8.3f %8.3f %8.3f", argv[1], mb, t1 - t0,
         t2 - t1, mb / (t2 - t0), (double)ru.ru_maxrss * 1024 / (double)bytes,
         (double)gv_index_memory(ix) / (double)bytes, median, p99, worst);
  print_tool(time_tool("grep -r -i -F", argv[2]), "grep: not installed");
  print_tool(time_tool("rg -i -F", argv[2]), "rg: not installed (apt-get install ripgrep)");
  printf("\n");
  gv_index_free(ix);
  gv_model_free(m);
  return hits ? 0 : 1;
}
