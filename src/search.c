/* gavel: the search index and query evaluation.
 *
 * The index keeps a vocabulary of the words of the folded text
 * (GV_FOLD_ALL; words are runs of letters and digits), each with the list
 * of nodes containing it (delta-encoded varints, or a bitmap when that is
 * smaller) and the list of its token positions (varint deltas, each with the
 * class of what follows the word: one space, dash, apostrophe, or other).
 * A query word without punctuation is answered from the vocabulary alone
 * (substring search over the word list, union of the postings); a phrase of
 * words joined by single spaces, dashes or apostrophes from the positions.
 * Anything else, and exact (smartcase) queries, narrow the candidates the
 * same way and are then checked against the folded text of each candidate:
 * kept for paragraphs with non-ASCII or unusual spacing, made on the fly
 * (lowercase) for plain ASCII ones.  The build folds and indexes parts of
 * the nodes on every processor and merges them in node order.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gavel/search.h"
#include "gavel/text.h"
#include "gavel/util.h"
#include "search_query.h"

typedef struct {
  uint32_t off; /* word text at vocab + off, NUL-terminated */
  uint32_t len;
  uint32_t last;  /* last node added + 1 (0: none yet) */
  uint32_t count; /* nodes containing the word */
  uint8_t *post;  /* varint deltas, or a bitmap when dense */
  size_t post_len;
  size_t post_cap;
  bool dense;
  uint32_t pos_last; /* last token position added + 1 */
  uint8_t *pos;      /* token positions: varints of delta << 2 | separator */
  size_t pos_len;
  size_t pos_cap;
} gv_word;

/* What follows a word in the folded text, kept with its position: phrases
 * whose words are joined by these are answered from positions alone. */
enum { SEP_SPACE, SEP_DASH, SEP_APOS, SEP_OTHER };

struct gv_index {
  const gv_model *model;
  size_t n_nodes;   /* over all documents */
  size_t *doc_base; /* n_docs + 1: global number of each document's node 0 */
  char **parts;     /* folded text of the nodes, one buffer per build thread */
  size_t n_parts;
  const char **fold;   /* n_nodes: each node's folded text, NULL when plain */
  uint32_t *fold_len;  /* n_nodes: its length */
  size_t fold_total;   /* bytes of folded text */
  size_t fold_kept;    /* … of which kept (plain nodes' is not) */
  uint32_t *tok_start; /* n_nodes + 1: position of each node's first word */
  uint32_t n_tokens;   /* words indexed (in a part: so far) */
  uint8_t *plain;      /* per node: the text is its own exact fold */
  char *vocab;         /* "\0word\0word\0" */
  size_t vocab_len, vocab_cap;
  gv_word *words;
  size_t n_words, words_cap;
  uint32_t *slots; /* hash table of word id + 1 */
  size_t n_slots;
};

struct gv_results {
  gv_hit *hits;
  size_t n;
};

static bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || (c >= 'A' && c <= 'Z');
}

