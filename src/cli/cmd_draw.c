/* coauthor draw: a picture of the coauthor network through Graphviz. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "coauthor/draw.h"

static const char *format_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return NULL;
    return dot + 1;
}

/* coauthor draw --timeline: the picture, and a line on stderr. */
static int draw_timeline(const cli_common_t *o, const coa_corpus_t *corpus, const coa_graph_t *graph, uint32_t author,
                         coa_outfile_t *file, const char *format, const char *title, long top,
                         const coa_draw_options_t *dopts)
{
    igraph_integer_t v = coa_graph_vertex_of(graph, author);
    const char *name = coa_corpus_str(corpus, corpus->authors[author].display);
    if (v < 0) {
        cli_error("--author '%s' has no coauthors in the selection", name);
        return EXIT_NO_RESULT;
    }
    char source[1024], msg[512];
    coa_timeline_describe_sources(graph, source, sizeof source);
    coa_timeline_options_t topts;
    coa_timeline_options_init(&topts);
    if (top > 0)
        topts.rows = (uint32_t)top;
    topts.title = title;
    topts.source = source;
    topts.dpi = dopts->dpi;
    topts.max_inches = dopts->max_inches;
    coa_timeline_report_t rep;
    int err = coa_draw_timeline(file->fp, format, graph, (uint32_t)v, &topts, &rep);
    if (err) {
        cli_error("cannot draw: %s", coa_strerror(err));
        return EXIT_FAILURE_RUN;
    }
    if (coa_outfile_commit(file, msg, sizeof msg)) {
        cli_error("%s", msg);
        return EXIT_FAILURE_RUN;
    }
    if (!o->quiet) {
        fprintf(stderr, "%s: drew the timeline of %s: %u of %u coauthors, ", cli_program, name, rep.rows,
                rep.coauthors);
        if (rep.year_first)
            fprintf(stderr, "%d-%d, ", rep.year_first, rep.year_last);
        fprintf(stderr, "%u cells", rep.cells);
        if (rep.undated)
            fprintf(stderr, ", %u joint papers without a year", rep.undated);
        fprintf(stderr, "; %.1f x %.1f in", rep.width_in, rep.height_in);
        if (!strcmp(format, "png"))
            fprintf(stderr, " (%.0f x %.0f px)", rep.width_in * topts.dpi, rep.height_in * topts.dpi);
        fputc('\n', stderr);
    }
    return EXIT_OK;
}

static int draw_engine(const cli_option_t *opt, const char *arg, cli_parser_t *p)
{
    if (coa_engine_parse(arg, opt->target))
        return cli_usage_error(p->command, "unknown --engine '%s': expected auto, neato, fdp, sfdp, circo or twopi",
                               arg);
    return 0;
}

/* --labels, --top, --max-nodes, --dpi and --inches: a number from min to max */
static int draw_number(const cli_option_t *opt, const char *arg, cli_parser_t *p)
{
    char *end;
    long v = strtol(arg, &end, 10);
    if (!*arg || *end || v < opt->min || v > opt->max)
        return cli_usage_error(p->command, "bad value '%s' for --%s", arg, opt->name);
    *(long *)opt->target = v;
    return 0;
}

#define NUMBER(name_, var, lo, hi, help_)                                                                     \
    {.kind = CLI_OPT_CALLBACK, .name = name_, .arg = "N", .fn = draw_number, .target = var, .min = lo, .max = hi, \
     .help = help_}

/* --size-by: the measure, and that it was given */
typedef struct {
    coa_measure_t measure;
    int given;
} size_by_t;

static int draw_size_by(const cli_option_t *opt, const char *arg, cli_parser_t *p)
{
    size_by_t *size = opt->target;
    size->given = 1;
    if (coa_measure_parse(arg, &size->measure))
        return cli_usage_error(p->command, "unknown --size-by '%s': expected papers, degree, strength, betweenness, "
                               "closeness, harmonic, pagerank, eigenvector or coreness", arg);
    return 0;
}

static int draw_colour_by(const cli_option_t *opt, const char *arg, cli_parser_t *p)
{
    static const char *const names[] = {"community", "component", "year", "none"};
    static const coa_colour_by_t values[] = {COA_COLOUR_COMMUNITY, COA_COLOUR_COMPONENT, COA_COLOUR_YEAR, COA_COLOUR_NONE};
    for (int i = 0; i < 4; i++)
        if (!strcmp(arg, names[i])) {
            *(coa_colour_by_t *)opt->target = values[i];
            return 0;
        }
    return cli_usage_error(p->command, "unknown --colour-by '%s': expected community, component, year or none", arg);
}

