/* gavel: the paragraph tree pane: a document's sections, paragraphs and
 * drafts, folding, wrapped text, vote markers and footnotes. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gavel/app.h"

typedef struct {
  gv_list list; /* over the visible nodes */
  int doc;      /* -1 before a document is shown */
  bool *folded; /* per node of the document */
  bool *notes;  /* per node: footnotes shown */
  int *vis;     /* visible node indices */
  size_t n_vis, cap_vis;
  int *row_node; /* the node drawn on each content row by the last draw */
  int n_rows;
  int base_doc, base_text; /* the text marked with m, or -1 */
} tree_state;

/* Labels wider than this go at the start of the text, not in a column. */
enum { LONG_LABEL = 6 };

/* A node's text with its vote tally appended, and where each style applies. */
typedef struct {
  gv_buf body;
  size_t label_end; /* a long label ("Draft resolution I") starts the body */
  size_t lead_end, tally_start;
  gv_style base;
  int text_x;     /* column of the text within the pane */
  gv_span *match; /* search matches, as byte ranges of body */
  size_t n_match;
} node_text;

static const gv_document *tree_doc(gv_app *app, const tree_state *s) {
  return s->doc >= 0 ? &app->model->docs[s->doc] : NULL;
}

static int cursor_node(const tree_state *s) {
  return s->n_vis ? s->vis[s->list.cursor] : -1;
}

static void rebuild(gv_app *app, tree_state *s, int keep_node) {
  const gv_document *d = tree_doc(app, s);
  s->n_vis = 0;
  for (size_t i = 0; d && i < d->n_nodes; i++) {
    GV_PUSH(s->vis, s->n_vis, s->cap_vis, (int)i);
    if (s->folded[i])
      i += (size_t)d->nodes[i].n_desc;
  }
  s->list.count = (int)s->n_vis;
  s->list.cursor = 0;
  for (int n = keep_node; d && n >= 0; n = d->nodes[n].parent)
    for (size_t v = 0; v < s->n_vis; v++)
      if (s->vis[v] == n) {
        s->list.cursor = (int)v;
        return;
      }
}

static void tree_open(gv_app *app, void *state) {
  (void)app;
  tree_state *s = state;
  s->doc = s->base_doc = s->base_text = -1;
}

static void tree_done(void *state) {
  tree_state *s = state;
  free(s->folded);
  free(s->notes);
  free(s->vis);
  free(s->row_node);
}

static gv_list *tree_list(gv_app *app, void *state) {
  (void)app;
  return &((tree_state *)state)->list;
}

/* ---- composing and drawing one node ---- */

static void tally(const gv_vote *v, gv_buf *b) {
  int y = v->stated[GV_YES] >= 0 ? v->stated[GV_YES] : v->counted[GV_YES];
  int n = v->stated[GV_NO] >= 0 ? v->stated[GV_NO] : v->counted[GV_NO];
  int a = v->stated[GV_ABSTAIN] >= 0 ? v->stated[GV_ABSTAIN] : v->counted[GV_ABSTAIN];
  gv_buf_printf(b, "[vote %d-%d-%d", y, n, a);
  if (v->outcome)
    gv_buf_printf(b, " %s", v->outcome);
  gv_buf_adds(b, "]");
}

/* Composes node i for a pane `width` wide; with `matches`, finds the search
 * matches to highlight (drawing needs them, measuring does not). */
