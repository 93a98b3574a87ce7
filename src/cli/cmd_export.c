/* coauthor export: the graph as GraphML, DOT, node-link JSON or CSV. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "coauthor/export.h"

enum { OPT_TO = OPT_COMMON_END, OPT_BIPARTITE };

static void usage(FILE *out)
{
    fprintf(out,
            "usage: coauthor export [--to graphml|dot|json|csv] [--bipartite] [-o FILE] [options] FILE...\n"
            "\n"
            "Writes the coauthor graph of the inputs (or, with --bipartite, the author-paper\n"
            "graph) for other tools.\n"
            "\n"
            "  --to FORMAT          graphml  typed keys; networkx, python-igraph, Gephi, Cytoscape\n"
            "                       dot      written through Graphviz cgraph; node ids are names\n"
            "                       json     node-link JSON (nodes, links) for D3 and sigma.js\n"
            "                       csv      two files, OUT-nodes.csv and OUT-edges.csv, with\n"
            "                                Gephi's column names (Id, Label; Source, Target, Type,\n"
            "                                Weight); needs -o\n"
            "                       default: from the extension of -o (.graphml, .dot or .gv,\n"
            "                       .json, .csv)\n"
            "  --bipartite          the author-paper graph instead of the coauthor graph\n"
            "  -o, --output FILE    write here ('-' or none: standard output); the file is\n"
            "                       replaced only when complete\n"
            "\n"
            "Attributes: nodes have name and papers; edges have joint_papers, fractional\n"
            "(Newman's weight) and papers (the joint papers' identifiers: DOI, else the\n"
            "source's key, else FILE:LINE).  In the bipartite graph nodes have type, bipartite\n"
            "(0 author, 1 paper), name (author or title), papers, year, venue and ident, and\n"
            "edges have position (in the author list) and inferred.\n"
            "\n%s\n%s",
            cli_common_help, cli_exit_help);
}

static const char *const format_names[] = {"graphml", "dot", "json", "csv"};

static int format_from_name(const char *s, coa_export_format_t *f)
{
    for (int i = 0; i < 4; i++)
        if (!strcmp(s, format_names[i])) {
            *f = (coa_export_format_t)i;
            return 0;
        }
    return -1;
}

static int format_from_path(const char *path, coa_export_format_t *f)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return -1;
    if (!strcmp(dot, ".gv"))
        return format_from_name("dot", f);
    return format_from_name(dot + 1, f);
}

/* "out.csv" -> "out-nodes.csv"; "out" -> "out-nodes.csv". */
static char *csv_path(const char *out, const char *which)
{
    size_t len = strlen(out);
    if (len > 4 && !strcmp(out + len - 4, ".csv"))
        len -= 4;
    size_t cap = len + strlen(which) + 8;
    char *p = malloc(cap);
    if (p)
        snprintf(p, cap, "%.*s-%s.csv", (int)len, out, which);
    return p;
}

int cmd_export(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {"to", required_argument, NULL, OPT_TO},
                                             {"bipartite", no_argument, NULL, OPT_BIPARTITE},
                                             {"output", required_argument, NULL, 'o'},
                                             {NULL, 0, NULL, 0}};
    cli_common_t o;
    cli_common_init(&o);
    const char *to = NULL, *output = "-";
    coa_export_options_t eopts;
    coa_export_options_init(&eopts);
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "hqo:", longopts, NULL)) != -1) {
        if (opt == 'h') {
            usage(stdout);
            return EXIT_OK;
        }
        if (opt == 'o') {
            output = optarg;
            continue;
        }
        if (opt == OPT_TO) {
            to = optarg;
            continue;
        }
        if (opt == OPT_BIPARTITE) {
            eopts.bipartite = 1;
            continue;
        }
        int r = cli_common_option(&o, opt, optarg);
        if (r < 0)
            return EXIT_USAGE;
        if (r == 0)
            return cli_usage_error("export", "unknown option");
    }
    coa_export_format_t format;
    if (to) {
        if (format_from_name(to, &format))
            return cli_usage_error("export", "unknown --to '%s': expected graphml, dot, json or csv", to);
    } else if (strcmp(output, "-") == 0 || format_from_path(output, &format)) {
        return cli_usage_error("export", "which format? give --to graphml, dot, json or csv");
    }
    if (format == COA_EXPORT_CSV && strcmp(output, "-") == 0)
        return cli_usage_error("export", "--to csv writes two files: give -o NAME.csv");
    if (cli_common_files(&o, argc, argv))
        return cli_usage_error("export", "no input files");

    /* open the outputs first: an unwritable path is a bad request, found
     * before the inputs are read, and nothing partial is ever left */
    coa_outfile_t files[2];
    memset(files, 0, sizeof files);
    int n_files = format == COA_EXPORT_CSV ? 2 : 1;
    char err_msg[512];
    int status = EXIT_OK, have_graph = 0;
    coa_corpus_t corpus;
    coa_graph_t graph;
    int corpus_ok = 0;
    for (int i = 0; i < n_files; i++) {
        char *path = format == COA_EXPORT_CSV ? csv_path(output, i ? "edges" : "nodes") : strdup(output);
        if (!path) {
            cli_error("out of memory");
            status = EXIT_FAILURE_RUN;
            goto cleanup;
        }
        int err = coa_outfile_open(&files[i], path, err_msg, sizeof err_msg);
        free(path);
        if (err) {
            if (err == COA_ENOMEM) {
                cli_error("out of memory");
                status = EXIT_FAILURE_RUN;
            } else {
                cli_error("%s", err_msg);
                status = EXIT_USAGE;
            }
            goto cleanup;
        }
    }
    if (coa_corpus_init(&corpus)) {
        cli_error("out of memory");
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }
    corpus_ok = 1;
    if ((status = cli_load(&o, &corpus)))
        goto cleanup;
    if ((status = cli_build(&o, &corpus, &graph)))
        goto cleanup;
    have_graph = 1;

    int err = COA_OK;
    switch (format) {
    case COA_EXPORT_GRAPHML: err = coa_export_graphml(files[0].fp, &graph, &eopts); break;
    case COA_EXPORT_DOT: err = coa_export_dot(files[0].fp, &graph, &eopts); break;
    case COA_EXPORT_JSON: err = coa_export_json(files[0].fp, &graph, &eopts); break;
    case COA_EXPORT_CSV: err = coa_export_csv(files[0].fp, files[1].fp, &graph, &eopts); break;
    }
    if (err) {
        cli_error("cannot write the %s output: %s", format_names[format], coa_strerror(err));
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }
    for (int i = 0; i < n_files; i++) {
        if (coa_outfile_commit(&files[i], err_msg, sizeof err_msg)) {
            cli_error("%s", err_msg);
            status = EXIT_FAILURE_RUN;
            goto cleanup;
        }
    }
    if (!o.quiet && strcmp(output, "-") != 0)
        fprintf(stderr, "%s: wrote %s %s graph: %lld %s, %lld edges\n", cli_program, format_names[format],
                eopts.bipartite ? "author-paper" : "coauthor",
                (long long)graph.n_vertices + (eopts.bipartite ? (long long)graph.n_papers : 0),
                eopts.bipartite ? "nodes" : "authors",
                eopts.bipartite ? (long long)graph.n_authorships : (long long)igraph_ecount(&graph.graph));
cleanup:
    for (int i = 0; i < n_files; i++)
        coa_outfile_abort(&files[i]);
    if (have_graph)
        coa_graph_destroy(&graph);
    if (corpus_ok)
        coa_corpus_destroy(&corpus);
    return status;
}
