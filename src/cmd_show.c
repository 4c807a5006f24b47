/* gavel: the commands show and check. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gavel/commands.h"
#include "gavel/compare.h"
#include "gavel/text.h"
#include "gavel/util.h"

/* ---- show: paragraph trees ---------------------------------------------- */

static void show_node(const gv_model *m, const gv_document *d, int i, int base_depth,
                      const gv_output *o) {
  const gv_node *n = &d->nodes[i];
  int depth = n->depth - base_depth;
  const char *vote = n->vote >= 0 ? m->votes[n->vote].id : "";
  if (o->tsv) {
    fprintf(o->out, "%d\t%s\t%s\t%s\t", depth, d->id, n->label, vote);
    for (const char *c = n->text; *c; c++)
      fputc(*c == '\t' || *c == '\n' ? ' ' : *c, o->out);
    fputc('\n', o->out);
    return;
  }
  fprintf(o->out, "%*s%s%s%s", depth * 2, "", n->label, *n->label ? "  " : "", n->text);
  if (n->vote >= 0 && n->kind != GV_NODE_VOTE) {
    char *t = gv_tally_string(m->votes[n->vote].counted);
    fprintf(o->out, "  [recorded vote %s: %s]", vote, t);
    free(t);
  }
  fputc('\n', o->out);
  for (size_t f = 0; f < n->n_footnotes; f++) {
    const gv_footnote *fn = &d->footnotes[n->footnotes[f]];
    fprintf(o->out, "%*s[footnote %s] %s\n", depth * 2 + 4, "", fn->marker, fn->text);
  }
}

static void show_subtree(const gv_model *m, const gv_document *d, int root, const gv_output *o) {
  int base = root >= 0 ? d->nodes[root].depth : 0;
  int first = root >= 0 ? root : 0;
  int last = root >= 0 ? root + d->nodes[root].n_desc : (int)d->n_nodes - 1;
  if (o->tsv)
    fputs("depth\tdoc\tlabel\tvote\ttext\n", o->out);
  for (int i = first; i <= last; i++)
    show_node(m, d, i, base, o);
}

static void show_document(const gv_model *m, const gv_document *d, const gv_output *o) {
  if (!o->tsv) {
    fprintf(o->out, "%s: %s\n", d->id, d->title ? d->title : "(untitled)");
    fprintf(o->out, "%s, session %d", gv_doc_kind_name(d->kind), d->session);
    if (d->agenda_item)
      fprintf(o->out, ", agenda item %d", d->agenda_item);
    if (d->date)
      fprintf(o->out, ", %s", d->date);
    if (d->symbol)
      fprintf(o->out, ", %s", d->symbol);
    fputs("\n\n", o->out);
  }
  show_subtree(m, d, -1, o);
}

/* ---- show: votes ----------------------------------------------------------- */

/* Prints names wrapped to 78 columns, indented by two. */
static void print_names(FILE *out, const char *const *names, size_t n) {
  size_t col = 0;
  for (size_t i = 0; i < n; i++) {
    size_t w = gv_display_width(names[i], strlen(names[i])) + (i + 1 < n ? 1 : 0);
    if (col && col + 1 + w > 78) {
      fputc('\n', out);
      col = 0;
    }
    fputs(col ? " " : "  ", out);
    fprintf(out, "%s%s", names[i], i + 1 < n ? "," : "");
    col += (col ? 1 : 2) + w;
  }
  if (n)
    fputc('\n', out);
}

static void show_list(const gv_model *m, const gv_vote *v, gv_ballot b, const char *title,
                      FILE *out) {
  size_t nc = gv_countries_count(m->countries), n = 0;
  const char **names = gv_xcalloc(nc + 1, sizeof *names);
  for (size_t c = 0; c < nc; c++) {
    const gv_country *k = gv_countries_get(m->countries, c);
    if (k->member && v->ballots[c] == b)
      names[n++] = k->name;
  }
  fprintf(out, "\n%s (%zu):\n", title, n);
  print_names(out, names, n);
  free(names);
}

static void show_intentions(const gv_model *m, const gv_vote *v, FILE *out) {
  size_t nc = gv_countries_count(m->countries);
  bool any = false;
  for (size_t c = 0; c < nc; c++) {
    if (!v->notes[c])
      continue;
    if (!any)
      fputs("\nIntended votes (the recorded vote stands):\n", out);
    any = true;
    fprintf(out, "  %s: %s (recorded: %s)\n", gv_countries_get(m->countries, c)->name, v->notes[c],
            gv_ballot_name((gv_ballot)v->ballots[c]));
  }
}

/* Lists the draft's sponsors whose ballot was not yes. */
static void show_sponsor_dissent(const gv_model *m, int vote, FILE *out) {
  size_t n;
  int *who = gv_sponsors_not_yes(m, vote, &n);
  if (n)
    fputs("\nSponsors who did not vote yes:\n", out);
  for (size_t i = 0; i < n; i++)
    fprintf(out, "  %s: %s\n", gv_countries_get(m->countries, (size_t)who[i])->name,
            gv_ballot_name((gv_ballot)m->votes[vote].ballots[who[i]]));
  free(who);
}

