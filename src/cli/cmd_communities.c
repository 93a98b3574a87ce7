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

/* A number without trailing zeros, for weights and resolutions. */
static void format_number(char *buf, size_t len, double x)
{
    if (x == floor(x) && fabs(x) < 1e15)
        snprintf(buf, len, "%.0f", x);
    else
        snprintf(buf, len, "%.4g", x);
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

static void describe(const options_t *op, const coa_communities_t *c, char *buf, size_t len)
{
    const coa_community_options_t *d = &op->detect;
    char res[32];
    format_number(res, sizeof res, d->resolution);
    size_t used = 0;
#define APPEND(...) used += (size_t)snprintf(buf + used, used < len ? len - used : 0, __VA_ARGS__)
    APPEND("%s", coa_community_method_name(d->method));
    if (d->method == COA_COMMUNITY_LEIDEN)
        APPEND(", %s objective", d->objective == COA_COMMUNITY_CPM ? "CPM" : "modularity");
    if (d->method == COA_COMMUNITY_LEIDEN && d->iterations > 0)
        APPEND(", %d iteration%s", d->iterations, d->iterations == 1 ? "" : "s");
    if (d->method == COA_COMMUNITY_LEIDEN || d->method == COA_COMMUNITY_LOUVAIN)
        APPEND(", resolution %s", res);
    APPEND(", weight %s", coa_community_weight_name(d->weight));
    if (d->method == COA_COMMUNITY_LEIDEN || d->method == COA_COMMUNITY_LOUVAIN ||
        d->method == COA_COMMUNITY_LABELPROP || d->method == COA_COMMUNITY_INFOMAP) {
        if (d->method == COA_COMMUNITY_LEIDEN && d->runs > 1)
            APPEND(", best of seeds %lu-%lu (seed %lu won)", d->seed, d->seed + (unsigned long)d->runs - 1,
                   d->seed + (unsigned long)c->best_run);
        else
            APPEND(", seed %lu", d->seed);
    }
    if (d->method == COA_COMMUNITY_WALKTRAP)
        APPEND(", %lld steps", (long long)d->walktrap_steps);
    if (d->method == COA_COMMUNITY_OPTIMAL)
        APPEND(", exact (GLPK), largest component %lld authors", (long long)c->optimal_largest);
#undef APPEND
}

static void print_strength(FILE *out, const options_t *op, double x)
{
    if (op->detect.weight == COA_COMMUNITY_WEIGHT_FRACTIONAL)
        fprintf(out, "%.4f", x);
    else
        fprintf(out, "%.0f", x);
}

static int print_text(const options_t *op, const coa_graph_t *g, const coa_communities_t *c)
{
    char what[256];
    describe(op, c, what, sizeof what);
    printf("communities: %s\n", what);
    printf("authors %lld, coauthor edges %lld, communities %lld\n", (long long)g->n_vertices,
           (long long)igraph_ecount(&g->graph), (long long)c->n_communities);
    if (isnan(c->modularity))
        printf("modularity Q = - (no edges)\n");
    else
        printf("modularity Q = %.4f\n", c->modularity);
    if (op->detect.method == COA_COMMUNITY_LEIDEN && op->detect.objective == COA_COMMUNITY_CPM &&
        !isnan(c->quality))
        printf("CPM quality = %.4f\n", c->quality);
    else if (op->detect.resolution != 1.0 && !isnan(c->quality) && op->detect.method != COA_COMMUNITY_OPTIMAL) {
        char res[32];
        format_number(res, sizeof res, op->detect.resolution);
        printf("modularity at resolution %s = %.4f\n", res, c->quality);
    }
    if (!isnan(c->codelength))
        printf("codelength = %.4f\n", c->codelength);
    if (c->n_communities == 0)
        return EXIT_OK;
    fputc('\n', stdout);

    const char *names[] = {"community", "size", "internal", "external", "most central members"};
    coa_table_t *t = coa_table_new(5, names);
    igraph_vector_int_t members;
    if (!t || igraph_vector_int_init(&members, 0)) {
        coa_table_free(t);
        cli_error("out of memory");
        return EXIT_FAILURE_RUN;
    }
    for (int col = 0; col < 4; col++)
        coa_table_numeric(t, col);
    int status = EXIT_OK;
    char *line = NULL;
    size_t line_len = 0;
    for (igraph_integer_t k = 0; k < c->n_communities && status == EXIT_OK; k++) {
        if (coa_communities_members(c, g, k, &members)) {
            status = EXIT_FAILURE_RUN;
            break;
        }
        igraph_integer_t size = igraph_vector_int_size(&members);
        igraph_integer_t shown = op->top > 0 && op->top < size ? op->top : size;
        FILE *mem = open_memstream(&line, &line_len);
        if (!mem) {
            status = EXIT_FAILURE_RUN;
            break;
        }
        for (igraph_integer_t i = 0; i < shown; i++)
            fprintf(mem, "%s%s", i ? ", " : "", coa_graph_vertex_name(g, VECTOR(members)[i]));
        if (shown < size)
            fprintf(mem, " (+%lld more)", (long long)(size - shown));
        fclose(mem);
        coa_table_cell(t, "%lld", (long long)k);
        coa_table_cell(t, "%lld", (long long)VECTOR(c->sizes)[k]);
        coa_table_cell(t, "%lld", (long long)VECTOR(c->internal_edges)[k]);
        coa_table_cell(t, "%lld", (long long)VECTOR(c->external_edges)[k]);
        coa_table_cell(t, "%s", line);
        free(line);
        line = NULL;
    }
    if (status == EXIT_OK && coa_table_write(t, stdout, COA_OUT_TEXT))
        status = EXIT_FAILURE_RUN;
    if (status)
        cli_error("cannot write the output");
    igraph_vector_int_destroy(&members);
    coa_table_free(t);
    return status;
}

/* --tsv / --csv: one line per author, by community, most central first. */
static int print_membership(const options_t *op, const coa_graph_t *g, const coa_communities_t *c,
                            coa_output_t format)
{
    (void)op;
    const char *names[] = {"author", "community"};
    coa_table_t *t = coa_table_new(2, names);
    igraph_vector_int_t members;
    if (!t || igraph_vector_int_init(&members, 0)) {
        coa_table_free(t);
        cli_error("out of memory");
        return EXIT_FAILURE_RUN;
    }
    coa_table_numeric(t, 1);
    int status = EXIT_OK;
    for (igraph_integer_t k = 0; k < c->n_communities; k++) {
        if (coa_communities_members(c, g, k, &members)) {
            status = EXIT_FAILURE_RUN;
            break;
        }
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(&members); i++) {
            coa_table_cell(t, "%s", coa_graph_vertex_name(g, VECTOR(members)[i]));
            coa_table_cell(t, "%lld", (long long)k);
        }
    }
    if (status == EXIT_OK && coa_table_write(t, stdout, format))
        status = EXIT_FAILURE_RUN;
    if (status)
        cli_error("cannot write the output");
    igraph_vector_int_destroy(&members);
    coa_table_free(t);
    return status;
}