static uint32_t hash_word(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

/* Returns the id of word s[0..n), or -1. */
static long find_word(const gv_index *ix, const char *s, size_t n) {
  size_t mask = ix->n_slots - 1;
  for (size_t h = hash_word(s, n) & mask;; h = (h + 1) & mask) {
    uint32_t id = ix->slots[h];
    if (!id)
      return -1;
    const gv_word *w = &ix->words[id - 1];
    if (w->len == n && !memcmp(ix->vocab + w->off, s, n))
      return (long)id - 1;
  }
}

static void rehash(gv_index *ix, size_t n_slots) {
  free(ix->slots);
  ix->slots = gv_xcalloc(n_slots, sizeof *ix->slots);
  ix->n_slots = n_slots;
  for (size_t i = 0; i < ix->n_words; i++) {
    const gv_word *w = &ix->words[i];
    size_t h = hash_word(ix->vocab + w->off, w->len) & (n_slots - 1);
    while (ix->slots[h])
      h = (h + 1) & (n_slots - 1);
    ix->slots[h] = (uint32_t)i + 1;
  }
}

/* Returns the id of word s[0..n), adding it when new. */
static size_t intern_word(gv_index *ix, const char *s, size_t n) {
  long id = find_word(ix, s, n);
  if (id >= 0)
    return (size_t)id;
  gv_grow((void **)&ix->vocab, &ix->vocab_cap, ix->vocab_len + n + 1, 1);
  gv_word w = {.off = (uint32_t)ix->vocab_len, .len = (uint32_t)n};
  memcpy(ix->vocab + ix->vocab_len, s, n);
  ix->vocab_len += n;
  ix->vocab[ix->vocab_len++] = '\0';
  GV_PUSH(ix->words, ix->n_words, ix->words_cap, w);
  if (ix->n_words * 2 > ix->n_slots)
    rehash(ix, ix->n_slots * 2);
  else {
    size_t h = hash_word(s, n) & (ix->n_slots - 1);
    while (ix->slots[h])
      h = (h + 1) & (ix->n_slots - 1);
    ix->slots[h] = (uint32_t)ix->n_words;
  }
  return ix->n_words - 1;
}

/* Appends varint v to a growable byte array. */
static void put_varint(uint8_t **a, size_t *len, size_t *cap, uint32_t v) {
  if (*len + 5 > *cap)
    gv_grow((void **)a, cap, *len + 5, 1);
  while (v >= 0x80) {
    (*a)[(*len)++] = (uint8_t)(v | 0x80);
    v >>= 7;
  }
  (*a)[(*len)++] = (uint8_t)v;
}

/* Records that node g contains word id. */
static void post_node(gv_index *ix, size_t id, uint32_t g) {
  gv_word *w = &ix->words[id];
  if (w->last == g + 1)
    return;
  put_varint(&w->post, &w->post_len, &w->post_cap, g + 1 - w->last);
  w->last = g + 1;
  w->count++;
}

/* Returns the varint at a[*k] and moves *k past it. */
static uint32_t get_varint(const uint8_t *a, size_t *k) {
  uint32_t v = 0;
  for (int shift = 0;; shift += 7) {
    uint8_t b = a[(*k)++];
    v |= (uint32_t)(b & 0x7f) << shift;
    if (!(b & 0x80))
      return v;
  }
}

/* Returns the separator class of the bytes s[0..n) between two words. */
static unsigned sep_class(const char *s, size_t n) {
  if (n != 1)
    return SEP_OTHER;
  return s[0] == ' ' ? SEP_SPACE : s[0] == '-' ? SEP_DASH : s[0] == '\'' ? SEP_APOS : SEP_OTHER;
}

/* Records word id at the next token position, followed by separator sep. */
static void post_position(gv_index *ix, size_t id, unsigned sep) {
  gv_word *w = &ix->words[id];
  uint32_t at = ix->n_tokens++;
  put_varint(&w->pos, &w->pos_len, &w->pos_cap, (at + 1 - w->pos_last) << 2 | sep);
  w->pos_last = at + 1;
}

static void index_words(gv_index *ix, const char *f, size_t len, uint32_t g) {
  size_t i = 0;
  while (i < len && !is_word_byte((unsigned char)f[i]))
    i++;
  while (i < len) {
    size_t start = i;
    while (i < len && is_word_byte((unsigned char)f[i]))
      i++;
    size_t end = i;
    while (i < len && !is_word_byte((unsigned char)f[i]))
      i++;
    size_t id = intern_word(ix, f + start, end - start);
    post_node(ix, id, g);
    post_position(ix, id, i < len ? sep_class(f + end, i - end) : SEP_OTHER);
  }
}

/* Returns true when gv_fold(GV_SEARCH_EXACT) would return s unchanged:
 * ASCII without backquotes, control characters or runs of spaces. */
static bool is_plain(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x7f || c < ' ' || c == '`' || (c == ' ' && i + 1 < n && s[i + 1] == ' '))
      return false;
  }
  return true;
}

/* Appends gv_fold(t, n, flags) to out, faster: gv_fold() folds each
 * character on its own except that a run of white space becomes one space,
 * so ASCII is folded here and only the other characters go through
 * gv_fold() (a character folds to " " only when it is white space).
 * flags include GV_FOLD_PUNCT and GV_FOLD_SPACE. */
/* Folded forms of recently seen non-ASCII characters (one set of flags). */
enum { CACHE_SLOTS = 64 };
typedef struct {
  uint32_t key[CACHE_SLOTS]; /* the character's UTF-8 bytes; 0: empty */
  uint8_t len[CACHE_SLOTS];
  char out[CACHE_SLOTS][16];
} fold_cache;

/* Appends the fold of the character t[0..k) to out; returns true when it
 * is white space. */
static bool fold_char(gv_buf *out, const char *t, size_t k, unsigned flags, bool last_space,
                      fold_cache *cache) {
  uint32_t key = 0;
  for (size_t j = 0; j < k && k <= 4; j++)
    key = key << 8 | (unsigned char)t[j];
  size_t slot = (key ^ key >> 7) % CACHE_SLOTS, flen;
  if (!key || cache->key[slot] != key) {
    char *f = gv_fold(t, k, flags, &flen, NULL);
    if (key && flen < sizeof cache->out[0]) {
      cache->key[slot] = key;
      cache->len[slot] = (uint8_t)flen;
      memcpy(cache->out[slot], f, flen);
    }
    bool space = flen == 1 && f[0] == ' ';
    if (!space || !last_space)
      gv_buf_add(out, f, flen);
    free(f);
    return space;
  }
  flen = cache->len[slot];
  bool space = flen == 1 && cache->out[slot][0] == ' ';
  if (!space || !last_space)
    gv_buf_add(out, cache->out[slot], flen);
  return space;
}

