/* Options shared by every command, and loading the inputs. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "coauthor/report.h"

const char *cli_program = "coauthor";

int cli_output_is_input(const cli_common_t *o, const char *output)
{
    struct stat out, in;
    if (!output || strcmp(output, "-") == 0 || stat(output, &out) != 0 || !S_ISREG(out.st_mode))
        return 0;
    for (int i = 0; i < o->n_files + o->n_aliases; i++) {
        const char *f = i < o->n_files ? o->files[i] : o->aliases[i - o->n_files];
        if (strcmp(f, "-") != 0 && stat(f, &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
            if (strcmp(f, output) == 0)
                cli_error("'%s' is also an input: choose another output", output);
            else
                cli_error("'%s' is the input '%s': choose another output", output, f);
            return 1;
        }
    }
    return 0;
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", cli_program);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s %s: ", cli_program, command);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry '%s %s --help'.\n", cli_program, command);
    va_end(ap);
    return EXIT_USAGE;
}

static int default_year(void)
{
    /* SOURCE_DATE_EPOCH (reproducible-builds.org) makes output repeatable */
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    time_t now = time(NULL);
    if (sde && *sde) {
        char *end;
        errno = 0;
        long long v = strtoll(sde, &end, 10);
        if (!errno && !*end && v >= 0)
            now = (time_t)v;
    }
    struct tm tm;
    gmtime_r(&now, &tm);
    return tm.tm_year + 1900;
}

void cli_common_init(cli_common_t *o)
{
    memset(o, 0, sizeof *o);
    coa_read_options_init(&o->read);
    o->read.assumed_year = default_year();
    coa_select_init(&o->select);
    o->output = COA_OUT_TEXT;
    o->seed = 1;
}

int cli_common_files(cli_common_t *o, int argc, char **argv)
{
    o->files = argv + optind;
    o->n_files = argc - optind;
    if (o->n_files == 0)
        return -1;
    return 0;
}

/* Prints diagnostics; coa_load passes at most a screenful per file. */
typedef struct {
    int quiet;
} diag_state_t;

#define MAX_WARNINGS_PER_FILE 20

static void print_diag(void *ctx, const coa_diag_t *d)
{
    diag_state_t *st = ctx;
    if (d->severity != COA_DIAG_ERROR && st->quiet)
        return;
    coa_progress_wipe(stderr);
    if (d->file && d->line > 0)
        fprintf(stderr, "%s: %s:%ld: %s\n", cli_program, d->file, d->line, d->message);
    else if (d->file)
        fprintf(stderr, "%s: %s: %s\n", cli_program, d->file, d->message);
    else
        fprintf(stderr, "%s: %s\n", cli_program, d->message);
}

/* The sink of the library's diagnostics: every one, or errors only. */
static const coa_diag_sink_t *sink_of(const cli_common_t *o)
{
    static diag_state_t loud = {0}, quiet = {1};
    static const coa_diag_sink_t sinks[2] = {{print_diag, &loud}, {print_diag, &quiet}};
    return &sinks[o->quiet != 0];
}

/* The one-line summary of a load on stderr (unless quiet); exit status 1
 * when no record was read. */
static int print_summary(const cli_common_t *o, const coa_load_counts_t *n)
{
    if (!o->quiet)
        coa_write_load_summary(stderr, cli_program, n);
    if (n->records == 0) {
        cli_error("no records read");
        return EXIT_FAILURE_RUN;
    }
    return EXIT_OK;
}

/* The last load, kept for what it merged on evidence ('coauthor names'). */
static coa_loaded_t *last_load;

const coa_evidence_report_t *cli_evidence_report(void)
{
    static const coa_evidence_report_t none;
    return last_load ? coa_loaded_evidence(last_load) : &none;
}

/* True when nothing but the default is asked of what is selected: the
 * case an index answers (aliases and merged initials are applied before
 * an index is built, so they do not matter).  With 'ego' set, an ego and
 * its --radius are allowed too. */
