/* gavel: the commands list, votes, show and check. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gavel/commands.h"
#include "gavel/table.h"
#include "gavel/util.h"

char *gv_tally_string(const int t[4]) {
  gv_buf b = {0};
  for (int k = GV_YES; k <= GV_ABSTAIN; k++) {
    if (t[k] < 0)
      gv_buf_adds(&b, "?");
    else
      gv_buf_printf(&b, "%d", t[k]);
    if (k < GV_ABSTAIN)
      gv_buf_addc(&b, '-');
  }
  return gv_buf_take(&b);
}

int gv_cmd_list(const gv_model *m, const gv_output *o, int argc, char **argv) {
  (void)argc, (void)argv;
  const char *h[] = {"id", "kind", "session", "date", "symbol", "texts", "votes", "title"};
  gv_table *t = gv_table_new(8, h);
  gv_table_align_right(t, 2);
  gv_table_align_right(t, 5);
  gv_table_align_right(t, 6);
  for (size_t i = 0; i < m->n_docs; i++) {
    const gv_document *d = &m->docs[i];
    size_t votes = 0;
    for (size_t v = 0; v < m->n_votes; v++)
      votes += m->votes[v].doc == (int)i;
    char sess[16], nt[16], nv[16];
    snprintf(sess, sizeof sess, "%d", d->session);
    snprintf(nt, sizeof nt, "%zu", d->n_texts);
    snprintf(nv, sizeof nv, "%zu", votes);
    gv_table_addv(t, d->id, gv_doc_kind_name(d->kind), sess, d->date ? d->date : "-",
                  d->symbol ? d->symbol : "-", nt, nv, d->title ? d->title : "");
  }
  gv_table_print(t, o->out, o->tsv);
  gv_table_free(t);
  return 0;
}

static bool tally_matches(const gv_vote *v) {
  for (int k = GV_YES; k <= GV_ABSTAIN; k++)
    if (v->stated[k] != v->counted[k])
      return false;
  return true;
}

int gv_cmd_votes(const gv_model *m, const gv_output *o, int argc, char **argv) {
  (void)argc, (void)argv;
  const char *h[] = {"id", "date", "subject", "stated", "counted", "absent"};
  gv_table *t = gv_table_new(6, h);
  gv_table_align_right(t, 5);
  for (size_t i = 0; i < m->n_votes; i++) {
    const gv_vote *v = &m->votes[i];
    char *stated = gv_tally_string(v->stated), *counted = gv_tally_string(v->counted);
    char absent[16];
    snprintf(absent, sizeof absent, "%d", v->counted[GV_ABSENT]);
    char *mark = gv_xasprintf("%s%s", counted, tally_matches(v) || o->tsv ? "" : " (differs)");
    gv_table_addv(t, v->id, v->date ? v->date : "-", v->description, stated, mark, absent);
    free(stated);
    free(counted);
    free(mark);
  }
  gv_table_print(t, o->out, o->tsv);
  gv_table_free(t);
  return 0;
}
