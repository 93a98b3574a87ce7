/*
 * Loading a corpus the way the program does: every input read (or, for a
 * corpus database with its query index beside it, the index opened
 * instead), then identity settled (alias files, merging on evidence,
 * merged initials), papers found in several inputs counted once, and
 * likely homonyms split on request.  Every command, 'coauthor serve' and a
 * program linked against libcoauthor load through coa_load.
 *
 * Diagnostics go to the caller's sink as the work goes (warnings located
 * at their file and line, errors with the file they concern); nothing is
 * printed.  What the program prints after a load ("read N records from
 * ...") is made from coa_loaded_counts.
 */
#ifndef COAUTHOR_LOAD_H
#define COAUTHOR_LOAD_H

#include "identity.h"
#include "read.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Flags of coa_load_options_t. */
enum {
    /* When the only input is a corpus database read as it is (no alias
     * file, no merged initials, keep_apart and split_homonyms off) and its
     * index is beside it, open the index instead of reading the database:
     * instant at any size, for queries on the default selection (papers of
     * at most COA_DEFAULT_MAX_AUTHORS authors, nobody left out).  A stale
     * or damaged index is reported as a warning, and the database is read. */
    COA_LOAD_OPEN_INDEX = 1 << 0
};

typedef struct {
    /* the inputs: paths, "-" for standard input, or "PATH:FORMAT" to read
     * one file as FORMAT (only a known format name after the last ':',
     * and never when the whole argument names an existing file) */
    const char *const *files;
    uint32_t n_files;
    coa_read_options_t read;      /* for every file (read.format: all of them) */
    const char *const *aliases;   /* alias files (coa_aliases_apply), in order */
    uint32_t n_aliases;
    int merge_initials;           /* coa_merge_initials */
    int keep_apart;               /* no coa_merge_evidence */
    int split_homonyms;           /* coa_split_homonyms */
    unsigned flags;               /* COA_LOAD_* */
    /* at most this many warnings per file reach the sink, then one saying
     * how many more were not shown; 0 for no limit */
    unsigned max_warnings_per_file;
    /* how far the reading of each file has got (bytes, or compressed bytes
     * of a gzip file), for a progress bar; may be NULL */
    void (*progress)(void *ctx, const char *name, uint64_t done, uint64_t total);
    void *progress_ctx;
} coa_load_options_t;

/* No files, the default read options, no alias files, no flags, no limit
 * on warnings, no progress. */
void coa_load_options_init(coa_load_options_t *opts);

/* What a load read and did: the figures of the program's summary line. */
typedef struct {
    uint32_t files;            /* inputs named */
    uint32_t records;          /* records read, over every source */
    uint32_t malformed;        /* records skipped as malformed */
    uint32_t no_authors;       /* records skipped without authors */
    uint32_t undated;          /* papers given assumed_year */
    int assumed_year;          /* the year given to undated papers */
    uint32_t inferred;         /* inferred authorships of the final corpus */
    uint32_t repeated_authors; /* an author twice on a paper, counted once */
    uint32_t duplicates;       /* papers merged as found in several inputs */
    uint32_t alias_merges;     /* names merged by an alias file */
    uint32_t initial_merges;   /* names merged by merge_initials */
    uint32_t evidence_merges;  /* names merged on evidence */
    uint32_t homonym_splits;   /* homonyms split */
} coa_load_counts_t;

typedef struct coa_loaded coa_loaded_t;

/* Loads the inputs.  On success *loaded holds the corpus (or the index
 * opened instead of it); free it with coa_loaded_free.  A load that reads
 * no record succeeds with counts.records = 0 (the program fails then, with
 * "no records read").  On failure *loaded is NULL and the sink has been
 * told why: COA_EIO (an input unreadable), COA_EFORMAT, COA_EPARSE (a
 * malformed record with read.strict), COA_ENOMEM. */
int coa_load(const coa_load_options_t *opts, const coa_diag_sink_t *diag, coa_loaded_t **loaded);
/* Does nothing with NULL. */
void coa_loaded_free(coa_loaded_t *loaded);

/* The corpus: the one read, or the index's (mapped, read-only).  Valid
 * until coa_loaded_free (or coa_loaded_take_corpus). */
const coa_corpus_t *coa_loaded_corpus(const coa_loaded_t *loaded);
/* The index opened instead of reading (COA_LOAD_OPEN_INDEX), or NULL.
 * Owned by loaded. */