/* --highlight-path A B: the option's argument, and the next word */
static int draw_highlight_path(const cli_option_t *opt, const char *arg, cli_parser_t *p)
{
    const char **path = opt->target;
    if (optind >= p->argc)
        return cli_usage_error(p->command, "--highlight-path needs two authors");
    path[0] = arg;
    path[1] = p->argv[optind++];
    return 0;
}

/* What the options ask for. */
typedef struct {
    const char *output, *format, *path[2], *title, *timeline_author;
    int timeline;
    size_by_t size;
    coa_colour_by_t colour_by;
    long top, max_nodes, labels, dpi, inches;
} draw_opts_t;

static draw_opts_t opts = {NULL, NULL, {NULL, NULL}, NULL, NULL, 0, {COA_MEASURE_PAPERS, 0}, COA_COLOUR_COMMUNITY,
                           0, COA_DRAW_MAX_NODES, -1, -1, -1};
static coa_draw_options_t picture; /* what the options say of the picture */

static void defaults(void)
{
    coa_draw_options_init(&picture);
}

static const cli_option_t options[] = {
    CLI_TEXT("usage: coauthor draw [options] FILE... -o PICTURE\n"
             "       coauthor draw --timeline --author NAME [--top N] [options] FILE... -o PICTURE\n"
             "\n"
             "Draws the coauthor network of the inputs with Graphviz.  Node area follows\n"
             "papers (or --size-by), colour follows the community (Leiden, modularity, joint\n"
             "papers as weights, --seed), edge width follows joint papers.\n"
             "\n"
             "The top authors are labelled, the most important first: beside the node where\n"
             "the label covers no other label or labelled node (nor, up to " CLI_STR(COA_DRAW_LARGE) " authors, any\n"
             "node) and the fewest edges, else further out with a leader line; the " CLI_STR(COA_DRAW_MUST_LABEL) " largest\n"
             "(and a chain's authors, and the ego) always, shrunk if need be; any other label\n"
             "that finds no place is left out.  A title and a legend (what size, colour and\n"
             "width mean, and the data source) sit above the drawing.  SVG nodes and edges\n"
             "have tooltips: an author's papers, an edge's joint papers.  In the SVG and the\n"
             "laid-out DOT, a label is a node of class \"label\" whose 'author' attribute\n"
             "names its author, and a leader line an edge of class \"leader\".\n"
             "\n",
             21),
    {.kind = CLI_OPT_STRING, .name = "output", .short_name = 'o', .arg = "FILE", .target = &opts.output,
     .help = "the picture; its extension gives the format:\n.png, .svg, .pdf, or .dot (the laid-out DOT)"},
    {.kind = CLI_OPT_STRING, .short_name = 'T', .arg = "FORMAT", .target = &opts.format,
     .help = "png, svg, pdf or dot, whatever the extension ('-o -'\nwrites to standard output and needs -T)"},
    CLI_CALLBACK("engine", "NAME", draw_engine, &picture.engine,
                 "auto, neato, fdp, sfdp, circo or twopi (default auto:\n"
                 "neato up to " CLI_STR(COA_DRAW_NEATO_LIMIT) " authors, sfdp above; measured on 5,000\n"
                 "authors: sfdp about 3 s, fdp about 5 s, neato over 2 min)"),
    NUMBER("max-nodes", &opts.max_nodes, 1, 10000000,
           "draw at most N authors (default " CLI_STR(COA_DRAW_MAX_NODES) "): above it, the\n"
           "largest component, then its N authors with the most\n"
           "papers, and a note on stderr says so"),
    NUMBER("top", &opts.top, 1, 10000000,
           "draw only the N authors with the most papers (ties by name);\n"
           "with --timeline, the N most frequent coauthors (default 15)"),
    CLI_FLAG("timeline", &opts.timeline,
             "one author's collaborations over time (needs --author):\n"
             "the top coauthors as rows, the years as columns, a disc\n"
             "in each cell sized by that year's joint papers, and each\n"
             "row's total; for a CV or a grant report"),
    CLI_STRING("author", "NAME", &opts.timeline_author, "the author of --timeline"),
    CLI_CALLBACK("highlight-path", "A B", draw_highlight_path, opts.path,
                 "draw the shortest chain from A to B in red, with the authors\n"
                 "within --radius K hops of it (default 1; 0 draws the chain\n"
                 "alone, a large K the chain's whole component); not with\n"
                 "--ego, which centres the picture on one author instead"),
    NUMBER("labels", &opts.labels, 0, 10000000,
           "label the N largest authors (default: all up to 40\n"
           "authors, else 40, or 30 above " CLI_STR(COA_DRAW_NEATO_LIMIT) "); chain authors always"),
    CLI_CALLBACK("size-by", "MEASURE", draw_size_by, &opts.size,
                 "papers (default), degree, strength, betweenness, closeness,\n"
                 "harmonic, pagerank, eigenvector or coreness (see\n"
                 "'coauthor rank --help' for their weights)"),
    CLI_CALLBACK("colour-by", "WHAT", draw_colour_by, &opts.colour_by,
                 "community (default), component, year or none; --color-by\n"
                 "too.  year: the mean year of each author's papers (dated\n"
                 "ones), on the viridis ramp, as VOSviewer's overlay map"),
    CLI_ALIAS("color-by", "colour-by"),
    CLI_STRING("title", "TEXT", &opts.title, "the picture's title"),
    NUMBER("dpi", &opts.dpi, 1, 1200, "PNG resolution (default 96)"),
    NUMBER("inches", &opts.inches, 1, 200,
           "the longer side at most N inches (default 10, 14 or 20 by\n"
           "size); a PNG is at most N * dpi pixels wide"),
    CLI_HELP_END,
};

