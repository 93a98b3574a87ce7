/*
 * Collaboration chains and distances.
 *
 * igraph_get_shortest_path is a single-source search: on 248k authors it
 * takes about 27 ms whatever the two authors, where networkx's
 * bidirectional search answers in about 1 ms.  The shortest chains here
 * come from a bidirectional breadth-first search on the compressed
 * adjacency, which grows the two searches level by level and always
 * expands the side whose frontier has fewer edges to scan.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coauthor/path.h"
#include "internal.h"

#define UNSEEN UINT32_MAX

/* useful[] bits */
enum { ON_CHAIN = 1, SETTLED = 2 };

struct coa_path_finder {
    const coa_graph_t *g;
    coa_adjacency_t adj;
    uint32_t n;
    /* per vertex, for each side of the search (0: from, 1: to) */
    uint32_t *dist[2];
    uint64_t *sigma[2];     /* shortest chains from the side's root */
    uint32_t *queue[2];     /* discovered vertices, in order */
    uint8_t *useful;        /* ON_CHAIN, SETTLED */
    uint32_t *slot;         /* index of a vertex in the chain graph, or UNSEEN */
    double *cost;           /* strongest chains; allocated on first use */
};

int coa_path_finder_new(const coa_graph_t *g, coa_path_finder_t **finder)
{
    *finder = NULL;
    coa_path_finder_t *f = calloc(1, sizeof *f);
    if (!f)
        return COA_ENOMEM;
    f->g = g;
    int err = coa_adjacency_init(&f->adj, &g->graph);
    if (err) {
        free(f);
        return err;
    }
    f->n = f->adj.n;
    size_t n = f->n ? f->n : 1;
    for (int s = 0; s < 2; s++) {
        f->dist[s] = malloc(n * sizeof *f->dist[s]);
        f->sigma[s] = calloc(n, sizeof *f->sigma[s]);
        f->queue[s] = malloc(n * sizeof *f->queue[s]);
    }
    f->useful = calloc(n, 1);
    f->slot = malloc(n * sizeof *f->slot);
    if (!f->dist[0] || !f->dist[1] || !f->sigma[0] || !f->sigma[1] || !f->queue[0] || !f->queue[1] ||
        !f->useful || !f->slot) {
        coa_path_finder_free(f);
        return COA_ENOMEM;
    }
    for (uint32_t v = 0; v < f->n; v++)
        f->dist[0][v] = f->dist[1][v] = f->slot[v] = UNSEEN;
    *finder = f;
    return COA_OK;
}

void coa_path_finder_free(coa_path_finder_t *f)
{
    if (!f)
        return;
    coa_adjacency_destroy(&f->adj);
    for (int s = 0; s < 2; s++) {
        free(f->dist[s]);
        free(f->sigma[s]);
        free(f->queue[s]);
    }
    free(f->useful);
    free(f->slot);
    free(f->cost);
    free(f);
}

void coa_path_result_init(coa_path_result_t *res)
{
    memset(res, 0, sizeof *res);
}

void coa_path_result_destroy(coa_path_result_t *res)
{
    free(res->vertices);
    memset(res, 0, sizeof *res);
}

static void result_clear(coa_path_result_t *res)
{
    free(res->vertices);
    memset(res, 0, sizeof *res);
}

static uint64_t sat_add(uint64_t a, uint64_t b, int *saturated)
{
    if (a > UINT64_MAX - b) {
        *saturated = 1;
        return UINT64_MAX;
    }
    return a + b;
}

static uint64_t sat_mul(uint64_t a, uint64_t b, int *saturated)
{
    if (a && b > UINT64_MAX / a) {
        *saturated = 1;
        return UINT64_MAX;
    }
    return a * b;
}

static const char *name_of(const coa_path_finder_t *f, uint32_t v)
{
    return coa_graph_vertex_name(f->g, v);
}

static int name_cmp(const void *pa, const void *pb, void *ctx)
{
    const coa_path_finder_t *f = ctx;
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    int r = strcmp(name_of(f, a), name_of(f, b));
    if (r)
        return r;
    return a < b ? -1 : a > b; /* equal names: vertex order keeps it stable */
}

