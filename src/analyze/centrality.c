/* Centrality measures of a coauthor graph, with the weights each needs. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coauthor/rank.h"
#include "internal.h"

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
static int edge_lengths(const coa_graph_t *g, igraph_vector_t *lengths, int *unit)
{
    igraph_integer_t m = igraph_ecount(&g->graph);
    *unit = 1;
    for (igraph_integer_t e = 0; e < m; e++)
        if (VECTOR(g->joint_papers)[e] != 1)
            *unit = 0;
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

/* Exact betweenness (Brandes 2001) or, above the size limit, the estimate
 * of Brandes and Pich (2007): single-source dependencies summed over k
 * sources drawn uniformly, scaled by n/k.  igraph_betweenness_subset does
 * the accumulation from the chosen sources to every target, with the same
 * tolerance for equal path lengths as igraph_betweenness. */
static int betweenness(const coa_graph_t *g, const coa_rank_options_t *opt, igraph_vector_t *scores,
                       coa_centrality_info_t *info)
{
    igraph_integer_t n = g->n_vertices;
    igraph_vector_t lengths;
    igraph_vector_int_t sources;
    int unit, err;
    if ((err = edge_lengths(g, &lengths, &unit)))
        return err;
    info->unit_lengths = unit;
    const igraph_vector_t *w = unit ? NULL : &lengths;
    if (opt->exact || n <= opt->exact_limit || opt->sample <= 0 || opt->sample >= n) {
        info->sources = n;
        err = coa_from_igraph(igraph_betweenness(&g->graph, scores, igraph_vss_all(), 0, w));
    } else {
        info->sampled = 1;
        info->sources = opt->sample;
        if (!(err = sample_sources(n, opt->sample, opt->seed, &sources))) {
            err = coa_from_igraph(igraph_betweenness_subset(&g->graph, scores, igraph_vss_all(), 0,
                                                            igraph_vss_vector(&sources), igraph_vss_all(), w));
            /* igraph halves an undirected subset sum, as it does for all
             * pairs; the estimate of the all-pairs value scales by n/k */
            if (!err)
                igraph_vector_scale(scores, (double)n / (double)opt->sample);
            igraph_vector_int_destroy(&sources);
        }
    }
    if (!unit)
        igraph_vector_destroy(&lengths);
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

static int pagerank(const coa_graph_t *g, const coa_rank_options_t *opt, igraph_vector_t *scores)
{
    /* PRPACK takes a weight vector of the wrong length without an error */
    if (igraph_vector_size(&g->joint_papers) != igraph_ecount(&g->graph))
        return COA_EINVAL;
    igraph_real_t value;
    return coa_from_igraph(igraph_pagerank(&g->graph, IGRAPH_PAGERANK_ALGO_PRPACK, scores, &value, igraph_vss_all(),
                                           0, opt->damping, &g->joint_papers, NULL));
}

/* Eigenvector centrality of each component on its own.  Each component
 * is copied into a small graph with local vertex ids; its vector, scaled
 * to a maximum of 1, is multiplied by its leading eigenvalue, and at the
 * end everything is divided by the largest eigenvalue. */
static int eigenvector(const coa_graph_t *g, igraph_vector_t *scores, coa_centrality_info_t *info)
{
    const igraph_t *graph = &g->graph;
    igraph_integer_t n = g->n_vertices, m = igraph_ecount(graph), ncomp = 0;
    igraph_vector_int_t membership, csize, edges;
    igraph_vector_t weights, vec;
    igraph_integer_t *vstart = NULL, *estart = NULL, *vlist = NULL, *elist = NULL, *local = NULL;
    double lambda_max = 0;
    int err = COA_OK;

    if (igraph_vector_resize(scores, n))
        return COA_ENOMEM;
    igraph_vector_null(scores);
    if (igraph_vector_int_init(&membership, 0))
        return COA_ENOMEM;
    if (igraph_vector_int_init(&csize, 0)) {
        igraph_vector_int_destroy(&membership);
        return COA_ENOMEM;
    }
    if (igraph_vector_int_init(&edges, 0)) {
        igraph_vector_int_destroy(&csize);
        igraph_vector_int_destroy(&membership);
        return COA_ENOMEM;
    }
    if (igraph_vector_init(&weights, 0)) {
        igraph_vector_int_destroy(&edges);
        igraph_vector_int_destroy(&csize);
        igraph_vector_int_destroy(&membership);
        return COA_ENOMEM;
    }
    if (igraph_vector_init(&vec, 0)) {
        igraph_vector_destroy(&weights);
        igraph_vector_int_destroy(&edges);
        igraph_vector_int_destroy(&csize);
        igraph_vector_int_destroy(&membership);
        return COA_ENOMEM;
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
    free(vstart);
    free(estart);
    free(vlist);
    free(elist);
    free(local);
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
