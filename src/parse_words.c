/* gavel: English number words, ordinals, session names and dates. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gavel/parse.h"
#include "gavel/util.h"

static const char *const units_ord[] = {
    "",           "first",     "second",    "third",       "fourth",     "fifth",     "sixth",
    "seventh",    "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",   "thirteenth",
    "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
static const char *const tens_card[] = {"",      "",      "twenty",  "thirty", "forty",
                                        "fifty", "sixty", "seventy", "eighty", "ninety"};
static const char *const tens_ord[] = {"",          "",         "twentieth", "thirtieth",
                                       "fortieth",  "fiftieth", "sixtieth",  "seventieth",
                                       "eightieth", "ninetieth"};

/* Matches word w at s ignoring case, followed by a non-letter. */
static size_t match_word(const char *s, const char *w) {
  size_t n = strlen(w);
  if (strncasecmp(s, w, n) != 0 || isalpha((unsigned char)s[n]))
    return 0;
  return n;
}

/* Returns the ordinal 1..19 spelled at s, storing the length. */
static int small_ordinal(const char *s, size_t *used) {
  for (int i = 19; i >= 1; i--) {
    size_t n = match_word(s, units_ord[i]);
    if (n) {
      *used = n;
      return i;
    }
  }
  return 0;
}

int gv_parse_ordinal(const char *s, size_t *used) {
  if (isdigit((unsigned char)*s)) { /* "10th", "21st" */
    char *end;
    long v = strtol(s, &end, 10);
    if (v > 0 && v < 1000 &&
        (match_word(end, "st") || match_word(end, "nd") || match_word(end, "rd") ||
         match_word(end, "th"))) {
      *used = (size_t)(end - s) + 2;
      return (int)v;
    }
    return 0;
  }
  if (!*s || !strchr("fstenFSTEN", *s))
    return 0; /* the first letters of the ordinals below */
  int v = small_ordinal(s, used);
  if (v)
    return v;
  for (int t = 9; t >= 2; t--) {
    size_t n = match_word(s, tens_ord[t]);
    if (n) {
      *used = n;
      return t * 10;
    }
    n = strlen(tens_card[t]);
    if (strncasecmp(s, tens_card[t], n) == 0 && (s[n] == '-' || s[n] == ' ')) {
      size_t u;
      int unit = small_ordinal(s + n + 1, &u);
      if (unit >= 1 && unit <= 9) {
        *used = n + 1 + u;
        return t * 10 + unit;
      }
    }
  }
  return 0;
}

int gv_parse_session(const char *s) {
  for (const char *p = s; *p; p++) {
    if (p != s && isalpha((unsigned char)p[-1]))
      continue;
    size_t used;
    int v = gv_parse_ordinal(p, &used);
    if (v && strncasecmp(p + used, " session", 8) == 0)
      return v;
  }
  return 0;
}

static const char *const months[] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};

char *gv_parse_date(const char *s, int default_year, size_t *used) {
  char *end;
  long day = strtol(s, &end, 10);
  if (end == s || day < 1 || day > 31 || *end != ' ')
    return NULL;
  const char *m = end + 1;
  for (int i = 0; i < 12; i++) {
    size_t n = match_word(m, months[i]);
    if (!n)
      continue;
    const char *y = m + n;
    long year = default_year;
    const char *stop = y;
    if (*y == ' ' && isdigit((unsigned char)y[1])) {
      char *yend;
      long v = strtol(y + 1, &yend, 10);
      if (v >= 1945 && v <= 2200 && (yend - y) == 5) {
        year = v;
        stop = yend;
      }
    }
    if (year <= 0)
      return NULL;
    if (used)
      *used = (size_t)(stop - s);
    return gv_xasprintf("%04ld-%02d-%02ld", year, i + 1, day);
  }
  return NULL;
}
