/* gavel: word diff (Myers' O(ND) algorithm in linear space over word tokens)
 * and paragraph alignment between two texts. */
#include "config.h"

#include "gavel/diff.h"
#include "gavel/diff_marks.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>

#include "gavel/text.h"
#include "gavel/util.h"

/* ---- interning: equal strings get equal small integers ---- */

typedef struct {
  char **keys; /* open addressing, power-of-two size; owned */
  int *ids;
  size_t n_slots, n;
} interner;

static uint64_t hash_bytes(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}

static void intern_insert(interner *in, char *key, int id) {
  size_t mask = in->n_slots - 1;
  size_t i = hash_bytes(key, strlen(key)) & mask;
  while (in->keys[i])
    i = (i + 1) & mask;
  in->keys[i] = key;
  in->ids[i] = id;
}

static void intern_grow(interner *in) {
  interner bigger = {NULL, NULL, in->n_slots ? in->n_slots * 2 : 256, in->n};
  bigger.keys = gv_xcalloc(bigger.n_slots, sizeof *bigger.keys);
  bigger.ids = gv_xcalloc(bigger.n_slots, sizeof *bigger.ids);
  for (size_t i = 0; i < in->n_slots; i++)
    if (in->keys[i])
      intern_insert(&bigger, in->keys[i], in->ids[i]);
  free(in->keys);
  free(in->ids);
  *in = bigger;
}

/* Returns the id of s[0..n), adding it when new. */
static int intern(interner *in, const char *s, size_t n) {
  if ((in->n + 1) * 2 > in->n_slots)
    intern_grow(in);
  size_t mask = in->n_slots - 1;
  for (size_t i = hash_bytes(s, n) & mask; in->keys[i]; i = (i + 1) & mask)
    if (strncmp(in->keys[i], s, n) == 0 && in->keys[i][n] == '\0')
      return in->ids[i];
  intern_insert(in, gv_xstrndup(s, n), (int)in->n);
  return (int)in->n++;
}

static void intern_free(interner *in) {
  for (size_t i = 0; i < in->n_slots; i++)
    free(in->keys[i]);
  free(in->keys);
  free(in->ids);
}

/* ---- tokens ---- */

typedef struct {
  size_t start, end; /* the token's extent: from its first byte (0 for the
                        first token) to the next token's first byte */
  int id;            /* interned comparison key */
} token;

static bool is_space(unsigned int uc) {
  return uc_is_property_white_space(uc);
}

static bool is_word(unsigned int uc) {
  return uc_is_general_category(uc, UC_LETTER) || uc_is_general_category(uc, UC_MARK) ||
         uc_is_general_category(uc, UC_DECIMAL_DIGIT_NUMBER) ||
         uc_is_general_category(uc, UC_LETTER_NUMBER);
}

/* Characters that join two word characters into one token. */
static bool is_joiner(unsigned int uc) {
  return uc == '-' || uc == '\'' || uc == '.' || uc == '/' || uc == ',' || uc == ':' ||
         uc == 0x2019 || uc == 0x2010 || uc == 0x2011 || uc == 0x2013;
}

static bool word_at(const char *s, size_t n, size_t i) {
  unsigned int uc;
  if (i >= n)
    return false;
  gv_utf8_decode(s + i, n - i, &uc);
  return is_word(uc);
}

/* Returns the end of the token starting at s[i] (not white space). */
static size_t token_end(const char *s, size_t n, size_t i) {
  unsigned int uc;
  size_t len = (size_t)gv_utf8_decode(s + i, n - i, &uc);
  if (!is_word(uc))
    return i + len;
  for (i += len; i < n; i += len) {
    len = (size_t)gv_utf8_decode(s + i, n - i, &uc);
    if (is_word(uc))
      continue;
    if (!is_joiner(uc) || !word_at(s, n, i + len))
      break;
  }
  return i;
}

