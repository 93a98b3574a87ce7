/* The answers of coauthor serve (query.h), on the library's loader and
 * graph view.
 *
 * The inputs are loaded once by coa_load: a database with its index beside
 * it opens the index (mapped: the server starts at once even on DBLP);
 * anything else is read, and an index is built for it in memory, so every
 * input is served the same way.  Chains, ego networks and an author's
 * coauthors are searches of a coa_view_t over that index (as 'path',
 * 'draw --ego' and 'rank --author' search it).  What needs a graph (the
 * communities and Graphviz layout of a network) copies out the small part
 * of the corpus it needs and builds the coauthor graph of that part, as
 * 'draw' does.
 *
 * A view is not thread-safe, so each request searches on a clone taken
 * from a small pool (coa_view_clone: the mapped index is shared, the
 * workspace is not), and gives it back before it waits for anything else:
 * the threads that call these functions (server.c's HTTP and layout
 * threads) can be many, the workspaces stay few.  igraph (Debian builds
 * it without thread-local storage) and Graphviz keep global state, so the
 * server's threads never call them: copying the part of a network, its
 * graph, communities and layout, and the answer made from them, are a job
 * of a layout process (workers.h, one per core), which a request waits for
 * only until its deadline.  The searches that choose the network's
 * authors run in the server's threads, in parallel.
 * Ego answers are kept in a small cache, keyed by author, radius and
 * minimum weight, since a layout is the dearest thing the server does. */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <graphviz/gvc.h>

#include "coauthor/community.h"
#include "coauthor/draw.h"
#include "coauthor/identity.h"
#include "coauthor/load.h"
#include "coauthor/names.h"
#include "coauthor/path.h"
#include "coauthor/rank.h"
#include "coauthor/report.h"
#include "coauthor/stats.h"
#include "coauthor/store.h"
#include "coauthor/view.h"
#include "coauthor/write.h"
#include "serve/gate.h"
#include "serve/query.h"
#include "serve/search.h"
#include "serve/workers.h"
#include "write/dot.h"

/* An ego answer kept: the JSON of /api/ego for one author, radius and
 * minimum weight. */
typedef struct {
    uint32_t ego;
    unsigned radius;
    double min_weight;
    char *body;             /* NULL: a free slot */
    size_t len;
    unsigned long used;
    int32_t next;           /* the next answer of its hash bucket, or -1 */
} ego_cached_t;

/* Hash buckets of the ego answers: a lookup reads a few entries, where a
 * scan of all 4,096 under the lock had the threads queue for it. */
#define EGO_BUCKETS (2 * SERVE_EGO_CACHE)


