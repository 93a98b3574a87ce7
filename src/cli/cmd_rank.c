/* coauthor rank: an author's most frequent coauthors, or the whole
 * network ranked by a centrality measure. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct {
    const char *author;
    const char *by;
    int papers;
    long top;
    int exact;
    long sample;
    coa_measure_t measure; /* of --by, without --author */
} rank_opts_t;

static rank_opts_t ro;

static int write_failed(void)
{
    cli_error("cannot write the output");
    return EXIT_FAILURE_RUN;
}

/* ---- coauthors of one author ---- */

static int run_coauthors(const cli_common_t *o, const coa_graph_t *g, uint32_t author)
{
    const coa_corpus_t *c = g->corpus;
    int fractional = ro.by && !strcmp(ro.by, "fractional");
    coa_coauthors_t list;
    int err = coa_coauthors_init(&list, g, author, fractional ? COA_COAUTHORS_BY_FRACTIONAL : COA_COAUTHORS_BY_JOINT);
    if (err == COA_ENOTFOUND) {
        cli_error("--author '%s' is not in the selected network", coa_corpus_str(c, c->authors[author].display));
        return EXIT_USAGE;
    }
    if (err) {
        cli_error("cannot rank the coauthors: %s", coa_strerror(err));
        return EXIT_FAILURE_RUN;
    }
    uint32_t shown = list.n;
    if (ro.top && (unsigned long)ro.top < shown)
        shown = (uint32_t)ro.top;
    int status = coa_write_coauthors(stdout, g, &list, shown, fractional, ro.papers, o->output) ? write_failed()
                                                                                                 : EXIT_OK;
    coa_coauthors_destroy(&list);
    return status;
}

/* ---- the whole network ---- */

static int run_ranking(const cli_common_t *o, const coa_graph_t *g, coa_measure_t m)
{
    coa_rank_options_t ropt;
    coa_rank_options_init(&ropt);
    ropt.exact = ro.exact;
    ropt.seed = o->seed;
    if (ro.sample) {
        ropt.sample = ro.sample;
        ropt.exact_limit = 0; /* asked for: estimate at any size */
    }
    coa_ranking_t r;
    int err = coa_ranking_init(&r, g, m, &ropt);
    if (err) {
        cli_error("cannot compute %s: %s", coa_measure_name(m), coa_strerror(err));
        return EXIT_FAILURE_RUN;
    }
    if (o->output == COA_OUT_TSV || o->output == COA_OUT_CSV) {
        char note[512];
        coa_ranking_describe(g, &r, o->seed, note, sizeof note);
        if (r.info.sampled && !o->quiet)
            fprintf(stderr, "%s: %s\n", cli_program, note);
    }
    int status = coa_write_ranking(stdout, g, &r, ro.top, o->seed, o->output) ? write_failed() : EXIT_OK;
    coa_ranking_destroy(&r);
    return status;
}