/* The comparison key of s[0..n): quote and dash variants folded. */
static int token_id(interner *in, const char *s, size_t n) {
  bool ascii = true;
  for (size_t i = 0; i < n && ascii; i++)
    ascii = (unsigned char)s[i] < 0x80;
  if (ascii)
    return intern(in, s, n);
  size_t flen = 0;
  char *f = gv_fold(s, n, GV_FOLD_PUNCT, &flen, NULL);
  int id = intern(in, f, flen);
  free(f);
  return id;
}

/* Returns the tokens of s[0..n); stores the count in *count.  Caller frees. */
static token *tokenize(interner *in, const char *s, size_t n, size_t *count) {
  token *toks = NULL;
  size_t k = 0, cap = 0;
  for (size_t i = 0; i < n;) {
    unsigned int uc;
    int len = gv_utf8_decode(s + i, n - i, &uc);
    if (is_space(uc)) {
      i += (size_t)len;
      continue;
    }
    size_t e = token_end(s, n, i);
    token t = {k ? i : 0, n, token_id(in, s + i, e - i)};
    if (k)
      toks[k - 1].end = i;
    GV_PUSH(toks, k, cap, t);
    i = e;
  }
  *count = k;
  return toks;
}

/* ---- Myers' diff in linear space: reports matched index pairs in order ---- */

typedef struct {
  const int *a, *b;
  int *vf, *vb;              /* furthest-reaching x per diagonal, forward and backward */
  size_t *match_a, *match_b; /* matched pairs, in increasing order */
  size_t n_match, cap_a, cap_b;
} myers;

static void add_match(myers *my, size_t i, size_t j) {
  size_t n = my->n_match;
  GV_PUSH(my->match_a, n, my->cap_a, i);
  n = my->n_match;
  GV_PUSH(my->match_b, n, my->cap_b, j);
  my->n_match = n;
}

typedef struct {
  long x0, y0, x1, y1; /* the middle snake, relative to the subproblem */
} snake;

/* One forward (dir 1) or backward (dir -1) step of edit distance d; returns
 * true with *out set when the paths overlap. */
static bool snake_step(const myers *my, long a0, long n, long b0, long m, long d, int dir,
                       snake *out) {
  long off = (n + m + 1) / 2 + 1, delta = n - m;
  int *v = dir > 0 ? my->vf : my->vb, *w = dir > 0 ? my->vb : my->vf;
  bool check = dir > 0 ? (delta & 1) != 0 : (delta & 1) == 0;
  long reach = dir > 0 ? d - 1 : d;
  for (long k = -d; k <= d; k += 2) {
    long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1]
                                                                      : v[off + k - 1] + 1;
    long y = x - k, x0 = x, y0 = y;
    if (dir > 0)
      while (x < n && y < m && my->a[a0 + x] == my->b[b0 + y])
        x++, y++;
    else
      while (x < n && y < m && my->a[a0 + n - 1 - x] == my->b[b0 + m - 1 - y])
        x++, y++;
    v[off + k] = (int)x;
    long c = delta - k;
    if (check && c >= -reach && c <= reach && x + w[off + c] >= n) {
      *out = dir > 0 ? (snake){x0, y0, x, y} : (snake){n - x, m - y, n - x0, m - y0};
      return true;
    }
  }
  return false;
}

static snake middle_snake(const myers *my, long a0, long n, long b0, long m) {
  long off = (n + m + 1) / 2 + 1;
  snake s = {0, 0, n, m};
  my->vf[off + 1] = 0;
  my->vb[off + 1] = 0;
  for (long d = 0; d <= (n + m + 1) / 2; d++)
    if (snake_step(my, a0, n, b0, m, d, 1, &s) || snake_step(my, a0, n, b0, m, d, -1, &s))
      break;
  return s;
}