struct serve_data {
    coa_loaded_t *loaded;        /* what coa_load read, or the index it opened */
    coa_corpus_t owned;          /* the corpus read from files, when there is one */
    int have_owned;
    coa_store_index_t *built;    /* the index built in memory for it */
    const coa_store_index_t *ix; /* the index every question starts from */
    const coa_corpus_t *c;       /* the whole corpus, through ix */
    coa_view_t *view;            /* the view of ix that the pool's are cloned from */
    coa_view_t **clones;         /* every clone made, freed at the end; the free ones first */
    unsigned n_clones, n_free, max_clones;
    pthread_mutex_t clones_lock;
    pthread_cond_t clone_free;
    serve_gate_t chain_gate;     /* the chain searches, one per core */
    serve_workers_t *workers;    /* the layout processes */
    GVC_t *gvc;                  /* the layout processes' Graphviz (each its copy) */
    ego_cached_t *ego_cache;     /* SERVE_EGO_CACHE answers, least recently used out */
    int32_t *ego_bucket;         /* EGO_BUCKETS heads of chains through ego_cache, -1 empty */
    size_t ego_cache_bytes;
    unsigned long ego_clock;
    pthread_mutex_t ego_lock;
    uint32_t *papers;            /* per author: papers in the default selection */
    serve_search_t *search;      /* built in the background: NULL until then */
    pthread_t search_thread;
    int search_started, search_failed, quiet;
    pthread_mutex_t search_lock;
    pthread_cond_t search_ready;
    int started;                 /* serve_data_started: the server's first lines are out */
    pthread_cond_t started_cond;
    uint32_t *merge_start, *merge_list; /* per author: the merges into it (indexes of c->merges) */
    int homonyms;                /* authorships carry the homonym flags */
    pthread_t stats_thread;
    int stats_started;
    pthread_mutex_t stats_lock;
    int stats_state;             /* 0 computing, 1 done, -1 failed */
    coa_stats_t stats;
    double stats_seconds;
    char what[512];              /* the inputs, for the log and the pictures */
    double load_seconds, search_seconds;
    uint64_t edges;
    uint32_t authors;            /* with papers in the selection */
    int year_min, year_max;      /* of the selection's dated papers (with the statistics) */
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---- JSON pieces ---- */

void serve_json_error(FILE *out, const char *msg)
{
    fputs("{\"error\": ", out);
    coa_json_string(out, msg);
    fputs("}\n", out);
}

static int fail(FILE *out, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(FILE *out, int status, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    serve_json_error(out, msg);
    return status;
}

static const char *name_of(const serve_data_t *d, uint32_t a)
{
    return coa_corpus_str(d->c, d->c->authors[a].display);
}

/* {"id": 12, "name": "...", "papers": 3} */
static void author_json(FILE *out, const serve_data_t *d, uint32_t a)
{
    fprintf(out, "{\"id\": %u, \"name\": ", a);
    coa_json_string(out, name_of(d, a));
    fprintf(out, ", \"papers\": %u}", d->papers[a]);
}

/* A string of the corpus, or null for none or an empty one. */
static void string_or_null(FILE *out, const coa_corpus_t *c, coa_str_t id)
{
    const char *text = id ? coa_corpus_str(c, id) : "";
    if (*text)
        coa_json_string(out, text);
    else
        fputs("null", out);
}

static void paper_json(FILE *out, const coa_corpus_t *c, uint32_t p)
{
    const coa_paper_t *pp = &c->papers[p];
    fputc('{', out);
    coa_json_paper_head(out, c, p);
    fputs(", \"doi\": ", out);
    string_or_null(out, c, pp->doi);
    fputs(", \"venue\": ", out);
    string_or_null(out, c, pp->venue);
}

/* ---- loading ---- */

static void print_diag(void *ctx, const coa_diag_t *dg)
{
    const int *quiet = ctx;
    if (dg->severity != COA_DIAG_ERROR && *quiet)
        return;
    if (dg->file && dg->line > 0)
        fprintf(stderr, "coauthor serve: %s:%ld: %s\n", dg->file, dg->line, dg->message);
    else if (dg->file)
        fprintf(stderr, "coauthor serve: %s: %s\n", dg->file, dg->message);
    else
        fprintf(stderr, "coauthor serve: %s\n", dg->message);
}

/* Loads as every command does; a corpus that was read (not an index) is
 * flagged for the chains' homonym marks and indexed in memory. */
static int load(serve_data_t *d, const coa_serve_options_t *o, char *err, size_t errlen)
{
    int quiet = o->quiet;
    coa_diag_sink_t sink = {print_diag, &quiet};
    coa_load_options_t lo;
    coa_load_options_init(&lo);
    lo.files = (const char *const *)o->files;
    lo.n_files = (uint32_t)o->n_files;
    lo.read = o->read;
    lo.aliases = o->aliases;
    lo.n_aliases = (uint32_t)o->n_aliases;
    lo.merge_initials = o->merge_initials;
    lo.keep_apart = o->keep_apart;
    lo.split_homonyms = o->split_homonyms;
    lo.flags = COA_LOAD_OPEN_INDEX;
    lo.max_warnings_per_file = 20;
    int e = coa_load(&lo, &sink, &d->loaded);
    if (e) {
        snprintf(err, errlen, "cannot load the inputs: %s", coa_strerror(e));
        return -1;
    }
    if (!coa_loaded_counts(d->loaded)->records) {
        snprintf(err, errlen, "no records read");
        return -1;
    }
    if ((d->ix = coa_loaded_index(d->loaded))) {
        d->homonyms = (coa_store_index_flags(d->ix) & COA_STORE_HOMONYMS) != 0;
        return 0;
    }
    if (coa_loaded_take_corpus(d->loaded, &d->owned) || (d->have_owned = 1, coa_flag_homonyms(&d->owned))) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    e = coa_store_index_build(&d->owned, COA_STORE_HOMONYMS, &d->built);
    if (e == COA_ENOTFOUND) {
        snprintf(err, errlen, "these inputs have coauthor links without papers (an edge list or a graph file): "
                              "serve needs papers");
        return -1;
    }
    if (e) {
        snprintf(err, errlen, "cannot index the corpus: %s", coa_strerror(e));
        return -1;
    }
    d->ix = d->built;
    d->homonyms = 1;
    return 0;
}

/* The merges into each author, as CSR over c->merges. */
static int index_merges(serve_data_t *d)
{
    const coa_corpus_t *c = d->c;
    d->merge_start = calloc((size_t)c->n_authors + 1, sizeof *d->merge_start);
    d->merge_list = malloc((c->n_merges ? c->n_merges : 1) * sizeof *d->merge_list);
    if (!d->merge_start || !d->merge_list)
        return COA_ENOMEM;
    for (uint32_t i = 0; i < c->n_merges; i++)
        if (c->merges[i].into < c->n_authors)
            d->merge_start[c->merges[i].into + 1]++;
    for (uint32_t a = 0; a < c->n_authors; a++)
        d->merge_start[a + 1] += d->merge_start[a];
    uint32_t *fill = calloc((size_t)c->n_authors + 1, sizeof *fill);
    if (!fill)
        return COA_ENOMEM;
    for (uint32_t i = 0; i < c->n_merges; i++) {
        uint32_t a = c->merges[i].into;
        if (a < c->n_authors)
            d->merge_list[d->merge_start[a] + fill[a]++] = i;
    }
    free(fill);
    return COA_OK;
}

/* The views the requests share, made and given their workspace before
 * any request needs one: a view's first chain search otherwise waits for
 * its pages (130 ms at 2.8M authors), and the searches queued behind it
 * with it. */
static void views_prepare(serve_data_t *d)
{
    for (unsigned i = 0; i < d->max_clones; i++) {
        coa_view_t *v = NULL;
        if (coa_view_clone(d->view, &v) || coa_view_prepare(v)) {
            coa_view_free(v);
            return;
        }
        pthread_mutex_lock(&d->clones_lock);
        if (d->n_clones < d->max_clones) {
            /* free ones first: the taken one at n_free moves to the end */
            d->clones[d->n_clones++] = d->clones[d->n_free];
            d->clones[d->n_free++] = v;
            v = NULL;
            pthread_cond_signal(&d->clone_free);
        }
        pthread_mutex_unlock(&d->clones_lock);
        coa_view_free(v);
    }
}

static void *stats_main(void *arg)
{
    serve_data_t *d = arg;
    views_prepare(d);
    coa_stats_options_t so;
    coa_stats_t st;
    memset(&so, 0, sizeof so);
    so.seed = 1;
    double t0 = now_s();
    /* the years read every paper (on DBLP, 300 MB of the index): here, not
     * before the server answers */
    int ymin, ymax;
    coa_store_index_years(d->ix, &ymin, &ymax);
    int e = coa_stats_index(d->ix, &so, &st);
    pthread_mutex_lock(&d->stats_lock);
    d->year_min = ymin;
    d->year_max = ymax;
    if (!e)
        d->stats = st;
    d->stats_state = e ? -1 : 1;
    d->stats_seconds = now_s() - t0;
    pthread_mutex_unlock(&d->stats_lock);
    return NULL;
}

/* The name search is built after the server has started to listen (on
 * DBLP's 3.5 million authors it takes seconds, the rest of the start a
 * fraction of one); a search asked for before waits for it.  Its log line
 * waits for the server's first lines, so that they always come in the same
 * order. */
static void *search_main(void *arg)
{
    serve_data_t *d = arg;
    double t0 = now_s();
    serve_search_t *s = NULL;
    int err = serve_search_new(d->c, d->papers, &s);
    pthread_mutex_lock(&d->search_lock);
    __atomic_store_n(&d->search, s, __ATOMIC_RELEASE);
    d->search_failed = err != 0;
    d->search_seconds = now_s() - t0;
    pthread_cond_broadcast(&d->search_ready);
    while (!d->started)
        pthread_cond_wait(&d->started_cond, &d->search_lock);
    pthread_mutex_unlock(&d->search_lock);
    if (!d->quiet)
        fprintf(stderr, err ? "coauthor serve: cannot index the names: out of memory\n"
                            : "coauthor serve: names indexed for the search in %.2f s\n",
                d->search_seconds);
    return NULL;
}

void serve_data_started(serve_data_t *d)
{
    pthread_mutex_lock(&d->search_lock);
    d->started = 1;
    pthread_cond_broadcast(&d->started_cond);
    pthread_mutex_unlock(&d->search_lock);
}

/* The search, once built: no lock once it is (every search after the
 * first seconds); before, waits for it at most SERVE_SEARCH_WAIT seconds. */
static const serve_search_t *search_wait(serve_data_t *d)
{
    const serve_search_t *s = __atomic_load_n(&d->search, __ATOMIC_ACQUIRE);
    if (s)
        return s;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += SERVE_SEARCH_WAIT;
    pthread_mutex_lock(&d->search_lock);
    while (!d->search && !d->search_failed)
        if (pthread_cond_timedwait(&d->search_ready, &d->search_lock, &until))
            break;
    s = d->search;
    pthread_mutex_unlock(&d->search_lock);
    return s;
}

static int layout_job_run(void *ctx, const void *req, size_t len, FILE *out);

serve_data_t *serve_data_open(const coa_serve_options_t *o, char *err, size_t errlen)
{
    serve_data_t *d = calloc(1, sizeof *d);
    if (!d) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    pthread_mutex_init(&d->clones_lock, NULL);
    pthread_cond_init(&d->clone_free, NULL);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned chain_slots = cores > 1 ? (unsigned)cores : 1;
    serve_gate_init(&d->chain_gate, chain_slots);
    d->max_clones = SERVE_VIEWS_PER_CORE * chain_slots;
    pthread_mutex_init(&d->ego_lock, NULL);
    pthread_mutex_init(&d->stats_lock, NULL);
    pthread_mutex_init(&d->search_lock, NULL);
    pthread_cond_init(&d->search_ready, NULL);
    pthread_cond_init(&d->started_cond, NULL);
    double t0 = now_s();
    if (load(d, o, err, errlen))
        goto fail;
    if (coa_view_new_index(d->ix, &d->view) || !(d->clones = calloc(d->max_clones, sizeof *d->clones)) ||
        !(d->ego_cache = calloc(SERVE_EGO_CACHE, sizeof *d->ego_cache)) ||
        !(d->ego_bucket = malloc(EGO_BUCKETS * sizeof *d->ego_bucket))) {
        snprintf(err, errlen, "out of memory");
        goto fail;
    }
    for (unsigned i = 0; i < EGO_BUCKETS; i++)
        d->ego_bucket[i] = -1;
    d->c = coa_store_index_corpus(d->ix);
    d->load_seconds = now_s() - t0;
    const coa_corpus_t *c = d->c;
    if (!(d->papers = malloc((c->n_authors ? c->n_authors : 1) * sizeof *d->papers)) || index_merges(d)) {
        snprintf(err, errlen, "out of memory");
        goto fail;
    }
    for (uint32_t a = 0; a < c->n_authors; a++) {
        d->papers[a] = c->authors[a].merged_into == COA_NONE ? coa_store_index_papers(d->ix, a) : 0;
        d->authors += d->papers[a] > 0;
    }
    d->quiet = o->quiet;
    d->edges = coa_store_index_edges(d->ix);
    if (!(d->gvc = gvContext())) {
        snprintf(err, errlen, "cannot start Graphviz");
        goto fail;
    }
    size_t k = 0;
    for (int i = 0; i < o->n_files && k + 4 < sizeof d->what; i++) {
        const char *base = strrchr(o->files[i], '/');
        k += (size_t)snprintf(d->what + k, sizeof d->what - k, "%s%s", i ? ", " : "", base ? base + 1 : o->files[i]);
    }
    /* forked before any thread starts, with the corpus loaded: what they
     * read of d is set by now, and does not change */
    int e = serve_workers_start(&d->workers, chain_slots, SERVE_JOB_SECONDS, layout_job_run, d);
    if (e) {
        snprintf(err, errlen, "cannot start the layout processes: %s", strerror(e));
        goto fail;
    }
    if (pthread_create(&d->search_thread, NULL, search_main, d) == 0) {
        d->search_started = 1;
    } else {
        d->started = 1;
        search_main(d);
    }
    if (pthread_create(&d->stats_thread, NULL, stats_main, d) == 0)
        d->stats_started = 1;
    return d;
fail:
    serve_data_close(d);
    return NULL;
}

static void ego_cache_destroy(serve_data_t *d);

void serve_data_close(serve_data_t *d)
{
    if (!d)
        return;
    if (d->stats_started)
        pthread_join(d->stats_thread, NULL);
    if (d->search_started) {
        serve_data_started(d); /* a server that never started has no lines for it to wait for */
        pthread_join(d->search_thread, NULL);
    }
    serve_workers_stop(d->workers);
    if (d->gvc)
        gvFreeContext(d->gvc);
    serve_search_free(d->search);
    free(d->papers);
    free(d->merge_start);
    free(d->merge_list);
    for (unsigned i = 0; i < d->n_clones; i++)
        coa_view_free(d->clones[i]);
    free(d->clones);
    coa_view_free(d->view);
    ego_cache_destroy(d);
    coa_store_index_close(d->built);
    if (d->have_owned)
        coa_corpus_destroy(&d->owned);
    coa_loaded_free(d->loaded);
    pthread_mutex_destroy(&d->clones_lock);
    pthread_cond_destroy(&d->clone_free);
    serve_gate_destroy(&d->chain_gate);
    pthread_mutex_destroy(&d->ego_lock);
    pthread_cond_destroy(&d->started_cond);
    pthread_mutex_destroy(&d->stats_lock);
    pthread_mutex_destroy(&d->search_lock);
    pthread_cond_destroy(&d->search_ready);
    free(d);
}

void serve_data_describe(const serve_data_t *d, char *buf, size_t len)
{
    snprintf(buf, len, "%s: %u papers, %u authors, %llu coauthor pairs (loaded in %.2f s)", d->what, d->c->n_papers,
             d->authors, (unsigned long long)d->edges, d->load_seconds);
}

/* ---- naming an author ---- */

/* Resolves 'who' (an id, or a name as 'coauthor path --from' takes it) to
 * an author with papers in the selection; otherwise writes the error (404
 * with the closest names for a name) and returns its status. */
static int resolve(const serve_data_t *d, const char *who, const char *what, uint32_t *author, FILE *out)
{
    const coa_corpus_t *c = d->c;
    if (!who || !*who)
        return fail(out, 400, "%s is missing", what);
    if (strlen(who) > 300)
        return fail(out, 400, "%s is longer than 300 bytes", what);
    size_t digits = strspn(who, "0123456789");
    if (!who[digits] && digits <= 10) {
        unsigned long id = strtoul(who, NULL, 10);
        if (id >= c->n_authors)
            return fail(out, 404, "no author has the id %s", who);
        uint32_t a = (uint32_t)id;
        for (int hops = 0; c->authors[a].merged_into != COA_NONE && c->authors[a].merged_into < c->n_authors &&
                           hops < 64;
             hops++)
            a = c->authors[a].merged_into;
        if (!d->papers[a])
            return fail(out, 404, "'%s' has no papers in the selection", name_of(d, a));
        *author = a;
        return 200;
    }
    coa_match_t m;
    if (coa_author_match(c, who, &m))
        return fail(out, 503, "out of memory");
    if ((m.kind == COA_MATCH_EXACT || m.kind == COA_MATCH_PARTIAL) && m.author < c->n_authors &&
        d->papers[m.author]) {
        *author = m.author;
        return 200;
    }
    char msg[600];
    if (m.kind == COA_MATCH_EXACT || m.kind == COA_MATCH_PARTIAL)
        snprintf(msg, sizeof msg, "%s '%s' has no papers in the selection", what, who);
    else if (m.kind == COA_MATCH_AMBIGUOUS)
        snprintf(msg, sizeof msg, "%s '%s' is ambiguous: %u authors match", what, who, m.n_matching);
    else
        snprintf(msg, sizeof msg, "%s '%s' matches no author", what, who);
    fputs("{\"error\": ", out);
    coa_json_string(out, msg);
    fputs(", \"candidates\": [", out);
    for (uint32_t i = 0, n = 0; i < m.n_candidates; i++) {
        if (m.candidates[i] >= c->n_authors)
            continue;
        fputs(n++ ? ", " : "", out);
        author_json(out, d, m.candidates[i]);
    }
    fputs("]}\n", out);
    return 404;
}

/* ---- the views of the requests, and their gates ---- */

/* A view of the index for one request, from the pool: the one given back
 * last (its workspace is the one most in memory), a new clone while there
 * are fewer than max_clones (each holds a workspace of about 45 bytes per
 * author, touched only where its searches go), or the first given back.
 * NULL when out of memory.  A request holds it only while it searches: it
 * never waits for a lock or a slot with it. */
static coa_view_t *view_take(serve_data_t *d)
{
    coa_view_t *v = NULL;
    pthread_mutex_lock(&d->clones_lock);
    while (!d->n_free && d->n_clones >= d->max_clones)
        pthread_cond_wait(&d->clone_free, &d->clones_lock);
    if (d->n_free) {
        v = d->clones[--d->n_free];
    } else if (!coa_view_clone(d->view, &v)) {
        d->clones[d->n_clones++] = v; /* none is free: it joins the taken */
    }
    pthread_mutex_unlock(&d->clones_lock);
    return v;
}

static void view_give(serve_data_t *d, coa_view_t *v)
{
    if (!v)
        return;
    pthread_mutex_lock(&d->clones_lock);
    /* the taken ones are clones[n_free ..): v goes to n_free */
    for (unsigned i = d->n_free; i < d->n_clones; i++)
        if (d->clones[i] == v) {
            d->clones[i] = d->clones[d->n_free];
            d->clones[d->n_free++] = v;
            break;
        }
    pthread_cond_signal(&d->clone_free);
    pthread_mutex_unlock(&d->clones_lock);
}

void serve_request_init(serve_request_t *rq, unsigned budget_ms)
{
    rq->deadline = now_s() + (budget_ms ? budget_ms : SERVE_BUDGET_MS) * 1e-3;
    rq->retry_after = 0;
    rq->cut_short = 0;
    rq->queued = 0;
}

/* The request's deadline as the absolute CLOCK_REALTIME time that timed
 * waits take; 0 when it has passed. */
static int deadline_abs(const serve_request_t *rq, struct timespec *until)
{
    double left = rq->deadline - now_s();
    if (left <= 0)
        return 0;
    clock_gettime(CLOCK_REALTIME, until);
    double ns = (double)until->tv_nsec + (left - floor(left)) * 1e9;
    until->tv_sec += (time_t)left + (time_t)(ns / 1e9);
    until->tv_nsec = (long)fmod(ns, 1e9);
    return 1;
}

/* The 503 of a request that could not start 'what' within its budget. */
static int busy(serve_request_t *rq, const char *what, FILE *out)
{
    rq->retry_after = 1;
    fprintf(out,
            "{\"error\": \"the server is busy: this request could not start its %s within its time budget; "
            "try again\", \"retry_after\": 1}\n",
            what);
    return 503;
}

/* Passes a gate, waiting in line at most until the request's deadline:
 * 200, or 503 with the budget's error.  The budget bounds the wait: a
 * free slot is taken, however long the request took to get here. */
static int gate_enter(serve_gate_t *g, serve_request_t *rq, const char *what, FILE *out)
{
    struct timespec until;
    if (!deadline_abs(rq, &until))
        clock_gettime(CLOCK_REALTIME, &until); /* passed: only a free slot */
    return serve_gate_enter(g, &until) ? busy(rq, what, out) : 200;
}

/* A slot for a chain search, one per core: a search is all CPU, so more
 * at once only share the cores and hold more threads, whose other
 * connections wait behind them. */
static int chain_enter(serve_data_t *d, serve_request_t *rq, FILE *out)
{
    return gate_enter(&d->chain_gate, rq, "chain search", out);
}

static void chain_leave(serve_data_t *d)
{
    serve_gate_leave(&d->chain_gate);
}

/* ---- copies of part of the corpus ---- */

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* A part of the corpus copied out of the index, and the corpus id of each
 * of its authors (a copy keeps the authors' relative order: its author k
 * is the k-th smallest id of the authors it copied, which this works out
 * as coa_store_index_extract chooses them). */
typedef struct {
    coa_corpus_t corpus;
    uint32_t *ids;
    coa_graph_t graph;
    int have_graph;
} part_t;

static void part_destroy(part_t *p)
{
    if (p->have_graph)
        coa_graph_destroy(&p->graph);
    coa_corpus_destroy(&p->corpus);
    free(p->ids);
}

/* Copies authors[0 .. n) into p as coa_store_index_extract_ex does with
 * flags (COA_EXTRACT_*). */
static int part_copy(const serve_data_t *d, coa_view_t *view, const uint32_t *authors, uint32_t n, unsigned flags,
                     part_t *p)
{
    memset(p, 0, sizeof *p);
    if (coa_corpus_init(&p->corpus))
        return COA_ENOMEM;
    int whole = (flags & COA_EXTRACT_WHOLE) != 0;
    int err = coa_store_index_extract_ex(d->ix, authors, n, flags, &p->corpus, NULL);
    if (err)
        return err;
    /* with whole papers, the copy holds every author of the authors'
     * selected papers: the authors and their coauthors in the view */
    size_t cap = n + 16, k = 0;
    uint32_t *ids = malloc(cap * sizeof *ids);
    if (!ids)
        return COA_ENOMEM;
    for (uint32_t i = 0; i < n; i++)
        ids[k++] = authors[i];
    for (uint32_t i = 0; whole && i < n; i++) {
        const uint32_t *near;
        uint32_t m;
        if ((err = coa_view_neighbors(view, authors[i], &near, &m))) {
            free(ids);
            return err;
        }
        if (k + m > cap) {
            cap = (k + m) * 2;
            uint32_t *grown = realloc(ids, cap * sizeof *ids);
            if (!grown) {
                free(ids);
                return COA_ENOMEM;
            }
            ids = grown;
        }
        memcpy(ids + k, near, m * sizeof *ids);
        k += m;
    }
    qsort(ids, k, sizeof *ids, cmp_u32);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (!u || ids[u - 1] != ids[i])
            ids[u++] = ids[i];
    p->ids = ids;
    if (u != p->corpus.n_authors)
        return COA_EFORMAT; /* the copy chose otherwise: the ids would be wrong */
    return COA_OK;
}

/* The corpus id of a vertex of the part's graph. */
static uint32_t vertex_id(const part_t *p, igraph_integer_t v)
{
    return p->ids[p->graph.vertex_author[v]];
}

/* The part's author for a corpus id, or COA_NONE. */
static uint32_t part_author(const part_t *p, uint32_t id)
{
    size_t lo = 0, hi = p->corpus.n_authors;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (p->ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < p->corpus.n_authors && p->ids[lo] == id ? (uint32_t)lo : COA_NONE;
}

/* ---- layout: the first stage of coa_draw's ---- */

/* Positions of every vertex of g (x, then y, in points, y growing down)
 * as Graphviz lays out the picture 'coauthor draw' makes (without its
 * tooltips, which do not move a node). */
static int layout(serve_data_t *d, const coa_graph_t *g, const coa_draw_options_t *o, double *xy,
                  coa_engine_t *engine)
{
    coa_styled_t s;
    *engine = coa_engine_auto((uint32_t)g->n_vertices);
    int err = coa_styled_build_bare(&s, g, o, *engine);
    if (err)
        return err;
    agseterr(AGMAX);
    agattr(s.g, AGRAPH, COA_GV("splines"), COA_GV("none"));
    if (gvLayout(d->gvc, s.g, COA_GV(coa_engine_name(*engine))) != 0) {
        coa_styled_destroy(&s);
        return COA_EGRAPH;
    }
    for (igraph_integer_t v = 0; v < g->n_vertices; v++) {
        pointf pt = s.node[v] ? ND_coord(s.node[v]) : (pointf){0, 0};
        xy[2 * v] = pt.x;
        xy[2 * v + 1] = -pt.y;
    }
    gvFreeLayout(d->gvc, s.g);
    coa_styled_destroy(&s);
    return COA_OK;
}

/* ---- /api/authors ---- */

int serve_q_authors(serve_data_t *d, const char *q, unsigned limit, FILE *out)
{
    if (!q)
        return fail(out, 400, "q is missing");
    if (strlen(q) > 200)
        return fail(out, 400, "q is longer than 200 bytes");
    uint32_t ids[SERVE_SEARCH_LIMIT];
    uint64_t total;
    int more;
    const serve_search_t *search = search_wait(d);
    if (!search)
        return fail(out, 503, "the names are still being indexed: try again in a few seconds");
    size_t n = serve_search_query(search, q, ids, limit, &total, &more);
    fputs("{\"query\": ", out);
    coa_json_string(out, q);
    fprintf(out, ", \"total\": %llu, \"more\": %s, \"authors\": [", (unsigned long long)total,
            more ? "true" : "false");
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ",\n  " : "\n  ", out);
        author_json(out, d, ids[i]);
    }
    fputs(n ? "\n]}\n" : "]}\n", out);
    return 200;
}

/* ---- /api/author ---- */

/* The identity notes of 'coauthor names' for one author: the spellings
 * merged into it and why, and how many of its papers are flagged as
 * possibly another person's (read from a copy of its papers, only when
 * the corpus was checked for homonyms: otherwise none are flagged). */
static int identity_json(FILE *out, const serve_data_t *d, uint32_t a)
{
    const coa_corpus_t *c = d->c;
    uint32_t flagged = 0;
    if (d->homonyms) {
        coa_corpus_t copy;
        uint32_t mine = COA_NONE;
        if (coa_corpus_init(&copy))
            return COA_ENOMEM;
        int err = coa_store_index_extract(d->ix, &a, 1, 1, &copy, &mine);
        for (uint32_t i = 0; !err && i < copy.n_authorships; i++)
            if (copy.authorships[i].author == mine && (copy.authorships[i].flags & COA_AUTHORSHIP_POSSIBLE_HOMONYM))
                flagged++;
        coa_corpus_destroy(&copy);
        if (err)
            return err;
    }
    fputs("\"identity\": {\"identifier\": ", out);
    string_or_null(out, c, c->authors[a].id);
    fputs(", \"merged\": [", out);
    uint32_t n = 0;
    for (uint32_t i = d->merge_start[a]; i < d->merge_start[a + 1] && n < 50; i++) {
        const coa_merge_t *m = &c->merges[d->merge_list[i]];
        if (m->from >= c->n_authors)
            continue;
        fputs(n++ ? ", " : "", out);
        fputs("{\"name\": ", out);
        coa_json_string(out, coa_corpus_str(c, c->authors[m->from].display));
        fputs(", \"reason\": ", out);
        coa_json_string(out, m->reason ? coa_corpus_str(c, m->reason) : "");
        fputc('}', out);
    }
    fprintf(out, "], \"homonym_papers\": %u, \"homonyms_checked\": %s}", flagged, d->homonyms ? "true" : "false");
    return COA_OK;
}

/* A coauthor of the author, as 'rank --author' orders them (rank.c's
 * coa_coauthors_init, which needs the author's igraph graph and so a
 * layout process): most joint papers, then the larger fractional weight to
 * ten significant digits (sums of fractions taken in other orders differ
 * in the last bits), then the name, then the id.  The view gives the same
 * weights without a graph, so the table is made in parallel;
 * tests/serve/compare.py holds the two to the same rows. */
typedef struct {
    uint32_t author;
    double joint_papers, fractional, fractional10;
    const char *name;
} coauthor_t;

static int cmp_coauthor(const void *pa, const void *pb)
{
    const coauthor_t *a = pa, *b = pb;
    if (a->joint_papers != b->joint_papers)
        return a->joint_papers > b->joint_papers ? -1 : 1;
    if (a->fractional10 != b->fractional10)
        return a->fractional10 > b->fractional10 ? -1 : 1;
    int c = strcmp(a->name, b->name);
    if (c)
        return c;
    return a->author < b->author ? -1 : a->author > b->author;
}

/* One row of the table; the evidence of the pair (coa_view_hop: the joint
 * papers newest first, with their flags) gives the years, the papers on
 * which either author is only inferred and, with 'papers', the list. */
static int coauthor_row(FILE *out, const serve_data_t *d, coa_view_t *view, uint32_t a, const coauthor_t *it,
                        uint32_t rank, int papers, coa_hop_t *hop)
{
    int err = coa_view_hop(view, a, it->author, hop);
    if (err)
        return err;
    int first = 0, last = 0;
    uint32_t inferred = 0;
    for (uint32_t k = 0; k < hop->n_papers; k++) {
        int year = d->c->papers[hop->papers[k]].year;
        if (year && (!first || year < first))
            first = year;
        if (year > last)
            last = year;
        inferred += (hop->paper_flags[k] & COA_EVIDENCE_INFERRED) != 0;
    }
    fprintf(out, "{\"rank\": %u, \"author\": ", rank);
    coa_json_string(out, it->name);
    fprintf(out, ", \"id\": %u, \"joint_papers\": %.0f, \"fractional\": %.10g, ", it->author, it->joint_papers,
            it->fractional);
    if (first)
        fprintf(out, "\"first_year\": %d, \"last_year\": %d", first, last);
    else
        fputs("\"first_year\": null, \"last_year\": null", out);
    fprintf(out, ", \"inferred\": %u", inferred);
    if (papers) {
        fputs(", \"papers\": [", out);
        for (uint32_t k = 0; k < hop->n_papers; k++) {
            fputs(k ? ",\n    " : "\n    ", out);
            paper_json(out, d->c, hop->papers[k]);
            fputc('}', out);
        }
        fputc(']', out);
    }
    fputc('}', out);
    return COA_OK;
}

static int author_table(FILE *out, const serve_data_t *d, coa_view_t *view, uint32_t a, uint32_t b, unsigned top);

int serve_q_author(serve_data_t *d, const char *who, const char *with, unsigned top, FILE *out)
{
    uint32_t a, b = COA_NONE;
    int status = resolve(d, who, "the author", &a, out);
    if (status != 200)
        return status;
    if (with && (status = resolve(d, with, "with", &b, out)) != 200)
        return status;
    coa_view_t *view = view_take(d);
    if (!view)
        return fail(out, 503, "out of memory");
    status = author_table(out, d, view, a, b, top);
    view_give(d, view);
    return status;
}

/* The answer of serve_q_author, on a view taken for it. */
static int author_table(FILE *out, const serve_data_t *d, coa_view_t *view, uint32_t a, uint32_t b, unsigned top)
{
    const coa_view_coauthor_t *weights;
    uint32_t n;
    coauthor_t *list = NULL;
    int err = coa_view_coauthors(view, a, &weights, &n);
    if (!err && !(list = malloc((n ? n : 1) * sizeof *list)))
        err = COA_ENOMEM;
    for (uint32_t i = 0; !err && i < n; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "%.10g", weights[i].fractional);
        list[i] = (coauthor_t){weights[i].author, weights[i].joint_papers, weights[i].fractional, strtod(buf, NULL),
                               name_of(d, weights[i].author)};
    }
    if (err) {
        free(list);
        return fail(out, 503, "cannot list the coauthors: %s", coa_strerror(err));
    }
    qsort(list, n, sizeof *list, cmp_coauthor);
    coa_hop_t hop;
    coa_hop_init(&hop);
    fprintf(out, "{\"id\": %u, \"author\": ", a);
    coa_json_string(out, name_of(d, a));
    fprintf(out, ", \"papers\": %u, \"papers_in_corpus\": %u, \"order\": \"joint_papers\", \"coauthors\": %u, ",
            d->papers[a], d->c->authors[a].n_papers, n);
    err = identity_json(out, d, a);
    if (!err && b != COA_NONE) {
        /* the joint papers of one pair */
        fputs(", \"with\": ", out);
        author_json(out, d, b);
        fputs(", \"rows\": [", out);
        for (uint32_t i = 0; i < n && !err; i++)
            if (list[i].author == b) {
                err = coauthor_row(out, d, view, a, &list[i], i + 1, 1, &hop);
                break;
            }
        fputs("]}\n", out);
    } else if (!err) {
        uint32_t shown = n < top ? n : top;
        fprintf(out, ", \"shown\": %u, \"rows\": [", shown);
        for (uint32_t i = 0; i < shown && !err; i++) {
            fputs(i ? ",\n  " : "\n  ", out);
            err = coauthor_row(out, d, view, a, &list[i], i + 1, 0, &hop);
        }
        fputs(shown ? "\n]}\n" : "]}\n", out);
    }
    coa_hop_destroy(&hop);
    free(list);
    if (err) {
        rewind(out);
        return fail(out, 503, "cannot list the coauthors: %s", coa_strerror(err));
    }
    return 200;
}

