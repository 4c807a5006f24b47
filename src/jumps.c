/* gavel: jumps between related texts: the same series in other sessions, a
 * draft and the resolution adopted from it, and cited resolutions. */
#include "config.h"

#include "gavel/app.h"

/* Stores the text under the tree's cursor; returns its document or -1. */
static int current_text(gv_app *app, int *text, int *node) {
  int doc = gv_tree_place(app, node);
  *text = -1;
  if (doc < 0)
    return -1;
  const gv_document *d = &app->model->docs[doc];
  if (*node >= 0)
    *text = d->nodes[*node].text_index;
  if (*text < 0 && d->n_texts) /* outside the drafts: the first one */
    *text = 0;
  return doc;
}

/* Shows doc (at its text's root when text >= 0) and lets the grid follow. */
static void go_to(gv_app *app, int doc, int text) {
  const gv_document *d = &app->model->docs[doc];
  gv_app_push_history(app);
  gv_show_node(app, doc, text >= 0 && (size_t)text < d->n_texts ? d->texts[text].root : -1);
  const char *name = text >= 0 && d->texts[text].symbol ? d->texts[text].symbol : d->id;
  gv_app_message(app, "Now at %s; < goes back", name);
}

static void jump_series(gv_app *app, int doc, int text, int step) {
  const gv_model *m = app->model;
  int series = text >= 0 ? m->docs[doc].texts[text].series : -1;
  if (series < 0) {
    gv_app_message(app, "This text belongs to no series");
    return;
  }
  const gv_series *se = &m->series[series];
  for (size_t i = 0; i < se->n; i++)
    if (se->docs[i] == doc && se->texts[i] == text) {
      long target = (long)i + step;
      if (target < 0 || (size_t)target >= se->n) {
        gv_app_message(app, "No %s text in the series \"%s\"", step > 0 ? "later" : "earlier",
                       se->title);
        return;
      }
      go_to(app, se->docs[target], se->texts[target]);
      return;
    }
  gv_app_message(app, "This text is not in its series");
}

static void jump_adopted(gv_app *app, int doc, int text) {
  const gv_model *m = app->model;
  const gv_text *t = text >= 0 ? &m->docs[doc].texts[text] : NULL;
  if (t && t->adopted_doc >= 0) {
    const gv_document *target = &m->docs[t->adopted_doc];
    int found = target->n_texts ? 0 : -1;
    for (size_t k = 0; k < target->n_texts; k++)
      if (target->texts[k].from_doc == doc && target->texts[k].from_text == text)
        found = (int)k;
    go_to(app, t->adopted_doc, found);
  } else if (t && t->from_doc >= 0) {
    go_to(app, t->from_doc, t->from_text);
  } else {
    gv_app_message(app, "No draft or adopted resolution of this text is in the corpus");
  }
}

static void jump_citation(gv_app *app, int doc, int node) {
  const gv_document *d = &app->model->docs[doc];
  const gv_node *n = node >= 0 ? &d->nodes[node] : NULL;
  for (size_t k = 0; n && k < n->n_citations; k++) {
    const gv_citation *c = &d->citations[n->citations[k]];
    if (c->target_doc >= 0) {
      go_to(app, c->target_doc, c->target_text);
      return;
    }
  }
  if (n && n->n_citations)
    gv_app_message(app, "%s is not in the corpus", d->citations[n->citations[0]].symbol);
  else
    gv_app_message(app, "This paragraph cites no resolution");
}

/* Stores in *od, *ot the text a draft or resolution counterpart, or else
 * the neighbour in the series, to diff (doc, text) with; returns false when
 * there is none.  *old_first tells whether the other text is the older one. */
static bool diff_partner(const gv_model *m, int doc, int text, int *od, int *ot, bool *old_first) {
  const gv_text *t = &m->docs[doc].texts[text];
  if (t->from_doc >= 0) { /* a resolution: its draft */
    *od = t->from_doc, *ot = t->from_text, *old_first = true;
    return true;
  }
  if (t->adopted_doc >= 0) { /* a draft: the resolution adopted from it */
    const gv_document *r = &m->docs[t->adopted_doc];
    for (size_t k = 0; k < r->n_texts; k++)
      if (r->texts[k].from_doc == doc && r->texts[k].from_text == text) {
        *od = t->adopted_doc, *ot = (int)k, *old_first = false;
        return true;
      }
  }
  if (t->series < 0)
    return false;
  const gv_series *se = &m->series[t->series];
  for (size_t i = 0; i < se->n; i++)
    if (se->docs[i] == doc && se->texts[i] == text && se->n > 1) {
      size_t j = i > 0 ? i - 1 : i + 1; /* the previous text, or else the next */
      *od = se->docs[j], *ot = se->texts[j], *old_first = i > 0;
      return true;
    }
  return false;
}

/* d: diffs the tree's text with the base text, its draft or resolution, or
 * its neighbour in the series. */
static void open_diff(gv_app *app, int doc, int text) {
  int od, ot;
  bool old_first = true;
  if (text < 0) {
    gv_app_message(app, "This document has no draft or resolution text to diff");
    return;
  }
  bool marked = gv_tree_base(app, &od, &ot) && (od != doc || ot != text);
  if (!marked && !diff_partner(app->model, doc, text, &od, &ot, &old_first)) {
    gv_app_message(app, "Nothing to diff with: mark another text with m, then press d here");
    return;
  }
  if (old_first)
    gv_diff_open(app, od, ot, doc, text);
  else
    gv_diff_open(app, doc, text, od, ot);
}

/* v: compares the grid's base vote (or one picked from a list) with its current vote. */
static void open_compare(gv_app *app) {
  int b = gv_grid_vote(app), a = gv_grid_base(app);
  if (b < 0) {
    gv_app_message(app, "No recorded vote to compare");
    return;
  }
  gv_compare_open(app, a == b ? -1 : a, b);
}

/* C: the country view of the grid's row. */
static void open_country(gv_app *app) {
  int c = app->focus == GV_VIEW_GRID ? gv_grid_country(app) : -1;
  if (c < 0) {
    gv_app_message(app, "Move to a country's row (vote grid, compare view), then press C");
    return;
  }
  gv_country_open(app, c);
}

bool gv_jump(gv_app *app, gv_action a) {
  if (a == GV_ACTION_COMPARE || a == GV_ACTION_COUNTRY) {
    if (a == GV_ACTION_COMPARE)
      open_compare(app);
    else
      open_country(app);
    return true;
  }
  if (a != GV_ACTION_NEXT_SERIES && a != GV_ACTION_PREV_SERIES && a != GV_ACTION_ADOPTED &&
      a != GV_ACTION_CITATION && a != GV_ACTION_DIFF)
    return false;
  int text, node, doc = current_text(app, &text, &node);
  if (doc < 0) {
    gv_app_message(app, "No document is shown");
    return true;
  }
  if (a == GV_ACTION_DIFF)
    open_diff(app, doc, text);
  else if (a == GV_ACTION_ADOPTED)
    jump_adopted(app, doc, text);
  else if (a == GV_ACTION_CITATION)
    jump_citation(app, doc, node);
  else
    jump_series(app, doc, text, a == GV_ACTION_NEXT_SERIES ? 1 : -1);
  return true;
}
