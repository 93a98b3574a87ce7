/*
 * The persistent corpus: a finalised corpus saved in an SQLite database
 * ("coauthor import FILE... -o corpus.db"), so that a large source such as
 * the whole of DBLP is parsed once.  Every reader entry point accepts the
 * database as an input; it is recognised by the SQLite header.
 *
 * The database holds the corpus's flat arrays as they are in memory (in
 * chunks of at most 64 MiB, under SQLite's 1 GB limit on a value), with
 * a layout signature: loading is a few large reads and no parsing, and a
 * database written by a build whose structures differ is refused with a
 * message to import again, never misread.  It is an image of one machine's
 * structures (byte order and struct sizes), not an interchange format: use
 * 'coauthor export' for that.
 */
#ifndef COAUTHOR_STORE_H
#define COAUTHOR_STORE_H

#include "corpus.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Writes the corpus (call coa_corpus_finalize first) to 'path', through a
 * temporary file beside it that is renamed at the end, so a failure never
 * leaves a half-written database over a good one.  *bytes (may be NULL)
 * receives the database's size.  COA_EIO with a diagnostic on failure. */
int coa_store_save(const coa_corpus_t *c, const char *path, uint64_t *bytes, const coa_diag_sink_t *diag);

/* The same with options: COA_STORE_HOMONYMS says that coa_find_homonyms has
 * flagged the corpus's authorships (after their flags were cleared), so
 * that a chain read from the index marks hops as a full load would. */
enum { COA_STORE_HOMONYMS = 1 << 0 };
typedef struct {
    unsigned flags;   /* COA_STORE_* */
    /* how far the writing has got, for a progress bar: called with the
     * file's name as it is written ("PATH" then "PATH.idx"), bytes written
     * and bytes in all, at least every 64 MiB (may be NULL) */
    void (*progress)(void *ctx, const char *name, uint64_t done, uint64_t total);
    void *progress_ctx;
} coa_store_options_t;
int coa_store_save_ex(const coa_corpus_t *c, const char *path, const coa_store_options_t *opts, uint64_t *bytes,
                      const coa_diag_sink_t *diag);

/* Checks, before any long work, that 'path' can take a database: an
 * existing directory or other non-file is refused, and the directory must
 * take a new file.  *device is set for a character device or pipe
 * (/dev/null, /dev/stdout into a pipe), which the database is copied into
 * in place, without an index.  COA_EIO with a diagnostic on failure. */
int coa_store_check_target(const char *path, int *device, const coa_diag_sink_t *diag);

/* Takes the writers' lock of the database at 'path' (flock on the file,
 * or on its directory while it does not exist), so that two imports or
 * appends run one after the other instead of losing one's update.  With
 * wait 0, COA_ENOTFOUND says another writer holds it.  *lock_fd is -1 when
 * there is nothing to lock (a device); release with coa_store_unlock after
 * the save. */
int coa_store_lock(const char *path, int *lock_fd, int wait, const coa_diag_sink_t *diag);
void coa_store_unlock(int lock_fd);

/* The number written into a database when it is saved, which ties the
 * index beside it to it.  COA_ENOTFOUND for a database without one. */
int coa_store_id(const char *path, uint64_t *id);

/* Loads the database at 'path' into c, which must be freshly initialised
 * (coa_corpus_init) and is left initialised and empty on failure.
 * COA_EFORMAT when the file is not a coauthor store or has another layout. */
int coa_store_load(coa_corpus_t *c, const char *path, const coa_diag_sink_t *diag);

/* True when the first bytes are an SQLite database's header. */
int coa_store_detect(const unsigned char *head, size_t len);

