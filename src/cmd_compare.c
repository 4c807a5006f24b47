/* gavel: the comparison commands: compare, country, agree, diff. */
#include "config.h"

#include "gavel/cmd_compare.h"

#include <stdlib.h>
#include <string.h>

#include "gavel/compare.h"
#include "gavel/compare_text.h"
#include "gavel/diff_marks.h"
#include "gavel/table.h"
#include "gavel/text.h"
#include "gavel/util.h"

#define RED "\033[31m"
#define GREEN "\033[32m"
#define CYAN "\033[36m"
#define BOLD "\033[1m"
#define RESET "\033[m"

/* Rows shown at each end of an agreement list without --all. */
#define AGREE_ENDS 5
/* Wrap country lists at this display width. */
#define WRAP 78

/* ---- arguments ---- */

/* Splits argv[1..] into positional arguments and flags; returns false (with
 * a message) on an unknown flag.  --tsv is accepted here too. */
static bool parse_args(const gv_output *o, int argc, char **argv, const char **pos, int max_pos,
                       int *n_pos, bool *all) {
  *n_pos = 0;
  *all = false;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--all") == 0 || strcmp(argv[i], "-a") == 0)
      *all = true;
    else if (strcmp(argv[i], "--tsv") == 0)
      continue;
    else if (argv[i][0] == '-' && argv[i][1] != '\0') {
      fprintf(o->err, "gavel %s: unknown option '%s'\n", argv[0], argv[i]);
      return false;
    } else if (*n_pos < max_pos)
      pos[(*n_pos)++] = argv[i];
    else {
      fprintf(o->err, "gavel %s: unexpected argument '%s'\n", argv[0], argv[i]);
      return false;
    }
  }
  return true;
}

static bool tsv_flag(const gv_output *o, int argc, char **argv) {
  for (int i = 1; i < argc; i++)
    if (strcmp(argv[i], "--tsv") == 0)
      return true;
  return o->tsv;
}

static int usage(const gv_output *o, const char *text) {
  fprintf(o->err, "usage: gavel %s\n", text);
  return 2;
}

static int find_vote(const gv_model *m, const gv_output *o, const char *id) {
  int v = gv_model_find_vote(m, id);
  if (v < 0)
    fprintf(o->err,
            "gavel: no recorded vote '%s' (vote ids look like A/C.1/75/L.4 or "
            "A/C.1/75/L.8/Rev.1:pp10; `gavel votes` lists them)\n",
            id);
  return v;
}

static int find_country(const gv_model *m, const gv_output *o, const char *name) {
  int c = gv_countries_lookup(m->countries, name, strlen(name));
  if (c < 0 && strlen(name) == 3)
    c = gv_countries_by_iso3(m->countries, name);
  if (c >= 0)
    return c;
  size_t n = 0;
  int *hits = gv_countries_search(m->countries, name, &n);
  if (n == 1)
    c = hits[0];
  else if (n == 0)
    fprintf(o->err, "gavel: no country named '%s' (give a name, an alias or an ISO code)\n", name);
  else {
    fprintf(o->err, "gavel: '%s' matches %zu countries:", name, n);
    for (size_t i = 0; i < n && i < 10; i++)
      fprintf(o->err, "%s %s", i ? "," : "", gv_countries_get(m->countries, (size_t)hits[i])->name);
    fprintf(o->err, "%s\n", n > 10 ? ", …" : "");
  }
  free(hits);
  return c;
}

/* Resolves a draft symbol, resolution number or document id to a text. */
static bool find_text(const gv_model *m, const gv_output *o, const char *id, int *doc, int *text) {
  *text = gv_model_find_text(m, id, doc);
  if (*text >= 0)
    return true;
  *doc = gv_model_find_doc(m, id);
  if (*doc >= 0 && m->docs[*doc].n_texts == 1) {
    *text = 0;
    return true;
  }
  if (*doc >= 0)
    fprintf(o->err, "gavel: document '%s' holds %zu texts; name one by its symbol\n", id,
            m->docs[*doc].n_texts);
  else
    fprintf(o->err,
            "gavel: no text '%s' (give a draft symbol such as A/C.1/75/L.4, a resolution "
            "number such as 75/32 or a document id; `gavel list` lists them)\n",
            id);
  return false;
}

/* ---- shared formatting ---- */