static void compose(gv_app *app, const gv_document *d, int i, int width, bool matches,
                    node_text *t) {
  const gv_node *n = &d->nodes[i];
  memset(t, 0, sizeof *t);
  int label_w = gv_text_columns(n->label, strlen(n->label));
  if (label_w > LONG_LABEL) {
    gv_buf_printf(&t->body, "%s ", n->label);
    t->label_end = t->body.len;
    label_w = 0;
  }
  if (n->text[0]) {
    size_t at = t->body.len;
    gv_buf_adds(&t->body, n->text);
    if (matches)
      t->match = gv_search_spans(app, n->text, strlen(n->text), &t->n_match);
    for (size_t k = 0; k < t->n_match; k++)
      t->match[k].start += at, t->match[k].end += at;
  } else if (n->kind == GV_NODE_TEXT && n->text_index >= 0) {
    const gv_text *x = &d->texts[n->text_index];
    gv_buf_printf(&t->body, "%s %s", x->symbol ? x->symbol : "", x->title ? x->title : "");
  }
  t->lead_end = t->label_end + n->lead_len < t->body.len ? t->label_end + n->lead_len : t->body.len;
  t->tally_start = t->body.len;
  if (n->vote >= 0 && (size_t)n->vote < app->model->n_votes) {
    if (t->body.len)
      gv_buf_addc(&t->body, ' ');
    t->tally_start = t->body.len;
    tally(&app->model->votes[n->vote], &t->body);
  }
  t->base =
      n->kind == GV_NODE_SECTION || n->kind == GV_NODE_TEXT ? GV_STYLE_TITLE : GV_STYLE_NORMAL;
  int indent = n->depth * 2 < width / 3 ? n->depth * 2 : width / 3;
  t->text_x = 1 + indent + 2 + (label_w ? label_w + 1 : 0);
  if (t->text_x > width - 12)
    t->text_x = width - 12 > 3 ? width - 12 : 3;
}

/* Returns the style of body byte pos and stores where that style ends in *end. */
static gv_style style_at(const node_text *t, size_t pos, gv_style override, size_t *end) {
  size_t cuts[3] = {t->label_end, t->lead_end, t->tally_start};
  gv_style styles[4] = {GV_STYLE_LABEL, GV_STYLE_LEAD, t->base, GV_STYLE_MARKER};
  int k = 0;
  while (k < 3 && pos >= cuts[k])
    k++;
  *end = k < 3 ? cuts[k] : t->body.len;
  for (size_t m = 0; m < t->n_match; m++) {
    if (pos >= t->match[m].start && pos < t->match[m].end) {
      *end = t->match[m].end;
      return GV_STYLE_MATCH;
    }
    if (t->match[m].start > pos && t->match[m].start < *end)
      *end = t->match[m].start;
  }
  return override != GV_STYLE_NORMAL ? override : styles[k];
}

/* Draws body[a..b) in runs of one style: label, lead, text, tally, matches. */
static void put_styled(gv_canvas *c, int x, int y, int w, const node_text *t, size_t a, size_t b,
                       gv_style override) {
  for (size_t from = a, to; from < b && w > 0; from = to) {
    gv_style st = style_at(t, from, override, &to);
    if (to > b || to <= from)
      to = b;
    int used = gv_canvas_put(c, x, y, w, t->body.data + from, to - from, st);
    x += used;
    w -= used;
  }
}

static void draw_prefix(gv_canvas *c, const gv_node *n, int x, int y, const node_text *t,
                        bool folded, gv_style sel) {
  if (n->vote >= 0)
    gv_canvas_puts(c, x, y, 1, "*", sel ? sel : GV_STYLE_MARKER);
  const char *label = t->label_end ? "" : n->label;
  int indent = t->text_x - 3 - (label[0] ? gv_text_columns(label, strlen(label)) + 1 : 0);
  int fx = x + 1 + (indent > 0 ? indent : 0);
  if (n->n_desc > 0)
    gv_canvas_puts(c, fx, y, 1, folded ? "+" : "-", sel ? sel : GV_STYLE_DIM);
  gv_canvas_puts(c, fx + 2, y, x + t->text_x - fx - 3, label, sel ? sel : GV_STYLE_LABEL);
}

/* Draws (when c is not NULL) or measures footnote lines; returns rows. */
static int footnote_rows(const gv_document *d, const gv_node *n, gv_canvas *c, int x, int y, int w,
                         int max_rows, gv_style sel) {
  int rows = 0;
  for (size_t f = 0; f < n->n_footnotes; f++) {
    const gv_footnote *fn = &d->footnotes[n->footnotes[f]];
    char *line = gv_xasprintf("[%s] %s", fn->marker, fn->text);
    size_t *st, nl = gv_wrap(line, strlen(line), w, &st);
    for (size_t l = 0; l < nl; l++, rows++)
      if (c && rows < max_rows)
        gv_canvas_put(c, x, y + rows, w, line + st[l], st[l + 1] - st[l], sel ? sel : GV_STYLE_DIM);
    free(st);
    free(line);
  }
  return rows;
}