static int default_selection(const cli_common_t *o, int ego)
{
    coa_select_t none, sel;
    coa_select_init(&none);
    memcpy(&sel, &o->select, sizeof sel);
    if (ego) {
        sel.ego = none.ego;
        sel.radius = none.radius;
    }
    return !o->n_avoid && (ego || !o->ego_name) && memcmp(&sel, &none, sizeof none) == 0;
}

/* The loader's options for the shared options. */
static void load_options(const cli_common_t *o, unsigned flags, coa_load_options_t *lo)
{
    coa_load_options_init(lo);
    lo->files = (const char *const *)o->files;
    lo->n_files = (uint32_t)o->n_files;
    lo->read = o->read;
    lo->aliases = o->aliases;
    lo->n_aliases = (uint32_t)o->n_aliases;
    lo->merge_initials = o->merge_initials;
    lo->keep_apart = o->keep_apart;
    lo->split_homonyms = o->split_homonyms;
    lo->flags = flags;
    lo->max_warnings_per_file = MAX_WARNINGS_PER_FILE;
}

/* Loads the inputs through coa_load (opening a database's index instead
 * with 'flags' COA_LOAD_OPEN_INDEX), diagnostics on stderr.  Prints the
 * summary line unless the index was opened (the caller decides whether to
 * use it).  *loaded is kept in last_load; an exit status. */
static int load(const cli_common_t *o, unsigned flags, coa_loaded_t **loaded)
{
    static coa_progress_t progress;
    coa_load_options_t lo;
    load_options(o, flags, &lo);
    if (!o->quiet && isatty(STDERR_FILENO)) {
        memset(&progress, 0, sizeof progress);
        lo.progress = coa_progress_bar;
        lo.progress_ctx = &progress;
    }
    coa_loaded_free(last_load);
    last_load = NULL;
    *loaded = NULL;
    if (coa_load(&lo, sink_of(o), loaded))
        return EXIT_FAILURE_RUN; /* the loader has said why */
    last_load = *loaded;
    return coa_loaded_index(*loaded) ? EXIT_OK : print_summary(o, coa_loaded_counts(*loaded));
}

int cli_load(const cli_common_t *o, coa_corpus_t *c)
{
    coa_loaded_t *l;
    int status = load(o, 0, &l);
    if (l) {
        coa_corpus_destroy(c);
        coa_loaded_take_corpus(l, c);
    }
    return status;
}

int cli_open_index(const cli_common_t *o, coa_store_index_t **ix)
{
    coa_load_options_t lo;
    *ix = NULL;
    if (!default_selection(o, 0))
        return -1;
    load_options(o, 0, &lo);
    return coa_load_open_index(&lo, sink_of(o), ix) ? -1 : 0;
}

int cli_index_summary(const cli_common_t *o, const coa_store_index_t *ix)
{
    coa_load_counts_t n;
    coa_load_index_counts(ix, &n);
    n.files = (uint32_t)o->n_files;
    return print_summary(o, &n);
}

/* An exit status for a library's error, already reported. */
static int status_of(int err)
{
    return err == COA_OK ? EXIT_OK : err == COA_ENOTFOUND ? EXIT_USAGE : EXIT_FAILURE_RUN;
}

/* The index a query runs on: the database's when it has the 'need'
 * flags, else (unless disk_only) one built with 'build' flags over the
 * inputs, read into *corpus as every command reads them: cheaper than the
 * coauthor graph.  EXIT_OK with *ix (*built when built); -1 when there is
 * none (with disk_only, nothing read; else *corpus holds the inputs, whose
 * edge-list links or graph-file vertices the index does not serve); or an
 * exit status (*ix may be set: close it). */
