/* coauthor distance: every author's distance in hops from one root author
 * (the Erdős-number distribution). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct {
    const coa_graph_t *g;
    const uint32_t *distance;
} by_distance_ctx_t;

static int by_distance(const void *pa, const void *pb, void *ctx)
{
    const by_distance_ctx_t *bc = ctx;
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    if (bc->distance[a] != bc->distance[b])
        return bc->distance[a] < bc->distance[b] ? -1 : 1;
    int r = strcmp(coa_graph_vertex_name(bc->g, a), coa_graph_vertex_name(bc->g, b));
    return r ? r : (a < b ? -1 : a > b);
}

typedef struct {
    const char *from;
    long max_distance;
    int list, histogram;
} distance_opts_t;

/* The options of 'coauthor distance'; 1 with *status when the command is done (cli_parse). */
static int distance_options(distance_opts_t *d, cli_common_t *o, int argc, char **argv, int *status)
{
    const cli_option_t options[] = {
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
        CLI_STRING("from", "NAME", &d->from,
                   "the root: an exact name, or a part that only one author's\nname contains (the choice is reported)"),
        CLI_ALIAS("root", "from"),
        CLI_LONG("max-distance", "K", &d->max_distance, 0, INT_MAX,
                 "show only the authors within K hops; the others the root\nreaches are counted as beyond K"),
        CLI_FLAG("list", &d->list, "in text, list the authors and their distances too"),
        CLI_FLAG("histogram", &d->histogram,
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
    return cli_parse("distance", options, o, argc, argv, status);
}

int cmd_distance(int argc, char **argv)
{
    cli_common_t o;
    distance_opts_t opts = {NULL, -1, 0, 0};
    int status;
    cli_common_init(&o);
    if (distance_options(&opts, &o, argc, argv, &status))
        return status;
    const char *root_name = opts.from;
    long max_distance = opts.max_distance;
    int list = opts.list, histogram = opts.histogram;
    if (!root_name)
        return cli_usage_error("distance", "--from is required");
    if (cli_common_files(&o, argc, argv))
        return cli_usage_error("distance", "no input files");

    coa_corpus_t corpus;
    coa_graph_t graph;
    coa_path_finder_t *finder = NULL;
    coa_distances_t d;
    uint32_t *order = NULL;
    int have_graph = 0, have_d = 0, err;
    if (coa_corpus_init(&corpus)) {
        cli_error("out of memory");
        return EXIT_FAILURE_RUN;
    }
    const char *what[1] = {"--from"}, *names[1] = {root_name};
    igraph_integer_t root;
    if ((status = cli_load_authors(&o, &corpus, &graph, &have_graph, what, names, 1, &root, 0, 0)))
        goto cleanup;
    if ((err = coa_path_finder_new(&graph, &finder)) || (err = coa_path_distances(finder, root, &d))) {
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
    for (igraph_integer_t v = 0; v < graph.n_vertices; v++)
        if (d.distance[v] <= limit)
            order[n++] = (uint32_t)v;
    by_distance_ctx_t bc = {&graph, d.distance};
    qsort_r(order, n, sizeof *order, by_distance, &bc);
    const char *root_display = coa_graph_vertex_name(&graph, root);

    if (o.output == COA_OUT_JSON) {
        fputs("{\n  \"from\": ", stdout);
        coa_json_string(stdout, root_display);
        if (max_distance >= 0)
            printf(",\n  \"max_distance\": %ld", max_distance);
        else
            fputs(",\n  \"max_distance\": null", stdout);
        printf(",\n  \"reachable\": %llu,\n  \"unreachable\": %llu,\n  \"beyond\": %llu", (unsigned long long)d.reachable,
               (unsigned long long)d.unreachable, (unsigned long long)beyond);
        printf(",\n  \"mean_distance\": %.4f,\n  \"largest_distance\": %u", d.mean_distance, d.max_distance);
        fputs(",\n  \"histogram\": [", stdout);
        for (uint32_t k = 0; k <= limit; k++)
            printf("%s{\"distance\": %u, \"authors\": %llu}", k ? ", " : "", k, (unsigned long long)d.histogram[k]);
        fputs("],\n  \"authors\": [", stdout);
        for (uint32_t i = 0; i < n; i++) {
            fputs(i ? ",\n    {\"author\": " : "\n    {\"author\": ", stdout);
            coa_json_string(stdout, coa_graph_vertex_name(&graph, order[i]));
            printf(", \"distance\": %u}", d.distance[order[i]]);
        }
        fputs(n ? "\n  ]\n}\n" : "]\n}\n", stdout);
    } else if (o.output == COA_OUT_TSV || o.output == COA_OUT_CSV) {
        static const char *const author_cols[] = {"author", "distance"};
        static const char *const hist_cols[] = {"distance", "authors"};
        coa_table_t *t = coa_table_new(2, histogram ? hist_cols : author_cols);
        for (uint32_t i = 0; t && histogram && i <= limit; i++) {
            coa_table_cell(t, "%u", i);
            coa_table_cell(t, "%llu", (unsigned long long)d.histogram[i]);
        }
        for (uint32_t i = 0; t && !histogram && i < n; i++) {
            coa_table_cell(t, "%s", coa_graph_vertex_name(&graph, order[i]));
            coa_table_cell(t, "%u", d.distance[order[i]]);
        }
        if (!t || coa_table_write(t, stdout, o.output)) {
            cli_error("cannot write the output");
            status = EXIT_FAILURE_RUN;
        }
        coa_table_free(t);
    } else {
        printf("distances from %s\n", root_display);
        printf("%-16s%llu author%s, %s included\n", "reachable", (unsigned long long)d.reachable,
               d.reachable == 1 ? "" : "s", root_display);
        printf("%-16s%llu author%s (in other components)\n", "unreachable", (unsigned long long)d.unreachable,
               d.unreachable == 1 ? "" : "s");
        printf("%-16s%.4f\n", "mean distance", d.mean_distance);
        printf("%-16s%u\n", "largest", d.max_distance);
        if (max_distance >= 0) {
            char label[32];
            snprintf(label, sizeof label, "beyond %ld", max_distance);
            printf("%-16s%llu author%s (not listed)\n", label, (unsigned long long)beyond, beyond == 1 ? "" : "s");
        }
        uint64_t peak = 0;
        for (uint32_t k = 0; k <= limit; k++)
            if (d.histogram[k] > peak)
                peak = d.histogram[k];
        printf("\ndistance   authors  cumulative\n");
        uint64_t cum = 0;
        for (uint32_t k = 0; k <= limit; k++) {
            cum += d.histogram[k];
            int bar = peak ? (int)((d.histogram[k] * 40 + peak - 1) / peak) : 0;
            printf("%8u %9llu  %9.2f%%  ", k, (unsigned long long)d.histogram[k], 100.0 * (double)cum / (double)d.reachable);
            for (int b = 0; b < bar; b++)
                fputc('#', stdout);
            fputc('\n', stdout);
        }
        if (list) {
            coa_table_t *t = coa_table_new(2, (const char *const[]){"author", "distance"});
            if (t)
                coa_table_numeric(t, 1);
            for (uint32_t i = 0; t && i < n; i++) {
                coa_table_cell(t, "%s", coa_graph_vertex_name(&graph, order[i]));
                coa_table_cell(t, "%u", d.distance[order[i]]);
            }
            fputc('\n', stdout);
            if (!t || coa_table_write(t, stdout, COA_OUT_TEXT)) {
                cli_error("cannot write the output");
                status = EXIT_FAILURE_RUN;
            }
            coa_table_free(t);
        }
    }
cleanup:
    free(order);
    if (have_d)
        coa_distances_destroy(&d);
    coa_path_finder_free(finder);
    if (have_graph)
        coa_graph_destroy(&graph);
    coa_corpus_destroy(&corpus);
    return status;
}