static void fold_fast(gv_buf *out, const char *t, size_t n, unsigned flags, fold_cache *cache) {
  bool last_space = false, lower = flags & GV_FOLD_CASE;
  gv_grow((void **)&out->data, &out->cap, out->len + n + 1, 1);
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)t[i];
    if (c < 0x80) {
      bool space = c == ' ' || (c >= '\t' && c <= '\r');
      if (!space || !last_space) { /* ASCII never grows: the room is there */
        out->data[out->len++] = space                             ? ' '
                                : c == '`'                        ? '\''
                                : (lower && c >= 'A' && c <= 'Z') ? (char)(c + 32)
                                                                  : (char)c;
      }
      last_space = space;
      i++;
      continue;
    }
    size_t k = 1;
    while (i + k < n && ((unsigned char)t[i + k] & 0xC0) == 0x80)
      k++;
    last_space = fold_char(out, t + i, k, flags, last_space, cache);
    i += k;
    gv_grow((void **)&out->data, &out->cap, out->len + (n - i) + 1, 1);
  }
  out->data[out->len] = '\0';
}

/* A part of the build: nodes [g0, g1) folded and indexed on one thread into
 * the part's own vocabulary (ix), merged into the first part's afterwards. */
typedef struct {
  gv_index *ix;
  size_t g0, g1;
  gv_buf fold;
  fold_cache cache;
} build_part;

/* Folds the part's nodes into part->fold and indexes their words; stores
 * each node's offset in that buffer in ix->fold_len (fixed up later). */
static void *fold_part(void *arg) {
  build_part *part = arg;
  gv_index *ix = part->ix;
  const gv_model *m = ix->model;
  size_t d = 0;
  while (d < m->n_docs && ix->doc_base[d + 1] <= part->g0)
    d++;
  for (size_t g = part->g0; g < part->g1; g++) {
    while (g >= ix->doc_base[d + 1])
      d++;
    const char *t = m->docs[d].nodes[g - ix->doc_base[d]].text;
    size_t n = strlen(t), at = part->fold.len;
    fold_fast(&part->fold, t, n, GV_SEARCH_LOOSE, &part->cache);
    if (part->fold.len - at > UINT32_MAX) /* longer than any paragraph: kept whole */
      part->fold.len = at + UINT32_MAX;
    ix->fold_len[g] = (uint32_t)(part->fold.len - at);
    ix->tok_start[g] = ix->n_tokens;
    ix->plain[g] = is_plain(t, n);
    index_words(ix, part->fold.data + at, part->fold.len - at, (uint32_t)g);
    if (ix->plain[g])
      part->fold.len = at; /* its fold is its text in lowercase: not kept */
  }
  return NULL;
}

/* Returns an empty vocabulary sharing ix's per-node arrays. */
static gv_index *new_part_index(const gv_index *ix) {
  gv_index *p = gv_xcalloc(1, sizeof *p);
  *p = (gv_index){.model = ix->model,
                  .n_nodes = ix->n_nodes,
                  .doc_base = ix->doc_base,
                  .fold_len = ix->fold_len,
                  .plain = ix->plain,
                  .tok_start = ix->tok_start};
  p->n_slots = 1024;
  p->slots = gv_xcalloc(p->n_slots, sizeof *p->slots);
  gv_grow((void **)&p->vocab, &p->vocab_cap, 1, 1);
  p->vocab[p->vocab_len++] = '\0';
  return p;
}

/* Appends word src's postings (all for later nodes) to word id of ix. */
static void append_postings(gv_index *ix, size_t id, const gv_word *src) {
  gv_word *w = &ix->words[id];
  uint32_t first = 0;
  size_t k = 0;
  for (int shift = 0;; shift += 7) {
    uint8_t b = src->post[k++];
    first |= (uint32_t)(b & 0x7f) << shift;
    if (!(b & 0x80))
      break;
  }
  uint32_t delta = first - w->last; /* first is its node + 1 */
  gv_grow((void **)&w->post, &w->post_cap, w->post_len + 5 + src->post_len - k, 1);
  while (delta >= 0x80) {
    w->post[w->post_len++] = (uint8_t)(delta | 0x80);
    delta >>= 7;
  }
  w->post[w->post_len++] = (uint8_t)delta;
  memcpy(w->post + w->post_len, src->post + k, src->post_len - k);
  w->post_len += src->post_len - k;
  w->last = src->last;
  w->count += src->count;
}

/* Appends word src's positions (of a part whose first word is at base) to
 * word id of ix. */
static void append_positions(gv_index *ix, size_t id, const gv_word *src, uint32_t base) {
  gv_word *w = &ix->words[id];
  size_t k = 0;
  uint32_t first = get_varint(src->pos, &k);
  uint32_t at = base + (first >> 2); /* position + 1 */
  put_varint(&w->pos, &w->pos_len, &w->pos_cap, (at - w->pos_last) << 2 | (first & 3));
  gv_grow((void **)&w->pos, &w->pos_cap, w->pos_len + src->pos_len - k, 1);
  memcpy(w->pos + w->pos_len, src->pos + k, src->pos_len - k);
  w->pos_len += src->pos_len - k;
  w->pos_last = base + src->pos_last;
}

/* Merges a later part's vocabulary into ix and frees it; its nodes are
 * [g0, g1). */
