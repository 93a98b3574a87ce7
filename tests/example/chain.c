/*
 * An example of the library: the chain between two authors of a corpus,
 * as 'coauthor path' prints its first lines, through coa_load and a graph
 * view.  A database with its index beside it ('coauthor import FILE -o
 * corpus.db') is opened, not read; any other input is read, and the view
 * is over the coauthor graph built from it.
 *
 *   example_chain INPUT "From Name" "To Name"
 *
 * Prints the chain ("A -> B -> C"), its length and the number of shortest
 * chains, then each hop's joint papers (newest first).  Exit status 1 on a
 * failure, 2 for a name that matches no author, 3 when no chain exists.
 * tests/scripts/example-chain.sh checks it against 'coauthor path'.
 */
#include <stdio.h>
#include <stdlib.h>

#include "coauthor.h"

static void print_diag(void *ctx, const coa_diag_t *d)
{
    (void)ctx;
    if (d->severity == COA_DIAG_ERROR)
        fprintf(stderr, "example_chain: %s%s%s\n", d->file ? d->file : "", d->file ? ": " : "", d->message);
}

/* The author a name denotes: its exact key, or the one author whose name
 * contains it. */
static int find(const coa_corpus_t *c, const char *name, uint32_t *author)
{
    coa_match_t m;
    if (coa_author_match(c, name, &m) || (m.kind != COA_MATCH_EXACT && m.kind != COA_MATCH_PARTIAL)) {
        fprintf(stderr, "example_chain: no author '%s'\n", name);
        return 0;
    }
    *author = m.author;
    return 1;
}

static const char *name_of(const coa_corpus_t *c, uint32_t a)
{
    return coa_corpus_str(c, c->authors[a].display);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: example_chain INPUT FROM TO\n");
        return 2;
    }
    coa_library_init(1);
    int status = 1;
    coa_loaded_t *loaded = NULL;
    coa_graph_t graph;
    int have_graph = 0;
    coa_view_t *view = NULL;
    coa_chains_t chains;
    coa_hop_t hop;
    coa_chains_init(&chains);
    coa_hop_init(&hop);

    /* load once: a database's index is mapped, other inputs are read */
    const char *files[1] = {argv[1]};
    coa_load_options_t opts;
    coa_load_options_init(&opts);
    opts.files = files;
    opts.n_files = 1;
    opts.flags = COA_LOAD_OPEN_INDEX;
    coa_diag_sink_t sink = {print_diag, NULL};
    if (coa_load(&opts, &sink, &loaded))
        goto cleanup;
    const coa_corpus_t *c = coa_loaded_corpus(loaded);
    if (coa_loaded_index(loaded)) {
        if (coa_view_new_index(coa_loaded_index(loaded), &view))
            goto cleanup;
    } else {
        coa_select_t sel;
        coa_select_init(&sel);
        if (coa_graph_build(&graph, c, &sel))
            goto cleanup;
        have_graph = 1;
        if (coa_view_new_graph(&graph, &view))
            goto cleanup;
    }

    /* one query: the first shortest chain by name, and how many there are */
    uint32_t from, to;
    if (!find(c, argv[2], &from) || !find(c, argv[3], &to)) {
        status = 2;
        goto cleanup;
    }
    if (coa_view_chains(view, from, to, 1, NULL, 0, &chains))
        goto cleanup;
    if (!chains.found) {
        printf("no chain: the component of %s has %llu authors\n",
               name_of(c, chains.exhausted_side ? to : from), (unsigned long long)chains.exhausted_size);
        status = 3;
        goto cleanup;
    }
    for (uint32_t k = 0; k <= chains.length; k++)
        printf("%s%s", k ? " -> " : "", name_of(c, chains.vertices[k]));
    printf("\nlength %u, %s%llu shortest chain%s\n", chains.length, chains.total_saturated ? "at least " : "",
           (unsigned long long)chains.total_chains, chains.total_chains == 1 ? "" : "s");
    for (uint32_t k = 0; k < chains.length; k++) {
        if (coa_view_hop(view, chains.vertices[k], chains.vertices[k + 1], &hop))
            goto cleanup;
        printf("%s - %s: %u joint paper%s\n", name_of(c, chains.vertices[k]), name_of(c, chains.vertices[k + 1]),
               hop.n_papers, hop.n_papers == 1 ? "" : "s");
        for (uint32_t i = 0; i < hop.n_papers; i++) {
            const coa_paper_t *p = &c->papers[hop.papers[i]];
            printf("  %d  %s\n", p->year, coa_corpus_str(c, p->title));
        }
    }
    status = 0;
cleanup:
    coa_hop_destroy(&hop);
    coa_chains_destroy(&chains);
    coa_view_free(view);
    if (have_graph)
        coa_graph_destroy(&graph);
    coa_loaded_free(loaded);
    return status;
}
