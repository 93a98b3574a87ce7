/* Centrality measures of a coauthor graph, with the weights each needs. */
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coauthor/rank.h"
#include "corpus/internal.h"

static const struct {
    const char *name;
    const char *weight;
} measures[COA_MEASURE_COUNT] = {
    [COA_MEASURE_PAPERS] = {"papers", "papers in the selection (unweighted)"},
    [COA_MEASURE_DEGREE] = {"degree", "distinct coauthors (unweighted)"},
    [COA_MEASURE_STRENGTH] = {"strength", "sum of joint papers over the coauthors"},
    [COA_MEASURE_BETWEENNESS] = {"betweenness", "shortest paths with edge length 1/joint_papers"},
    [COA_MEASURE_CLOSENESS] = {"closeness", "distances with edge length 1/joint_papers, within the component"},
    [COA_MEASURE_HARMONIC] = {"harmonic", "mean inverse distance, edge length 1/joint_papers"},
    [COA_MEASURE_PAGERANK] = {"pagerank", "edge weight joint_papers, damping 0.85"},
    [COA_MEASURE_EIGENVECTOR] = {"eigenvector", "edge weight joint_papers, per component"},
    [COA_MEASURE_CORENESS] = {"coreness", "k-core number (unweighted)"},
};

const char *coa_measure_name(coa_measure_t m)
{
    return (unsigned)m < COA_MEASURE_COUNT ? measures[m].name : NULL;
}

const char *coa_measure_weight(coa_measure_t m)
{
    return (unsigned)m < COA_MEASURE_COUNT ? measures[m].weight : NULL;
}

int coa_measure_parse(const char *name, coa_measure_t *m)
{
    for (int i = 0; i < COA_MEASURE_COUNT; i++) {
        if (strcmp(name, measures[i].name) == 0) {
            *m = (coa_measure_t)i;
            return COA_OK;
        }
    }
    return COA_EINVAL;
}

void coa_rank_options_init(coa_rank_options_t *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->exact_limit = COA_RANK_BETWEENNESS_EXACT_LIMIT;
    opt->sample = COA_RANK_BETWEENNESS_SAMPLE;
    opt->seed = 1;
    opt->damping = COA_RANK_PAGERANK_DAMPING;
}

/* Edge lengths 1/joint_papers for the distance-based measures.  When every
 * edge has one joint paper (always so for edge-list sources) lengths are
 * left out: igraph then runs breadth-first searches, which give the same
 * distances faster. */
static int unit_lengths(const coa_graph_t *g)
{
    igraph_integer_t m = igraph_ecount(&g->graph);
    for (igraph_integer_t e = 0; e < m; e++)
        if (VECTOR(g->joint_papers)[e] != 1)
            return 0;
    return 1;
}

static int edge_lengths(const coa_graph_t *g, igraph_vector_t *lengths, int *unit)
{
    igraph_integer_t m = igraph_ecount(&g->graph);
    *unit = unit_lengths(g);
    if (*unit)
        return COA_OK;
    if (igraph_vector_init(lengths, m))
        return COA_ENOMEM;
    for (igraph_integer_t e = 0; e < m; e++)
        VECTOR(*lengths)[e] = 1.0 / VECTOR(g->joint_papers)[e];
    return COA_OK;
}

/* The sources of a sampled betweenness: a seeded partial Fisher-Yates
 * shuffle of all vertices, sorted so that the sum is taken in a fixed order. */
static int cmp_int(const void *a, const void *b)
{
    igraph_integer_t x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;
    return x < y ? -1 : x > y;
}