/* The options that exclude or need each other, and the output's format
 * (d->format from the output's name when -T is not given).  0 or an exit
 * status. */
static int check(const cli_common_t *o)
{
    draw_opts_t *d = &opts;
    if (d->labels >= 0)
        picture.labels = (int)d->labels;
    if (d->dpi > 0)
        picture.dpi = (double)d->dpi;
    if (d->inches > 0)
        picture.max_inches = (double)d->inches;
    if (!d->output)
        return cli_usage_error("draw", "no output: give -o PICTURE.png, .svg, .pdf or .dot");
    if (!d->format && (strcmp(d->output, "-") == 0 || !(d->format = format_of(d->output))))
        return cli_usage_error("draw", "which format? name the output .png, .svg, .pdf or .dot, or give -T");
    if (!coa_draw_format_known(d->format))
        return cli_usage_error("draw", "unknown picture format '%s': expected png, svg, pdf or dot", d->format);
    if (d->path[0] && o->ego_name)
        return cli_usage_error("draw", "--highlight-path and --ego do not go together: the picture is centred on "
                               "the chain, with --radius K hops around it");
    if (d->timeline && !d->timeline_author)
        return cli_usage_error("draw", "--timeline needs --author NAME");
    if (d->timeline_author && !d->timeline)
        return cli_usage_error("draw", "--author names the author of --timeline; for a picture around one author, "
                               "use --ego NAME");
    if (d->timeline && (d->path[0] || o->ego_name))
        return cli_usage_error("draw", "--timeline draws one author's coauthors over time: not with --ego or "
                               "--highlight-path");
    if (o->radius_given && !d->path[0] && !o->ego_name)
        return cli_usage_error("draw", "--radius needs --ego NAME or --highlight-path A B");
    return EXIT_OK;
}

/* Above --max-nodes: the largest component (or the chain's), then its
 * authors with the most papers; a note on stderr says so.  0 or an error. */
static int limit_nodes(const coa_graph_t *g, uint8_t *keep, long max_nodes, const uint32_t *chain, uint32_t chain_len,
                       int quiet)
{
    coa_draw_limit_t l;
    int err = coa_draw_limit(g, keep, (uint32_t)max_nodes, chain, chain_len, &l);
    if (err || quiet)
        return err;
    if (l.steps >= 1)
        fprintf(stderr, "%s: %u authors are more than --max-nodes %ld; drawing the %s component (%u authors)\n",
                cli_program, l.before, max_nodes, chain ? "chain's" : "largest", l.component);
    if (l.steps >= 2)
        fprintf(stderr, "%s: of those, drawing the %ld with the most papers (%u connected)\n", cli_program, max_nodes,
                l.top);
    return 0;
}

