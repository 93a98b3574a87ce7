/*
 * Collaboration chains and distances on a built graph: the graph view's
 * searches (graph/view_search.c) addressed by vertex, and the strongest
 * chain, a Dijkstra search over the graph's edge weights.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coauthor/path.h"
#include "graph/view_internal.h"

#define UNSEEN UINT32_MAX

/* useful[] bits */
enum { ON_CHAIN = 1, SETTLED = 2 };

struct coa_path_finder {
    const coa_graph_t *g;
    coa_view_t *view;
    const coa_adjacency_t *adj; /* the view's */
    uint32_t n;
    /* the strongest chain's workspace, made on first use */
    uint32_t *hops, *seen, *order;
    uint64_t *sigma;
    uint8_t *useful;
    double *cost;
};

int coa_path_finder_new(const coa_graph_t *g, coa_path_finder_t **finder)
{
    *finder = NULL;
    coa_path_finder_t *f = calloc(1, sizeof *f);
    if (!f)
        return COA_ENOMEM;
    f->g = g;
    int err = coa_view_new_graph(g, &f->view);
    if (err) {
        free(f);
        return err;
    }
    f->adj = f->view->adj;
    f->n = f->adj->n;
    *finder = f;
    return COA_OK;
}

void coa_path_finder_free(coa_path_finder_t *f)
{
    if (!f)
        return;
    coa_view_free(f->view);
    COA_FREE(f->hops, f->seen, f->order, f->sigma, f->useful, f->cost, f);
}

coa_view_t *coa_path_finder_view(coa_path_finder_t *f)
{
    return f->view;
}

void coa_path_result_init(coa_path_result_t *res)
{
    coa_chains_init(res);
}

void coa_path_result_destroy(coa_path_result_t *res)
{
    coa_chains_destroy(res);
}

static void result_clear(coa_path_result_t *res)
{
    coa_chains_destroy(res);
}

static uint64_t sat_add(uint64_t a, uint64_t b, int *saturated)
{
    if (a > UINT64_MAX - b) {
        *saturated = 1;
        return UINT64_MAX;
    }
    return a + b;
}

static int name_cmp(const void *pa, const void *pb, void *ctx)
{
    const coa_path_finder_t *f = ctx;
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    int r = strcmp(coa_graph_vertex_name(f->g, a), coa_graph_vertex_name(f->g, b));
    if (r)
        return r;
    return a < b ? -1 : a > b; /* equal names: vertex order keeps it stable */
}

int coa_path_shortest(coa_path_finder_t *f, igraph_integer_t from, igraph_integer_t to, uint32_t limit,
                      coa_path_result_t *res)
{
    if (from < 0 || to < 0 || from >= (igraph_integer_t)f->n || to >= (igraph_integer_t)f->n) {
        result_clear(res);
        return COA_EINVAL;
    }
    return coa_view_chains_slots(f->view, (uint32_t)from, (uint32_t)to, limit, res);
}

/* ---- strongest chain ---- */

typedef struct {
    double cost;
    uint32_t hops;
    uint32_t v;
} heap_item_t;

/* Orders by cost, with a relative tolerance so that sums of the same
 * fractions added in another order count as equal, then by hops. */
static int key_cmp(double c1, uint32_t h1, double c2, uint32_t h2)
{
    double tol = 1e-9 * fmax(1.0, fmax(c1, c2));
    if (c1 < c2 - tol)
        return -1;
    if (c1 > c2 + tol)
        return 1;
    return h1 < h2 ? -1 : h1 > h2;
}

static int item_less(const heap_item_t *a, const heap_item_t *b)
{
    int r = key_cmp(a->cost, a->hops, b->cost, b->hops);
    return r < 0 || (r == 0 && a->v < b->v);
}

typedef struct {
    heap_item_t *items;
    uint32_t n, cap;
} heap_t;

static int heap_push(heap_t *h, heap_item_t it)
{
    if (h->n == h->cap && coa_grow((void **)&h->items, &h->cap, h->n + 1, sizeof *h->items))
        return COA_ENOMEM;
    uint32_t i = h->n++;
    while (i > 0) {
        uint32_t p = (i - 1) / 2;
        if (!item_less(&it, &h->items[p]))
            break;
        h->items[i] = h->items[p];
        i = p;
    }
    h->items[i] = it;
    return COA_OK;
}

