/* gavel: transitions between two votes, country histories, sponsorships and
 * agreement scores. */
#include "config.h"

#include "gavel/compare.h"

#include <stdlib.h>
#include <string.h>

#include "gavel/text.h"
#include "gavel/util.h"

const gv_ballot gv_ballot_order[GV_BALLOT_COUNT] = {GV_YES, GV_NO, GV_ABSTAIN, GV_ABSENT};

static size_t n_countries(const gv_model *m) {
  return m->countries ? gv_countries_count(m->countries) : 0;
}

static bool is_member(const gv_model *m, size_t c) {
  return gv_countries_get(m->countries, c)->member;
}

gv_ballot gv_vote_ballot(const gv_vote *v, int c) {
  if (!v->ballots || c < 0)
    return GV_ABSENT;
  unsigned char b = v->ballots[(size_t)c];
  return b < GV_BALLOT_COUNT ? (gv_ballot)b : GV_ABSENT;
}

int gv_country_name_cmp(const gv_model *m, int a, int b) {
  const char *na = gv_countries_get(m->countries, (size_t)a)->name;
  const char *nb = gv_countries_get(m->countries, (size_t)b)->name;
  char *fa = gv_fold(na, strlen(na), GV_FOLD_ALL, NULL, NULL);
  char *fb = gv_fold(nb, strlen(nb), GV_FOLD_ALL, NULL, NULL);
  int r = strcmp(fa, fb);
  free(fa);
  free(fb);
  return r ? r : a - b;
}

/* qsort has no context argument: the model being sorted over. */
static const gv_model *sort_model;

static int by_group_then_name(const void *pa, const void *pb) {
  int a = *(const int *)pa, b = *(const int *)pb;
  gv_group ga = gv_countries_get(sort_model->countries, (size_t)a)->group;
  gv_group gb = gv_countries_get(sort_model->countries, (size_t)b)->group;
  if (ga != gb)
    return ga < gb ? -1 : 1;
  return gv_country_name_cmp(sort_model, a, b);
}

static void sort_by_group(const gv_model *m, int *list, size_t n) {
  sort_model = m;
  if (n > 1)
    gv_qsort(list, n, sizeof *list, by_group_then_name);
  sort_model = NULL;
}

int *gv_members_by_group(const gv_model *m, size_t *n) {
  size_t nc = n_countries(m), k = 0;
  int *list = gv_xcalloc(nc ? nc : 1, sizeof *list);
  for (size_t c = 0; c < nc; c++)
    if (is_member(m, c))
      list[k++] = (int)c;
  sort_by_group(m, list, k);
  *n = k;
  return list;
}

void gv_transition_build(const gv_model *m, int vote_a, int vote_b, gv_transition *t) {
  memset(t, 0, sizeof *t);
  t->vote_a = vote_a;
  t->vote_b = vote_b;
  const gv_vote *va = &m->votes[vote_a], *vb = &m->votes[vote_b];
  size_t n = 0;
  int *members = gv_members_by_group(m, &n);
  size_t cap[GV_BALLOT_COUNT][GV_BALLOT_COUNT] = {{0}};
  for (size_t i = 0; i < n; i++) {
    gv_ballot a = gv_vote_ballot(va, members[i]), b = gv_vote_ballot(vb, members[i]);
    size_t k = (size_t)t->count[a][b];
    GV_PUSH(t->members[a][b], k, cap[a][b], members[i]);
    t->count[a][b] = (int)k;
    t->total[0][a]++;
    t->total[1][b]++;
    if (a != b)
      t->changed++;
  }
  free(members);
}

void gv_transition_free(gv_transition *t) {
  for (int a = 0; a < GV_BALLOT_COUNT; a++)
    for (int b = 0; b < GV_BALLOT_COUNT; b++) {
      free(t->members[a][b]);
      t->members[a][b] = NULL;
    }
}

/* ---- country history ---- */

/* The text a vote was taken on, or NULL. */
static const gv_text *vote_text(const gv_model *m, const gv_vote *v) {
  if (v->doc < 0 || (size_t)v->doc >= m->n_docs || v->text < 0 ||
      (size_t)v->text >= m->docs[v->doc].n_texts)
    return NULL;
  return &m->docs[v->doc].texts[v->text];
}