static int query_index(const cli_common_t *o, unsigned need, unsigned build, int disk_only, coa_corpus_t *corpus,
                       coa_store_index_t **ix, int *built)
{
    coa_load_options_t lo;
    load_options(o, 0, &lo);
    *built = 0;
    if (coa_load_open_index(&lo, sink_of(o), ix) == 0) {
        if ((coa_store_index_flags(*ix) & need) == need)
            return cli_index_summary(o, *ix);
        coa_store_index_close(*ix);
        *ix = NULL;
    }
    int status = disk_only ? -1 : cli_load(o, corpus), err;
    if (status)
        return status;
    if ((err = coa_store_index_build(corpus, build, ix)) && err != COA_ENOTFOUND) {
        cli_error("out of memory");
        return EXIT_FAILURE_RUN;
    }
    *built = !err;
    return err ? -1 : EXIT_OK;
}

int cli_load_indexed(const cli_common_t *o, coa_query_mode_t mode, const char *what, const char *name,
                     coa_corpus_t *c, coa_index_answer_t *answer)
{
    coa_store_index_t *ix = NULL;
    coa_corpus_t full;
    int built, ego = mode == COA_QUERY_EGO;
    memset(answer, 0, sizeof *answer);
    answer->author = COA_NONE;
    if (!default_selection(o, ego))
        return -1;
    if (coa_corpus_init(&full)) {
        cli_error("out of memory");
        return EXIT_FAILURE_RUN;
    }
    /* for an ego, reading the inputs and marking it costs less than
     * indexing them */
    int status = query_index(o, 0, COA_STORE_HOMONYMS, ego, &full, &ix, &built);
    if (status == -1 && !ego) {
        /* links or graph-file vertices: the caller goes on with the whole
         * corpus */
        coa_corpus_destroy(c);
        *c = full;
        return -2;
    }
    if (status == EXIT_OK) {
        coa_index_query_t q = {mode, what, name, o->radius_given ? o->select.radius : 1, o->files[0]};
        status = status_of(coa_index_query(ix, &q, sink_of(o), c, answer));
    }
    coa_store_index_close(ix);
    coa_corpus_destroy(&full);
    return status;
}

int cli_load_about(const cli_common_t *o, coa_query_mode_t mode, const char *what, const char *name,
                   coa_corpus_t *c, coa_index_answer_t *answer)
{
    memset(answer, 0, sizeof *answer);
    answer->author = COA_NONE;
    if (coa_corpus_init(c)) {
        coa_corpus_destroy(c);
        cli_error("out of memory");
        return EXIT_FAILURE_RUN;
    }
    /* one author and those near: only their papers are copied out of a
     * database's index, and -2 leaves c the whole corpus as read */
    int status = name ? cli_load_indexed(o, mode, what, name, c, answer) : -1;
    if (status == -1)
        status = cli_load(o, c);
    return status > 0 ? status : EXIT_OK;
}

int cli_open_network(cli_common_t *o, int indexed, const char *const *what, const char *const *names, int n,
                     int flag_homonyms, cli_network_t *net, uint32_t *authors)
{
    int status, loaded = 0;
    memset(net, 0, sizeof *net);
    if (coa_corpus_init(&net->corpus)) {
        cli_error("out of memory");
        return EXIT_FAILURE_RUN;
    }
    net->c = &net->corpus;
    if (indexed && default_selection(o, 0)) {
        /* a chain's [homonym?] marks need the flags the import computed */
        unsigned flags = flag_homonyms ? COA_STORE_HOMONYMS : 0;
        status = query_index(o, flags, flags, 0, &net->corpus, &net->index, &net->index_built);
        if (status > 0)
            return status;
        loaded = status == -1 || net->index_built;
        if (status == -1 && flag_homonyms && coa_flag_homonyms(&net->corpus)) {
            cli_error("out of memory");
            return EXIT_FAILURE_RUN;
        }
    }
    if (!net->index) {
        /* links or graph-file vertices, or a selection: the graph */
        igraph_integer_t vertices[2];
        status = cli_load_authors(o, &net->corpus, &net->graph, &net->have_graph, what, names, n, vertices,
                                  flag_homonyms, loaded);
        for (int i = 0; !status && i < n; i++)
            authors[i] = net->graph.vertex_author[vertices[i]];
        return status;
    }
    net->c = coa_store_index_corpus(net->index);
    return status_of(coa_index_resolve(net->index, what, names, (uint32_t)n, sink_of(o), authors));
}

