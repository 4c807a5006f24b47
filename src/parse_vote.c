/* gavel: recorded votes, country lists, sponsors and intended votes. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gavel/text.h"
#include "parse_internal.h"

/* ---- small text helpers ------------------------------------------------- */

/* Returns a pointer to the first case-insensitive occurrence of needle. */
static const char *find_ci(const char *hay, const char *needle) {
  size_t n = strlen(needle);
  int first = tolower((unsigned char)needle[0]);
  for (; *hay; hay++)
    if (tolower((unsigned char)*hay) == first && strncasecmp(hay, needle, n) == 0)
      return hay;
  return NULL;
}

char *gv_p_find_draft_symbol(const char *s) {
  for (const char *a = strstr(s, "A/"); a; a = strstr(a + 1, "A/")) {
    if (a > s && (isalnum((unsigned char)a[-1]) || a[-1] == '/'))
      continue;
    size_t n = 2;
    while (isalnum((unsigned char)a[n]) || a[n] == '/' ||
           (a[n] == '.' && isalnum((unsigned char)a[n + 1])))
      n++;
    char *sym = gv_xstrndup(a, n);
    if (strstr(sym, "/L."))
      return sym;
    free(sym);
  }
  return NULL;
}

/* Parses a count: digits, "none"/"no", or a small number word. */
static int parse_count(const char *s, size_t *used) {
  static const char *const words[] = {"none",  "one",   "two",  "three", "four",   "five",  "six",
                                      "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  if (isdigit((unsigned char)*s)) {
    char *end;
    long v = strtol(s, &end, 10);
    *used = (size_t)(end - s);
    return (int)v;
  }
  if (strncasecmp(s, "no ", 3) == 0) {
    *used = 2;
    return 0;
  }
  for (int i = 12; i >= 0; i--) {
    size_t n = strlen(words[i]);
    if (strncasecmp(s, words[i], n) == 0 && !isalpha((unsigned char)s[n])) {
      *used = n;
      return i;
    }
  }
  return -1;
}

/* "recorded vote of 153 to 11, with 9 abstentions" */
static void parse_tally(const char *s, int stated[GV_BALLOT_COUNT]) {
  stated[GV_YES] = stated[GV_NO] = stated[GV_ABSTAIN] = -1;
  stated[GV_ABSENT] = -1;
  const char *r = find_ci(s, "recorded vote of ");
  if (!r)
    return;
  r += strlen("recorded vote of ");
  size_t u;
  int yes = parse_count(r, &u);
  if (yes < 0 || strncmp(r + u, " to ", 4) != 0)
    return;
  r += u + 4;
  int no = parse_count(r, &u);
  if (no < 0)
    return;
  stated[GV_YES] = yes;
  stated[GV_NO] = no;
  r += u;
  if (*r == ',')
    r++;
  while (*r == ' ')
    r++;
  if (strncmp(r, "with ", 5) == 0) {
    int ab = parse_count(r + 5, &u);
    stated[GV_ABSTAIN] = ab < 0 ? -1 : ab;
  } else {
    stated[GV_ABSTAIN] = 0;
  }
}

/* Returns the sentence of text that contains `at` (start and length). */
static const char *sentence_of(const char *text, const char *at, size_t *len) {
  const char *start = text;
  for (const char *q = text; q < at; q++)
    if (q[0] == '.' && q[1] == ' ' && isupper((unsigned char)q[2]) && q > text &&
        !(q - text >= 4 && strncmp(q - 4, "para", 4) == 0))
      start = q + 2;
  const char *end = at;
  while (*end && !(end[0] == '.' && (end[1] == ' ' || end[1] == '\0') &&
                   !(end - text >= 4 && strncmp(end - 4, "para", 4) == 0)))
    end++;
  *len = (size_t)(end - start);
  return start;
}

/* Finds "tenth preambular paragraph", "preambular paragraph 10",
 * "operative paragraph 1" in s; stores kind 'P'/'O' and the number. */