static int vote_series(const gv_model *m, const gv_vote *v) {
  const gv_text *t = vote_text(m, v);
  return t ? t->series : -1;
}

/* True when two votes belong in the same history group: the same series, or
 * the same text when outside any series. */
static bool same_group(const gv_model *m, const gv_vote *a, const gv_vote *b) {
  int sa = vote_series(m, a), sb = vote_series(m, b);
  if (sa >= 0 || sb >= 0)
    return sa == sb;
  return a->doc == b->doc && a->text == b->text;
}

/* True when b, on a different text, asks the same question as a: the text as
 * a whole, or the same paragraph. */
static bool comparable(const gv_vote *a, const gv_vote *b) {
  if (a->subject != b->subject || (a->doc == b->doc && a->text == b->text))
    return false;
  if (a->subject == GV_SUBJECT_WHOLE)
    return true;
  return a->para_kind == b->para_kind && a->para_number == b->para_number;
}

static gv_history_group *find_group(const gv_model *m, gv_history *h, const gv_vote *v) {
  for (size_t g = 0; g < h->n_groups; g++)
    if (same_group(m, &m->votes[h->groups[g].votes[0].vote], v))
      return &h->groups[g];
  return NULL;
}

/* The latest earlier vote in the group comparable with v, or -1. */
static int previous_vote(const gv_model *m, const gv_history_group *g, const gv_vote *v) {
  for (size_t i = g->n; i-- > 0;)
    if (comparable(&m->votes[g->votes[i].vote], v))
      return g->votes[i].vote;
  return -1;
}

static void add_history_vote(const gv_model *m, gv_history *h, size_t *cap_groups, int vi) {
  const gv_vote *v = &m->votes[vi];
  int c = h->country;
  gv_history_group *g = find_group(m, h, v);
  if (!g) {
    gv_history_group ng = {vote_series(m, v), v->doc, v->text, NULL, 0};
    GV_PUSH(h->groups, h->n_groups, *cap_groups, ng);
    g = &h->groups[h->n_groups - 1];
  }
  gv_history_vote hv = {vi,
                        gv_vote_ballot(v, c),
                        previous_vote(m, g, v),
                        false,
                        v->intended ? v->intended[(size_t)c] : GV_NO_INTENTION,
                        v->notes ? v->notes[(size_t)c] : NULL};
  if (hv.prev >= 0)
    hv.changed = gv_vote_ballot(&m->votes[hv.prev], c) != hv.ballot;
  g->votes = gv_xrealloc(g->votes, (g->n + 1) * sizeof *g->votes);
  g->votes[g->n++] = hv;
}

/* The first recorded vote on a draft as a whole, or -1. */
static int whole_text_vote(const gv_model *m, int doc, int text) {
  for (size_t i = 0; i < m->n_votes; i++) {
    const gv_vote *v = &m->votes[i];
    if (v->doc == doc && v->text == text && v->subject == GV_SUBJECT_WHOLE)
      return (int)i;
  }
  return -1;
}

static bool list_has(const int *list, size_t n, int x) {
  for (size_t i = 0; i < n; i++)
    if (list[i] == x)
      return true;
  return false;
}

static void add_sponsorships(const gv_model *m, gv_history *h) {
  size_t cap = 0;
  for (size_t d = 0; d < m->n_docs; d++)
    for (size_t t = 0; t < m->docs[d].n_texts; t++) {
      const gv_text *x = &m->docs[d].texts[t];
      bool submitted = list_has(x->sponsors, x->n_sponsors, h->country);
      if (!submitted && !list_has(x->joined, x->n_joined, h->country))
        continue;
      gv_sponsorship s = {(int)d, (int)t, !submitted, whole_text_vote(m, (int)d, (int)t),
                          GV_ABSENT};
      if (s.vote >= 0)
        s.ballot = gv_vote_ballot(&m->votes[s.vote], h->country);
      GV_PUSH(h->sponsored, h->n_sponsored, cap, s);
    }
}