static void myers_rec(myers *my, long a0, long a1, long b0, long b1) {
  while (a0 < a1 && b0 < b1 && my->a[a0] == my->b[b0])
    add_match(my, (size_t)a0++, (size_t)b0++);
  long suffix = 0;
  while (a0 < a1 - suffix && b0 < b1 - suffix && my->a[a1 - 1 - suffix] == my->b[b1 - 1 - suffix])
    suffix++;
  a1 -= suffix;
  b1 -= suffix;
  if (a0 < a1 && b0 < b1) {
    snake s = middle_snake(my, a0, a1 - a0, b0, b1 - b0);
    myers_rec(my, a0, a0 + s.x0, b0, b0 + s.y0);
    for (long i = 0; i < s.x1 - s.x0; i++)
      add_match(my, (size_t)(a0 + s.x0 + i), (size_t)(b0 + s.y0 + i));
    myers_rec(my, a0 + s.x1, a1, b0 + s.y1, b1);
  }
  for (long i = 0; i < suffix; i++)
    add_match(my, (size_t)(a1 + i), (size_t)(b1 + i));
}

/* Computes a longest common subsequence of a[0..n) and b[0..m); the caller
 * frees my->match_a and my->match_b. */
static void myers_diff(myers *my, const int *a, size_t n, const int *b, size_t m) {
  memset(my, 0, sizeof *my);
  my->a = a;
  my->b = b;
  size_t size = n + m + 4;
  my->vf = gv_xcalloc(size, sizeof *my->vf);
  my->vb = gv_xcalloc(size, sizeof *my->vb);
  myers_rec(my, 0, (long)n, 0, (long)m);
  free(my->vf);
  free(my->vb);
}

/* ---- word diff ---- */

static int *token_ids(const token *t, size_t n) {
  int *ids = gv_xcalloc(n ? n : 1, sizeof *ids);
  for (size_t i = 0; i < n; i++)
    ids[i] = t[i].id;
  return ids;
}

typedef struct {
  gv_diff_span *spans;
  size_t n, cap;
} span_list;

/* Adds the extent of tokens [i0, i1) of a and [j0, j1) of b as a span of
 * `kind`, merging with the previous span of the same kind. */
static void add_span(span_list *l, gv_span_kind kind, const token *ta, size_t i0, size_t i1,
                     const token *tb, size_t j0, size_t j1) {
  if (i0 == i1 && j0 == j1)
    return;
  gv_diff_span s = {kind, 0, 0, 0, 0};
  if (i0 < i1) {
    s.a_off = ta[i0].start;
    s.a_len = ta[i1 - 1].end - s.a_off;
  }
  if (j0 < j1) {
    s.b_off = tb[j0].start;
    s.b_len = tb[j1 - 1].end - s.b_off;
  }
  gv_diff_span *last = l->n ? &l->spans[l->n - 1] : NULL;
  if (last && last->kind == kind) {
    last->a_len = s.a_len ? s.a_off + s.a_len - last->a_off : last->a_len;
    last->b_len = s.b_len ? s.b_off + s.b_len - last->b_off : last->b_len;
    return;
  }
  GV_PUSH(l->spans, l->n, l->cap, s);
}

/* Turns the matches into spans: between two matches, the old tokens are
 * deleted and the new ones inserted. */
static void spans_from_matches(span_list *l, const myers *my, const token *ta, size_t na,
                               const token *tb, size_t nb) {
  size_t i = 0, j = 0;
  for (size_t k = 0; k <= my->n_match; k++) {
    size_t mi = k < my->n_match ? my->match_a[k] : na;
    size_t mj = k < my->n_match ? my->match_b[k] : nb;
    add_span(l, GV_SPAN_DELETE, ta, i, mi, tb, 0, 0);
    add_span(l, GV_SPAN_INSERT, ta, 0, 0, tb, j, mj);
    if (k < my->n_match)
      add_span(l, GV_SPAN_EQUAL, ta, mi, mi + 1, tb, mj, mj + 1);
    i = mi + 1;
    j = mj + 1;
  }
}

gv_diff_span *gv_word_diff(const char *a, size_t alen, const char *b, size_t blen, size_t *n) {
  interner in = {0};
  size_t na = 0, nb = 0;
  token *ta = tokenize(&in, a, alen, &na);
  token *tb = tokenize(&in, b, blen, &nb);
  int *ia = token_ids(ta, na), *ib = token_ids(tb, nb);
  myers my;
  myers_diff(&my, ia, na, ib, nb);
  span_list l = {0};
  spans_from_matches(&l, &my, ta, na, tb, nb);
  free(my.match_a);
  free(my.match_b);
  free(ia);
  free(ib);
  free(ta);
  free(tb);
  intern_free(&in);
  *n = l.n;
  return l.spans;
}

