/* gavel: country-name lists, intended votes, and linking votes and report
 * sections to the texts they are about. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gavel/text.h"
#include "parse_internal.h"

/* ---- country lists -------------------------------------------------------- */

/* Trims spaces, footnote markers, '*', a trailing full stop and a leading "and ". */
static void trim_name(const char **s, size_t *n) {
  const char *a = *s, *b = *s + *n;
  for (;;) {
    while (a < b && (*a == ' ' || *a == '*'))
      a++;
    if (b - a > 4 && strncmp(a, "and ", 4) == 0) {
      a += 4;
      continue;
    }
    break;
  }
  for (;;) {
    while (b > a && (b[-1] == ' ' || b[-1] == '.' || b[-1] == '*' || b[-1] == ';' || b[-1] == ':'))
      b--;
    if (b - a >= 2 && (unsigned char)b[-2] == 0xC2 &&
        ((unsigned char)b[-1] == 0xB9 || (unsigned char)b[-1] == 0xB2 ||
         (unsigned char)b[-1] == 0xB3)) {
      b -= 2; /* ¹ ² ³ */
      continue;
    }
    if (b - a >= 3 && (unsigned char)b[-3] == 0xE2 && (unsigned char)b[-2] == 0x81) {
      b -= 3; /* ⁰ ⁴ … ⁹ */
      continue;
    }
    break;
  }
  *s = a;
  *n = (size_t)(b - a);
}

static void push_index(int **out, size_t *n, size_t *cap, int v) {
  GV_PUSH(*out, *n, *cap, v);
}

/* Resolves one list item; tries splitting at " and " ("Venezuela and
 * Zimbabwe"). Returns false when nothing resolved. */
/* Country names already looked up while parsing the current document (on
 * this thread): vote lists repeat the same names. */
typedef struct {
  char **keys;
  int *vals;
  size_t n, n_slots;
} name_memo;

static _Thread_local name_memo *current_memo;

static size_t memo_hash(const char *s, size_t n) {
  size_t h = 5381;
  for (size_t i = 0; i < n; i++)
    h = h * 33 + (unsigned char)s[i];
  return h;
}

/* Returns the slot of name s[0..n) in m: its own, or the empty one to use. */
static size_t memo_slot(const name_memo *m, const char *s, size_t n) {
  size_t mask = m->n_slots - 1, i = memo_hash(s, n) & mask;
  while (m->keys[i] && !(strlen(m->keys[i]) == n && memcmp(m->keys[i], s, n) == 0))
    i = (i + 1) & mask;
  return i;
}

static void memo_grow(name_memo *m) {
  name_memo big = {gv_xcalloc(m->n_slots * 2, sizeof(char *)),
                   gv_xcalloc(m->n_slots * 2, sizeof(int)), m->n, m->n_slots * 2};
  for (size_t i = 0; i < m->n_slots; i++) {
    if (!m->keys[i])
      continue;
    size_t j = memo_slot(&big, m->keys[i], strlen(m->keys[i]));
    big.keys[j] = m->keys[i];
    big.vals[j] = m->vals[i];
  }
  free(m->keys);
  free(m->vals);
  *m = big;
}

/* gv_countries_lookup(), remembered for the current document. */
static int lookup(const gv_country_table *ct, const char *s, size_t n) {
  name_memo *m = current_memo;
  if (!m || memchr(s, '\0', n))
    return gv_countries_lookup(ct, s, n);
  size_t i = memo_slot(m, s, n);
  if (m->keys[i])
    return m->vals[i];
  int c = gv_countries_lookup(ct, s, n);
  m->keys[i] = gv_xstrndup(s, n);
  m->vals[i] = c;
  if (++m->n * 2 > m->n_slots)
    memo_grow(m);
  return c;
}

bool gv_p_memo_begin(void) {
  if (current_memo)
    return false;
  name_memo *m = gv_xcalloc(1, sizeof *m);
  m->n_slots = 256;
  m->keys = gv_xcalloc(m->n_slots, sizeof *m->keys);
  m->vals = gv_xcalloc(m->n_slots, sizeof *m->vals);
  current_memo = m;
  return true;
}

void gv_p_memo_end(void) {
  name_memo *m = current_memo;
  for (size_t i = 0; m && i < m->n_slots; i++)
    free(m->keys[i]);
  if (m) {
    free(m->keys);
    free(m->vals);
  }
  free(m);
  current_memo = NULL;
}