/* ---- /api/ego ---- */

static unsigned ego_hash(uint32_t ego, unsigned radius, double min_weight)
{
    uint64_t bits;
    memcpy(&bits, &min_weight, sizeof bits);
    uint64_t h = ((uint64_t)ego * 0x9e3779b97f4a7c15ULL) ^ (radius * 0xbf58476d1ce4e5b9ULL) ^ bits;
    h ^= h >> 31;
    h *= 0x94d049bb133111ebULL;
    return (unsigned)((h ^ (h >> 29)) % EGO_BUCKETS);
}

static int ego_cache_get(serve_data_t *d, uint32_t ego, unsigned radius, double min_weight, FILE *out)
{
    int hit = 0;
    unsigned b = ego_hash(ego, radius, min_weight);
    pthread_mutex_lock(&d->ego_lock);
    for (int32_t i = d->ego_bucket[b]; i >= 0 && !hit; i = d->ego_cache[i].next) {
        ego_cached_t *e = &d->ego_cache[i];
        if (e->ego == ego && e->radius == radius && e->min_weight == min_weight) {
            fwrite(e->body, 1, e->len, out);
            e->used = ++d->ego_clock;
            hit = 1;
        }
    }
    pthread_mutex_unlock(&d->ego_lock);
    return hit;
}

