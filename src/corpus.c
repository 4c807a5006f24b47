/* gavel: loading documents into the model and relating them to each other. */
#include "config.h"

#include "gavel/corpus.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gavel/parse.h"
#include "gavel/text.h"
#include "gavel/util.h"
#include "parse_internal.h"

/* ---- where the data is ------------------------------------------------ */

static bool is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Returns true when dir is the build tree or one of its program folders. */
static bool in_build_tree(const char *dir) {
  static const char *const subdirs[] = {"", "/src", "/tests", "/bench", "/tools"};
  bool hit = false;
  for (size_t i = 0; !hit && i < sizeof subdirs / sizeof subdirs[0]; i++) {
    char *path = gv_xasprintf("%s%s", GV_BUILDDIR, subdirs[i]);
    char *real = realpath(path, NULL);
    hit = real && strcmp(real, dir) == 0;
    free(real);
    free(path);
  }
  return hit;
}

const char *gv_data_dir(void) {
  const char *env = getenv("GAVEL_DATADIR");
  if (env && *env)
    return env;
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash)
      *slash = '\0';
    if (in_build_tree(exe) && is_dir(GV_SRCDATADIR))
      return GV_SRCDATADIR;
  }
  return GV_PKGDATADIR;
}

/* ---- loading files ------------------------------------------------------ */

static int name_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool wanted_file(const char *name) {
  size_t n = strlen(name);
  return name[0] != '.' && n > 4 &&
         (strcmp(name + n - 4, ".txt") == 0 || strcmp(name + n - 3, ".md") == 0);
}

/* Appends the document files under path (a file, or a directory's *.txt and
 * *.md in name order) to *files. */
static void collect(const char *path, char ***files, size_t *n, size_t *cap, gv_diag *diag) {
  struct stat st;
  if (stat(path, &st) != 0) {
    gv_diag_add(diag, GV_ERROR, path, 0, "cannot open: %s", strerror(errno));
    return;
  }
  if (!S_ISDIR(st.st_mode)) {
    GV_PUSH(*files, *n, *cap, gv_xstrdup(path));
    return;
  }
  DIR *d = opendir(path);
  if (!d) {
    gv_diag_add(diag, GV_ERROR, path, 0, "cannot read directory: %s", strerror(errno));
    return;
  }
  size_t first = *n;
  struct dirent *e;
  while ((e = readdir(d)))
    if (wanted_file(e->d_name))
      GV_PUSH(*files, *n, *cap, gv_xasprintf("%s/%s", path, e->d_name));
  closedir(d);
  gv_qsort(*files + first, *n - first, sizeof **files, name_cmp);
  if (*n == first)
    gv_diag_add(diag, GV_WARNING, path, 0, "no documents (*.txt, *.md) in this directory");
}

/* ---- building ------------------------------------------------------------ */

static const char *strip_res(const char *s) {
  return strncasecmp(s, "A/RES/", 6) == 0 ? s + 6 : s;
}

/* The names documents already answer to (ids, symbols, resolution numbers),
 * lowercased, in an open-addressing hash set: ids are made unique in
 * constant time per document instead of a scan of the model. */
typedef struct {
  char **slots;
  size_t n, n_slots;
} name_set;

typedef struct {
  gv_model *m;
  gv_votes votes;
  size_t cap_docs;
  gv_diag *diag;
  name_set names;
} loader;

static char *lower_dup(const char *s) {
  char *l = gv_xstrdup(s);
  for (char *c = l; *c; c++)
    if (*c >= 'A' && *c <= 'Z')
      *c = (char)(*c - 'A' + 'a');
  return l;
}

static size_t name_hash(const char *s) {
  size_t h = 5381;
  for (; *s; s++)
    h = h * 33 + (unsigned char)*s;
  return h;
}

/* Returns the slot of lowercased key l: its own, or the empty one to use. */
static size_t name_slot(const name_set *set, const char *l) {
  size_t mask = set->n_slots - 1, i = name_hash(l) & mask;
  while (set->slots[i] && strcmp(set->slots[i], l) != 0)
    i = (i + 1) & mask;
  return i;
}