/*
 * The query index: a file beside the database (PATH.idx), written with it,
 * that answers one author's coauthors and the chains between two authors
 * (through a graph view of it: coa_view_new_index in view.h) without
 * loading the corpus or building the graph.  It holds the corpus's
 * arrays laid out to be mapped into memory as they are (so opening it reads
 * nothing), plus each author's papers, each paper's authors and each
 * author's number of coauthors, for the papers the default selection keeps
 * (at most COA_DEFAULT_MAX_AUTHORS authors).  A query reads only the pages
 * it touches.  The index is a cache: a database without one (or with an
 * index of another database beside it) is still read whole, as before.
 * A corpus with edge-list links or graph-file vertices gets no index.
 */
typedef struct coa_store_index coa_store_index_t;

/* Opens the index beside the database at db_path.  COA_ENOTFOUND when there
 * is none or it belongs to another database; COA_EFORMAT when it is
 * damaged or from a build with other structures; COA_EINVAL when it is
 * stale: the database file was changed after the index was written (its
 * size or modification time differ from those the index records). */
int coa_store_index_open(const char *db_path, coa_store_index_t **ix);
void coa_store_index_close(coa_store_index_t *ix);

/* The same index, built in memory for a corpus that is already loaded
 * (finalised), so that its queries skip building the coauthor graph; c is
 * shared, not copied, and must not change while the index is open.  flags
 * as in coa_store_options_t.  COA_ENOTFOUND for a corpus the index does not
 * serve (edge-list links, graph-file vertices). */
int coa_store_index_build(const coa_corpus_t *c, unsigned flags, coa_store_index_t **ix);

/* The whole corpus, read-only, mapped from the index: for looking authors
 * up (coa_author_match) and for sources and counts.  Valid until close. */
const coa_corpus_t *coa_store_index_corpus(const coa_store_index_t *ix);

/* Authorships marked inferred in the whole corpus; authors that are
 * vertices of the default graph; the COA_STORE_* flags it was saved with. */
uint32_t coa_store_index_inferred(const coa_store_index_t *ix);
uint32_t coa_store_index_vertices(const coa_store_index_t *ix);
unsigned coa_store_index_flags(const coa_store_index_t *ix);
/* Papers left out of the default selection (more than COA_DEFAULT_MAX_AUTHORS authors). */
uint32_t coa_store_index_skipped(const coa_store_index_t *ix);
/* Coauthor edges of the default graph (half the sum of the coauthor counts). */
uint64_t coa_store_index_edges(const coa_store_index_t *ix);

/* Papers of an author in the default selection. */
uint32_t coa_store_index_papers(const coa_store_index_t *ix, uint32_t author);

/* The earliest and latest year of the papers of the default selection
 * (years assumed for undated papers aside), or 0 and 0. */
void coa_store_index_years(const coa_store_index_t *ix, int *year_min, int *year_max);

/* Copies part of the corpus into 'out' (freshly initialised), enough to
 * answer a query on it exactly as on the whole corpus.  With whole_papers,
 * every selected paper of authors[0 .. n) with all its authors (one
 * author's coauthors, their weights and joint papers); without, the
 * selected papers that two or more of the authors share, each with only
 * those authors (the papers behind the hops of a chain), plus one paper for
 * any author left without one.  The sources are copied whole; authors keep
 * their relative order, names and flags.  map[i] (may be NULL) receives
 * the new id of authors[i].  'out' is not finalised: it is complete as it is. */
int coa_store_index_extract(const coa_store_index_t *ix, const uint32_t *authors, uint32_t n, int whole_papers,
                            coa_corpus_t *out, uint32_t *map);

enum {
    COA_EXTRACT_WHOLE = 1 << 0, /* whole_papers above */
    COA_EXTRACT_BARE = 1 << 1   /* papers without their text (title, venue,
                                   abstract, DOI, key): enough for a graph,
                                   not for tooltips or tables */
};
/* coa_store_index_extract with COA_EXTRACT_* flags. */
int coa_store_index_extract_ex(const coa_store_index_t *ix, const uint32_t *authors, uint32_t n, unsigned flags,
                               coa_corpus_t *out, uint32_t *map);

#ifdef __cplusplus
}
#endif

#endif