/* Takes answer i out of its bucket's chain. */
static void ego_unlink(serve_data_t *d, int32_t i)
{
    const ego_cached_t *e = &d->ego_cache[i];
    int32_t *at = &d->ego_bucket[ego_hash(e->ego, e->radius, e->min_weight)];
    while (*at >= 0 && *at != i)
        at = &d->ego_cache[*at].next;
    if (*at == i)
        *at = e->next;
}

/* Keeps a copy of body, in place of the least recently used answers when
 * the cache is full (in entries or in bytes). */
static void ego_cache_put(serve_data_t *d, uint32_t ego, unsigned radius, double min_weight, const char *body,
                          size_t len)
{
    char *copy = len <= SERVE_EGO_CACHE_BYTES / 8 ? malloc(len ? len : 1) : NULL;
    if (!copy)
        return;
    memcpy(copy, body, len);
    pthread_mutex_lock(&d->ego_lock);
    for (;;) {
        ego_cached_t *victim = NULL;
        for (unsigned i = 0; i < SERVE_EGO_CACHE; i++) {
            ego_cached_t *e = &d->ego_cache[i];
            if (!e->body) {
                if (d->ego_cache_bytes + len <= SERVE_EGO_CACHE_BYTES) {
                    unsigned b = ego_hash(ego, radius, min_weight);
                    *e = (ego_cached_t){ego, radius, min_weight, copy, len, ++d->ego_clock, d->ego_bucket[b]};
                    d->ego_bucket[b] = (int32_t)i;
                    d->ego_cache_bytes += len;
                    copy = NULL;
                    break;
                }
            } else if (!victim || e->used < victim->used) {
                victim = e;
            }
        }
        if (!copy || !victim)
            break;
        d->ego_cache_bytes -= victim->len;
        ego_unlink(d, (int32_t)(victim - d->ego_cache));
        free(victim->body);
        victim->body = NULL;
    }
    pthread_mutex_unlock(&d->ego_lock);
    free(copy);
}

static void ego_cache_destroy(serve_data_t *d)
{
    for (unsigned i = 0; d->ego_cache && i < SERVE_EGO_CACHE; i++)
        free(d->ego_cache[i].body);
    free(d->ego_cache);
    free(d->ego_bucket);
}