static void show_vote_tsv(const gv_model *m, const gv_vote *v, FILE *out) {
  fputs("iso3\tcountry\tvote\tnote\n", out);
  size_t nc = gv_countries_count(m->countries);
  for (size_t c = 0; c < nc; c++) {
    const gv_country *k = gv_countries_get(m->countries, c);
    if (k->member)
      fprintf(out, "%s\t%s\t%s\t%s\n", k->iso3, k->name, gv_ballot_name((gv_ballot)v->ballots[c]),
              v->notes[c] ? v->notes[c] : "");
  }
}

static void show_vote(const gv_model *m, const gv_vote *v, const gv_output *o) {
  if (o->tsv) {
    show_vote_tsv(m, v, o->out);
    return;
  }
  const gv_document *d = &m->docs[v->doc];
  char *stated = gv_tally_string(v->stated), *counted = gv_tally_string(v->counted);
  fprintf(o->out, "%s: %s (%s)\n", v->id, v->description, v->outcome);
  fprintf(o->out, "in %s", d->id);
  if (v->meeting)
    fprintf(o->out, ", %s", v->meeting);
  if (v->date)
    fprintf(o->out, ", %s", v->date);
  fprintf(o->out, "\nstated %s, counted %s\n", stated, counted);
  if (v->node >= 0 && v->subject != GV_SUBJECT_WHOLE)
    fprintf(o->out, "\n%s  %s\n", d->nodes[v->node].label, d->nodes[v->node].text);
  show_list(m, v, GV_YES, "In favour", o->out);
  show_list(m, v, GV_NO, "Against", o->out);
  show_list(m, v, GV_ABSTAIN, "Abstaining", o->out);
  show_list(m, v, GV_ABSENT, "Absent or not voting", o->out);
  show_intentions(m, v, o->out);
  show_sponsor_dissent(m, (int)(v - m->votes), o->out);
  free(stated);
  free(counted);
}

int gv_cmd_show(const gv_model *m, const gv_output *o, int argc, char **argv) {
  if (argc != 2) {
    fputs("gavel: show wants one ID: a document (gavel list), a vote (gavel votes) or a "
          "text's symbol\n",
          o->err);
    return 2;
  }
  int d = gv_model_find_doc(m, argv[1]);
  if (d >= 0) {
    show_document(m, &m->docs[d], o);
    return 0;
  }
  int v = gv_model_find_vote(m, argv[1]);
  if (v >= 0) {
    show_vote(m, &m->votes[v], o);
    return 0;
  }
  int t = gv_model_find_text(m, argv[1], &d);
  if (t >= 0) {
    show_subtree(m, &m->docs[d], m->docs[d].texts[t].root, o);
    return 0;
  }
  fprintf(o->err, "gavel: no document, vote or text '%s' (see gavel list and gavel votes)\n",
          argv[1]);
  return 2;
}

/* ---- check ---------------------------------------------------------------- */

static size_t check_vote(const gv_model *m, const gv_vote *v, FILE *out) {
  size_t fails = 0;
  for (int k = GV_YES; k <= GV_ABSTAIN; k++)
    if (v->stated[k] != v->counted[k]) {
      char *s = gv_tally_string(v->stated), *c = gv_tally_string(v->counted);
      fprintf(out, "%s: stated tally %s but the lists count %s\n", v->id, s, c);
      free(s);
      free(c);
      fails++;
      break;
    }
  if (v->text < 0) {
    fprintf(out, "%s: no recommended text has the symbol %s\n", v->id, v->draft_symbol);
    fails++;
  } else if (v->node < 0) {
    fprintf(out, "%s: %s%d not found in %s\n", v->id, v->para_kind == 'P' ? "PP" : "OP",
            v->para_number, v->draft_symbol);
    fails++;
  }
  (void)m;
  return fails;
}

int gv_cmd_check(const gv_model *m, const gv_output *o, int argc, char **argv) {
  (void)argc, (void)argv;
  size_t fails = 0;
  for (size_t i = 0; i < m->n_votes; i++)
    fails += check_vote(m, &m->votes[i], o->out);
  size_t load = o->load ? o->load->n : 0;
  if (load)
    fprintf(o->out, "loading reported %zu problem%s (above)\n", load, load == 1 ? "" : "s");
  fails += load;
  if (!m->n_docs) {
    fputs("no documents loaded\n", o->out);
    fails++;
  }
  if (fails) {
    fprintf(o->out, "check failed: %zu problem%s\n", fails, fails == 1 ? "" : "s");
    return 1;
  }
  fprintf(o->out,
          "ok: %zu documents, %zu recorded votes; every tally matches its lists, every name "
          "resolves, every paragraph vote points at its paragraph\n",
          m->n_docs, m->n_votes);
  return 0;
}