static void merge_part(gv_index *ix, gv_index *p, size_t g0, size_t g1) {
  uint32_t base = ix->n_tokens;
  for (size_t g = g0; g < g1; g++)
    ix->tok_start[g] += base;
  for (size_t i = 0; i < p->n_words; i++) {
    const gv_word *w = &p->words[i];
    size_t id = intern_word(ix, p->vocab + w->off, w->len);
    append_postings(ix, id, w);
    append_positions(ix, id, w, base);
    free(w->post);
    free(w->pos);
  }
  ix->n_tokens += p->n_tokens;
  free(p->words);
  free(p->slots);
  free(p->vocab);
  free(p);
}

/* Splits the nodes into parts of about equal text, one per processor. */
static size_t plan_parts(const gv_index *ix, build_part *parts, size_t max) {
  const gv_model *m = ix->model;
  size_t total = 0;
  for (size_t d = 0; d < m->n_docs; d++)
    for (size_t i = 0; i < m->docs[d].n_nodes; i++)
      total += strlen(m->docs[d].nodes[i].text) + 1;
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  size_t n = total < (1u << 16) || cpus < 2 ? 1 : (size_t)cpus < max ? (size_t)cpus : max;
  size_t k = 0, sum = 0, g = 0;
  parts[0].g0 = 0;
  for (size_t d = 0; d < m->n_docs && n > 1; d++) {
    for (size_t i = 0; i < m->docs[d].n_nodes; i++, g++) {
      sum += strlen(m->docs[d].nodes[i].text) + 1;
      if (k + 1 < n && sum * n >= total * (k + 1)) {
        parts[k++].g1 = g + 1;
        parts[k].g0 = g + 1;
      }
    }
  }
  parts[k].g1 = ix->n_nodes;
  for (size_t i = 0; i <= k; i++) {
    parts[i].fold = (gv_buf){0};
    memset(&parts[i].cache, 0, sizeof parts[i].cache);
    gv_grow((void **)&parts[i].fold.data, &parts[i].fold.cap, total / (k + 1) + 16, 1);
  }
  return k + 1;
}

/* Folds and indexes the text of every node, on every processor. */
static void fold_all_nodes(gv_index *ix) {
  enum { MAX_PARTS = 8 };
  build_part parts[MAX_PARTS];
  pthread_t threads[MAX_PARTS];
  bool started[MAX_PARTS] = {false};
  size_t n = plan_parts(ix, parts, MAX_PARTS);
  for (size_t k = 0; k < n; k++) {
    parts[k].ix = k ? new_part_index(ix) : ix;
    if (k)
      started[k] = pthread_create(&threads[k], NULL, fold_part, &parts[k]) == 0;
  }
  fold_part(&parts[0]);
  ix->parts = gv_xcalloc(n, sizeof *ix->parts);
  ix->n_parts = n;
  for (size_t k = 0; k < n; k++) {
    if (k && started[k])
      pthread_join(threads[k], NULL);
    else if (k)
      fold_part(&parts[k]);
    ix->parts[k] = gv_xrealloc(parts[k].fold.data, parts[k].fold.len + 1);
    for (size_t g = parts[k].g0, at = 0; g < parts[k].g1; g++) {
      ix->fold[g] = ix->plain[g] ? NULL : ix->parts[k] + at;
      at += ix->plain[g] ? 0 : ix->fold_len[g];
      ix->fold_total += ix->fold_len[g];
    }
    ix->fold_kept += parts[k].fold.len;
    if (k)
      merge_part(ix, parts[k].ix, parts[k].g0, parts[k].g1);
  }
}

/* Sets the bit of every node in the varint-delta posting list post[0..len). */
static void set_posted_bits(const uint8_t *post, size_t len, uint64_t *bits) {
  uint32_t cur = 0;
  for (size_t k = 0; k < len;) {
    uint32_t delta = 0;
    for (int shift = 0;; shift += 7) {
      uint8_t b = post[k++];
      delta |= (uint32_t)(b & 0x7f) << shift;
      if (!(b & 0x80))
        break;
    }
    cur += delta;
    bits[(cur - 1) / 64] |= (uint64_t)1 << ((cur - 1) % 64);
  }
}

/* Turns posting lists longer than a bitmap into bitmaps; trims the rest. */
static void finish_postings(gv_index *ix) {
  size_t bytes = (ix->n_nodes + 63) / 64 * 8;
  for (size_t i = 0; i < ix->n_words; i++) {
    gv_word *w = &ix->words[i];
    w->pos = gv_xrealloc(w->pos, w->pos_len ? w->pos_len : 1);
    w->pos_cap = w->pos_len;
    if (w->post_len <= bytes) {
      w->post = gv_xrealloc(w->post, w->post_len ? w->post_len : 1);
      w->post_cap = w->post_len;
      continue;
    }
    uint64_t *bits = gv_xcalloc(bytes / 8, sizeof *bits);
    set_posted_bits(w->post, w->post_len, bits);
    free(w->post);
    w->post = (uint8_t *)bits;
    w->post_len = w->post_cap = bytes;
    w->dense = true;
  }
}