static const char *country_name(const gv_model *m, int c) {
  return gv_countries_get(m->countries, (size_t)c)->name;
}

static void print_vote_line(const gv_model *m, const gv_output *o, const char *tag, int vi) {
  const gv_vote *v = &m->votes[vi];
  fprintf(o->out, "%s %s%s%s  %s  %s: %s%s%d-%d-%d\n", tag, o->color ? BOLD : "", v->id,
          o->color ? RESET : "", gv_vote_date(m, v), gv_vote_about(m, v),
          v->outcome ? v->outcome : "", v->outcome ? " " : "", v->counted[GV_YES],
          v->counted[GV_NO], v->counted[GV_ABSTAIN]);
}

/* Prints `label` then the names, wrapped at WRAP columns under an indent. */
static void print_wrapped(FILE *f, const char *label, const char *const *names, size_t n) {
  size_t indent = gv_display_width(label, strlen(label)), col = indent;
  fputs(label, f);
  for (size_t i = 0; i < n; i++) {
    size_t w = gv_display_width(names[i], strlen(names[i])) + (i + 1 < n ? 1 : 0);
    if (i > 0 && col + 1 + w > WRAP) {
      fprintf(f, "\n%*s", (int)indent, "");
      col = indent;
    } else if (i > 0) {
      fputc(' ', f);
      col++;
    }
    fprintf(f, "%s%s", names[i], i + 1 < n ? "," : "");
    col += w;
  }
  fputc('\n', f);
}

/* ---- compare ---- */

static void print_transition_table(const gv_model *m, const gv_output *o, const gv_transition *t) {
  (void)m;
  const char *headers[] = {"first \\ second", "yes", "no", "abstain", "absent", "total"};
  gv_table *tab = gv_table_new(6, headers);
  for (size_t c = 1; c < 6; c++)
    gv_table_align_right(tab, c);
  for (int r = 0; r <= GV_BALLOT_COUNT; r++) {
    char cells[6][16];
    const char *row[6];
    row[0] = r < GV_BALLOT_COUNT ? gv_ballot_name(gv_ballot_order[r]) : "total";
    int sum = 0;
    for (int c = 0; c < GV_BALLOT_COUNT; c++) {
      int k = r < GV_BALLOT_COUNT ? t->count[gv_ballot_order[r]][gv_ballot_order[c]]
                                  : t->total[1][gv_ballot_order[c]];
      sum += k;
      snprintf(cells[c + 1], sizeof cells[c + 1], "%d", k);
      row[c + 1] = cells[c + 1];
    }
    snprintf(cells[5], sizeof cells[5], "%d", sum);
    row[5] = cells[5];
    gv_table_add(tab, row);
  }
  gv_table_print(tab, o->out, false);
  gv_table_free(tab);
}

/* Prints one cell's countries, one line (wrapped) per regional group. */
static void print_cell(const gv_model *m, const gv_output *o, const gv_transition *t, gv_ballot a,
                       gv_ballot b) {
  int n = t->count[a][b];
  fprintf(o->out, "\n%s%s -> %s%s (%d)\n", o->color ? BOLD : "", gv_ballot_name(a),
          gv_ballot_name(b), o->color ? RESET : "", n);
  const char **names = gv_xcalloc((size_t)n + 1, sizeof *names);
  for (int i = 0; i < n;) {
    gv_group g = gv_countries_get(m->countries, (size_t)t->members[a][b][i])->group;
    size_t k = 0;
    for (; i < n && gv_countries_get(m->countries, (size_t)t->members[a][b][i])->group == g; i++)
      names[k++] = country_name(m, t->members[a][b][i]);
    char *label = gv_xasprintf("  %s: ", gv_group_short(g));
    print_wrapped(o->out, label, names, k);
    free(label);
  }
  free(names);
}

static void print_transition_tsv(const gv_model *m, const gv_output *o, const gv_transition *t,
                                 bool all) {
  const char *headers[] = {"iso3", "country", "vote1", "vote2"};
  gv_table *tab = gv_table_new(4, headers);
  size_t n = 0;
  int *members = gv_members_by_group(m, &n);
  for (size_t i = 0; i < n; i++) {
    const gv_country *c = gv_countries_get(m->countries, (size_t)members[i]);
    gv_ballot a = gv_vote_ballot(&m->votes[t->vote_a], members[i]);
    gv_ballot b = gv_vote_ballot(&m->votes[t->vote_b], members[i]);
    if (all || a != b)
      gv_table_addv(tab, c->iso3, c->name, gv_ballot_name(a), gv_ballot_name(b));
  }
  free(members);
  gv_table_print(tab, o->out, true);
  gv_table_free(tab);
}