static bool name_known(const name_set *set, const char *key) {
  if (!set->n_slots)
    return false;
  char *l = lower_dup(key);
  bool known = set->slots[name_slot(set, l)] != NULL;
  free(l);
  return known;
}

static void name_add(name_set *set, const char *key) {
  if ((set->n + 1) * 2 > set->n_slots) {
    name_set bigger = {gv_xcalloc(set->n_slots ? set->n_slots * 2 : 64, sizeof(char *)), set->n,
                       set->n_slots ? set->n_slots * 2 : 64};
    for (size_t i = 0; i < set->n_slots; i++)
      if (set->slots[i])
        bigger.slots[name_slot(&bigger, set->slots[i])] = set->slots[i];
    free(set->slots);
    *set = bigger;
  }
  char *l = lower_dup(key);
  size_t i = name_slot(set, l);
  if (set->slots[i]) {
    free(l);
    return;
  }
  set->slots[i] = l;
  set->n++;
}

static void name_set_free(name_set *set) {
  for (size_t i = 0; i < set->n_slots; i++)
    free(set->slots[i]);
  free(set->slots);
}

static char *doc_id(const gv_document *d, const char *path) {
  if (d->kind == GV_DOC_RESOLUTION && d->symbol && gv_starts_with(d->symbol, "A/RES/")) {
    char *id = gv_xasprintf("res-%s", d->symbol + 6);
    for (char *c = id; *c; c++)
      if (*c == '/')
        *c = '-';
    return id;
  }
  if (d->kind == GV_DOC_REPORT && d->session && d->agenda_item)
    return gv_xasprintf("report-%d-%d", d->session, d->agenda_item);
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  size_t n = strcspn(base, ".");
  return gv_xstrndup(base, n ? n : strlen(base));
}

/* Makes d's id unique: gv_model_find_doc() must find no other document by
 * it (ids have no '/', so a resolution-number prefix never applies). */
static void unique_id(loader *L, gv_document *d) {
  for (int k = 2; name_known(&L->names, d->id); k++) {
    char *base = gv_xstrdup(d->id);
    free(d->id);
    d->id = gv_xasprintf("%s-%d", base, k);
    free(base);
  }
  name_add(&L->names, d->id);
  if (d->symbol) {
    name_add(&L->names, d->symbol);
    name_add(&L->names, strip_res(d->symbol));
  }
}

/* ---- parsing files in parallel ------------------------------------------ */

/* One document to parse: its text (or NULL to read the file `name`), and
 * what parsing it gave, kept until it is added to the model in order. */
typedef struct {
  const char *name;
  const char *text;
  int read_errno; /* the file could not be read */
  bool ok;
  gv_document doc;
  gv_votes votes; /* doc fields 0, node.vote fields index these */
  gv_diag diag;
} parse_job;

typedef struct {
  parse_job *jobs;
  size_t n;
  size_t next; /* the next job to take, under lock */
  const gv_country_table *countries;
  pthread_mutex_t lock;
} job_queue;

static void run_job(parse_job *job, const gv_country_table *countries) {
  size_t len;
  char *data = NULL;
  if (job->text) {
    len = strlen(job->text);
  } else if (!(data = gv_read_file(job->name, &len))) {
    job->read_errno = errno;
    return;
  }
  job->ok = gv_parse_document(job->name, job->text ? job->text : data, len, countries, 0, &job->doc,
                              &job->votes, &job->diag);
  free(data);
  if (!job->ok) {
    size_t nc = gv_countries_count(countries);
    while (job->votes.n)
      gv_vote_clear(&job->votes.items[--job->votes.n], nc);
    gv_document_clear(&job->doc);
  }
}

static void *worker(void *arg) {
  job_queue *q = arg;
  bool own_memo = gv_p_memo_begin(); /* one country table for every job */
  for (;;) {
    pthread_mutex_lock(&q->lock);
    size_t i = q->next++;
    pthread_mutex_unlock(&q->lock);
    if (i >= q->n)
      break;
    run_job(&q->jobs[i], q->countries);
  }
  if (own_memo)
    gv_p_memo_end();
  return NULL;
}

