/* Unit tests for the country table (data/countries.tsv, src/country.c). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "gavel/country.h"
#include "gavel/util.h"

#define TABLE_PATH GV_TEST_SRCDIR "/data/countries.tsv"

static gv_country_table *table; /* the real table, loaded once for the group */

static int load_table(void **state) {
  (void)state;
  gv_diag d = {0};
  table = gv_countries_load(TABLE_PATH, &d);
  gv_diag_print(&d, stderr);
  size_t n_messages = d.n;
  gv_diag_free(&d);
  return table && n_messages == 0 ? 0 : -1;
}

static int free_table(void **state) {
  (void)state;
  gv_countries_free(table);
  table = NULL;
  return 0;
}

/* Returns "NAME -> ISO3" for what the look-up of name gives ("-" when
 * nothing), so a failed comparison shows the name and both answers. */
static const char *resolve(const char *name) {
  static char buf[512];
  int i = gv_countries_lookup(table, name, strlen(name));
  const char *iso = i < 0 ? "-" : gv_countries_get(table, (size_t)i)->iso3;
  snprintf(buf, sizeof buf, "%s -> %s", name, iso);
  return buf;
}

static const char *expect(const char *name, const char *iso3) {
  static char buf[512];
  snprintf(buf, sizeof buf, "%s -> %s", name, iso3);
  return buf;
}

#define assert_resolves(name, iso3) assert_string_equal(resolve(name), expect(name, iso3))

static void test_counts(void **state) {
  (void)state;
  size_t members = 0;
  gv_buf observers = {0};
  for (size_t i = 0; i < gv_countries_count(table); i++) {
    const gv_country *c = gv_countries_get(table, i);
    if (c->member)
      members++;
    else
      gv_buf_printf(&observers, "%s ", c->iso3);
  }
  assert_int_equal(gv_countries_count(table), 195);
  assert_int_equal(members, 193);
  char *obs = gv_buf_take(&observers);
  assert_string_equal(obs, "VAT PSE ");
  free(obs);
  assert_null(gv_countries_get(table, 195));
}

static void test_official_names(void **state) {
  (void)state;
  const char *names[][2] = {
      {"CIV", "C\xc3\xb4te d\xe2\x80\x99Ivoire"},
      {"TUR", "T\xc3\xbcrkiye"},
      {"PRK", "Democratic People\xe2\x80\x99s Republic of Korea"},
      {"NLD", "Netherlands (Kingdom of the)"},
      {"BOL", "Bolivia (Plurinational State of)"},
      {"GBR", "United Kingdom of Great Britain and Northern Ireland"},
      {"STP", "Sao Tome and Principe"},
      {"VAT", "Holy See"},
      {"PSE", "State of Palestine"},
  };
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    int idx = gv_countries_by_iso3(table, names[i][0]);
    const char *got = idx < 0 ? "(no such code)" : gv_countries_get(table, (size_t)idx)->name;
    assert_string_equal(got, names[i][1]);
  }
  assert_int_equal(gv_countries_by_iso3(table, "XYZ"), -1);
}

static void test_rows_sorted_and_codes_unique(void **state) {
  (void)state;
  size_t n = gv_countries_count(table);
  for (size_t i = 0; i < n; i++) {
    const gv_country *c = gv_countries_get(table, i);
    assert_int_equal(gv_countries_by_iso3(table, c->iso3), (int)i);
    for (size_t k = 0; k < 3; k++)
      assert_true(c->iso3[k] >= 'A' && c->iso3[k] <= 'Z');
  }
  /* the UN ordering around non-ASCII and renamed states: codes in table order */
  const char *picked = " CRI CIV HRV NPL NLD NZL NGA MKD NOR TUN TUR TKM ";
  gv_buf order = {0};
  for (size_t i = 0; i < n; i++) {
    char code[6];
    snprintf(code, sizeof code, " %s ", gv_countries_get(table, i)->iso3);
    if (strstr(picked, code))
      gv_buf_printf(&order, "%s", order.len ? code + 1 : code);
  }
  char *got = gv_buf_take(&order);
  assert_string_equal(got, picked);
  free(got);
}

static void test_every_name_and_alias_resolves_to_its_row(void **state) {
  (void)state;
  for (size_t i = 0; i < gv_countries_count(table); i++) {
    const gv_country *c = gv_countries_get(table, i);
    assert_resolves(c->name, c->iso3);
    for (size_t a = 0; a < c->n_aliases; a++)
      assert_resolves(c->aliases[a], c->iso3);
  }
}

