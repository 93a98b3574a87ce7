/* Community detection on the coauthor graph, through igraph. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coauthor/community.h"
#include "corpus/internal.h"

static const char *const method_names[] = {"leiden", "louvain", "fastgreedy", "walktrap",
                                           "labelprop", "infomap", "optimal"};
static const char *const weight_names[] = {"joint", "fractional", "none"};

void coa_community_options_init(coa_community_options_t *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->method = COA_COMMUNITY_LEIDEN;
    opts->objective = COA_COMMUNITY_MODULARITY;
    opts->weight = COA_COMMUNITY_WEIGHT_JOINT;
    opts->resolution = 1.0;
    opts->seed = 1;
    opts->runs = 1;
    opts->walktrap_steps = 4;
    opts->infomap_trials = 10;
}

COA_ENUM_FUNCTIONS(coa_community_method_t, coa_community_method_name, coa_community_method_parse, method_names)
COA_ENUM_FUNCTIONS(coa_community_weight_t, coa_community_weight_name, coa_community_weight_parse, weight_names)

const igraph_vector_t *coa_community_weights(const coa_graph_t *g, coa_community_weight_t weight)
{
    switch (weight) {
    case COA_COMMUNITY_WEIGHT_JOINT:
        return &g->joint_papers;
    case COA_COMMUNITY_WEIGHT_FRACTIONAL:
        return &g->fractional;
    default:
        return NULL;
    }
}

static double edge_weight(const igraph_vector_t *w, igraph_integer_t e)
{
    return w ? VECTOR(*w)[e] : 1.0;
}

/* ---- the time limit of the optimal method ---- */

/* igraph's interruption handler is global and takes no context, so the
 * deadline is too.  GLPK's branch-and-bound calls it regularly; returning
 * IGRAPH_INTERRUPTED makes igraph stop GLPK and return that code. */
static double deadline;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static igraph_error_t past_deadline(void *data)
{
    (void)data;
    return now_seconds() > deadline ? IGRAPH_INTERRUPTED : IGRAPH_SUCCESS;
}

/* ---- the methods ---- */

/* Leiden, best of opts->runs seeds.  For modularity, igraph's Leiden needs
 * the strengths as node weights and gamma / (2W) as its resolution; its
 * quality is then exactly Q at gamma (igraph_modularity).  For CPM, every
 * node weighs 1 and gamma is used as is. */
static int run_leiden(const igraph_t *graph, const igraph_vector_t *w, const coa_community_options_t *opts,
                      igraph_vector_int_t *membership, double *quality, int *best_run)
{
    igraph_vector_t strength;
    igraph_vector_int_t trial;
    int err = COA_OK;
    if (igraph_vector_init(&strength, 0))
        return COA_ENOMEM;
    if (igraph_vector_int_init(&trial, 0)) {
        igraph_vector_destroy(&strength);
        return COA_ENOMEM;
    }
    const igraph_vector_t *node_weights = NULL;
    double resolution = opts->resolution;
    if (opts->objective == COA_COMMUNITY_MODULARITY) {
        if (igraph_strength(graph, &strength, igraph_vss_all(), IGRAPH_ALL, 1, w)) {
            err = COA_EGRAPH;
            goto cleanup;
        }
        double total = igraph_vector_sum(&strength); /* 2W */
        node_weights = &strength;
        resolution = opts->resolution / total;
    }
    int runs = opts->runs > 0 ? opts->runs : 1;
    *quality = -INFINITY;
    for (int r = 0; r < runs; r++) {
        igraph_integer_t nb;
        igraph_real_t q;
        igraph_rng_seed(igraph_rng_default(), opts->seed + (unsigned long)r);
        /* igraph 0.10.2's n_iterations = -1 ("until stable") stops after
         * one iteration (on the ACL graph python-igraph gets Q 0.8107 from
         * -1 and from 1, and 0.8166 from 5), so iterate here, each time
         * from the last partition, until an iteration gains nothing. */
        if (igraph_community_leiden(graph, w, node_weights, resolution, 0.01, 0, 1, &trial, &nb, &q)) {
            err = COA_EGRAPH;
            goto cleanup;
        }
        int max_it = opts->iterations > 0 ? opts->iterations : COA_LEIDEN_MAX_ITERATIONS;
        for (int it = 1; it < max_it; it++) {
            igraph_real_t before = q;
            if (igraph_community_leiden(graph, w, node_weights, resolution, 0.01, 1, 1, &trial, &nb, &q)) {
                err = COA_EGRAPH;
                goto cleanup;
            }
            if (opts->iterations <= 0 && !(q > before + 1e-12 * fabs(before)))
                break;
        }
        if (q > *quality) {
            *quality = q;
            *best_run = r;
            if (igraph_vector_int_update(membership, &trial)) {
                err = COA_ENOMEM;
                goto cleanup;
            }
        }
    }
cleanup:
    igraph_vector_int_destroy(&trial);
    igraph_vector_destroy(&strength);
    return err;
}

