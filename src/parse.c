/* gavel: second parsing stage: blocks to the document's paragraph tree. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gavel/text.h"
#include "parse_internal.h"

/* ---- nodes ---------------------------------------------------------- */

/* Removes '*' emphasis marks; when the text starts with an emphasized run,
 * stores its length (after removal) in *lead. Caller frees. */
static char *strip_emphasis(const char *s, size_t *lead) {
  char *out = gv_xmalloc(strlen(s) + 1); /* exact: models keep it */
  size_t len = 0;
  *lead = 0;
  bool open = false, first = true;
  for (const char *p = s; *p; p++) {
    if (*p != '*') {
      size_t run = strcspn(p, "*");
      memcpy(out + len, p, run);
      len += run;
      if (first && strspn(p, " ") < run)
        first = false;
      p += run - 1;
      continue;
    }
    if (!open && first && p[1] && p[1] != ' ') {
      open = true;
    } else if (open) {
      *lead = len;
      open = false;
      first = false;
    }
  }
  if (open)
    *lead = 0;
  out[len] = '\0';
  return out;
}

/* Guesses the emphasized lead of a paragraph without markup: "Recalling",
 * "Calls upon", "Also decides", "Expressing concern". */
static size_t guess_lead(const char *s) {
  static const char *const seconds[] = {"upon", "also", "further", "concern", "in",
                                        "mind", "note", "deep",    "with",    "again"};
  size_t n = strcspn(s, " ,;:");
  if (!n || !isupper((unsigned char)s[0]))
    return 0;
  bool adverb =
      strncmp(s, "Also ", 5) == 0 || strncmp(s, "Further ", 8) == 0 || strncmp(s, "Again ", 6) == 0;
  for (int words = 1; words < 4 && s[n] == ' '; words++) {
    const char *w = s + n + 1;
    size_t wn = strcspn(w, " ,;:");
    bool take = adverb && words == 1;
    for (size_t i = 0; !take && i < sizeof seconds / sizeof seconds[0]; i++)
      take = wn == strlen(seconds[i]) && strncmp(w, seconds[i], wn) == 0;
    if (!take)
      break;
    n += 1 + wn;
  }
  return n;
}

static void add_footnote_refs(gv_parser *p, int node, const char *text) {
  for (const char *s = text + strcspn(text, "\xC2\xE2"); *s;) {
    char marker[8];
    size_t m = 0, len;
    int d;
    while (m < sizeof marker - 1 && (d = gv_superscript_digit(s, &len)) >= 0) {
      marker[m++] = (char)('0' + d);
      s += len;
    }
    if (m) {
      gv_fn_ref r = {node, p->text, p->block, {0}};
      memcpy(r.marker, marker, m);
      GV_PUSH(p->refs, p->n_refs, p->cap_refs, r);
    } else {
      s++;
      s += strcspn(s, "\xC2\xE2"); /* the lead bytes of superscript digits */
    }
  }
}

int gv_p_add_node(gv_parser *p, gv_node_kind kind, const char *label, const char *text,
                  int parent) {
  gv_document *d = p->doc;
  size_t lead = 0;
  char *clean = strip_emphasis(text ? text : "", &lead);
  if (!lead && (kind == GV_NODE_PP || kind == GV_NODE_OP))
    lead = guess_lead(clean);
  gv_node n = {kind,   gv_xstrdup(label ? label : ""),
               clean,  lead,
               parent, parent >= 0 ? d->nodes[parent].depth + 1 : 0,
               0,      p->text,
               -1,     NULL,
               0,      NULL,
               0,      p->line};
  GV_PUSH(d->nodes, d->n_nodes, p->cap_nodes, n);
  int idx = (int)d->n_nodes - 1;
  add_footnote_refs(p, idx, clean);
  return idx;
}

/* ---- headings and metadata -------------------------------------------- */

