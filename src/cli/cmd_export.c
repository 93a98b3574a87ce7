/* coauthor export: the graph as GraphML, DOT, node-link JSON or CSV. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "coauthor/community.h"
#include "coauthor/export.h"
#include "coauthor/rank.h"

/* The measures of --centrality LIST, in the order given, without repeats. */
static int parse_measures(const char *list, coa_measure_t *measures, int *n)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list);
    if (strlen(list) >= sizeof buf)
        return cli_usage_error("export", "--centrality list too long");
    *n = 0;
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        coa_measure_t m;
        if (coa_measure_parse(tok, &m) || m == COA_MEASURE_PAPERS)
            return cli_usage_error("export", "unknown --centrality '%s': expected degree, strength, betweenness, "
                                   "closeness, harmonic, pagerank, eigenvector or coreness", tok);
        int seen = 0;
        for (int i = 0; i < *n; i++)
            seen |= measures[i] == m;
        if (!seen)
            measures[(*n)++] = m;
    }
    if (*n == 0)
        return cli_usage_error("export", "--centrality needs a list of measures, such as pagerank,betweenness");
    return EXIT_OK;
}

/* Computes the community and centrality columns; columns[] receives the
 * arrays (caller frees), extra[] the attributes that borrow them. */
static int add_columns(const cli_common_t *o, const coa_graph_t *g, int want_communities,
                       coa_community_method_t method, const coa_measure_t *measures, int n_measures,
                       coa_vertex_attr_t *extra, double **columns)
{
    size_t nv = (size_t)g->n_vertices;
    int k = 0, err = COA_OK;
    if (want_communities) {
        coa_community_options_t copts;
        coa_communities_t comm;
        coa_community_options_init(&copts);
        copts.method = method;
        copts.seed = o->seed;
        err = coa_communities_detect(&comm, g, &copts);
        if (err == COA_EINVAL && method == COA_COMMUNITY_OPTIMAL) {
            cli_error("--communities optimal: the largest component has %lld authors, more than the %d the exact "
                      "optimum is tried on; use leiden, or shrink the graph (--ego NAME, --min-weight 2)",
                      (long long)comm.optimal_largest, COA_COMMUNITY_OPTIMAL_LIMIT);
            coa_communities_destroy(&comm);
            return EXIT_USAGE;
        }
        if (!err && !(columns[k] = malloc((nv ? nv : 1) * sizeof **columns)))
            err = COA_ENOMEM;
        for (size_t v = 0; !err && v < nv; v++)
            columns[k][v] = (double)VECTOR(comm.membership)[v];
        coa_communities_destroy(&comm);
        if (err) {
            cli_error("cannot find communities: %s", coa_strerror(err));
            return EXIT_FAILURE_RUN;
        }
        extra[k] = (coa_vertex_attr_t){"community", 1, columns[k]};
        k++;
    }
    for (int i = 0; i < n_measures; i++, k++) {
        coa_centrality_info_t info;
        if (!(columns[k] = malloc((nv ? nv : 1) * sizeof **columns)))
            err = COA_ENOMEM;
        else
            err = coa_centrality_scores(g, measures[i], o->seed, columns[k], &info);
        if (err) {
            cli_error("cannot compute %s: %s", coa_measure_name(measures[i]), coa_strerror(err));
            return EXIT_FAILURE_RUN;
        }
        if (info.sampled && !o->quiet)
            fprintf(stderr, "%s: betweenness estimated from %lld sampled sources (above %d authors)\n", cli_program,
                    (long long)info.sources, COA_RANK_BETWEENNESS_EXACT_LIMIT);
        coa_measure_t m = measures[i];
        int integer = m == COA_MEASURE_DEGREE || m == COA_MEASURE_STRENGTH || m == COA_MEASURE_CORENESS;
        extra[k] = (coa_vertex_attr_t){coa_measure_name(m), integer, columns[k]};
    }
    return EXIT_OK;
}

/* --communities [METHOD] and --centrality LIST */
typedef struct {
    int want_communities;
    coa_community_method_t method;
    coa_measure_t measures[COA_MEASURE_COUNT];
    int n_measures;
} columns_t;

static int export_communities(const cli_option_t *opt, const char *arg, cli_parser_t *p)
{
    columns_t *col = opt->target;
    /* the method is optional: --communities=METHOD, or the next word when
     * it names a method (a file is never so named) */
    if (!arg && optind < p->argc && !coa_community_method_parse(p->argv[optind], &col->method))
        arg = p->argv[optind++];
    if (arg && coa_community_method_parse(arg, &col->method))
        return cli_usage_error(p->command, "unknown --communities method '%s': expected leiden, louvain, "
                               "fastgreedy, walktrap, labelprop, infomap or optimal", arg);
    col->want_communities = 1;
    return 0;
}

static int export_centrality(const cli_option_t *opt, const char *arg, cli_parser_t *p)
{
    (void)p;
    columns_t *col = opt->target;
    return parse_measures(arg, col->measures, &col->n_measures);
}

