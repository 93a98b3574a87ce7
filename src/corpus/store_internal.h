/* What the corpus database (store.c) gives its query index
 * (src/graph/index.c) and the saving of both (src/graph/store_save.c): the
 * list of the corpus's arrays, the layout signature and the temporary
 * database. */
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

/* A database being saved (coa_store_save_ex, src/graph/store_save.c):
 * coa_store_write_temp writes it whole into a temporary file beside its
 * path, and the caller writes the index beside it, then puts it in place
 * (coa_store_put_in_place) or gives it up (coa_store_discard_temp).  A
 * device or a pipe is written in place by coa_store_write_temp, which then
 * leaves tmp NULL, as it does on failure. */
typedef struct {
    char *tmp;         /* the temporary file, malloc'ed */
    uint64_t store_id; /* what ties the index to this database */
} coa_store_temp_t;
int coa_store_write_temp(const coa_corpus_t *c, const char *path, const coa_store_options_t *opts,
                         coa_store_temp_t *t, uint64_t *bytes, const coa_diag_sink_t *diag);
int coa_store_put_in_place(const char *path, coa_store_temp_t *t, uint64_t *bytes, const coa_diag_sink_t *diag);
void coa_store_discard_temp(coa_store_temp_t *t);

#endif