/* Draws node i at row y in at most max_rows rows of the rectangle (c NULL:
 * only measures); returns the rows the node takes. */
static int node_rows(gv_app *app, tree_state *s, int i, gv_canvas *c, gv_rect r, int y,
                     int max_rows, bool selected) {
  const gv_document *d = tree_doc(app, s);
  const gv_node *n = &d->nodes[i];
  node_text t;
  compose(app, d, i, r.w, c != NULL, &t);
  size_t *st, nl = gv_wrap(t.body.data ? t.body.data : "", t.body.len, r.w - t.text_x, &st);
  int rows = (int)(nl ? nl : 1);
  gv_style sel = selected ? GV_STYLE_SELECTED : GV_STYLE_NORMAL;
  if (c && selected)
    gv_canvas_fill(c, (gv_rect){r.x, y, r.w, rows < max_rows ? rows : max_rows}, sel);
  if (c)
    draw_prefix(c, n, r.x, y, &t, s->folded[i], sel);
  for (size_t l = 0; c && l < nl && (int)l < max_rows; l++)
    put_styled(c, r.x + t.text_x, y + (int)l, r.w - t.text_x, &t, st[l], st[l + 1], sel);
  if (s->notes[i]) {
    int fx = t.text_x + 2;
    rows += footnote_rows(d, n, c, r.x + fx, y + rows, r.w - fx, max_rows - rows, sel);
  }
  free(st);
  free(t.match);
  gv_buf_free(&t.body);
  return rows;
}

/* Scrolls so that the whole cursor node is on screen when it fits. */
static void scroll_to_cursor(gv_app *app, tree_state *s, gv_rect r) {
  gv_list *l = &s->list;
  if (l->top > l->cursor)
    l->top = l->cursor;
  int rows = 0;
  for (int v = l->cursor; v >= l->top; v--)
    rows += node_rows(app, s, s->vis[v], NULL, r, 0, r.h, false);
  while (rows > r.h && l->top < l->cursor)
    rows -= node_rows(app, s, s->vis[l->top++], NULL, r, 0, r.h, false);
}

static void tree_draw(gv_app *app, void *state, gv_canvas *c, gv_rect r) {
  tree_state *s = state;
  if (!tree_doc(app, s) || !s->n_vis) {
    gv_canvas_puts(c, r.x + 1, r.y, r.w - 1, "No paragraphs.", GV_STYLE_DIM);
    return;
  }
  scroll_to_cursor(app, s, r);
  s->row_node = gv_xrealloc(s->row_node, (size_t)r.h * sizeof *s->row_node);
  s->n_rows = r.h;
  bool focused = app->focus == GV_VIEW_TREE && !app->help;
  int y = 0;
  for (int v = s->list.top; v < (int)s->n_vis && y < r.h; v++) {
    int rows = node_rows(app, s, s->vis[v], c, r, r.y + y, r.h - y, focused && v == s->list.cursor);
    for (int k = y; k < y + rows && k < r.h; k++)
      s->row_node[k] = v;
    y += rows;
  }
  for (; y < r.h; y++)
    s->row_node[y] = -1;
}

/* ---- following, folding, status ---- */

/* Returns the vote of a node: its own, an ancestor's, or its text's. */
static int node_vote(gv_app *app, const gv_document *d, int doc, int node) {
  for (int k = node; k >= 0; k = d->nodes[k].parent) {
    if (d->nodes[k].vote >= 0)
      return d->nodes[k].vote;
    if (d->nodes[k].kind == GV_NODE_TEXT)
      break;
  }
  int text = node >= 0 ? d->nodes[node].text_index : -1;
  if (text < 0 && node >= 0) /* a report section: the first draft inside it */
    for (int k = node + 1; k <= node + d->nodes[node].n_desc && text < 0; k++)
      text = d->nodes[k].text_index;
  if (text < 0 && d->n_texts) /* the introduction: the document's first draft */
    text = 0;
  return text >= 0 ? gv_text_vote(app, doc, text) : -1;
}

