/* Names a user gives, resolved on a corpus, and the part of an index's
 * corpus that a query about one author needs, with what the program says
 * about them through the diagnostic sink. */
#include <stdlib.h>
#include <string.h>

#include "coauthor/load.h"
#include "coauthor/view.h"
#include "core/core.h"

static const char *display(const coa_corpus_t *c, uint32_t a)
{
    return coa_corpus_str(c, c->authors[a].display);
}

/* Up to five suggestions make a long line: not coa_diag's 512 bytes. */
static void say_long(const coa_diag_sink_t *diag, coa_severity_t severity, const char *message)
{
    coa_diag_t d = {severity, NULL, 0, message};
    if (diag && diag->fn)
        diag->fn(diag->ctx, &d);
}

int coa_resolve_author(const coa_corpus_t *c, const char *what, const char *query, const coa_diag_sink_t *diag,
                       uint32_t *author)
{
    coa_match_t m;
    if (coa_author_match(c, query, &m)) {
        coa_diag(diag, COA_DIAG_ERROR, NULL, 0, "out of memory");
        return COA_ENOMEM;
    }
    if (m.kind == COA_MATCH_EXACT || m.kind == COA_MATCH_PARTIAL) {
        *author = m.author;
        if (m.kind == COA_MATCH_PARTIAL)
            coa_diag(diag, COA_DIAG_NOTE, NULL, 0, "%s '%s' is %s (the only author whose name contains it)", what,
                     query, display(c, m.author));
        return COA_OK;
    }
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out) {
        coa_diag(diag, COA_DIAG_ERROR, NULL, 0, "out of memory");
        return COA_ENOMEM;
    }
    fprintf(out, "%s '%s' ", what, query);
    if (m.kind == COA_MATCH_AMBIGUOUS)
        fprintf(out, "is ambiguous: %u authors match; ", m.n_matching);
    else
        fprintf(out, "matches no author; ");
    if (m.n_candidates) {
        fputs(m.kind == COA_MATCH_AMBIGUOUS ? "for example " : "did you mean ", out);
        for (uint32_t i = 0; i < m.n_candidates; i++)
            fprintf(out, "%s'%s'", i ? ", " : "", display(c, m.candidates[i]));
        fputc('?', out);
    } else {
        fputs("no similar names", out);
    }
    int failed = fclose(out);
    if (failed || !text) {
        free(text);
        coa_diag(diag, COA_DIAG_ERROR, NULL, 0, "out of memory");
        return COA_ENOMEM;
    }
    say_long(diag, COA_DIAG_ERROR, text);
    free(text);
    return COA_ENOTFOUND;
}

void coa_note_skipped(const coa_diag_sink_t *diag, uint32_t skipped, uint32_t max_authors)
{
    if (skipped)
        coa_diag(diag, COA_DIAG_WARNING, NULL, 0,
                 "%u paper%s with more than %u authors left out of the coauthor graph (--max-authors)", skipped,
                 skipped == 1 ? "" : "s", max_authors ? max_authors : COA_DEFAULT_MAX_AUTHORS);
}

int coa_index_resolve(const coa_store_index_t *ix, const char *const *what, const char *const *names, uint32_t n,
                      const coa_diag_sink_t *diag, uint32_t *authors)
{
    const coa_corpus_t *c = coa_store_index_corpus(ix);
    int err;
    for (uint32_t i = 0; i < n; i++)
        if ((err = coa_resolve_author(c, what[i], names[i], diag, &authors[i])))
            return err;
    /* what building the graph would have said */
    coa_note_skipped(diag, coa_store_index_skipped(ix), 0);
    for (uint32_t i = 0; i < n; i++)
        if (!coa_store_index_papers(ix, authors[i])) {
            coa_diag(diag, COA_DIAG_ERROR, NULL, 0, "%s '%s' has no papers in the selection", what[i],
                     display(c, authors[i]));
            return COA_ENOTFOUND;
        }
    return COA_OK;
}

/* The papers of every author within 'radius' hops of a (an author of the
 * index), with all their authors, into c; *a_in_c the id of a in c. */
static int extract_ego(const coa_store_index_t *ix, uint32_t a, uint32_t radius, coa_corpus_t *c, uint32_t *a_in_c)
{
    uint32_t *near = NULL, n_near = 0, *map = NULL;
    coa_view_t *view = NULL;
    int err = coa_view_new_index(ix, &view);
    if (!err)
        err = coa_view_ego(view, a, radius, 0, &near, &n_near);
    coa_view_free(view);
    if (!err && !(map = malloc((n_near ? n_near : 1) * sizeof *map)))
        err = COA_ENOMEM;
    if (!err)
        err = coa_store_index_extract(ix, near, n_near, 1, c, map);
    for (uint32_t k = 0; !err && k < n_near; k++)
        if (near[k] == a)
            *a_in_c = map[k];
    free(near);
    free(map);
    return err;
}

int coa_index_query(const coa_store_index_t *ix, const coa_index_query_t *q, const coa_diag_sink_t *diag,
                    coa_corpus_t *c, coa_index_answer_t *answer)
{
    const coa_corpus_t *whole = coa_store_index_corpus(ix);
    uint32_t found = COA_NONE;
    int ego = q->mode == COA_QUERY_EGO, err;
    memset(answer, 0, sizeof *answer);
    answer->author = COA_NONE;
    if ((err = coa_resolve_author(whole, q->what, q->name, diag, &found)))
        return err;
    /* what building the graph would have said (building it around an ego
     * without papers fails first) */
    if (!(ego && !coa_store_index_papers(ix, found)))
        coa_note_skipped(diag, coa_store_index_skipped(ix), 0);
    if (!coa_store_index_papers(ix, found)) {
        /* the words of each command's own check on the graph */
        if (ego)
            coa_diag(diag, COA_DIAG_ERROR, NULL, 0, "%s '%s' has no papers in the selection", q->what, q->name);
        else
            coa_diag(diag, COA_DIAG_ERROR, NULL, 0, "%s '%s' is not in the selected network", q->what,
                     display(whole, found));
        return COA_ENOTFOUND;
    }
    answer->vertices = coa_store_index_vertices(ix);
    if (ego) {
        err = extract_ego(ix, found, q->radius, c, &answer->author);
        if (!err)
            coa_store_index_years(ix, &answer->year_min, &answer->year_max);
    } else {
        err = coa_store_index_extract(ix, &found, 1, 1, c, &answer->author);
    }
    if (err == COA_EFORMAT)
        coa_diag(diag, COA_DIAG_ERROR, NULL, 0, "%s.idx: the index is damaged; 'coauthor import %s -o %s' writes it again",
                 q->database, q->database, q->database);
    else if (err)
        coa_diag(diag, COA_DIAG_ERROR, NULL, 0, "%s", coa_strerror(err));
    return err == COA_ENOTFOUND ? COA_EFORMAT : err; /* ENOTFOUND is for a name */
}