/* Opens the output files (two for csv and vosviewer); reports a failure.
 * Exit status. */
static int open_outputs(const cli_common_t *o, coa_export_format_t format, const char *output, coa_outfile_t *files,
                        int n_files)
{
    char err_msg[512];
    for (int i = 0; i < n_files; i++) {
        char *path = coa_export_path(format, output, i);
        if (!path) {
            cli_error("out of memory");
            return EXIT_FAILURE_RUN;
        }
        if (cli_output_is_input(o, path)) {
            free(path);
            return EXIT_FAILURE_RUN;
        }
        int err = coa_outfile_open(&files[i], path, err_msg, sizeof err_msg);
        free(path);
        if (err) {
            /* an output that cannot be written fails the run (status 1,
             * as the README says), before the inputs are read */
            cli_error("%s", err == COA_ENOMEM ? "out of memory" : err_msg);
            return EXIT_FAILURE_RUN;
        }
    }
    return EXIT_OK;
}

/* Writes the graph in 'format' to the open outputs; reports a failure.
 * Exit status. */
static int write_graph(coa_export_format_t format, coa_outfile_t *files, int n_files, const coa_graph_t *graph,
                       const coa_export_options_t *eopts)
{
    errno = 0;
    int err = coa_export(format, files[0].fp, n_files == 2 ? files[1].fp : NULL, graph, eopts);
    if (err == COA_EIO && errno) {
        /* a write failed: say which file and why (full disk, file too large) */
        if (n_files == 2)
            cli_error("cannot write %s or %s: %s", files[0].path, files[1].path, strerror(errno));
        else
            cli_error("cannot write %s: %s", files[0].is_stdout ? "standard output" : files[0].path, strerror(errno));
        return EXIT_FAILURE_RUN;
    }
    if (err) {
        cli_error("cannot write the %s output: %s", coa_export_format_name(format), coa_strerror(err));
        return EXIT_FAILURE_RUN;
    }
    return EXIT_OK;
}

/* What the options ask for, and the format they give. */
static struct {
    const char *to, *output;
    coa_export_options_t eopts;
    columns_t col;
    coa_export_format_t format;
} ex = {NULL, "-", {0}, {0, COA_COMMUNITY_LEIDEN, {0}, 0}, 0};

static void defaults(void)
{
    coa_export_options_init(&ex.eopts);
}

static const cli_option_t options[] = {
    CLI_TEXT("usage: coauthor export [--to graphml|gexf|dot|json|csv|vosviewer|pajek] [--bipartite]\n"
             "                       [--communities [METHOD]]\n"
             "                       [--centrality LIST] [-o FILE] [options] FILE...\n"
             "\n"
             "Writes the coauthor graph of the inputs (or, with --bipartite, the author-paper\n"
             "graph) for other tools.\n"
             "\n",
             21),
    CLI_STRING("to", "FORMAT", &ex.to,
               "graphml  typed keys; networkx, python-igraph, Gephi, Cytoscape;\n"
               "         'label' (the name) and 'weight' (joint papers) too\n"
               "gexf     GEXF 1.3, Gephi's format: a dynamic graph whose\n"
               "         authors span their first to last paper's year,\n"
               "         and links their first to last joint paper's, for\n"
               "         Gephi's timeline\n"
               "dot      written through Graphviz cgraph; node ids are names\n"
               "json     node-link JSON (nodes, links) for D3 and sigma.js\n"
               "csv      two files, OUT-nodes.csv and OUT-edges.csv, with\n"
               "         Gephi's column names (Id, Label; Source, Target, Type,\n"
               "         Weight); needs -o\n"
               "vosviewer  two files, OUT-map.txt and OUT-network.txt,\n"
               "         VOSviewer's map file (id, label, x, y, cluster =\n"
               "         community, weight<Links>, weight<Total link\n"
               "         strength>, weight<Documents>, score<Avg. pub.\n"
               "         year>) and network file (id, id, joint papers);\n"
               "         communities are on; needs -o\n"
               "pajek    Pajek .net, joint papers as edge weights\n"
               "default: from the extension of -o (.graphml, .gexf, .dot or\n"
               ".gv, .json, .csv, .net)"),
    CLI_FLAG("bipartite", &ex.eopts.bipartite, "the author-paper graph instead of the coauthor graph"),
    CLI_CALLBACK("communities", "[METHOD]", export_communities, &ex.col,
                 "add each author's community as the integer attribute\n"
                 "'community' (0 = the largest): leiden (default), louvain,\n"
                 "fastgreedy, walktrap, labelprop, infomap or optimal, as in\n"
                 "'coauthor communities' (modularity, joint papers as\n"
                 "weights, seeded with --seed)"),
    CLI_CALLBACK("centrality", "LIST", export_centrality, &ex.col,
                 "add these measures, comma-separated, as attributes of the\n"
                 "same names: degree, strength, betweenness, closeness,\n"
                 "harmonic, pagerank, eigenvector, coreness (weights as in\n"
                 "'coauthor rank --help'; degree, strength and coreness are\n"
                 "integers, the others real); an author without a value\n"
                 "(closeness without coauthors) has the attribute left out"),
    {.kind = CLI_OPT_STRING, .name = "output", .short_name = 'o', .arg = "FILE", .target = &ex.output,
     .help = "write here ('-' or none: standard output); the file is\n"
             "replaced only when complete"},
    CLI_TEXT("\n"
             "Attributes: nodes have name and papers; edges have joint_papers, fractional\n"
             "(Newman's weight) and papers (the joint papers' identifiers: DOI, else the\n"
             "source's key, else FILE:LINE).  In the bipartite graph nodes have type, bipartite\n"
             "(0 author, 1 paper), name (author or title), papers, year, venue and ident, and\n"
             "edges have position (in the author list) and inferred.\n",
             0),
    CLI_HELP_END,
};