/* The dendrogram methods return the cut of highest modularity. */
static int run_dendrogram(const igraph_t *graph, const igraph_vector_t *w, const coa_community_options_t *opts,
                          igraph_vector_int_t *membership)
{
    igraph_matrix_int_t merges;
    igraph_vector_t mod;
    int err = COA_OK;
    if (igraph_matrix_int_init(&merges, 0, 0))
        return COA_ENOMEM;
    if (igraph_vector_init(&mod, 0)) {
        igraph_matrix_int_destroy(&merges);
        return COA_ENOMEM;
    }
    igraph_error_t ie;
    if (opts->method == COA_COMMUNITY_FASTGREEDY)
        ie = igraph_community_fastgreedy(graph, w, &merges, &mod, membership);
    else
        ie = igraph_community_walktrap(graph, w, opts->walktrap_steps, &merges, &mod, membership);
    if (ie)
        err = ie == IGRAPH_ENOMEM ? COA_ENOMEM : COA_EGRAPH;
    igraph_vector_destroy(&mod);
    igraph_matrix_int_destroy(&merges);
    return err;
}

/* What run_optimal shares with solve_component. */
typedef struct {
    const igraph_t *graph;
    const igraph_vector_t *w;
    const igraph_integer_t *local, *order, *start, *edge_order;
    igraph_vector_int_t *edges, *sub_membership;
    igraph_vector_t *sub_w;
    double total;
} optimal_t;

/* The optimal partition of component c (k vertices; its ne edges are
 * edge_order[e0 ..)), whose ids follow *next in membership.  The rest of
 * the graph's weight ('rest') hangs on a pad pair of vertices, so that the
 * component's modularity is measured against the whole graph. */
static int solve_component(optimal_t *o, igraph_integer_t c, igraph_integer_t k, igraph_integer_t e0,
                           igraph_integer_t ne, double rest, igraph_vector_int_t *membership, igraph_integer_t *next,
                           int *interrupted)
{
    const igraph_t *graph = o->graph;
    igraph_integer_t pad = rest > 1e-12 * o->total;
    if (igraph_vector_int_resize(o->edges, 2 * (ne + pad)) || igraph_vector_resize(o->sub_w, ne + pad))
        return COA_ENOMEM;
    for (igraph_integer_t i = 0; i < ne; i++) {
        igraph_integer_t e = o->edge_order[e0 + i];
        VECTOR(*o->edges)[2 * i] = o->local[IGRAPH_FROM(graph, e)];
        VECTOR(*o->edges)[2 * i + 1] = o->local[IGRAPH_TO(graph, e)];
        VECTOR(*o->sub_w)[i] = edge_weight(o->w, e);
    }
    if (pad) {
        VECTOR(*o->edges)[2 * ne] = k;
        VECTOR(*o->edges)[2 * ne + 1] = k + 1;
        VECTOR(*o->sub_w)[ne] = rest;
    }
    igraph_t sub;
    if (igraph_create(&sub, o->edges, k + 2 * pad, IGRAPH_UNDIRECTED))
        return COA_ENOMEM;
    igraph_real_t q;
    igraph_error_t ie = igraph_community_optimal_modularity(&sub, &q, o->sub_membership, o->sub_w);
    igraph_destroy(&sub);
    if (ie) {
        /* igraph 0.10.2 returns IGRAPH_INTERRUPTED without unwinding
         * its finally stack: the entries left there point into the
         * returned function's stack frame, so freeing them would crash
         * and keeping them would crash the next igraph error.  Drop
         * them; the price is a leak of two vectors of n doubles (and
         * GLPK's problem), which LeakSanitizer reports. */
        if (IGRAPH_FINALLY_STACK_SIZE() > 0)
            IGRAPH_FINALLY_CLEAN(IGRAPH_FINALLY_STACK_SIZE());
        if (ie == IGRAPH_INTERRUPTED)
            *interrupted = 1;
        return ie == IGRAPH_ENOMEM ? COA_ENOMEM : COA_EGRAPH;
    }
    /* the component's ids follow the previous ones; the pad pair's id,
     * which no member carries, is simply skipped (renumbering closes
     * the gap) */
    igraph_integer_t top = *next;
    for (igraph_integer_t i = o->start[c]; i < o->start[c + 1]; i++) {
        igraph_integer_t v = o->order[i];
        igraph_integer_t id = *next + VECTOR(*o->sub_membership)[o->local[v]];
        VECTOR(*membership)[v] = id;
        if (id >= top)
            top = id + 1;
    }
    *next = top;
    return COA_OK;
}

