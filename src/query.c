/* gavel: search queries: parsing, smartcase, matching one string, and the
 * spans of the original text that matched. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>

#include "gavel/search.h"
#include "gavel/text.h"
#include "gavel/util.h"
#include "search_query.h"

/* Returns the byte length of a quote mark starting at s, or 0. */
static size_t quote_len(const char *s, size_t n) {
  if (n >= 1 && s[0] == '"')
    return 1;
  if (n >= 3 && !memcmp(s, "\xe2\x80", 2) && (s[2] == '\x9c' || s[2] == '\x9d' || s[2] == '\x9e'))
    return 3;
  return 0;
}

static bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Returns true when s has an uppercase letter or an accent (a combining mark
 * once decomposed): such a query asks for exact matching. */
static bool wants_exact(const char *s, size_t n) {
  size_t len;
  char *d = gv_fold(s, n, GV_SEARCH_EXACT, &len, NULL);
  bool exact = false;
  for (size_t i = 0; i < len && !exact;) {
    unsigned int uc;
    i += (size_t)gv_utf8_decode(d + i, len - i, &uc);
    exact = uc_is_upper(uc) || uc_is_general_category(uc, UC_CATEGORY_Mn);
  }
  free(d);
  return exact;
}

/* Returns s folded with flags, without leading or trailing spaces. */
static char *fold_trimmed(const char *s, size_t n, unsigned flags, size_t *len) {
  char *f = gv_fold(s, n, flags, len, NULL);
  size_t a = 0, b = *len;
  while (a < b && f[a] == ' ')
    a++;
  while (b > a && f[b - 1] == ' ')
    b--;
  memmove(f, f + a, b - a);
  f[b - a] = '\0';
  *len = b - a;
  return f;
}

/* Records one word or phrase (raw text; folded once the mode is known). */
static void add_raw(gv_query *q, const char *s, size_t n, bool negative) {
  gv_qitem it = {0};
  it.needle = gv_xstrndup(s, n); /* raw until finish_items() */
  it.len = n;
  it.negative = negative;
  GV_PUSH(q->items, q->n, q->cap, it);
}

/* Splits the query text into raw items. */
static void split_items(gv_query *q, const char *t) {
  size_t n = strlen(t);
  for (size_t i = 0; i < n;) {
    while (i < n && is_blank(t[i]))
      i++;
    if (i >= n)
      break;
    bool neg = t[i] == '-' && i + 1 < n && !is_blank(t[i + 1]);
    i += neg;
    size_t ql = quote_len(t + i, n - i), start, end;
    if (ql) {
      start = i + ql;
      end = start;
      while (end < n && !quote_len(t + end, n - end))
        end++;
      i = end < n ? end + quote_len(t + end, n - end) : n;
    } else {
      start = i;
      while (i < n && !is_blank(t[i]))
        i++;
      end = i;
    }
    add_raw(q, t + start, end - start, neg);
  }
}

/* Folds every raw item; drops those that fold to nothing. */
static void finish_items(gv_query *q) {
  size_t kept = 0;
  for (size_t i = 0; i < q->n; i++) {
    gv_qitem it = q->items[i];
    char *raw = it.needle;
    it.loose = fold_trimmed(raw, it.len, GV_SEARCH_LOOSE, &it.loose_len);
    if (q->exact)
      it.needle = fold_trimmed(raw, it.len, GV_SEARCH_EXACT, &it.len);
    else {
      it.needle = it.loose;
      it.len = it.loose_len;
    }
    free(raw);
    if (it.len == 0) {
      if (it.needle != it.loose)
        free(it.needle);
      free(it.loose);
      continue;
    }
    q->items[kept++] = it;
  }
  q->n = kept;
}