static char *strip_stars(const char *s) {
  gv_buf b = {0};
  gv_buf_add(&b, "", 0);
  while (*s) {
    size_t run = strcspn(s, "*");
    gv_buf_add(&b, s, run);
    s += run;
    s += strspn(s, "*");
  }
  char *r = gv_buf_take(&b);
  size_t n = strlen(r);
  while (n && r[n - 1] == ' ')
    r[--n] = '\0';
  return r;
}

static void set_field(char **field, const char *value) {
  if (!*field && value)
    *field = gv_xstrdup(value);
}

/* "[on the report of the First Committee (A/75/394, para. 17)]" */
static void parse_on_report(gv_parser *p, const char *s) {
  const char *c = strstr(s, "on the report of the ");
  if (!c)
    return;
  c += strlen("on the report of the ");
  const char *paren = strchr(c, '(');
  if (paren) {
    char *committee = gv_xstrndup(c, (size_t)(paren - c - 1));
    set_field(&p->doc->committee, committee);
    free(committee);
    size_t n = strcspn(paren + 1, ",)");
    char *sym = gv_xstrndup(paren + 1, n);
    set_field(&p->doc->report_symbol, sym);
    free(sym);
    const char *para = strstr(paren, "para. ");
    if (para)
      p->doc->report_para = atoi(para + 6);
  }
}

/* Recognizes one heading-area block; returns true when it said something. */
static bool parse_header_block(gv_parser *p, const char *s, bool *agenda_next) {
  gv_document *d = p->doc;
  const char *m;
  bool known = false;
  if ((m = strstr(s, "Distr."))) {
    const char *q = m;
    while (*q && !isdigit((unsigned char)*q))
      q++;
    if (*q && !d->date)
      d->date = gv_parse_date(q, 0, NULL);
    known = true;
  }
  int session = gv_parse_session(s);
  if (session && !d->session)
    d->session = session, known = true;
  if ((m = strstr(s, "Agenda item "))) {
    d->agenda_item = atoi(m + strlen("Agenda item "));
    *agenda_next = true;
    return true;
  }
  if ((m = strstr(s, "Report of the ")) && m == s) {
    d->kind = GV_DOC_REPORT;
    set_field(&d->committee, s + strlen("Report of the "));
    return true;
  }
  if (gv_starts_with(s, "Rapporteur:")) {
    char *r = strip_stars(s + strlen("Rapporteur:") + (s[11] == ' '));
    set_field(&d->rapporteur, r);
    free(r);
    return true;
  }
  if ((m = strstr(s, "adopted by the General Assembly"))) {
    d->kind = gv_starts_with(s, "Decision") ? GV_DOC_OTHER : GV_DOC_RESOLUTION;
    const char *on = strstr(m, " on ");
    if (on) {
      free(d->date);
      d->date = gv_parse_date(on + 4, 0, NULL);
    }
    return true;
  }
  if (strstr(s, "on the report of the ")) {
    parse_on_report(p, s);
    return true;
  }
  if (isdigit((unsigned char)s[0])) { /* "75/32. Title" */
    char *end;
    long sess = strtol(s, &end, 10);
    if (*end == '/' && isdigit((unsigned char)end[1])) {
      long num = strtol(end + 1, &end, 10);
      if (*end == '.' && end[1] == ' ') {
        d->symbol = gv_xasprintf("A/RES/%ld/%ld", sess, num);
        free(d->title);
        d->title = gv_xstrdup(end + 2);
        if (!d->session)
          d->session = (int)sess;
        return true;
      }
    }
  }
  if (*agenda_next && !known && strcmp(s, "General Assembly") != 0) {
    set_field(&d->agenda_title, s);
    *agenda_next = false;
    return true;
  }
  return known || strcmp(s, "General Assembly") == 0 || gv_starts_with(s, "Original:");
}

/* ---- texts ------------------------------------------------------------ */

static void close_text(gv_parser *p) {
  p->text = -1;
  p->text_para = p->text_sub = -1;
  p->n_pp = p->last_op = 0;
  p->in_ops = false;
  p->want_title = false;
}

