/* gavel: the rows of the compare and country views. */
#include "config.h"

#include "gavel/view_rows.h"

#include "gavel/util.h"

typedef struct {
  gv_compare_row *rows;
  size_t n, cap;
} compare_rows;

static void add_cell(const gv_model *m, const gv_transition *t, gv_ballot a, gv_ballot b,
                     bool always, compare_rows *out) {
  int n = t->count[a][b];
  if (!n && !always)
    return;
  gv_compare_row head = {true, a, b, -1, false};
  GV_PUSH(out->rows, out->n, out->cap, head);
  for (int i = 0; i < n; i++) {
    int c = t->members[a][b][i];
    gv_group g = gv_countries_get(m->countries, (size_t)c)->group;
    bool first =
        i == 0 || gv_countries_get(m->countries, (size_t)t->members[a][b][i - 1])->group != g;
    gv_compare_row row = {false, a, b, c, first};
    GV_PUSH(out->rows, out->n, out->cap, row);
  }
}

gv_compare_row *gv_compare_rows(const gv_model *m, const gv_transition *t, bool one_cell,
                                gv_ballot a, gv_ballot b, bool everyone, size_t *n) {
  compare_rows out = {0};
  if (one_cell)
    add_cell(m, t, a, b, true, &out);
  else
    for (int r = 0; r < GV_BALLOT_COUNT; r++)
      for (int c = 0; c < GV_BALLOT_COUNT; c++)
        if (everyone || r != c)
          add_cell(m, t, gv_ballot_order[r], gv_ballot_order[c], false, &out);
  *n = out.n;
  return out.rows;
}

static int vote_series(const gv_model *m, const gv_vote *v) {
  if (v->doc < 0 || (size_t)v->doc >= m->n_docs || v->text < 0 ||
      (size_t)v->text >= m->docs[v->doc].n_texts)
    return -1;
  return m->docs[v->doc].texts[v->text].series;
}

static bool same_subject(const gv_model *m, const gv_vote *x, const gv_vote *y) {
  int s = vote_series(m, x);
  return s >= 0 && s == vote_series(m, y) && x->subject == y->subject &&
         x->para_kind == y->para_kind && x->para_number == y->para_number;
}

int gv_compare_pick_default(const gv_model *m, int b) {
  if (b < 0 || (size_t)b >= m->n_votes)
    return 0;
  for (int i = b - 1; i >= 0; i--)
    if (same_subject(m, &m->votes[i], &m->votes[b]))
      return i;
  return b > 0 ? b - 1 : 0;
}

typedef struct {
  gv_country_row *rows;
  size_t n, cap;
} country_rows;

static void add_row(country_rows *out, gv_krow_kind kind, size_t group, size_t index) {
  gv_country_row row = {kind, group, index};
  GV_PUSH(out->rows, out->n, out->cap, row);
}

static void add_votes(const gv_history *h, country_rows *out) {
  add_row(out, GV_KROW_SECTION, 0, GV_KSECTION_VOTES);
  if (!h->n_groups)
    add_row(out, GV_KROW_NONE, 0, GV_KSECTION_VOTES);
  for (size_t g = 0; g < h->n_groups; g++) {
    add_row(out, GV_KROW_SERIES, g, 0);
    for (size_t i = 0; i < h->groups[g].n; i++) {
      const gv_history_vote *hv = &h->groups[g].votes[i];
      add_row(out, GV_KROW_VOTE, g, i);
      if (hv->intended != GV_NO_INTENTION || hv->note)
        add_row(out, GV_KROW_NOTE, g, i);
    }
  }
}

gv_country_row *gv_country_rows(const gv_history *h, size_t n_agree, size_t *n) {
  country_rows out = {0};
  add_votes(h, &out);
  add_row(&out, GV_KROW_BLANK, 0, 0);
  add_row(&out, GV_KROW_SECTION, 0, GV_KSECTION_SPONSORED);
  if (!h->n_sponsored)
    add_row(&out, GV_KROW_NONE, 0, GV_KSECTION_SPONSORED);
  for (size_t i = 0; i < h->n_sponsored; i++)
    add_row(&out, GV_KROW_SPONSOR, 0, i);
  add_row(&out, GV_KROW_BLANK, 0, 0);
  add_row(&out, GV_KROW_SECTION, 0, GV_KSECTION_AGREEMENT);
  if (!n_agree)
    add_row(&out, GV_KROW_NONE, 0, GV_KSECTION_AGREEMENT);
  for (size_t i = 0; i < n_agree; i++)
    add_row(&out, GV_KROW_AGREE, 0, i);
  *n = out.n;
  return out.rows;
}