static void tree_select(gv_app *app, void *state) {
  tree_state *s = state;
  const gv_document *d = tree_doc(app, s);
  if (!d)
    return;
  gv_docs_show(app, s->doc);
  int vote = node_vote(app, d, s->doc, cursor_node(s));
  if (vote >= 0)
    gv_grid_show(app, vote);
}

static void set_folds(gv_app *app, tree_state *s, bool folded) {
  const gv_document *d = tree_doc(app, s);
  for (size_t i = 0; d && i < d->n_nodes; i++)
    s->folded[i] = folded && d->nodes[i].n_desc > 0;
  rebuild(app, s, cursor_node(s));
}

static gv_request_result toggle_notes(gv_app *app, tree_state *s, int node) {
  const gv_node *n = &tree_doc(app, s)->nodes[node];
  if (!n->n_footnotes) {
    gv_app_message(app, "No footnotes are cited in %s", n->label[0] ? n->label : "this paragraph");
    return GV_HANDLED;
  }
  s->notes[node] = !s->notes[node];
  return GV_HANDLED;
}

static gv_request_result open_node(gv_app *app, tree_state *s, int node) {
  const gv_document *d = tree_doc(app, s);
  const gv_node *n = &d->nodes[node];
  if (n->n_desc > 0) {
    s->folded[node] = !s->folded[node];
    rebuild(app, s, node);
  } else if (n->n_footnotes) {
    toggle_notes(app, s, node);
  } else if (node_vote(app, d, s->doc, node) >= 0) {
    app->focus = GV_VIEW_GRID;
  }
  return GV_HANDLED;
}

static gv_request_result fold_or_parent(gv_app *app, tree_state *s, int node) {
  const gv_node *n = &tree_doc(app, s)->nodes[node];
  if (n->n_desc > 0 && !s->folded[node]) {
    s->folded[node] = true;
    rebuild(app, s, node);
  } else if (n->parent >= 0) {
    rebuild(app, s, n->parent);
    tree_select(app, s);
  }
  return GV_HANDLED;
}

/* m: marks the node's text as the base text of d (again: unmarks it). */
static gv_request_result mark_base(gv_app *app, tree_state *s, int node) {
  const gv_document *d = tree_doc(app, s);
  int text = d->nodes[node].text_index;
  if (text < 0) {
    gv_app_message(app, "Move into a draft or resolution to mark its text");
  } else if (s->base_doc == s->doc && s->base_text == text) {
    s->base_doc = s->base_text = -1;
    gv_app_message(app, "Base text cleared");
  } else {
    s->base_doc = s->doc;
    s->base_text = text;
    gv_app_message(app, "Base text: %s; press d on another text to diff them",
                   d->texts[text].symbol ? d->texts[text].symbol : d->id);
  }
  return GV_HANDLED;
}

static gv_request_result tree_request(gv_app *app, void *state, gv_action a, gv_rect r) {
  (void)r;
  tree_state *s = state;
  int node = cursor_node(s);
  if (node < 0)
    return GV_NOT_MINE;
  switch (a) {
  case GV_ACTION_ENTER:
    return open_node(app, s, node);
  case GV_ACTION_LEFT:
    return fold_or_parent(app, s, node);
  case GV_ACTION_RIGHT:
    s->folded[node] = false;
    rebuild(app, s, node);
    return GV_HANDLED;
  case GV_ACTION_FOLD_ALL:
  case GV_ACTION_UNFOLD_ALL:
    set_folds(app, s, a == GV_ACTION_FOLD_ALL);
    return GV_HANDLED;
  case GV_ACTION_FOOTNOTES:
    return toggle_notes(app, s, node);
  case GV_ACTION_MARK_BASE:
    return mark_base(app, s, node);
  default:
    return GV_NOT_MINE;
  }
}

static void tree_title(gv_app *app, void *state, gv_buf *out) {
  const gv_document *d = tree_doc(app, state);
  if (d)
    gv_buf_printf(out, "%s %s", d->symbol ? d->symbol : d->id, d->title ? d->title : "");
}