static int start_text(gv_parser *p, gv_text_kind kind, const char *ordinal, const char *title,
                      int parent) {
  close_text(p);
  gv_document *d = p->doc;
  gv_text t = {kind, NULL, gv_xstrdup(ordinal), gv_xstrdup(title), -1, NULL, 0, NULL, 0, -1, -1, -1,
               -1,   NULL};
  GV_PUSH(d->texts, d->n_texts, p->cap_texts, t);
  p->text = (int)d->n_texts - 1;
  const char *what = kind == GV_TEXT_DRAFT_DECISION ? "Draft decision" : "Draft resolution";
  char *label = kind == GV_TEXT_RESOLUTION
                    ? gv_xasprintf("Resolution %s", d->symbol ? d->symbol + 6 : "")
                    : (ordinal ? gv_xasprintf("%s %s", what, ordinal) : gv_xstrdup(what));
  int root = gv_p_add_node(p, GV_NODE_TEXT, label, title ? title : "", parent);
  free(label);
  d->texts[p->text].root = root;
  p->want_title = title == NULL;
  return p->text;
}

/* "Draft resolution II Advancing …" or "Draft decision I". */
static bool draft_heading(gv_parser *p, const char *s) {
  bool decision = gv_starts_with(s, "Draft decision");
  if (!decision && !gv_starts_with(s, "Draft resolution"))
    return false;
  const char *r = s + (decision ? 14 : 16);
  if (*r && *r != ' ')
    return false;
  while (*r == ' ')
    r++;
  size_t n = strspn(r, "IVXL");
  if (r[n] && r[n] != ' ')
    n = 0;
  if (!n && *r && !isupper((unsigned char)*r))
    return false; /* prose starting with "Draft resolution …" */
  char *ordinal = n ? gv_xstrndup(r, n) : NULL;
  const char *title = r + n;
  while (*title == ' ')
    title++;
  int parent = p->para >= 0 ? p->para : (p->section0 >= 0 ? p->section0 : -1);
  start_text(p, decision ? GV_TEXT_DRAFT_DECISION : GV_TEXT_DRAFT_RESOLUTION, ordinal,
             *title ? title : NULL, parent);
  free(ordinal);
  return true;
}

static void set_text_title(gv_parser *p, const char *s) {
  gv_text *t = &p->doc->texts[p->text];
  char *clean = strip_stars(s);
  free(t->title);
  t->title = clean;
  gv_node *root = &p->doc->nodes[t->root];
  free(root->text);
  root->text = gv_xstrdup(clean);
  p->want_title = false;
}

static void add_pp(gv_parser *p, const char *s) {
  char *label = gv_xasprintf("PP%d", ++p->n_pp);
  p->text_para = gv_p_add_node(p, GV_NODE_PP, label, s, p->doc->texts[p->text].root);
  p->text_sub = -1;
  free(label);
}

static void add_op(gv_parser *p, int number, const char *s) {
  char *label = gv_xasprintf("OP%d", number);
  p->text_para = gv_p_add_node(p, GV_NODE_OP, label, s, p->doc->texts[p->text].root);
  p->text_sub = -1;
  p->last_op = number;
  p->in_ops = true;
  free(label);
}

/* A sub-paragraph "(a) …" or "1.1. …" inside a text. */
static void add_text_sub(gv_parser *p, const char *mark, const char *s) {
  int parent = p->text_para;
  bool roman = p->text_sub >= 0 && strchr("ivx", mark[1]) &&
               !(mark[1] == 'i' && strstr(p->doc->nodes[p->text_sub].label, "(h)"));
  if (roman && strchr(p->doc->nodes[p->text_sub].label, '('))
    parent = p->text_sub;
  else if (roman)
    roman = false;
  if (parent < 0)
    parent = p->doc->texts[p->text].root;
  const char *base = p->doc->nodes[parent].kind == GV_NODE_TEXT ? "" : p->doc->nodes[parent].label;
  char *label = gv_xasprintf("%s%s", base, mark);
  int node = gv_p_add_node(p, GV_NODE_SUB, label, s, parent);
  free(label);
  if (!roman)
    p->text_sub = node;
}