static void json_number(FILE *out, double x)
{
    if (isnan(x) || isinf(x))
        fputs("null", out);
    else
        fprintf(out, "%.6f", x);
}

static int print_json(const options_t *op, const coa_graph_t *g, const coa_communities_t *c)
{
    const coa_community_options_t *d = &op->detect;
    igraph_vector_int_t members;
    if (igraph_vector_int_init(&members, 0)) {
        cli_error("out of memory");
        return EXIT_FAILURE_RUN;
    }
    printf("{\n  \"method\": \"%s\",\n", coa_community_method_name(d->method));
    if (d->method == COA_COMMUNITY_LEIDEN)
        printf("  \"objective\": \"%s\",\n", d->objective == COA_COMMUNITY_CPM ? "cpm" : "modularity");
    printf("  \"weight\": \"%s\",\n", coa_community_weight_name(d->weight));
    if (d->method == COA_COMMUNITY_LEIDEN || d->method == COA_COMMUNITY_LOUVAIN) {
        fputs("  \"resolution\": ", stdout);
        json_number(stdout, d->resolution);
        fputs(",\n", stdout);
    }
    printf("  \"seed\": %lu,\n", d->seed);
    if (d->method == COA_COMMUNITY_LEIDEN)
        printf("  \"runs\": %d,\n  \"best_seed\": %lu,\n", d->runs, d->seed + (unsigned long)c->best_run);
    if (d->method == COA_COMMUNITY_LEIDEN && d->iterations > 0)
        printf("  \"iterations\": %d,\n", d->iterations);
    else if (d->method == COA_COMMUNITY_LEIDEN)
        printf("  \"iterations\": null,\n");
    if (d->method == COA_COMMUNITY_OPTIMAL)
        printf("  \"largest_component\": %lld,\n", (long long)c->optimal_largest);
    printf("  \"authors\": %lld,\n  \"edges\": %lld,\n  \"n_communities\": %lld,\n", (long long)g->n_vertices,
           (long long)igraph_ecount(&g->graph), (long long)c->n_communities);
    fputs("  \"modularity\": ", stdout);
    json_number(stdout, c->modularity);
    fputs(",\n  \"quality\": ", stdout);
    json_number(stdout, c->quality);
    if (d->method == COA_COMMUNITY_INFOMAP) {
        fputs(",\n  \"codelength\": ", stdout);
        json_number(stdout, c->codelength);
    }
    fputs(",\n  \"communities\": [", stdout);
    int status = EXIT_OK;
    for (igraph_integer_t k = 0; k < c->n_communities; k++) {
        if (coa_communities_members(c, g, k, &members)) {
            status = EXIT_FAILURE_RUN;
            break;
        }
        printf("%s\n    {\"id\": %lld, \"size\": %lld, \"internal_edges\": %lld, \"external_edges\": %lld, "
               "\"internal_weight\": ",
               k ? "," : "", (long long)k, (long long)VECTOR(c->sizes)[k], (long long)VECTOR(c->internal_edges)[k],
               (long long)VECTOR(c->external_edges)[k]);
        print_strength(stdout, op, VECTOR(c->internal_weight)[k]);
        fputs(",\n     \"members\": [", stdout);
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(&members); i++) {
            igraph_integer_t v = VECTOR(members)[i];
            fputs(i ? ", {\"name\": " : "{\"name\": ", stdout);
            coa_json_string(stdout, coa_graph_vertex_name(g, v));
            fputs(", \"strength\": ", stdout);
            print_strength(stdout, op, VECTOR(c->internal_strength)[v]);
            fputc('}', stdout);
        }
        fputs("]}", stdout);
    }
    fputs(c->n_communities ? "\n  ]\n}\n" : "]\n}\n", stdout);
    igraph_vector_int_destroy(&members);
    if (status)
        cli_error("out of memory");
    return status;
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
    const char *names[] = {"method", "communities", "modularity", "gap", "gap_percent", "note"};
    coa_table_t *t = coa_table_new(6, names);
    if (!t) {
        cli_error("out of memory");
        return EXIT_FAILURE_RUN;
    }
    for (int col = 1; col <= 4; col++)
        coa_table_numeric(t, col);
    int digits = format == COA_OUT_TEXT ? 4 : 6;
    for (int i = 0; i < 3; i++) {
        char note[64] = "";
        if (methods[i] == COA_COMMUNITY_OPTIMAL)
            snprintf(note, sizeof note, "exact (GLPK)");
        else if (methods[i] == COA_COMMUNITY_LEIDEN)
            snprintf(note, sizeof note, "best of %d seed%s", op->detect.runs, op->detect.runs == 1 ? "" : "s");
        else
            snprintf(note, sizeof note, "seed %lu", op->detect.seed);
        coa_table_cell(t, "%s", coa_community_method_name(methods[i]));
        coa_table_cell(t, "%lld", (long long)k[i]);
        if (isnan(q[0])) {
            coa_table_cell(t, "-");
            coa_table_cell(t, "-");
            coa_table_cell(t, "-");
        } else {
            double gap = q[0] - q[i];
            if (fabs(gap) < 1e-12)
                gap = 0; /* no "-0.0000" */
            coa_table_cell(t, "%.*f", digits, q[i]);
            coa_table_cell(t, "%.*f", digits, gap);
            coa_table_cell(t, "%.2f", q[0] != 0 ? 100 * gap / q[0] : 0.0);
        }
        coa_table_cell(t, "%s", note);
    }
    if (format == COA_OUT_TEXT) {
        printf("compare on %lld authors, %lld coauthor edges (weight %s)\n", (long long)g->n_vertices,
               (long long)igraph_ecount(&g->graph), coa_community_weight_name(op->detect.weight));
        printf("gap = the optimum's modularity minus the method's\n\n");
    }
    if (coa_table_write(t, stdout, format)) {
        cli_error("cannot write the output");
        status = EXIT_FAILURE_RUN;
    }
    coa_table_free(t);
    return status;
}