static int sample_sources(igraph_integer_t n, igraph_integer_t k, unsigned long seed, igraph_vector_int_t *out)
{
    igraph_rng_t rng;
    if (igraph_vector_int_init(out, n))
        return COA_ENOMEM;
    for (igraph_integer_t i = 0; i < n; i++)
        VECTOR(*out)[i] = i;
    if (igraph_rng_init(&rng, &igraph_rngtype_mt19937)) {
        igraph_vector_int_destroy(out);
        return COA_ENOMEM;
    }
    igraph_rng_seed(&rng, seed);
    for (igraph_integer_t i = 0; i < k; i++) {
        igraph_integer_t j = igraph_rng_get_integer(&rng, i, n - 1);
        igraph_integer_t t = VECTOR(*out)[i];
        VECTOR(*out)[i] = VECTOR(*out)[j];
        VECTOR(*out)[j] = t;
    }
    igraph_rng_destroy(&rng);
    if (igraph_vector_int_resize(out, k)) {
        igraph_vector_int_destroy(out);
        return COA_ENOMEM;
    }
    qsort(VECTOR(*out), (size_t)k, sizeof(igraph_integer_t), cmp_int);
    return COA_OK;
}

/* ---- betweenness from a set of sources (Brandes 2001) ----
 *
 * igraph_betweenness_subset gives the same numbers but spent about 0.45 s
 * per weighted source on a graph of 140k authors and 820k edges (measured
 * here): the time goes in cache misses on per-vertex arrays.  This version
 * renumbers the vertices in breadth-first order (so that neighbours sit
 * close in memory), keeps each vertex's distance, path count and
 * dependency in one struct and each arc's length beside its head.  Path
 * lengths are compared with igraph's tolerance (igraph_cmp_epsilon with
 * IGRAPH_SHORTEST_PATH_EPSILON), so ties such as 1/2 + 1/2 = 1 count as
 * equal exactly as igraph counts them. */

typedef struct {
    uint32_t head;
    double length;
} arc_t;

typedef struct {
    double sigma, delta;
} vstate_t;

typedef struct {
    double dist;
    uint32_t v;
} heap_item_t;

/* A binary min-heap with lazy deletion: stale entries are skipped. */
typedef struct {
    heap_item_t *items;
    size_t n, cap;
} heap_t;

static int heap_push(heap_t *h, double dist, uint32_t v)
{
    if (h->n == h->cap && coa_grow_array(&h->items, &h->cap, h->n + 1, sizeof *h->items, 1024))
        return COA_ENOMEM;
    size_t i = h->n++;
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (h->items[parent].dist <= dist)
            break;
        h->items[i] = h->items[parent];
        i = parent;
    }
    h->items[i].dist = dist;
    h->items[i].v = v;
    return COA_OK;
}

static heap_item_t heap_pop(heap_t *h)
{
    heap_item_t top = h->items[0], last = h->items[--h->n];
    size_t i = 0;
    for (;;) {
        size_t child = 2 * i + 1;
        if (child >= h->n)
            break;
        if (child + 1 < h->n && h->items[child + 1].dist < h->items[child].dist)
            child++;
        if (h->items[child].dist >= last.dist)
            break;
        h->items[i] = h->items[child];
        i = child;
    }
    if (h->n)
        h->items[i] = last;
    return top;
}

/* igraph_cmp_epsilon for the non-negative finite path lengths met here,
 * inlined: it runs once for every arc looked at. */
static inline int cmp_length(double a, double b)
{
    if (a == b)
        return 0;
    double diff = a - b;
    if (a == 0 || b == 0)
        return fabs(diff) < IGRAPH_SHORTEST_PATH_EPSILON * DBL_MIN ? 0 : (diff < 0 ? -1 : 1);
    return fabs(diff) / (a + b) < IGRAPH_SHORTEST_PATH_EPSILON ? 0 : (diff < 0 ? -1 : 1);
}

/* The graph in the form the searches read, shared by the workers. */
typedef struct {
    uint32_t n;
    uint64_t *offsets; /* arcs of u: arcs[offsets[u] .. offsets[u+1]) */
    arc_t *arcs;
    uint32_t *old_of;  /* new vertex number -> graph vertex */
    uint32_t *new_of;  /* graph vertex -> new vertex number */
    int hops;          /* every length is 1: breadth-first search */
} brandes_graph_t;

static void brandes_graph_destroy(brandes_graph_t *b)
{
    COA_FREE(b->offsets, b->arcs, b->old_of, b->new_of);
    memset(b, 0, sizeof *b);
}

