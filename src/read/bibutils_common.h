/*
 * The shared adapter between bibutils (libbibutils) and the corpus, used by
 * the readers of BibTeX, biblatex, RIS, EndNote, ISI, MEDLINE, NBIB, Copac
 * and MODS.  Not installed.
 *
 * bibutils reads a whole FILE* at once, gives no line numbers, and prints
 * its complaints on stderr.  So a reader:
 *   1. loads its input, a chunk of whole records at a time, into a
 *      coa_bu_text_t (sanitised UTF-8, line numbers those of the file) and
 *      finds where each record starts, in the order bibutils will return
 *      them;
 *   2. runs coa_bu_run(), which hands the chunk to bibutils through a
 *      memory stream and captures what bibutils writes on stderr;
 *   3. adds each record with coa_bu_add_paper() at its line;
 *   4. turns the captured messages into located diagnostics with
 *      coa_bu_report().
 */
#ifndef COAUTHOR_READ_BIBUTILS_COMMON_H
#define COAUTHOR_READ_BIBUTILS_COMMON_H

#include <bibutils/bibutils.h>

#include "corpus/internal.h"
#include "readers.h"

/* The input, read a chunk of whole records at a time (coa_bu_text_next),
 * so that memory is bounded by a chunk and the largest record, not by the
 * file.  Of a run of empty lines only the first is kept in the text
 * (bibutils reads one as it reads many), so that a file of a few records
 * and 100 MB of blank lines costs a few bytes.  Line numbers stay those of
 * the file: the lines left out are listed as gaps, and so are the lines of
 * the chunks before (one gap, the first, when t->first > 1). */
typedef struct {
    long stored;        /* stored lines before the gap */
    long first;         /* the first line left out */
    long count;         /* lines left out up to and including this gap */
} coa_bu_gap_t;

/* A record may hold at most this many bytes of text (its lines, each at
 * most the input's line limit, COA_DEFAULT_MAX_LINE): a longer one is
 * reported at its first line and skipped, as a record with an over-long
 * line is, and reading goes on with the next record. */
#define COA_BU_MAX_RECORD ((size_t)16 << 20)
/* A chunk ends at the first record start past this many bytes of text
 * (COAUTHOR_BU_CHUNK overrides it, for tests). */
#define COA_BU_CHUNK ((size_t)4 << 20)

/* How records start, for cutting the input into chunks: one of 'starts'
 * (coa_bu_read_simple), 'marks' (coa_bu_read_marked) or 'bibtex' (a line
 * whose first non-blank character is '@').  With 'bibtex' at
 * COA_BU_BIBTEX_WHOLE, a crossref makes the rest of the input one chunk:
 * for an input that cannot be read twice (standard input), where the
 * BibTeX reader cannot look ahead for the entries crossrefs name. */
enum { COA_BU_BIBTEX = 1, COA_BU_BIBTEX_WHOLE = 2 };
typedef int (*coa_bu_start_fn)(const char *line, size_t len, const char *prev, size_t prev_len);
typedef struct {
    const char *prefix;
    const char *tags[2];
} coa_bu_starts_t;
typedef struct {
    coa_bu_start_fn starts;
    const coa_bu_starts_t *marks;
    int bibtex;
} coa_bu_cut_t;

typedef struct {
    char *text;         /* NUL-terminated; each stored line ends with '\n' */
    size_t len, cap;
    size_t *line_off;   /* line_off[i] is the offset of stored line i + 1 */
    long n_stored, stored_cap;
    long n_lines;       /* lines read so far, stored or not */
    long first;         /* the first line of this chunk */
    coa_bu_gap_t *gaps;
    size_t n_gaps, gaps_cap;
    long *long_lines;   /* lines the input layer dropped as too long */
    size_t n_long, long_cap;
    /* from one chunk to the next */
    int done;           /* the input has been read to its end */
    int whole;          /* COA_BU_BIBTEX_WHOLE: a crossref was seen; the rest is one chunk */
    char *pending;      /* the start line of the next chunk's first record */
    size_t pending_len, pending_cap;
    int has_pending;
    char *prev;         /* the line before (for cut->starts) */
    size_t prev_len, prev_cap;
    unsigned long records_over; /* records skipped as longer than COA_BU_MAX_RECORD */
} coa_bu_text_t;

/* Reads the next chunk of ctx->in into t (zeroed before the first call):
 * whole records, as 'cut' finds their starts, up to the first start past
 * COA_BU_CHUNK bytes.  Lines that the input layer dropped as too long stay
 * as empty lines, and are listed in long_lines (coa_bu_drop_long_lines).
 * A record over COA_BU_MAX_RECORD is reported as skipped (coa_reader_skip)
 * and left out, as a gap.  t->done is set once the input is read to its
 * end; the caller destroys t, even on failure. */
int coa_bu_text_next(coa_bu_text_t *t, coa_reader_ctx_t *ctx, const coa_bu_cut_t *cut);
void coa_bu_text_destroy(coa_bu_text_t *t);
/* The 1-based line holding byte 'off' of the text. */
long coa_bu_text_line_at(const coa_bu_text_t *t, size_t off);
/* Line 'line' (1-based) and its length without the newline ("" for a
 * line left out of the text, a chunk's before it included). */
const char *coa_bu_text_line(const coa_bu_text_t *t, long line, size_t *len);
/* The first line from 'from' up to but not including 'to' that the input
 * layer dropped as too long, or 0. */
long coa_bu_text_long_line(const coa_bu_text_t *t, long from, long to);
/* Where line 'line' starts in the text (a line left out: where the next
 * stored line starts). */
size_t coa_bu_text_offset(const coa_bu_text_t *t, long line);