/* An author's tie to the ego, for choosing whom to keep. */
typedef struct {
    uint32_t author;
    double weight;
    uint32_t papers;
} tie_t;

static int cmp_tie(const void *pa, const void *pb)
{
    const tie_t *a = pa, *b = pb;
    if (a->weight != b->weight)
        return a->weight > b->weight ? -1 : 1;
    if (a->papers != b->papers)
        return a->papers > b->papers ? -1 : 1;
    return a->author < b->author ? -1 : a->author > b->author;
}

static int in_sorted(const uint32_t *ids, uint32_t n, uint32_t id)
{
    return bsearch(&id, ids, n, sizeof *ids, cmp_u32) != NULL;
}

/* Keeps SERVE_EGO_MAX_NODES of the authors near[0 .. *n) (ascending ids,
 * the ego among them), those most tied to the ego: the ego; its coauthors
 * by joint papers with it, most first; at radius 2, in the room left, the
 * authors two hops away by their most joint papers with a coauthor kept.
 * Ties go to more papers, then to the smaller id.  Every author kept is
 * linked to the ego through authors kept, so the network stays connected.
 * near stays ascending. */
static int ego_strongest(const serve_data_t *d, coa_view_t *view, uint32_t ego, unsigned radius, double min_weight,
                         uint32_t *near, uint32_t *n)
{
    const uint32_t cap = SERVE_EGO_MAX_NODES;
    const coa_view_coauthor_t *w;
    uint32_t m, n_ties = 0, kept = 0, n_first = 0;
    int err = coa_view_coauthors(view, ego, &w, &m);
    if (err)
        return err;
    tie_t *ties = malloc((size_t)(*n > m ? *n : m) * sizeof *ties + 1);
    uint32_t *first = malloc((size_t)(m ? m : 1) * sizeof *first), *keep = malloc(cap * sizeof *keep);
    double *second = radius > 1 ? calloc(*n, sizeof *second) : NULL;
    if (!ties || !first || !keep || (radius > 1 && !second)) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    for (uint32_t i = 0; i < m; i++)
        if (w[i].joint_papers >= min_weight) {
            ties[n_ties++] = (tie_t){w[i].author, w[i].joint_papers, d->papers[w[i].author]};
            first[n_first++] = w[i].author;
        }
    qsort(ties, n_ties, sizeof *ties, cmp_tie);
    qsort(first, n_first, sizeof *first, cmp_u32);
    keep[kept++] = ego;
    for (uint32_t i = 0; i < n_ties && kept < cap; i++)
        keep[kept++] = ties[i].author;
    if (radius > 1 && kept < cap) {
        /* the second hop, through the coauthors kept (keep[1 ..)) */
        uint32_t through = kept;
        for (uint32_t i = 1; i < through && !err; i++) {
            if ((err = coa_view_coauthors(view, keep[i], &w, &m)))
                break;
            for (uint32_t k = 0; k < m; k++) {
                uint32_t *at = bsearch(&w[k].author, near, *n, sizeof *near, cmp_u32);
                if (at && w[k].joint_papers >= min_weight && w[k].joint_papers > second[at - near])
                    second[at - near] = w[k].joint_papers;
            }
        }
        n_ties = 0;
        for (uint32_t i = 0; !err && i < *n; i++)
            if (second[i] > 0 && near[i] != ego && !in_sorted(first, n_first, near[i]))
                ties[n_ties++] = (tie_t){near[i], second[i], d->papers[near[i]]};
        qsort(ties, n_ties, sizeof *ties, cmp_tie);
        for (uint32_t i = 0; i < n_ties && kept < cap; i++)
            keep[kept++] = ties[i].author;
    }
    if (!err) {
        qsort(keep, kept, sizeof *keep, cmp_u32);
        memcpy(near, keep, kept * sizeof *near);
        *n = kept;
    }
cleanup:
    free(ties);
    free(first);
    free(keep);
    free(second);
    return err;
}

/* The network of radius 1: the ego and its coauthors of at least
 * min_weight joint papers (ascending ids; *authors owned by the caller),
 * what coa_view_ego finds, from the one list of weighted coauthors that
 * ego_strongest reads too.  coa_view_ego's breadth-first search clears a
 * mark for every paper of the index on each call (28 MB on the 7M-paper
 * corpus, a third of the cost of a small ego answer). */
static int ego_coauthors(coa_view_t *view, uint32_t ego, double min_weight, uint32_t **authors, uint32_t *n_authors)
{
    const coa_view_coauthor_t *w;
    uint32_t m, n = 0;
    int err = coa_view_coauthors(view, ego, &w, &m);
    uint32_t *list = err ? NULL : malloc(((size_t)m + 1) * sizeof *list);
    if (!err && !list)
        err = COA_ENOMEM;
    if (err)
        return err;
    list[n++] = ego;
    for (uint32_t i = 0; i < m; i++)
        if (w[i].joint_papers >= min_weight)
            list[n++] = w[i].author;
    qsort(list, n, sizeof *list, cmp_u32);
    *authors = list;
    *n_authors = n;
    return COA_OK;
}

/* The authors of the ego network as 'coauthor draw --ego NAME --radius R
 * --min-weight W' finds them, at most SERVE_EGO_MAX_NODES of them
 * (ego_strongest; *in_network: how many there are), into *authors (to be
 * freed).  In the server's threads, with a view of the pool. */
static int ego_near(serve_data_t *d, uint32_t ego, unsigned radius, double min_weight, uint32_t **authors,
                    uint32_t *n_authors, uint32_t *in_network, FILE *out)
{
    *authors = NULL;
    if (radius < 1 || radius > SERVE_MAX_RADIUS)
        return fail(out, 400, "radius must be 1 or 2");
    coa_view_t *view = view_take(d);
    if (!view)
        return fail(out, 503, "out of memory");
    uint32_t *near = NULL, n = 0;
    int err = radius == 1 ? ego_coauthors(view, ego, min_weight, &near, &n)
                          : coa_view_ego(view, ego, radius, min_weight, &near, &n);
    *in_network = n;
    if (!err && n > SERVE_EGO_MAX_NODES)
        err = ego_strongest(d, view, ego, radius, min_weight, near, &n);
    view_give(d, view);
    if (err) {
        free(near);
        return fail(out, 503, "cannot find the network's authors: %s", coa_strerror(err));
    }
    *authors = near;
    *n_authors = n;
    return 200;
}

/* The part's graph, as draw --ego selects it. */
static int ego_build(part_t *p, uint32_t ego, unsigned radius, double min_weight)
{
    coa_select_t sel;
    coa_select_init(&sel);
    sel.ego = part_author(p, ego);
    sel.radius = radius;
    sel.min_weight = min_weight;
    int err = coa_graph_build(&p->graph, &p->corpus, &sel);
    p->have_graph = !err;
    return err;
}

/* Communities of the ego network, as draw colours them (0 the largest). */
static int ego_groups(const coa_graph_t *g, int32_t *group, double *modularity)
{
    coa_community_options_t copts;
    coa_communities_t comm;
    coa_community_options_init(&copts);
    copts.seed = 1;
    int err = coa_communities_detect(&comm, g, &copts);
    if (err)
        return err;
    for (igraph_integer_t v = 0; v < g->n_vertices; v++)
        group[v] = (int32_t)VECTOR(comm.membership)[v];
    *modularity = comm.modularity;
    coa_communities_destroy(&comm);
    return COA_OK;
}

/* The laid-out network of an answer, copied out of the part's graph so
 * that the graph can go before the lock is let go and the JSON be written
 * after. */
typedef struct {
    uint32_t n_nodes, n_edges;
    uint32_t *id;            /* corpus author of each node */
    double *xy;              /* x, y of each node */
    int32_t *group;          /* community, or NULL */
    uint32_t *ends;          /* edge i: nodes ends[2i], ends[2i + 1] */
    double *joint_papers;
    coa_engine_t engine;
    double modularity;
} laid_t;

static void laid_destroy(laid_t *l)
{
    free(l->id);
    free(l->xy);
    free(l->group);
    free(l->ends);
    free(l->joint_papers);
}

/* Lays out p's graph as draw would with dopts (size and focus set by the
 * caller, in vertex ids), with communities when 'groups', into l. */
static int laid_fill(serve_data_t *d, const part_t *p, coa_draw_options_t *dopts, int groups, laid_t *l)
{
    const coa_graph_t *g = &p->graph;
    igraph_integer_t nv = g->n_vertices, ne = igraph_ecount(&g->graph);
    memset(l, 0, sizeof *l);
    l->n_nodes = (uint32_t)nv;
    l->n_edges = (uint32_t)ne;
    l->modularity = NAN;
    size_t vn = (size_t)(nv ? nv : 1), en = (size_t)(ne ? ne : 1);
    if (!(l->id = malloc(vn * sizeof *l->id)) || !(l->xy = malloc(2 * vn * sizeof *l->xy)) ||
        (groups && !(l->group = malloc(vn * sizeof *l->group))) || !(l->ends = malloc(2 * en * sizeof *l->ends)) ||
        !(l->joint_papers = malloc(en * sizeof *l->joint_papers)))
        return COA_ENOMEM;
    int err = groups ? ego_groups(g, l->group, &l->modularity) : COA_OK;
    dopts->group = l->group;
    if (!err)
        err = layout(d, g, dopts, l->xy, &l->engine);
    for (igraph_integer_t v = 0; v < nv; v++)
        l->id[v] = vertex_id(p, v);
    for (igraph_integer_t e = 0; e < ne; e++) {
        l->ends[2 * e] = (uint32_t)IGRAPH_FROM(&g->graph, e);
        l->ends[2 * e + 1] = (uint32_t)IGRAPH_TO(&g->graph, e);
        l->joint_papers[e] = VECTOR(g->joint_papers)[e];
    }
    return err;
}

/* Appends the decimal digits of x (with its sign) at *at. */
static void put_int(char **at, int64_t x)
{
    char digits[24];
    int n = 0;
    uint64_t u = x < 0 ? 0 - (uint64_t)x : (uint64_t)x;
    do
        digits[n++] = (char)('0' + u % 10);
    while ((u /= 10) > 0);
    if (x < 0)
        *(*at)++ = '-';
    while (n > 0)
        *(*at)++ = digits[--n];
}

