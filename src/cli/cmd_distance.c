/* coauthor distance: every author's distance in hops from one root author
 * (the Erdős-number distribution). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct {
    const coa_corpus_t *c;
    const uint32_t *distance;
} by_distance_ctx_t;

static int by_distance(const void *pa, const void *pb, void *ctx)
{
    const by_distance_ctx_t *bc = ctx;
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    if (bc->distance[a] != bc->distance[b])
        return bc->distance[a] < bc->distance[b] ? -1 : 1;
    int r = strcmp(coa_corpus_str(bc->c, bc->c->authors[a].display), coa_corpus_str(bc->c, bc->c->authors[b].display));
    return r ? r : (a < b ? -1 : a > b);
}

typedef struct {
    const char *from;
    long max_distance;
    int list, histogram;
} distance_opts_t;

static distance_opts_t opts = {NULL, -1, 0, 0};

static const cli_option_t options[] = {
    CLI_TEXT("usage: coauthor distance --from NAME [--max-distance K] [--list] [options] FILE...\n"
             "\n"
             "The distance in coauthorship hops of every author from one root author (for\n"
             "the root Paul Erdos, this is the Erdos number), by one breadth-first search.\n"
             "The text output is the histogram of distances (the Erdos-number\n"
             "distribution), the number of authors the root reaches and cannot reach, and\n"
             "the mean and largest distance.\n"
             "\n"
             "Options:\n",
             19),
    CLI_STRING("from", "NAME", &opts.from,
               "the root: an exact name, or a part that only one author's\nname contains (the choice is reported)"),
    CLI_ALIAS("root", "from"),
    CLI_LONG("max-distance", "K", &opts.max_distance, 0, INT_MAX,
             "show only the authors within K hops; the others the root\nreaches are counted as beyond K"),
    CLI_FLAG("list", &opts.list, "in text, list the authors and their distances too"),
    CLI_FLAG("histogram", &opts.histogram,
             "with --tsv or --csv, write the histogram (distance,\nauthors) instead of the author list"),
    CLI_TEXT("\n"
             "With --tsv or --csv: author, distance, for every author the root reaches (within\n"
             "K), nearest first, then by name.  With --json: {\"from\", \"max_distance\",\n"
             "\"reachable\", \"unreachable\", \"beyond\", \"mean_distance\", \"largest_distance\",\n"
             "\"histogram\": [{\"distance\", \"authors\"}], \"authors\": [{\"author\", \"distance\"}]}.\n",
             0),
    CLI_HELP_TAIL,
    CLI_TEXT("Exit status 2 also when --from names no author, or one outside the selection.\n", 0),
    CLI_END,
};

static int check(const cli_common_t *o)
{
    (void)o;
    return opts.from ? EXIT_OK : cli_usage_error("distance", "--from is required");
}

static int run(cli_common_t *o)
{
    const char *root_name = opts.from;
    long max_distance = opts.max_distance;
    int list = opts.list, histogram = opts.histogram, status;
    cli_network_t net;
    coa_view_t *view = NULL;
    coa_distances_t d;
    uint32_t *order = NULL;
    int have_d = 0, err;
    const char *what[1] = {"--from"}, *names[1] = {root_name};
    uint32_t root;
    /* on the index (a database's, or one built in memory) unless a
     * selection asks for the graph */
    if ((status = cli_open_network(o, 1, what, names, 1, 0, &net, &root)))
        goto cleanup;
    if (net.have_graph)
        err = coa_view_new_graph(&net.graph, &view);
    else
        err = coa_view_new_index(net.index, &view);
    if (err || (err = coa_view_distances(view, root, &d))) {
        cli_error("cannot compute the distances: %s", coa_strerror(err));
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }
    have_d = 1;
    uint32_t limit = max_distance < 0 || (uint64_t)max_distance > d.max_distance ? d.max_distance
                                                                                  : (uint32_t)max_distance;
    uint64_t within = 0;
    for (uint32_t k = 0; k <= limit; k++)
        within += d.histogram[k];
    uint64_t beyond = d.reachable - within;
    /* the authors within the limit, nearest first, then by name */
    order = malloc((size_t)(within ? within : 1) * sizeof *order);
    if (!order) {
        cli_error("out of memory");
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }
    uint32_t n = 0;
    for (uint32_t a = 0; a < net.c->n_authors; a++)
        if (d.distance[a] <= limit)
            order[n++] = a;
    by_distance_ctx_t bc = {net.c, d.distance};
    qsort_r(order, n, sizeof *order, by_distance, &bc);
    coa_distance_report_t rep = {root, &d, order, n, limit, beyond, max_distance};
    if (coa_write_distances(stdout, net.c, &rep, list, histogram, o->output)) {
        cli_error("cannot write the output");
        status = EXIT_FAILURE_RUN;
    }
cleanup:
    free(order);
    if (have_d)
        coa_distances_destroy(&d);
    coa_view_free(view);
    cli_network_destroy(&net);
    return status;
}

const cli_command_t cmd_distance = {"distance", "every author's distance from one author (Erdos numbers)", options,
                                    NULL, check, run};
