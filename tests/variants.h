/* Test helpers: layout variants of a document (hard-wrapped with page
 * headers, CRLF with a byte-order mark), as converters from PDF make them. */
#ifndef GAVEL_TEST_VARIANTS_H
#define GAVEL_TEST_VARIANTS_H

/* Returns text hard-wrapped at 72 columns with page headers (symbol, job
 * number, page number) inserted every 30 lines, inside paragraphs and lists.
 * Caller frees. */
char *gv_variant_wrapped(const char *text);

/* Returns text with a UTF-8 byte-order mark and CRLF line ends. Caller frees. */
char *gv_variant_crlf_bom(const char *text);

#endif