static bool paragraph_subject(const char *s, char *kind, int *number) {
  const char *kinds[] = {"preambular paragraph", "operative paragraph"};
  for (int k = 0; k < 2; k++) {
    const char *m = find_ci(s, kinds[k]);
    if (!m)
      continue;
    *kind = k == 0 ? 'P' : 'O';
    const char *after = m + strlen(kinds[k]);
    if (*after == ' ' && isdigit((unsigned char)after[1])) {
      *number = atoi(after + 1);
      return true;
    }
    /* an ordinal word just before: "the tenth preambular paragraph" */
    const char *w = m;
    while (w > s && w[-1] == ' ')
      w--;
    while (w > s && (isalnum((unsigned char)w[-1]) || w[-1] == '-'))
      w--;
    size_t used;
    *number = gv_parse_ordinal(w, &used);
    if (*number)
      return true;
  }
  return false;
}

static const char *outcome_of(const char *sentence) {
  static const char *const outcomes[] = {"not adopted", "rejected", "retained", "deleted",
                                         "adopted"};
  for (size_t i = 0; i < sizeof outcomes / sizeof outcomes[0]; i++)
    if (find_ci(sentence, outcomes[i]))
      return outcomes[i];
  return "voted";
}

/* ---- meetings and sections --------------------------------------------- */

/* "At its 14th meeting, on 9 November" / "At the 31st meeting, on 8 November". */
static void note_meeting(gv_parser *p, const char *text) {
  for (const char *m = strstr(text, " meeting"); m; m = strstr(m + 1, " meeting")) {
    const char *w = m;
    while (w > text && !isspace((unsigned char)w[-1]))
      w--;
    size_t used;
    if (!gv_parse_ordinal(w, &used) || w + used != m)
      continue;
    if (strncmp(m - strlen(" plenary") + 0, " plenary", 8) == 0)
      continue;
    free(p->meeting);
    p->meeting = gv_xstrndup(w, (size_t)(m - w) + strlen(" meeting"));
    const char *on = strstr(m, ", on ");
    if (on && on - m < 16) {
      free(p->date);
      p->date = gv_parse_date(on + 5, p->year, NULL);
    }
    return;
  }
}

static gv_section_info *current_section(gv_parser *p) {
  if (p->cur_section_info < 0) {
    gv_section_info info = {0};
    GV_PUSH(p->sections, p->n_sections, p->cap_sections, info);
    p->cur_section_info = (int)p->n_sections - 1;
  }
  return &p->sections[p->cur_section_info];
}

/* Returns the quoted title after "entitled", or NULL. Caller frees. */
static char *entitled(const char *text) {
  const char *e = strstr(text, "entitled ");
  if (!e)
    return NULL;
  e += strlen("entitled ");
  const char *open[] = {"“", "\"", "‘"};
  const char *close[] = {"”", "\"", "’"};
  for (int i = 0; i < 3; i++)
    if (gv_starts_with(e, open[i])) {
      const char *start = e + strlen(open[i]);
      const char *end = strstr(start, close[i]);
      if (end)
        return gv_xstrndup(start, (size_t)(end - start));
    }
  return NULL;
}

/* Parses the names between start and end into the section's list. */
static void sponsor_list(gv_parser *p, const char *start, size_t n, bool joined) {
  gv_section_info *s = current_section(p);
  char *list = gv_xstrndup(start, n);
  if (joined)
    gv_parse_country_list(p->countries, list, p->path, p->line, &s->joined, &s->n_joined,
                          &s->cap_joined, p->diag);
  else
    gv_parse_country_list(p->countries, list, p->path, p->line, &s->sponsors, &s->n_sponsors,
                          &s->cap_sponsors, p->diag);
  free(list);
}