static void put_str(char **at, const char *s)
{
    size_t n = strlen(s);
    memcpy(*at, s, n);
    *at += n;
}

/* A name as coa_json_string writes it, in one piece when nothing in it
 * needs escaping (most names). */
static void json_name(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p >= 0x20 && *p != '"' && *p != '\\')
        p++;
    if (*p) {
        coa_json_string(out, s);
    } else {
        fputc('"', out);
        fwrite(s, 1, (size_t)(p - (const unsigned char *)s), out);
        fputc('"', out);
    }
}

/* "nodes" and "edges" of a laid-out network, as printf's %u, %d, %.1f and
 * %.0f write them: integers by hand (printf was a tenth of the time left
 * to an ego answer outside Graphviz), coordinates by snprintf. */
static void laid_json(FILE *out, const serve_data_t *d, const laid_t *l)
{
    char buf[1024], *at; /* room for two %.1f of any double */
    fputs("\"nodes\": [", out);
    for (uint32_t v = 0; v < l->n_nodes; v++) {
        at = buf;
        put_str(&at, v ? ",\n  {\"id\": " : "\n  {\"id\": ");
        put_int(&at, l->id[v]);
        put_str(&at, ", \"name\": ");
        fwrite(buf, 1, (size_t)(at - buf), out);
        json_name(out, name_of(d, l->id[v]));
        at = buf;
        put_str(&at, ", \"papers\": ");
        put_int(&at, d->papers[l->id[v]]);
        if (l->group) {
            put_str(&at, ", \"community\": ");
            put_int(&at, l->group[v]);
        }
        at += snprintf(at, sizeof buf - (size_t)(at - buf), ", \"x\": %.1f, \"y\": %.1f}", l->xy[2 * v],
                       l->xy[2 * v + 1]);
        fwrite(buf, 1, (size_t)(at - buf), out);
    }
    fputs("],\n\"edges\": [", out);
    for (uint32_t e = 0; e < l->n_edges; e++) {
        double w = l->joint_papers[e];
        at = buf;
        put_str(&at, e ? ",\n  {\"source\": " : "\n  {\"source\": ");
        put_int(&at, l->id[l->ends[2 * e]]);
        put_str(&at, ", \"target\": ");
        put_int(&at, l->id[l->ends[2 * e + 1]]);
        put_str(&at, ", \"joint_papers\": ");
        if (w >= 1 && w < 1e15 && w == floor(w)) /* a count: %.0f writes its digits */
            put_int(&at, (int64_t)w);
        else
            at += snprintf(at, 64, "%.0f", w);
        put_str(&at, "}");
        fwrite(buf, 1, (size_t)(at - buf), out);
    }
    fputs("]", out);
}

int serve_q_ego_known(serve_data_t *d, const char *who, unsigned radius, double min_weight, FILE *out)
{
    uint32_t ego;
    int status = resolve(d, who, "the author", &ego, out);
    if (status != 200 || ego_cache_get(d, ego, radius, min_weight, out))
        return status;
    return 0;
}

/* ---- the jobs of the layout processes ---- */

/* A job: this header, then its authors (ids of the corpus), then the
 * chain to highlight. */
enum { JOB_EGO, JOB_EGO_PICTURE, JOB_CHAINS };
typedef struct {
    uint32_t kind;
    uint32_t flags;      /* part_copy's, for the authors */
    uint32_t ego, radius, in_network, png;
    uint32_t n_authors, n_path;
    double min_weight;
} layout_job_t;

/* Runs a job in a layout process, waiting for one only until the
 * request's deadline: the status of the answer written to out ('what'
 * names the job in the error of a process that failed). */
static int layout_job(serve_data_t *d, serve_request_t *rq, const layout_job_t *job, const uint32_t *authors,
                      const uint32_t *path, const char *what, FILE *out)
{
    if (rq->queued && now_s() > rq->deadline)
        return busy(rq, "layout", out);
    size_t len = sizeof *job + ((size_t)job->n_authors + job->n_path) * sizeof(uint32_t);
    char *req = malloc(len);
    if (!req)
        return fail(out, 503, "out of memory");
    memcpy(req, job, sizeof *job);
    memcpy(req + sizeof *job, authors, job->n_authors * sizeof *authors);
    if (job->n_path)
        memcpy(req + sizeof *job + job->n_authors * sizeof *authors, path, job->n_path * sizeof *path);
    struct timespec until;
    if (!deadline_abs(rq, &until))
        clock_gettime(CLOCK_REALTIME, &until); /* passed: only a free process */
    char why[256];
    int status = 503;
    int r = serve_workers_call(d->workers, &until, req, len, &status, out, why, sizeof why);
    free(req);
    if (r == SERVE_WORKERS_BUSY)
        return busy(rq, "layout", out);
    if (r != SERVE_WORKERS_DONE)
        return fail(out, 503, "cannot %s: %s", what, why);
    return status;
}

/* JOB_EGO: the answer of /api/ego.  The authors are copied with only the
 * papers they share, each with only them (COA_EXTRACT_BARE): the same
 * coauthorships and joint papers as a whole copy, in a fraction of the
 * time (on the 7M-paper corpus an ego of 500 authors took 3 s to copy
 * whole), but an author's papers in the copy are only those shared there,
 * so sizes come from d->papers, and an edge's fractional weight would be
 * wrong (the JSON leaves it out). */
static int ego_job(serve_data_t *d, const layout_job_t *job, const uint32_t *authors, FILE *out)
{
    part_t p;
    int err = part_copy(d, d->view, authors, job->n_authors, job->flags, &p);
    if (err) {
        part_destroy(&p);
        return fail(out, 503, "cannot read the network's papers: %s", coa_strerror(err));
    }
    size_t nv = p.corpus.n_authors;
    double *size = malloc((nv ? nv : 1) * sizeof *size);
    laid_t l;
    memset(&l, 0, sizeof l);
    err = size ? ego_build(&p, job->ego, job->radius, job->min_weight) : COA_ENOMEM;
    if (!err) {
        for (igraph_integer_t v = 0; v < p.graph.n_vertices; v++)
            size[v] = d->papers[vertex_id(&p, v)];
        coa_draw_options_t dopts;
        coa_draw_options_init(&dopts);
        dopts.size = size;
        dopts.seed = 1;
        igraph_integer_t focus = coa_graph_vertex_of(&p.graph, part_author(&p, job->ego));
        dopts.focus = focus >= 0 ? (uint32_t)focus : COA_NONE;
        err = laid_fill(d, &p, &dopts, 1, &l);
    }
    part_destroy(&p);
    free(size);
    if (err) {
        laid_destroy(&l);
        return fail(out, 503, "cannot lay out the network: %s", coa_strerror(err));
    }
    fprintf(out, "{\"ego\": %u, \"name\": ", job->ego);
    coa_json_string(out, name_of(d, job->ego));
    fprintf(out,
            ", \"radius\": %u, \"min_weight\": %g, \"authors\": %u, \"links\": %u, \"in_network\": %u, "
            "\"left_out\": %u, \"node_limit\": %d, \"engine\": \"%s\"",
            job->radius, job->min_weight, l.n_nodes, l.n_edges, job->in_network, job->in_network - l.n_nodes,
            SERVE_EGO_MAX_NODES, coa_engine_name(l.engine));
    if (l.modularity == l.modularity)
        fprintf(out, ", \"modularity\": %.4f", l.modularity);
    fputs(", ", out);
    laid_json(out, d, &l);
    fputs("}\n", out);
    laid_destroy(&l);
    return 200;
}

/* coa_draw in a child of the layout process, its picture read back
 * through a pipe.  Graphviz 2.43's text layout keeps a pointer to the last
 * font name it measured, which coa_draw's own Graphviz context frees when
 * it is done: the next picture in the same process compared a freed
 * string (found by AddressSanitizer on the second picture).  A child's
 * Graphviz state ends with it, and an alarm bounds a layout that runs
 * away. */