static void test_aliases(void **state) {
  (void)state;
  assert_resolves("United States", "USA");
  assert_resolves("United States of America", "USA");
  assert_resolves("the former Yugoslav Republic of Macedonia", "MKD");
  assert_resolves("North Macedonia", "MKD");
  assert_resolves("Turkey", "TUR");
  assert_resolves("T\xc3\xbcrkiye", "TUR");
  assert_resolves("Democratic Republic of Congo", "COD");
  assert_resolves("Zaire", "COD");
  assert_resolves("the Netherlands", "NLD");
  assert_resolves("Netherlands", "NLD");
  assert_resolves("Swaziland", "SWZ");
  assert_resolves("Cape Verde", "CPV");
  assert_resolves("Czech Republic", "CZE");
  assert_resolves("Libyan Arab Jamahiriya", "LBY");
  assert_resolves("Burma", "MMR");
  assert_resolves("Viet Nam", "VNM");
  assert_resolves("Vietnam", "VNM");
  assert_resolves("Holy See", "VAT");
  assert_resolves("Vatican", "VAT");
  assert_resolves("Palestine", "PSE");
  assert_resolves("Democratic People's Republic of Korea", "PRK");
  assert_resolves("North Korea", "PRK");
  assert_resolves("Republic of Korea", "KOR");
  assert_resolves("South Korea", "KOR");
}

static void test_spelling_variants(void **state) {
  (void)state;
  assert_resolves("C\xc3\xb4te d'Ivoire", "CIV");
  assert_resolves("C\xc3\xb4te d\xe2\x80\x99Ivoire", "CIV");
  assert_resolves("COTE D'IVOIRE", "CIV");
  assert_resolves("Co\xcc\x82te d\xe2\x80\x99Ivoire", "CIV"); /* NFD: o + combining circumflex */
  assert_resolves("Ivory Coast", "CIV");
  assert_resolves("Sao Tome And Principe", "STP");
  assert_resolves("S\xc3\xa3o Tom\xc3\xa9 and Pr\xc3\xadncipe", "STP");
  assert_resolves("  the   Gambia ", "GMB");
  assert_resolves("Timor\xe2\x80\x91Leste", "TLS"); /* non-breaking hyphen */
}

static void test_non_names(void **state) {
  (void)state;
  const char *non_names[] = {"Atlantis", "", "the", "Korea", "Guinea Bissau Republic", "Congo DR"};
  for (size_t i = 0; i < sizeof non_names / sizeof non_names[0]; i++)
    assert_resolves(non_names[i], "-");
}

static void test_similar_names_are_distinct(void **state) {
  (void)state;
  assert_resolves("Guinea", "GIN");
  assert_resolves("Guinea-Bissau", "GNB");
  assert_resolves("Equatorial Guinea", "GNQ");
  assert_resolves("Papua New Guinea", "PNG");
  assert_resolves("Niger", "NER");
  assert_resolves("Nigeria", "NGA");
  assert_resolves("Dominica", "DMA");
  assert_resolves("Dominican Republic", "DOM");
  assert_resolves("Congo", "COG");
  assert_resolves("Democratic Republic of the Congo", "COD");
  assert_resolves("Sudan", "SDN");
  assert_resolves("South Sudan", "SSD");
}

/* Returns "ISO3: group name" for the country with this code. */
static const char *group_of(const char *iso3) {
  static char buf[128];
  int i = gv_countries_by_iso3(table, iso3);
  const char *g =
      i < 0 ? "(no such country)" : gv_group_name(gv_countries_get(table, (size_t)i)->group);
  snprintf(buf, sizeof buf, "%s: %s", iso3, g);
  return buf;
}

static void test_groups(void **state) {
  (void)state;
  assert_string_equal(group_of("CYP"), "CYP: Asia-Pacific");
  assert_string_equal(group_of("KIR"), "KIR: Asia-Pacific");
  assert_string_equal(group_of("ISR"), "ISR: Western European and others");
  assert_string_equal(group_of("USA"), "USA: Western European and others");
  assert_string_equal(group_of("TUR"), "TUR: Western European and others");
  assert_string_equal(group_of("SSD"), "SSD: African");
  assert_string_equal(group_of("RUS"), "RUS: Eastern European");
  assert_string_equal(group_of("CUB"), "CUB: Latin American and Caribbean");
  assert_string_equal(group_of("VAT"), "VAT: none");
  assert_string_equal(gv_group_short(GV_GROUP_LATIN_AMERICAN_CARIBBEAN), "GRULAC");
}

static void test_group_sizes(void **state) {
  (void)state;
  size_t size[GV_GROUP_COUNT] = {0};
  for (size_t i = 0; i < gv_countries_count(table); i++) {
    const gv_country *c = gv_countries_get(table, i);
    if (c->member)
      size[c->group]++;
  }
  char got[128];
  snprintf(got, sizeof got, "AFR %zu APG %zu EEG %zu GRULAC %zu WEOG %zu none %zu",
           size[GV_GROUP_AFRICAN], size[GV_GROUP_ASIA_PACIFIC], size[GV_GROUP_EASTERN_EUROPEAN],
           size[GV_GROUP_LATIN_AMERICAN_CARIBBEAN], size[GV_GROUP_WESTERN_EUROPEAN_OTHERS],
           size[GV_GROUP_NONE]);
  assert_string_equal(got, "AFR 54 APG 54 EEG 23 GRULAC 33 WEOG 29 none 0");
}