static void note_sponsors(gv_parser *p, const char *text) {
  const char *sub = strstr(text, " submitted a draft");
  if (sub) {
    const char *behalf = strstr(text, "on behalf of ");
    if (behalf && behalf < sub) {
      behalf += strlen("on behalf of ");
      const char *end = sub;
      if (end > behalf && end[-1] == ',')
        end--;
      sponsor_list(p, behalf, (size_t)(end - behalf), false);
    } else {
      const char *of = strstr(text, "delegation of ");
      if (!of || of > sub)
        of = strstr(text, "representative of ");
      if (of && of < sub) {
        of = strstr(of, " of ") + 4;
        const char *end = sub;
        if (end > of && end[-1] == ',')
          end--;
        sponsor_list(p, of, (size_t)(end - of), false);
      }
    }
    gv_section_info *s = current_section(p);
    if (!s->title)
      s->title = entitled(text);
    if (!s->symbol)
      s->symbol = gv_p_find_draft_symbol(sub);
    s->decision = s->decision || strncmp(sub, " submitted a draft decision", 27) == 0;
  }
  const char *join = strstr(text, " joined in sponsoring");
  if (join) {
    const char *start = join;
    while (start > text && !(start[0] == ',' && start[-1] == 'y' && start - text >= 12 &&
                             strncmp(start - 12, "Subsequently", 12) == 0))
      start--;
    if (start > text)
      sponsor_list(p, start + 1, (size_t)(join - start - 1), true);
  }
}

/* "(see para. 17, draft resolution II)" or "(see para. 12)" */
static void note_see_para(gv_parser *p, const char *text) {
  const char *see = strstr(text, "(see para. ");
  if (!see)
    return;
  gv_section_info *s = current_section(p);
  s->para = atoi(see + strlen("(see para. "));
  const char *dr = strstr(see, ", draft ");
  const char *close = strchr(see, ')');
  if (dr && close && dr < close) {
    s->decision = gv_starts_with(dr + 8, "decision");
    const char *o = strchr(dr + 8, ' ');
    if (o && o < close) {
      free(s->ordinal);
      s->ordinal = gv_xstrndup(o + 1, (size_t)(close - o - 1));
    }
  }
}

/* ---- votes ---------------------------------------------------------------- */

static char *vote_id(const char *symbol, gv_vote_subject subject, char kind, int number) {
  if (subject == GV_SUBJECT_WHOLE)
    return gv_xstrdup(symbol);
  return gv_xasprintf("%s:%s%s%d", symbol, subject == GV_SUBJECT_MOTION ? "motion-" : "",
                      kind == 'P' ? "pp" : "op", number);
}

static char *vote_description(const gv_vote *v) {
  const char *what = strstr(v->draft_symbol, "/L.") ? "Draft" : "Text";
  if (v->subject == GV_SUBJECT_WHOLE)
    return gv_xasprintf("%s %s as a whole", what, v->draft_symbol);
  return gv_xasprintf("%s%s%d of %s",
                      v->subject == GV_SUBJECT_MOTION ? "Motion for a separate vote on " : "",
                      v->para_kind == 'P' ? "PP" : "OP", v->para_number, v->draft_symbol);
}

/* Returns the draft symbol a vote sentence is about: in the sentence, in
 * the enclosing paragraph, or in the section heading. Caller frees. */
static char *vote_symbol(gv_parser *p, int node, const char *sentence) {
  char *sym = gv_p_find_draft_symbol(sentence);
  int parent = p->doc->nodes[node].parent;
  if (!sym && parent >= 0 && p->doc->nodes[parent].kind == GV_NODE_PARAGRAPH)
    sym = gv_p_find_draft_symbol(p->doc->nodes[parent].text);
  if (!sym && p->cur_section_info >= 0 && p->sections[p->cur_section_info].symbol)
    sym = gv_xstrdup(p->sections[p->cur_section_info].symbol);
  return sym;
}