static int brandes_graph_init(brandes_graph_t *b, const coa_graph_t *g)
{
    coa_adjacency_t adj;
    int err;
    memset(b, 0, sizeof *b);
    if ((err = coa_adjacency_init(&adj, &g->graph)))
        return err;
    uint32_t n = adj.n;
    igraph_integer_t m = igraph_ecount(&g->graph);
    b->n = n;
    b->offsets = malloc(((size_t)n + 1) * sizeof *b->offsets);
    b->arcs = malloc(((size_t)2 * m + 1) * sizeof *b->arcs);
    b->old_of = malloc(((size_t)n + 1) * sizeof *b->old_of);
    b->new_of = malloc(((size_t)n + 1) * sizeof *b->new_of);
    if (!b->offsets || !b->arcs || !b->old_of || !b->new_of) {
        coa_adjacency_destroy(&adj);
        brandes_graph_destroy(b);
        return COA_ENOMEM;
    }
    /* breadth-first numbering, one component after another */
    for (uint32_t v = 0; v < n; v++)
        b->new_of[v] = UINT32_MAX;
    uint32_t next = 0;
    for (uint32_t r = 0; r < n; r++) {
        if (b->new_of[r] != UINT32_MAX)
            continue;
        uint32_t head = next;
        b->new_of[r] = next;
        b->old_of[next++] = r;
        while (head < next) {
            uint32_t v = b->old_of[head++];
            for (uint64_t i = adj.offsets[v]; i < adj.offsets[v + 1]; i++) {
                uint32_t w = adj.neighbors[i];
                if (b->new_of[w] == UINT32_MAX) {
                    b->new_of[w] = next;
                    b->old_of[next++] = w;
                }
            }
        }
    }
    b->hops = 1;
    uint64_t k = 0;
    for (uint32_t u = 0; u < n; u++) {
        uint32_t v = b->old_of[u];
        b->offsets[u] = k;
        for (uint64_t i = adj.offsets[v]; i < adj.offsets[v + 1]; i++) {
            double joint = VECTOR(g->joint_papers)[adj.edge_ids[i]];
            b->arcs[k].head = b->new_of[adj.neighbors[i]];
            b->arcs[k].length = 1.0 / joint;
            if (joint != 1)
                b->hops = 0;
            k++;
        }
    }
    b->offsets[n] = k;
    coa_adjacency_destroy(&adj);
    return COA_OK;
}

/* One search's working memory; a thread has its own. */
typedef struct {
    const brandes_graph_t *g;
    double *dist;      /* read for every arc: kept apart, small enough to cache */
    vstate_t *state;   /* path counts and dependencies */
    uint32_t *order;   /* vertices in the order they were settled */
    heap_t heap;
} brandes_work_t;

static void brandes_work_destroy(brandes_work_t *w)
{
    COA_FREE(w->dist, w->state, w->order, w->heap.items);
    memset(w, 0, sizeof *w);
}

static int brandes_work_init(brandes_work_t *w, const brandes_graph_t *g)
{
    memset(w, 0, sizeof *w);
    w->g = g;
    w->dist = malloc(((size_t)g->n + 1) * sizeof *w->dist);
    w->state = calloc((size_t)g->n + 1, sizeof *w->state);
    w->order = malloc(((size_t)g->n + 1) * sizeof *w->order);
    if (!w->dist || !w->state || !w->order) {
        brandes_work_destroy(w);
        return COA_ENOMEM;
    }
    for (uint32_t u = 0; u < g->n; u++)
        w->dist[u] = INFINITY;
    return COA_OK;
}

/* Shortest paths from s: fills dist, sigma and the settling order;
 * returns the number of vertices reached (0 when out of memory). */
