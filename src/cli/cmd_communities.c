/* coauthor communities: groups of collaborators, and how close the
 * heuristics come to the exact modularity optimum. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "coauthor/community.h"

#define DEFAULT_TOP 5
#define DEFAULT_COMPARE_RUNS 10

typedef struct {
    coa_community_options_t detect;
    int runs_given, resolution_given, objective_given, iterations_given;
    int compare;
    int top;
    int timing;
} options_t;

static options_t opts;

static void defaults(void)
{
    coa_community_options_init(&opts.detect);
    opts.top = DEFAULT_TOP;
}

static int parse_double(const char *s, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= lo) || !(v <= hi))
        return -1;
    *out = v;
    return 0;
}

static int parse_int(const char *s, long lo, long hi, int *out)
{
    char *end;
    if (!*s || *s == '+' || *s == ' ')
        return -1;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

static double seconds_now(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Runs detection and explains a failure on stderr; returns an exit status. */
static int detect(coa_communities_t *c, const coa_graph_t *g, const coa_community_options_t *d, int timing)
{
    /* CPU time is what a loaded machine does not inflate; wall time too */
    double wall0 = seconds_now(CLOCK_MONOTONIC), cpu0 = seconds_now(CLOCK_PROCESS_CPUTIME_ID);
    int err = coa_communities_detect(c, g, d);
    double wall = seconds_now(CLOCK_MONOTONIC) - wall0, cpu = seconds_now(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
    if (timing)
        fprintf(stderr, "%s: %s took %.3f s of CPU time (%.3f s wall) on %lld authors and %lld edges\n",
                cli_program, coa_community_method_name(d->method), cpu, wall, (long long)g->n_vertices,
                (long long)igraph_ecount(&g->graph));
    if (!err)
        return EXIT_OK;
    if (d->method == COA_COMMUNITY_OPTIMAL && err == COA_EINVAL &&
        c->optimal_largest > COA_COMMUNITY_OPTIMAL_LIMIT) {
        cli_error("the exact optimum is limited to components of %d authors, and the largest here has %lld; "
                  "shrink the graph (--ego NAME --radius 1, --avoid NAME, --min-weight 2), use --method leiden, "
                  "or insist with --force (and --time-limit S)",
                  COA_COMMUNITY_OPTIMAL_LIMIT, (long long)c->optimal_largest);
        return EXIT_USAGE;
    }
    if (c->interrupted) {
        cli_error("time limit of %g s reached before the exact optimum was found; try --method leiden, "
                  "or a smaller graph with --ego NAME --radius 1",
                  d->time_limit);
        return EXIT_NO_RESULT;
    }
    cli_error("cannot detect communities: %s", coa_strerror(err));
    return EXIT_FAILURE_RUN;
}

/* --compare: the optimum first (it may be refused), then the heuristics. */
static int compare(const options_t *op, const coa_graph_t *g, coa_output_t format)
{
    static const coa_community_method_t methods[] = {COA_COMMUNITY_OPTIMAL, COA_COMMUNITY_LEIDEN,
                                                     COA_COMMUNITY_LOUVAIN};
    double q[3];
    igraph_integer_t k[3];
    int status = EXIT_OK;
    for (int i = 0; i < 3; i++) {
        coa_community_options_t d = op->detect;
        d.method = methods[i];
        d.objective = COA_COMMUNITY_MODULARITY;
        coa_communities_t c;
        status = detect(&c, g, &d, op->timing);
        q[i] = c.modularity;
        k[i] = c.n_communities;
        coa_communities_destroy(&c);
        if (status)
            return status;
    }
    coa_compare_report_t r = {{q[0], q[1], q[2]}, {k[0], k[1], k[2]}, op->detect.runs, op->detect.seed,
                              op->detect.weight};
    int err = coa_write_communities_compare(stdout, g, &r, format);
    if (err == COA_ENOMEM)
        cli_error("out of memory");
    else if (err)
        cli_error("cannot write the output");
    return err ? EXIT_FAILURE_RUN : EXIT_OK;
}

enum { O_METHOD, O_OBJECTIVE, O_WEIGHT, O_RESOLUTION, O_RUNS, O_TIME_LIMIT, O_TOP, O_ITERATIONS };

/* The options whose values need checking; opt->min is the id. */
static int communities_option(const cli_option_t *opt, const char *arg, cli_parser_t *p)
{
    options_t *op = opt->target;
    switch (opt->min) {
    case O_METHOD:
        if (coa_community_method_parse(arg, &opts.detect.method))
            return cli_usage_error(p->command,
                                   "unknown --method '%s': expected leiden, louvain, fastgreedy, walktrap, "
                                   "labelprop, infomap or optimal",
                                   arg);
        return 0;
    case O_OBJECTIVE:
        if (strcmp(arg, "modularity") == 0)
            op->detect.objective = COA_COMMUNITY_MODULARITY;
        else if (strcmp(arg, "cpm") == 0)
            op->detect.objective = COA_COMMUNITY_CPM;
        else
            return cli_usage_error(p->command, "unknown --objective '%s': expected modularity or cpm", arg);
        op->objective_given = 1;
        return 0;
    case O_WEIGHT:
        if (coa_community_weight_parse(arg, &opts.detect.weight))
            return cli_usage_error(p->command, "unknown --weight '%s': expected joint, fractional or none", arg);
        return 0;
    case O_RESOLUTION:
        if (parse_double(arg, 0, 1e6, &opts.detect.resolution))
            return cli_usage_error(p->command, "bad --resolution '%s': expected a non-negative number", arg);
        op->resolution_given = 1;
        return 0;
    case O_RUNS:
        if (parse_int(arg, 1, 10000, &opts.detect.runs))
            return cli_usage_error(p->command, "bad --runs '%s': expected a number from 1 to 10000", arg);
        op->runs_given = 1;
        return 0;
    case O_TIME_LIMIT:
        if (parse_double(arg, 0, 1e7, &opts.detect.time_limit) || op->detect.time_limit <= 0)
            return cli_usage_error(p->command, "bad --time-limit '%s': expected a positive number of seconds", arg);
        return 0;
    case O_TOP:
        if (parse_int(arg, 0, INT_MAX, &opts.top))
            return cli_usage_error(p->command, "bad --top '%s': expected a number", arg);
        return 0;
    default:
        if (parse_int(arg, 1, COA_LEIDEN_MAX_ITERATIONS, &opts.detect.iterations))
            return cli_usage_error(p->command, "bad --iterations '%s': expected a number from 1 to %d", arg,
                                   COA_LEIDEN_MAX_ITERATIONS);
        op->iterations_given = 1;
        return 0;
    }
}

#define OPTION(name_, arg_, id, help_)                                                                       \
    {.kind = CLI_OPT_CALLBACK, .name = name_, .arg = arg_, .min = id, .fn = communities_option, .target = &opts, \
     .help = help_}

static const cli_option_t options[] = {
    CLI_TEXT("usage: coauthor communities [options] FILE...\n"
             "\n"
             "Finds groups of collaborators in the coauthor network.  Prints every\n"
             "community, largest first, with its size, its internal edges (both ends\n"
             "inside), its external edges (one end inside) and its most central members\n"
             "(by the weight of their edges inside the community), then the modularity Q\n"
             "of the whole partition.  Community 0 is the largest; communities of equal\n"
             "size are ordered by the smallest member name.  The same input, options and\n"
             "seed give the same output.\n"
             "\n"
             "Options:\n",
             21),
    OPTION("method", "M", O_METHOD,
           "leiden (default), louvain, fastgreedy, walktrap,\n"
           "labelprop, infomap, or optimal: the exact modularity\n"
           "maximum, solved by GLPK through igraph"),
    OPTION("objective", "O", O_OBJECTIVE,
           "leiden only: modularity (default) or cpm, the constant\n"
           "Potts model, whose quality igraph reports as\n"
           "(2 * internal weight - R * sum of size^2) / (2 * weight);\n"
           "pick --resolution R to suit the weights"),
    OPTION("weight", "W", O_WEIGHT,
           "edge weight: joint (joint papers, default), fractional\n"
           "(Newman's sum of 1/(n-1) over joint papers) or none"),
    OPTION("resolution", "R", O_RESOLUTION,
           "leiden and louvain: resolution gamma (default 1); higher\ngives more, smaller communities"),
    OPTION("runs", "N", O_RUNS,
           "leiden: keep the best of N seeds, --seed to --seed+N-1\n(default 1; 10 with --compare)"),
    OPTION("iterations", "N", O_ITERATIONS,
           "leiden: iterations per run (default: until one gains\n"
           "nothing, at most " CLI_STR(COA_LEIDEN_MAX_ITERATIONS) "; python-igraph's default is 2)"),
    OPTION("top", "K", O_TOP, "members to show per community (default " CLI_STR(DEFAULT_TOP) "; 0 = all)"),
    CLI_DOC("--tsv, --csv", "one line per author: author, community"),
    CLI_DOC("--json", "every community with all its members and strengths"),
    CLI_FLAG("timing", &opts.timing, "report the CPU and wall time of detection on stderr"),
    CLI_TEXT("\n"
             "The exact optimum (--method optimal):\n"
             "  Modularity maximisation is NP-hard, and the integer program has a variable\n"
             "  per pair of authors.  It is solved one connected component at a time, and\n"
             "  is refused when the largest component has more than " CLI_STR(COA_COMMUNITY_OPTIMAL_LIMIT) " authors: shrink\n"
             "  the graph with --ego NAME --radius 1, --avoid NAME or --min-weight, use\n"
             "  --method leiden, or insist with --force.  Measured here: 0.2 s of CPU\n"
             "  time at 38 authors, 2 s at 50, 81 s at 67 (python-igraph: 213 s).\n"
             "  --resolution does not apply.\n",
             0),
    CLI_FLAG("force", &opts.detect.force, "run above the size limit"),
    OPTION("time-limit", "S", O_TIME_LIMIT,
           "give up after S seconds (exit status 3); checked while\n"
           "constraints are built and between branch-and-bound\n"
           "steps, so GLPK's first relaxation can overrun it\n"
           "(1.5 s of CPU time at 67 authors)"),
    CLI_FLAG("compare", &opts.compare,
             "run the optimum, Leiden (best of --runs seeds) and\n"
             "Louvain, and print each one's modularity and its gap\n"
             "to the optimum"),
    CLI_HELP_TAIL,
    CLI_TEXT("Also 2 when the exact optimum is refused by the size limit, and 3 when\n"
             "--time-limit is reached before the optimum is found.\n",
             0),
    CLI_END,
};

static int run(cli_common_t *o)
{
    int status;
    coa_community_method_t m = opts.detect.method;
    if (opts.compare) {
        if (opts.resolution_given && opts.detect.resolution != 1.0)
            return cli_usage_error("communities", "--compare measures modularity at resolution 1; drop --resolution");
        if (opts.objective_given && opts.detect.objective != COA_COMMUNITY_MODULARITY)
            return cli_usage_error("communities", "--compare measures modularity; drop --objective cpm");
        if (!opts.runs_given)
            opts.detect.runs = DEFAULT_COMPARE_RUNS;
    } else {
        if (opts.resolution_given && m != COA_COMMUNITY_LEIDEN && m != COA_COMMUNITY_LOUVAIN)
            return cli_usage_error("communities", "--resolution applies to leiden and louvain only");
        if (opts.objective_given && m != COA_COMMUNITY_LEIDEN)
            return cli_usage_error("communities", "--objective applies to leiden only");
        if (opts.runs_given && m != COA_COMMUNITY_LEIDEN)
            return cli_usage_error("communities", "--runs applies to leiden only");
        if (opts.iterations_given && m != COA_COMMUNITY_LEIDEN)
            return cli_usage_error("communities", "--iterations applies to leiden only");
    }
    opts.detect.seed = o->seed;

    coa_corpus_t corpus;
    coa_graph_t graph;
    if ((status = cli_open(o, &corpus, &graph)))
        goto cleanup;
    if (opts.compare) {
        status = compare(&opts, &graph, o->output);
        goto cleanup;
    }
    coa_communities_t c;
    if ((status = detect(&c, &graph, &opts.detect, opts.timing)) == EXIT_OK) {
        int err = coa_write_communities(stdout, &graph, &c, &opts.detect, opts.top, o->output);
        if (err) {
            cli_error("%s", err == COA_ENOMEM ? "out of memory" : "cannot write the output");
            status = EXIT_FAILURE_RUN;
        }
    }
    coa_communities_destroy(&c);
cleanup:
    coa_graph_destroy(&graph);
    coa_corpus_destroy(&corpus);
    return status;
}

const cli_command_t cmd_communities = {"communities", "groups of collaborators (Leiden, Louvain, exact optimum)",
                                       options, defaults, NULL, run};