static int draw_apart(FILE *out, const char *format, const coa_graph_t *g, const coa_draw_options_t *dopts)
{
    int fds[2];
    if (pipe(fds))
        return COA_EIO;
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        alarm(SERVE_PICTURE_SECONDS);
        FILE *f = fdopen(fds[1], "w");
        coa_draw_report_t rep;
        agseterr(AGMAX);
        int err = f ? coa_draw(f, format, g, dopts, &rep) : COA_EIO;
        if (f && fclose(f))
            err = COA_EIO;
        _exit(err ? 1 : 0);
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        return COA_EIO;
    }
    char buf[65536];
    ssize_t n;
    int err = COA_OK;
    while ((n = read(fds[0], buf, sizeof buf)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 || fwrite(buf, 1, (size_t)n, out) != (size_t)n) {
            err = COA_EIO;
            break;
        }
    }
    close(fds[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!err && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
        err = COA_EGRAPH;
    return err;
}

/* JOB_EGO_PICTURE: the picture of /api/ego/ID.svg (.png). */
static int picture_job(serve_data_t *d, const layout_job_t *job, const uint32_t *authors, FILE *out)
{
    part_t p;
    int err = part_copy(d, d->view, authors, job->n_authors, job->flags, &p);
    if (err) {
        part_destroy(&p);
        return fail(out, 503, "cannot read the network's papers: %s", coa_strerror(err));
    }
    size_t nv = p.corpus.n_authors;
    int32_t *group = malloc((nv ? nv : 1) * sizeof *group);
    double modularity = NAN;
    err = group ? ego_build(&p, job->ego, job->radius, job->min_weight) : COA_ENOMEM;
    if (!err)
        err = ego_groups(&p.graph, group, &modularity);
    const coa_graph_t *g = &p.graph;
    char title[700], glabel[128], source[700];
    snprintf(title, sizeof title, "Coauthors of %s within %u hop%s", name_of(d, job->ego), job->radius,
             job->radius == 1 ? "" : "s");
    if (job->min_weight > 1) {
        size_t l = strlen(title);
        snprintf(title + l, sizeof title - l, ", pairs with at least %g joint papers", job->min_weight);
    }
    if (!err && (uint32_t)g->n_vertices < job->in_network) {
        size_t l = strlen(title);
        snprintf(title + l, sizeof title - l, " (the %lld most tied of %u)", (long long)g->n_vertices,
                 job->in_network);
    }
    if (modularity == modularity)
        snprintf(glabel, sizeof glabel, "community (Leiden, modularity %.2f)", modularity);
    else
        snprintf(glabel, sizeof glabel, "community (Leiden)");
    snprintf(source, sizeof source, "%s", d->what);
    coa_draw_options_t dopts;
    coa_draw_options_init(&dopts);
    dopts.group = group;
    dopts.group_label = glabel;
    dopts.title = title;
    dopts.source = source;
    dopts.seed = 1;
    if (!err) {
        igraph_integer_t focus = coa_graph_vertex_of(g, part_author(&p, job->ego));
        dopts.focus = focus >= 0 ? (uint32_t)focus : COA_NONE;
        err = draw_apart(out, job->png ? "png" : "svg", g, &dopts);
    }
    part_destroy(&p);
    free(group);
    if (err) {
        rewind(out);
        return fail(out, 503, "cannot draw the network: %s", coa_strerror(err));
    }
    return 200;
}

static int chains_job(serve_data_t *d, const layout_job_t *job, const uint32_t *authors, const uint32_t *path,
                      FILE *out);

/* A layout process's job (serve_job_fn). */
static int layout_job_run(void *ctx, const void *req, size_t len, FILE *out)
{
    serve_data_t *d = ctx;
    layout_job_t job;
    if (len < sizeof job)
        return fail(out, 503, "a layout job was cut short");
    memcpy(&job, req, sizeof job);
    if ((len - sizeof job) / sizeof(uint32_t) != (uint64_t)job.n_authors + job.n_path)
        return fail(out, 503, "a layout job was cut short");
    /* the request's memory is malloc's: aligned for the ids after the header */
    const uint32_t *authors = (const uint32_t *)(const void *)((const char *)req + sizeof job);
    for (uint32_t i = 0; i < job.n_authors; i++)
        if (authors[i] >= d->c->n_authors)
            return fail(out, 503, "a layout job names an author out of range");
    switch (job.kind) {
    case JOB_EGO:
        return ego_job(d, &job, authors, out);
    case JOB_EGO_PICTURE:
        return picture_job(d, &job, authors, out);
    case JOB_CHAINS:
        return chains_job(d, &job, authors, authors + job.n_authors, out);
    default:
        return fail(out, 503, "an unknown layout job");
    }
}

unsigned serve_data_layouts(const serve_data_t *d)
{
    return serve_workers_count(d->workers);
}

/* ---- /api/ego ---- */

int serve_q_ego(serve_data_t *d, serve_request_t *rq, const char *who, unsigned radius, double min_weight,
                FILE *out)
{
    layout_job_t job = {.kind = JOB_EGO, .flags = COA_EXTRACT_BARE, .radius = radius, .min_weight = min_weight};
    int status = resolve(d, who, "the author", &job.ego, out);
    if (status != 200 || ego_cache_get(d, job.ego, radius, min_weight, out))
        return status;
    uint32_t *near;
    if ((status = ego_near(d, job.ego, radius, min_weight, &near, &job.n_authors, &job.in_network, out)) != 200)
        return status;
    /* written aside first, to be kept in the cache */
    char *body = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&body, &len);
    if (!f) {
        free(near);
        return fail(out, 503, "out of memory");
    }
    status = layout_job(d, rq, &job, near, NULL, "lay out the network", f);
    free(near);
    if (fclose(f)) {
        free(body);
        return fail(out, 503, "out of memory");
    }
    if (status == 200)
        ego_cache_put(d, job.ego, radius, min_weight, body, len);
    fwrite(body, 1, len, out);
    free(body);
    return status;
}

int serve_q_ego_picture(serve_data_t *d, serve_request_t *rq, const char *who, unsigned radius, double min_weight,
                        const char *format, FILE *out)
{
    layout_job_t job = {.kind = JOB_EGO_PICTURE, .radius = radius, .min_weight = min_weight};
    job.png = !strcmp(format, "png");
    uint32_t *near;
    int status = resolve(d, who, "the author", &job.ego, out);
    if (status != 200 ||
        (status = ego_near(d, job.ego, radius, min_weight, &near, &job.n_authors, &job.in_network, out)) != 200)
        return status;
    /* every paper of the authors with its text, as draw copies them; a
     * network that was cut, only the papers they share: whole papers would
     * bring back the authors left out */
    job.flags = job.n_authors < job.in_network ? 0 : COA_EXTRACT_WHOLE;
    status = layout_job(d, rq, &job, near, NULL, "draw the network", out);
    free(near);
    return status;
}

/* ---- /api/path ---- */

/* The marks path prints after a hop ("[inferred, homonym?]"), as a list. */
static void marks_json(FILE *out, unsigned flags)
{
    int inferred = (flags & COA_EVIDENCE_INFERRED) != 0, homonym = (flags & COA_EVIDENCE_HOMONYM) != 0;
    fprintf(out, "[%s%s%s]", inferred ? "\"inferred\"" : "", inferred && homonym ? ", " : "",
            homonym ? "\"homonym?\"" : "");
}

/* The chains listed, with the evidence of every hop, as 'path --json'. */
static int chains_json(FILE *out, const serve_data_t *d, coa_view_t *view, const coa_chains_t *r)
{
    coa_hop_t hop;
    coa_hop_init(&hop);
    int err = COA_OK;
    fputs(", \"chains\": [", out);
    for (uint32_t i = 0; i < r->n_chains && !err; i++) {
        const uint32_t *chain = r->vertices + (size_t)i * (r->length + 1);
        fputs(i ? ",\n  {\"authors\": [" : "\n  {\"authors\": [", out);
        for (uint32_t k = 0; k <= r->length; k++) {
            fputs(k ? ", " : "", out);
            coa_json_string(out, name_of(d, chain[k]));
        }
        fputs("], \"ids\": [", out);
        for (uint32_t k = 0; k <= r->length; k++)
            fprintf(out, "%s%u", k ? ", " : "", chain[k]);
        fputs("],\n   \"hops\": [", out);
        for (uint32_t k = 0; k < r->length && !err; k++) {
            if ((err = coa_view_hop(view, chain[k], chain[k + 1], &hop)))
                break;
            fprintf(out, "%s{\"marks\": ", k ? ",\n     " : "\n     ");
            marks_json(out, hop.flags);
            fputs(", \"papers\": [", out);
            for (uint32_t j = 0; j < hop.n_papers; j++) {
                fputs(j ? ",\n       " : "\n       ", out);
                paper_json(out, d->c, hop.papers[j]);
                fprintf(out, ", \"inferred\": %s, \"homonym\": %s}",
                        (hop.paper_flags[j] & COA_EVIDENCE_INFERRED) ? "true" : "false",
                        (hop.paper_flags[j] & COA_EVIDENCE_HOMONYM) ? "true" : "false");
            }
            fputs("]}", out);
        }
        fputs("]}", out);
    }
    fputs("]", out);
    coa_hop_destroy(&hop);
    return err;
}

/* JOB_CHAINS: the network of the chains listed (their authors and every
 * coauthorship among them), laid out as draw would with the first chain
 * (path) highlighted, and that chain's authors as "path":
 * ",\n\"network\": {...}". */
static int chains_job(serve_data_t *d, const layout_job_t *job, const uint32_t *authors, const uint32_t *path,
                      FILE *out)
{
    part_t p;
    int err = part_copy(d, d->view, authors, job->n_authors, job->flags, &p);
    if (err) {
        part_destroy(&p);
        return fail(out, 503, "cannot read the chains' papers: %s", coa_strerror(err));
    }
    uint32_t *vertex = malloc((job->n_path ? job->n_path : 1) * sizeof *vertex);
    laid_t l;
    memset(&l, 0, sizeof l);
    coa_select_t sel;
    coa_select_init(&sel);
    if (!vertex)
        err = COA_ENOMEM;
    else if (!(err = coa_graph_build(&p.graph, &p.corpus, &sel)))
        p.have_graph = 1;
    for (uint32_t k = 0; !err && k < job->n_path; k++) {
        uint32_t a = part_author(&p, path[k]);
        igraph_integer_t v = a == COA_NONE ? -1 : coa_graph_vertex_of(&p.graph, a);
        if (v < 0)
            err = COA_EFORMAT;
        else
            vertex[k] = (uint32_t)v;
    }
    coa_draw_options_t dopts;
    coa_draw_options_init(&dopts);
    dopts.path = vertex;
    dopts.path_len = job->n_path;
    dopts.seed = 1;
    if (!err)
        err = laid_fill(d, &p, &dopts, 0, &l);
    part_destroy(&p);
    free(vertex);
    if (err) {
        laid_destroy(&l);
        return fail(out, 503, "cannot lay out the chains: %s", coa_strerror(err));
    }
    fputs(",\n\"network\": {", out);
    laid_json(out, d, &l);
    fputs(",\n\"path\": [", out);
    for (uint32_t k = 0; k < job->n_path; k++)
        fprintf(out, "%s%u", k ? ", " : "", path[k]);
    fputs("]}", out);
    laid_destroy(&l);
    return 200;
}

/* The chains' network, laid out by a layout process into net
 * (chains_job); 503 with the error in net when it could not be. */
static int chain_network_json(serve_data_t *d, serve_request_t *rq, FILE *net, const coa_chains_t *r)
{
    size_t n = (size_t)r->n_chains * (r->length + 1);
    uint32_t *authors = malloc((n ? n : 1) * sizeof *authors);
    if (!authors)
        return fail(net, 503, "out of memory");
    memcpy(authors, r->vertices, n * sizeof *authors);
    qsort(authors, n, sizeof *authors, cmp_u32);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (!u || authors[u - 1] != authors[i])
            authors[u++] = authors[i];
    layout_job_t job = {.kind = JOB_CHAINS, .flags = COA_EXTRACT_BARE, .n_authors = (uint32_t)u,
                        .n_path = r->length + 1};
    int status = layout_job(d, rq, &job, authors, r->vertices, "lay out the chains", net);
    free(authors);
    return status;
}

/* A chain query: its ends and the authors it avoids, resolved. */
typedef struct {
    uint32_t a, b, av[SERVE_MAX_AVOID];
    unsigned n_avoid, chains;
} path_query_t;

