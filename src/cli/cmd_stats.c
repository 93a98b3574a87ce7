/* coauthor stats: a summary of the network, after Newman (2001). */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "coauthor/report.h"

static int exact, estimate;

static const cli_option_t options[] = {
    CLI_TEXT("usage: coauthor stats [options] FILE...\n"
             "\n"
             "Summarises the coauthor network of the inputs: papers, authors, authorships\n"
             "(stated and inferred), truncated author lists, edges, components, clustering,\n"
             "triangles, diameter and mean distance of the largest component.\n"
             "\n"
             "Counting rules:\n"
             "  - An author listed twice on one paper counts once; the summary line on\n"
             "    stderr says how many such repeats were dropped.\n"
             "  - Self-loops (an edge from an author to itself, as in SNAP edge lists) are\n"
             "    counted in coauthor_edges and in self_loops, as SNAP counts them, but are\n"
             "    kept out of the graph: degrees, clustering, triangles and distances\n"
             "    ignore them.\n"
             "  - papers counts the papers in the network: those with at least one\n"
             "    author.  Records that name no author (a DBLP proceedings volume, say)\n"
             "    are counted apart, in papers_without_authors, shown when there are any.\n"
             "  - Average clustering is the mean local clustering coefficient over all\n"
             "    authors, with 0 for authors of fewer than two coauthors (as SNAP does).\n"
             "  - Above " CLI_STR(COA_STATS_EXACT_DISTANCE_LIMIT) " authors in the largest component, the diameter and the mean\n"
             "    distance are estimated from " CLI_STR(COA_STATS_DISTANCE_SAMPLE) " seeded breadth-first searches, and the\n"
             "    output says so.\n"
             "  - A corpus database (coauthor import) of more than " CLI_STR(COA_STATS_ESTIMATE_EDGES) " coauthor edges,\n"
             "    read whole, is summarised from its index without building the graph:\n"
             "    every count, the components and the means stay exact; average\n"
             "    clustering, transitivity and triangles are estimated from " CLI_STR(COA_STATS_CLUSTERING_SAMPLE) " sampled\n"
             "    authors and as many sampled pairs of coauthors (standard error below\n"
             "    0.002), and the mean distance from " CLI_STR(COA_STATS_INDEX_SOURCES) " breadth-first searches, with the\n"
             "    diameter as the largest distance these and one more search found.  The\n"
             "    output marks every estimate.\n"
             "\n"
             "Options:\n",
             21),
    CLI_FLAG("exact", &exact, "build the graph and count exactly at any size (minutes\nand 8 GB at DBLP scale)"),
    CLI_FLAG("estimate", &estimate,
             "use the index's estimates at any size (a corpus\ndatabase read whole only)"),
    CLI_HELP_END,
};

static int run(cli_common_t *o)
{
    int status;
    if (exact && estimate)
        return cli_usage_error("stats", "--exact and --estimate exclude each other");

    coa_corpus_t corpus;
    coa_graph_t graph;
    coa_store_index_t *ix = NULL;
    const coa_corpus_t *whole = &corpus; /* the sources to describe */
    coa_stats_t st;
    int err;
    memset(&corpus, 0, sizeof corpus); /* cli_open initialises it */
    memset(&graph, 0, sizeof graph);
    if (!exact && cli_open_index(o, &ix) == 0 && !estimate && coa_store_index_edges(ix) <= COA_STATS_ESTIMATE_EDGES) {
        coa_store_index_close(ix);
        ix = NULL;
    }
    if (estimate && !ix) {
        cli_error("--estimate needs a corpus database with its index (see 'coauthor import') and no selection "
                  "or identity option");
        status = EXIT_USAGE;
        goto cleanup;
    }
    /* the distance searches of a large graph take minutes: a bar */
    coa_progress_t bar = {NULL, {0, 0}, {0, 0}, 0, "searches"};
    coa_stats_options_t so;
    memset(&so, 0, sizeof so);
    so.seed = o->seed;
    if (!o->quiet && isatty(STDERR_FILENO)) {
        so.progress = coa_progress_bar;
        so.progress_ctx = &bar;
    }
    if (ix && (err = coa_stats_index(ix, &so, &st)) == COA_EFORMAT) {
        /* the index disagrees with itself: read the database instead */
        if (!o->quiet)
            fprintf(stderr, "%s: %s.idx: the index is damaged, so the whole corpus is read\n", cli_program,
                    o->files[0]);
        coa_store_index_close(ix);
        ix = NULL;
        if (estimate) {
            status = EXIT_FAILURE_RUN;
            cli_error("--estimate: the index of %s is damaged; 'coauthor import' writes it again", o->files[0]);
            goto cleanup;
        }
    }
    if (ix) {
        if ((status = cli_index_summary(o, ix)))
            goto cleanup;
        whole = coa_store_index_corpus(ix);
    } else {
        if ((status = cli_open(o, &corpus, &graph)))
            goto cleanup;
        err = coa_stats_compute_ex(&graph, &so, &st);
        st.papers_over_max_authors = graph.n_skipped_max_authors;
    }
    if (err) {
        cli_error("cannot compute statistics: %s", coa_strerror(err));
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }

    if (coa_write_stats_report(stdout, &st, whole, &o->select, o->seed, o->output)) {
        cli_error("cannot write the output");
        status = EXIT_FAILURE_RUN;
    }
cleanup:
    coa_graph_destroy(&graph);
    coa_corpus_destroy(&corpus);
    coa_store_index_close(ix);
    return status;
}

const cli_command_t cmd_stats = {"stats", "summary statistics of the coauthor network", options, NULL, NULL, run};
