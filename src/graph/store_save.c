/* Saving a database with its query index beside it: the database is
 * written by the corpus (corpus/store.c), the index by graph/index.c,
 * which needs the graph's selection of papers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus/internal.h"
#include "corpus/store_internal.h"
#include "graph/index.h"

int coa_store_save(const coa_corpus_t *corpus, const char *path, uint64_t *bytes, const coa_diag_sink_t *diag)
{
    return coa_store_save_ex(corpus, path, NULL, bytes, diag);
}

int coa_store_save_ex(const coa_corpus_t *c, const char *path, const coa_store_options_t *options,
                      uint64_t *bytes, const coa_diag_sink_t *diag)
{
    coa_store_options_t none = {0, NULL, NULL};
    const coa_store_options_t *opts = options ? options : &none;
    size_t plen = strlen(path);
    char *idx = malloc(plen + 8);
    if (!idx)
        return COA_ENOMEM;
    snprintf(idx, plen + 8, "%s.idx", path);
    coa_store_temp_t t;
    int err = coa_store_write_temp(c, path, opts, &t, bytes, diag);
    if (err || !t.tmp) { /* failed, or written in place into a device */
        free(idx);
        return err;
    }
    /* the index first: a database never stands beside an index of another
     * (the index carries store_id, and one with another id is ignored) */
    int have_index = 0;
    err = coa_store_index_write(c, idx, t.store_id, t.tmp, opts, diag);
    if (err == COA_ENOTFOUND) {
        unlink(idx); /* a corpus the index does not serve: no stale one left */
        err = COA_OK;
    } else if (!err) {
        have_index = 1;
    }
    if (err)
        coa_store_discard_temp(&t);
    else
        err = coa_store_put_in_place(path, &t, bytes, diag);
    if (err && have_index)
        unlink(idx);
    free(idx);
    return err;
}
