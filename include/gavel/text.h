/* gavel: Unicode text utilities over libunistring (validation, normalization,
 * folding for matching, display width). */
#ifndef GAVEL_TEXT_H
#define GAVEL_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Folding options for gv_fold(). */
enum {
  GV_FOLD_CASE = 1 << 0,    /* full Unicode case folding */
  GV_FOLD_ACCENTS = 1 << 1, /* drop combining marks: "Côte" -> "cote" */
  GV_FOLD_PUNCT = 1 << 2,   /* apostrophe, quote and dash variants -> ' " - */
  GV_FOLD_SPACE = 1 << 3,   /* every run of white space -> one space */
  GV_FOLD_ALL = 0xf
};

/* Returns true when s[0..n) is valid UTF-8; otherwise stores the offset of
 * the first bad byte in *bad (when bad is not NULL). */
bool gv_utf8_valid(const char *s, size_t n, size_t *bad);

/* Returns s[0..n) in Unicode NFC as a new NUL-terminated string. Caller frees. */
char *gv_nfc(const char *s, size_t n);

/* Returns the folded form of s[0..n) (always decomposed, NFD) as a new
 * NUL-terminated string; stores its length in *out_len when not NULL.  When
 * map is not NULL, *map receives an array of out_len+1 source byte offsets:
 * (*map)[i] is the offset in s of the character that produced folded byte i,
 * and (*map)[out_len] == n.  Caller frees the result and *map. */
char *gv_fold(const char *s, size_t n, unsigned flags, size_t *out_len, size_t **map);

/* Returns true when a and b are equal after GV_FOLD_ALL folding (titles,
 * names); false when either is NULL. */
bool gv_folded_equal(const char *a, const char *b);

/* Returns the terminal display width of s[0..n) (control characters count 0). */
size_t gv_display_width(const char *s, size_t n);

/* Returns the display width of one code point (0 for combining, 2 for wide,
 * -1 for control characters). */
int gv_char_width(unsigned int uc);

/* Decodes one UTF-8 character at s (n bytes available) into *uc and returns
 * its byte length (>= 1); an invalid byte gives U+FFFD and length 1. */
int gv_utf8_decode(const char *s, size_t n, unsigned int *uc);

/* Writes code point uc as UTF-8 and a NUL into buf (at least 5 bytes) and
 * returns the byte length; an invalid code point gives U+FFFD. */
int gv_utf8_encode(unsigned int uc, char *buf);

#endif