static void begin_vote(gv_parser *p, int node, const char *text, const char *at) {
  size_t slen;
  const char *s = sentence_of(text, at, &slen);
  char *sentence = gv_xstrndup(s, slen);
  size_t nc = gv_countries_count(p->countries);
  gv_vote v = {0};
  v.doc = p->doc_index;
  v.text = v.node = -1;
  v.subject = GV_SUBJECT_WHOLE;
  const char *motion =
      find_ci(sentence, "motion") ? find_ci(text, "motion for a separate vote") : NULL;
  if (motion && paragraph_subject(motion, &v.para_kind, &v.para_number))
    v.subject = GV_SUBJECT_MOTION;
  else if (paragraph_subject(sentence, &v.para_kind, &v.para_number) &&
           !find_ci(sentence, "as a whole"))
    v.subject = GV_SUBJECT_PARAGRAPH;
  else
    v.para_kind = 0, v.para_number = 0;
  char *sym = vote_symbol(p, node, sentence);
  v.draft_symbol = sym ? sym : gv_xasprintf("%s:%zu", p->doc->id ? p->doc->id : "vote", p->line);
  v.id = vote_id(v.draft_symbol, v.subject, v.para_kind, v.para_number);
  v.description = vote_description(&v);
  v.outcome = gv_xstrdup(outcome_of(sentence));
  v.meeting = gv_xstrdup(p->meeting);
  v.date = gv_xstrdup(p->date ? p->date : p->doc->date);
  parse_tally(sentence, v.stated);
  v.ballots = gv_xcalloc(nc ? nc : 1, 1);
  v.intended = gv_xmalloc(nc ? nc : 1);
  memset(v.intended, GV_NO_INTENTION, nc ? nc : 1);
  v.notes = gv_xcalloc(nc ? nc : 1, sizeof *v.notes);
  v.line = p->line;
  if (v.stated[GV_YES] < 0)
    gv_diag_add(p->diag, GV_WARNING, p->path, p->line, "recorded vote without a stated tally");
  free(sentence);
  char *summary = gv_xasprintf("Recorded vote: %s", v.description);
  v.stated_node = gv_p_add_node(p, GV_NODE_VOTE, "Vote", summary, node);
  free(summary);
  GV_PUSH(p->votes->items, p->votes->n, p->votes->cap, v);
  p->vote = (int)p->votes->n - 1;
  p->doc->nodes[v.stated_node].vote = p->vote;
  p->list_kind = GV_ABSENT;
}

void gv_p_report_paragraph(gv_parser *p, int node) {
  const char *text = p->doc->nodes[node].text;
  note_meeting(p, text);
  note_sponsors(p, text);
  note_see_para(p, text);
  const char *rv = find_ci(text, "recorded vote");
  if (rv)
    begin_vote(p, node, text, rv);
}

bool gv_p_list_header(gv_parser *p, const char *text) {
  size_t n = gv_list_header_len(text);
  if (!n)
    return false;
  p->list_kind = text[0] == 'I' ? GV_YES : text[1] == 'g' ? GV_NO : GV_ABSTAIN;
  if (p->vote < 0)
    gv_diag_add(p->diag, GV_WARNING, p->path, p->line, "\"%.*s\" list outside a recorded vote",
                (int)n, text);
  const char *rest = text + n;
  while (*rest == ' ')
    rest++;
  if (*rest)
    gv_p_list_block(p, rest);
  return true;
}

void gv_p_list_block(gv_parser *p, const char *text) {
  if (p->vote < 0 || p->list_kind == GV_ABSENT)
    return;
  int *idx = NULL;
  size_t n = 0, cap = 0;
  gv_parse_country_list(p->countries, text, p->path, p->line, &idx, &n, &cap, p->diag);
  gv_vote *v = &p->votes->items[p->vote];
  for (size_t i = 0; i < n; i++) {
    if (v->ballots[idx[i]] != GV_ABSENT)
      gv_diag_add(p->diag, GV_WARNING, p->path, p->line, "%s is listed twice in vote %s",
                  gv_countries_get(p->countries, (size_t)idx[i])->name, v->id);
    v->ballots[idx[i]] = (unsigned char)p->list_kind;
  }
  free(idx);
}
