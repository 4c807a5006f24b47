/* gavel benchmark: writes a synthetic corpus N times the size of the bundled
 * one, for `make bench`.
 *
 *   gen_corpus SRC_DIR OUT_DIR N
 *
 * Copy k of each bundled document keeps its structure but gets its own
 * session (ordinal heading, years, symbols, resolution number) and agenda
 * item, so every copy has a distinct id; in every recorded vote a few
 * countries move from "In favour" to "Abstaining" (kept in alphabetical
 * order) and the stated tally changes to match; in resolutions some
 * preambular paragraphs trade places.  Copy 0 is the original.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/util.h"

static const char *const units[] = {"",      "first", "second",  "third",  "fourth",
                                    "fifth", "sixth", "seventh", "eighth", "ninth"};
static const char *const teens[] = {"tenth",      "eleventh",  "twelfth",   "thirteenth",
                                    "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                                    "eighteenth", "nineteenth"};
static const char *const tens[] = {"",     "",     "twent",  "thirt", "fort",
                                   "fift", "sixt", "sevent", "eight", "ninet"};

/* Returns the English ordinal of n (1..99), capitalized when asked. */
static char *ordinal(int n, int capital) {
  char *s;
  if (n < 10)
    s = gv_xstrdup(units[n]);
  else if (n < 20)
    s = gv_xstrdup(teens[n - 10]);
  else if (n % 10 == 0)
    s = gv_xasprintf("%sieth", tens[n / 10]);
  else
    s = gv_xasprintf("%sy-%s", tens[n / 10], units[n % 10]);
  if (capital)
    s[0] = (char)(s[0] - 'a' + 'A');
  return s;
}

static unsigned long rng = 88172645463325252ul;
static unsigned long next_random(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

/* Returns s with every occurrence of `from` replaced by `to`.  Caller frees. */
static char *replace_all(const char *s, const char *from, const char *to) {
  gv_buf b = {0};
  size_t fl = strlen(from);
  for (const char *p; (p = strstr(s, from)); s = p + fl) {
    gv_buf_add(&b, s, (size_t)(p - s));
    gv_buf_adds(&b, to);
  }
  gv_buf_adds(&b, s);
  return gv_buf_take(&b);
}

static void replace_in(char **s, const char *from, const char *to) {
  char *r = replace_all(*s, from, to);
  free(*s);
  *s = r;
}

/* The facts a copy changes: session, agenda item, resolution number. */
typedef struct {
  int session, item, number;
} doc_facts;

/* Reads session, agenda item and resolution number from the file name
 * ("ga75-first-committee-report-item98.txt", "ga75-resolution-75-32.txt"). */
static doc_facts facts_of(const char *name) {
  doc_facts f = {0, 0, 0};
  sscanf(name, "ga%d", &f.session);
  const char *p = strstr(name, "item");
  if (p)
    sscanf(p, "item%d", &f.item);
  p = strstr(name, "resolution-");
  if (p)
    sscanf(p, "resolution-%*d-%d", &f.number);
  return f;
}

/* Rewrites session, year, symbols, agenda item and resolution number. */
static void rewrite_facts(char **text, doc_facts from, doc_facts to) {
  char a[64], b[64];
  for (int capital = 0; capital < 2; capital++) {
    char *o = ordinal(from.session, capital), *n = ordinal(to.session, capital);
    snprintf(a, sizeof a, "%s session", o);
    snprintf(b, sizeof b, "%s session", n);
    replace_in(text, a, b);
    free(o);
    free(n);
  }
  snprintf(a, sizeof a, " %d", 1945 + from.session);
  snprintf(b, sizeof b, " %d", 1945 + to.session);
  replace_in(text, a, b);
  if (from.number) {
    snprintf(a, sizeof a, "%d/%d", from.session, from.number);
    snprintf(b, sizeof b, "%d/%d", to.session, to.number);
    replace_in(text, a, b);
  }
  snprintf(a, sizeof a, "/%d/", from.session);
  snprintf(b, sizeof b, "/%d/", to.session);
  replace_in(text, a, b);
  if (from.item) {
    snprintf(a, sizeof a, "item %d", from.item);
    snprintf(b, sizeof b, "item %d", to.item);
    replace_in(text, a, b);
  }
}

/* A list of country names, as in "Albania, Andorra, Zimbabwe." */
typedef struct {
  char **names;
  size_t n, cap;
} name_list;

/* Splits s[0..n) (without its final '.') into trimmed names. */
static void split_names(const char *s, size_t n, name_list *l) {
  for (size_t i = 0; i < n;) {
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == ','))
      i++;
    size_t start = i;
    while (i < n && s[i] != ',')
      i++;
    size_t end = i;
    while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\n'))
      end--;
    if (end > start)
      GV_PUSH(l->names, l->n, l->cap, gv_xstrndup(s + start, end - start));
  }
}