static const cli_option_t options[] = {
    CLI_TEXT("usage: coauthor rank --author NAME [--by joint|fractional] [--papers] [options] FILE...\n"
             "       coauthor rank --by MEASURE [--exact] [options] FILE...\n"
             "\n"
             "With --author, lists the author's coauthors: rank, author, joint_papers,\n"
             "fractional, first_year, last_year, inferred.  joint_papers counts the papers\n"
             "written together; fractional is Newman's weight, the sum over those papers of\n"
             "1/(n-1) for a paper of n authors; the years are those of the first and last\n"
             "joint paper; inferred counts the joint papers on which either author is only\n"
             "inferred (a profile's owner hidden behind \"et al.\").  Coauthors are ordered\n"
             "by joint papers, then fractional weight, then name.\n"
             "\n"
             "With --by MEASURE, ranks every author of the network: rank, author, score,\n"
             "papers, degree.  Ties are ordered by name.\n"
             "\n"
             "Options:\n",
             17),
    CLI_STRING("author", "NAME", &ro.author,
               "the author whose coauthors to list: an exact name, or a part\n"
               "that only one author's name contains (the choice is reported)"),
    CLI_STRING("by", "ORDER", &ro.by, "with --author: 'joint' (default) or 'fractional' first"),
    CLI_DOC("--by MEASURE", "without --author, one of:\n"
            "  papers       papers in the selection\n"
            "  degree       distinct coauthors\n"
            "  strength     sum of joint papers over the coauthors\n"
            "  betweenness  shortest paths through the author (raw count,\n"
            "               each unordered pair counted once)\n"
            "  closeness    inverse mean distance to the authors of the\n"
            "               same component (normalised), so the members\n"
            "               of a small component score high; add\n"
            "               --component largest to rank the main one\n"
            "  harmonic     mean inverse distance to all other authors\n"
            "               (normalised)\n"
            "  pagerank     PageRank, damping " CLI_STR(COA_RANK_PAGERANK_DAMPING) ", weighted by joint papers\n"
            "  eigenvector  eigenvector centrality weighted by joint papers,\n"
            "               computed in each component: a component's top\n"
            "               author scores its leading eigenvalue over the\n"
            "               largest, so the network's top author has 1\n"
            "  coreness     k-core number (unweighted)\n"
            "Distances (betweenness, closeness, harmonic) take an edge's\n"
            "length as 1/joint_papers: frequent coauthors are close."),
    CLI_FLAG("exact", &ro.exact,
             "compute betweenness exactly however large the network; above\n"
             CLI_STR(COA_RANK_BETWEENNESS_EXACT_LIMIT) " authors it is otherwise estimated from a seeded sample\n"
             "of sources (Brandes and Pich 2007, with the linear scaling of\n"
             "Geisberger, Sanders and Schultes 2008), and the output says so"),
    CLI_LONG("sample", "K", &ro.sample, 1, LONG_MAX,
             "estimate betweenness from K sources (default " CLI_STR(COA_RANK_BETWEENNESS_SAMPLE) " above the\n"
             "limit), at any size; --seed chooses them"),
    CLI_FLAG("papers", &ro.papers,
             "with --author, list the joint papers under each coauthor:\n"
             "year, title and identifier (DOI, else the source's key,\n"
             "else file:line), newest first"),
    CLI_LONG("top", "N", &ro.top, 0, LONG_MAX, "show the first N rows only (default: all)"),
    CLI_TEXT("\n"
             "Closeness and harmonic centrality take time proportional to authors times\n"
             "edges; on networks of more than about 50,000 authors they take minutes.\n",
             0),
    CLI_HELP_TAIL,
    CLI_TEXT("Exit status 2 also when --author names no author, or one outside the selection.\n", 0),
    CLI_END,
};

static int check(const cli_common_t *o)
{
    (void)o;
    if (ro.author) {
        if (ro.by && strcmp(ro.by, "joint") && strcmp(ro.by, "joint_papers") && strcmp(ro.by, "fractional"))
            return cli_usage_error("rank", "with --author, --by takes 'joint' or 'fractional', not '%s'", ro.by);
        if (ro.exact || ro.sample)
            return cli_usage_error("rank", "--exact and --sample apply to --by betweenness, not to --author");
    } else if ((ro.exact || ro.sample) && strcmp(ro.by ? ro.by : "", "betweenness")) {
        return cli_usage_error("rank", "--exact and --sample apply to --by betweenness only");
    } else if (ro.exact && ro.sample) {
        return cli_usage_error("rank", "--exact and --sample exclude each other");
    } else {
        if (!ro.by)
            return cli_usage_error("rank", "give --author NAME or --by MEASURE");
        if (coa_measure_parse(ro.by, &ro.measure))
            return cli_usage_error("rank",
                                   "unknown measure '%s' (papers, degree, strength, betweenness, closeness, "
                                   "harmonic, pagerank, eigenvector, coreness)",
                                   ro.by);
        if (ro.papers)
            return cli_usage_error("rank", "--papers lists joint papers and needs --author");
    }
    return EXIT_OK;
}

static int run(cli_common_t *o)
{
    coa_corpus_t corpus;
    coa_graph_t graph = {0}; /* coa_graph_destroy does nothing to it unbuilt */
    int status;
    coa_index_answer_t info;
    /* one author's coauthors through the index: only their papers are
     * copied out, and no graph of the whole corpus is built */
    if ((status = cli_load_about(o, COA_QUERY_COAUTHORS, "--author", ro.author, &corpus, &info)))
        goto cleanup;
    uint32_t author = info.author;
    if (ro.author && author == COA_NONE && (status = cli_resolve_author(o, &corpus, "--author", ro.author, &author)))
        goto cleanup;
    if ((status = cli_build(o, &corpus, &graph)))
        goto cleanup;
    status = ro.author ? run_coauthors(o, &graph, author) : run_ranking(o, &graph, ro.measure);
cleanup:
    coa_graph_destroy(&graph);
    coa_corpus_destroy(&corpus);
    return status;
}

const cli_command_t cmd_rank = {"rank", "most frequent coauthors of an author, or centrality rankings", options, NULL,
                                check, run};