static bool resolve_item(const gv_country_table *ct, const char *s, size_t n, int **out,
                         size_t *cnt, size_t *cap) {
  int c = lookup(ct, s, n);
  if (c >= 0) {
    push_index(out, cnt, cap, c);
    return true;
  }
  for (size_t i = 0; i + 5 <= n; i++) {
    if (strncmp(s + i, " and ", 5) != 0)
      continue;
    int left = lookup(ct, s, i);
    const char *r = s + i + 5;
    size_t rn = n - i - 5;
    trim_name(&r, &rn);
    int right = lookup(ct, r, rn);
    if (left >= 0 && right >= 0) {
      push_index(out, cnt, cap, left);
      push_index(out, cnt, cap, right);
      return true;
    }
  }
  return false;
}

size_t gv_parse_country_list(const gv_country_table *countries, const char *text, const char *path,
                             size_t line, int **out, size_t *n, size_t *cap, gv_diag *diag) {
  size_t bad = 0;
  for (const char *s = text; *s;) {
    size_t len = strcspn(s, ",");
    const char *item = s;
    size_t ilen = len;
    trim_name(&item, &ilen);
    bool none = ilen == 4 && strncasecmp(item, "none", 4) == 0;
    if (ilen && !none && !resolve_item(countries, item, ilen, out, n, cap)) {
      bad++;
      gv_diag_add(diag, GV_WARNING, path, line, "unknown country name \"%.*s\"", (int)ilen, item);
    }
    s += len + (s[len] == ',');
  }
  return bad;
}

/* ---- intended votes ----------------------------------------------------- */

static const char *const verbs[] = {" indicated", " informed", " subsequently", " stated", " said",
                                    " advised",   " notified", " had ",         " later"};

static const char *names_end(const char *s) {
  const char *best = NULL;
  for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
    const char *v = strstr(s, verbs[i]);
    if (v && (!best || v < best))
      best = v;
  }
  return best;
}

/* Returns the ballot named by "intended to …" at s, or -2 when unknown. */
static int intention_at(const char *s, const char **phrase_end) {
  static const struct {
    const char *words;
    int ballot;
  } phrases[] = {
      {"vote in favour", GV_YES}, {"vote in favor", GV_YES},      {"vote for", GV_YES},
      {"vote yes", GV_YES},       {"vote against", GV_NO},        {"vote no", GV_NO},
      {"abstain", GV_ABSTAIN},    {"not participate", GV_ABSENT}, {"not to participate", GV_ABSENT},
      {"not vote", GV_ABSENT}};
  for (size_t i = 0; i < sizeof phrases / sizeof phrases[0]; i++)
    if (gv_starts_with(s, phrases[i].words)) {
      *phrase_end = s + strlen(phrases[i].words);
      return phrases[i].ballot;
    }
  return -2;
}

static void record_intention(gv_parser *p, gv_vote *v, int country, int ballot, const char *phrase,
                             size_t plen) {
  v->intended[country] = (signed char)ballot;
  free(v->notes[country]);
  v->notes[country] = gv_xasprintf("intended to %.*s", (int)plen, phrase);
  (void)p;
}

/* Returns the next "delegation of"/"delegations of" at or after s. */
static const char *find_delegation(const char *s) {
  const char *a = strstr(s, "delegation of ");
  const char *b = strstr(s, "delegations of ");
  return !a ? b : !b ? a : a < b ? a : b;
}

/* Parses "the delegation(s) of X [and Y] … intended to abstain" clauses. */
static void parse_intentions(gv_parser *p, gv_vote *v, const gv_footnote *f) {
  const char *t = f->text;
  for (const char *d = find_delegation(t); d; d = find_delegation(d + 1)) {
    const char *names = strstr(d, " of ") + 4;
    const char *end = names_end(names);
    const char *intended = strstr(names, "intended to ");
    if (!end || !intended)
      break;
    const char *phrase = intended + strlen("intended to ");
    const char *pend;
    int ballot = intention_at(phrase, &pend);
    if (ballot == -2)
      continue;
    int *idx = NULL;
    size_t n = 0, cap = 0;
    char *list = gv_xstrndup(names, (size_t)(end - names));
    gv_parse_country_list(p->countries, list, p->path, f->line, &idx, &n, &cap, p->diag);
    for (size_t i = 0; i < n; i++)
      record_intention(p, v, idx[i], ballot, phrase, (size_t)(pend - phrase));
    free(list);
    free(idx);
  }
}

/* ---- linking sections, texts and votes ------------------------------------- */