static void add_list(gv_buf *b, const name_list *l) {
  for (size_t i = 0; i < l->n; i++)
    gv_buf_printf(b, "%s%s", i ? ", " : "", l->names[i]);
  gv_buf_addc(b, '.');
}

static void free_list(name_list *l) {
  for (size_t i = 0; i < l->n; i++)
    free(l->names[i]);
  free(l->names);
}

/* Moves `m` random names from l into the alphabetical list to. */
static void move_names(name_list *l, name_list *to, int m) {
  for (int k = 0; k < m && l->n > 1; k++) {
    size_t i = next_random() % l->n;
    char *name = l->names[i];
    memmove(l->names + i, l->names + i + 1, (l->n - i - 1) * sizeof *l->names);
    l->n--;
    size_t at = 0;
    while (at < to->n && strcmp(to->names[at], name) < 0)
      at++;
    GV_PUSH(to->names, to->n, to->cap, NULL);
    memmove(to->names + at + 1, to->names + at, (to->n - 1 - at) * sizeof *to->names);
    to->names[at] = name;
  }
}

/* The places of one recorded vote in the text. */
typedef struct {
  const char *tally;         /* "153 to 11, with 9 abstentions" */
  const char *yes, *yes_end; /* the "In favour" list, its '.' excluded */
  const char *abs, *abs_end; /* the "Abstaining" list */
  int n_yes, n_no, n_abs;
} vote_block;

/* Finds the vote whose "In favour:" heading is at `favour`, and the stated
 * tally before it (not before `floor`); returns false when it is not one
 * this generator can change. */
static bool find_vote(const char *floor, const char *favour, vote_block *v) {
  const char *against = strstr(favour, "Against:");
  const char *abstaining = against ? strstr(against, "Abstaining:") : NULL;
  if (!abstaining)
    return false;
  v->yes = favour + strlen("In favour:");
  v->yes_end = against;
  while (v->yes_end > v->yes && strchr(" \n.", v->yes_end[-1]))
    v->yes_end--;
  v->abs = abstaining + strlen("Abstaining:");
  v->abs_end = strstr(v->abs, ".\n");
  if (!v->abs_end || memchr(v->abs, ':', (size_t)(v->abs_end - v->abs)))
    return false;
  v->tally = NULL;
  for (const char *p = floor; (p = strstr(p, "recorded vote of ")) && p < favour; p++)
    v->tally = p + strlen("recorded vote of ");
  return v->tally &&
         sscanf(v->tally, "%d to %d, with %d abstention", &v->n_yes, &v->n_no, &v->n_abs) == 3;
}

/* Appends the text of one vote with 1 to 3 countries moved from "In favour"
 * to "Abstaining" and the tally changed to match; returns where it ends. */
static const char *write_vote(gv_buf *out, const char *from, const vote_block *v) {
  name_list yes = {0}, abs = {0};
  split_names(v->yes, (size_t)(v->yes_end - v->yes), &yes);
  split_names(v->abs, (size_t)(v->abs_end - v->abs), &abs);
  int m = yes.n > 10 ? 1 + (int)(next_random() % 3) : 0;
  move_names(&yes, &abs, m);
  gv_buf_add(out, from, (size_t)(v->tally - from));
  gv_buf_printf(out, "%d to %d, with %d abstention", v->n_yes - m, v->n_no, v->n_abs + m);
  const char *rest = strstr(v->tally, " abstention") + strlen(" abstention");
  gv_buf_add(out, rest, (size_t)(v->yes - rest));
  gv_buf_adds(out, "\n\n");
  add_list(out, &yes);
  gv_buf_adds(out, "\n\n");
  const char *mid = v->yes_end + (*v->yes_end == '.');
  gv_buf_add(out, mid, (size_t)(v->abs - mid));
  gv_buf_adds(out, "\n\n");
  add_list(out, &abs);
  free_list(&yes);
  free_list(&abs);
  return v->abs_end + 1;
}