static uint64_t degree(const coa_path_finder_t *f, uint32_t v)
{
    return f->adj.offsets[v + 1] - f->adj.offsets[v];
}

/* One side of the bidirectional search. */
typedef struct {
    uint32_t *dist;
    uint64_t *sigma;
    uint32_t *queue;
    uint32_t tail;           /* vertices discovered */
    uint32_t frontier;       /* the frontier is queue[frontier .. tail) */
    uint32_t level;          /* its distance from the side's root */
    uint64_t frontier_edges; /* edges to scan to expand it */
} side_t;

/* Expands one whole level of side x; the level's path counts are final
 * only once every vertex of the level before has been scanned.  Returns
 * how many new vertices the other side y has already discovered. */
static uint32_t expand(const coa_path_finder_t *f, side_t *x, const side_t *y, int *saturated)
{
    uint32_t start = x->frontier, end = x->tail, met = 0;
    uint64_t edges = 0;
    for (uint32_t i = start; i < end; i++) {
        uint32_t v = x->queue[i];
        uint32_t d = x->dist[v] + 1;
        for (uint64_t k = f->adj.offsets[v]; k < f->adj.offsets[v + 1]; k++) {
            uint32_t w = f->adj.neighbors[k];
            if (x->dist[w] == UNSEEN) {
                x->dist[w] = d;
                x->sigma[w] = x->sigma[v];
                x->queue[x->tail++] = w;
                edges += degree(f, w);
                met += y->dist[w] != UNSEEN;
            } else if (x->dist[w] == d) {
                x->sigma[w] = sat_add(x->sigma[w], x->sigma[v], saturated);
            }
        }
    }
    x->frontier = end;
    x->level++;
    x->frontier_edges = edges;
    return met;
}

/* Marks the vertices of side x that lie on a shortest chain, walking
 * back from the meeting vertices (already marked) towards x's root.  The
 * queue holds vertices by distance, so one backward pass sees every
 * marked vertex before the vertices one step closer to the root. */
static void mark_back(coa_path_finder_t *f, const side_t *x)
{
    for (uint32_t i = x->tail; i-- > 0;) {
        uint32_t v = x->queue[i];
        if (!(f->useful[v] & ON_CHAIN) || x->dist[v] == 0)
            continue;
        uint32_t want = x->dist[v] - 1;
        for (uint64_t k = f->adj.offsets[v]; k < f->adj.offsets[v + 1]; k++) {
            uint32_t w = f->adj.neighbors[k];
            if (x->dist[w] == want)
                f->useful[w] |= ON_CHAIN;
        }
    }
}

static void reset_side(coa_path_finder_t *f, const side_t *x)
{
    for (uint32_t i = 0; i < x->tail; i++) {
        uint32_t v = x->queue[i];
        x->dist[v] = UNSEEN;
        x->sigma[v] = 0;
        f->useful[v] = 0;
        f->slot[v] = UNSEEN;
    }
}

/* The chain graph: the vertices on shortest chains, each with its
 * successors (one step closer to 'to') sorted by name. */
typedef struct {
    uint32_t n;
    uint32_t *vertex;   /* slot -> vertex */
    uint32_t *start;    /* slot -> first successor, CSR */
    uint32_t *succ;     /* successor slots */
} chain_graph_t;

static void chain_graph_destroy(chain_graph_t *cg)
{
    free(cg->vertex);
    free(cg->start);
    free(cg->succ);
}

/* Position of a chain vertex along the chain: its distance from 'from'. */
static uint32_t position(const coa_path_finder_t *f, uint32_t v, uint32_t length)
{
    return f->dist[0][v] != UNSEEN ? f->dist[0][v] : length - f->dist[1][v];
}

