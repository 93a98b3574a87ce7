/*
 * A corpus database written by 'coauthor import' (src/corpus/store.c), as
 * an input like any other.
 *
 * Read alone (the usual case: 'coauthor path ... corpus.db'), the stored
 * corpus replaces the empty one, arrays and indexes as they were saved, so
 * nothing is parsed or hashed again.  Read with other inputs, its papers
 * are added one by one through the corpus's ordinary calls, so that
 * authors are matched and papers de-duplicated as for any source; its
 * papers then count under the database's name rather than under the
 * files they first came from.
 */
#include <string.h>

#include "coauthor/store.h"
#include "corpus/internal.h"
#include "readers.h"

int coa_detect_store(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    return coa_store_detect(head, len) ? 100 : 0;
}

/* Adds every paper and link of 'from' to ctx's corpus. */
static int replay(coa_reader_ctx_t *ctx, const coa_corpus_t *from)
{
    coa_corpus_t *c = ctx->corpus;
    int err = COA_OK;
    for (uint32_t i = 0; i < from->n_papers && !err; i++) {
        const coa_paper_t *src = &from->papers[i];
        coa_paper_t *p;
        if ((err = coa_corpus_paper_begin(c, ctx->source, src->line, &p)) ||
            (err = coa_corpus_copy_paper_fields(c, from, i)))
            break;
        /* the papers count under the database here, not their first files */
        c->papers[c->n_papers].source = ctx->source;
        for (uint32_t k = 0; k < src->n_authorships && !err; k++) {
            const coa_authorship_t *as = &from->authorships[src->first_authorship + k];
            const coa_author_t *au = &from->authors[as->author];
            const char *name = coa_corpus_str(from, au->display);
            const char *id = au->id ? coa_corpus_str(from, au->id) : NULL;
            unsigned flags = (as->inferred ? COA_ADD_INFERRED : 0u) |
                             ((au->flags & COA_AUTHOR_ORGANISATION) ? COA_ADD_ORGANISATION : 0u);
            err = coa_corpus_paper_add_author_ex(c, name, strlen(name), id, flags, NULL);
            if (err == COA_EINVAL)
                err = COA_OK;
        }
        if (err)
            break;
        coa_corpus_paper_end(c);
        c->sources[ctx->source].records++;
    }
    for (uint32_t i = 0; i < from->n_links && !err; i++) {
        const coa_link_t *l = &from->links[i];
        const char *a = coa_corpus_str(from, from->authors[l->a].display);
        const char *b = coa_corpus_str(from, from->authors[l->b].display);
        err = coa_corpus_add_link_weighted(c, ctx->source, l->line, a, strlen(a), b, strlen(b), l->weight);
        if (err == COA_EINVAL)
            err = COA_OK;
        else if (!err)
            c->sources[ctx->source].records++;
    }
    /* graph-file vertices without papers or links */
    for (uint32_t i = 0; i < from->n_authors && !err; i++) {
        const coa_author_t *au = &from->authors[i];
        if (!(au->flags & COA_AUTHOR_VERTEX) || au->merged_into != COA_NONE)
            continue;
        const char *name = coa_corpus_str(from, au->display);
        uint32_t a;
        err = coa_corpus_author(c, name, strlen(name), au->id ? coa_corpus_str(from, au->id) : NULL, &a);
        if (!err && a != COA_NONE)
            c->authors[a].flags |= COA_AUTHOR_VERTEX;
    }
    return err;
}

int coa_read_store(coa_reader_ctx_t *ctx)
{
    coa_corpus_t *c = ctx->corpus;
    if (ctx->in->mem || strcmp(ctx->in->name, "<stdin>") == 0) {
        coa_diag(ctx->diag, COA_DIAG_ERROR, ctx->in->name, 0,
                 "a corpus database is read from its file, not from a stream");
        return COA_EFORMAT;
    }
    /* only the source entry of this very file so far: take the stored corpus whole */
    if (c->n_papers == 0 && c->n_authors == 0 && c->n_links == 0 && c->n_merges == 0 && c->n_sources == 1)
        return coa_store_load(c, ctx->in->name, ctx->diag);
    coa_corpus_t stored;
    int err = coa_corpus_init(&stored);
    if (err)
        return err;
    if (!(err = coa_store_load(&stored, ctx->in->name, ctx->diag)))
        err = replay(ctx, &stored);
    coa_corpus_destroy(&stored);
    return err;
}