/* ---- body blocks ------------------------------------------------------ */

/* Parses "12. " or "1.1. " at s: returns the first number, stores the
 * second (or 0) and the text start. */
static int numbered(const char *s, int *sub, const char **rest) {
  char *end;
  if (!isdigit((unsigned char)*s))
    return 0;
  long a = strtol(s, &end, 10);
  *sub = 0;
  if (*end != '.')
    return 0;
  if (isdigit((unsigned char)end[1])) {
    long b = strtol(end + 1, &end, 10);
    if (*end == '.')
      end++;
    *sub = (int)b;
  } else {
    end++;
  }
  if (*end != ' ')
    return 0;
  *rest = end + 1;
  return a > 0 && a < 10000 ? (int)a : 0;
}

/* Parses "(a) " at s: stores the mark "(a)" and the text start. */
static bool lettered(const char *s, char *mark, size_t cap, const char **rest) {
  if (s[0] != '(')
    return false;
  const char *close = strchr(s, ')');
  if (!close || close[1] != ' ' || (size_t)(close - s + 2) > cap || close - s > 6)
    return false;
  for (const char *q = s + 1; q < close; q++)
    if (!isalnum((unsigned char)*q))
      return false;
  memcpy(mark, s, (size_t)(close - s + 1));
  mark[close - s + 1] = '\0';
  *rest = close + 2;
  return true;
}

/* "II. Consideration of proposals" or "B. Draft resolution X". */
static bool section_heading(gv_parser *p, const char *s) {
  size_t n = strspn(s, "IVX");
  bool roman = n > 0 && s[n] == '.' && s[n + 1] == ' ';
  bool letter = !roman && isupper((unsigned char)s[0]) && s[1] == '.' && s[2] == ' ';
  if (!roman && !letter)
    return false;
  close_text(p);
  size_t ln = roman ? n : 1;
  char *label = gv_xstrndup(s, ln);
  const char *title = s + ln + 2;
  p->para = -1;
  if (roman) {
    p->section0 = gv_p_add_node(p, GV_NODE_SECTION, label, title, -1);
    p->section1 = -1;
  } else {
    p->section1 = gv_p_add_node(p, GV_NODE_SECTION, label, title, p->section0);
    gv_section_info info = {0};
    info.symbol = gv_p_find_draft_symbol(title);
    info.decision = strstr(title, "draft decision") || strstr(title, "Draft decision");
    GV_PUSH(p->sections, p->n_sections, p->cap_sections, info);
    p->cur_section_info = (int)p->n_sections - 1;
  }
  free(label);
  return true;
}

static void report_para(gv_parser *p, int number, const char *rest) {
  close_text(p);
  char *label = gv_xasprintf("%d", number);
  int parent = p->section1 >= 0 ? p->section1 : p->section0;
  p->para = gv_p_add_node(p, GV_NODE_PARAGRAPH, label, rest, parent);
  p->last_para_number = number;
  free(label);
  gv_p_report_paragraph(p, p->para);
  const char *colon = rest + strlen(rest);
  while (colon > rest && (colon[-1] == ' ' || (unsigned char)colon[-1] >= 0x80))
    colon--;
  if (strstr(rest, "recommends") && colon > rest && colon[-1] == ':') {
    p->want_text = true;
    p->want_decision = strstr(rest, "draft decision") != NULL;
  }
}

static void report_item(gv_parser *p, const char *mark, const char *rest) {
  int parent = p->para >= 0 ? p->para : (p->section1 >= 0 ? p->section1 : p->section0);
  char *label = gv_xasprintf(
      "%s%s", parent == p->para && p->para >= 0 ? p->doc->nodes[p->para].label : "", mark);
  int item = gv_p_add_node(p, GV_NODE_ITEM, label, rest, parent);
  free(label);
  gv_p_report_paragraph(p, item);
}