static int chain_graph_build(coa_path_finder_t *f, const side_t *sides, uint32_t length, chain_graph_t *cg)
{
    memset(cg, 0, sizeof *cg);
    uint32_t n = 0;
    for (int s = 0; s < 2; s++)
        for (uint32_t i = 0; i < sides[s].tail; i++) {
            uint32_t v = sides[s].queue[i];
            if ((f->useful[v] & ON_CHAIN) && f->slot[v] == UNSEEN)
                f->slot[v] = n++;
        }
    cg->n = n;
    cg->vertex = malloc((n ? n : 1) * sizeof *cg->vertex);
    cg->start = malloc(((size_t)n + 1) * sizeof *cg->start);
    if (!cg->vertex || !cg->start)
        return COA_ENOMEM;
    for (int s = 0; s < 2; s++)
        for (uint32_t i = 0; i < sides[s].tail; i++) {
            uint32_t v = sides[s].queue[i];
            if (f->slot[v] != UNSEEN)
                cg->vertex[f->slot[v]] = v;
        }
    /* two passes over the successors: count, then fill */
    uint32_t total = 0;
    for (int pass = 0; pass < 2; pass++) {
        total = 0;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t v = cg->vertex[i], next = position(f, v, length) + 1;
            cg->start[i] = total;
            for (uint64_t k = f->adj.offsets[v]; k < f->adj.offsets[v + 1]; k++) {
                uint32_t w = f->adj.neighbors[k];
                if (f->slot[w] == UNSEEN || position(f, w, length) != next)
                    continue;
                if (pass == 1)
                    cg->succ[total] = w;
                total++;
            }
            if (pass == 1) {
                qsort_r(cg->succ + cg->start[i], total - cg->start[i], sizeof *cg->succ, name_cmp, f);
                for (uint32_t k = cg->start[i]; k < total; k++)
                    cg->succ[k] = f->slot[cg->succ[k]];
            }
        }
        cg->start[n] = total;
        if (pass == 0 && !(cg->succ = malloc((total ? total : 1) * sizeof *cg->succ)))
            return COA_ENOMEM;
    }
    return COA_OK;
}

/* Lists up to 'limit' chains from 'from' to 'to' in name order, by a
 * depth-first walk of the chain graph; every walk reaches 'to'. */
static int list_chains(coa_path_finder_t *f, const chain_graph_t *cg, uint32_t from, uint32_t length,
                       uint32_t limit, coa_path_result_t *res)
{
    size_t width = (size_t)length + 1;
    uint64_t want = res->total_chains < limit ? res->total_chains : limit;
    res->vertices = malloc((want ? want : 1) * width * sizeof *res->vertices);
    uint32_t *stack = malloc(width * sizeof *stack); /* successor index taken at each depth */
    uint32_t *at = malloc(width * sizeof *at);        /* slot at each depth */
    int err = COA_OK;
    if (!res->vertices || !stack || !at) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    if (want == 0)
        goto cleanup;
    uint32_t depth = 0;
    at[0] = f->slot[from];
    stack[0] = cg->start[at[0]];
    while (res->n_chains < want) {
        if (depth == length) {
            uint32_t *out = res->vertices + (size_t)res->n_chains++ * width;
            for (uint32_t i = 0; i <= length; i++)
                out[i] = cg->vertex[at[i]];
            if (depth == 0)
                break;
            depth--;
            continue;
        }
        uint32_t u = at[depth];
        if (stack[depth] == cg->start[u + 1]) {
            if (depth == 0)
                break;
            depth--;
            continue;
        }
        uint32_t w = cg->succ[stack[depth]++];
        at[++depth] = w;
        stack[depth] = cg->start[w];
    }
cleanup:
    free(stack);
    free(at);
    return err;
}

/* The first chain by name alone, without the sorted chain graph that a
 * listing needs: the smallest name one step further at every step. */
static int first_chain(const coa_path_finder_t *f, uint32_t from, uint32_t length, coa_path_result_t *res)
{
    if (!(res->vertices = malloc(((size_t)length + 1) * sizeof *res->vertices)))
        return COA_ENOMEM;
    uint32_t v = from;
    res->vertices[0] = from;
    for (uint32_t i = 1; i <= length; i++) {
        uint32_t best = UNSEEN;
        for (uint64_t k = f->adj.offsets[v]; k < f->adj.offsets[v + 1]; k++) {
            uint32_t w = f->adj.neighbors[k];
            if (!(f->useful[w] & ON_CHAIN) || position(f, w, length) != i)
                continue;
            if (best == UNSEEN || name_cmp(&w, &best, (void *)f) < 0)
                best = w;
        }
        if (best == UNSEEN) /* cannot happen: every chain vertex continues */
            return COA_EGRAPH;
        res->vertices[i] = v = best;
    }
    res->n_chains = 1;
    return COA_OK;
}

