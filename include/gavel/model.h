/* gavel: the shared model of documents, texts, paragraphs and recorded votes.
 *
 * The model is built once at start-up (see corpus.h) and read-only afterwards:
 * every other module receives it as `const gv_model *`.  All strings are UTF-8
 * in Unicode NFC, owned by the model and freed by gv_model_free().  Cross
 * references are indices into the model's arrays; -1 means "none".
 */
#ifndef GAVEL_MODEL_H
#define GAVEL_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "gavel/country.h"

/* A member state's ballot in a recorded vote. */
typedef enum {
  GV_ABSENT = 0, /* not listed in any of the three lists */
  GV_YES,
  GV_NO,
  GV_ABSTAIN,
  GV_BALLOT_COUNT
} gv_ballot;

/* "none" for gv_vote.intended[]: no intention was recorded. */
#define GV_NO_INTENTION ((signed char)-1)

typedef enum {
  GV_DOC_REPORT,     /* a committee report recommending drafts */
  GV_DOC_RESOLUTION, /* a resolution adopted by the General Assembly */
  GV_DOC_OTHER
} gv_doc_kind;

typedef enum {
  GV_NODE_SECTION,   /* "II. Consideration of proposals", "A. Draft resolution …" */
  GV_NODE_PARAGRAPH, /* a report's numbered paragraph ("7.") or unnumbered prose */
  GV_NODE_ITEM,      /* a report paragraph's sub-item ("(a)") */
  GV_NODE_TEXT,      /* the root of a resolution text (draft or adopted) */
  GV_NODE_PREAMBLE,  /* "The General Assembly," */
  GV_NODE_PP,        /* preambular paragraph */
  GV_NODE_OP,        /* operative paragraph */
  GV_NODE_SUB,       /* sub-paragraph of a PP or OP: (a), 1.1, (i) */
  GV_NODE_VOTE       /* a recorded vote stated in the report (see vote) */
} gv_node_kind;

/* One node of a document's paragraph tree.  Nodes are stored in document
 * order (pre-order), so a node's subtree is nodes[i+1 .. i+n_desc]. */
typedef struct {
  gv_node_kind kind;
  char *label;     /* "II", "A", "7", "(a)", "PP10", "OP1(a)", "OP1.1"; never NULL */
  char *text;      /* paragraph text, markup removed, footnote markers kept */
  size_t lead_len; /* bytes of text that are the emphasized lead ("Calls upon") */
  int parent;      /* node index, -1 at top level */
  int depth;       /* 0 at top level */
  int n_desc;      /* number of descendants */
  int text_index;  /* index into doc->texts of the enclosing text, -1 outside */
  int vote;        /* model vote index: the vote this node records (GV_NODE_VOTE)
                      or the vote taken on this paragraph (PP/OP), else -1 */
  int *footnotes;  /* indices into doc->footnotes cited here */
  size_t n_footnotes;
  int *citations; /* indices into doc->citations made in this node */
  size_t n_citations;
  size_t line; /* 1-based line in the source file where it starts */
} gv_node;

typedef struct {
  char *marker; /* "1", "2", … as printed (superscript converted to digits) */
  char *text;
  int node; /* the node that cites it, -1 when nothing cites it */
  size_t line;
} gv_footnote;

typedef enum {
  GV_TEXT_DRAFT_RESOLUTION,
  GV_TEXT_DRAFT_DECISION,
  GV_TEXT_RESOLUTION,
  GV_TEXT_DECISION
} gv_text_kind;

/* A text that can be voted on, adopted and compared: a draft resolution or
 * decision recommended by a report, or an adopted resolution itself. */
typedef struct {
  gv_text_kind kind;
  char *symbol;  /* "A/C.1/75/L.8/Rev.1", "75/32"; NULL if unknown */
  char *ordinal; /* "I", "II" for "draft resolution II"; NULL if none */
  char *title;
  int root;      /* node index of the GV_NODE_TEXT root */
  int *sponsors; /* country indices on whose behalf it was submitted */
  size_t n_sponsors;
  int *joined; /* country indices that subsequently joined */
  size_t n_joined;
  int series;       /* model series index, -1 */
  int adopted_doc;  /* for a draft: document of the resolution adopted from it */
  int from_doc;     /* for a resolution: document that recommended its draft */
  int from_text;    /* … and the draft's index in that document's texts */
  char *adopted_as; /* resolution number ("75/32") when known, else NULL */
} gv_text;

/* "Recalling its resolutions … 73/27 of 5 December 2018" */
typedef struct {
  char *symbol;    /* as cited, normalized: "73/27", "A/70/174" */
  int node;        /* citing node */
  int target_doc;  /* model document index, -1 when not in the corpus */
  int target_text; /* text index within target_doc, -1 for the document */
} gv_citation;

