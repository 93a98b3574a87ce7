/* Summary statistics of a coauthor graph. */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coauthor/stats.h"
#include "coauthor/view.h"
#include "corpus/internal.h"

#define STATS_MAX_THREADS 8

/* One thread's share of the distance searches: sources first, first +
 * step, ... */
typedef struct {
    coa_view_t *view;                  /* the thread's own */
    const uint32_t *members;           /* corpus authors */
    uint32_t sources, first, step;
    double sum;
    uint32_t diameter;
    int err;
    atomic_uint *done;                 /* searches done by every thread */
    const coa_stats_options_t *report; /* set for the caller's thread only */
} bfs_job_t;

static void *bfs_worker(void *arg)
{
    bfs_job_t *job = arg;
    for (uint32_t i = job->first; i < job->sources && !job->err; i += job->step) {
        uint32_t ecc;
        double sum;
        job->err = coa_view_eccentricity(job->view, job->members[i], &ecc, &sum, NULL);
        job->sum += sum;
        if (ecc > job->diameter)
            job->diameter = ecc;
        unsigned done = atomic_fetch_add(job->done, 1) + 1;
        if (job->report && job->report->progress && done < job->sources)
            job->report->progress(job->report->progress_ctx, "distance searches", done, job->sources);
    }
    return NULL;
}

static int stats_threads(uint32_t sources)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    int n = cpus < 1 ? 1 : cpus > STATS_MAX_THREADS ? STATS_MAX_THREADS : (int)cpus;
    /* small graphs: a thread costs more than it saves */
    return sources < 64 ? 1 : n;
}

static int distances(const coa_graph_t *g, const igraph_vector_int_t *membership, igraph_integer_t lcc,
                     igraph_integer_t lcc_size, const coa_stats_options_t *opts, coa_stats_t *st)
{
    coa_view_t *view;
    int err = coa_view_new_graph(g, &view);
    if (err)
        return err;
    uint32_t n = (uint32_t)g->n_vertices;
    uint32_t *members = malloc((size_t)(lcc_size ? lcc_size : 1) * sizeof *members);
    if (!members) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    uint32_t k = 0;
    for (uint32_t v = 0; v < n; v++)
        if (VECTOR(*membership)[v] == lcc)
            members[k++] = g->vertex_author[v];
    uint32_t sources = k;
    st->distances_sampled = 0;
    if (k > COA_STATS_EXACT_DISTANCE_LIMIT) {
        /* a seeded partial Fisher-Yates shuffle picks the sample */
        igraph_rng_t rng;
        if (igraph_rng_init(&rng, &igraph_rngtype_mt19937)) {
            err = COA_ENOMEM;
            goto cleanup;
        }
        igraph_rng_seed(&rng, opts->seed);
        sources = COA_STATS_DISTANCE_SAMPLE;
        for (uint32_t i = 0; i < sources; i++) {
            uint32_t j = (uint32_t)igraph_rng_get_integer(&rng, i, k - 1);
            uint32_t t = members[i];
            members[i] = members[j];
            members[j] = t;
        }
        igraph_rng_destroy(&rng);
        st->distances_sampled = 1;
    }
    /* the searches split across the cores: each thread takes every
     * nthreads-th source with a view of its own; the per-source sums are
     * whole numbers, so their total is the same in any order */
    double sum = 0;
    uint32_t diameter = 0;
    bfs_job_t jobs[STATS_MAX_THREADS];
    pthread_t threads[STATS_MAX_THREADS];
    int nthreads = stats_threads(sources), started = 1;
    atomic_uint done = 0;
    for (int t = 0; t < nthreads; t++)
        jobs[t] = (bfs_job_t){t ? NULL : view, members, sources, (uint32_t)t, (uint32_t)nthreads, 0, 0, COA_OK,
                              &done, t ? NULL : opts};
    for (int t = 1; t < nthreads; t++) {
        if (coa_view_clone(view, &jobs[t].view) || pthread_create(&threads[t], NULL, bfs_worker, &jobs[t])) {
            coa_view_free(jobs[t].view);
            jobs[t].view = NULL;
            break; /* this thread runs the shares of those that did not start */
        }
        started++;
    }
    bfs_worker(&jobs[0]);
    for (int t = started; t < nthreads; t++) {
        jobs[t].view = view;
        bfs_worker(&jobs[t]);
    }
    for (int t = 0; t < nthreads; t++) {
        if (t > 0 && t < started) {
            pthread_join(threads[t], NULL);
            coa_view_free(jobs[t].view);
        }
        if (jobs[t].err)
            err = jobs[t].err;
        sum += jobs[t].sum;
        if (jobs[t].diameter > diameter)
            diameter = jobs[t].diameter;
    }
    if (err)
        goto cleanup;
    if (opts->progress)
        opts->progress(opts->progress_ctx, "distance searches", sources, sources);
    st->diameter = diameter;
    st->distance_sources = sources;
    st->mean_distance = k > 1 ? sum / ((double)sources * (k - 1)) : 0;
cleanup:
    free(members);
    coa_view_free(view);
    return err;
}