int gv_cmd_compare(const gv_model *m, const gv_output *o, int argc, char **argv) {
  const char *pos[2];
  int n_pos;
  bool all;
  if (!parse_args(o, argc, argv, pos, 2, &n_pos, &all) || n_pos != 2)
    return usage(o, "compare VOTE1 VOTE2 [--all] [--tsv]");
  int va = find_vote(m, o, pos[0]), vb = va < 0 ? -1 : find_vote(m, o, pos[1]);
  if (va < 0 || vb < 0)
    return 2;
  gv_transition t;
  gv_transition_build(m, va, vb, &t);
  if (tsv_flag(o, argc, argv)) {
    print_transition_tsv(m, o, &t, all);
  } else {
    print_vote_line(m, o, "first: ", va);
    print_vote_line(m, o, "second:", vb);
    fprintf(o->out, "%d member states changed their vote\n\n", t.changed);
    print_transition_table(m, o, &t);
    for (int r = 0; r < GV_BALLOT_COUNT; r++)
      for (int c = 0; c < GV_BALLOT_COUNT; c++) {
        gv_ballot a = gv_ballot_order[r], b = gv_ballot_order[c];
        if (t.count[a][b] > 0 && (all || a != b))
          print_cell(m, o, &t, a, b);
      }
  }
  gv_transition_free(&t);
  return 0;
}

/* ---- agree ---- */

static void format_score(char *buf, size_t size, const gv_agreement *a, bool tsv) {
  if (tsv)
    snprintf(buf, size, "%.4f", a->score);
  else
    gv_format_score(buf, size, a->score);
}

static void add_agreement_row(gv_table *tab, const gv_model *m, const gv_agreement *a, size_t rank,
                              bool tsv) {
  const gv_country *c = gv_countries_get(m->countries, (size_t)a->country);
  char r[24], sh[24], same[24], half[24], opp[24], score[32];
  snprintf(r, sizeof r, "%zu", rank);
  snprintf(sh, sizeof sh, "%d", a->shared);
  snprintf(same, sizeof same, "%d", a->same);
  snprintf(half, sizeof half, "%d", a->half);
  snprintf(opp, sizeof opp, "%d", a->opposite);
  format_score(score, sizeof score, a, tsv);
  const char *row[] = {r, c->iso3, c->name, gv_group_short(c->group), score, sh, same, half, opp};
  gv_table_add(tab, row);
}

/* Prints the ranked list: everything, or the ends with "…" between. */
static void print_ranking(const gv_model *m, const gv_output *o, int country, bool all, bool tsv) {
  size_t n = 0;
  gv_agreement *r = gv_agreement_rank(m, country, &n);
  const char *headers[] = {"rank",   "iso3", "country", "group",   "agreement",
                           "shared", "same", "half",    "opposite"};
  gv_table *tab = gv_table_new(9, headers);
  for (size_t c = 4; c < 9; c++)
    gv_table_align_right(tab, c);
  gv_table_align_right(tab, 0);
  bool cut = !all && !tsv && n > 2 * AGREE_ENDS + 1;
  for (size_t i = 0; i < n; i++) {
    if (cut && i == AGREE_ENDS) {
      gv_table_addv(tab, "…", "", "", "", "", "", "", "", "");
      i = n - AGREE_ENDS;
    }
    add_agreement_row(tab, m, &r[i], i + 1, tsv);
  }
  if (n == 0 && !tsv)
    fprintf(o->out, "no shared votes with any other member state\n");
  else
    gv_table_print(tab, o->out, tsv);
  gv_table_free(tab);
  free(r);
}

