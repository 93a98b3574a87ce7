/* What the corpus database (store.c) and its query index (store_index.c)
 * share: the list of the corpus's arrays and the layout signature. */
#ifndef COAUTHOR_STORE_INTERNAL_H
#define COAUTHOR_STORE_INTERNAL_H

#include "coauthor/store.h"

/* One array of the corpus: where its pointer and its count live. */
typedef struct {
    const char *name;
    void **data;
    size_t elem;
    uint64_t count;
} array_t;

#define COA_STORE_MAX_ARRAYS 32

/* The arrays in a fixed order, with counts taken from c; returns how many. */
size_t coa_store_arrays(coa_corpus_t *c, array_t *a);

/* Sets the corpus's counts from the arrays' counts (after a load). */
void coa_store_set_counts(coa_corpus_t *c, const array_t *a);

/* Cheap checks that the arrays fit together (string table, hash tables,
 * sources): no pass over papers or authorships. */
int coa_store_arrays_fit(const coa_corpus_t *c, const array_t *a);

/* The sizes of every structure saved: a database or index from a build
 * where any differs is refused rather than misread. */
void coa_store_layout(char *buf, size_t size);

/* Writes the query index of c to idx_path (through a temporary file beside
 * it, renamed at the end), tied to the database by store_id and to the
 * finished database file 'db_file' (its size and modification time,
 * which the rename into place keeps). */
int coa_store_index_write(const coa_corpus_t *c, const char *idx_path, uint64_t store_id, const char *db_file,
                          const coa_store_options_t *opts, const coa_diag_sink_t *diag);

#endif