static heap_item_t heap_pop(heap_t *h)
{
    heap_item_t top = h->items[0], last = h->items[--h->n];
    uint32_t i = 0;
    for (;;) {
        uint32_t c = 2 * i + 1;
        if (c >= h->n)
            break;
        if (c + 1 < h->n && item_less(&h->items[c + 1], &h->items[c]))
            c++;
        if (!item_less(&h->items[c], &last))
            break;
        h->items[i] = h->items[c];
        i = c;
    }
    if (h->n)
        h->items[i] = last;
    return top;
}

static double hop_cost(const coa_path_finder_t *f, uint32_t edge)
{
    double jp = VECTOR(f->g->joint_papers)[edge];
    return jp > 0 ? 1.0 / jp : 1.0;
}

/* True when the hop u -> v over edge e continues a strongest chain to v. */
static int tight(const coa_path_finder_t *f, uint32_t u, uint32_t v, uint32_t e)
{
    const uint32_t *hops = f->hops;
    return (f->useful[u] & SETTLED) && hops[u] + 1 == hops[v] &&
           key_cmp(f->cost[u] + hop_cost(f, e), hops[u] + 1, f->cost[v], hops[v]) == 0;
}

/* The strongest chain's per-vertex arrays, made on first use. */
static int strongest_workspace(coa_path_finder_t *f)
{
    size_t n = f->n ? f->n : 1;
    f->hops = malloc(n * sizeof *f->hops);
    f->seen = malloc(n * sizeof *f->seen);
    f->order = malloc(n * sizeof *f->order);
    f->sigma = calloc(n, sizeof *f->sigma);
    f->useful = calloc(n, 1);
    f->cost = malloc(n * sizeof *f->cost);
    if (!f->hops || !f->seen || !f->order || !f->sigma || !f->useful || !f->cost) {
        free(f->cost);
        f->cost = NULL; /* tried again next time; the rest is freed with f */
        return COA_ENOMEM;
    }
    for (uint32_t v = 0; v < f->n; v++)
        f->hops[v] = UNSEEN;
    return COA_OK;
}

