/* The answers of coauthor serve (query.h), on the library's loader and
 * graph view.
 *
 * The inputs are loaded once by coa_load: a database with its index beside
 * it opens the index (mapped: the server starts at once even on DBLP);
 * anything else is read, and an index is built for it in memory, so every
 * input is served the same way.  Chains and ego networks are searches of a
 * coa_view_t over that index (as 'path' and 'draw --ego' search it); a
 * question that needs a graph (an author's coauthor table, the communities
 * and Graphviz layout of a network) copies out the small part of the
 * corpus it needs and builds the coauthor graph of that part, as the
 * commands do: coa_coauthors_init as 'rank --author', communities and the
 * layout as 'draw'.
 *
 * A view is not thread-safe, so each question takes one of a pool of views
 * over the one index.  igraph (Debian builds it without thread-local
 * storage) and Graphviz keep global state, so the graph part of a question
 * runs under one lock; looking names up, the searches and the copying run
 * in parallel. */
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
#include "coauthor/stats.h"
#include "coauthor/store.h"
#include "coauthor/view.h"
#include "coauthor/write.h"
#include "serve/query.h"
#include "serve/search.h"
#include "write/dot.h"

#define POOL_SIZE 4

struct serve_data {
    coa_loaded_t *loaded;        /* what coa_load read, or the index it opened */
    coa_corpus_t owned;          /* the corpus read from files, when there is one */
    int have_owned;
    coa_store_index_t *built;    /* the index built in memory for it */
    const coa_store_index_t *ix; /* the index every question starts from */
    const coa_corpus_t *c;       /* the whole corpus, through ix */
    coa_view_t *pool[POOL_SIZE]; /* views of ix, one per question at a time */
    int busy[POOL_SIZE];
    unsigned n_pool;
    pthread_mutex_t pool_lock;
    pthread_cond_t pool_free;
    pthread_mutex_t graph_lock;  /* igraph and Graphviz */
    GVC_t *gvc;
    uint32_t *papers;            /* per author: papers in the default selection */
    serve_search_t *search;      /* built in the background: NULL until then */
    pthread_t search_thread;
    int search_started, search_failed, quiet;
    pthread_mutex_t search_lock;
    pthread_cond_t search_ready;
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
    char id[512];
    coa_paper_identifier(c, p, id, sizeof id);
    fputs("{\"title\": ", out);
    coa_json_string(out, coa_corpus_str(c, pp->title));
    if (pp->year)
        fprintf(out, ", \"year\": %d", pp->year);
    else
        fputs(", \"year\": null", out);
    fputs(", \"id\": ", out);
    coa_json_string(out, id);
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

static void *stats_main(void *arg)
{
    serve_data_t *d = arg;
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
 * fraction of one); a search asked for before waits for it. */
static void *search_main(void *arg)
{
    serve_data_t *d = arg;
    double t0 = now_s();
    serve_search_t *s = NULL;
    int err = serve_search_new(d->c, d->papers, &s);
    pthread_mutex_lock(&d->search_lock);
    d->search = s;
    d->search_failed = err != 0;
    d->search_seconds = now_s() - t0;
    pthread_cond_broadcast(&d->search_ready);
    pthread_mutex_unlock(&d->search_lock);
    if (!d->quiet)
        fprintf(stderr, err ? "coauthor serve: cannot index the names: out of memory\n"
                            : "coauthor serve: names indexed for the search in %.2f s\n",
                d->search_seconds);
    return NULL;
}

/* The search, once built: waits for it at most SERVE_SEARCH_WAIT seconds. */
static const serve_search_t *search_wait(serve_data_t *d)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += SERVE_SEARCH_WAIT;
    pthread_mutex_lock(&d->search_lock);
    while (!d->search && !d->search_failed)
        if (pthread_cond_timedwait(&d->search_ready, &d->search_lock, &until))
            break;
    const serve_search_t *s = d->search;
    pthread_mutex_unlock(&d->search_lock);
    return s;
}