static void numbered_block(gv_parser *p, int number, int sub, const char *rest, const char *s) {
  if (p->text >= 0 && sub) {
    char mark[32];
    snprintf(mark, sizeof mark, ".%d", sub);
    if (p->text_para < 0 || p->doc->nodes[p->text_para].kind != GV_NODE_OP)
      add_op(p, number, "");
    add_text_sub(p, mark, rest);
  } else if (p->text >= 0 && (number == p->last_op + 1 || !p->in_ops) &&
             !(p->doc->kind == GV_DOC_REPORT && number == p->last_para_number + 1 &&
               number != p->last_op + 1)) {
    add_op(p, number, rest);
  } else if (p->doc->kind == GV_DOC_REPORT) {
    report_para(p, number, rest);
  } else if (p->text >= 0) {
    add_op(p, number, rest);
  } else {
    report_para(p, number, s);
  }
}

/* "37th plenary meeting 7 December 2020" ends a resolution. */
static bool plenary_footer(gv_parser *p, const char *s) {
  size_t used;
  char *clean = strip_stars(s);
  int n = gv_parse_ordinal(clean, &used);
  bool hit = n && gv_starts_with(clean + used, " plenary meeting");
  if (hit) {
    used += strlen(" plenary meeting");
    if (!p->doc->meeting)
      p->doc->meeting = gv_xstrndup(clean, used);
    const char *rest = clean + used;
    while (*rest == ' ')
      rest++;
    char *date = gv_parse_date(rest, 0, NULL);
    if (date && !p->doc->date)
      p->doc->date = date;
    else
      free(date);
    close_text(p);
  }
  free(clean);
  return hit;
}

static void general_assembly(gv_parser *p, const char *s) {
  if (p->text < 0) {
    gv_text_kind kind = p->want_decision ? GV_TEXT_DRAFT_DECISION : GV_TEXT_DRAFT_RESOLUTION;
    if (p->doc->kind == GV_DOC_RESOLUTION)
      kind = GV_TEXT_RESOLUTION;
    start_text(p, kind, NULL, p->doc->kind == GV_DOC_RESOLUTION ? p->doc->title : NULL,
               p->doc->kind == GV_DOC_RESOLUTION ? -1 : p->para);
  }
  p->want_title = false;
  p->want_text = false;
  char *clean = strip_stars(s);
  gv_p_add_node(p, GV_NODE_PREAMBLE, "", clean, p->doc->texts[p->text].root);
  free(clean);
}

static void plain_block(gv_parser *p, const char *s) {
  if (p->text >= 0 && p->want_title) {
    set_text_title(p, s);
  } else if (p->want_text && p->text < 0) {
    char *title = strip_stars(s);
    start_text(p, p->want_decision ? GV_TEXT_DRAFT_DECISION : GV_TEXT_DRAFT_RESOLUTION, NULL, title,
               p->para);
    free(title);
    p->want_text = false;
  } else if (p->text >= 0 && !p->in_ops) {
    add_pp(p, s);
  } else if (p->text >= 0) {
    gv_p_add_node(p, GV_NODE_PARAGRAPH, "", s, p->doc->texts[p->text].root);
  } else {
    int parent = p->para >= 0 ? p->para : (p->section1 >= 0 ? p->section1 : p->section0);
    int node = gv_p_add_node(p, GV_NODE_PARAGRAPH, "", s, parent);
    gv_p_report_paragraph(p, node);
  }
}

static void body_block(gv_parser *p, const gv_block *b) {
  const char *s = b->text;
  const char *rest;
  int sub;
  char mark[16];
  if (b->list) {
    gv_p_list_block(p, s);
  } else if (gv_p_list_header(p, s)) {
  } else if (draft_heading(p, s)) {
  } else if (gv_starts_with(s, "The General Assembly")) {
    general_assembly(p, s);
  } else if (section_heading(p, s)) {
  } else if (plenary_footer(p, s)) {
  } else if (numbered(s, &sub, &rest)) {
    numbered_block(p, numbered(s, &sub, &rest), sub, rest, s);
  } else if (lettered(s, mark, sizeof mark, &rest)) {
    if (p->text >= 0)
      add_text_sub(p, mark, rest);
    else
      report_item(p, mark, rest);
  } else {
    plain_block(p, s);
  }
}