static uint32_t brandes_paths(brandes_work_t *b, uint32_t s)
{
    const uint64_t *offsets = b->g->offsets;
    const arc_t *arcs = b->g->arcs;
    vstate_t *st = b->state;
    double *dist = b->dist;
    uint32_t reached = 0;
    dist[s] = 0;
    st[s].sigma = 1;
    if (b->g->hops) {
        uint32_t head = 0;
        b->order[reached++] = s;
        while (head < reached) {
            uint32_t v = b->order[head++];
            double d = dist[v] + 1, sigma = st[v].sigma;
            for (uint64_t i = offsets[v]; i < offsets[v + 1]; i++) {
                uint32_t w = arcs[i].head;
                if (dist[w] == INFINITY) {
                    dist[w] = d;
                    b->order[reached++] = w;
                }
                if (dist[w] == d)
                    st[w].sigma += sigma;
            }
        }
        return reached;
    }
    b->heap.n = 0;
    if (heap_push(&b->heap, 0, s))
        return 0;
    while (b->heap.n) {
        heap_item_t top = heap_pop(&b->heap);
        uint32_t v = top.v;
        /* each (vertex, distance) is pushed once, on a strict decrease,
         * so the entry holding the final distance is the only live one */
        if (top.dist != dist[v])
            continue;
        b->order[reached++] = v;
        double dv = dist[v], sigma = st[v].sigma;
        for (uint64_t i = offsets[v]; i < offsets[v + 1]; i++) {
            uint32_t w = arcs[i].head;
            double alt = dv + arcs[i].length;
            /* a settled w has dist <= dv, so alt compares greater */
            int c = dist[w] == INFINITY ? -1 : cmp_length(alt, dist[w]);
            if (c < 0) {
                dist[w] = alt;
                st[w].sigma = sigma;
                if (heap_push(&b->heap, alt, w))
                    return 0;
            } else if (c == 0) {
                st[w].sigma += sigma;
            }
        }
    }
    return reached;
}

/* Adds the dependencies of every vertex on source s to acc (new
 * numbering), then resets the working memory for the next source.
 *
 * Plain (Brandes 2001): delta(v) = sum over successors w of
 * sigma(v)/sigma(w) (1 + delta(w)), the sum over targets t of the share
 * of shortest s-t paths through v.
 *
 * Linear scaling (Geisberger, Sanders and Schultes 2008): each target's
 * share is weighted by dist(s, v)/dist(s, t).  The recurrence keeps
 * deltahat(v) = sum over t of share / dist(s, t), that is sigma(v) times
 * the sum over successors w of (1/dist(w) + deltahat(w))/sigma(w), and
 * adds dist(v) deltahat(v).  Over all sources the weights of a pair from
 * its two ends add up to 1, so the sum is the exact betweenness; over a
 * sample, a vertex next to a sampled source no longer collects nearly
 * every path from it at full weight, which is what makes plain sampling
 * rank the neighbours of the sampled sources first. */
static int brandes_source(brandes_work_t *b, uint32_t s, int linear, double *acc)
{
    const uint64_t *offsets = b->g->offsets;
    const arc_t *arcs = b->g->arcs;
    vstate_t *st = b->state;
    double *dist = b->dist;
    int hops = b->g->hops;
    uint32_t reached = brandes_paths(b, s);
    if (!reached)
        return COA_ENOMEM;
    /* In reverse settling order every successor w of v (a neighbour with
     * dist[w] = dist[v] + length) already has its final delta. */
    for (uint32_t k = reached; k-- > 0;) {
        uint32_t v = b->order[k];
        double dv = dist[v], sum = 0;
        for (uint64_t i = offsets[v]; i < offsets[v + 1]; i++) {
            uint32_t w = arcs[i].head;
            if (dist[w] <= dv)
                continue;
            if (hops ? dist[w] == dv + 1 : cmp_length(dv + arcs[i].length, dist[w]) == 0)
                sum += ((linear ? 1 / dist[w] : 1) + st[w].delta) / st[w].sigma;
        }
        st[v].delta = st[v].sigma * sum;
        if (v != s)
            acc[v] += linear ? dv * st[v].delta : st[v].delta;
    }
    for (uint32_t k = 0; k < reached; k++) {
        dist[b->order[k]] = INFINITY;
        st[b->order[k]] = (vstate_t){0, 0};
    }
    return COA_OK;
}