/* Parses every job, on as many threads as there are processors (at most 8). */
static void run_jobs(parse_job *jobs, size_t n, const gv_country_table *countries) {
  job_queue q = {jobs, n, 0, countries, PTHREAD_MUTEX_INITIALIZER};
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  size_t n_threads = cpus < 1 ? 1 : cpus > 8 ? 8 : (size_t)cpus;
  if (n_threads > n)
    n_threads = n;
  pthread_t threads[8];
  size_t started = 0;
  while (started + 1 < n_threads && pthread_create(&threads[started], NULL, worker, &q) == 0)
    started++;
  worker(&q); /* this thread works too (alone when threads are unavailable) */
  for (size_t i = 0; i < started; i++)
    pthread_join(threads[i], NULL);
  pthread_mutex_destroy(&q.lock);
}

/* Adds a parsed job's messages, document and votes to the model. */
static void add_job(loader *L, parse_job *job) {
  gv_model *m = L->m;
  if (job->read_errno)
    gv_diag_add(L->diag, GV_ERROR, job->name, 0, "cannot read: %s", strerror(job->read_errno));
  for (size_t i = 0; i < job->diag.n; i++) {
    const gv_message *msg = &job->diag.items[i];
    gv_diag_add(L->diag, msg->severity, msg->file, msg->line, "%s", msg->message);
  }
  gv_diag_free(&job->diag);
  if (!job->ok)
    return;
  size_t base = L->votes.n;
  for (size_t i = 0; i < job->votes.n; i++) {
    job->votes.items[i].doc = (int)m->n_docs;
    GV_PUSH(L->votes.items, L->votes.n, L->votes.cap, job->votes.items[i]);
  }
  free(job->votes.items);
  gv_document *doc = &job->doc;
  for (size_t i = 0; i < doc->n_nodes; i++)
    if (doc->nodes[i].vote >= 0)
      doc->nodes[i].vote += (int)base;
  doc->id = doc_id(doc, job->name);
  unique_id(L, doc);
  GV_PUSH(m->docs, m->n_docs, L->cap_docs, *doc);
}

/* Parses the jobs (in parallel) and adds them to the model in their order. */
static void load_jobs(loader *L, parse_job *jobs, size_t n) {
  run_jobs(jobs, n, L->m->countries);
  for (size_t i = 0; i < n; i++)
    add_job(L, &jobs[i]);
}

/* ---- relations between documents ---------------------------------------- */

/* Reads data/relations.tsv: "draft<TAB>resolution" facts the texts omit. */
static void apply_relations(gv_model *m, gv_diag *diag) {
  char *path = gv_xasprintf("%s/relations.tsv", gv_data_dir());
  size_t len;
  char *data = gv_read_file(path, &len);
  if (!data) {
    free(path);
    return;
  }
  size_t lineno = 0;
  for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
    lineno++;
    if (line[0] == '#' || strncmp(line, "draft\t", 6) == 0)
      continue;
    char *tab = strchr(line, '\t');
    if (!tab) {
      gv_diag_add(diag, GV_WARNING, path, lineno, "want: draft symbol, tab, resolution number");
      continue;
    }
    *tab = '\0';
    char *res = tab + 1;
    res[strcspn(res, "\t\r")] = '\0';
    int doc;
    int t = gv_model_find_text(m, line, &doc);
    if (t >= 0 && !m->docs[doc].texts[t].adopted_as)
      m->docs[doc].texts[t].adopted_as = gv_xstrdup(res);
  }
  free(data);
  free(path);
}

/* Returns the report a resolution names ("A/75/394"), inferring the
 * report's symbol from session and agenda item when the report omits it. */
