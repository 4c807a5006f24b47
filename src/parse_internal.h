/* gavel: state shared by the parser's source files (not installed). */
#ifndef GAVEL_PARSE_INTERNAL_H
#define GAVEL_PARSE_INTERNAL_H

#include "gavel/parse.h"
#include "gavel/util.h"

/* What a report section ("B. Draft resolution X") says about its draft. */
typedef struct {
  char *symbol;  /* draft symbol from the heading or the text */
  bool decision; /* a draft decision */
  char *ordinal; /* "II" from "(see para. 17, draft resolution II)" */
  int para;      /* 17 from the same, or 0 */
  char *title;   /* from 'entitled "…"' */
  int *sponsors;
  size_t n_sponsors, cap_sponsors;
  int *joined;
  size_t n_joined, cap_joined;
} gv_section_info;

/* A footnote marker seen in a node's text. */
typedef struct {
  int node;
  int scope;    /* text index at the node, -1 outside texts */
  size_t block; /* block index */
  char marker[8];
} gv_fn_ref;

typedef struct {
  const char *path;
  const gv_country_table *countries;
  gv_document *doc;
  gv_votes *votes;
  gv_diag *diag;
  int doc_index;
  size_t cap_nodes, cap_footnotes, cap_texts, cap_citations;
  size_t block;           /* index of the block being parsed */
  size_t line;            /* its line */
  int section0, section1; /* current roman and letter sections, -1 */
  int para;               /* current report paragraph, -1 */
  int last_para_number;
  int text; /* current text index, -1 */
  int text_para, text_sub;
  int n_pp, last_op;
  bool in_ops;
  bool want_title; /* the next block may be the current text's title */
  bool want_text;  /* "… the following draft decision:" seen */
  bool want_decision;
  int vote;            /* model vote index collecting lists, -1 */
  gv_ballot list_kind; /* which list is being collected */
  int year;
  char *meeting, *date;      /* last "At its 14th meeting, on 9 November" */
  gv_section_info *sections; /* parallel to nodes: index by section1 node */
  size_t n_sections, cap_sections;
  int cur_section_info;
  int *fn_scope;    /* per footnote: scope */
  size_t *fn_block; /* per footnote: block index */
  gv_fn_ref *refs;
  size_t n_refs, cap_refs;
  size_t vote_base; /* votes->n when this document started */
} gv_parser;

/* Country names looked up between these calls are remembered (on this
 * thread), for one country table: gv_parse_document() brackets a document
 * with them, a loader may bracket all its documents.  Begin returns false
 * (and does nothing) when a memo is already in use; then do not end it. */
bool gv_p_memo_begin(void);
void gv_p_memo_end(void);

/* Returns a new node index (kind, label and text copied). */
int gv_p_add_node(gv_parser *p, gv_node_kind kind, const char *label, const char *text, int parent);

/* Returns the first draft symbol ("A/C.1/75/L.4") in s, or NULL. Caller frees. */
char *gv_p_find_draft_symbol(const char *s);

/* Notes a report paragraph or item: sponsors, meetings, section facts, votes. */
void gv_p_report_paragraph(gv_parser *p, int node);

/* Handles a block in a country list (after "In favour:" …). */
void gv_p_list_block(gv_parser *p, const char *text);

/* Handles a list header block; returns true when it was one. */
bool gv_p_list_header(gv_parser *p, const char *text);

/* After the whole document: links votes to texts and paragraphs, parses
 * intended-vote footnotes. */
void gv_p_finish_votes(gv_parser *p);

/* Returns the digit of the superscript digit at s (storing its byte
 * length in *len), or -1. */
int gv_superscript_digit(const char *s, size_t *len);

/* Returns the length of a vote-list header at the start of s, or 0. */
size_t gv_list_header_len(const char *s);

/* Returns true when s starts like a new paragraph. */
bool gv_is_structural_start(const char *s);

#endif