/* The exact optimum, one connected component at a time.  Communities never
 * span components in an optimal partition (joining two parts without edges
 * between them lowers Q), but each component's part of Q uses the whole
 * graph's weight W, not its own: it is Q of the component at resolution
 * W_c / W.  igraph's solver has no resolution parameter, so the component
 * is solved together with a detached pair of vertices joined by an edge of
 * weight W - W_c: the total weight is then W, and the pair, having no edge
 * to the component, never joins one of its communities.  A component of
 * k vertices costs k(k-1)/2 variables and about k^3/2 constraints, so
 * fragmented graphs (a profile without its owner) solve in moments. */
static int run_optimal(const igraph_t *graph, const igraph_vector_t *w, const coa_community_options_t *opts,
                       igraph_vector_int_t *membership, igraph_integer_t *largest, int *interrupted)
{
    igraph_integer_t n = igraph_vcount(graph), m = igraph_ecount(graph), n_comp = 0;
    /* zeroed igraph vectors may be destroyed without having been initialised */
    igraph_vector_int_t comp = {0}, csize = {0}, edges = {0}, sub_membership = {0};
    igraph_vector_t sub_w = {0};
    igraph_integer_t *local = NULL, *order = NULL, *start = NULL, *edge_start = NULL, *edge_order = NULL;
    double *comp_weight = NULL;
    igraph_interruption_handler_t *old_handler = NULL;
    int handler_set = 0, err = COA_OK;

    if (igraph_vector_int_init(&comp, 0) || igraph_vector_int_init(&csize, 0) ||
        igraph_vector_int_init(&edges, 0) || igraph_vector_int_init(&sub_membership, 0) ||
        igraph_vector_init(&sub_w, 0)) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    if (igraph_connected_components(graph, &comp, &csize, &n_comp, IGRAPH_WEAK)) {
        err = COA_EGRAPH;
        goto cleanup;
    }
    *largest = n_comp ? igraph_vector_int_max(&csize) : 0;
    if (*largest > COA_COMMUNITY_OPTIMAL_LIMIT && !opts->force) {
        err = COA_EINVAL;
        goto cleanup;
    }
    local = malloc(((size_t)n + 1) * sizeof *local);
    order = malloc(((size_t)n + 1) * sizeof *order);
    start = calloc((size_t)n_comp + 1, sizeof *start);
    edge_start = calloc((size_t)n_comp + 1, sizeof *edge_start);
    edge_order = malloc(((size_t)m + 1) * sizeof *edge_order);
    comp_weight = calloc((size_t)n_comp + 1, sizeof *comp_weight);
    if (!local || !order || !start || !edge_start || !edge_order || !comp_weight ||
        igraph_vector_int_resize(membership, n)) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    /* each component's vertices in vertex order, and local ids within it */
    for (igraph_integer_t v = 0; v < n; v++)
        local[v] = start[VECTOR(comp)[v] + 1]++;
    for (igraph_integer_t c = 0; c < n_comp; c++)
        start[c + 1] += start[c];
    for (igraph_integer_t v = 0; v < n; v++)
        order[start[VECTOR(comp)[v]] + local[v]] = v;
    /* edges grouped by component, and each component's weight */
    double total = 0;
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t c = VECTOR(comp)[IGRAPH_FROM(graph, e)];
        double x = edge_weight(w, e);
        comp_weight[c] += x;
        total += x;
        edge_start[c + 1]++;
    }
    for (igraph_integer_t c = 0; c < n_comp; c++)
        edge_start[c + 1] += edge_start[c];
    for (igraph_integer_t e = 0; e < m; e++)
        edge_order[edge_start[VECTOR(comp)[IGRAPH_FROM(graph, e)]]++] = e;
    /* edge_start[c] has moved to the end of c's edges, the start of c+1 */

    if (opts->time_limit > 0) {
        deadline = now_seconds() + opts->time_limit;
        old_handler = igraph_set_interruption_handler(past_deadline);
        handler_set = 1;
    }
    optimal_t o = {graph, w, local, order, start, edge_order, &edges, &sub_membership, &sub_w, total};
    igraph_integer_t next = 0;
    for (igraph_integer_t c = 0; c < n_comp && !err; c++) {
        igraph_integer_t k = VECTOR(csize)[c];
        igraph_integer_t e0 = c ? edge_start[c - 1] : 0, e1 = edge_start[c], ne = e1 - e0;
        if (k <= 2) { /* one vertex, or one edge: a single community */
            for (igraph_integer_t i = start[c]; i < start[c + 1]; i++)
                VECTOR(*membership)[order[i]] = next;
            next++;
            continue;
        }
        if (handler_set && past_deadline(NULL)) {
            *interrupted = 1;
            err = COA_EGRAPH;
            break;
        }
        if ((err = solve_component(&o, c, k, e0, ne, total - comp_weight[c], membership, &next, interrupted)))
            break;
    }