int coa_path_strongest(coa_path_finder_t *f, igraph_integer_t from, igraph_integer_t to, coa_path_result_t *res)
{
    result_clear(res);
    if (from < 0 || to < 0 || from >= (igraph_integer_t)f->n || to >= (igraph_integer_t)f->n)
        return COA_EINVAL;
    if (!f->cost && strongest_workspace(f))
        return COA_ENOMEM;
    uint32_t s = (uint32_t)from, t = (uint32_t)to;
    uint32_t *hops = f->hops, *seen = f->seen, *order = f->order;
    uint64_t *sigma = f->sigma;
    uint32_t n_seen = 0, n_order = 0;
    heap_t heap = {NULL, 0, 0};
    int err = COA_OK;

    hops[s] = 0;
    f->cost[s] = 0;
    seen[n_seen++] = s;
    if ((err = heap_push(&heap, (heap_item_t){0, 0, s})))
        goto cleanup;
    while (heap.n) {
        heap_item_t it = heap_pop(&heap);
        uint32_t v = it.v;
        if (f->useful[v] & SETTLED)
            continue;
        f->useful[v] |= SETTLED;
        order[n_order++] = v;
        if (v == t)
            break;
        for (uint64_t k = f->adj->offsets[v]; k < f->adj->offsets[v + 1]; k++) {
            uint32_t w = f->adj->neighbors[k];
            if (f->useful[w] & SETTLED)
                continue;
            double c = it.cost + hop_cost(f, f->adj->edge_ids[k]);
            uint32_t h = it.hops + 1;
            if (hops[w] == UNSEEN) {
                seen[n_seen++] = w;
            } else if (key_cmp(c, h, f->cost[w], hops[w]) >= 0) {
                continue;
            }
            hops[w] = h;
            f->cost[w] = c;
            if ((err = heap_push(&heap, (heap_item_t){c, h, w})))
                goto cleanup;
        }
    }
    res->touched = n_seen;
    if (!(f->useful[t] & SETTLED)) {
        res->exhausted_side = 0;
        res->exhausted_size = n_order;
        goto cleanup;
    }
    res->found = 1;
    res->length = hops[t];
    res->cost = f->cost[t];

    /* the vertices on strongest chains: back from t over tight hops */
    f->useful[t] |= ON_CHAIN;
    for (uint32_t i = n_order; i-- > 0;) {
        uint32_t v = order[i];
        if (!(f->useful[v] & ON_CHAIN) || v == s)
            continue;
        for (uint64_t k = f->adj->offsets[v]; k < f->adj->offsets[v + 1]; k++)
            if (tight(f, f->adj->neighbors[k], v, f->adj->edge_ids[k]))
                f->useful[f->adj->neighbors[k]] |= ON_CHAIN;
    }
    /* count them, in settling order */
    int saturated = 0;
    sigma[s] = 1;
    for (uint32_t i = 1; i < n_order; i++) {
        uint32_t v = order[i];
        if (!(f->useful[v] & ON_CHAIN))
            continue;
        for (uint64_t k = f->adj->offsets[v]; k < f->adj->offsets[v + 1]; k++) {
            uint32_t u = f->adj->neighbors[k];
            if ((f->useful[u] & ON_CHAIN) && tight(f, u, v, f->adj->edge_ids[k]))
                sigma[v] = sat_add(sigma[v], sigma[u], &saturated);
        }
    }
    res->total_chains = sigma[t];
    res->total_saturated = saturated;

    /* the chain first by name: the smallest next name at every step */
    if (!(res->vertices = malloc(((size_t)res->length + 1) * sizeof *res->vertices))) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    uint32_t v = s;
    res->vertices[0] = s;
    for (uint32_t i = 1; i <= res->length; i++) {
        uint32_t best = UNSEEN;
        for (uint64_t k = f->adj->offsets[v]; k < f->adj->offsets[v + 1]; k++) {
            uint32_t w = f->adj->neighbors[k];
            if (!(f->useful[w] & ON_CHAIN) || !(f->useful[w] & SETTLED) || !tight(f, v, w, f->adj->edge_ids[k]))
                continue;
            if (best == UNSEEN || name_cmp(&w, &best, f) < 0)
                best = w;
        }
        if (best == UNSEEN) { /* cannot happen: every chain vertex continues */
            err = COA_EGRAPH;
            goto cleanup;
        }
        res->vertices[i] = v = best;
    }
    res->n_chains = 1;

cleanup:
    for (uint32_t i = 0; i < n_seen; i++) {
        uint32_t w = seen[i];
        hops[w] = UNSEEN;
        sigma[w] = 0;
        f->useful[w] = 0;
    }
    free(heap.items);
    if (err)
        result_clear(res);
    return err;
}

/* ---- the evidence of a hop ---- */

int coa_path_hop(coa_path_finder_t *f, igraph_integer_t u, igraph_integer_t v, coa_hop_t *hop)
{
    coa_hop_destroy(hop);
    if (u < 0 || v < 0 || u >= (igraph_integer_t)f->n || v >= (igraph_integer_t)f->n)
        return COA_EINVAL;
    return coa_view_hop(f->view, f->g->vertex_author[u], f->g->vertex_author[v], hop);
}

/* ---- distances from a root ---- */

int coa_path_distances(coa_path_finder_t *f, igraph_integer_t root, coa_distances_t *d)
{
    memset(d, 0, sizeof *d);
    if (root < 0 || root >= (igraph_integer_t)f->n)
        return COA_EINVAL;
    int err = coa_view_distances(f->view, f->g->vertex_author[root], d);
    if (err)
        return err;
    /* per author to per vertex, in place: a vertex's author is never
     * before it, since vertices are numbered in author order */
    for (uint32_t v = 0; v < f->n; v++)
        d->distance[v] = d->distance[f->g->vertex_author[v]];
    return COA_OK;
}
