/* gavel: first parsing stage: raw bytes to logical blocks. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/parse.h"
#include "gavel/text.h"
#include "gavel/util.h"
#include "parse_internal.h"

/* A line after markdown clean-up, with its source line number. */
typedef struct {
  char *text;
  size_t line;
} vline;

typedef struct {
  vline *items;
  size_t n, cap;
} vlines;

int gv_superscript_digit(const char *s, size_t *len) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] == 0xC2 && (u[1] == 0xB2 || u[1] == 0xB3 || u[1] == 0xB9)) {
    *len = 2; /* ² ³ ¹ */
    return u[1] == 0xB9 ? 1 : u[1] - 0xB0;
  }
  if (u[0] == 0xE2 && u[1] == 0x81 && (u[2] == 0xB0 || (u[2] >= 0xB4 && u[2] <= 0xB9))) {
    *len = 3; /* ⁰ ⁴ … ⁹ */
    return u[2] - 0xB0;
  }
  return -1;
}

static bool is_blank(const char *s) {
  for (; *s; s++)
    if (!isspace((unsigned char)*s))
      return false;
  return true;
}

/* Copies s without trailing white space (and a trailing non-breaking space). */
static char *trim_dup(const char *s, size_t n) {
  while (n && isspace((unsigned char)*s))
    s++, n--;
  while (n && isspace((unsigned char)s[n - 1]))
    n--;
  return gv_xstrndup(s, n);
}

static bool all_digits(const char *s, size_t n) {
  if (!n)
    return false;
  for (size_t i = 0; i < n; i++)
    if (!isdigit((unsigned char)s[i]))
      return false;
  return true;
}

/* "A/75/394", "A/C.1/75/L.8/Rev.1", "A/RES/75/32" alone on a line. */
static bool is_symbol_line(const char *s, size_t n) {
  if (n < 5 || s[0] != 'A' || s[1] != '/')
    return false;
  for (size_t i = 0; i < n; i++)
    if (!(isalnum((unsigned char)s[i]) || s[i] == '/' || s[i] == '.'))
      return false;
  return true;
}

/* "20-14978", "20-14978 (E)", "20-14978 (E)    171120", "*2014978*". */
static bool is_job_number(const char *s, size_t n) {
  if (n >= 3 && s[0] == '*' && s[n - 1] == '*')
    return all_digits(s + 1, n - 2);
  if (n < 8 || !all_digits(s, 2) || s[2] != '-' || !all_digits(s + 3, 5))
    return false;
  const char *rest = s + 8, *end = s + n;
  while (rest < end &&
         (isspace((unsigned char)*rest) || strchr("()E", *rest) || isdigit((unsigned char)*rest)))
    rest++;
  return rest == end;
}

/* "3/14" (page of pages), "Page 3", "- 3 -", or a bare page number. */
static bool is_page_number(const char *s, size_t n) {
  const char *slash = memchr(s, '/', n);
  if (slash) {
    size_t a = (size_t)(slash - s), b = n - a - 1;
    if (!all_digits(s, a) || !all_digits(slash + 1, b) || a > 3 || b > 3)
      return false;
    return atoi(s) <= atoi(slash + 1);
  }
  if (n > 5 && strncmp(s, "Page ", 5) == 0)
    return all_digits(s + 5, n - 5);
  if (n >= 5 && s[0] == '-' && s[n - 1] == '-')
    return all_digits(s + 2, n - 4);
  return n <= 3 && all_digits(s, n);
}

bool gv_is_furniture(const char *line, size_t n) {
  while (n && isspace((unsigned char)*line))
    line++, n--;
  while (n && isspace((unsigned char)line[n - 1]))
    n--;
  return n && (is_symbol_line(line, n) || is_job_number(line, n) || is_page_number(line, n));
}

/* Removes markdown remnants from one line: "[X](#)" -> X, "**" -> "", and
 * "[*X*]" -> X; runs of three or more '*' (headings run together) become a
 * block break, returned as '\x01'. */