static void tree_status(gv_app *app, void *state, gv_buf *out) {
  tree_state *s = state;
  const gv_document *d = tree_doc(app, s);
  int node = cursor_node(s);
  if (!d || node < 0)
    return;
  const gv_node *n = &d->nodes[node];
  gv_buf_printf(out, "%s %s", d->id, n->label[0] ? n->label : "");
  if (n->text_index >= 0 && d->texts[n->text_index].symbol)
    gv_buf_printf(out, " of %s", d->texts[n->text_index].symbol);
  gv_buf_printf(out, ", line %zu", n->line);
  if (n->vote >= 0)
    gv_buf_adds(out, ", recorded vote");
  if (n->n_footnotes)
    gv_buf_printf(out, ", f: %zu footnote%s", n->n_footnotes, n->n_footnotes > 1 ? "s" : "");
  for (size_t k = 0; k < n->n_citations; k++)
    if (d->citations[n->citations[k]].target_doc >= 0) {
      gv_buf_printf(out, ", c: cites %s", d->citations[n->citations[k]].symbol);
      break;
    }
}

static bool tree_click(gv_app *app, void *state, int x, int y, gv_rect r) {
  (void)app, (void)x, (void)r;
  tree_state *s = state;
  if (y >= s->n_rows || s->row_node[y] < 0 || s->row_node[y] == s->list.cursor)
    return false;
  s->list.cursor = s->row_node[y];
  return true;
}

void gv_tree_show(gv_app *app, int doc, int node) {
  tree_state *s = gv_app_state(app, GV_VIEW_TREE);
  if (doc < 0 || (size_t)doc >= app->model->n_docs)
    return;
  if (doc != s->doc) {
    size_t n = app->model->docs[doc].n_nodes;
    free(s->folded);
    free(s->notes);
    s->folded = gv_xcalloc(n ? n : 1, sizeof *s->folded);
    s->notes = gv_xcalloc(n ? n : 1, sizeof *s->notes);
    s->doc = doc;
    s->list.top = 0;
  }
  for (int k = node >= 0 ? app->model->docs[doc].nodes[node].parent : -1; k >= 0;
       k = app->model->docs[doc].nodes[k].parent)
    s->folded[k] = false;
  rebuild(app, s, node >= 0 ? node : 0);
  if (node >= 0)
    s->list.top = s->list.cursor; /* a shown node starts the pane */
}

void gv_show_node(gv_app *app, int doc, int node) {
  gv_docs_show(app, doc);
  gv_tree_show(app, doc, node);
  tree_select(app, gv_app_state(app, GV_VIEW_TREE));
}

int gv_tree_place(gv_app *app, int *node) {
  tree_state *s = gv_app_state(app, GV_VIEW_TREE);
  *node = cursor_node(s);
  return s->doc;
}

const gv_view_ops gv_tree_view = {
    .title = "Paragraphs",
    .hint = "Enter:fold f:notes a/[/]/c:jump ?:help",
    .state_size = sizeof(tree_state),
    .open = tree_open,
    .done = tree_done,
    .list = tree_list,
    .title_detail = tree_title,
    .draw = tree_draw,
    .request = tree_request,
    .select = tree_select,
    .status = tree_status,
    .click = tree_click,
};

int gv_tree_top_node(gv_app *app) {
  tree_state *s = gv_app_state(app, GV_VIEW_TREE);
  return s->n_vis && s->list.top < (int)s->n_vis ? s->vis[s->list.top] : -1;
}

void gv_tree_scroll_to(gv_app *app, int node) {
  tree_state *s = gv_app_state(app, GV_VIEW_TREE);
  for (size_t v = 0; node >= 0 && v < s->n_vis; v++)
    if (s->vis[v] == node && (int)v <= s->list.cursor)
      s->list.top = (int)v;
}

bool gv_tree_base(gv_app *app, int *doc, int *text) {
  tree_state *s = gv_app_state(app, GV_VIEW_TREE);
  *doc = s->base_doc;
  *text = s->base_text;
  return s->base_doc >= 0;
}