enum { O_METHOD, O_OBJECTIVE, O_WEIGHT, O_RESOLUTION, O_RUNS, O_TIME_LIMIT, O_TOP, O_ITERATIONS };

/* The options whose values need checking; opt->min is the id. */
static int communities_option(const cli_option_t *opt, const char *arg, cli_parser_t *p)
{
    options_t *op = opt->target;
    switch (opt->min) {
    case O_METHOD:
        if (coa_community_method_parse(arg, &op->detect.method))
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
        if (coa_community_weight_parse(arg, &op->detect.weight))
            return cli_usage_error(p->command, "unknown --weight '%s': expected joint, fractional or none", arg);
        return 0;
    case O_RESOLUTION:
        if (parse_double(arg, 0, 1e6, &op->detect.resolution))
            return cli_usage_error(p->command, "bad --resolution '%s': expected a non-negative number", arg);
        op->resolution_given = 1;
        return 0;
    case O_RUNS:
        if (parse_int(arg, 1, 10000, &op->detect.runs))
            return cli_usage_error(p->command, "bad --runs '%s': expected a number from 1 to 10000", arg);
        op->runs_given = 1;
        return 0;
    case O_TIME_LIMIT:
        if (parse_double(arg, 0, 1e7, &op->detect.time_limit) || op->detect.time_limit <= 0)
            return cli_usage_error(p->command, "bad --time-limit '%s': expected a positive number of seconds", arg);
        return 0;
    case O_TOP:
        if (parse_int(arg, 0, INT_MAX, &op->top))
            return cli_usage_error(p->command, "bad --top '%s': expected a number", arg);
        return 0;
    default:
        if (parse_int(arg, 1, COA_LEIDEN_MAX_ITERATIONS, &op->detect.iterations))
            return cli_usage_error(p->command, "bad --iterations '%s': expected a number from 1 to %d", arg,
                                   COA_LEIDEN_MAX_ITERATIONS);
        op->iterations_given = 1;
        return 0;
    }
}