int coa_stats_compute(const coa_graph_t *g, unsigned long seed, coa_stats_t *st)
{
    coa_stats_options_t opts;
    memset(&opts, 0, sizeof opts);
    opts.seed = seed;
    return coa_stats_compute_ex(g, &opts, st);
}

int coa_stats_compute_ex(const coa_graph_t *g, const coa_stats_options_t *opts, coa_stats_t *st)
{
    memset(st, 0, sizeof *st);
    const igraph_t *graph = &g->graph;
    igraph_integer_t n = g->n_vertices, m = igraph_ecount(graph);
    int err = COA_OK;
    st->papers = g->n_papers;
    for (uint32_t p = 0; p < g->corpus->n_papers; p++)
        st->papers_without_authors += g->paper_selected[p] && g->corpus->papers[p].n_authorships == 0;
    st->authors = (uint32_t)n;
    st->authorships = g->n_authorships;
    st->inferred_authorships = g->n_inferred;
    st->truncated_papers = g->n_truncated;
    st->duplicate_authorships = g->corpus->duplicate_authorships;
    st->self_loops = g->self_loops;
    st->coauthor_edges = m + g->self_loops;
    st->mean_authors_per_paper = g->n_papers ? (double)g->n_authorships / g->n_papers : NAN;
    st->mean_papers_per_author = g->n_papers && n ? (double)g->n_authorships / (double)n : NAN;
    st->mean_coauthors_per_author = n ? 2.0 * (double)m / (double)n : 0;
    if (n == 0)
        return COA_OK;

    /* zeroed igraph vectors may be destroyed without having been initialised */
    igraph_vector_int_t membership = {0}, csize = {0}, degree = {0};
    igraph_vector_t tri = {0};
    igraph_integer_t ncomp;
    if (igraph_vector_int_init(&membership, 0) || igraph_vector_int_init(&csize, 0) ||
        igraph_vector_int_init(&degree, 0) || igraph_vector_init(&tri, 0)) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    if ((err = coa_from_igraph(igraph_connected_components(graph, &membership, &csize, &ncomp, IGRAPH_WEAK))))
        goto cleanup;
    st->components = ncomp;
    igraph_integer_t lcc = igraph_vector_int_which_max(&csize);
    st->largest_component_authors = VECTOR(csize)[lcc];
    for (igraph_integer_t e = 0; e < m; e++)
        if (VECTOR(membership)[IGRAPH_FROM(graph, e)] == lcc)
            st->largest_component_edges++;
    for (igraph_integer_t v = 0; v < n; v++)
        if (VECTOR(membership)[v] == lcc)
            st->largest_component_edges += g->vertex_self_loops[v];
    if ((err = coa_from_igraph(igraph_degree(graph, &degree, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS))))
        goto cleanup;
    for (igraph_integer_t v = 0; v < n; v++)
        st->isolated_authors += VECTOR(degree)[v] == 0;
    /* One count of the triangles at each vertex gives all three figures;
     * igraph's transitivity_undirected and transitivity_avglocal_undirected
     * would each enumerate the triangles again (2 billion at DBLP scale,
     * about a minute each).  Transitivity: 3 x triangles over connected
     * triples, 0 without triples; average clustering: the mean over every
     * author of t(v) / C(d(v), 2), where an author of degree below 2 counts
     * 0 (igraph's TRANSITIVITY_ZERO, which tests/scripts/stats-crosscheck.sh
     * checks against networkx and python-igraph). */
    if ((err = coa_from_igraph(igraph_adjacent_triangles(graph, &tri, igraph_vss_all()))))
        goto cleanup;
    double corners = 0, triples = 0, local = 0;
    for (igraph_integer_t v = 0; v < n; v++) {
        double d = (double)VECTOR(degree)[v], pairs = d * (d - 1) / 2;
        corners += VECTOR(tri)[v];
        triples += d >= 2 ? pairs : 0;
        local += d >= 2 ? VECTOR(tri)[v] / pairs : 0;
    }
    st->triangles = (igraph_integer_t)(corners / 3 + 0.5);
    st->transitivity = triples > 0 ? corners / triples : 0;
    st->average_clustering = n > 0 ? local / (double)n : 0;
    err = distances(g, &membership, lcc, VECTOR(csize)[lcc], opts, st);
cleanup:
    igraph_vector_int_destroy(&membership);
    igraph_vector_int_destroy(&csize);
    igraph_vector_int_destroy(&degree);
    igraph_vector_destroy(&tri);
    return err;
}
