/* The query index beside a database (index.c), as the saving of a
 * database (store_save.c) writes it; not installed. */
#ifndef COAUTHOR_GRAPH_INDEX_H
#define COAUTHOR_GRAPH_INDEX_H

#include "coauthor/store.h"

/* Writes the query index of c to idx_path (through a temporary file beside
 * it, renamed at the end), tied to the database by store_id and to the
 * finished database file 'db_file' (its size and modification time,
 * which the rename into place keeps). */
int coa_store_index_write(const coa_corpus_t *c, const char *idx_path, uint64_t store_id, const char *db_file,
                          const coa_store_options_t *opts, const coa_diag_sink_t *diag);

/* The index's coauthor lists: author a's distinct coauthors are
 * coauthors[start[a] .. start[a + 1]), in the order of their first joint
 * paper; n entries in all.  The bounds of each slice and the ids in it
 * come from the file: the reader checks them. */
void coa_store_index_coauthor_csr(const coa_store_index_t *ix, const uint64_t **start, const uint32_t **coauthors,
                                  uint64_t *n);

#endif