gv_history *gv_history_build(const gv_model *m, int country) {
  gv_history *h = gv_xcalloc(1, sizeof *h);
  h->country = country;
  size_t cap_groups = 0;
  for (size_t i = 0; i < m->n_votes; i++)
    add_history_vote(m, h, &cap_groups, (int)i);
  add_sponsorships(m, h);
  return h;
}

void gv_history_free(gv_history *h) {
  if (!h)
    return;
  for (size_t g = 0; g < h->n_groups; g++)
    free(h->groups[g].votes);
  free(h->groups);
  free(h->sponsored);
  free(h);
}

int *gv_sponsors_not_yes(const gv_model *m, int vote, size_t *n) {
  *n = 0;
  if (vote < 0 || (size_t)vote >= m->n_votes)
    return NULL;
  const gv_vote *v = &m->votes[vote];
  const gv_text *x = vote_text(m, v);
  if (!x || v->subject == GV_SUBJECT_MOTION)
    return NULL;
  int *out = NULL;
  size_t cap = 0;
  const int *lists[2] = {x->sponsors, x->joined};
  size_t sizes[2] = {x->n_sponsors, x->n_joined};
  for (int l = 0; l < 2; l++)
    for (size_t i = 0; i < sizes[l]; i++) {
      int c = lists[l][i];
      if (c >= 0 && (size_t)c < n_countries(m) && gv_vote_ballot(v, c) != GV_YES &&
          !list_has(out, *n, c))
        GV_PUSH(out, *n, cap, c);
    }
  return out;
}

/* ---- agreement ---- */

int gv_agreement_points2(gv_ballot a, gv_ballot b) {
  if (a == GV_ABSENT || b == GV_ABSENT || a >= GV_BALLOT_COUNT || b >= GV_BALLOT_COUNT)
    return -1;
  if (a == b)
    return 2;
  return a == GV_ABSTAIN || b == GV_ABSTAIN ? 1 : 0;
}

gv_agreement gv_agreement_pair(const gv_model *m, int a, int b) {
  gv_agreement r = {b, 0, 0, 0, 0, 0.0};
  for (size_t i = 0; i < m->n_votes; i++) {
    int p = gv_agreement_points2(gv_vote_ballot(&m->votes[i], a), gv_vote_ballot(&m->votes[i], b));
    if (p < 0)
      continue;
    r.shared++;
    if (p == 2)
      r.same++;
    else if (p == 1)
      r.half++;
    else
      r.opposite++;
  }
  if (r.shared)
    r.score = (r.same + r.half / 2.0) / r.shared;
  return r;
}

/* Higher score first, compared exactly as (2*same + half) / (2*shared); ties
 * by name. */
static int by_score_then_name(const void *pa, const void *pb) {
  const gv_agreement *a = pa, *b = pb;
  long long lhs = (2LL * a->same + a->half) * b->shared;
  long long rhs = (2LL * b->same + b->half) * a->shared;
  if (lhs != rhs)
    return lhs > rhs ? -1 : 1;
  return gv_country_name_cmp(sort_model, a->country, b->country);
}

gv_agreement *gv_agreement_rank(const gv_model *m, int country, size_t *n) {
  size_t nc = n_countries(m);
  gv_agreement *out = gv_xcalloc(nc ? nc : 1, sizeof *out);
  *n = 0;
  for (size_t c = 0; c < nc; c++) {
    if ((int)c == country || !is_member(m, c))
      continue;
    gv_agreement r = gv_agreement_pair(m, country, (int)c);
    if (r.shared > 0)
      out[(*n)++] = r;
  }
  sort_model = m;
  if (*n > 1)
    gv_qsort(out, *n, sizeof *out, by_score_then_name);
  sort_model = NULL;
  return out;
}

gv_pair_vote *gv_agreement_votes(const gv_model *m, int a, int b, size_t *n) {
  gv_pair_vote *out = gv_xcalloc(m->n_votes ? m->n_votes : 1, sizeof *out);
  for (size_t i = 0; i < m->n_votes; i++) {
    gv_ballot ba = gv_vote_ballot(&m->votes[i], a);
    gv_ballot bb = gv_vote_ballot(&m->votes[i], b);
    out[i] = (gv_pair_vote){(int)i, ba, bb, gv_agreement_points2(ba, bb)};
  }
  *n = m->n_votes;
  return out;
}
