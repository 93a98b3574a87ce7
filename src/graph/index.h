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

#endif