/* The sources are cut into a fixed number of blocks whatever the number
 * of threads.  Each block is summed on its own, and the blocks are added
 * to the total strictly in order (a thread that finishes early waits for
 * its turn), so the result does not depend on the threads or their
 * timing, and memory stays at one array per thread. */
#define BRANDES_BLOCKS 16
#define BRANDES_MAX_THREADS 8

typedef struct {
    const brandes_graph_t *g;
    const uint32_t *sources; /* new numbering */
    int linear;
    uint32_t k;
    double *total;
    pthread_mutex_t lock;
    pthread_cond_t turn;
    uint32_t next_block, added_blocks;
    int err;
} brandes_job_t;

static void *brandes_worker(void *arg)
{
    brandes_job_t *job = arg;
    brandes_work_t w;
    uint32_t n = job->g->n;
    int err = brandes_work_init(&w, job->g);
    double *acc = err ? NULL : calloc((size_t)n + 1, sizeof *acc);
    if (!err && !acc)
        err = COA_ENOMEM;
    for (;;) {
        pthread_mutex_lock(&job->lock);
        if (err && !job->err) {
            job->err = err;
            pthread_cond_broadcast(&job->turn);
        }
        uint32_t block = job->err ? BRANDES_BLOCKS : job->next_block++;
        pthread_mutex_unlock(&job->lock);
        if (block >= BRANDES_BLOCKS)
            break;
        uint32_t from = (uint32_t)((uint64_t)job->k * block / BRANDES_BLOCKS);
        uint32_t to = (uint32_t)((uint64_t)job->k * (block + 1) / BRANDES_BLOCKS);
        for (uint32_t i = from; !err && i < to; i++)
            err = brandes_source(&w, job->sources[i], job->linear, acc);
        if (err)
            continue; /* reported at the top of the loop */
        pthread_mutex_lock(&job->lock);
        while (job->added_blocks != block && !job->err)
            pthread_cond_wait(&job->turn, &job->lock);
        if (!job->err) {
            for (uint32_t u = 0; u < n; u++)
                job->total[u] += acc[u];
            job->added_blocks++;
            pthread_cond_broadcast(&job->turn);
        }
        pthread_mutex_unlock(&job->lock);
        memset(acc, 0, (size_t)n * sizeof *acc);
    }
    free(acc);
    brandes_work_destroy(&w);
    return NULL;
}

static int online_cpus(void)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    return cpus < 1 ? 1 : cpus > BRANDES_MAX_THREADS ? BRANDES_MAX_THREADS : (int)cpus;
}

int coa_betweenness_sources(const coa_graph_t *g, const igraph_integer_t *sources, igraph_integer_t k,
                            coa_betweenness_scaling_t scaling, igraph_vector_t *scores)
{
    igraph_integer_t n = g->n_vertices;
    brandes_graph_t bg;
    brandes_job_t job;
    uint32_t *mapped = NULL;
    int err;
    if (igraph_vector_resize(scores, n))
        return COA_ENOMEM;
    igraph_vector_null(scores);
    for (igraph_integer_t i = 0; i < k; i++)
        if (sources[i] < 0 || sources[i] >= n)
            return COA_EINVAL;
    if (n == 0 || k == 0)
        return COA_OK;
    if ((err = brandes_graph_init(&bg, g)))
        return err;
    memset(&job, 0, sizeof job);
    job.g = &bg;
    job.k = (uint32_t)k;
    job.linear = scaling == COA_BETWEENNESS_LINEAR;
    mapped = malloc((size_t)k * sizeof *mapped);
    job.total = calloc((size_t)n, sizeof *job.total);
    if (!mapped || !job.total) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    for (igraph_integer_t i = 0; i < k; i++)
        mapped[i] = bg.new_of[sources[i]];
    job.sources = mapped;
    pthread_mutex_init(&job.lock, NULL);
    pthread_cond_init(&job.turn, NULL);
    pthread_t threads[BRANDES_MAX_THREADS];
    int nthreads = online_cpus(), started = 0;
    if (nthreads > k)
        nthreads = (int)k;
    for (int t = 1; t < nthreads; t++) {
        if (pthread_create(&threads[t], NULL, brandes_worker, &job))
            break; /* fewer threads: the same result, later */
        started = t;
    }
    brandes_worker(&job);
    for (int t = 1; t <= started; t++)
        pthread_join(threads[t], NULL);
    pthread_cond_destroy(&job.turn);
    pthread_mutex_destroy(&job.lock);
    if ((err = job.err))
        goto cleanup;
    /* plain: an unordered pair {s, t} is seen from both ends when both
     * are sources, so halve, as igraph does for undirected graphs; linear:
     * the two ends' weights already add up to 1 */
    for (igraph_integer_t v = 0; v < n; v++)
        VECTOR(*scores)[v] = (job.linear ? 1 : 0.5) * job.total[bg.new_of[v]];
cleanup:
    free(job.total);
    free(mapped);
    brandes_graph_destroy(&bg);
    return err;
}