gv_index *gv_index_build(const gv_model *model) {
  gv_index *ix = gv_xcalloc(1, sizeof *ix);
  ix->model = model;
  ix->doc_base = gv_xcalloc(model->n_docs + 1, sizeof *ix->doc_base);
  for (size_t d = 0; d < model->n_docs; d++)
    ix->doc_base[d + 1] = ix->doc_base[d] + model->docs[d].n_nodes;
  ix->n_nodes = ix->doc_base[model->n_docs];
  ix->fold = gv_xcalloc(ix->n_nodes + 1, sizeof *ix->fold);
  ix->tok_start = gv_xcalloc(ix->n_nodes + 1, sizeof *ix->tok_start);
  ix->fold_len = gv_xcalloc(ix->n_nodes + 1, sizeof *ix->fold_len);
  ix->plain = gv_xcalloc(ix->n_nodes + 1, 1);
  ix->n_slots = 1024;
  ix->slots = gv_xcalloc(ix->n_slots, sizeof *ix->slots);
  gv_grow((void **)&ix->vocab, &ix->vocab_cap, 1, 1);
  ix->vocab[ix->vocab_len++] = '\0';
  fold_all_nodes(ix);
  ix->tok_start[ix->n_nodes] = ix->n_tokens;
  finish_postings(ix);
  ix->vocab = gv_xrealloc(ix->vocab, ix->vocab_len);
  ix->vocab_cap = ix->vocab_len;
  return ix;
}

void gv_index_free(gv_index *ix) {
  if (!ix)
    return;
  for (size_t i = 0; i < ix->n_words; i++) {
    free(ix->words[i].post);
    free(ix->words[i].pos);
  }
  free(ix->tok_start);
  free(ix->words);
  free(ix->slots);
  free(ix->vocab);
  for (size_t k = 0; k < ix->n_parts; k++)
    free(ix->parts[k]);
  free(ix->parts);
  free(ix->fold);
  free(ix->fold_len);
  free(ix->plain);
  free(ix->doc_base);
  free(ix);
}

size_t gv_index_memory(const gv_index *ix) {
  size_t m = sizeof *ix + (ix->n_nodes + 1) * (sizeof *ix->fold + sizeof *ix->fold_len + 1) +
             ix->fold_kept + ix->n_parts * (sizeof *ix->parts + 1) + ix->vocab_cap +
             ix->words_cap * sizeof *ix->words + ix->n_slots * sizeof *ix->slots +
             (ix->model->n_docs + 1) * sizeof *ix->doc_base;
  for (size_t i = 0; i < ix->n_words; i++)
    m += ix->words[i].post_cap + ix->words[i].pos_cap;
  m += (ix->n_nodes + 1) * sizeof *ix->tok_start;
  return m;
}

/* How a run of word characters in a query word must sit in a text word. */
typedef enum { RUN_INSIDE, RUN_PREFIX, RUN_SUFFIX, RUN_WHOLE } run_kind;

/* A query's working state: bitmaps over all nodes. */
typedef struct {
  const gv_index *ix;
  size_t n_bits; /* 64-bit words per bitmap */
  uint64_t *tmp;
} eval;