static char *clean_markdown(const char *s) {
  gv_buf b = {0};
  gv_grow((void **)&b.data, &b.cap, strlen(s) + 1, 1); /* it only shrinks */
  gv_buf_add(&b, "", 0);
  while (*s == ' ')
    s++;
  if ((s[0] == '-' || s[0] == '+') && s[1] == ' ')
    s += 2; /* a markdown bullet */
  else if (gv_starts_with(s, "• "))
    s += strlen("• ");
  for (size_t i = 0; s[i];) {
    if (s[i] == '*' && s[i + 1] == ']') {
      i += 2;
    } else if (s[i] == '*') {
      size_t run = 0;
      while (s[i + run] == '*')
        run++;
      if (run >= 3)
        gv_buf_addc(&b, '\x01');
      else if (run == 1)
        gv_buf_addc(&b, '*');
      i += run;
    } else if (s[i] == ']' && strncmp(s + i, "](#)", 4) == 0) {
      i += 4;
    } else if (s[i] == '[' && s[i + 1] == '*') {
      i += 2;
    } else if (s[i] == '[' && strchr(s + i, ']')) {
      const char *close = strchr(s + i, ']');
      /* drop the brackets of a link "[text](#)" or a bracketed heading */
      if (strncmp(close, "](#)", 4) == 0 || close[1] == '\0' || close[1] == '*')
        i++;
      else
        gv_buf_addc(&b, s[i++]);
    } else if (s[i] == ']' && (s[i + 1] == '\0' || s[i + 1] == '*')) {
      i++;
    } else {
      size_t run = 1 + strcspn(s + i + 1, "*[]");
      gv_buf_add(&b, s + i, run);
      i += run;
    }
  }
  return gv_buf_take(&b);
}

static void push_vline(vlines *v, const char *s, size_t n, size_t line) {
  vline l = {trim_dup(s, n), line};
  GV_PUSH(v->items, v->n, v->cap, l);
}

/* Splits normalized text into cleaned lines, dropping page furniture; the
 * text's line ends become NULs. */
static void split_lines(char *text, vlines *out) {
  size_t line = 0;
  for (char *p = text; *p;) {
    char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    line++;
    if (nl)
      *nl = '\0';
    const char *raw = p;
    if (gv_is_furniture(raw, n)) {
      p += n + (nl ? 1 : 0);
      continue;
    }
    char *clean = clean_markdown(raw);
    for (char *seg = clean, *brk;; seg = brk + 1) {
      brk = strchr(seg, '\x01');
      size_t len = brk ? (size_t)(brk - seg) : strlen(seg);
      push_vline(out, seg, len, line);
      if (!brk)
        break;
      push_vline(out, "", 0, line); /* block break */
    }
    free(clean);
    p += n + (nl ? 1 : 0);
  }
}

/* Returns the footnote number when the line starts a footnote definition
 * ("¹ text", "12 text" is not one: only superscripts count). Caller frees. */
static char *footnote_marker(const char *s, size_t *skip) {
  gv_buf m = {0};
  size_t i = 0, len;
  int d;
  while ((d = gv_superscript_digit(s + i, &len)) >= 0) {
    gv_buf_addc(&m, (char)('0' + d));
    i += len;
  }
  if (!m.len || (s[i] != ' ' && s[i] != '\t')) {
    gv_buf_free(&m);
    return NULL;
  }
  *skip = i + 1;
  return gv_buf_take(&m);
}

static const char *const list_headers[] = {
    "In favour:", "In favor:", "Against:", "Abstaining:", "Abstentions:", "Abstention:"};

/* Returns the length of a vote-list header at the start of s, or 0. */

size_t gv_list_header_len(const char *s) {
  for (size_t i = 0; i < sizeof list_headers / sizeof list_headers[0]; i++)
    if (strncmp(s, list_headers[i], strlen(list_headers[i])) == 0)
      return strlen(list_headers[i]);
  return 0;
}

/* Returns true when s starts like a new paragraph: "12. ", "1.1. ", "(a) ",
 * a section heading, a draft heading or "The General Assembly,". */

bool gv_is_structural_start(const char *s) {
  size_t i = 0;
  while (isdigit((unsigned char)s[i]))
    i++;
  if (i && s[i] == '.' && (s[i + 1] == ' ' || isdigit((unsigned char)s[i + 1])))
    return true;
  if (s[0] == '(' && isalnum((unsigned char)s[1])) {
    const char *close = strchr(s, ')');
    if (close && close - s <= 6 && close[1] == ' ')
      return true;
  }
  if (gv_starts_with(s, "Draft resolution") || gv_starts_with(s, "Draft decision") ||
      gv_starts_with(s, "The General Assembly") || gv_list_header_len(s))
    return true;
  i = 0;
  while (s[i] && strchr("IVX", s[i]))
    i++;
  if (i && s[i] == '.' && s[i + 1] == ' ' && isupper((unsigned char)s[i + 2]))
    return true;
  return isupper((unsigned char)s[0]) && s[1] == '.' && s[2] == ' ' && isupper((unsigned char)s[3]);
}