/* Exact betweenness (every vertex a source) or, above the size limit,
 * the estimate of Brandes and Pich (2007) from k sources drawn uniformly,
 * with the linear scaling of Geisberger et al. (2008), scaled by n/k. */
static int betweenness(const coa_graph_t *g, const coa_rank_options_t *opt, igraph_vector_t *scores,
                       coa_centrality_info_t *info)
{
    igraph_integer_t n = g->n_vertices;
    igraph_vector_int_t sources;
    int err;
    info->unit_lengths = unit_lengths(g);
    if (opt->exact || n <= opt->exact_limit || opt->sample <= 0 || opt->sample >= n) {
        /* every vertex a source: the exact value, as igraph_betweenness
         * gives it (tests/unit/test_rank.c compares the two) */
        info->sources = n;
        igraph_integer_t *all = malloc(((size_t)n + 1) * sizeof *all);
        if (!all) {
            err = COA_ENOMEM;
        } else {
            for (igraph_integer_t v = 0; v < n; v++)
                all[v] = v;
            err = coa_betweenness_sources(g, all, n, COA_BETWEENNESS_PLAIN, scores);
            free(all);
        }
    } else {
        info->sampled = 1;
        info->sources = opt->sample;
        if (!(err = sample_sources(n, opt->sample, opt->seed, &sources))) {
            err = coa_betweenness_sources(g, VECTOR(sources), opt->sample, COA_BETWEENNESS_LINEAR, scores);
            if (!err)
                igraph_vector_scale(scores, (double)n / (double)opt->sample);
            igraph_vector_int_destroy(&sources);
        }
    }
    return err;
}

static int distance_measure(const coa_graph_t *g, coa_measure_t m, igraph_vector_t *scores,
                            coa_centrality_info_t *info)
{
    igraph_vector_t lengths;
    int unit, err;
    if ((err = edge_lengths(g, &lengths, &unit)))
        return err;
    info->unit_lengths = unit;
    const igraph_vector_t *w = unit ? NULL : &lengths;
    if (m == COA_MEASURE_CLOSENESS)
        err = coa_from_igraph(igraph_closeness(&g->graph, scores, NULL, NULL, igraph_vss_all(), IGRAPH_ALL, w, 1));
    else
        err = coa_from_igraph(igraph_harmonic_centrality(&g->graph, scores, igraph_vss_all(), IGRAPH_ALL, w, 1));
    if (!unit)
        igraph_vector_destroy(&lengths);
    return err;
}

/* Debian's igraph runs PRPACK's sums in OpenMP threads (libgomp), and a
 * parallel sum's order changes the last digits: on the ACL Anthology two
 * runs of 'rank --by pagerank --tsv' differed in the 15th digit.  One
 * thread for the call makes the scores the same bytes on every run; the
 * caller's thread count is restored after.  libgomp comes with igraph, so
 * its two functions are declared here rather than through -fopenmp. */
int omp_get_max_threads(void);
void omp_set_num_threads(int n);