/* Returns the report paragraph number a text sits in ("17"), or 0. */
static int text_para(const gv_document *d, const gv_text *t) {
  int parent = d->nodes[t->root].parent;
  return parent >= 0 && d->nodes[parent].kind == GV_NODE_PARAGRAPH ? atoi(d->nodes[parent].label)
                                                                   : 0;
}

static bool section_matches(const gv_document *d, const gv_text *t, const gv_section_info *s) {
  bool decision = t->kind == GV_TEXT_DRAFT_DECISION;
  if (!s->symbol || s->decision != decision)
    return false;
  int para = text_para(d, t);
  if (s->ordinal && t->ordinal)
    return strcmp(s->ordinal, t->ordinal) == 0 && (!s->para || !para || s->para == para);
  if (s->para && para && !s->ordinal && !t->ordinal)
    return s->para == para;
  return false;
}

static void give_section(gv_text *t, gv_section_info *s) {
  t->symbol = gv_xstrdup(s->symbol);
  t->sponsors = s->sponsors;
  t->n_sponsors = s->n_sponsors;
  t->joined = s->joined;
  t->n_joined = s->n_joined;
  s->sponsors = s->joined = NULL;
  s->n_sponsors = s->n_joined = 0;
  if (!t->title && s->title)
    t->title = gv_xstrdup(s->title);
}

/* Gives each recommended draft the symbol and sponsors of its section. */
static void link_sections(gv_parser *p) {
  gv_document *d = p->doc;
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < d->n_texts; i++) {
      gv_text *t = &d->texts[i];
      if (t->symbol || t->kind == GV_TEXT_RESOLUTION)
        continue;
      for (size_t k = 0; k < p->n_sections && !t->symbol; k++) {
        gv_section_info *s = &p->sections[k];
        bool hit =
            pass == 0 ? section_matches(d, t, s) : s->symbol && gv_folded_equal(s->title, t->title);
        bool taken = false;
        for (size_t j = 0; j < d->n_texts && hit; j++)
          taken = taken ||
                  (d->texts[j].symbol && s->symbol && strcmp(d->texts[j].symbol, s->symbol) == 0);
        if (hit && !taken)
          give_section(t, s);
      }
    }
  for (size_t i = 0; i < d->n_texts; i++)
    if (d->texts[i].kind == GV_TEXT_RESOLUTION && !d->texts[i].symbol && d->symbol)
      d->texts[i].symbol = gv_xstrdup(d->symbol + 6);
}

/* Returns the node labelled `label` in text t's subtree, or -1. */
static int find_in_text(const gv_document *d, const gv_text *t, const char *label) {
  int root = t->root;
  for (int i = root + 1; i <= root + d->nodes[root].n_desc; i++)
    if (strcmp(d->nodes[i].label, label) == 0)
      return i;
  return -1;
}

static void link_vote(gv_parser *p, gv_vote *v, int index) {
  gv_document *d = p->doc;
  for (size_t i = 0; i < d->n_texts; i++)
    if (d->texts[i].symbol && strcasecmp(d->texts[i].symbol, v->draft_symbol) == 0)
      v->text = (int)i;
  if (v->text < 0)
    return;
  const gv_text *t = &d->texts[v->text];
  if (v->subject == GV_SUBJECT_WHOLE) {
    v->node = t->root;
  } else {
    char label[32];
    snprintf(label, sizeof label, "%s%d", v->para_kind == 'P' ? "PP" : "OP", v->para_number);
    v->node = find_in_text(d, t, label);
  }
  if (v->node >= 0 && v->subject != GV_SUBJECT_MOTION)
    d->nodes[v->node].vote = index;
}

/* Counts the members' ballots (observer states do not vote). */
static void count_ballots(gv_vote *v, const gv_country_table *ct) {
  memset(v->counted, 0, sizeof v->counted);
  for (size_t c = 0; c < gv_countries_count(ct); c++)
    if (gv_countries_get(ct, c)->member)
      v->counted[v->ballots[c] < GV_BALLOT_COUNT ? v->ballots[c] : GV_ABSENT]++;
}

void gv_p_finish_votes(gv_parser *p) {
  link_sections(p);
  for (size_t i = p->vote_base; i < p->votes->n; i++) {
    gv_vote *v = &p->votes->items[i];
    link_vote(p, v, (int)i);
    int cited = p->doc->nodes[v->stated_node].parent;
    const gv_node *n = &p->doc->nodes[cited];
    for (size_t f = 0; f < n->n_footnotes; f++)
      parse_intentions(p, v, &p->doc->footnotes[n->footnotes[f]]);
    count_ballots(v, p->countries);
  }
}