typedef struct {
  char *id;   /* stable readable id: "report-75-98", "res-75-32" */
  char *path; /* file it was read from */
  gv_doc_kind kind;
  char *symbol;    /* "A/75/394", "A/RES/75/32"; NULL if unknown */
  int session;     /* 75; 0 if unknown */
  int agenda_item; /* 98; 0 if unknown */
  char *agenda_title;
  char *title;      /* resolution title, or the agenda title for a report */
  char *date;       /* ISO 8601 "2020-11-16"; NULL if unknown */
  char *committee;  /* "First Committee"; NULL */
  char *rapporteur; /* NULL */
  char *meeting;    /* resolution: "37th plenary meeting"; NULL */
  gv_node *nodes;
  size_t n_nodes;
  gv_footnote *footnotes;
  size_t n_footnotes;
  gv_text *texts;
  size_t n_texts;
  gv_citation *citations;
  size_t n_citations;
  char *report_symbol; /* resolution: the report it was adopted on ("A/75/394") */
  int report_para;     /* … and the paragraph there (17), or 0 */
} gv_document;

typedef enum {
  GV_SUBJECT_WHOLE,     /* the draft as a whole */
  GV_SUBJECT_PARAGRAPH, /* one preambular or operative paragraph */
  GV_SUBJECT_MOTION     /* a motion for a separate vote on a paragraph */
} gv_vote_subject;

typedef struct {
  char *id;        /* "A/C.1/75/L.4", "A/C.1/75/L.8/Rev.1:pp10", "…:motion-op1" */
  int doc;         /* document stating the vote */
  int text;        /* index into docs[doc].texts of the draft voted on, -1 */
  int node;        /* docs[doc] node voted on (the PP/OP, or the text root); -1 */
  int stated_node; /* docs[doc] GV_NODE_VOTE node stating the vote */
  gv_vote_subject subject;
  char para_kind;               /* 'P' or 'O' for a paragraph or motion vote, else 0 */
  int para_number;              /* 10 for PP10 */
  char *draft_symbol;           /* "A/C.1/75/L.8/Rev.1" */
  char *description;            /* "Draft resolution A/C.1/75/L.4 as a whole", "PP10 of …" */
  char *outcome;                /* "adopted", "retained", "rejected", … */
  char *meeting;                /* "14th meeting"; NULL */
  char *date;                   /* ISO 8601; NULL */
  int stated[GV_BALLOT_COUNT];  /* stated tally for YES, NO, ABSTAIN; -1 unknown */
  int counted[GV_BALLOT_COUNT]; /* counted from the lists, ABSENT included */
  unsigned char *ballots;       /* gv_ballot per country index */
  signed char *intended;        /* gv_ballot per country, or GV_NO_INTENTION */
  char **notes;                 /* per country: the intention note text, or NULL */
  size_t line;
} gv_vote;

/* Texts sharing a title across sessions, in chronological order. */
typedef struct {
  char *title;
  int *docs; /* parallel arrays: member i is docs[i]'s texts[texts[i]] */
  int *texts;
  size_t n;
} gv_series;

typedef struct {
  gv_country_table *countries;
  gv_document *docs;
  size_t n_docs;
  gv_vote *votes; /* chronological */
  size_t n_votes;
  gv_series *series;
  size_t n_series;
} gv_model;

/* Frees everything a document owns (not the struct itself) and zeroes it. */
void gv_document_clear(gv_document *doc);

/* Frees everything a vote owns (not the struct itself); n_countries is the
 * length of its per-country arrays. */
void gv_vote_clear(gv_vote *vote, size_t n_countries);

/* Frees everything the model owns, and the model itself.  NULL is allowed. */
void gv_model_free(gv_model *model);

/* Returns the document with this id, symbol or resolution number ("75/32",
 * "A/RES/75/32"), or -1.  Matching ignores case. */
int gv_model_find_doc(const gv_model *model, const char *key);

/* Returns the vote with this id (case-insensitive), or -1. */
int gv_model_find_vote(const gv_model *model, const char *id);

/* Returns the text whose symbol is `symbol` (draft symbol or resolution
 * number), storing its document in *doc; returns -1 when not found. */
int gv_model_find_text(const gv_model *model, const char *symbol, int *doc);

/* Returns a static English name for a ballot: "yes", "no", "abstain", "absent". */
const char *gv_ballot_name(gv_ballot b);

/* Returns a static one-letter code for a ballot: 'Y', 'N', 'A' or '.'. */
char gv_ballot_letter(gv_ballot b);

/* Returns a static name for a document kind: "report", "resolution", "other". */
const char *gv_doc_kind_name(gv_doc_kind kind);

#endif
