/* gavel: the country table and name matching. */
#include "config.h"

#include "gavel/country.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gavel/text.h"
#include "gavel/util.h"

typedef struct {
  char *key; /* folded name */
  int country;
} name_slot;

struct gv_country_table {
  gv_country *items;
  size_t n, cap;
  name_slot *slots; /* open addressing, power-of-two size */
  size_t n_slots, n_keys;
};

static const char *const group_names[GV_GROUP_COUNT] = {"African",
                                                        "Asia-Pacific",
                                                        "Eastern European",
                                                        "Latin American and Caribbean",
                                                        "Western European and others",
                                                        "none"};
static const char *const group_shorts[GV_GROUP_COUNT] = {"AFR",    "APG",  "EEG",
                                                         "GRULAC", "WEOG", "-"};

const char *gv_group_name(gv_group g) {
  return g < GV_GROUP_COUNT ? group_names[g] : "none";
}

const char *gv_group_short(gv_group g) {
  return g < GV_GROUP_COUNT ? group_shorts[g] : "-";
}

static uint64_t hash_str(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

/* Returns the matching key for a name: folded, without a leading "the ",
 * trimmed.  Caller frees. */
static char *name_key(const char *s, size_t n) {
  char *f = gv_fold(s, n, GV_FOLD_ALL, NULL, NULL);
  char *p = f;
  while (*p == ' ')
    p++;
  if (strncmp(p, "the ", 4) == 0)
    p += 4;
  size_t len = strlen(p);
  while (len && (p[len - 1] == ' '))
    len--;
  char *k = gv_xstrndup(p, len);
  free(f);
  return k;
}

static void rehash(gv_country_table *t, size_t n_slots);

static void insert_key(gv_country_table *t, char *key, int country) {
  if ((t->n_keys + 1) * 2 > t->n_slots)
    rehash(t, t->n_slots ? t->n_slots * 2 : 512);
  size_t mask = t->n_slots - 1;
  for (size_t i = hash_str(key) & mask;; i = (i + 1) & mask) {
    if (!t->slots[i].key) {
      t->slots[i].key = key;
      t->slots[i].country = country;
      t->n_keys++;
      return;
    }
    if (strcmp(t->slots[i].key, key) == 0) {
      free(key); /* first definition wins */
      return;
    }
  }
}

static void rehash(gv_country_table *t, size_t n_slots) {
  name_slot *old = t->slots;
  size_t old_n = t->n_slots;
  t->slots = gv_xcalloc(n_slots, sizeof *t->slots);
  t->n_slots = n_slots;
  t->n_keys = 0;
  for (size_t i = 0; i < old_n; i++)
    if (old[i].key)
      insert_key(t, old[i].key, old[i].country);
  free(old);
}

static int parse_group(const char *s) {
  for (int g = 0; g < GV_GROUP_COUNT; g++)
    if (strcasecmp(s, group_names[g]) == 0 || strcasecmp(s, group_shorts[g]) == 0)
      return g;
  return -1;
}

/* Splits line at tabs into at most max fields (in place); returns the count. */
static size_t split_tabs(char *line, char **fields, size_t max) {
  size_t n = 0;
  fields[n++] = line;
  for (char *p = line; *p && n < max; p++)
    if (*p == '\t') {
      *p = '\0';
      fields[n++] = p + 1;
    }
  return n;
}

static void add_aliases(gv_country_table *t, gv_country *c, int idx, char *list) {
  for (char *tok = strtok(list, "|"); tok; tok = strtok(NULL, "|")) {
    while (*tok == ' ')
      tok++;
    if (!*tok)
      continue;
    char *nfc = gv_nfc(tok, strlen(tok));
    size_t cap = c->n_aliases;
    GV_PUSH(c->aliases, c->n_aliases, cap, nfc);
    insert_key(t, name_key(nfc, strlen(nfc)), idx);
  }
}

static void parse_row(gv_country_table *t, char *line, const char *path, size_t lineno,
                      gv_diag *diag) {
  char *f[5];
  size_t nf = split_tabs(line, f, 5);
  int group = nf >= 3 ? parse_group(f[2]) : -1;
  bool known_status = nf >= 4 && (strcmp(f[3], "member") == 0 || strcmp(f[3], "observer") == 0);
  if (!known_status || strlen(f[0]) != 3 || group < 0 || !*f[1]) {
    gv_diag_add(diag, GV_WARNING, path, lineno,
                "malformed country row (want iso3, name, group, status, aliases)");
    return;
  }
  gv_country c = {{0}, NULL, (gv_group)group, strcmp(f[3], "observer") != 0, NULL, 0};
  memcpy(c.iso3, f[0], 3);
  c.name = gv_nfc(f[1], strlen(f[1]));
  int idx = (int)t->n;
  GV_PUSH(t->items, t->n, t->cap, c);
  gv_country *cp = &t->items[idx];
  insert_key(t, name_key(cp->name, strlen(cp->name)), idx);
  if (nf == 5)
    add_aliases(t, cp, idx, f[4]);
}

gv_country_table *gv_countries_load(const char *path, gv_diag *diag) {
  size_t len;
  char *data = gv_read_file(path, &len);
  if (!data) {
    gv_diag_add(diag, GV_ERROR, path, 0, "cannot read country table: %s", strerror(errno));
    return NULL;
  }
  gv_country_table *t = gv_xcalloc(1, sizeof *t);
  size_t lineno = 0;
  for (char *line = data, *next; line && *line; line = next) {
    next = strchr(line, '\n');
    if (next)
      *next++ = '\0';
    lineno++;
    size_t l = strlen(line);
    if (l && line[l - 1] == '\r')
      line[--l] = '\0';
    if (!l || line[0] == '#' || (lineno == 1 && strncasecmp(line, "iso3\t", 5) == 0))
      continue;
    parse_row(t, line, path, lineno, diag);
  }
  free(data);
  return t;
}

void gv_countries_free(gv_country_table *t) {
  if (!t)
    return;
  for (size_t i = 0; i < t->n; i++) {
    free(t->items[i].name);
    for (size_t a = 0; a < t->items[i].n_aliases; a++)
      free(t->items[i].aliases[a]);
    free(t->items[i].aliases);
  }
  for (size_t i = 0; i < t->n_slots; i++)
    free(t->slots[i].key);
  free(t->slots);
  free(t->items);
  free(t);
}

size_t gv_countries_count(const gv_country_table *t) {
  return t ? t->n : 0;
}

const gv_country *gv_countries_get(const gv_country_table *t, size_t i) {
  return i < t->n ? &t->items[i] : NULL;
}

int gv_countries_lookup(const gv_country_table *t, const char *s, size_t n) {
  if (!t || !t->n_slots)
    return -1;
  char *key = name_key(s, n);
  size_t mask = t->n_slots - 1;
  int found = -1;
  for (size_t i = hash_str(key) & mask; t->slots[i].key; i = (i + 1) & mask)
    if (strcmp(t->slots[i].key, key) == 0) {
      found = t->slots[i].country;
      break;
    }
  free(key);
  return found;
}

int gv_countries_by_iso3(const gv_country_table *t, const char *iso3) {
  for (size_t i = 0; t && i < t->n; i++)
    if (strcasecmp(t->items[i].iso3, iso3) == 0)
      return (int)i;
  return -1;
}

static bool name_contains(const char *name, const char *needle) {
  char *k = name_key(name, strlen(name));
  bool hit = strstr(k, needle) != NULL;
  free(k);
  return hit;
}

int *gv_countries_search(const gv_country_table *t, const char *query, size_t *n) {
  int *out = NULL;
  size_t cnt = 0, cap = 0;
  char *needle = name_key(query, strlen(query));
  for (size_t i = 0; t && i < t->n; i++) {
    const gv_country *c = &t->items[i];
    bool hit = name_contains(c->name, needle);
    for (size_t a = 0; !hit && a < c->n_aliases; a++)
      hit = name_contains(c->aliases[a], needle);
    if (hit)
      GV_PUSH(out, cnt, cap, (int)i);
  }
  free(needle);
  *n = cnt;
  return out;
}