/* Returns the iso3 codes of the search hits for query, space-separated. */
static char *search_codes(const char *query) {
  size_t n;
  int *hits = gv_countries_search(table, query, &n);
  gv_buf b = {0};
  for (size_t i = 0; i < n; i++)
    gv_buf_printf(&b, "%s%s", i ? " " : "", gv_countries_get(table, (size_t)hits[i])->iso3);
  free(hits);
  return gv_buf_take(&b);
}

static void test_search(void **state) {
  (void)state;
  const char *cases[][2] = {
      {"ivo", "CIV"},
      {"turk", "TUR TKM"},
      {"T\xc3\x9cRK", "TUR TKM"},
      {"guinea", "GNQ GIN GNB PNG"},
      {"zzz", ""},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *got = search_codes(cases[i][0]);
    assert_string_equal(got, cases[i][1]);
    free(got);
  }
}

/* Writes text to a new temporary file and returns its path. Caller frees
 * and unlinks. */
static char *write_temp(const char *text) {
  const char *dir = getenv("TMPDIR");
  char *path = gv_xasprintf("%s/test_country.XXXXXX", dir && *dir ? dir : "/tmp");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  size_t len = strlen(text);
  assert_int_equal(write(fd, text, len), (ssize_t)len);
  close(fd);
  return path;
}

static void test_malformed_rows_warn_and_good_rows_load(void **state) {
  (void)state;
  const char *text = "iso3\tname\tgroup\tstatus\taliases\n"           /* 1 */
                     "AAA\tAlpha\tAfrican\tmember\tAlfa|Alpha Land\n" /* 2 */
                     "BB\tBeta\tAfrican\tmember\t\n"                  /* 3: bad code */
                     "\n"                                             /* 4 */
                     "CCC\tGamma\tMartian\tmember\t\n"                /* 5: bad group */
                     "DDD\tDelta\n"                                   /* 6: too few */
                     "# a comment\n"                                  /* 7 */
                     "EEE\tEpsilon\tWEOG\tobserver\t Eps\r\n"         /* 8: CRLF */
                     "FFF\t\tAfrican\tmember\n"                       /* 9: no name */
                     "HHH\tEta\tAfrican\tobservr\t\n"                 /* 10: bad status */
                     "GGG\tGamma Land\tnone\tmember";                 /* 11: no newline */
  char *path = write_temp(text);
  gv_diag d = {0};
  gv_country_table *t = gv_countries_load(path, &d);
  gv_buf where = {0};
  for (size_t i = 0; i < d.n; i++) {
    assert_string_equal(d.items[i].file, path);
    gv_buf_printf(&where, "%s%zu:%s", i ? " " : "", d.items[i].line,
                  d.items[i].severity == GV_ERROR ? "error" : "warning");
  }
  char *got = gv_buf_take(&where);
  assert_string_equal(got, "3:warning 5:warning 6:warning 9:warning 10:warning");
  free(got);
  assert_non_null(t);
  assert_int_equal(gv_countries_count(t), 3);
  assert_int_equal(gv_countries_lookup(t, "alpha land", 10), 0);
  assert_int_equal(gv_countries_lookup(t, "Eps", 3), 1);
  const gv_country *e = gv_countries_get(t, 1);
  assert_string_equal(e->iso3, "EEE");
  assert_false(e->member);
  assert_int_equal(e->group, GV_GROUP_WESTERN_EUROPEAN_OTHERS);
  assert_string_equal(gv_countries_get(t, 2)->name, "Gamma Land");
  gv_countries_free(t);
  gv_diag_free(&d);
  unlink(path);
  free(path);
}

static void test_missing_file(void **state) {
  (void)state;
  const char *path = GV_TEST_SRCDIR "/data/no-such-countries.tsv";
  gv_diag d = {0};
  assert_null(gv_countries_load(path, &d));
  assert_int_equal(d.n, 1);
  assert_int_equal(d.n_errors, 1);
  char *out = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&out, &len);
  gv_diag_print(&d, f);
  fclose(f);
  char *want = gv_xasprintf("gavel: %s: error: cannot read country table: ", path);
  out[strlen(want) < len ? strlen(want) : len] = '\0';
  assert_string_equal(out, want);
  free(want);
  free(out);
  gv_diag_free(&d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_counts),
      cmocka_unit_test(test_official_names),
      cmocka_unit_test(test_rows_sorted_and_codes_unique),
      cmocka_unit_test(test_every_name_and_alias_resolves_to_its_row),
      cmocka_unit_test(test_aliases),
      cmocka_unit_test(test_spelling_variants),
      cmocka_unit_test(test_non_names),
      cmocka_unit_test(test_similar_names_are_distinct),
      cmocka_unit_test(test_groups),
      cmocka_unit_test(test_group_sizes),
      cmocka_unit_test(test_search),
      cmocka_unit_test(test_malformed_rows_warn_and_good_rows_load),
      cmocka_unit_test(test_missing_file),
  };
  return cmocka_run_group_tests(tests, load_table, free_table);
}