int coa_path_shortest(coa_path_finder_t *f, igraph_integer_t from, igraph_integer_t to, uint32_t limit,
                      coa_path_result_t *res)
{
    result_clear(res);
    if (from < 0 || to < 0 || from >= (igraph_integer_t)f->n || to >= (igraph_integer_t)f->n)
        return COA_EINVAL;
    uint32_t s = (uint32_t)from, t = (uint32_t)to;
    if (s == t) {
        res->found = 1;
        res->total_chains = 1;
        res->touched = 1;
        if (limit) {
            if (!(res->vertices = malloc(sizeof *res->vertices)))
                return COA_ENOMEM;
            res->vertices[0] = s;
            res->n_chains = 1;
        }
        return COA_OK;
    }
    side_t sides[2];
    uint32_t roots[2] = {s, t};
    for (int i = 0; i < 2; i++) {
        side_t *x = &sides[i];
        x->dist = f->dist[i];
        x->sigma = f->sigma[i];
        x->queue = f->queue[i];
        x->dist[roots[i]] = 0;
        x->sigma[roots[i]] = 1;
        x->queue[0] = roots[i];
        x->tail = 1;
        x->frontier = 0;
        x->level = 0;
        x->frontier_edges = degree(f, roots[i]);
    }
    int saturated = 0, err = COA_OK, grown = -1;
    uint32_t met = 0;
    for (;;) {
        /* the cheaper frontier; ties to the 'from' side */
        grown = sides[1].frontier_edges < sides[0].frontier_edges;
        side_t *x = &sides[grown], *y = &sides[!grown];
        met = expand(f, x, y, &saturated);
        if (met)
            break;
        if (x->frontier == x->tail) { /* nothing new: x's component is exhausted */
            res->exhausted_side = grown;
            res->exhausted_size = x->tail;
            break;
        }
    }
    res->touched = (uint64_t)sides[0].tail + sides[1].tail - met;
    if (!met)
        goto cleanup;

    /* Every shortest chain crosses the new level of x at exactly one vertex,
     * which y reached at its frontier: the count is the sum over these
     * meeting vertices of the chains to them from both ends. */
    side_t *x = &sides[grown], *y = &sides[!grown];
    uint32_t length = x->level + y->level;
    uint64_t total = 0;
    for (uint32_t i = x->frontier; i < x->tail; i++) {
        uint32_t v = x->queue[i];
        if (y->dist[v] == UNSEEN)
            continue;
        f->useful[v] |= ON_CHAIN;
        total = sat_add(total, sat_mul(x->sigma[v], y->sigma[v], &saturated), &saturated);
    }
    res->found = 1;
    res->length = length;
    res->total_chains = total;
    res->total_saturated = saturated;
    if (limit == 1) {
        mark_back(f, &sides[0]);
        mark_back(f, &sides[1]);
        err = first_chain(f, s, length, res);
    } else if (limit) {
        mark_back(f, &sides[0]);
        mark_back(f, &sides[1]);
        chain_graph_t cg;
        err = chain_graph_build(f, sides, length, &cg);
        if (!err)
            err = list_chains(f, &cg, s, length, limit, res);
        chain_graph_destroy(&cg);
    }
cleanup:
    reset_side(f, &sides[0]);
    reset_side(f, &sides[1]);
    if (err)
        result_clear(res);
    return err;
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
    const uint32_t *hops = f->dist[0];
    return (f->useful[u] & SETTLED) && hops[u] + 1 == hops[v] &&
           key_cmp(f->cost[u] + hop_cost(f, e), hops[u] + 1, f->cost[v], hops[v]) == 0;
}