/* Length of s[0..n) without its trailing white space. */
char *gv_word_diff_render(const char *a, const char *b, const gv_diff_span *spans, size_t n,
                          bool color) {
  gv_marked m = {0};
  gv_mark_spans(a, b, spans, n, &m);
  char *text = gv_marked_ansi(&m, color);
  gv_marked_free(&m);
  return text;
}

bool gv_spans_equal(const gv_diff_span *spans, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (spans[i].kind != GV_SPAN_EQUAL)
      return false;
  return true;
}

/* ---- paragraph alignment ---- */

typedef struct {
  int *sorted; /* token ids, sorted: for word similarity */
  size_t n;
  int key; /* equal keys: the same words */
} para_info;

static int cmp_int(const void *pa, const void *pb) {
  int a = *(const int *)pa, b = *(const int *)pb;
  return (a > b) - (a < b);
}

static void para_info_fill(interner *words, interner *keys, const gv_para *p, para_info *out) {
  const char *text = p->text ? p->text : "";
  token *t = tokenize(words, text, strlen(text), &out->n);
  out->sorted = token_ids(t, out->n);
  gv_buf key = {0};
  for (size_t i = 0; i < out->n; i++)
    gv_buf_printf(&key, "%d ", t[i].id);
  out->key = intern(keys, key.data ? key.data : "", key.len);
  gv_buf_free(&key);
  free(t);
  gv_qsort(out->sorted, out->n, sizeof *out->sorted, cmp_int);
}

/* Dice coefficient of the two paragraphs' word multisets, in [0, 1]. */
static double similarity(const para_info *a, const para_info *b) {
  if (a->n + b->n == 0)
    return 1.0;
  size_t i = 0, j = 0, common = 0;
  while (i < a->n && j < b->n) {
    if (a->sorted[i] == b->sorted[j])
      common++, i++, j++;
    else if (a->sorted[i] < b->sorted[j])
      i++;
    else
      j++;
  }
  return 2.0 * (double)common / (double)(a->n + b->n);
}

/* Paragraphs at least this similar are the same paragraph, changed. */
#define SIMILAR 0.5
/* How far ahead an in-place changed paragraph is looked for. */
#define GAP_WINDOW 64
/* Above this many candidate pairs, moved-and-changed paragraphs are not sought. */
#define MAX_MOVE_PAIRS 1000000

typedef struct {
  para_info *ia, *ib;
  size_t na, nb;
  int *a_to_b, *b_to_a; /* partners, -1 */
  bool *moved_b;        /* b's partner is out of order */
} pairing;

static void pair_up(pairing *p, size_t i, size_t j, bool moved) {
  p->a_to_b[i] = (int)j;
  p->b_to_a[j] = (int)i;
  p->moved_b[j] = moved;
}

/* Returns the unpaired b in [lo, hi) most similar to a[i] (at least SIMILAR,
 * and with the same key when exact), or -1. */
static int best_partner(const pairing *p, size_t i, size_t lo, size_t hi, bool exact) {
  int best = -1;
  double best_sim = SIMILAR;
  for (size_t j = lo; j < hi; j++) {
    if (p->b_to_a[j] >= 0)
      continue;
    if (exact) {
      if (p->ia[i].key == p->ib[j].key)
        return (int)j;
      continue;
    }
    double s = similarity(&p->ia[i], &p->ib[j]);
    if (s > best_sim || (best < 0 && s >= best_sim)) {
      best = (int)j;
      best_sim = s;
    }
  }
  return best;
}

/* Pairs similar paragraphs between two anchors, keeping their order; each
 * looks at most GAP_WINDOW paragraphs ahead, so that long gaps stay linear. */
