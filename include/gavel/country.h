/* gavel: the country table (data/countries.tsv) and name matching. */
#ifndef GAVEL_COUNTRY_H
#define GAVEL_COUNTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "gavel/diag.h"

/* UN regional groups. */
typedef enum {
  GV_GROUP_AFRICAN,
  GV_GROUP_ASIA_PACIFIC,
  GV_GROUP_EASTERN_EUROPEAN,
  GV_GROUP_LATIN_AMERICAN_CARIBBEAN,
  GV_GROUP_WESTERN_EUROPEAN_OTHERS,
  GV_GROUP_NONE, /* not in a group */
  GV_GROUP_COUNT
} gv_group;

typedef struct {
  char iso3[4]; /* "CIV" */
  char *name;   /* current UN name: "Côte d’Ivoire" */
  gv_group group;
  bool member;    /* false for observer states */
  char **aliases; /* other names UN documents use or have used */
  size_t n_aliases;
} gv_country;

typedef struct gv_country_table gv_country_table;

/* Loads a countries.tsv file (columns: iso3, name, group, status, aliases
 * separated by "|"); problems go to diag with file and line.  Returns NULL
 * when the file cannot be read.  Free with gv_countries_free(). */
gv_country_table *gv_countries_load(const char *path, gv_diag *diag);

/* Frees the table. NULL is allowed. */
void gv_countries_free(gv_country_table *t);

/* Returns the number of countries (members and observers). */
size_t gv_countries_count(const gv_country_table *t);

/* Returns country i (0 <= i < count), owned by the table. */
const gv_country *gv_countries_get(const gv_country_table *t, size_t i);

/* Returns the index of the country named s[0..n) (name or alias), or -1.
 * Ignores case, a leading "the", white space, apostrophe/quote/dash variants
 * and normalization form. */
int gv_countries_lookup(const gv_country_table *t, const char *s, size_t n);

/* Returns the index of the country with this ISO 3166 alpha-3 code, or -1. */
int gv_countries_by_iso3(const gv_country_table *t, const char *iso3);

/* Returns indices of countries whose name or alias contains `query` ignoring
 * case and accents, in table order; stores the count in *n. Caller frees. */
int *gv_countries_search(const gv_country_table *t, const char *query, size_t *n);

/* Returns a static display name for a group ("African", …). */
const char *gv_group_name(gv_group g);

/* Returns a static short name for a group ("AFR", "APG", "EEG", "GRULAC", "WEOG", "-"). */
const char *gv_group_short(gv_group g);

#endif