/* Returns the text with the votes changed.  Caller frees. */
static char *vary_votes(const char *text) {
  gv_buf out = {0};
  const char *at = text;
  for (const char *p = text; (p = strstr(p, "In favour:"));) {
    vote_block v;
    if (find_vote(at, p, &v)) {
      at = write_vote(&out, at, &v);
      p = at;
    } else {
      p++;
    }
  }
  gv_buf_adds(&out, at);
  return gv_buf_take(&out);
}

/* Returns true when the paragraph cites a footnote (superscript digit). */
static bool cites_footnote(const char *s, size_t n) {
  for (size_t i = 0; i + 1 < n; i++)
    if ((s[i] == '\xc2' && (s[i + 1] == '\xb9' || s[i + 1] == '\xb2' || s[i + 1] == '\xb3')) ||
        (s[i] == '\xe2' && s[i + 1] == '\x81'))
      return true;
  return false;
}

/* Returns the text with a few pairs of preambular paragraphs (those between
 * "The General Assembly," and operative paragraph 1 that cite no footnote)
 * trading places.  Caller frees. */
static char *shuffle_preamble(const char *text) {
  const char *start = strstr(text, "The General Assembly,\n");
  const char *end = start ? strstr(start, "\n1. ") : NULL;
  if (!end)
    return gv_xstrdup(text);
  const char *para[256];
  size_t len[256], n = 0;
  start += strlen("The General Assembly,\n");
  for (const char *p = start; p < end && n < 256;) {
    while (p < end && *p == '\n')
      p++;
    const char *q = strstr(p, "\n\n");
    if (!q || q > end)
      q = end;
    if (q > p) {
      para[n] = p;
      len[n++] = (size_t)(q - p);
    }
    p = q;
  }
  for (size_t k = 0; n > 1 && k < 3; k++) {
    size_t i = next_random() % n, j = next_random() % n;
    if (cites_footnote(para[i], len[i]) || cites_footnote(para[j], len[j]))
      continue;
    const char *tp = para[i];
    size_t tl = len[i];
    para[i] = para[j], len[i] = len[j];
    para[j] = tp, len[j] = tl;
  }
  gv_buf out = {0};
  gv_buf_add(&out, text, (size_t)(start - text));
  for (size_t i = 0; i < n; i++) {
    gv_buf_adds(&out, "\n");
    gv_buf_add(&out, para[i], len[i]);
    gv_buf_adds(&out, "\n");
  }
  gv_buf_adds(&out, end);
  return gv_buf_take(&out);
}

/* Writes copy k of the document `name` (text `text`) into dir. */
static int write_copy(const char *dir, const char *name, const char *text, int k) {
  doc_facts from = facts_of(name), to = from;
  int turn = (from.session - 1 + k) / 99;
  to.session = 1 + (from.session - 1 + k) % 99;
  to.item = from.item + 7 * turn;
  to.number = from.number + 40 * turn;
  char *t = gv_xstrdup(text);
  if (k > 0) {
    rewrite_facts(&t, from, to);
    char *v = vary_votes(t);
    free(t);
    t = shuffle_preamble(v);
    free(v);
  }
  char *path = gv_xasprintf("%s/copy%04d-%s", dir, k, name);
  FILE *f = fopen(path, "w");
  int ok = f && fputs(t, f) >= 0;
  if (f && fclose(f) != 0)
    ok = 0;
  if (!ok)
    fprintf(stderr, "gen_corpus: cannot write %s\n", path);
  free(path);
  free(t);
  return ok ? 0 : 1;
}

int main(int argc, char **argv) {
  if (argc != 4 || atoi(argv[3]) < 1) {
    fprintf(stderr, "usage: gen_corpus SRC_DIR OUT_DIR N\n");
    return 2;
  }
  DIR *d = opendir(argv[1]);
  if (!d) {
    perror(argv[1]);
    return 2;
  }
  int n = atoi(argv[3]), status = 0;
  for (struct dirent *e; (e = readdir(d)) && !status;) {
    size_t l = strlen(e->d_name);
    if (l < 4 || strcmp(e->d_name + l - 4, ".txt"))
      continue;
    char *path = gv_xasprintf("%s/%s", argv[1], e->d_name);
    size_t len;
    char *text = gv_read_file(path, &len);
    free(path);
    if (!text) {
      perror(e->d_name);
      status = 2;
      break;
    }
    for (int k = 0; k < n && !status; k++)
      status = write_copy(argv[2], e->d_name, text, k);
    free(text);
  }
  closedir(d);
  return status;
}