/* ---- footnotes ---------------------------------------------------------- */

static void add_footnote_def(gv_parser *p, const gv_block *b) {
  gv_document *d = p->doc;
  size_t lead;
  char *text = strip_emphasis(b->text, &lead);
  gv_footnote f = {gv_xstrdup(b->marker), text, -1, b->line};
  size_t cap = p->cap_footnotes;
  GV_PUSH(d->footnotes, d->n_footnotes, p->cap_footnotes, f);
  if (p->cap_footnotes != cap) {
    p->fn_scope = gv_xrealloc(p->fn_scope, p->cap_footnotes * sizeof *p->fn_scope);
    p->fn_block = gv_xrealloc(p->fn_block, p->cap_footnotes * sizeof *p->fn_block);
  }
  p->fn_scope[d->n_footnotes - 1] = p->text;
  p->fn_block[d->n_footnotes - 1] = p->block;
}

/* Picks the definition a marker refers to: same scope, the first at or after
 * the citing block, else the last before it. */
static int resolve_ref(const gv_parser *p, const gv_fn_ref *r) {
  int before = -1;
  for (size_t i = 0; i < p->doc->n_footnotes; i++) {
    if (strcmp(p->doc->footnotes[i].marker, r->marker) != 0 || p->fn_scope[i] != r->scope)
      continue;
    if (p->fn_block[i] >= r->block)
      return (int)i;
    before = (int)i;
  }
  return before;
}

static void attach_footnotes(gv_parser *p) {
  gv_document *d = p->doc;
  for (size_t i = 0; i < p->n_refs; i++) {
    int f = resolve_ref(p, &p->refs[i]);
    if (f < 0)
      continue;
    gv_node *n = &d->nodes[p->refs[i].node];
    bool dup = false;
    for (size_t k = 0; k < n->n_footnotes; k++)
      dup = dup || n->footnotes[k] == f;
    if (dup)
      continue;
    n->footnotes = gv_xrealloc(n->footnotes, (n->n_footnotes + 1) * sizeof *n->footnotes);
    n->footnotes[n->n_footnotes++] = f;
    if (d->footnotes[f].node < 0)
      d->footnotes[f].node = p->refs[i].node;
  }
}

/* ---- citations ---------------------------------------------------------- */

static void add_citation(gv_parser *p, int node, const char *sym, size_t n) {
  gv_document *d = p->doc;
  gv_citation c = {gv_xstrndup(sym, n), node, -1, -1};
  GV_PUSH(d->citations, d->n_citations, p->cap_citations, c);
  gv_node *nd = &d->nodes[node];
  nd->citations = gv_xrealloc(nd->citations, (nd->n_citations + 1) * sizeof *nd->citations);
  nd->citations[nd->n_citations++] = (int)d->n_citations - 1;
}

/* Finds resolution numbers ("73/27") and document symbols ("A/70/174") in
 * the text of paragraphs that belong to texts. */
static void find_citations(gv_parser *p) {
  for (size_t i = 0; i < p->doc->n_nodes; i++) {
    const gv_node *nd = &p->doc->nodes[i];
    if (nd->text_index < 0 || nd->kind == GV_NODE_TEXT)
      continue;
    const char *t = nd->text;
    if (!strchr(t, '/')) /* every citation has one */
      continue;
    for (size_t k = 0; t[k]; k++) {
      if (t[k] != 'A' && !(t[k] >= '0' && t[k] <= '9'))
        continue; /* citations start so */
      bool start =
          k == 0 || !(isalnum((unsigned char)t[k - 1]) || t[k - 1] == '/' || t[k - 1] == '.');
      if (!start)
        continue;
      size_t j = k;
      if (t[j] == 'A' && t[j + 1] == '/')
        j += 2;
      size_t d1 = strspn(t + j, "0123456789");
      if (d1 < 2 || d1 > 3 || t[j + d1] != '/')
        continue;
      size_t d2 = strspn(t + j + d1 + 1, "0123456789");
      size_t end = j + d1 + 1 + d2;
      if (!d2 || isalnum((unsigned char)t[end]) || t[end] == '/')
        continue;
      add_citation(p, (int)i, t + k, end - k);
      k = end - 1;
    }
  }
}