static int find_report(gv_model *m, const gv_document *res) {
  for (size_t i = 0; i < m->n_docs; i++) {
    gv_document *d = &m->docs[i];
    if (d->kind != GV_DOC_REPORT)
      continue;
    bool by_symbol = d->symbol && strcasecmp(d->symbol, res->report_symbol) == 0;
    bool by_item = !d->symbol && d->session == res->session && d->agenda_item &&
                   d->agenda_item == res->agenda_item;
    if (by_symbol || by_item) {
      if (!d->symbol)
        d->symbol = gv_xstrdup(res->report_symbol);
      return (int)i;
    }
  }
  return -1;
}

/* Links each resolution to the draft it was adopted from. */
static void link_adoptions(gv_model *m) {
  for (size_t i = 0; i < m->n_docs; i++) {
    gv_document *r = &m->docs[i];
    if (r->kind != GV_DOC_RESOLUTION || !r->report_symbol || !r->n_texts)
      continue;
    int rep = find_report(m, r);
    for (size_t t = 0; rep >= 0 && t < m->docs[rep].n_texts; t++) {
      gv_text *draft = &m->docs[rep].texts[t];
      if (!gv_folded_equal(draft->title, r->texts[0].title) || draft->adopted_doc >= 0)
        continue;
      draft->adopted_doc = (int)i;
      free(draft->adopted_as);
      draft->adopted_as = gv_xstrdup(r->texts[0].symbol);
      r->texts[0].from_doc = rep;
      r->texts[0].from_text = (int)t;
      break;
    }
  }
  for (size_t i = 0; i < m->n_docs; i++) /* drafts whose resolution is in the corpus */
    for (size_t t = 0; t < m->docs[i].n_texts; t++) {
      gv_text *x = &m->docs[i].texts[t];
      int res = x->adopted_as && x->adopted_doc < 0 ? gv_model_find_doc(m, x->adopted_as) : -1;
      if (res >= 0 && m->docs[res].n_texts && m->docs[res].texts[0].from_doc < 0) {
        x->adopted_doc = res;
        m->docs[res].texts[0].from_doc = (int)i;
        m->docs[res].texts[0].from_text = (int)t;
      }
    }
}

/* A sorted index from symbols ("A/75/394", "75/32", ids) to documents and
 * texts, so that resolving thousands of citations stays fast. */
typedef struct {
  const char *key; /* borrowed from the model */
  int doc, text;
} symbol_entry;

typedef struct {
  symbol_entry *items;
  size_t n, cap;
} symbol_index;

static int symbol_cmp(const void *a, const void *b) {
  return strcasecmp(((const symbol_entry *)a)->key, ((const symbol_entry *)b)->key);
}

static void index_add(symbol_index *ix, const char *key, int doc, int text) {
  if (key)
    GV_PUSH(ix->items, ix->n, ix->cap, ((symbol_entry){strip_res(key), doc, text}));
}

/* Documents come first under a key (text -1 for a document of several texts). */
static void build_symbol_index(const gv_model *m, symbol_index *ix) {
  for (size_t i = 0; i < m->n_docs; i++) {
    const gv_document *d = &m->docs[i];
    int only = d->n_texts == 1 ? 0 : -1;
    index_add(ix, d->id, (int)i, only);
    index_add(ix, d->symbol, (int)i, only);
  }
  size_t docs_end = ix->n;
  for (size_t i = 0; i < m->n_docs; i++)
    for (size_t t = 0; t < m->docs[i].n_texts; t++)
      index_add(ix, m->docs[i].texts[t].adopted_as, (int)i, (int)t);
  gv_qsort(ix->items, docs_end, sizeof *ix->items, symbol_cmp);
  gv_qsort(ix->items + docs_end, ix->n - docs_end, sizeof *ix->items, symbol_cmp);
  ix->cap = docs_end; /* reused: where the text entries start */
}

static const symbol_entry *index_find(const symbol_index *ix, const char *key) {
  symbol_entry k = {strip_res(key), 0, 0};
  if (!ix->items)
    return NULL;
  const symbol_entry *e = bsearch(&k, ix->items, ix->cap, sizeof k, symbol_cmp);
  if (!e)
    e = bsearch(&k, ix->items + ix->cap, ix->n - ix->cap, sizeof k, symbol_cmp);
  return e;
}