/* Returns the last character of s that is not a closing quote, bracket,
 * superscript digit or space. */
static char last_significant(const char *s) {
  size_t n = strlen(s);
  while (n) {
    unsigned char c = (unsigned char)s[n - 1];
    if (c == ' ' || c == ')' || c == ']' || c == '"' || c == '\'' || c == '*') {
      n--;
      continue;
    }
    if (c >= 0x80) { /* step back over a multi-byte character */
      size_t k = n - 1;
      while (k && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
      size_t len;
      if (gv_superscript_digit(s + k, &len) >= 0 || gv_starts_with(s + k, "”") ||
          gv_starts_with(s + k, "’")) {
        n = k;
        continue;
      }
      return 'x';
    }
    return (char)c;
  }
  return '\0';
}

/* Returns true when a line that follows a line ending in `prev_end` starts a
 * new block in hard-wrapped text. */
static bool starts_new_block(const char *line, char prev_end) {
  if (gv_list_header_len(line) || gv_starts_with(line, "The General Assembly") ||
      gv_starts_with(line, "Draft resolution") || gv_starts_with(line, "Draft decision"))
    return true;
  if (prev_end == '.' || prev_end == ';' || prev_end == ':')
    return gv_is_structural_start(line);
  if (prev_end == ',') { /* a new preambular paragraph: "Recalling …" */
    size_t w = strcspn(line, " ,");
    return isupper((unsigned char)line[0]) && w > 4 && strncmp(line + w - 3, "ing", 3) == 0;
  }
  return false;
}

/* Appends line text to a block being built, joining hard-wrapped lines. */
static void join_line(gv_buf *b, const char *line) {
  if (b->len) {
    bool hyphen =
        b->data[b->len - 1] == '-' && b->len > 1 && isalpha((unsigned char)b->data[b->len - 2]);
    if (!hyphen)
      gv_buf_addc(b, ' ');
  }
  gv_buf_adds(b, line);
}

static void finish_block(gv_blocks *out, gv_buf *b, size_t line, char *marker) {
  if (!b->len) {
    free(marker);
    return;
  }
  gv_block blk = {gv_buf_take(b), line, marker != NULL, marker, false};
  GV_PUSH(out->items, out->n, out->cap, blk);
}

/* Groups lines into blocks: blank lines separate, hard-wrapped lines join. */
static void form_blocks(const vlines *v, gv_blocks *out) {
  gv_buf b = {0};
  size_t start = 0;
  char *marker = NULL;
  for (size_t i = 0; i < v->n; i++) {
    const char *t = v->items[i].text;
    if (is_blank(t)) {
      finish_block(out, &b, start, marker);
      marker = NULL;
      continue;
    }
    size_t skip = 0;
    char *fm = footnote_marker(t, &skip);
    bool split = fm || (b.len && starts_new_block(t, last_significant(b.data)));
    if (split) {
      finish_block(out, &b, start, marker);
      marker = NULL;
    }
    if (!b.len) {
      start = v->items[i].line;
      marker = fm;
      fm = NULL;
    }
    free(fm);
    join_line(&b, t + skip);
  }
  finish_block(out, &b, start, marker);
}

static bool is_terminal(char c, bool in_list) {
  return c == '.' || c == ';' || c == ':' || (!in_list && c == ',');
}

/* Returns true when s starts with a lowercase letter (Latin). */
static bool starts_lowercase(const char *s) {
  unsigned int uc;
  gv_utf8_decode(s, strlen(s), &uc);
  return (uc >= 'a' && uc <= 'z') || (uc >= 0xDF && uc <= 0xFF && uc != 0xF7);
}

/* Returns true when s starts with a digit or closing punctuation: after a
 * comma, only a continued sentence starts so ("…, 73/27 of 5 December"). */
static bool starts_digit_or_punct(const char *s) {
  return (*s >= '0' && *s <= '9') || *s == ',' || *s == ';' || *s == ')';
}

/* Returns true when block b continues the text block prev (page break or
 * footnote in between). */
static bool continues(const gv_block *prev, const gv_block *b) {
  if (gv_is_structural_start(b->text))
    return false;
  if (!prev->list && gv_list_header_len(prev->text) == strlen(prev->text))
    return false; /* a bare "In favour:" is followed by its list */
  char end = last_significant(prev->text);
  if (starts_lowercase(b->text) || (end == ',' && starts_digit_or_punct(b->text)))
    return true;
  return !is_terminal(end, prev->list);
}

static void join_blocks(gv_block *prev, gv_block *b) {
  gv_buf j = {0};
  gv_buf_adds(&j, prev->text);
  join_line(&j, b->text);
  free(prev->text);
  free(b->text);
  free(b->marker);
  prev->text = gv_buf_take(&j);
}

/* Marks list blocks and re-joins blocks split by a page break or footnote.
 * Nothing is joined before the first structural block (the heading area). */
static void merge_continuations(gv_blocks *bl) {
  size_t w = 0;
  bool in_list = false, body = false;
  int last = -1; /* index (after compaction) of the last text block */
  for (size_t r = 0; r < bl->n; r++) {
    gv_block b = bl->items[r];
    if (b.footnote) {
      bl->items[w++] = b;
      continue;
    }
    gv_block *before = w ? &bl->items[w - 1] : NULL;
    if (before && before->footnote && !gv_is_structural_start(b.text) &&
        last_significant(before->text) != '.') {
      join_blocks(before, &b); /* a footnote continued after a page header */
      continue;
    }
    if (body && last >= 0 && continues(&bl->items[last], &b)) {
      join_blocks(&bl->items[last], &b);
      if (bl->items[last].list && last_significant(bl->items[last].text) == '.')
        in_list = false;
      continue;
    }
    bool structural = gv_is_structural_start(b.text);
    body = body || structural;
    if (gv_list_header_len(b.text))
      in_list = true;
    else if (structural)
      in_list = false;
    b.list = in_list && !gv_list_header_len(b.text);
    if (b.list && last_significant(b.text) == '.')
      in_list = false;
    bl->items[w] = b;
    last = (int)w++;
  }
  bl->n = w;
}

/* Validates and normalizes the bytes: BOM, CR line ends, NFC. */
static char *normalize_input(const char *path, const char *data, size_t len, gv_diag *diag) {
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, len -= 3;
  size_t bad;
  if (!gv_utf8_valid(data, len, &bad)) {
    size_t line = 1;
    for (size_t i = 0; i < bad; i++)
      line += data[i] == '\n';
    gv_diag_add(diag, GV_ERROR, path, line, "not valid UTF-8 (byte %zu); convert it to UTF-8 first",
                bad + 1);
    return NULL;
  }
  if (memchr(data, '\0', len)) {
    gv_diag_add(diag, GV_ERROR, path, 0, "not a text file (it contains NUL bytes)");
    return NULL;
  }
  gv_buf b = {0};
  gv_buf_add(&b, "", 0);
  for (size_t i = 0; i < len;) {
    const char *cr = memchr(data + i, '\r', len - i);
    size_t run = cr ? (size_t)(cr - (data + i)) : len - i;
    gv_buf_add(&b, data + i, run);
    i += run;
    if (cr) {
      gv_buf_addc(&b, '\n'); /* CRLF and a lone CR both end a line */
      i += (i + 1 < len && data[i + 1] == '\n') ? 2 : 1;
    }
  }
  char *raw = gv_buf_take(&b);
  char *nfc = gv_nfc(raw, strlen(raw));
  free(raw);
  return nfc;
}

bool gv_prep_blocks(const char *path, const char *data, size_t len, gv_blocks *out, gv_diag *diag) {
  char *text = normalize_input(path, data, len, diag);
  if (!text)
    return false;
  vlines v = {0};
  split_lines(text, &v);
  free(text);
  form_blocks(&v, out);
  for (size_t i = 0; i < v.n; i++)
    free(v.items[i].text);
  free(v.items);
  merge_continuations(out);
  return true;
}

void gv_blocks_free(gv_blocks *b) {
  for (size_t i = 0; i < b->n; i++) {
    free(b->items[i].text);
    free(b->items[i].marker);
  }
  free(b->items);
  b->items = NULL;
  b->n = b->cap = 0;
}