cleanup:
    if (handler_set)
        igraph_set_interruption_handler(old_handler);
    COA_FREE(comp_weight, edge_order, edge_start, start, order, local);
    igraph_vector_destroy(&sub_w);
    igraph_vector_int_destroy(&sub_membership);
    igraph_vector_int_destroy(&edges);
    igraph_vector_int_destroy(&csize);
    igraph_vector_int_destroy(&comp);
    return err;
}

/* ---- numbering and per-community figures ---- */

typedef struct {
    const coa_graph_t *g;
    const igraph_integer_t *size;
    const igraph_integer_t *first; /* the member with the smallest name */
} order_ctx_t;

static order_ctx_t order_ctx; /* qsort has no context argument in C11 */

static int cmp_names(const coa_graph_t *g, igraph_integer_t a, igraph_integer_t b)
{
    int c = strcmp(coa_graph_vertex_name(g, a), coa_graph_vertex_name(g, b));
    return c ? c : (a > b) - (a < b);
}

static int cmp_community(const void *pa, const void *pb)
{
    igraph_integer_t a = *(const igraph_integer_t *)pa, b = *(const igraph_integer_t *)pb;
    if (order_ctx.size[a] != order_ctx.size[b])
        return order_ctx.size[a] > order_ctx.size[b] ? -1 : 1;
    return cmp_names(order_ctx.g, order_ctx.first[a], order_ctx.first[b]);
}

/* Renumbers membership (any non-negative ids) to 0..k-1 by size, then by
 * the smallest member name. */
static int renumber(const coa_graph_t *g, igraph_vector_int_t *membership, igraph_integer_t *n_out)
{
    igraph_integer_t n = igraph_vector_int_size(membership);
    igraph_integer_t ids = n ? igraph_vector_int_max(membership) + 1 : 0;
    igraph_integer_t *size = calloc((size_t)ids + 1, sizeof *size);
    igraph_integer_t *first = malloc(((size_t)ids + 1) * sizeof *first);
    igraph_integer_t *perm = malloc(((size_t)ids + 1) * sizeof *perm);
    igraph_integer_t *newid = malloc(((size_t)ids + 1) * sizeof *newid);
    if (!size || !first || !perm || !newid) {
        COA_FREE(size, first, perm, newid);
        return COA_ENOMEM;
    }
    for (igraph_integer_t i = 0; i < ids; i++)
        first[i] = -1;
    for (igraph_integer_t v = 0; v < n; v++) {
        igraph_integer_t c = VECTOR(*membership)[v];
        size[c]++;
        if (first[c] < 0 || cmp_names(g, v, first[c]) < 0)
            first[c] = v;
    }
    igraph_integer_t k = 0;
    for (igraph_integer_t i = 0; i < ids; i++)
        if (size[i])
            perm[k++] = i;
    order_ctx = (order_ctx_t){g, size, first};
    qsort(perm, (size_t)k, sizeof *perm, cmp_community);
    for (igraph_integer_t i = 0; i < k; i++)
        newid[perm[i]] = i;
    for (igraph_integer_t v = 0; v < n; v++)
        VECTOR(*membership)[v] = newid[VECTOR(*membership)[v]];
    *n_out = k;
    COA_FREE(size, first, perm, newid);
    return COA_OK;
}

