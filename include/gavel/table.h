/* gavel: tabular command output, aligned for people or tab-separated for scripts. */
#ifndef GAVEL_TABLE_H
#define GAVEL_TABLE_H

#include <stdbool.h>
#include <stdio.h>

typedef struct gv_table gv_table;

/* Returns a new table with n_cols columns named by the header strings (copied).
 * Free with gv_table_free(). */
gv_table *gv_table_new(size_t n_cols, const char *const *headers);

/* Marks column col as right-aligned (numbers) in aligned output. */
void gv_table_align_right(gv_table *t, size_t col);

/* Appends a row of n_cols cells (copied; NULL prints as empty). */
void gv_table_add(gv_table *t, const char *const *cells);

/* Appends a row from n_cols NUL-terminated strings given as varargs. */
void gv_table_addv(gv_table *t, ...);

/* Prints the table: with tsv, a header line and tab-separated rows (tabs and
 * newlines in cells become spaces); otherwise columns padded by display width
 * with the header underlined by nothing but its position. */
void gv_table_print(const gv_table *t, FILE *out, bool tsv);

/* Returns the number of rows added. */
size_t gv_table_rows(const gv_table *t);

/* Frees the table. NULL is allowed. */
void gv_table_free(gv_table *t);

#endif