/* --highlight-path A B: the shortest chain from a to b, and the authors
 * near it kept.  An exit status; *err is set with EXIT_FAILURE_RUN. */
static int highlight_chain(const cli_common_t *o, const coa_graph_t *g, uint32_t a, uint32_t b, const char *from,
                           const char *to, uint8_t *keep, uint32_t **chain, uint32_t *chain_len, int *err)
{
    igraph_integer_t va = coa_graph_vertex_of(g, a), vb = coa_graph_vertex_of(g, b);
    const char *missing = va < 0 ? from : vb < 0 ? to : NULL;
    if (missing) {
        cli_error("--highlight-path '%s' has no coauthors in the selection", missing);
        return EXIT_USAGE;
    }
    if ((*err = coa_draw_chain(g, (uint32_t)va, (uint32_t)vb, chain, chain_len)))
        return EXIT_FAILURE_RUN;
    if (!*chain_len) {
        cli_error("no chain of coauthors between '%s' and '%s'", coa_graph_vertex_name(g, va),
                  coa_graph_vertex_name(g, vb));
        return EXIT_NO_RESULT;
    }
    /* the chain and, by default, its coauthors: the whole selection
     * would bury a chain of a few authors among thousands */
    if ((*err = coa_draw_keep_near(g, keep, *chain, *chain_len, o->radius_given ? o->select.radius : 1)))
        return EXIT_FAILURE_RUN;
    return EXIT_OK;
}

/* Reads the inputs (an ego picture of a database through its index) and
 * resolves the authors named: who[0] and who[1] of --highlight-path,
 * who[2] of --timeline.  Exit status. */
static int draw_load(cli_common_t *o, const draw_opts_t *d, coa_corpus_t *corpus, coa_index_answer_t *indexed,
                     uint32_t *who)
{
    /* an ego picture of a database through its index: only the papers of
     * the authors near the ego are copied out */
    const char *ego = o->ego_name && !d->path[0] ? o->ego_name : NULL;
    int status = cli_load_about(o, COA_QUERY_EGO, "--ego", ego, corpus, indexed);
    if (status)
        return status;
    if (indexed->author != COA_NONE) {
        o->select.ego = indexed->author;
        o->ego_resolved = 1;
    }
    if (d->path[0] && ((status = cli_resolve_author(o, corpus, "--highlight-path", d->path[0], &who[0])) ||
                       (status = cli_resolve_author(o, corpus, "--highlight-path", d->path[1], &who[1]))))
        return status;
    if (d->path[0] && who[0] == who[1]) {
        cli_error("--highlight-path names the same author twice ('%s'): give two authors", d->path[0]);
        return EXIT_USAGE;
    }
    if (d->timeline && (status = cli_resolve_author(o, corpus, "--author", d->timeline_author, &who[2])))
        return status;
    return EXIT_OK;
}

/* The author the picture centres on: the ego, or a profile's owner. */
static void draw_focus(const cli_common_t *o, const coa_corpus_t *corpus, const coa_graph_t *graph,
                       coa_draw_options_t *dopts)
{
    if (o->ego_name && coa_graph_vertex_of(graph, o->select.ego) >= 0)
        dopts->focus = (uint32_t)coa_graph_vertex_of(graph, o->select.ego);
    else if (corpus->n_sources == 1 && corpus->sources[0].owner) {
        /* a profile: its owner */
        uint32_t owner = coa_corpus_find_author(corpus, coa_corpus_str(corpus, corpus->sources[0].owner));
        if (owner != COA_NONE && coa_graph_vertex_of(graph, owner) >= 0)
            dopts->focus = (uint32_t)coa_graph_vertex_of(graph, owner);
    }
}

/* Opens the picture's file before any work: an output that cannot be
 * written is a failure to write it (status 1, as the README says). */
static int open_picture(const cli_common_t *o, const char *output, coa_outfile_t *file)
{
    char msg[512];
    if (cli_output_is_input(o, output))
        return EXIT_FAILURE_RUN;
    int err = coa_outfile_open(file, output, msg, sizeof msg);
    if (err) {
        cli_error("%s", err == COA_ENOMEM ? "out of memory" : msg);
        return EXIT_FAILURE_RUN;
    }
    return EXIT_OK;
}