static int summarise(coa_communities_t *c, const coa_graph_t *g, const igraph_vector_t *w)
{
    const igraph_t *graph = &g->graph;
    igraph_integer_t k = c->n_communities, n = igraph_vcount(graph), m = igraph_ecount(graph);
    if (igraph_vector_int_resize(&c->sizes, k) || igraph_vector_int_resize(&c->internal_edges, k) ||
        igraph_vector_int_resize(&c->external_edges, k) || igraph_vector_resize(&c->internal_weight, k) ||
        igraph_vector_resize(&c->internal_strength, n))
        return COA_ENOMEM;
    igraph_vector_int_null(&c->sizes);
    igraph_vector_int_null(&c->internal_edges);
    igraph_vector_int_null(&c->external_edges);
    igraph_vector_null(&c->internal_weight);
    igraph_vector_null(&c->internal_strength);
    for (igraph_integer_t v = 0; v < n; v++)
        VECTOR(c->sizes)[VECTOR(c->membership)[v]]++;
    /* each community's vertices, by a counting sort: listing them all would
     * otherwise scan every vertex once per community */
    if (igraph_vector_int_resize(&c->member_start, k + 1) || igraph_vector_int_resize(&c->member_list, n))
        return COA_ENOMEM;
    VECTOR(c->member_start)[0] = 0;
    for (igraph_integer_t i = 0; i < k; i++)
        VECTOR(c->member_start)[i + 1] = VECTOR(c->member_start)[i] + VECTOR(c->sizes)[i];
    {
        igraph_vector_int_t fill;
        if (igraph_vector_int_init_copy(&fill, &c->member_start))
            return COA_ENOMEM;
        for (igraph_integer_t v = 0; v < n; v++)
            VECTOR(c->member_list)[VECTOR(fill)[VECTOR(c->membership)[v]]++] = v;
        igraph_vector_int_destroy(&fill);
    }
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t a = IGRAPH_FROM(graph, e), b = IGRAPH_TO(graph, e);
        igraph_integer_t ca = VECTOR(c->membership)[a], cb = VECTOR(c->membership)[b];
        if (ca == cb) {
            double x = edge_weight(w, e);
            VECTOR(c->internal_edges)[ca]++;
            VECTOR(c->internal_weight)[ca] += x;
            VECTOR(c->internal_strength)[a] += x;
            VECTOR(c->internal_strength)[b] += x;
        } else {
            VECTOR(c->external_edges)[ca]++;
            VECTOR(c->external_edges)[cb]++;
        }
    }
    return COA_OK;
}

void coa_communities_destroy(coa_communities_t *c)
{
    igraph_vector_int_destroy(&c->membership);
    igraph_vector_int_destroy(&c->sizes);
    igraph_vector_int_destroy(&c->internal_edges);
    igraph_vector_int_destroy(&c->external_edges);
    igraph_vector_destroy(&c->internal_weight);
    igraph_vector_destroy(&c->internal_strength);
    igraph_vector_int_destroy(&c->member_start);
    igraph_vector_int_destroy(&c->member_list);
    memset(c, 0, sizeof *c);
}

static int communities_init(coa_communities_t *c)
{
    memset(c, 0, sizeof *c);
    c->modularity = c->quality = c->codelength = NAN;
    /* igraph vectors of size 0 can always be destroyed once initialised;
     * initialise all first so that destroy is safe after a partial failure */
    int bad = 0;
    bad |= igraph_vector_int_init(&c->membership, 0) != IGRAPH_SUCCESS;
    bad |= igraph_vector_int_init(&c->sizes, 0) != IGRAPH_SUCCESS;
    bad |= igraph_vector_int_init(&c->internal_edges, 0) != IGRAPH_SUCCESS;
    bad |= igraph_vector_int_init(&c->external_edges, 0) != IGRAPH_SUCCESS;
    bad |= igraph_vector_init(&c->internal_weight, 0) != IGRAPH_SUCCESS;
    bad |= igraph_vector_init(&c->internal_strength, 0) != IGRAPH_SUCCESS;
    bad |= igraph_vector_int_init(&c->member_start, 0) != IGRAPH_SUCCESS;
    bad |= igraph_vector_int_init(&c->member_list, 0) != IGRAPH_SUCCESS;
    return bad ? COA_ENOMEM : COA_OK;
}

