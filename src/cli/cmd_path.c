/* coauthor path: collaboration chains between two authors, with the
 * papers at every hop. */
#include <time.h>

#include "cli.h"

#define DEFAULT_LIMIT 100

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

typedef struct {
    const char *from, *to;
    int all, strongest, search_stats;
    long limit;
    long bench;
} path_opts_t;

static path_opts_t po = {NULL, NULL, 0, 0, 0, DEFAULT_LIMIT, 0};

/* One line on stderr for a chain that does not exist. */
static void explain_no_chain(const char *from, const char *to, const coa_path_result_t *r, const cli_common_t *o)
{
    const char *inside = r->exhausted_side ? to : from, *outside = r->exhausted_side ? from : to;
    fprintf(stderr, "%s: no chain from '%s' to '%s': the component of %s has %llu author%s and %s is not one of them",
            cli_program, from, to, inside, (unsigned long long)r->exhausted_size, r->exhausted_size == 1 ? "" : "s",
            outside);
    if (o->n_avoid || o->select.year_from || o->select.year_to || o->select.max_authors || o->select.min_papers ||
        o->select.min_weight > 0)
        fputs(" (in this selection)", stderr);
    fputc('\n', stderr);
}

/* --limit N: at most N chains, and implies --all */
static int path_limit(const cli_option_t *opt, const char *arg, cli_parser_t *p)
{
    (void)p;
    path_opts_t *target = opt->target;
    target->all = 1;
    return cli_parse_long("--limit", arg, 1, 1000000, &target->limit) ? EXIT_USAGE : 0;
}

static const cli_option_t options[] = {
    CLI_TEXT("usage: coauthor path --from NAME --to NAME [--all [--limit N] | --strongest] [options] FILE...\n"
             "       coauthor path --bench N [options] FILE...\n"
             "\n"
             "Finds the shortest chain of coauthorships from one author to another (an\n"
             "Erdos number for any pair) and lists the joint papers at every hop: year,\n"
             "title and identifier (DOI, else the source's key, else file:line), newest\n"
             "first, then by title.  Among chains of equal length the one shown comes first by the names\n"
             "along it, so the answer does not depend on input order.  The total number\n"
             "of shortest chains is always given; it is counted, not listed, so it is\n"
             "cheap however large it is.\n"
             "\n"
             "A hop is marked [inferred] when every joint paper of the two authors names\n"
             "one of them only by inference (for example, a profile's owner hidden behind\n"
             "\"et al.\"), so the hop rests on no stated authorship.  Such papers are\n"
             "marked (inferred) one by one.  Likewise [homonym?] and (homonym?) mark\n"
             "papers that the identity checks of 'coauthor names' flag as possibly\n"
             "another person of the same name (papers that share no coauthor with the\n"
             "author's others, in another field; or, for a common name whose papers\n"
             "fall apart, those outside its largest group).  With --split-homonyms\n"
             "each group is an author of its own instead.  The marks are explained\n"
             "under the chain.\n"
             "\n"
             "The search is a bidirectional breadth-first search that grows the cheaper\n"
             "side first, so a query on a large network looks at a small part of it.\n"
             "\n"
             "Options:\n",
             17),
    CLI_STRING("from", "NAME", &po.from, "the first author: an exact name, or a part that only one\n"
                                         "author's name contains (the choice is reported)"),
    CLI_STRING("to", "NAME", &po.to, "the last author, likewise"),
    CLI_FLAG("all", &po.all, "list every shortest chain, in name order, up to --limit"),
    CLI_CALLBACK("limit", "N", path_limit, &po,
                 "with --all, list at most N chains (default " CLI_STR(DEFAULT_LIMIT) "; implies --all)"),
    CLI_FLAG("strongest", &po.strongest,
             "the strongest chain instead: the least total cost, where a\n"
             "hop costs 1/joint_papers (ties: fewer hops, then names).\n"
             "Prints its length in hops and its cost"),
    CLI_DOC("--avoid NAME", "find a chain that does not pass through NAME (repeatable)"),
    CLI_FLAG("search-stats", &po.search_stats,
             "report on stderr how many authors the search touched and\nhow long it took"),
    CLI_LONG("bench", "N", &po.bench, 1, 10000000,
             "time N queries between seeded random pairs of authors of\n"
             "the largest component, after loading: the bidirectional\n"
             "search against igraph's single-source search"),
    CLI_TEXT("\n"
             "With --json: {\"from\", \"to\", \"length\", \"total_chains\", \"chains\": [{\"authors\":\n"
             "[...], \"hops\": [{\"papers\": [{\"title\", \"year\", \"id\", \"inferred\"}]}]}]}, plus\n"
             "\"cost\" with --strongest.  With --tsv or --csv: one row per joint paper: chain,\n"
             "hop, from, to, year, title, id, inferred, homonym.\n",
             0),
    CLI_HELP_TAIL,
    CLI_TEXT("Exit status 3 when no chain joins the two authors (they are in different\n"
             "components, perhaps after --avoid or --years), with a one-line explanation on\n"
             "stderr; 2 also when --from or --to names no author, or one outside the selection.\n",
             0),
    CLI_END,
};