static int run(cli_common_t *o)
{
    draw_opts_t *d = &opts;
    coa_draw_options_t *dopts = &picture;
    const char *format = d->format, *path_from = d->path[0], *path_to = d->path[1], *title = d->title;
    int status;
    coa_outfile_t file;
    char msg[512];
    if ((status = open_picture(o, d->output, &file)))
        return status;
    int err;
    coa_corpus_t corpus;
    coa_graph_t graph = {0}; /* coa_graph_destroy does nothing to it unbuilt */
    uint8_t *keep = NULL;
    uint32_t *chain = NULL, chain_len = 0;
    int32_t *group = NULL;
    double *size = NULL;
    coa_index_answer_t indexed;
    uint32_t who[3] = {COA_NONE, COA_NONE, COA_NONE}, author_a, author_b, timeline_of;
    if ((status = draw_load(o, d, &corpus, &indexed, who)))
        goto cleanup;
    author_a = who[0], author_b = who[1], timeline_of = who[2];
    if ((status = cli_build(o, &corpus, &graph)))
        goto cleanup;
    if (d->timeline) {
        status = draw_timeline(o, &corpus, &graph, timeline_of, &file, format, title, d->top, dopts);
        goto cleanup;
    }
    size_t nv = (size_t)graph.n_vertices;
    if (!(keep = malloc(nv ? nv : 1)) || !(group = malloc((nv ? nv : 1) * sizeof *group)) ||
        !(size = malloc((nv ? nv : 1) * sizeof *size))) {
        err = COA_ENOMEM;
        goto failed;
    }
    memset(keep, 1, nv);

    if (path_from && (status = highlight_chain(o, &graph, author_a, author_b, path_from, path_to, keep, &chain,
                                               &chain_len, &err))) {
        if (status == EXIT_FAILURE_RUN)
            goto failed;
        goto cleanup;
    }
    if (d->top > 0 && (err = coa_draw_keep_top(&graph, keep, (uint32_t)d->top, chain, chain_len)))
        goto failed;
    if ((err = limit_nodes(&graph, keep, d->max_nodes, chain, chain_len, o->quiet)))
        goto failed;

    coa_measure_t size_by;
    if ((err = coa_draw_sizes(&graph, d->size.measure, d->size.given, o->seed, size, &size_by)))
        goto failed;
    dopts->size = size;
    dopts->size_label = coa_measure_name(size_by);
    char group_label[128];
    if ((err = coa_draw_groups(&graph, d->colour_by, o->seed, keep, group, group_label, sizeof group_label, dopts)))
        goto failed;

    char heading[512], source[1024];
    dopts->title =
        title ? title : coa_draw_title(heading, sizeof heading, &corpus, &graph, chain, chain_len, &o->select);
    int years[2] = {indexed.year_min, indexed.year_max};
    coa_draw_describe_sources(&corpus, &graph, o->ego_resolved ? years : NULL, source, sizeof source);
    dopts->source = source;
    dopts->keep = keep;
    dopts->path = chain;
    dopts->path_len = chain_len;
    draw_focus(o, &corpus, &graph, dopts);
    dopts->seed = o->seed;

    coa_draw_report_t rep;
    errno = 0;
    if ((err = coa_draw(file.fp, format, &graph, dopts, &rep)))
        goto failed;
    if (coa_outfile_commit(&file, msg, sizeof msg)) {
        cli_error("%s", msg);
        status = EXIT_FAILURE_RUN;
    } else if (!o->quiet) {
        coa_write_draw_report(stderr, cli_program, &rep, format, dopts->dpi, &graph, chain, chain_len);
    }
    goto cleanup;
failed:
    if (err == COA_EIO)
        cli_error("cannot write %s: %s", file.is_stdout ? "standard output" : file.path,
                  strerror(errno ? errno : EIO));
    else
        cli_error("cannot draw: %s", coa_strerror(err));
    status = EXIT_FAILURE_RUN;
cleanup:
    coa_outfile_abort(&file);
    free(keep);
    free(group);
    free(size);
    free(chain);
    coa_graph_destroy(&graph);
    coa_corpus_destroy(&corpus);
    return status;
}

const cli_command_t cmd_draw = {"draw", "a picture of the network (PNG, SVG, PDF) through Graphviz", options, defaults,
                                check, run};
