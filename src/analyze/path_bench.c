/* The benchmark of 'coauthor path --bench': the bidirectional search
 * timed on seeded random pairs of the largest component, against
 * igraph's single-source search on the first of them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coauthor/path.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static uint64_t bench_rng(uint64_t *state)
{
    /* splitmix64: seeded from --seed, independent of igraph's generator */
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The timings and fractions of every query, sorted into the figures. */
typedef struct {
    double *times, *fractions, *ig_times;
    uint32_t *pool, n_pool;
} bench_work_t;

/* The authors of the largest component into w->pool; its size in b. */
static int largest_component(const coa_graph_t *g, bench_work_t *w, coa_path_bench_t *b)
{
    int err = coa_graph_largest_component(g, &w->pool, &w->n_pool);
    if (err == COA_ENOMEM)
        return err;
    if (err || !w->n_pool) {
        snprintf(b->message, sizeof b->message, "cannot find the components");
        return COA_EGRAPH;
    }
    b->component = w->n_pool;
    return COA_OK;
}

/* Runs the queries; igraph's search on the first b->igraph_queries. */
static int run_queries(const coa_graph_t *g, coa_path_finder_t *finder, bench_work_t *w, coa_path_bench_t *b)
{
    igraph_vector_int_t path;
    coa_path_result_t r;
    uint64_t state = b->seed;
    int err = COA_OK;
    if (igraph_vector_int_init(&path, 0))
        return COA_ENOMEM;
    coa_path_result_init(&r);
    for (long q = 0; q < b->queries; q++) {
        uint32_t s = w->pool[bench_rng(&state) % w->n_pool], t = w->pool[bench_rng(&state) % w->n_pool];
        double t0 = now_ms();
        if ((err = coa_path_shortest(finder, s, t, 1, &r)))
            break;
        w->times[q] = now_ms() - t0;
        w->fractions[q] = (double)r.touched / (double)g->n_vertices;
        b->mean_length += r.length;
        b->mean_chains += (double)r.total_chains;
        if (q >= b->igraph_queries)
            continue;
        t0 = now_ms();
        if (igraph_get_shortest_path(&g->graph, &path, NULL, s, t, IGRAPH_ALL)) {
            snprintf(b->message, sizeof b->message, "igraph_get_shortest_path failed");
            err = COA_EGRAPH;
            break;
        }
        w->ig_times[q] = now_ms() - t0;
        if ((uint32_t)igraph_vector_int_size(&path) != r.length + 1) {
            snprintf(b->message, sizeof b->message, "bench: igraph finds length %ld from %u to %u, the search %u",
                     (long)igraph_vector_int_size(&path) - 1, s, t, r.length);
            err = COA_EINVAL;
            break;
        }
    }
    coa_path_result_destroy(&r);
    igraph_vector_int_destroy(&path);
    return err;
}

/* Means, medians and the rest from the sorted timings. */
static void summarise(bench_work_t *w, coa_path_bench_t *b)
{
    long n = b->queries, n_ig = b->igraph_queries;
    b->mean_length /= n;
    b->mean_chains /= n;
    for (long q = 0; q < n; q++) {
        b->touched_mean += w->fractions[q] / n;
        b->time_mean += w->times[q] / n;
    }
    for (long q = 0; q < n_ig; q++)
        b->igraph_mean += w->ig_times[q] / n_ig;
    qsort(w->times, (size_t)n, sizeof *w->times, cmp_double);
    qsort(w->fractions, (size_t)n, sizeof *w->fractions, cmp_double);
    qsort(w->ig_times, (size_t)n_ig, sizeof *w->ig_times, cmp_double);
    b->touched_median = w->fractions[n / 2];
    b->touched_max = w->fractions[n - 1];
    b->time_median = w->times[n / 2];
    b->time_p99 = w->times[n * 99 / 100];
    b->time_max = w->times[n - 1];
    b->igraph_median = w->ig_times[n_ig / 2];
}

int coa_path_bench(const coa_graph_t *g, coa_path_finder_t *finder, long n_queries, unsigned long seed,
                   coa_path_bench_t *b)
{
    bench_work_t w = {0};
    memset(b, 0, sizeof *b);
    b->vertices = (long long)g->n_vertices;
    b->edges = (long long)igraph_ecount(&g->graph);
    b->queries = n_queries;
    b->seed = seed;
    b->igraph_queries = n_queries < 200 ? n_queries : 200; /* igraph's search is slower: fewer of them */
    int err = largest_component(g, &w, b);
    if (!err && n_queries > 0) {
        w.times = malloc((size_t)n_queries * sizeof *w.times);
        w.fractions = malloc((size_t)n_queries * sizeof *w.fractions);
        w.ig_times = malloc((size_t)n_queries * sizeof *w.ig_times);
        if (!w.times || !w.fractions || !w.ig_times)
            err = COA_ENOMEM;
    }
    if (!err && n_queries > 0 && !(err = run_queries(g, finder, &w, b)))
        summarise(&w, b);
    if (err && !b->message[0])
        snprintf(b->message, sizeof b->message, "out of memory");
    free(w.pool);
    free(w.times);
    free(w.fractions);
    free(w.ig_times);
    return err;
}