static void resolve_citations(gv_model *m) {
  symbol_index ix = {0};
  build_symbol_index(m, &ix);
  for (size_t i = 0; i < m->n_docs; i++)
    for (size_t c = 0; c < m->docs[i].n_citations; c++) {
      gv_citation *ct = &m->docs[i].citations[c];
      const symbol_entry *e = index_find(&ix, ct->symbol);
      if (e) {
        ct->target_doc = e->doc;
        ct->target_text = e->text;
      }
    }
  free(ix.items);
}

/* ---- series --------------------------------------------------------------- */

typedef struct {
  int doc, text;
} textref;

static const gv_model *sort_model;

static int textref_cmp(const void *a, const void *b) {
  const textref *x = a, *y = b;
  const gv_document *dx = &sort_model->docs[x->doc], *dy = &sort_model->docs[y->doc];
  if (dx->session != dy->session)
    return dx->session < dy->session ? -1 : 1;
  int kx = dx->kind == GV_DOC_RESOLUTION, ky = dy->kind == GV_DOC_RESOLUTION;
  if (kx != ky)
    return kx - ky;
  int c = strcmp(dx->date ? dx->date : "", dy->date ? dy->date : "");
  if (c)
    return c;
  return x->doc != y->doc ? x->doc - y->doc : x->text - y->text;
}

typedef struct {
  char *key; /* folded title */
  textref ref;
} titled;

static int titled_cmp(const void *a, const void *b) {
  const titled *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  return c ? c : textref_cmp(&x->ref, &y->ref);
}

/* Groups texts by folded title; each group, in chronological order, is a series. */
static void build_series(gv_model *m) {
  titled *all = NULL;
  size_t n = 0, cap = 0, scap = 0;
  for (size_t i = 0; i < m->n_docs; i++)
    for (size_t t = 0; t < m->docs[i].n_texts; t++) {
      const char *title = m->docs[i].texts[t].title;
      if (title)
        GV_PUSH(
            all, n, cap,
            ((titled){gv_fold(title, strlen(title), GV_FOLD_ALL, NULL, NULL), {(int)i, (int)t}}));
    }
  sort_model = m;
  gv_qsort(all, n, sizeof *all, titled_cmp);
  for (size_t start = 0, end; start < n; start = end) {
    for (end = start + 1; end < n && strcmp(all[end].key, all[start].key) == 0;)
      end++;
    const gv_text *first = &m->docs[all[start].ref.doc].texts[all[start].ref.text];
    size_t k = end - start;
    gv_series sr = {gv_xstrdup(first->title), gv_xcalloc(k, sizeof(int)),
                    gv_xcalloc(k, sizeof(int)), k};
    for (size_t j = 0; j < k; j++) {
      sr.docs[j] = all[start + j].ref.doc;
      sr.texts[j] = all[start + j].ref.text;
      m->docs[sr.docs[j]].texts[sr.texts[j]].series = (int)m->n_series;
    }
    GV_PUSH(m->series, m->n_series, scap, sr);
  }
  for (size_t i = 0; i < n; i++)
    free(all[i].key);
  free(all);
}

/* ---- votes in chronological order --------------------------------------- */

static const gv_vote *sort_votes_base;

/* Orders vote indices by date, then document, then position in it. */
static int vote_index_cmp(const void *a, const void *b) {
  int ia = *(const int *)a, ib = *(const int *)b;
  const gv_vote *x = &sort_votes_base[ia], *y = &sort_votes_base[ib];
  int c = strcmp(x->date ? x->date : "", y->date ? y->date : "");
  if (c)
    return c;
  if (x->doc != y->doc)
    return x->doc - y->doc;
  return ia - ib;
}