int coa_path_strongest(coa_path_finder_t *f, igraph_integer_t from, igraph_integer_t to, coa_path_result_t *res)
{
    result_clear(res);
    if (from < 0 || to < 0 || from >= (igraph_integer_t)f->n || to >= (igraph_integer_t)f->n)
        return COA_EINVAL;
    if (!f->cost && !(f->cost = malloc((f->n ? f->n : 1) * sizeof *f->cost)))
        return COA_ENOMEM;
    uint32_t s = (uint32_t)from, t = (uint32_t)to;
    uint32_t *hops = f->dist[0], *seen = f->queue[0], *order = f->queue[1];
    uint64_t *sigma = f->sigma[0];
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
        for (uint64_t k = f->adj.offsets[v]; k < f->adj.offsets[v + 1]; k++) {
            uint32_t w = f->adj.neighbors[k];
            if (f->useful[w] & SETTLED)
                continue;
            double c = it.cost + hop_cost(f, f->adj.edge_ids[k]);
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
        for (uint64_t k = f->adj.offsets[v]; k < f->adj.offsets[v + 1]; k++)
            if (tight(f, f->adj.neighbors[k], v, f->adj.edge_ids[k]))
                f->useful[f->adj.neighbors[k]] |= ON_CHAIN;
    }
    /* count them, in settling order */
    int saturated = 0;
    sigma[s] = 1;
    for (uint32_t i = 1; i < n_order; i++) {
        uint32_t v = order[i];
        if (!(f->useful[v] & ON_CHAIN))
            continue;
        for (uint64_t k = f->adj.offsets[v]; k < f->adj.offsets[v + 1]; k++) {
            uint32_t u = f->adj.neighbors[k];
            if ((f->useful[u] & ON_CHAIN) && tight(f, u, v, f->adj.edge_ids[k]))
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
        for (uint64_t k = f->adj.offsets[v]; k < f->adj.offsets[v + 1]; k++) {
            uint32_t w = f->adj.neighbors[k];
            if (!(f->useful[w] & ON_CHAIN) || !(f->useful[w] & SETTLED) || !tight(f, v, w, f->adj.edge_ids[k]))
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

void coa_hop_init(coa_hop_t *hop)
{
    memset(hop, 0, sizeof *hop);
    hop->edge = -1;
}

void coa_hop_destroy(coa_hop_t *hop)
{
    free(hop->papers);
    free(hop->paper_flags);
    coa_hop_init(hop);
}

/* The flags of one joint paper of authors a and b: an inferred authorship
 * of either, or one that the identity checks (coa_find_homonyms) flagged
 * as possibly another person of the same name. */
static unsigned evidence_flags(const coa_corpus_t *c, uint32_t paper, uint32_t a, uint32_t b)
{
    const coa_paper_t *p = &c->papers[paper];
    unsigned flags = 0;
    for (uint32_t i = 0; i < p->n_authorships; i++) {
        const coa_authorship_t *as = &c->authorships[p->first_authorship + i];
        if (as->author != a && as->author != b)
            continue;
        if (as->inferred)
            flags |= COA_EVIDENCE_INFERRED;
        if (as->flags & COA_AUTHORSHIP_POSSIBLE_HOMONYM)
            flags |= COA_EVIDENCE_HOMONYM;
    }
    return flags;
}

static int paper_cmp(const void *pa, const void *pb, void *ctx)
{
    const coa_corpus_t *c = ctx;
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    int ya = c->papers[a].year, yb = c->papers[b].year;
    if (ya != yb)
        return ya > yb ? -1 : 1; /* newest first, as rank --papers lists them */
    /* then by what the papers say, not by their place in the input, so the
     * order does not change when the inputs are given in another order */
    const coa_paper_t *x = &c->papers[a], *y = &c->papers[b];
    int r;
    if ((r = strcmp(coa_corpus_str(c, x->title), coa_corpus_str(c, y->title))) ||
        (r = strcmp(coa_corpus_str(c, x->doi), coa_corpus_str(c, y->doi))) ||
        (r = strcmp(coa_corpus_str(c, x->key), coa_corpus_str(c, y->key))) ||
        (r = strcmp(coa_corpus_str(c, c->sources[x->source].path), coa_corpus_str(c, c->sources[y->source].path))))
        return r;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return a < b ? -1 : a > b;
}

int coa_path_hop(const coa_path_finder_t *f, igraph_integer_t u, igraph_integer_t v, coa_hop_t *hop)
{
    coa_hop_destroy(hop);
    if (u < 0 || v < 0 || u >= (igraph_integer_t)f->n || v >= (igraph_integer_t)f->n)
        return COA_EINVAL;
    /* neighbour lists are ascending: binary search */
    uint64_t lo = f->adj.offsets[u], hi = f->adj.offsets[u + 1];
    while (lo < hi) {
        uint64_t mid = lo + (hi - lo) / 2;
        if (f->adj.neighbors[mid] < (uint32_t)v)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == f->adj.offsets[u + 1] || f->adj.neighbors[lo] != (uint32_t)v)
        return COA_ENOTFOUND;
    const coa_graph_t *g = f->g;
    const coa_corpus_t *c = g->corpus;
    uint32_t e = f->adj.edge_ids[lo];
    igraph_integer_t first = g->edge_paper_start[e], n = g->edge_paper_start[e + 1] - first;
    hop->edge = e;
    hop->papers = malloc((size_t)(n ? n : 1) * sizeof *hop->papers);
    hop->paper_flags = malloc((size_t)(n ? n : 1));
    if (!hop->papers || !hop->paper_flags) {
        coa_hop_destroy(hop);
        return COA_ENOMEM;
    }
    memcpy(hop->papers, g->edge_papers + first, (size_t)n * sizeof *hop->papers);
    qsort_r(hop->papers, (size_t)n, sizeof *hop->papers, paper_cmp, (void *)c);
    hop->n_papers = (uint32_t)n;
    unsigned all = n ? ~0u : 0u;
    for (uint32_t i = 0; i < hop->n_papers; i++) {
        unsigned fl = evidence_flags(c, hop->papers[i], g->vertex_author[u], g->vertex_author[v]);
        hop->paper_flags[i] = (uint8_t)fl;
        all &= fl;
        hop->any_flags |= fl;
    }
    hop->flags = all;
    return COA_OK;
}

/* ---- distances from a root ---- */

int coa_path_distances(coa_path_finder_t *f, igraph_integer_t root, coa_distances_t *d)
{
    memset(d, 0, sizeof *d);
    if (root < 0 || root >= (igraph_integer_t)f->n)
        return COA_EINVAL;
    d->distance = malloc((f->n ? f->n : 1) * sizeof *d->distance);
    if (!d->distance)
        return COA_ENOMEM;
    for (uint32_t v = 0; v < f->n; v++)
        d->distance[v] = COA_PATH_UNREACHED;
    uint32_t *queue = f->queue[0], head = 0, tail = 0;
    d->distance[root] = 0;
    queue[tail++] = (uint32_t)root;
    double sum = 0;
    while (head < tail) {
        uint32_t v = queue[head++];
        uint32_t dv = d->distance[v] + 1;
        for (uint64_t k = f->adj.offsets[v]; k < f->adj.offsets[v + 1]; k++) {
            uint32_t w = f->adj.neighbors[k];
            if (d->distance[w] != COA_PATH_UNREACHED)
                continue;
            d->distance[w] = dv;
            sum += dv;
            queue[tail++] = w;
        }
    }
    d->max_distance = d->distance[queue[tail - 1]];
    d->reachable = tail;
    d->unreachable = f->n - tail;
    d->mean_distance = tail > 1 ? sum / (tail - 1) : 0;
    d->histogram = calloc((size_t)d->max_distance + 1, sizeof *d->histogram);
    if (!d->histogram) {
        coa_distances_destroy(d);
        return COA_ENOMEM;
    }
    for (uint32_t i = 0; i < tail; i++)
        d->histogram[d->distance[queue[i]]]++;
    return COA_OK;
}

void coa_distances_destroy(coa_distances_t *d)
{
    free(d->distance);
    free(d->histogram);
    memset(d, 0, sizeof *d);
}