const coa_store_index_t *coa_loaded_index(const coa_loaded_t *loaded);
/* Moves the corpus read into *out (which must not hold one: it is
 * overwritten), leaving loaded without it, so that a caller may change it
 * (flag homonyms, build graphs that outlive loaded).  COA_EINVAL when the
 * index was opened instead. */
int coa_loaded_take_corpus(coa_loaded_t *loaded, coa_corpus_t *out);
/* The figures of the load. */
const coa_load_counts_t *coa_loaded_counts(const coa_loaded_t *loaded);
/* What merging on evidence did (empty with keep_apart, a database or an
 * index).  Owned by loaded. */
const coa_evidence_report_t *coa_loaded_evidence(const coa_loaded_t *loaded);

/* The index alone, as COA_LOAD_OPEN_INDEX opens it (a stale or damaged
 * one reported as a warning), for a caller that reads the inputs only if
 * it must.  COA_ENOTFOUND when there is none to use; *ix owned by the
 * caller (coa_store_index_close). */
int coa_load_open_index(const coa_load_options_t *opts, const coa_diag_sink_t *diag, coa_store_index_t **ix);
/* The counts a load that opened the index gives (files = 1). */
void coa_load_index_counts(const coa_store_index_t *ix, coa_load_counts_t *counts);

/* ---- names and queries (src/load/query.c) ----
 * What these say goes to the sink: a note for a name matched in part, a
 * warning for papers left out of the coauthor graph, an error for a name
 * that matches no author or one without papers. */

/* Resolves a user's author name on c: the exact key, else a unique
 * partial match (noted: "'Titov' is Ivan Titov"); else an error with up
 * to five suggestions, and COA_ENOTFOUND.  'what' names the option
 * ("--author").  COA_OK, COA_ENOTFOUND or COA_ENOMEM. */
int coa_resolve_author(const coa_corpus_t *c, const char *what, const char *query, const coa_diag_sink_t *diag,
                       uint32_t *author);
/* The warning of papers of more than max_authors (0: the default) left
 * out of the coauthor graph, when 'skipped' is not 0. */
void coa_note_skipped(const coa_diag_sink_t *diag, uint32_t skipped, uint32_t max_authors);
/* Resolves names[0 .. n) on the index's corpus into authors[], each with
 * papers in the default selection (COA_ENOTFOUND otherwise), with the
 * warning building the graph would give. */
int coa_index_resolve(const coa_store_index_t *ix, const char *const *what, const char *const *names, uint32_t n,
                      const coa_diag_sink_t *diag, uint32_t *authors);

/* A query about one author that needs only part of the corpus: the part
 * is copied out of an index (opened, or built over the inputs in memory)
 * into a corpus on which the program runs as on the whole, and prints
 * the same.  Modes:
 *   COA_QUERY_COAUTHORS  the author's papers with all their authors
 *   COA_QUERY_EGO        every paper of the authors within 'radius' hops,
 *                        with all their authors; the years are those of
 *                        the whole selection */
typedef enum { COA_QUERY_COAUTHORS, COA_QUERY_EGO } coa_query_mode_t;
typedef struct {
    coa_query_mode_t mode;
    const char *what, *name; /* the option and the name given to it */
    uint32_t radius;         /* COA_QUERY_EGO */
    const char *database;    /* the database's path, for a damaged index */
} coa_index_query_t;
typedef struct {
    uint32_t author;        /* the id in the copied corpus of the author named */
    uint32_t vertices;      /* authors in the whole default graph */
    int year_min, year_max; /* COA_QUERY_EGO: the whole selection's years */
} coa_index_answer_t;
/* Resolves q->name on ix and fills c (initialised, empty) with the part
 * the query needs.  COA_OK; COA_ENOTFOUND for a name that matches no
 * author or one without papers; COA_EFORMAT (a damaged index) or
 * COA_ENOMEM; each reported. */
int coa_index_query(const coa_store_index_t *ix, const coa_index_query_t *q, const coa_diag_sink_t *diag,
                    coa_corpus_t *c, coa_index_answer_t *answer);

/* The one-line summary of a load, as every command prints it on stderr:
 * "PROGRAM: read N records from F files, S skipped (...), ..." with the
 * counts that are not 0 (src/load/summary.c). */
void coa_write_load_summary(FILE *out, const char *program, const coa_load_counts_t *n);

#ifdef __cplusplus
}
#endif

#endif