static int pagerank(const coa_graph_t *g, const coa_rank_options_t *opt, igraph_vector_t *scores)
{
    /* PRPACK takes a weight vector of the wrong length without an error */
    if (igraph_vector_size(&g->joint_papers) != igraph_ecount(&g->graph))
        return COA_EINVAL;
    igraph_real_t value;
    int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    int err = coa_from_igraph(igraph_pagerank(&g->graph, IGRAPH_PAGERANK_ALGO_PRPACK, scores, &value,
                                              igraph_vss_all(), 0, opt->damping, &g->joint_papers, NULL));
    omp_set_num_threads(threads);
    return err;
}

/* Eigenvector centrality of each component on its own.  Each component
 * is copied into a small graph with local vertex ids; its vector, scaled
 * to a maximum of 1, is multiplied by its leading eigenvalue, and at the
 * end everything is divided by the largest eigenvalue. */
static int eigenvector(const coa_graph_t *g, igraph_vector_t *scores, coa_centrality_info_t *info)
{
    const igraph_t *graph = &g->graph;
    igraph_integer_t n = g->n_vertices, m = igraph_ecount(graph), ncomp = 0;
    /* zeroed igraph vectors may be destroyed without having been initialised */
    igraph_vector_int_t membership = {0}, csize = {0}, edges = {0};
    igraph_vector_t weights = {0}, vec = {0};
    igraph_integer_t *vstart = NULL, *estart = NULL, *vlist = NULL, *elist = NULL, *local = NULL;
    double lambda_max = 0;
    int err = COA_OK;

    if (igraph_vector_resize(scores, n))
        return COA_ENOMEM;
    igraph_vector_null(scores);
    if (igraph_vector_int_init(&membership, 0) || igraph_vector_int_init(&csize, 0) ||
        igraph_vector_int_init(&edges, 0) || igraph_vector_init(&weights, 0) || igraph_vector_init(&vec, 0)) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    if ((err = coa_from_igraph(igraph_connected_components(graph, &membership, &csize, &ncomp, IGRAPH_WEAK))))
        goto cleanup;
    info->components = ncomp;
    /* vertices and edges bucketed by component (counting sort) */
    vstart = calloc((size_t)ncomp + 1, sizeof *vstart);
    estart = calloc((size_t)ncomp + 1, sizeof *estart);
    vlist = malloc(((size_t)n + 1) * sizeof *vlist);
    elist = malloc(((size_t)m + 1) * sizeof *elist);
    local = malloc(((size_t)n + 1) * sizeof *local);
    if (!vstart || !estart || !vlist || !elist || !local) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    for (igraph_integer_t v = 0; v < n; v++)
        vstart[VECTOR(membership)[v] + 1]++;
    for (igraph_integer_t e = 0; e < m; e++)
        estart[VECTOR(membership)[IGRAPH_FROM(graph, e)] + 1]++;
    for (igraph_integer_t c = 0; c < ncomp; c++) {
        vstart[c + 1] += vstart[c];
        estart[c + 1] += estart[c];
    }
    {
        /* pos[c]: the next free place in component c's buckets */
        igraph_integer_t *pos = malloc(((size_t)ncomp + 1) * sizeof *pos);
        if (!pos) {
            err = COA_ENOMEM;
            goto cleanup;
        }
        memcpy(pos, vstart, (size_t)ncomp * sizeof *pos);
        for (igraph_integer_t v = 0; v < n; v++) {
            igraph_integer_t c = VECTOR(membership)[v];
            local[v] = pos[c] - vstart[c];
            vlist[pos[c]++] = v;
        }
        memcpy(pos, estart, (size_t)ncomp * sizeof *pos);
        for (igraph_integer_t e = 0; e < m; e++)
            elist[pos[VECTOR(membership)[IGRAPH_FROM(graph, e)]]++] = e;
        free(pos);
    }
    igraph_arpack_options_t arpack;
    igraph_arpack_options_init(&arpack);
    for (igraph_integer_t c = 0; c < ncomp; c++) {
        igraph_integer_t nv = vstart[c + 1] - vstart[c], ne = estart[c + 1] - estart[c];
        if (ne == 0)
            continue; /* an isolated author: eigenvalue 0, score 0 */
        igraph_t sub;
        igraph_real_t value = 0;
        if (igraph_vector_int_resize(&edges, 2 * ne) || igraph_vector_resize(&weights, ne)) {
            err = COA_ENOMEM;
            goto cleanup;
        }
        for (igraph_integer_t i = 0; i < ne; i++) {
            igraph_integer_t e = elist[estart[c] + i];
            VECTOR(edges)[2 * i] = local[IGRAPH_FROM(graph, e)];
            VECTOR(edges)[2 * i + 1] = local[IGRAPH_TO(graph, e)];
            VECTOR(weights)[i] = VECTOR(g->joint_papers)[e];
        }
        if ((err = coa_from_igraph(igraph_create(&sub, &edges, nv, IGRAPH_UNDIRECTED))))
            goto cleanup;
        err = coa_from_igraph(igraph_eigenvector_centrality(&sub, &vec, &value, 0, 1, &weights, &arpack));
        igraph_destroy(&sub);
        if (err)
            goto cleanup;
        for (igraph_integer_t i = 0; i < nv; i++)
            VECTOR(*scores)[vlist[vstart[c] + i]] = VECTOR(vec)[i] * value;
        if (value > lambda_max)
            lambda_max = value;
    }
    if (lambda_max > 0)
        igraph_vector_scale(scores, 1.0 / lambda_max);
cleanup:
    COA_FREE(vstart, estart, vlist, elist, local);
    igraph_vector_destroy(&vec);
    igraph_vector_destroy(&weights);
    igraph_vector_int_destroy(&edges);
    igraph_vector_int_destroy(&csize);
    igraph_vector_int_destroy(&membership);
    return err;
}