int coa_communities_detect(coa_communities_t *out, const coa_graph_t *g, const coa_community_options_t *opts)
{
    if (communities_init(out))
        return COA_ENOMEM;
    out->method = opts->method;
    if ((unsigned)opts->method > COA_COMMUNITY_OPTIMAL || (unsigned)opts->weight > COA_COMMUNITY_WEIGHT_NONE ||
        !(opts->resolution >= 0) || !isfinite(opts->resolution) || opts->time_limit < 0)
        return COA_EINVAL;
    const igraph_t *graph = &g->graph;
    const igraph_vector_t *w = coa_community_weights(g, opts->weight);
    igraph_integer_t n = igraph_vcount(graph), m = igraph_ecount(graph);
    int err = COA_OK;
    if (w && igraph_vector_size(w) != m)
        return COA_EINVAL;

    if (m == 0) {
        /* no edges: every author alone; modularity is undefined */
        if (opts->method == COA_COMMUNITY_OPTIMAL) {
            out->optimal_largest = n ? 1 : 0;
        }
        if (igraph_vector_int_resize(&out->membership, n))
            return COA_ENOMEM;
        for (igraph_integer_t v = 0; v < n; v++)
            VECTOR(out->membership)[v] = v;
    } else {
        igraph_error_t ie = IGRAPH_SUCCESS;
        switch (opts->method) {
        case COA_COMMUNITY_LEIDEN:
            err = run_leiden(graph, w, opts, &out->membership, &out->quality, &out->best_run);
            break;
        case COA_COMMUNITY_LOUVAIN:
            igraph_rng_seed(igraph_rng_default(), opts->seed);
            ie = igraph_community_multilevel(graph, w, opts->resolution, &out->membership, NULL, NULL);
            break;
        case COA_COMMUNITY_FASTGREEDY:
        case COA_COMMUNITY_WALKTRAP:
            err = run_dendrogram(graph, w, opts, &out->membership);
            break;
        case COA_COMMUNITY_LABELPROP:
            igraph_rng_seed(igraph_rng_default(), opts->seed);
            ie = igraph_community_label_propagation(graph, &out->membership, IGRAPH_ALL, w, NULL, NULL);
            break;
        case COA_COMMUNITY_INFOMAP:
            igraph_rng_seed(igraph_rng_default(), opts->seed);
            ie = igraph_community_infomap(graph, w, NULL, opts->infomap_trials > 0 ? opts->infomap_trials : 1,
                                          &out->membership, &out->codelength);
            break;
        case COA_COMMUNITY_OPTIMAL:
            err = run_optimal(graph, w, opts, &out->membership, &out->optimal_largest, &out->interrupted);
            break;
        }
        if (ie)
            err = ie == IGRAPH_ENOMEM ? COA_ENOMEM : COA_EGRAPH;
        if (err)
            return err;
    }
    if ((err = renumber(g, &out->membership, &out->n_communities)))
        return err;
    if (m > 0) {
        igraph_real_t q;
        if (igraph_modularity(graph, &out->membership, w, 1.0, 0, &q))
            return COA_EGRAPH;
        out->modularity = q;
        /* Leiden reports its own quality (for modularity, Q at gamma: the
         * unit tests hold it to igraph_modularity); the others get Q at gamma */
        if (opts->method != COA_COMMUNITY_LEIDEN) {
            if (opts->resolution == 1.0)
                out->quality = q;
            else if (igraph_modularity(graph, &out->membership, w, opts->resolution, 0, &q))
                return COA_EGRAPH;
            else
                out->quality = q;
        }
    }
    return summarise(out, g, w);
}

/* ---- members by centrality ---- */

static const coa_communities_t *members_c;
static const coa_graph_t *members_g;

static int cmp_member(const void *pa, const void *pb)
{
    igraph_integer_t a = *(const igraph_integer_t *)pa, b = *(const igraph_integer_t *)pb;
    double sa = VECTOR(members_c->internal_strength)[a], sb = VECTOR(members_c->internal_strength)[b];
    if (sa != sb)
        return sa > sb ? -1 : 1;
    return cmp_names(members_g, a, b);
}

int coa_communities_members(const coa_communities_t *c, const coa_graph_t *g, igraph_integer_t k,
                            igraph_vector_int_t *out)
{
    if (k < 0 || k >= c->n_communities)
        return COA_EINVAL;
    if (igraph_vector_int_resize(out, VECTOR(c->sizes)[k]))
        return COA_ENOMEM;
    igraph_integer_t j = 0;
    for (igraph_integer_t i = VECTOR(c->member_start)[k]; i < VECTOR(c->member_start)[k + 1]; i++)
        VECTOR(*out)[j++] = VECTOR(c->member_list)[i];
    members_c = c;
    members_g = g;
    qsort(VECTOR(*out), (size_t)j, sizeof(igraph_integer_t), cmp_member);
    return COA_OK;
}