/* Resolves a chain query's authors: 200, or the error's status with its
 * answer in out. */
static int path_resolve(const serve_data_t *d, const char *from, const char *to, const char *const *avoid,
                        unsigned n_avoid, unsigned chains, path_query_t *q, FILE *out)
{
    int status;
    if ((status = resolve(d, from, "from", &q->a, out)) != 200 || (status = resolve(d, to, "to", &q->b, out)) != 200)
        return status;
    if (n_avoid > SERVE_MAX_AVOID)
        return fail(out, 400, "at most %d authors to avoid", SERVE_MAX_AVOID);
    for (unsigned i = 0; i < n_avoid; i++) {
        if ((status = resolve(d, avoid[i], "avoid", &q->av[i], out)) != 200)
            return status;
        if (q->av[i] == q->a || q->av[i] == q->b)
            return fail(out, 400, "'%s' is both an end of the chain and an author to avoid", name_of(d, q->av[i]));
    }
    if (chains < 1 || chains > SERVE_MAX_CHAINS)
        return fail(out, 400, "chains must be from 1 to %d", SERVE_MAX_CHAINS);
    q->n_avoid = n_avoid;
    q->chains = chains;
    return 200;
}

/* The search of a chain query, with a view, and what else the view is
 * needed for: the chains listed with the papers of every hop (chains_json)
 * into 'list' when it is not NULL, or else whether their network is drawn
 * (*draw; otherwise *omitted says why not). */
static int path_search(serve_data_t *d, serve_request_t *rq, const path_query_t *q, coa_chains_t *r,
                       double *search_ms, FILE *list, int *draw, const char **omitted, FILE *out)
{
    int status = chain_enter(d, rq, out);
    if (status != 200)
        return status;
    coa_view_t *view = view_take(d);
    if (!view) {
        chain_leave(d);
        return fail(out, 503, "out of memory");
    }
    double t0 = now_s();
    int err = coa_view_chains(view, q->a, q->b, q->chains, q->av, q->n_avoid, r);
    *search_ms = (now_s() - t0) * 1e3;
    chain_leave(d);
    if (err) {
        view_give(d, view);
        if (err == COA_EFORMAT && !d->built) /* read from a file, not built here */
            return fail(out, 503,
                        "cannot search for a chain: the index beside %s is damaged (a list of coauthors names no "
                        "author); 'coauthor import' writes it again",
                        d->what);
        return fail(out, 503, "cannot search for a chain: %s", coa_strerror(err));
    }
    if (list) {
        if (r->found && (err = chains_json(list, d, view, r))) {
            view_give(d, view);
            return fail(out, 503, "cannot list the chains: %s", coa_strerror(err));
        }
        view_give(d, view);
        return 200;
    }
    *draw = 0;
    *omitted = NULL;
    if (!r->found) {
        *omitted = "no chain";
    } else if ((size_t)r->n_chains * (r->length + 1) > SERVE_CHAIN_MAX_NODES) {
        *omitted = "too many authors to draw";
    } else if (now_s() > rq->deadline) {
        /* the search cannot be cut short: its layout is what is left
         * out, with why, rather than the whole answer */
        *omitted = "the chain search took the request's whole time budget";
        rq->cut_short = 1;
    } else {
        *draw = 1;
    }
    view_give(d, view);
    return 200;
}

/* The start of a chain query's answer: {"from", "to", "avoid" */
static void path_head(FILE *out, const serve_data_t *d, const path_query_t *q)
{
    fputs("{\"from\": ", out);
    author_json(out, d, q->a);
    fputs(", \"to\": ", out);
    author_json(out, d, q->b);
    fputs(", \"avoid\": [", out);
    for (unsigned i = 0; i < q->n_avoid; i++) {
        fputs(i ? ", " : "", out);
        author_json(out, d, q->av[i]);
    }
    fputs("]", out);
}

int serve_q_path(serve_data_t *d, serve_request_t *rq, const char *from, const char *to, const char *const *avoid,
                 unsigned n_avoid, unsigned chains, FILE *out)
{
    path_query_t q;
    int status = path_resolve(d, from, to, avoid, n_avoid, chains, &q, out);
    if (status != 200)
        return status;
    /* the chains' JSON is written aside: a failure answers 503 alone */
    char *list = NULL;
    size_t list_len = 0;
    FILE *listf = open_memstream(&list, &list_len);
    coa_chains_t r;
    coa_chains_init(&r);
    double search_ms = 0;
    if (!listf)
        return fail(out, 503, "out of memory");
    status = path_search(d, rq, &q, &r, &search_ms, listf, NULL, NULL, out);
    if (fclose(listf) && status == 200)
        status = fail(out, 503, "out of memory");
    if (status != 200) {
        free(list);
        coa_chains_destroy(&r);
        return status;
    }
    path_head(out, d, &q);
    fprintf(out, ", \"touched\": %llu, \"search_ms\": %.3f", (unsigned long long)r.touched, search_ms);
    if (!r.found) {
        uint32_t inside = r.exhausted_side ? q.b : q.a;
        fprintf(out, ", \"length\": null, \"total_chains\": 0, \"chains\": [], \"explanation\": ");
        char msg[800];
        snprintf(msg, sizeof msg, "no chain: the component of %s has %llu author%s and %s is not one of them%s",
                 name_of(d, inside), (unsigned long long)r.exhausted_size, r.exhausted_size == 1 ? "" : "s",
                 name_of(d, r.exhausted_side ? q.a : q.b), q.n_avoid ? " (with the authors avoided left out)" : "");
        coa_json_string(out, msg);
        fputs("}\n", out);
    } else {
        fprintf(out, ", \"length\": %u, \"total_chains\": %llu, \"total_saturated\": %s, \"shown\": %u", r.length,
                (unsigned long long)r.total_chains, r.total_saturated ? "true" : "false", r.n_chains);
        fwrite(list, 1, list_len, out);
        fputs("}\n", out);
    }
    free(list);
    coa_chains_destroy(&r);
    return 200;
}

int serve_q_path_network(serve_data_t *d, serve_request_t *rq, const char *from, const char *to,
                         const char *const *avoid, unsigned n_avoid, unsigned chains, FILE *out)
{
    path_query_t q;
    int status = path_resolve(d, from, to, avoid, n_avoid, chains, &q, out);
    if (status != 200)
        return status;
    coa_chains_t r;
    coa_chains_init(&r);
    double search_ms = 0;
    int draw = 0;
    const char *omitted = NULL;
    /* the network's JSON is written aside: it is the one part that may
     * answer 503 */
    char *net = NULL;
    size_t net_len = 0;
    FILE *netf = open_memstream(&net, &net_len);
    if (!netf)
        return fail(out, 503, "out of memory");
    status = path_search(d, rq, &q, &r, &search_ms, NULL, &draw, &omitted, out);
    if (status == 200 && draw && (status = chain_network_json(d, rq, netf, &r)) != 200) {
        fclose(netf);
        netf = NULL;
        fwrite(net, 1, net_len, out);
    }
    if (netf && fclose(netf) && status == 200)
        status = fail(out, 503, "out of memory");
    if (status == 200) {
        path_head(out, d, &q);
        if (r.found)
            fprintf(out, ", \"length\": %u, \"shown\": %u", r.length, r.n_chains);
        else
            fputs(", \"length\": null, \"shown\": 0", out);
        if (omitted) {
            fputs(", \"network\": null, \"network_omitted\": ", out);
            coa_json_string(out, omitted);
        } else {
            fwrite(net, 1, net_len, out);
        }
        fputs("}\n", out);
    }
    free(net);
    coa_chains_destroy(&r);
    return status;
}

/* ---- /api/stats ---- */

int serve_q_stats(serve_data_t *d, FILE *out)
{
    const coa_corpus_t *c = d->c;
    pthread_mutex_lock(&d->stats_lock);
    int ymin = d->year_min, ymax = d->year_max;
    pthread_mutex_unlock(&d->stats_lock);
    fputs("{\"inputs\": ", out);
    coa_json_string(out, d->what);
    fprintf(out, ", \"papers_read\": %u, \"authors\": %u, \"coauthor_edges\": %llu, \"papers_over_max_authors\": %u",
            c->n_papers, d->authors, (unsigned long long)d->edges, coa_store_index_skipped(d->ix));
    if (ymin)
        fprintf(out, ", \"first_year\": %d, \"last_year\": %d", ymin, ymax);
    fputs(", \"sources\": [", out);
    for (uint32_t s = 0; s < c->n_sources && s < 100; s++) {
        fputs(s ? ", {\"path\": " : "{\"path\": ", out);
        const char *path = coa_corpus_str(c, c->sources[s].path), *base = strrchr(path, '/');
        coa_json_string(out, base ? base + 1 : path);
        fputs(", \"format\": ", out);
        coa_json_string(out, coa_corpus_str(c, c->sources[s].format));
        fprintf(out, ", \"records\": %u}", c->sources[s].records);
    }
    fputs("]", out);
    pthread_mutex_lock(&d->stats_lock);
    if (d->stats_state == 1) {
        const coa_stats_t *st = &d->stats;
        fprintf(out,
                ",\n\"network\": {\"papers\": %u, \"authors\": %u, \"authorships\": %u, \"coauthor_edges\": %lld, "
                "\"components\": %lld, \"largest_component_authors\": %lld, \"largest_component_edges\": %lld, "
                "\"isolated_authors\": %lld, \"mean_coauthors_per_author\": %.4f, \"average_clustering\": %.4f, "
                "\"transitivity\": %.4f, \"diameter\": %lld, \"mean_distance\": %.4f, \"estimated\": %s, "
                "\"seconds\": %.2f}",
                st->papers, st->authors, st->authorships, (long long)st->coauthor_edges, (long long)st->components,
                (long long)st->largest_component_authors, (long long)st->largest_component_edges,
                (long long)st->isolated_authors, st->mean_coauthors_per_author, st->average_clustering,
                st->transitivity, (long long)st->diameter, st->mean_distance,
                st->distances_sampled || st->clustering_sampled ? "true" : "false", d->stats_seconds);
    } else {
        fprintf(out, ",\n\"network\": null, \"network_status\": \"%s\"",
                d->stats_state == 0 ? "computing" : "failed");
    }
    pthread_mutex_unlock(&d->stats_lock);
    fputs("}\n", out);
    return 200;
}