static int check(const cli_common_t *o)
{
    (void)o;
    if (!po.bench && (!po.from || !po.to))
        return cli_usage_error("path", "--from and --to are required");
    if (po.all && po.strongest)
        return cli_usage_error("path", "--all and --strongest cannot be combined");
    return EXIT_OK;
}

static int run(cli_common_t *o)
{
    cli_network_t net;
    coa_view_t *view = NULL;
    coa_path_finder_t *finder = NULL;
    coa_chains_t r;
    coa_chain_hops_t ch = {NULL, 0};
    int status, err;
    coa_chains_init(&r);
    const char *what[2] = {"--from", "--to"}, *names[2] = {po.from, po.to};
    uint32_t ends[2];
    /* shortest chains on the index (a database's, or one built in memory)
     * unless a selection asks for the graph */
    if ((status = cli_open_network(o, !po.bench && !po.strongest, what, names, po.bench ? 0 : 2, 1, &net, ends)))
        goto cleanup;
    if (net.have_graph) {
        if ((err = coa_path_finder_new(&net.graph, &finder))) {
            cli_error("cannot prepare the search: %s", coa_strerror(err));
            status = EXIT_FAILURE_RUN;
            goto cleanup;
        }
        view = coa_path_finder_view(finder);
    } else if ((err = coa_view_new_index(net.index, &view))) {
        cli_error("cannot prepare the search: %s", coa_strerror(err));
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }
    if (po.bench) {
        coa_path_bench_t bench;
        if (coa_path_bench(&net.graph, finder, po.bench, o->seed, &bench)) {
            cli_error("%s", bench.message);
            status = EXIT_FAILURE_RUN;
        } else {
            coa_write_path_bench(stdout, &bench);
        }
        goto cleanup;
    }
    double t0 = now_ms();
    if (po.strongest) {
        const coa_graph_t *g = &net.graph;
        err = coa_path_strongest(finder, g->author_vertex[ends[0]], g->author_vertex[ends[1]], &r);
        for (uint32_t i = 0; !err && i < r.n_chains * (r.length + 1); i++)
            r.vertices[i] = g->vertex_author[r.vertices[i]];
    } else {
        err = coa_view_chains(view, ends[0], ends[1], po.all ? (uint32_t)po.limit : 1, NULL, 0, &r);
    }
    double elapsed = now_ms() - t0;
    if (err == COA_EFORMAT && !net.index_built && !net.have_graph) {
        cli_error("cannot search for a chain: the index beside %s is damaged (a list of coauthors names no "
                  "author); 'coauthor import' writes it again", o->files[0]);
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }
    if (err) {
        cli_error("cannot search for a chain: %s", coa_strerror(err));
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }
    /* an index built in memory: the [homonym?] marks of the chains' authors */
    if (net.index_built && r.n_chains && coa_flag_homonyms_of(&net.corpus, r.vertices, r.n_chains * (r.length + 1))) {
        cli_error("out of memory");
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }
    long long n_vertices = (long long)coa_view_vertices(view);
    if (po.search_stats)
        fprintf(stderr, "%s: the %s touched %llu of %lld authors (%.3f%%) in %.3f ms\n", cli_program,
                po.strongest ? "Dijkstra search" : "bidirectional search", (unsigned long long)r.touched,
                n_vertices, 100.0 * (double)r.touched / (double)(n_vertices ? n_vertices : 1), elapsed);
    const coa_corpus_t *c = net.c;
    const char *from = coa_corpus_str(c, c->authors[ends[0]].display), *to = coa_corpus_str(c, c->authors[ends[1]].display);
    if ((err = coa_chain_hops_fill(view, &r, &ch))) {
        cli_error("cannot collect the papers of the chain: %s", coa_strerror(err));
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }
    coa_path_report_t report = {c, &r, &ch, from, to, po.all, po.strongest};
    if (coa_write_path(stdout, &report, o->output)) {
        cli_error("cannot write the output");
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }
    if (!r.found) {
        explain_no_chain(from, to, &r, o);
        status = EXIT_NO_RESULT;
    }
cleanup:
    coa_chain_hops_destroy(&ch);
    coa_chains_destroy(&r);
    if (finder)
        coa_path_finder_free(finder);
    else
        coa_view_free(view);
    cli_network_destroy(&net);
    return status;
}

const cli_command_t cmd_path = {"path", "shortest or strongest chain of coauthors between two authors", options, NULL,
                                check, run};