static void print_pair(const gv_model *m, const gv_output *o, int a, int b, bool tsv) {
  gv_agreement s = gv_agreement_pair(m, a, b);
  if (!tsv) {
    char score[16];
    format_score(score, sizeof score, &s, false);
    fprintf(o->out,
            "%s and %s: %s agreement over %d shared votes (%d same, %d with one abstaining, %d "
            "opposite)\n\n",
            country_name(m, a), country_name(m, b), score, s.shared, s.same, s.half, s.opposite);
  }
  size_t n = 0;
  gv_pair_vote *pv = gv_agreement_votes(m, a, b, &n);
  const char *headers[] = {"date", "vote", gv_countries_get(m->countries, (size_t)a)->iso3,
                           gv_countries_get(m->countries, (size_t)b)->iso3, "agreement"};
  gv_table *tab = gv_table_new(5, headers);
  gv_table_align_right(tab, 4);
  for (size_t i = 0; i < n; i++) {
    static const char *const points[] = {"0", "0.5", "1"};
    const gv_vote *v = &m->votes[pv[i].vote];
    gv_table_addv(tab, gv_vote_date(m, v), v->id, gv_ballot_name(pv[i].a), gv_ballot_name(pv[i].b),
                  pv[i].points2 < 0 ? "-" : points[pv[i].points2]);
  }
  gv_table_print(tab, o->out, tsv);
  gv_table_free(tab);
  free(pv);
}

int gv_cmd_agree(const gv_model *m, const gv_output *o, int argc, char **argv) {
  const char *pos[2];
  int n_pos;
  bool all;
  if (!parse_args(o, argc, argv, pos, 2, &n_pos, &all) || n_pos < 1)
    return usage(o, "agree COUNTRY [COUNTRY2] [--all] [--tsv]");
  int a = find_country(m, o, pos[0]);
  int b = a >= 0 && n_pos == 2 ? find_country(m, o, pos[1]) : -1;
  if (a < 0 || (n_pos == 2 && b < 0))
    return 2;
  bool tsv = tsv_flag(o, argc, argv);
  if (n_pos == 2) {
    print_pair(m, o, a, b, tsv);
    return 0;
  }
  if (!tsv)
    fprintf(o->out, "Agreement with %s over the recorded votes both took part in\n\n",
            country_name(m, a));
  print_ranking(m, o, a, true, tsv);
  return 0;
}

/* ---- country ---- */

static const char *sponsor_role(const gv_history *h, const gv_vote *v) {
  for (size_t i = 0; i < h->n_sponsored; i++)
    if (h->sponsored[i].doc == v->doc && h->sponsored[i].text == v->text)
      return h->sponsored[i].joined ? "joined" : "submitted";
  return "";
}

static void print_history_tsv(const gv_model *m, const gv_output *o, const gv_history *h) {
  const char *headers[] = {"vote",    "date",          "series",
                           "ballot",  "previous_vote", "previous_ballot",
                           "changed", "intended",      "sponsor"};
  gv_table *tab = gv_table_new(9, headers);
  for (size_t g = 0; g < h->n_groups; g++)
    for (size_t i = 0; i < h->groups[g].n; i++) {
      const gv_history_vote *hv = &h->groups[g].votes[i];
      const gv_vote *v = &m->votes[hv->vote], *p = hv->prev >= 0 ? &m->votes[hv->prev] : NULL;
      gv_table_addv(
          tab, v->id, gv_vote_date(m, v), gv_text_title(m, h->groups[g].doc, h->groups[g].text),
          gv_ballot_name(hv->ballot), p ? p->id : "",
          p ? gv_ballot_name(gv_vote_ballot(p, h->country)) : "", hv->changed ? "yes" : "no",
          hv->intended >= 0 ? gv_ballot_name((gv_ballot)hv->intended) : "", sponsor_role(h, v));
    }
  gv_table_print(tab, o->out, true);
  gv_table_free(tab);
}

static void print_history_group(const gv_model *m, const gv_output *o, const gv_history *h,
                                const gv_history_group *g) {
  fprintf(o->out, "\n%s%s%s\n", o->color ? BOLD : "", gv_text_title(m, g->doc, g->text),
          o->color ? RESET : "");
  const char *headers[] = {"", "date", "vote", "ballot", "change"};
  gv_table *tab = gv_table_new(5, headers);
  for (size_t i = 0; i < g->n; i++) {
    const gv_history_vote *hv = &g->votes[i];
    const gv_vote *v = &m->votes[hv->vote];
    char *change =
        hv->changed ? gv_xasprintf("* was %s in %s",
                                   gv_ballot_name(gv_vote_ballot(&m->votes[hv->prev], h->country)),
                                   m->votes[hv->prev].id)
                    : gv_xstrdup("");
    gv_table_addv(tab, "", gv_vote_date(m, v), v->id, gv_ballot_name(hv->ballot), change);
    free(change);
  }
  gv_table_print(tab, o->out, false);
  gv_table_free(tab);
}