void cli_network_destroy(cli_network_t *net)
{
    coa_store_index_close(net->index);
    if (net->have_graph)
        coa_graph_destroy(&net->graph);
    coa_corpus_destroy(&net->corpus);
    memset(net, 0, sizeof *net);
}

int cli_resolve_author(const cli_common_t *o, const coa_corpus_t *c, const char *what, const char *query,
                       uint32_t *author)
{
    return status_of(coa_resolve_author(c, what, query, sink_of(o), author));
}

int cli_build(const cli_common_t *o, const coa_corpus_t *c, coa_graph_t *g)
{
    cli_common_t *mo = (cli_common_t *)o; /* resolved ids are stored back */
    int status;
    for (int i = 0; i < o->n_avoid; i++)
        if ((status = cli_resolve_author(o, c, "--avoid", o->avoid_names[i], &mo->avoid[i])))
            return status;
    mo->select.avoid = mo->avoid;
    mo->select.n_avoid = (uint32_t)o->n_avoid;
    if (o->ego_name) {
        if (!o->ego_resolved && (status = cli_resolve_author(o, c, "--ego", o->ego_name, &mo->select.ego)))
            return status;
        if (!o->radius_given)
            mo->select.radius = 1;
    }
    int err = coa_graph_build(g, c, &o->select);
    if (err == COA_ENOTFOUND) {
        cli_error("--ego '%s' has no papers in the selection", o->ego_name);
        return EXIT_USAGE;
    }
    if (err) {
        cli_error("cannot build the coauthor graph: %s", coa_strerror(err));
        return EXIT_FAILURE_RUN;
    }
    coa_note_skipped(sink_of(o), g->n_skipped_max_authors, o->select.max_authors);
    return EXIT_OK;
}

int cli_open(const cli_common_t *o, coa_corpus_t *c, coa_graph_t *g)
{
    memset(g, 0, sizeof *g);
    if (coa_corpus_init(c)) {
        coa_corpus_destroy(c);
        cli_error("out of memory");
        return EXIT_FAILURE_RUN;
    }
    int status = cli_load(o, c);
    if (!status)
        status = cli_build(o, c, g); /* a failed build leaves g zeroed */
    return status;
}

/* Loads the inputs and builds the graph; resolves the named authors to
 * vertices.  An author given to --avoid, or outside the selection, is a
 * usage error.  With flag_homonyms, runs the identity checks that flag
 * authorships of possibly another person of the same name. */
int cli_load_authors(cli_common_t *o, coa_corpus_t *corpus, coa_graph_t *graph, int *have_graph,
                     const char *const *what, const char *const *names, int n, igraph_integer_t *vertices,
                     int flag_homonyms, int loaded)
{
    int status;
    uint32_t authors[2];
    if (!loaded && (status = cli_load(o, corpus)))
        return status;
    if (flag_homonyms && !loaded && coa_flag_homonyms(corpus)) {
        cli_error("out of memory");
        return EXIT_FAILURE_RUN;
    }
    for (int i = 0; i < n; i++)
        if ((status = cli_resolve_author(o, corpus, what[i], names[i], &authors[i])))
            return status;
    if ((status = cli_build(o, corpus, graph)))
        return status;
    *have_graph = 1;
    for (int i = 0; i < n; i++) {
        const char *name = coa_corpus_str(corpus, corpus->authors[authors[i]].display);
        for (int k = 0; k < o->n_avoid; k++)
            if (o->avoid[k] == authors[i]) {
                cli_error("%s '%s' is also given to --avoid", what[i], name);
                return EXIT_USAGE;
            }
        vertices[i] = coa_graph_vertex_of(graph, authors[i]);
        if (vertices[i] < 0) {
            cli_error("%s '%s' has no papers in the selection", what[i], name);
            return EXIT_USAGE;
        }
    }
    return EXIT_OK;
}