/* Returns the id of the word whose text contains vocab offset `at`. */
static size_t word_at(const gv_index *ix, size_t at) {
  size_t lo = 0, hi = ix->n_words;
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (ix->words[mid].off <= at)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

/* Stores in *ids the words the run matches; returns the cost of their
 * postings in bytes. */
static size_t match_run(const gv_index *ix, const char *run, size_t n, run_kind kind, size_t **ids,
                        size_t *n_ids) {
  size_t cap = 0, cost = 0;
  *ids = NULL;
  *n_ids = 0;
  if (kind == RUN_WHOLE) {
    long id = find_word(ix, run, n);
    if (id >= 0) {
      GV_PUSH(*ids, *n_ids, cap, (size_t)id);
      cost = ix->words[id].post_len;
    }
    return cost;
  }
  char *pat = gv_xmalloc(n + 2);
  size_t plen = 0;
  if (kind == RUN_PREFIX)
    pat[plen++] = '\0';
  memcpy(pat + plen, run, n);
  plen += n;
  if (kind == RUN_SUFFIX)
    pat[plen++] = '\0';
  for (size_t from = 0; from + plen <= ix->vocab_len;) {
    const char *p = memmem(ix->vocab + from, ix->vocab_len - from, pat, plen);
    if (!p)
      break;
    size_t at = (size_t)(p - ix->vocab) + (kind == RUN_PREFIX);
    size_t id = word_at(ix, at);
    GV_PUSH(*ids, *n_ids, cap, id);
    cost += ix->words[id].post_len;
    from = ix->words[id].off + ix->words[id].len + 1;
  }
  free(pat);
  return cost;
}

/* ORs the nodes containing word w into bits. */
static void or_word(const gv_word *w, uint64_t *bits, size_t n_bits) {
  if (w->dense) {
    const uint64_t *src = (const uint64_t *)w->post;
    for (size_t i = 0; i < n_bits; i++)
      bits[i] |= src[i];
    return;
  }
  set_posted_bits(w->post, w->post_len, bits);
}

/* Narrows `bits` to the nodes where the run can occur; returns false when
 * that would cost more than checking the text (bits are left unchanged). */
static bool narrow_by_run(eval *ev, const char *run, size_t n, run_kind kind, uint64_t *bits) {
  size_t *ids, n_ids;
  size_t cost = match_run(ev->ix, run, n, kind, &ids, &n_ids);
  bool used = cost <= ev->ix->fold_total / 64 + 4096;
  if (used) {
    memset(ev->tmp, 0, ev->n_bits * sizeof *ev->tmp);
    for (size_t i = 0; i < n_ids; i++)
      or_word(&ev->ix->words[ids[i]], ev->tmp, ev->n_bits);
    for (size_t i = 0; i < ev->n_bits; i++)
      bits[i] &= ev->tmp[i];
  }
  free(ids);
  return used;
}

/* A phrase of words joined by single spaces, dashes or apostrophes, as
 * runs of word bytes and the separator class after each. */
enum { MAX_RUNS = 16 };
typedef struct {
  size_t start[MAX_RUNS], len[MAX_RUNS];
  unsigned sep[MAX_RUNS];
  size_t n;
} phrase;

/* Returns true when item text s[0..n) is such a phrase of two words or more
 * (stored in *ph): then positions answer it. */
static bool split_phrase(const char *s, size_t n, phrase *ph) {
  ph->n = 0;
  for (size_t i = 0; i < n;) {
    size_t start = i;
    while (i < n && is_word_byte((unsigned char)s[i]))
      i++;
    if (i == start || ph->n == MAX_RUNS)
      return false;
    ph->start[ph->n] = start;
    ph->len[ph->n] = i - start;
    ph->sep[ph->n] = i < n ? sep_class(s + i, 1) : SEP_OTHER;
    if (i < n && (ph->sep[ph->n] == SEP_OTHER || i + 1 == n))
      return false;
    ph->n++;
    i += i < n;
  }
  return ph->n >= 2;
}

/* Calls add(p, arg) with the position p where the phrase would start for
 * every occurrence of word w as its run j. */
static void each_start(const gv_word *w, size_t j, bool last, unsigned sep,
                       void (*add)(uint32_t, void *), void *arg) {
  uint32_t at = 0;
  for (size_t k = 0; k < w->pos_len;) {
    uint32_t v = get_varint(w->pos, &k);
    at += v >> 2;
    if ((last || (v & 3) == sep) && at - 1 >= j)
      add(at - 1 - (uint32_t)j, arg);
  }
}

static void set_bit(uint32_t p, void *bits) {
  ((uint64_t *)bits)[p / 64] |= (uint64_t)1 << (p % 64);
}

typedef struct {
  uint32_t *v;
  size_t n, cap;
} u32_list;

static void push_start(uint32_t p, void *list) {
  u32_list *l = list;
  GV_PUSH(l->v, l->n, l->cap, p);
}

static int u32_cmp(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* Returns the sorted start positions of a phrase's runs (words ids[j] for
 * run j) in *out, through a bitmap over all positions. */
static void starts_by_bitmap(const gv_index *ix, const phrase *ph, size_t *const *ids,
                             const size_t *n_ids, u32_list *out) {
  size_t n_pw = ix->n_tokens / 64 + 1;
  uint64_t *all = gv_xcalloc(n_pw, sizeof *all), *one = gv_xmalloc(n_pw * sizeof *one);
  for (size_t j = 0; j < ph->n; j++) {
    uint64_t *pb = j ? one : all;
    if (j)
      memset(pb, 0, n_pw * sizeof *pb);
    for (size_t i = 0; i < n_ids[j]; i++)
      each_start(&ix->words[ids[j][i]], j, j + 1 == ph->n, ph->sep[j], set_bit, pb);
    for (size_t i = 0; j && i < n_pw; i++)
      all[i] &= pb[i];
  }
  for (size_t i = 0; i < n_pw; i++)
    for (uint64_t b = all[i]; b; b &= b - 1)
      push_start((uint32_t)(i * 64 + (size_t)__builtin_ctzll(b)), out);
  free(all);
  free(one);
}

/* The same through sorted lists, for phrases with few occurrences. */
static void starts_by_lists(const gv_index *ix, const phrase *ph, size_t *const *ids,
                            const size_t *n_ids, u32_list *out) {
  for (size_t j = 0; j < ph->n; j++) {
    u32_list l = {0};
    for (size_t i = 0; i < n_ids[j]; i++)
      each_start(&ix->words[ids[j][i]], j, j + 1 == ph->n, ph->sep[j], push_start, &l);
    if (n_ids[j] > 1)
      gv_qsort(l.v, l.n, sizeof *l.v, u32_cmp);
    if (j == 0) {
      *out = l;
      continue;
    }
    size_t kept = 0;
    for (size_t a = 0, b = 0; a < out->n && b < l.n;) {
      if (out->v[a] < l.v[b])
        a++;
      else if (out->v[a] > l.v[b])
        b++;
      else if (kept == 0 || out->v[kept - 1] != out->v[a])
        out->v[kept++] = out->v[a++];
      else
        a++;
    }
    out->n = kept;
    free(l.v);
  }
}

/* Returns the node holding token position p, at or after node g: the last
 * with tok_start <= p (galloping, as the positions come in order). */
static size_t node_at(const gv_index *ix, size_t g, uint32_t p) {
  size_t step = 1;
  while (g + step < ix->n_nodes && ix->tok_start[g + step] <= p) {
    g += step;
    step *= 2;
  }
  size_t hi = g + step < ix->n_nodes ? g + step : ix->n_nodes;
  while (hi - g > 1) {
    size_t mid = g + (hi - g) / 2;
    if (ix->tok_start[mid] <= p)
      g = mid;
    else
      hi = mid;
  }
  return g;
}

/* Narrows `bits` to the nodes where the phrase occurs, from word positions;
 * returns false (bits unchanged) when that would cost more than checking
 * the text. */
static bool narrow_by_positions(eval *ev, const char *s, const phrase *ph, uint64_t *bits) {
  const gv_index *ix = ev->ix;
  size_t *ids[MAX_RUNS], n_ids[MAX_RUNS], cost = 0;
  for (size_t j = 0; j < ph->n; j++) {
    run_kind kind = j == 0 ? RUN_SUFFIX : j + 1 == ph->n ? RUN_PREFIX : RUN_WHOLE;
    match_run(ix, s + ph->start[j], ph->len[j], kind, &ids[j], &n_ids[j]);
    for (size_t i = 0; i < n_ids[j]; i++)
      cost += ix->words[ids[j][i]].pos_len;
  }
  bool used = cost <= ix->fold_total / 4 + 4096;
  if (used) {
    u32_list starts = {0};
    if (cost < ix->n_tokens / 32) /* lists smaller than a bitmap */
      starts_by_lists(ix, ph, ids, n_ids, &starts);
    else
      starts_by_bitmap(ix, ph, ids, n_ids, &starts);
    memset(ev->tmp, 0, ev->n_bits * sizeof *ev->tmp);
    for (size_t i = 0, g = 0; i < starts.n; i++) {
      g = node_at(ix, g, starts.v[i]);
      ev->tmp[g / 64] |= (uint64_t)1 << (g % 64);
    }
    for (size_t i = 0; i < ev->n_bits; i++)
      bits[i] &= ev->tmp[i];
    free(starts.v);
  }
  for (size_t j = 0; j < ph->n; j++)
    free(ids[j]);
  return used;
}

/* Narrows `bits` to the nodes that may contain the item; returns true when
 * they all do (no need to check the text). */
static bool narrow_by_item(eval *ev, const gv_query *q, const gv_qitem *it, uint64_t *bits) {
  const char *s = it->loose;
  size_t n = it->loose_len;
  bool exact = !q->exact, any = false;
  phrase ph;
  if (split_phrase(s, n, &ph) && narrow_by_positions(ev, s, &ph, bits))
    return exact;
  for (size_t i = 0; i < n;) {
    size_t start = i;
    while (i < n && is_word_byte((unsigned char)s[i]))
      i++;
    if (i == start) {
      exact = false; /* punctuation or a space: the text must be checked */
      i++;
      continue;
    }
    bool left = start > 0, right = i < n;
    run_kind kind = left ? (right ? RUN_WHOLE : RUN_PREFIX) : (right ? RUN_SUFFIX : RUN_INSIDE);
    if (narrow_by_run(ev, s + start, i - start, kind, bits))
      any = true;
    else
      exact = false;
  }
  return exact && any;
}

/* A query item that has to be checked against the text of each candidate;
 * for an exclusion, `bits` holds the nodes where it may occur. */
typedef struct {
  const gv_qitem *it;
  uint64_t *bits;
} pending_item;

static uint64_t *all_nodes(const gv_index *ix, size_t n_bits) {
  uint64_t *b = gv_xmalloc(n_bits * sizeof *b + 1);
  memset(b, 0xff, n_bits * sizeof *b);
  if (ix->n_nodes % 64)
    b[n_bits - 1] = ((uint64_t)1 << (ix->n_nodes % 64)) - 1;
  return b;
}

static bool has_bit(const uint64_t *bits, size_t g) {
  return bits[g / 64] >> (g % 64) & 1;
}

/* Exact mode: returns false when the folded text f[0..len) already shows
 * that the node fails a pending check (a word is missing even ignoring case
 * and accents), so that the exact folding can be skipped. */
static bool loose_check(const char *f, size_t len, const pending_item *pend, size_t n_pend) {
  for (size_t i = 0; i < n_pend; i++) {
    const gv_qitem *it = pend[i].it;
    if (!it->negative && !memmem(f, len, it->loose, it->loose_len))
      return false;
  }
  return true;
}

/* Returns true when node g's text passes every pending check. */
static bool check_node(const gv_index *ix, const gv_query *q, const gv_node *node, size_t g,
                       const pending_item *pend, size_t n_pend, fold_cache *cache) {
  const char *f = ix->fold[g];
  size_t len = ix->fold_len[g];
  char *own = NULL;
  if (ix->plain[g] && !q->exact) { /* the fold is the text in lowercase */
    f = own = gv_xstrndup(node->text, len);
    for (char *c = own; *c; c++)
      if (*c >= 'A' && *c <= 'Z')
        *c = (char)(*c - 'A' + 'a');
  } else if (ix->plain[g]) { /* the exact fold is the text */
    f = node->text;
  } else if (q->exact && !loose_check(f, len, pend, n_pend)) {
    return false;
  } else if (q->exact) {
    gv_buf b = {0};
    fold_fast(&b, node->text, strlen(node->text), q->flags, cache);
    f = own = b.data;
    len = b.len;
  }
  bool ok = true;
  for (size_t i = 0; i < n_pend && ok; i++) {
    if (pend[i].it->negative && !has_bit(pend[i].bits, g))
      continue;
    ok = (gv_query_find(q, f, len, 0, pend[i].it) >= 0) != pend[i].it->negative;
  }
  free(own);
  return ok;
}

/* Returns the results: the candidate nodes that pass the pending checks. */
static gv_results *collect(const gv_index *ix, const gv_query *q, const uint64_t *cand,
                           size_t n_bits, const pending_item *pend, size_t n_pend) {
  gv_results *r = gv_xcalloc(1, sizeof *r);
  size_t cap = 0, d = 0;
  fold_cache *cache = gv_xcalloc(1, sizeof *cache);
  for (size_t w = 0; w < n_bits; w++) {
    for (uint64_t bits = cand[w]; bits; bits &= bits - 1) {
      size_t g = w * 64 + (size_t)__builtin_ctzll(bits);
      if (ix->fold_len[g] == 0)
        continue;
      while (g >= ix->doc_base[d + 1])
        d++;
      const gv_node *node = &ix->model->docs[d].nodes[g - ix->doc_base[d]];
      if (n_pend && !check_node(ix, q, node, g, pend, n_pend, cache))
        continue;
      gv_hit h = {(int)d, (int)(g - ix->doc_base[d])};
      GV_PUSH(r->hits, r->n, cap, h);
    }
  }
  free(cache);
  return r;
}

gv_results *gv_search(const gv_index *ix, const gv_query *q) {
  eval ev = {ix, (ix->n_nodes + 63) / 64, NULL};
  ev.tmp = gv_xmalloc(ev.n_bits * sizeof *ev.tmp + 1);
  uint64_t *cand = all_nodes(ix, ev.n_bits);
  pending_item *pend = gv_xcalloc(q->n + 1, sizeof *pend);
  size_t n_pend = 0;
  for (size_t i = 0; i < q->n; i++) {
    const gv_qitem *it = &q->items[i];
    if (!it->negative) {
      if (!narrow_by_item(&ev, q, it, cand))
        pend[n_pend++] = (pending_item){it, NULL};
      continue;
    }
    uint64_t *nb = all_nodes(ix, ev.n_bits);
    if (narrow_by_item(&ev, q, it, nb)) {
      for (size_t k = 0; k < ev.n_bits; k++)
        cand[k] &= ~nb[k];
      free(nb);
    } else {
      pend[n_pend++] = (pending_item){it, nb};
    }
  }
  gv_results *r = collect(ix, q, cand, ev.n_bits, pend, n_pend);
  for (size_t i = 0; i < n_pend; i++)
    free(pend[i].bits);
  free(pend);
  free(cand);
  free(ev.tmp);
  return r;
}

size_t gv_results_count(const gv_results *r) {
  return r->n;
}

gv_hit gv_results_get(const gv_results *r, size_t i) {
  return r->hits[i];
}

static int hit_cmp(gv_hit a, gv_hit b) {
  if (a.doc != b.doc)
    return a.doc < b.doc ? -1 : 1;
  return a.node < b.node ? -1 : a.node > b.node;
}

/* Returns the number of results before or at `at` (with or_equal) . */
static size_t count_before(const gv_results *r, gv_hit at, bool or_equal) {
  size_t lo = 0, hi = r->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = hit_cmp(r->hits[mid], at);
    if (c < 0 || (c == 0 && or_equal))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

long gv_results_next(const gv_results *r, gv_hit from, bool wrap) {
  size_t i = count_before(r, from, true);
  if (i < r->n)
    return (long)i;
  return wrap && r->n ? 0 : -1;
}

long gv_results_prev(const gv_results *r, gv_hit from, bool wrap) {
  size_t i = count_before(r, from, false);
  if (i > 0)
    return (long)i - 1;
  return wrap && r->n ? (long)r->n - 1 : -1;
}

long gv_results_find(const gv_results *r, gv_hit at) {
  size_t i = count_before(r, at, false);
  return i < r->n && hit_cmp(r->hits[i], at) == 0 ? (long)i : -1;
}

void gv_results_free(gv_results *r) {
  if (!r)
    return;
  free(r->hits);
  free(r);
}
