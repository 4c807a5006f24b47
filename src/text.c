/* gavel: Unicode text utilities; every piece of Unicode knowledge comes from
 * libunistring. */
#include "config.h"

#include "gavel/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "gavel/util.h"

bool gv_utf8_valid(const char *s, size_t n, size_t *bad) {
  const uint8_t *p = u8_check((const uint8_t *)s, n);
  if (!p)
    return true;
  if (bad)
    *bad = (size_t)(p - (const uint8_t *)s);
  return false;
}

/* Appends the NFC form of s[0..n) to out. */
static void append_nfc(gv_buf *out, const char *s, size_t n) {
  size_t len = 0;
  uint8_t *r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &len);
  if (r)
    gv_buf_add(out, (const char *)r, len);
  else
    gv_buf_add(out, s, n);
  free(r);
}

/* ASCII characters have no decomposition and compose only with a following
 * mark, so each run of non-ASCII characters is normalized together with the
 * one character before it and the ASCII in between is copied as it is. */
char *gv_nfc(const char *s, size_t n) {
  gv_buf out = {0};
  gv_buf_add(&out, "", 0);
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && (unsigned char)s[j] < 0x80)
      j++;
    size_t seg = j > i ? j - 1 : j;
    gv_buf_add(&out, s + i, seg - i);
    if (j == n) {
      gv_buf_add(&out, s + seg, n - seg);
      break;
    }
    size_t k = j;
    while (k < n && (unsigned char)s[k] >= 0x80)
      k++;
    append_nfc(&out, s + seg, k - seg);
    i = k;
  }
  return gv_buf_take(&out);
}

int gv_utf8_decode(const char *s, size_t n, unsigned int *uc) {
  ucs4_t c;
  int len = u8_mbtouc(&c, (const uint8_t *)s, n);
  *uc = c;
  return len > 0 ? len : 1;
}

int gv_utf8_encode(unsigned int uc, char *buf) {
  int len = u8_uctomb((uint8_t *)buf, (ucs4_t)uc, 4);
  if (len <= 0)
    len = u8_uctomb((uint8_t *)buf, 0xFFFD, 4);
  buf[len] = '\0';
  return len;
}

/* Apostrophe, quote, dash and space variants that should match each other. */
static unsigned int fold_punct(unsigned int uc) {
  switch (uc) {
  case 0x2018:
  case 0x2019:
  case 0x201A:
  case 0x201B:
  case 0x02BC:
  case 0x2032:
  case 0x0060:
  case 0x00B4:
  case 0xFF07:
    return '\'';
  case 0x201C:
  case 0x201D:
  case 0x201E:
  case 0x201F:
  case 0x00AB:
  case 0x00BB:
  case 0x2033:
  case 0xFF02:
    return '"';
  case 0x2010:
  case 0x2011:
  case 0x2012:
  case 0x2013:
  case 0x2014:
  case 0x2015:
  case 0x2212:
  case 0xFE63:
  case 0xFF0D:
    return '-';
  default:
    return uc;
  }
}

static bool is_space_char(unsigned int uc) {
  return uc == ' ' || uc == '\t' || uc == '\n' || uc == '\r' || uc == '\f' || uc == '\v' ||
         uc == 0xA0 || uc == 0x202F || uc == 0x2007 || (uc >= 0x2000 && uc <= 0x200A) ||
         uc == 0x3000;
}

/* Appends the folded form of one non-ASCII code point to out. */
static void fold_char(gv_buf *out, unsigned int uc, unsigned flags) {
  ucs4_t in = uc, small[32];
  size_t len = sizeof small / sizeof small[0];
  ucs4_t *r;
  if (flags & GV_FOLD_CASE)
    r = u32_casefold(&in, 1, NULL, UNINORM_NFD, small, &len);
  else
    r = u32_normalize(UNINORM_NFD, &in, 1, small, &len);
  if (!r) {
    r = small;
    small[0] = in;
    len = 1;
  }
  for (size_t i = 0; i < len; i++) {
    if ((flags & GV_FOLD_ACCENTS) && uc_is_general_category(r[i], UC_CATEGORY_Mn))
      continue;
    uint8_t enc[6];
    int k = u8_uctomb(enc, r[i], sizeof enc);
    if (k > 0)
      gv_buf_add(out, (const char *)enc, (size_t)k);
  }
  if (r != small)
    free(r);
}

char *gv_fold(const char *s, size_t n, unsigned flags, size_t *out_len, size_t **map) {
  gv_buf out = {0};
  size_t *m = NULL, mcap = 0;
  bool last_space = false;
  gv_buf_add(&out, "", 0);
  for (size_t i = 0; i < n;) {
    unsigned int uc;
    int k = gv_utf8_decode(s + i, n - i, &uc);
    size_t before = out.len;
    if ((flags & GV_FOLD_SPACE) && is_space_char(uc)) {
      if (!last_space)
        gv_buf_addc(&out, ' ');
      last_space = true;
    } else {
      last_space = false;
      if (flags & GV_FOLD_PUNCT)
        uc = fold_punct(uc);
      if (uc < 0x80) {
        char c = (char)uc;
        if ((flags & GV_FOLD_CASE) && c >= 'A' && c <= 'Z')
          c = (char)(c - 'A' + 'a');
        gv_buf_addc(&out, c);
      } else {
        fold_char(&out, uc, flags);
      }
    }
    if (map) {
      gv_grow((void **)&m, &mcap, out.len + 1, sizeof *m);
      for (size_t j = before; j < out.len; j++)
        m[j] = i;
    }
    i += (size_t)k;
  }
  if (map) {
    gv_grow((void **)&m, &mcap, out.len + 1, sizeof *m);
    m[out.len] = n;
    *map = m;
  }
  if (out_len)
    *out_len = out.len;
  return gv_buf_take(&out);
}

int gv_char_width(unsigned int uc) {
  if (uc < 0x20 || (uc >= 0x7f && uc < 0xa0))
    return -1;
  if (uc < 0x7f)
    return 1;
  return uc_width(uc, "UTF-8");
}

size_t gv_display_width(const char *s, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n;) {
    unsigned int uc;
    i += (size_t)gv_utf8_decode(s + i, n - i, &uc);
    int cw = gv_char_width(uc);
    if (cw > 0)
      w += (size_t)cw;
  }
  return w;
}

bool gv_folded_equal(const char *a, const char *b) {
  if (!a || !b)
    return false;
  char *fa = gv_fold(a, strlen(a), GV_FOLD_ALL, NULL, NULL);
  char *fb = gv_fold(b, strlen(b), GV_FOLD_ALL, NULL, NULL);
  bool same = strcmp(fa, fb) == 0;
  free(fa);
  free(fb);
  return same;
}