gv_query *gv_query_parse(const char *text, gv_case_mode mode, const char **error) {
  gv_query *q = gv_xcalloc(1, sizeof *q);
  split_items(q, text ? text : "");
  if (mode == GV_CASE_SMART)
    for (size_t i = 0; i < q->n && !q->exact; i++)
      q->exact = wants_exact(q->items[i].needle, q->items[i].len);
  else
    q->exact = mode == GV_CASE_EXACT;
  q->flags = q->exact ? GV_SEARCH_EXACT : GV_SEARCH_LOOSE;
  finish_items(q);
  if (q->n == 0) {
    if (error)
      *error = "empty query: give a word or a \"quoted phrase\" to find";
    gv_query_free(q);
    return NULL;
  }
  return q;
}

void gv_query_free(gv_query *q) {
  if (!q)
    return;
  for (size_t i = 0; i < q->n; i++) {
    if (q->items[i].needle != q->items[i].loose)
      free(q->items[i].needle);
    free(q->items[i].loose);
  }
  free(q->items);
  free(q);
}

bool gv_query_is_exact(const gv_query *q) {
  return q->exact;
}

/* Returns true when a combining mark starts at f[at]: a match ending there
 * would cut an accented letter in two. */
static bool mark_at(const char *f, size_t len, size_t at) {
  if (at >= len || (unsigned char)f[at] < 0x80)
    return false;
  unsigned int uc;
  gv_utf8_decode(f + at, len - at, &uc);
  return uc_is_general_category(uc, UC_CATEGORY_Mn);
}

long gv_query_find(const gv_query *q, const char *hay, size_t hlen, size_t from,
                   const gv_qitem *it) {
  while (from < hlen && it->len <= hlen - from) {
    const char *p = memmem(hay + from, hlen - from, it->needle, it->len);
    if (!p)
      return -1;
    size_t at = (size_t)(p - hay);
    if (!q->exact || !mark_at(hay, hlen, at + it->len))
      return (long)at;
    from = at + 1;
  }
  return -1;
}

bool gv_query_matches_folded(const gv_query *q, const char *f, size_t len) {
  for (size_t i = 0; i < q->n; i++) {
    bool found = gv_query_find(q, f, len, 0, &q->items[i]) >= 0;
    if (found == q->items[i].negative)
      return false;
  }
  return true;
}

bool gv_query_matches(const gv_query *q, const char *text, size_t len) {
  size_t flen;
  char *f = gv_fold(text, len, q->flags, &flen, NULL);
  bool ok = gv_query_matches_folded(q, f, flen);
  free(f);
  return ok;
}

/* Returns the source span of folded bytes [s, e): from the start of the
 * character that produced byte s to the end of the one that produced e-1. */
static gv_span source_span(const size_t *map, size_t flen, size_t s, size_t e) {
  gv_span sp = {map[s], map[e]};
  while (e < flen && map[e] == map[e - 1])
    e++;
  sp.end = map[e];
  return sp;
}

static int span_cmp(const void *a, const void *b) {
  const gv_span *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

/* Sorts spans and merges those that overlap or touch; returns the new count. */
static size_t merge_spans(gv_span *sp, size_t n) {
  if (n == 0)
    return 0;
  gv_qsort(sp, n, sizeof *sp, span_cmp);
  size_t k = 0;
  for (size_t i = 1; i < n; i++) {
    if (sp[i].start <= sp[k].end) {
      if (sp[i].end > sp[k].end)
        sp[k].end = sp[i].end;
    } else {
      sp[++k] = sp[i];
    }
  }
  return k + 1;
}

gv_span *gv_query_spans(const gv_query *q, const char *text, size_t len, size_t *n) {
  size_t flen, *map, count = 0, cap = 0;
  char *f = gv_fold(text, len, q->flags, &flen, &map);
  gv_span *sp = NULL;
  for (size_t i = 0; i < q->n; i++) {
    const gv_qitem *it = &q->items[i];
    if (it->negative)
      continue;
    for (long at = gv_query_find(q, f, flen, 0, it); at >= 0;
         at = gv_query_find(q, f, flen, (size_t)at + it->len, it))
      GV_PUSH(sp, count, cap, source_span(map, flen, (size_t)at, (size_t)at + it->len));
  }
  free(f);
  free(map);
  *n = merge_spans(sp, count);
  if (*n == 0) {
    free(sp);
    return NULL;
  }
  return sp;
}