static void print_sponsorships(const gv_model *m, const gv_output *o, const gv_history *h) {
  fprintf(o->out, "\nSponsored drafts (%zu)\n", h->n_sponsored);
  if (!h->n_sponsored)
    return;
  const char *headers[] = {"", "draft", "role", "vote on it", "title"};
  gv_table *tab = gv_table_new(5, headers);
  for (size_t i = 0; i < h->n_sponsored; i++) {
    const gv_sponsorship *s = &h->sponsored[i];
    const gv_text *t = &m->docs[s->doc].texts[s->text];
    char *vote = s->vote < 0 ? gv_xstrdup("no recorded vote")
                             : gv_xasprintf("%s%s", gv_ballot_name(s->ballot),
                                            s->ballot == GV_YES ? "" : "  * not yes");
    gv_table_addv(tab, "", t->symbol ? t->symbol : "?", s->joined ? "joined" : "submitted", vote,
                  gv_text_title(m, s->doc, s->text));
    free(vote);
  }
  gv_table_print(tab, o->out, false);
  gv_table_free(tab);
}

static void print_intentions(const gv_model *m, const gv_output *o, const gv_history *h) {
  size_t n = 0;
  for (size_t g = 0; g < h->n_groups; g++)
    for (size_t i = 0; i < h->groups[g].n; i++)
      n += h->groups[g].votes[i].intended >= 0 || h->groups[g].votes[i].note;
  fprintf(o->out, "\nIntended votes (%zu)\n", n);
  for (size_t g = 0; g < h->n_groups; g++)
    for (size_t i = 0; i < h->groups[g].n; i++) {
      const gv_history_vote *hv = &h->groups[g].votes[i];
      if (hv->intended < 0 && !hv->note)
        continue;
      fprintf(o->out, "  %s: voted %s", m->votes[hv->vote].id, gv_ballot_name(hv->ballot));
      if (hv->intended >= 0)
        fprintf(o->out, ", intended %s", gv_ballot_name((gv_ballot)hv->intended));
      fprintf(o->out, "%s%s%s\n", hv->note ? ": \"" : "", hv->note ? hv->note : "",
              hv->note ? "\"" : "");
    }
}

int gv_cmd_country(const gv_model *m, const gv_output *o, int argc, char **argv) {
  const char *pos[1];
  int n_pos;
  bool all;
  if (!parse_args(o, argc, argv, pos, 1, &n_pos, &all) || n_pos != 1)
    return usage(o, "country NAME [--all] [--tsv]");
  int c = find_country(m, o, pos[0]);
  if (c < 0)
    return 2;
  gv_history *h = gv_history_build(m, c);
  if (tsv_flag(o, argc, argv)) {
    print_history_tsv(m, o, h);
    gv_history_free(h);
    return 0;
  }
  const gv_country *k = gv_countries_get(m->countries, (size_t)c);
  fprintf(o->out, "%s%s%s (%s), %s%s\n", o->color ? BOLD : "", k->name, o->color ? RESET : "",
          k->iso3, gv_group_name(k->group), k->member ? "" : ", observer state");
  fprintf(o->out, "\nRecorded votes (%zu) by series; * marks a change from the previous text\n",
          gv_history_count(h));
  for (size_t g = 0; g < h->n_groups; g++)
    print_history_group(m, o, h, &h->groups[g]);
  print_sponsorships(m, o, h);
  print_intentions(m, o, h);
  fprintf(o->out, "\nAgreement with other member states%s\n",
          all ? "" : " (highest and lowest; --all for every one)");
  print_ranking(m, o, c, all, false);
  gv_history_free(h);
  return 0;
}

/* ---- diff ---- */

static const char *para_label(const gv_para *p) {
  return p->label && *p->label ? p->label : "(unlabelled)";
}