/* ---- document ------------------------------------------------------------ */

static void compute_descendants(gv_document *d) {
  for (size_t i = 0; i < d->n_nodes; i++)
    for (int a = d->nodes[i].parent; a >= 0; a = d->nodes[a].parent)
      d->nodes[a].n_desc++;
}

static bool parse_header(gv_parser *p, const gv_blocks *bl, size_t *first_body) {
  bool agenda_next = false, any = false;
  size_t i = 0;
  for (; i < bl->n; i++) {
    const gv_block *b = &bl->items[i];
    if (b->footnote)
      continue;
    if (gv_is_structural_start(b->text))
      break;
    char *clean = strip_stars(b->text);
    any = parse_header_block(p, clean, &agenda_next) || any;
    free(clean);
  }
  *first_body = i;
  gv_document *d = p->doc;
  if (d->kind == GV_DOC_REPORT && !d->title)
    d->title = gv_xstrdup(d->agenda_title);
  if (!d->title && d->agenda_title)
    d->title = gv_xstrdup(d->agenda_title);
  p->year = d->date ? atoi(d->date) : 0;
  return any && (d->session || d->kind != GV_DOC_OTHER);
}

static void parser_free(gv_parser *p) {
  for (size_t i = 0; i < p->n_sections; i++) {
    gv_section_info *s = &p->sections[i];
    free(s->symbol);
    free(s->ordinal);
    free(s->title);
    free(s->sponsors);
    free(s->joined);
  }
  free(p->sections);
  free(p->fn_scope);
  free(p->fn_block);
  free(p->refs);
  free(p->meeting);
  free(p->date);
}

bool gv_parse_document(const char *path, const char *data, size_t len,
                       const gv_country_table *countries, int doc_index, gv_document *doc,
                       gv_votes *votes, gv_diag *diag) {
  gv_blocks bl = {0};
  if (!gv_prep_blocks(path, data, len, &bl, diag))
    return false;
  gv_parser p = {0};
  bool own_memo = gv_p_memo_begin();
  p.path = path;
  p.countries = countries;
  p.doc = doc;
  p.votes = votes;
  p.diag = diag;
  p.doc_index = doc_index;
  p.section0 = p.section1 = p.para = p.text = p.vote = -1;
  p.text_para = p.text_sub = p.cur_section_info = -1;
  p.vote_base = votes->n;
  doc->kind = GV_DOC_OTHER;
  doc->path = gv_xstrdup(path);
  size_t first = 0;
  bool ok = parse_header(&p, &bl, &first);
  if (!ok || first == bl.n) {
    gv_diag_add(diag, GV_ERROR, path, 0,
                "not a UN document: no session, agenda item, report or resolution heading found");
    gv_blocks_free(&bl);
    parser_free(&p);
    if (own_memo)
      gv_p_memo_end();
    return false;
  }
  for (size_t i = first; i < bl.n; i++) {
    p.block = i;
    p.line = bl.items[i].line;
    if (bl.items[i].footnote)
      add_footnote_def(&p, &bl.items[i]);
    else
      body_block(&p, &bl.items[i]);
  }
  attach_footnotes(&p);
  find_citations(&p);
  compute_descendants(doc);
  gv_p_finish_votes(&p);
  doc->nodes = gv_xrealloc(doc->nodes, doc->n_nodes * sizeof *doc->nodes); /* no slack kept */
  gv_blocks_free(&bl);
  parser_free(&p);
  if (own_memo)
    gv_p_memo_end();
  return true;
}