static void pair_gap(pairing *p, size_t a_lo, size_t a_hi, size_t b_lo, size_t b_hi) {
  size_t next_b = b_lo;
  for (size_t i = a_lo; i < a_hi && next_b < b_hi; i++) {
    if (p->a_to_b[i] >= 0)
      continue;
    size_t hi = b_hi - next_b > GAP_WINDOW ? next_b + GAP_WINDOW : b_hi;
    int j = best_partner(p, i, next_b, hi, false);
    if (j >= 0) {
      pair_up(p, i, (size_t)j, false);
      next_b = (size_t)j + 1;
    }
  }
}

static size_t count_unpaired(const int *partner, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    k += partner[i] < 0;
  return k;
}

/* Pairs paragraphs left over as moved: first the same words, then similar. */
static void pair_moved(pairing *p) {
  for (size_t i = 0; i < p->na; i++)
    if (p->a_to_b[i] < 0) {
      int j = best_partner(p, i, 0, p->nb, true);
      if (j >= 0)
        pair_up(p, i, (size_t)j, true);
    }
  if (count_unpaired(p->a_to_b, p->na) * count_unpaired(p->b_to_a, p->nb) > MAX_MOVE_PAIRS)
    return;
  for (size_t i = 0; i < p->na; i++)
    if (p->a_to_b[i] < 0) {
      int j = best_partner(p, i, 0, p->nb, false);
      if (j >= 0)
        pair_up(p, i, (size_t)j, true);
    }
}

static void pair_paragraphs(pairing *p) {
  int *ka = gv_xcalloc(p->na + 1, sizeof *ka), *kb = gv_xcalloc(p->nb + 1, sizeof *kb);
  for (size_t i = 0; i < p->na; i++)
    ka[i] = p->ia[i].key;
  for (size_t j = 0; j < p->nb; j++)
    kb[j] = p->ib[j].key;
  myers my;
  myers_diff(&my, ka, p->na, kb, p->nb);
  for (size_t k = 0; k < my.n_match; k++)
    pair_up(p, my.match_a[k], my.match_b[k], false);
  size_t a_lo = 0, b_lo = 0;
  for (size_t k = 0; k <= my.n_match; k++) {
    size_t a_hi = k < my.n_match ? my.match_a[k] : p->na;
    size_t b_hi = k < my.n_match ? my.match_b[k] : p->nb;
    pair_gap(p, a_lo, a_hi, b_lo, b_hi);
    a_lo = a_hi + 1;
    b_lo = b_hi + 1;
  }
  pair_moved(p);
  free(my.match_a);
  free(my.match_b);
  free(ka);
  free(kb);
}

static void emit(gv_alignment *al, size_t *cap, gv_para_pair pp) {
  switch (pp.status) {
  case GV_PARA_UNCHANGED:
    al->n_unchanged++;
    break;
  case GV_PARA_CHANGED:
    al->n_changed++;
    break;
  case GV_PARA_ADDED:
    al->n_added++;
    break;
  case GV_PARA_REMOVED:
    al->n_removed++;
    break;
  }
  al->n_moved += pp.moved;
  GV_PUSH(al->pairs, al->n, *cap, pp);
}

static void emit_b(gv_alignment *al, size_t *cap, const pairing *p, const gv_para *a,
                   const gv_para *b, size_t j) {
  int i = p->b_to_a[j];
  gv_para_pair pp = {GV_PARA_ADDED, p->moved_b[j], i, (int)j, NULL, 0};
  if (i >= 0 && p->ia[i].key == p->ib[j].key) {
    pp.status = GV_PARA_UNCHANGED;
  } else if (i >= 0) {
    const char *ta = a[i].text ? a[i].text : "", *tb = b[j].text ? b[j].text : "";
    pp.status = GV_PARA_CHANGED;
    pp.spans = gv_word_diff(ta, strlen(ta), tb, strlen(tb), &pp.n_spans);
  }
  emit(al, cap, pp);
}

/* Lists b in order; each removed paragraph of a goes before the new
 * paragraph that follows its nearest in-order predecessor's partner. */