/* Puts the votes in chronological order and renumbers the nodes' links. */
static void sort_votes(gv_model *m) {
  size_t n = m->n_votes;
  int *order = gv_xcalloc(n, sizeof *order), *map = gv_xcalloc(n, sizeof *map);
  for (size_t i = 0; i < n; i++)
    order[i] = (int)i;
  sort_votes_base = m->votes;
  gv_qsort(order, n, sizeof *order, vote_index_cmp);
  gv_vote *sorted = gv_xcalloc(n, sizeof *sorted);
  for (size_t i = 0; i < n; i++) {
    sorted[i] = m->votes[order[i]];
    map[order[i]] = (int)i;
  }
  free(m->votes);
  m->votes = sorted;
  for (size_t d = 0; d < m->n_docs; d++)
    for (size_t k = 0; k < m->docs[d].n_nodes; k++)
      if (m->docs[d].nodes[k].vote >= 0)
        m->docs[d].nodes[k].vote = map[m->docs[d].nodes[k].vote];
  free(order);
  free(map);
}

/* ---- vote ids unique across documents ----------------------------------- */

static int vote_id_cmp(const void *a, const void *b) {
  const gv_vote *x = &sort_votes_base[*(const int *)a], *y = &sort_votes_base[*(const int *)b];
  int c = strcasecmp(x->id, y->id);
  return c ? c : *(const int *)a - *(const int *)b;
}

/* Two documents can state a vote on the same draft: the later ones get
 * "#2", "#3" after their id. */
static void unique_vote_ids(gv_model *m) {
  int *order = gv_xcalloc(m->n_votes, sizeof *order);
  for (size_t i = 0; i < m->n_votes; i++)
    order[i] = (int)i;
  sort_votes_base = m->votes;
  gv_qsort(order, m->n_votes, sizeof *order, vote_id_cmp);
  for (size_t i = 1, group = 0; i < m->n_votes; i++) {
    const char *first = m->votes[order[group]].id; /* never renamed */
    gv_vote *v = &m->votes[order[i]];
    if (strcasecmp(first, v->id) != 0) {
      group = i;
      continue;
    }
    char *id = gv_xasprintf("%s#%zu", v->id, i - group + 1);
    free(v->id);
    v->id = id;
  }
  free(order);
}

/* ---- entry points ----------------------------------------------------------- */

static gv_model *new_model(loader *L, gv_diag *diag) {
  char *path = gv_xasprintf("%s/countries.tsv", gv_data_dir());
  gv_country_table *ct = gv_countries_load(path, diag);
  free(path);
  if (!ct)
    return NULL;
  L->m = gv_xcalloc(1, sizeof *L->m);
  L->m->countries = ct;
  L->diag = diag;
  return L->m;
}

static gv_model *finish(loader *L) {
  gv_model *m = L->m;
  m->votes = L->votes.items;
  m->n_votes = L->votes.n;
  apply_relations(m, L->diag);
  link_adoptions(m);
  resolve_citations(m);
  build_series(m);
  sort_votes(m);
  unique_vote_ids(m);
  name_set_free(&L->names);
  return m;
}

gv_model *gv_corpus_load(const char *const *paths, size_t n_paths, gv_diag *diag) {
  loader L = {0};
  if (!new_model(&L, diag))
    return NULL;
  char **files = NULL;
  size_t n = 0, cap = 0;
  char *bundled = NULL;
  if (n_paths == 0) {
    bundled = gv_xasprintf("%s/corpus", gv_data_dir());
    collect(bundled, &files, &n, &cap, diag);
  }
  for (size_t i = 0; i < n_paths; i++)
    collect(paths[i], &files, &n, &cap, diag);
  parse_job *jobs = gv_xcalloc(n, sizeof *jobs);
  for (size_t i = 0; i < n; i++)
    jobs[i].name = files[i];
  load_jobs(&L, jobs, n);
  free(jobs);
  for (size_t i = 0; i < n; i++)
    free(files[i]);
  free(files);
  free(bundled);
  return finish(&L);
}

gv_model *gv_corpus_from_memory(const char *const *names, const char *const *texts, size_t n,
                                gv_diag *diag) {
  loader L = {0};
  if (!new_model(&L, diag))
    return NULL;
  parse_job *jobs = gv_xcalloc(n, sizeof *jobs);
  for (size_t i = 0; i < n; i++)
    jobs[i] = (parse_job){.name = names[i], .text = texts[i]};
  load_jobs(&L, jobs, n);
  free(jobs);
  return finish(&L);
}