static void print_diff_head(const gv_model *m, const gv_output *o, const char *mark, int doc,
                            int text) {
  gv_buf b = {0};
  gv_diff_text_name(m, doc, text, &b);
  fprintf(o->out, "%s%s %s%s\n", o->color ? BOLD : "", mark, b.data, o->color ? RESET : "");
  gv_buf_free(&b);
}

/* Returns the marked text of one aligned pair.  Caller frees. */
static char *pair_text(const gv_para_pair *p, const gv_para *a, const gv_para *b, bool color) {
  gv_marked m = {0};
  gv_mark_pair(p, a, b, &m);
  char *text = gv_marked_ansi(&m, color);
  gv_marked_free(&m);
  return text;
}

static void print_pair_unified(const gv_output *o, const gv_para_pair *p, const gv_para *a,
                               const gv_para *b) {
  fprintf(o->out, "%s@@ ", o->color ? CYAN : "");
  if (p->a >= 0)
    fputs(para_label(&a[p->a]), o->out);
  if (p->a >= 0 && p->b >= 0 && strcmp(para_label(&a[p->a]), para_label(&b[p->b])) != 0)
    fputs(" -> ", o->out);
  if (p->b >= 0 && (p->a < 0 || strcmp(para_label(&a[p->a]), para_label(&b[p->b])) != 0))
    fputs(para_label(&b[p->b]), o->out);
  fprintf(o->out, " (%s%s)%s\n", p->moved ? "moved" : gv_pair_status_name(p),
          p->moved && p->status == GV_PARA_CHANGED ? ", changed" : "", o->color ? RESET : "");
  char *text = pair_text(p, a, b, o->color);
  fprintf(o->out, "%s\n", text);
  free(text);
}

static void print_alignment_tsv(const gv_output *o, const gv_alignment *al, const gv_para *a,
                                const gv_para *b) {
  const char *headers[] = {"status", "moved", "label1", "label2", "text"};
  gv_table *tab = gv_table_new(5, headers);
  for (size_t k = 0; k < al->n; k++) {
    const gv_para_pair *p = &al->pairs[k];
    char *text = pair_text(p, a, b, false);
    gv_table_addv(tab, gv_pair_status_name(p), p->moved ? "yes" : "no",
                  p->a >= 0 ? para_label(&a[p->a]) : "", p->b >= 0 ? para_label(&b[p->b]) : "",
                  text);
    free(text);
  }
  gv_table_print(tab, o->out, true);
  gv_table_free(tab);
}

static void print_alignment(const gv_output *o, const gv_alignment *al, const gv_para *a,
                            const gv_para *b, bool all) {
  for (size_t k = 0; k < al->n; k++) {
    const gv_para_pair *p = &al->pairs[k];
    if (all || p->status != GV_PARA_UNCHANGED || p->moved) {
      fputc('\n', o->out);
      print_pair_unified(o, p, a, b);
    }
  }
  fputc('\n', o->out);
  if (gv_alignment_identical(al))
    fprintf(o->out, "identical: %zu paragraphs, no change\n", al->n);
  else
    fprintf(o->out, "%zu changed, %zu added, %zu removed, %zu moved, %zu unchanged\n",
            al->n_changed, al->n_added, al->n_removed, al->n_moved, al->n_unchanged);
}

int gv_cmd_diff(const gv_model *m, const gv_output *o, int argc, char **argv) {
  const char *pos[2];
  int n_pos;
  bool all;
  if (!parse_args(o, argc, argv, pos, 2, &n_pos, &all) || n_pos != 2)
    return usage(o, "diff TEXT1 TEXT2 [--all] [--tsv]");
  int da, ta, db, tb;
  if (!find_text(m, o, pos[0], &da, &ta) || !find_text(m, o, pos[1], &db, &tb))
    return 2;
  size_t na = 0, nb = 0;
  gv_para *a = gv_text_paragraphs(m, da, ta, &na, NULL);
  gv_para *b = gv_text_paragraphs(m, db, tb, &nb, NULL);
  gv_alignment *al = gv_align(a, na, b, nb);
  if (tsv_flag(o, argc, argv)) {
    print_alignment_tsv(o, al, a, b);
  } else {
    print_diff_head(m, o, "---", da, ta);
    print_diff_head(m, o, "+++", db, tb);
    print_alignment(o, al, a, b, all);
  }
  gv_alignment_free(al);
  free(a);
  free(b);
  return 0;
}