/* Where each bibutils record came from, in bibutils' order. */
typedef struct {
    long line;          /* first line of the record, 0 if unknown */
    char *key;          /* the source's key for diagnostics, or NULL (owned) */
    int drop;           /* not a paper (a BibTeX @Preamble), or already reported
                           as skipped: add nothing and silence bibutils about it */
    size_t off, end;    /* BibTeX: where the entry's chunk is in the text */
    long ordinal;       /* 1 for the first record of the input, 2 for the next, ... */
    unsigned repeated_authors; /* BibTeX: names of the author list that repeat one before them */
} coa_bu_loc_t;

typedef struct {
    coa_bu_loc_t *items;
    long n, cap;
    long base;          /* records of the chunks before (for ordinals) */
} coa_bu_locs_t;

int coa_bu_locs_add(coa_bu_locs_t *l, long line, const char *key, size_t key_len);
void coa_bu_locs_destroy(coa_bu_locs_t *l);

/* Runs bibutils' reader 'informat' (BIBL_BIBTEXIN, ...) over text[0..len).  What
 * bibutils prints on stderr comes back in *messages (malloc'ed, NUL-
 * terminated, never NULL on success).  The caller frees out with bibl_free. */
int coa_bu_run(int informat, const char *text, size_t len, const char *name, bibl *out, char **messages);

/* Per-source state: tallies that the readers report once at the end, and
 * what the names read so far resolved to.  Zeroed to start; destroyed with
 * coa_bu_tally_destroy. */
typedef struct {
    unsigned long no_authors;   /* records without any author (proceedings, editors only) */
    coa_name_cache_t names;
} coa_bu_tally_t;

void coa_bu_tally_destroy(coa_bu_tally_t *t);

/* A record as the readers use it: what bibutils' fields say, or what the
 * BibTeX fast path (bibtex_fast.c) found.  Authors are as bibutils keeps
 * them: kind 0 "Family|Given|Given||Suffix", 1 a name kept as is (from
 * braces; "others" too), 2 a corporation.  The strings belong to whoever
 * filled the record; empty or NULL means absent. */
typedef struct {
    const char **author;
    unsigned char *kind;
    size_t n_authors, cap;
    const char *title, *subtitle, *venue, *doi, *key, *year, *month;
} coa_bu_rec_t;

int coa_bu_rec_add_author(coa_bu_rec_t *r, const char *value, int kind);
/* Empties r, keeping its author arrays for reuse. */
void coa_bu_rec_clear(coa_bu_rec_t *r);
void coa_bu_rec_destroy(coa_bu_rec_t *r);
/* Fills r from one bibutils record; 'key' as for coa_bu_add_paper. */
int coa_bu_rec_from_fields(fields *ref, const char *key, coa_bu_rec_t *r);
/* NULL when a and b make the same paper, else what differs ("the title"),
 * with both values quoted in detail[0..cap): strings compared exactly, the
 * year and month as the paper keeps them. */
const char *coa_bu_rec_diff(const coa_bu_rec_t *a, const coa_bu_rec_t *b, char *detail, size_t cap);
/* Adds a record as a paper at 'line' (see coa_bu_add_paper). */
int coa_bu_add_rec(coa_reader_ctx_t *ctx, const coa_bu_rec_t *r, long line, coa_bu_tally_t *tally);

/* Adds one bibutils record as a paper at 'line'.  'key' overrides the
 * record's own key (REFNUM, PMID, WoS UT) when not NULL.  A record without
 * authors is not a paper of a coauthor network: it is counted in the
 * tally, not added, and not reported one by one. */
int coa_bu_add_paper(coa_reader_ctx_t *ctx, fields *ref, long line, const char *key, coa_bu_tally_t *tally);

/* Marks as dropped, and reports as skipped (coa_reader_skip: an error
 * under --strict), every record of locs holding a line that the input
 * layer dropped as too long: such a record would otherwise lose a field
 * silently (a 1.3 MB author line made an entry "without authors").
 * Returns COA_EPARSE under --strict when there is one, else COA_OK. */
int coa_bu_drop_long_lines(coa_reader_ctx_t *ctx, const coa_bu_text_t *t, coa_bu_locs_t *locs);

/* Reports the captured bibutils messages as located warnings.  A message
 * naming a record ("reference N", "refnum N", "for reference 'KEY'") is
 * placed at that record's line, or dropped when the record is marked
 * drop; one quoting field text is placed where that text is. */
void coa_bu_report(coa_reader_ctx_t *ctx, const char *messages, const coa_bu_text_t *t,
                   const coa_bu_locs_t *locs);

/* Reads an input with one bibutils reader, a chunk at a time; 'starts'
 * says how many records start on a line (given the line before it, or NULL
 * for the first), so that each record gets its line.  For formats whose records
 * need no more care than that. */
int coa_bu_read_simple(coa_reader_ctx_t *ctx, int informat, coa_bu_start_fn starts);
/* The same where a record starts on a line that begins with 'prefix' (RIS
 * "TY  -"), or, with prefix NULL, at each "tags" on a line (XML: "<mods ",
 * "<mods>"; a NULL ends them). */
int coa_bu_read_marked(coa_reader_ctx_t *ctx, int informat, const coa_bu_starts_t *starts);

/* Helpers for detection: the number of lines among the first 200 of head
 * that start with 'prefix' (coa_head_has, readers.h, says whether head
 * holds a string). */
int coa_bu_count_lines(const unsigned char *head, size_t len, const char *prefix);
/* How often 'needle' occurs in line[0..len) (for XML record starts). */
int coa_bu_count_in(const char *line, size_t len, const char *needle);

#endif