serve_data_t *serve_data_open(const coa_serve_options_t *o, char *err, size_t errlen)
{
    serve_data_t *d = calloc(1, sizeof *d);
    if (!d) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    pthread_mutex_init(&d->pool_lock, NULL);
    pthread_cond_init(&d->pool_free, NULL);
    pthread_mutex_init(&d->graph_lock, NULL);
    pthread_mutex_init(&d->stats_lock, NULL);
    pthread_mutex_init(&d->search_lock, NULL);
    pthread_cond_init(&d->search_ready, NULL);
    double t0 = now_s();
    if (load(d, o, err, errlen))
        goto fail;
    for (unsigned i = 0; i < POOL_SIZE; i++)
        if (coa_view_new_index(d->ix, &d->pool[i])) {
            snprintf(err, errlen, "out of memory");
            goto fail;
        }
    d->n_pool = POOL_SIZE;
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
    if (pthread_create(&d->search_thread, NULL, search_main, d) == 0)
        d->search_started = 1;
    else
        search_main(d);
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
    if (pthread_create(&d->stats_thread, NULL, stats_main, d) == 0)
        d->stats_started = 1;
    return d;
fail:
    serve_data_close(d);
    return NULL;
}

void serve_data_close(serve_data_t *d)
{
    if (!d)
        return;
    if (d->stats_started)
        pthread_join(d->stats_thread, NULL);
    if (d->search_started)
        pthread_join(d->search_thread, NULL);
    if (d->gvc)
        gvFreeContext(d->gvc);
    serve_search_free(d->search);
    free(d->papers);
    free(d->merge_start);
    free(d->merge_list);
    for (unsigned i = 0; i < POOL_SIZE; i++)
        coa_view_free(d->pool[i]);
    coa_store_index_close(d->built);
    if (d->have_owned)
        coa_corpus_destroy(&d->owned);
    coa_loaded_free(d->loaded);
    pthread_mutex_destroy(&d->pool_lock);
    pthread_cond_destroy(&d->pool_free);
    pthread_mutex_destroy(&d->graph_lock);
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

static coa_view_t *pool_take(serve_data_t *d, unsigned *slot)
{
    pthread_mutex_lock(&d->pool_lock);
    for (;;) {
        for (unsigned i = 0; i < d->n_pool; i++)
            if (!d->busy[i]) {
                d->busy[i] = 1;
                *slot = i;
                pthread_mutex_unlock(&d->pool_lock);
                return d->pool[i];
            }
        pthread_cond_wait(&d->pool_free, &d->pool_lock);
    }
}

static void pool_give(serve_data_t *d, unsigned slot)
{
    pthread_mutex_lock(&d->pool_lock);
    d->busy[slot] = 0;
    pthread_cond_signal(&d->pool_free);
    pthread_mutex_unlock(&d->pool_lock);
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

static int part_copy(const serve_data_t *d, coa_view_t *view, const uint32_t *authors, uint32_t n, int whole,
                     part_t *p)
{
    memset(p, 0, sizeof *p);
    if (coa_corpus_init(&p->corpus))
        return COA_ENOMEM;
    int err = coa_store_index_extract(d->ix, authors, n, whole, &p->corpus, NULL);
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
 * as Graphviz lays out the picture 'coauthor draw' makes. */
static int layout(serve_data_t *d, const coa_graph_t *g, const coa_draw_options_t *o, double *xy,
                  coa_engine_t *engine)
{
    coa_styled_t s;
    *engine = coa_engine_auto((uint32_t)g->n_vertices);
    int err = coa_styled_build(&s, g, o, *engine);
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
 * merged into it and why, and the papers flagged as possibly another
 * person's. */
static void identity_json(FILE *out, const serve_data_t *d, uint32_t a, const part_t *p)
{
    const coa_corpus_t *c = d->c;
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
    /* the author's papers flagged COA_AUTHORSHIP_POSSIBLE_HOMONYM */
    uint32_t flagged = 0, mine = part_author(p, a);
    for (uint32_t i = 0; mine != COA_NONE && i < p->corpus.n_authorships; i++)
        if (p->corpus.authorships[i].author == mine &&
            (p->corpus.authorships[i].flags & COA_AUTHORSHIP_POSSIBLE_HOMONYM))
            flagged++;
    fprintf(out, "], \"homonym_papers\": %u, \"homonyms_checked\": %s}", flagged, d->homonyms ? "true" : "false");
}

static void coauthor_row(FILE *out, const part_t *p, const coa_coauthor_t *it, uint32_t rank, int papers)
{
    const coa_graph_t *g = &p->graph;
    fprintf(out, "{\"rank\": %u, \"author\": ", rank);
    coa_json_string(out, coa_graph_vertex_name(g, it->vertex));
    fprintf(out, ", \"id\": %u, \"joint_papers\": %.0f, \"fractional\": %.10g, ", vertex_id(p, it->vertex),
            it->joint_papers, it->fractional);
    if (it->first_year)
        fprintf(out, "\"first_year\": %d, \"last_year\": %d", it->first_year, it->last_year);
    else
        fputs("\"first_year\": null, \"last_year\": null", out);
    fprintf(out, ", \"inferred\": %u", it->inferred);
    if (papers) {
        uint32_t *list = NULL, np = 0;
        if (!coa_edge_papers_by_year(g, it->edge, &list, &np)) {
            fputs(", \"papers\": [", out);
            for (uint32_t k = 0; k < np; k++) {
                fputs(k ? ",\n    " : "\n    ", out);
                paper_json(out, &p->corpus, list[k]);
                fputc('}', out);
            }
            fputc(']', out);
            free(list);
        }
    }
    fputc('}', out);
}

int serve_q_author(serve_data_t *d, const char *who, const char *with, unsigned top, FILE *out)
{
    uint32_t a, b = COA_NONE;
    int status = resolve(d, who, "the author", &a, out);
    if (status != 200)
        return status;
    if (with && (status = resolve(d, with, "with", &b, out)) != 200)
        return status;
    part_t p;
    unsigned slot;
    coa_view_t *view = pool_take(d, &slot);
    int err = part_copy(d, view, &a, 1, 1, &p);
    pool_give(d, slot);
    if (err) {
        part_destroy(&p);
        return fail(out, 503, "cannot read the author's papers: %s", coa_strerror(err));
    }
    coa_coauthors_t list;
    memset(&list, 0, sizeof list);
    pthread_mutex_lock(&d->graph_lock);
    coa_select_t sel;
    coa_select_init(&sel);
    if (!(err = coa_graph_build(&p.graph, &p.corpus, &sel))) {
        p.have_graph = 1;
        err = coa_coauthors_init(&list, &p.graph, part_author(&p, a), COA_COAUTHORS_BY_JOINT);
    }
    if (err) {
        pthread_mutex_unlock(&d->graph_lock);
        part_destroy(&p);
        return fail(out, 503, "cannot list the coauthors: %s", coa_strerror(err));
    }
    fprintf(out, "{\"id\": %u, \"author\": ", a);
    coa_json_string(out, name_of(d, a));
    fprintf(out, ", \"papers\": %u, \"papers_in_corpus\": %u, \"order\": \"joint_papers\", \"coauthors\": %u, ",
            d->papers[a], d->c->authors[a].n_papers, list.n);
    identity_json(out, d, a, &p);
    if (b != COA_NONE) {
        /* the joint papers of one pair */
        fputs(", \"with\": ", out);
        author_json(out, d, b);
        fputs(", \"rows\": [", out);
        for (uint32_t i = 0; i < list.n; i++)
            if (vertex_id(&p, list.items[i].vertex) == b) {
                coauthor_row(out, &p, &list.items[i], i + 1, 1);
                break;
            }
        fputs("]}\n", out);
    } else {
        uint32_t shown = list.n < top ? list.n : top;
        fprintf(out, ", \"shown\": %u, \"rows\": [", shown);
        for (uint32_t i = 0; i < shown; i++) {
            fputs(i ? ",\n  " : "\n  ", out);
            coauthor_row(out, &p, &list.items[i], i + 1, 0);
        }
        fputs(shown ? "\n]}\n" : "]}\n", out);
    }
    coa_coauthors_destroy(&list);
    pthread_mutex_unlock(&d->graph_lock);
    part_destroy(&p);
    return 200;
}

/* ---- /api/ego ---- */

/* The ego network as 'coauthor draw --ego NAME --radius R --min-weight W'
 * builds it, in p->graph; the caller holds the graph lock when it returns
 * 200.  With whole, from every paper of its authors, as draw does (the
 * pictures); without, from the papers they share, each with only them:
 * the same authors, coauthorships and joint papers, copied in a fraction
 * of the time (on the 7M-paper corpus an ego of 500 authors took 3 s to
 * copy whole), but each author's papers in the copy are only those shared
 * there, so sizes come from d->papers, and an edge's fractional weight
 * would be wrong (the JSON leaves it out). */
static int ego_graph(serve_data_t *d, const char *who, unsigned radius, double min_weight, int whole, part_t *p,
                     uint32_t *ego, FILE *out)
{
    memset(p, 0, sizeof *p);
    int status = resolve(d, who, "the author", ego, out);
    if (status != 200)
        return status;
    if (radius < 1 || radius > SERVE_MAX_RADIUS)
        return fail(out, 400, "radius must be 1 or 2");
    uint32_t *near = NULL, n = 0;
    unsigned slot;
    coa_view_t *view = pool_take(d, &slot);
    int err = coa_view_ego(view, *ego, radius, min_weight, &near, &n);
    if (!err && n > SERVE_EGO_MAX_NODES) {
        pool_give(d, slot);
        free(near);
        return fail(out, 400,
                    "the network of '%s' within %u hops has %u authors (at most %d are drawn): raise min_weight "
                    "or use radius 1",
                    name_of(d, *ego), radius, n, SERVE_EGO_MAX_NODES);
    }
    if (!err)
        err = part_copy(d, view, near, n, whole, p);
    pool_give(d, slot);
    free(near);
    if (err) {
        part_destroy(p);
        return fail(out, 503, "cannot read the network's papers: %s", coa_strerror(err));
    }
    coa_select_t sel;
    coa_select_init(&sel);
    sel.ego = part_author(p, *ego);
    sel.radius = radius;
    sel.min_weight = min_weight;
    pthread_mutex_lock(&d->graph_lock);
    if ((err = coa_graph_build(&p->graph, &p->corpus, &sel))) {
        pthread_mutex_unlock(&d->graph_lock);
        part_destroy(p);
        return fail(out, 503, "cannot build the network: %s", coa_strerror(err));
    }
    p->have_graph = 1;
    if (p->graph.n_vertices > SERVE_EGO_MAX_NODES) {
        igraph_integer_t nv = p->graph.n_vertices;
        pthread_mutex_unlock(&d->graph_lock);
        part_destroy(p);
        return fail(out, 400,
                    "the network of '%s' within %u hops has %lld authors (at most %d are drawn): raise min_weight "
                    "or use radius 1",
                    name_of(d, *ego), radius, (long long)nv, SERVE_EGO_MAX_NODES);
    }
    return 200;
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

int serve_q_ego(serve_data_t *d, const char *who, unsigned radius, double min_weight, FILE *out)
{
    part_t p;
    uint32_t ego;
    int status = ego_graph(d, who, radius, min_weight, 0, &p, &ego, out);
    if (status != 200)
        return status;
    const coa_graph_t *g = &p.graph;
    igraph_integer_t nv = g->n_vertices, ne = igraph_ecount(&g->graph);
    int32_t *group = malloc((size_t)(nv ? nv : 1) * sizeof *group);
    double *xy = malloc((size_t)(nv ? nv : 1) * 2 * sizeof *xy), modularity = NAN;
    double *size = malloc((size_t)(nv ? nv : 1) * sizeof *size);
    coa_engine_t engine = COA_ENGINE_AUTO;
    int err = group && xy && size ? ego_groups(g, group, &modularity) : COA_ENOMEM;
    for (igraph_integer_t v = 0; !err && v < nv; v++)
        size[v] = d->papers[vertex_id(&p, v)];
    coa_draw_options_t dopts;
    coa_draw_options_init(&dopts);
    dopts.size = size;
    dopts.group = group;
    dopts.seed = 1;
    igraph_integer_t focus = coa_graph_vertex_of(g, part_author(&p, ego));
    dopts.focus = focus >= 0 ? (uint32_t)focus : COA_NONE;
    if (!err)
        err = layout(d, g, &dopts, xy, &engine);
    if (err) {
        status = fail(out, 503, "cannot lay out the network: %s", coa_strerror(err));
        goto cleanup;
    }
    fprintf(out, "{\"ego\": %u, \"name\": ", ego);
    coa_json_string(out, name_of(d, ego));
    fprintf(out, ", \"radius\": %u, \"min_weight\": %g, \"authors\": %lld, \"links\": %lld, \"engine\": \"%s\"",
            radius, min_weight, (long long)nv, (long long)ne, coa_engine_name(engine));
    if (modularity == modularity)
        fprintf(out, ", \"modularity\": %.4f", modularity);
    fputs(", \"nodes\": [", out);
    for (igraph_integer_t v = 0; v < nv; v++) {
        uint32_t id = vertex_id(&p, v);
        fprintf(out, "%s{\"id\": %u, \"name\": ", v ? ",\n  " : "\n  ", id);
        coa_json_string(out, coa_graph_vertex_name(g, v));
        fprintf(out, ", \"papers\": %u, \"community\": %d, \"x\": %.1f, \"y\": %.1f}", d->papers[vertex_id(&p, v)],
                group[v], xy[2 * v], xy[2 * v + 1]);
    }
    fputs("],\n\"edges\": [", out);
    for (igraph_integer_t e = 0; e < ne; e++) {
        igraph_integer_t from = IGRAPH_FROM(&g->graph, e), to = IGRAPH_TO(&g->graph, e);
        fprintf(out, "%s{\"source\": %u, \"target\": %u, \"joint_papers\": %.0f}", e ? ",\n  " : "\n  ",
                vertex_id(&p, from), vertex_id(&p, to), VECTOR(g->joint_papers)[e]);
    }
    fputs("]}\n", out);
cleanup:
    pthread_mutex_unlock(&d->graph_lock);
    free(group);
    free(xy);
    free(size);
    part_destroy(&p);
    return status;
}

/* coa_draw in a child process, its picture read back through a pipe.
 * Graphviz 2.43's text layout keeps a pointer to the last font name it
 * measured, which coa_draw's own Graphviz context frees when it is done:
 * the next picture in the same process compared a freed string (found by
 * AddressSanitizer on the second picture).  A child's Graphviz state ends
 * with it, and an alarm bounds a layout that runs away. */
static int draw_apart(FILE *out, const char *format, const coa_graph_t *g, const coa_draw_options_t *dopts)
{
    int fds[2];
    if (pipe(fds))
        return COA_EIO;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return COA_EIO;
    }
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

int serve_q_ego_picture(serve_data_t *d, const char *who, unsigned radius, double min_weight, const char *format,
                        FILE *out)
{
    /* an error is JSON, and so written aside: 'out' takes the picture */
    char *ebuf = NULL;
    size_t elen = 0;
    FILE *eout = open_memstream(&ebuf, &elen);
    if (!eout)
        return fail(out, 503, "out of memory");
    part_t p;
    uint32_t ego;
    int status = ego_graph(d, who, radius, min_weight, 1, &p, &ego, eout);
    fclose(eout);
    if (status != 200) {
        fputs(ebuf, out);
        free(ebuf);
        return status;
    }
    free(ebuf);
    const coa_graph_t *g = &p.graph;
    igraph_integer_t nv = g->n_vertices;
    int32_t *group = malloc((size_t)(nv ? nv : 1) * sizeof *group);
    double modularity = NAN;
    int err = group ? ego_groups(g, group, &modularity) : COA_ENOMEM;
    char title[600], glabel[128], source[700];
    snprintf(title, sizeof title, "Coauthors of %s within %u hop%s", name_of(d, ego), radius, radius == 1 ? "" : "s");
    if (min_weight > 1) {
        size_t l = strlen(title);
        snprintf(title + l, sizeof title - l, ", pairs with at least %g joint papers", min_weight);
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
    igraph_integer_t focus = coa_graph_vertex_of(g, part_author(&p, ego));
    dopts.focus = focus >= 0 ? (uint32_t)focus : COA_NONE;
    if (!err)
        err = draw_apart(out, format, g, &dopts);
    pthread_mutex_unlock(&d->graph_lock);
    free(group);
    part_destroy(&p);
    if (err) {
        rewind(out);
        return fail(out, 503, "cannot draw the network: %s", coa_strerror(err));
    }
    return 200;
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

/* The network of the chains listed (their authors and every coauthorship
 * among them), laid out as draw would, with the first chain highlighted. */
static int chain_network_json(serve_data_t *d, coa_view_t *view, FILE *out, const coa_chains_t *r)
{
    size_t n = (size_t)r->n_chains * (r->length + 1);
    uint32_t *authors = malloc((n ? n : 1) * sizeof *authors);
    if (!authors)
        return COA_ENOMEM;
    memcpy(authors, r->vertices, n * sizeof *authors);
    qsort(authors, n, sizeof *authors, cmp_u32);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (!u || authors[u - 1] != authors[i])
            authors[u++] = authors[i];
    part_t p;
    int err = part_copy(d, view, authors, (uint32_t)u, 0, &p);
    free(authors);
    double *xy = NULL;
    uint32_t *path = NULL;
    pthread_mutex_lock(&d->graph_lock);
    coa_select_t sel;
    coa_select_init(&sel);
    if (!err && !(err = coa_graph_build(&p.graph, &p.corpus, &sel)))
        p.have_graph = 1;
    const coa_graph_t *g = &p.graph;
    igraph_integer_t nv = p.have_graph ? g->n_vertices : 0, ne = p.have_graph ? igraph_ecount(&g->graph) : 0;
    if (!err && (!(xy = malloc((size_t)(nv ? nv : 1) * 2 * sizeof *xy)) ||
                 !(path = malloc((r->length + 1) * sizeof *path))))
        err = COA_ENOMEM;
    for (uint32_t k = 0; !err && k <= r->length; k++) {
        igraph_integer_t v = coa_graph_vertex_of(g, part_author(&p, r->vertices[k]));
        if (v < 0)
            err = COA_EFORMAT;
        else
            path[k] = (uint32_t)v;
    }
    coa_draw_options_t dopts;
    coa_draw_options_init(&dopts);
    dopts.path = path;
    dopts.path_len = r->length + 1;
    dopts.seed = 1;
    coa_engine_t engine;
    if (!err)
        err = layout(d, g, &dopts, xy, &engine);
    if (!err) {
        fputs(",\n\"network\": {\"nodes\": [", out);
        for (igraph_integer_t v = 0; v < nv; v++) {
            fprintf(out, "%s{\"id\": %u, \"name\": ", v ? ",\n  " : "\n  ", vertex_id(&p, v));
            coa_json_string(out, coa_graph_vertex_name(g, v));
            fprintf(out, ", \"papers\": %u, \"x\": %.1f, \"y\": %.1f}", d->papers[vertex_id(&p, v)], xy[2 * v],
                    xy[2 * v + 1]);
        }
        fputs("],\n\"edges\": [", out);
        for (igraph_integer_t e = 0; e < ne; e++)
            fprintf(out, "%s{\"source\": %u, \"target\": %u, \"joint_papers\": %.0f}", e ? ",\n  " : "\n  ",
                    vertex_id(&p, IGRAPH_FROM(&g->graph, e)), vertex_id(&p, IGRAPH_TO(&g->graph, e)),
                    VECTOR(g->joint_papers)[e]);
        fputs("]}", out);
    }
    pthread_mutex_unlock(&d->graph_lock);
    free(xy);
    free(path);
    part_destroy(&p);
    return err;
}

int serve_q_path(serve_data_t *d, const char *from, const char *to, const char *const *avoid, unsigned n_avoid,
                 unsigned chains, FILE *out)
{
    uint32_t a, b, av[SERVE_MAX_AVOID];
    int status;
    if ((status = resolve(d, from, "from", &a, out)) != 200 || (status = resolve(d, to, "to", &b, out)) != 200)
        return status;
    if (n_avoid > SERVE_MAX_AVOID)
        return fail(out, 400, "at most %d authors to avoid", SERVE_MAX_AVOID);
    for (unsigned i = 0; i < n_avoid; i++) {
        if ((status = resolve(d, avoid[i], "avoid", &av[i], out)) != 200)
            return status;
        if (av[i] == a || av[i] == b)
            return fail(out, 400, "'%s' is both an end of the chain and an author to avoid", name_of(d, av[i]));
    }
    if (chains < 1 || chains > SERVE_MAX_CHAINS)
        return fail(out, 400, "chains must be from 1 to %d", SERVE_MAX_CHAINS);
    coa_chains_t r;
    coa_chains_init(&r);
    unsigned slot;
    coa_view_t *view = pool_take(d, &slot);
    double t0 = now_s();
    int err = coa_view_chains(view, a, b, chains, av, n_avoid, &r);
    double search_ms = (now_s() - t0) * 1e3;
    if (err) {
        pool_give(d, slot);
        coa_chains_destroy(&r);
        return fail(out, 503, "cannot search for a chain: %s", coa_strerror(err));
    }
    fputs("{\"from\": ", out);
    author_json(out, d, a);
    fputs(", \"to\": ", out);
    author_json(out, d, b);
    fputs(", \"avoid\": [", out);
    for (unsigned i = 0; i < n_avoid; i++) {
        fputs(i ? ", " : "", out);
        author_json(out, d, av[i]);
    }
    fprintf(out, "], \"touched\": %llu, \"search_ms\": %.3f", (unsigned long long)r.touched, search_ms);
    if (!r.found) {
        uint32_t inside = r.exhausted_side ? b : a;
        fprintf(out, ", \"length\": null, \"total_chains\": 0, \"chains\": [], \"network\": null, \"explanation\": ");
        char msg[800];
        snprintf(msg, sizeof msg, "no chain: the component of %s has %llu author%s and %s is not one of them%s",
                 name_of(d, inside), (unsigned long long)r.exhausted_size, r.exhausted_size == 1 ? "" : "s",
                 name_of(d, r.exhausted_side ? a : b), n_avoid ? " (with the authors avoided left out)" : "");
        coa_json_string(out, msg);
        fputs("}\n", out);
    } else {
        fprintf(out, ", \"length\": %u, \"total_chains\": %llu, \"total_saturated\": %s, \"shown\": %u", r.length,
                (unsigned long long)r.total_chains, r.total_saturated ? "true" : "false", r.n_chains);
        if (!(err = chains_json(out, d, view, &r))) {
            if ((size_t)r.n_chains * (r.length + 1) <= SERVE_CHAIN_MAX_NODES)
                err = chain_network_json(d, view, out, &r);
            else
                fputs(", \"network\": null", out);
        }
        fputs("}\n", out);
    }
    pool_give(d, slot);
    coa_chains_destroy(&r);
    if (err) {
        rewind(out);
        return fail(out, 503, "cannot list the chains: %s", coa_strerror(err));
    }
    return 200;
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
