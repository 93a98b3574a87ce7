/*
 * The persistent corpus: a finalised corpus saved in an SQLite database
 * ("coauthor import FILE... -o corpus.db"), so that a large source such as
 * the whole of DBLP is parsed once.  Every reader entry point accepts the
 * database as an input; it is recognised by the SQLite header.
 *
 * The database holds the corpus's flat arrays as they are in memory (in
 * chunks of at most 256 MiB, under SQLite's 1 GB limit on a value), with
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

/* Loads the database at 'path' into c, which must be freshly initialised
 * (coa_corpus_init) and is left initialised and empty on failure.
 * COA_EFORMAT when the file is not a coauthor store or has another layout. */
int coa_store_load(coa_corpus_t *c, const char *path, const coa_diag_sink_t *diag);

/* True when the first bytes are an SQLite database's header. */
int coa_store_detect(const unsigned char *head, size_t len);

#ifdef __cplusplus
}
#endif

#endif
