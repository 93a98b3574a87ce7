/* The tabular exports (CSV and tab-delimited): one reader over the shared
 * tokenizer (csv.h), told by a small description per format which header
 * names hold what and how its author lists are written; not installed. */
#ifndef COAUTHOR_READ_TABULAR_H
#define COAUTHOR_READ_TABULAR_H

#include <stddef.h>

#include "readers.h"

enum {
    COA_COL_AUTHORS,      /* the author list */
    COA_COL_FULL_NAMES,   /* a fuller author list, preferred when not empty (WoS AF, Scopus full names) */
    COA_COL_AUTHOR_IDS,   /* Scopus "Author(s) ID" */
    COA_COL_TITLE,
    COA_COL_YEAR,         /* the first four-digit number in it */
    COA_COL_VENUE,
    COA_COL_DOI,
    COA_COL_KEY,          /* the source's own record id */
    COA_COL_LINK,         /* Scopus: the record's URL, whose eid= is the key when no EID column */
    COA_COL_ORCID,        /* WoS OI: "Last, First/0000-0002-...; ..." */
    COA_COL_RESEARCHERID, /* WoS RI: "Last, First/A-1234-2010; ..." */
    COA_N_COLS
};

/* How a format writes its author lists. */
enum {
    COA_NAMES_LAST_FIRST, /* "Last, First; Last, First" (WoS, Zotero, Dimensions); "others" ends a cut list */
    COA_NAMES_FIRST_LAST, /* "First Last; First Last" (Lens) */
    COA_NAMES_SCHOLAR,    /* "JS Smith, A Besolo, ..." (Google Scholar through Publish or Perish) */
    COA_NAMES_SCOPUS      /* "Yagai T., Kimura Y." or "Yagai, Tsuyoshi (57188801000); ..." */
};

typedef struct {
    int col;
    const char *header;
} coa_tab_header_t;

/* How a format's header row is told from others: it has at least three
 * fields, 'first' (when given) as the first, case kept, and each of
 * 'needs'; then any of 'marks' makes the format sure, else likely. */
typedef struct {
    size_t max_fields;       /* fields read from the header, at most 128 */
    const char *first;       /* or NULL */
    const char *needs[2];    /* NULL-ended */
    const char *marks[4];    /* NULL-ended */
    int sure, likely;        /* the scores */
} coa_tab_sniff_t;

typedef struct {
    const char *name;                 /* the reader's name */
    char delim;                       /* ',' or '\t' */
    int quotes;                       /* RFC 4180 quotes */
    const char *preamble;             /* a first line starting so is not the header (Dimensions), or NULL */
    const coa_tab_header_t *headers;  /* ends with {0, NULL}; for one column, earlier names win */
    int names;                        /* COA_NAMES_* */
    int guess_authors;                /* no header names the authors: find them by content (Scopus) */
    coa_tab_sniff_t sniff;            /* for coa_tab_detect (Scopus detects by its own rules) */
} coa_tab_format_t;

int coa_read_tabular(coa_reader_ctx_t *ctx, const coa_tab_format_t *f);

/* Detection: the fields of the header row at the head of a file (after a
 * byte-order mark, and after a first line starting with 'preamble' when
 * given), unquoted and cut to 63 bytes; returns how many (at most max). */
#define COA_TAB_HEAD_FIELD 64
size_t coa_tab_head_fields(const unsigned char *head, size_t len, char delim, const char *preamble,
                           char (*fields)[COA_TAB_HEAD_FIELD], size_t max);
/* True when one of the fields is 'name' (case ignored). */
int coa_tab_has(char (*fields)[COA_TAB_HEAD_FIELD], size_t n, const char *name);
/* The score of a head of a file for format f (its delimiter, preamble
 * and sniff), or 0. */
int coa_tab_detect(const coa_tab_format_t *f, const unsigned char *head, size_t len);
/* "Harrell Jr. F.E." -> "F.E. Harrell Jr."; "Yagai, Tsuyoshi" -> "Tsuyoshi Yagai". */
void coa_tab_turn_round(const char *s, size_t n, char *out, size_t cap);

/* The reader table's pair of functions (readers.h) for a format that its
 * description says all of: detection by coa_tab_detect, reading by
 * coa_read_tabular. */
#define COA_TAB_READER(detect_fn, read_fn, format)                                  \
    int detect_fn(const char *name, const unsigned char *head, size_t len)         \
    {                                                                              \
        (void)name;                                                                \
        return coa_tab_detect(&(format), head, len);                               \
    }                                                                              \
    int read_fn(coa_reader_ctx_t *ctx)                                             \
    {                                                                              \
        return coa_read_tabular(ctx, &(format));                                   \
    }
#endif