static void emit_all(gv_alignment *al, const pairing *p, const gv_para *a, const gv_para *b) {
  size_t cap = 0, i = 0, anchor = 0;
  for (size_t j = 0; j <= p->nb; j++) {
    for (; i < p->na; i++) {
      int partner = p->a_to_b[i];
      if (partner >= 0 && p->moved_b[partner])
        continue;
      if (partner >= 0) {
        if ((size_t)partner >= j)
          break;
        anchor = (size_t)partner + 1;
        continue;
      }
      if (anchor > j)
        break;
      emit(al, &cap, (gv_para_pair){GV_PARA_REMOVED, false, (int)i, -1, NULL, 0});
    }
    if (j < p->nb)
      emit_b(al, &cap, p, a, b, j);
  }
}

gv_alignment *gv_align(const gv_para *a, size_t na, const gv_para *b, size_t nb) {
  interner words = {0}, keys = {0};
  pairing p = {gv_xcalloc(na + 1, sizeof(para_info)),
               gv_xcalloc(nb + 1, sizeof(para_info)),
               na,
               nb,
               gv_xcalloc(na + 1, sizeof(int)),
               gv_xcalloc(nb + 1, sizeof(int)),
               gv_xcalloc(nb + 1, sizeof(bool))};
  for (size_t i = 0; i < na; i++) {
    para_info_fill(&words, &keys, &a[i], &p.ia[i]);
    p.a_to_b[i] = -1;
  }
  for (size_t j = 0; j < nb; j++) {
    para_info_fill(&words, &keys, &b[j], &p.ib[j]);
    p.b_to_a[j] = -1;
  }
  pair_paragraphs(&p);
  gv_alignment *al = gv_xcalloc(1, sizeof *al);
  emit_all(al, &p, a, b);
  for (size_t i = 0; i < na; i++)
    free(p.ia[i].sorted);
  for (size_t j = 0; j < nb; j++)
    free(p.ib[j].sorted);
  free(p.ia);
  free(p.ib);
  free(p.a_to_b);
  free(p.b_to_a);
  free(p.moved_b);
  intern_free(&words);
  intern_free(&keys);
  return al;
}

bool gv_alignment_identical(const gv_alignment *al) {
  return al->n_changed == 0 && al->n_added == 0 && al->n_removed == 0 && al->n_moved == 0;
}

void gv_alignment_free(gv_alignment *al) {
  if (!al)
    return;
  for (size_t k = 0; k < al->n; k++)
    free(al->pairs[k].spans);
  free(al->pairs);
  free(al);
}

/* Nodes that are paragraphs of a resolution text. */
static bool is_text_paragraph(gv_node_kind k) {
  return k == GV_NODE_PREAMBLE || k == GV_NODE_PP || k == GV_NODE_OP || k == GV_NODE_SUB ||
         k == GV_NODE_PARAGRAPH || k == GV_NODE_ITEM;
}

gv_para *gv_text_paragraphs(const gv_model *m, int doc, int text, size_t *n, int **nodes) {
  *n = 0;
  if (nodes)
    *nodes = NULL;
  if (doc < 0 || (size_t)doc >= m->n_docs || text < 0 || (size_t)text >= m->docs[doc].n_texts)
    return NULL;
  const gv_document *d = &m->docs[doc];
  int root = d->texts[text].root;
  if (root < 0 || (size_t)root >= d->n_nodes)
    return NULL;
  size_t end = (size_t)root + 1 + (size_t)d->nodes[root].n_desc, cap = 0, cap_nodes = 0;
  size_t n_nodes = 0;
  gv_para *out = NULL;
  for (size_t i = (size_t)root + 1; i < end && i < d->n_nodes; i++) {
    if (!is_text_paragraph(d->nodes[i].kind))
      continue;
    if (nodes)
      GV_PUSH(*nodes, n_nodes, cap_nodes, (int)i);
    GV_PUSH(out, *n, cap, ((gv_para){d->nodes[i].label, d->nodes[i].text}));
  }
  return out;
}