#define OPTION(name_, arg_, id, help_)                                                                       \
    {.kind = CLI_OPT_CALLBACK, .name = name_, .arg = arg_, .min = id, .fn = communities_option, .target = &op,  \
     .help = help_}

int cmd_communities(int argc, char **argv)
{
    cli_common_t o;
    options_t op;
    cli_common_init(&o);
    memset(&op, 0, sizeof op);
    coa_community_options_init(&op.detect);
    op.top = DEFAULT_TOP;
    int status;
    const cli_option_t options[] = {
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
        CLI_FLAG("timing", &op.timing, "report the CPU and wall time of detection on stderr"),
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
        CLI_FLAG("force", &op.detect.force, "run above the size limit"),
        OPTION("time-limit", "S", O_TIME_LIMIT,
               "give up after S seconds (exit status 3); checked while\n"
               "constraints are built and between branch-and-bound\n"
               "steps, so GLPK's first relaxation can overrun it\n"
               "(1.5 s of CPU time at 67 authors)"),
        CLI_FLAG("compare", &op.compare,
                 "run the optimum, Leiden (best of --runs seeds) and\n"
                 "Louvain, and print each one's modularity and its gap\n"
                 "to the optimum"),
        CLI_HELP_TAIL,
        CLI_TEXT("Also 2 when the exact optimum is refused by the size limit, and 3 when\n"
                 "--time-limit is reached before the optimum is found.\n",
                 0),
        CLI_END,
    };
    if (cli_parse("communities", options, &o, argc, argv, &status))
        return status;
    if (cli_common_files(&o, argc, argv))
        return cli_usage_error("communities", "no input files");
    coa_community_method_t m = op.detect.method;
    if (op.compare) {
        if (op.resolution_given && op.detect.resolution != 1.0)
            return cli_usage_error("communities", "--compare measures modularity at resolution 1; drop --resolution");
        if (op.objective_given && op.detect.objective != COA_COMMUNITY_MODULARITY)
            return cli_usage_error("communities", "--compare measures modularity; drop --objective cpm");
        if (!op.runs_given)
            op.detect.runs = DEFAULT_COMPARE_RUNS;
    } else {
        if (op.resolution_given && m != COA_COMMUNITY_LEIDEN && m != COA_COMMUNITY_LOUVAIN)
            return cli_usage_error("communities", "--resolution applies to leiden and louvain only");
        if (op.objective_given && m != COA_COMMUNITY_LEIDEN)
            return cli_usage_error("communities", "--objective applies to leiden only");
        if (op.runs_given && m != COA_COMMUNITY_LEIDEN)
            return cli_usage_error("communities", "--runs applies to leiden only");
        if (op.iterations_given && m != COA_COMMUNITY_LEIDEN)
            return cli_usage_error("communities", "--iterations applies to leiden only");
    }
    op.detect.seed = o.seed;

    coa_corpus_t corpus;
    coa_graph_t graph;
    if ((status = cli_open(&o, &corpus, &graph)))
        goto cleanup;
    if (op.compare) {
        status = compare(&op, &graph, o.output);
        goto cleanup;
    }
    coa_communities_t c;
    if ((status = detect(&c, &graph, &op.detect, op.timing)) == EXIT_OK) {
        if (o.output == COA_OUT_JSON)
            status = print_json(&op, &graph, &c);
        else if (o.output == COA_OUT_TSV || o.output == COA_OUT_CSV)
            status = print_membership(&op, &graph, &c, o.output);
        else
            status = print_text(&op, &graph, &c);
    }
    coa_communities_destroy(&c);
cleanup:
    coa_graph_destroy(&graph);
    coa_corpus_destroy(&corpus);
    return status;
}