int coa_centrality(const coa_graph_t *g, coa_measure_t m, const coa_rank_options_t *opt, igraph_vector_t *scores,
                   coa_centrality_info_t *info)
{
    coa_rank_options_t defaults;
    igraph_integer_t n = g->n_vertices, ne = igraph_ecount(&g->graph);
    if (!opt) {
        coa_rank_options_init(&defaults);
        opt = &defaults;
    }
    memset(info, 0, sizeof *info);
    if ((unsigned)m >= COA_MEASURE_COUNT)
        return COA_EINVAL;
    if (igraph_vector_resize(scores, n))
        return COA_ENOMEM;
    igraph_vector_null(scores);
    if (n == 0)
        return COA_OK;
    switch (m) {
    case COA_MEASURE_PAPERS:
        for (igraph_integer_t v = 0; v < n; v++)
            VECTOR(*scores)[v] = g->vertex_papers[v];
        return COA_OK;
    case COA_MEASURE_DEGREE:
    case COA_MEASURE_STRENGTH:
        for (igraph_integer_t e = 0; e < ne; e++) {
            double w = m == COA_MEASURE_DEGREE ? 1 : VECTOR(g->joint_papers)[e];
            VECTOR(*scores)[IGRAPH_FROM(&g->graph, e)] += w;
            VECTOR(*scores)[IGRAPH_TO(&g->graph, e)] += w;
        }
        return COA_OK;
    case COA_MEASURE_BETWEENNESS:
        return betweenness(g, opt, scores, info);
    case COA_MEASURE_CLOSENESS:
    case COA_MEASURE_HARMONIC:
        return distance_measure(g, m, scores, info);
    case COA_MEASURE_PAGERANK:
        return pagerank(g, opt, scores);
    case COA_MEASURE_EIGENVECTOR:
        return eigenvector(g, scores, info);
    case COA_MEASURE_CORENESS: {
        igraph_vector_int_t core;
        if (igraph_vector_int_init(&core, 0))
            return COA_ENOMEM;
        int err = coa_from_igraph(igraph_coreness(&g->graph, &core, IGRAPH_ALL));
        for (igraph_integer_t v = 0; !err && v < n; v++)
            VECTOR(*scores)[v] = (double)VECTOR(core)[v];
        igraph_vector_int_destroy(&core);
        return err;
    }
    case COA_MEASURE_COUNT:
        break;
    }
    return COA_EINVAL;
}