static int check(const cli_common_t *o)
{
    (void)o;
    if (ex.to) {
        if (coa_export_format_parse(ex.to, &ex.format))
            return cli_usage_error("export", "unknown --to '%s': expected graphml, gexf, dot, json, csv, vosviewer or "
                                   "pajek", ex.to);
    } else if (strcmp(ex.output, "-") == 0 || coa_export_format_of_path(ex.output, &ex.format)) {
        return cli_usage_error("export", "which format? give --to graphml, gexf, dot, json, csv, vosviewer or pajek");
    }
    if (coa_export_n_files(ex.format) == 2 && strcmp(ex.output, "-") == 0)
        return cli_usage_error("export", "--to %s writes two files: give -o NAME%s", coa_export_format_name(ex.format),
                               ex.format == COA_EXPORT_CSV ? ".csv" : "");
    if (ex.eopts.bipartite && ex.format >= COA_EXPORT_GEXF)
        return cli_usage_error("export", "--bipartite: graphml, dot, json or csv only; --to %s writes the coauthor "
                               "graph", coa_export_format_name(ex.format));
    /* VOSviewer colours its clusters: the communities are the clusters */
    if (ex.format == COA_EXPORT_VOSVIEWER)
        ex.col.want_communities = 1;
    if (ex.eopts.bipartite && (ex.col.want_communities || ex.col.n_measures))
        return cli_usage_error("export", "--communities and --centrality describe authors: not with --bipartite");
    return EXIT_OK;
}

static int run(cli_common_t *o)
{
    coa_export_format_t format = ex.format;
    const char *output = ex.output;
    coa_export_options_t *eopts = &ex.eopts;
    int want_communities = ex.col.want_communities, n_measures = ex.col.n_measures, status = EXIT_OK;
    /* open the outputs first: an unwritable path is found before the
     * inputs are read, and nothing partial is ever left */
    coa_outfile_t files[2];
    memset(files, 0, sizeof files);
    int n_files = coa_export_n_files(format);
    char err_msg[512];
    coa_corpus_t corpus;
    coa_graph_t graph;
    int corpus_opened = 0; /* the outputs are opened first; the corpus may not be */
    coa_vertex_attr_t extra[1 + COA_MEASURE_COUNT];
    double *columns[1 + COA_MEASURE_COUNT];
    memset(columns, 0, sizeof columns);
    if ((status = open_outputs(o, format, output, files, n_files)))
        goto cleanup;
    corpus_opened = 1;
    if ((status = cli_open(o, &corpus, &graph)))
        goto cleanup;
    if ((status = add_columns(o, &graph, want_communities, ex.col.method, ex.col.measures, n_measures, extra, columns)))
        goto cleanup;
    eopts->extra = extra;
    eopts->seed = o->seed;
    eopts->n_extra = (size_t)want_communities + (size_t)n_measures;

    if ((status = write_graph(format, files, n_files, &graph, eopts)))
        goto cleanup;
    for (int i = 0; i < n_files; i++) {
        if (coa_outfile_commit(&files[i], err_msg, sizeof err_msg)) {
            cli_error("%s", err_msg);
            status = EXIT_FAILURE_RUN;
            goto cleanup;
        }
    }
    if (!o->quiet && strcmp(output, "-") != 0)
        fprintf(stderr, "%s: wrote %s %s graph: %lld %s, %lld edges\n", cli_program, coa_export_format_name(format),
                eopts->bipartite ? "author-paper" : "coauthor",
                (long long)graph.n_vertices + (eopts->bipartite ? (long long)graph.n_papers : 0),
                eopts->bipartite ? "nodes" : "authors",
                eopts->bipartite ? (long long)graph.n_authorships : (long long)igraph_ecount(&graph.graph));
cleanup:
    for (int i = 0; i < n_files; i++)
        coa_outfile_abort(&files[i]);
    for (int i = 0; i < 1 + COA_MEASURE_COUNT; i++)
        free(columns[i]);
    if (corpus_opened) {
        coa_graph_destroy(&graph);
        coa_corpus_destroy(&corpus);
    }
    return status;
}

const cli_command_t cmd_export = {"export", "the graph as GraphML, DOT, JSON or CSV for other tools", options, defaults,
                                  check, run};
