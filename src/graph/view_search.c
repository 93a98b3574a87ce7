/*
 * The searches of the graph view: shortest chains, an author's
 * neighbourhood, distances from a root and connected components, written
 * once for a built graph and a database's index.
 *
 * igraph_get_shortest_path is a single-source search: on 248k authors it
 * takes about 27 ms whatever the two authors, where networkx's
 * bidirectional search answers in about 1 ms.  The shortest chains here
 * come from a bidirectional breadth-first search, which grows the two
 * searches level by level and always expands the side whose frontier has
 * fewer edges to scan.
 *
 * Breadth-first searches that need no path counts (neighbourhoods,
 * distances, components) walk an index through its papers and mark each
 * paper once per search: a paper's authors are all one step further, so a
 * 500-author paper is read once, not once by each of its authors.
 */
#include <stdlib.h>
#include <string.h>

#include "view_internal.h"

#define AVOIDED UINT32_MAX

/* neighbours between a prefetch and the use of its lines */
#define PREFETCH_AHEAD 8

/* useful[] bits */
enum { ON_CHAIN = 1 };

void coa_chains_init(coa_chains_t *res)
{
    memset(res, 0, sizeof *res);
}

void coa_chains_destroy(coa_chains_t *res)
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

static int name_cmp(const void *pa, const void *pb, void *ctx)
{
    const coa_view_t *v = ctx;
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    const coa_corpus_t *c = v->c;
    int r = strcmp(coa_corpus_str(c, c->authors[coa_view_author(v, a)].display),
                   coa_corpus_str(c, c->authors[coa_view_author(v, b)].display));
    if (r)
        return r;
    return a < b ? -1 : a > b; /* equal names: id order keeps it stable */
}

/* One side of the bidirectional search. */
typedef struct {
    uint32_t *dist;          /* distance + 1; 0 unseen */
    uint64_t *sigma;
    uint64_t *seen;          /* the slots discovered, a bit each */
    uint32_t *queue;
    uint32_t tail;           /* slots discovered */
    uint32_t frontier;       /* the frontier is queue[frontier .. tail) */
    uint32_t level;          /* its distance from the side's root */
    uint64_t frontier_edges; /* edges to scan to expand it */
    /* the sum of the frontier's path counts (UINT64_MAX when it may have
     * overflowed): no slot of the next level can count more */
    uint64_t frontier_sigma;
    int id;                  /* 0 the 'from' side, 1 the 'to' side */
} side_t;

static int seen(const uint64_t *bits, uint32_t s)
{
    return (int)(bits[s / 64] >> (s % 64) & 1);
}

/* Adds slot w to x's new level, at distance + 1 d, with the path count
 * of s, one step closer to x's root. */
static void discover(side_t *x, uint32_t w, uint32_t d, uint32_t s)
{
    x->dist[w] = d;
    x->sigma[w] = x->sigma[s];
    x->seen[w / 64] |= (uint64_t)1 << (w % 64);
    x->queue[x->tail++] = w;
}

/* Keeps the step from slot w back to s, one closer to x's root; the
 * array grows out of line, only when it is full. */
static int add_pred(coa_view_t *v, const side_t *x, uint32_t w, uint32_t s)
{
    size_t n = v->npred[x->id];
    if (2 * n + 2 > v->pred_cap[x->id] &&
        coa_grow_array(&v->pred[x->id], &v->pred_cap[x->id], 2 * n + 2, sizeof *v->pred[0], 1024))
        return COA_ENOMEM;
    v->pred[x->id][2 * n] = w;
    v->pred[x->id][2 * n + 1] = s;
    v->npred[x->id] = n + 1;
    return COA_OK;
}

/* Expands side x's next level only where it meets y, when it does: the
 * level that meets is most of a search's work (on the 7M-paper index, 94%
 * of the edges scanned and of the slots discovered, of which 1 in 230
 * meets y), and the chains need only its meeting slots.  A first pass
 * reads one bit of y's per edge and keeps the steps into slots y has
 * discovered; when there are some, they alone make the level: each
 * meeting slot's path count is the sum over all its steps, in the order a
 * whole expansion would have added them, and the search stops there.
 * *met is 0 when the level does not meet y, with nothing changed. */
static int meet(coa_view_t *v, side_t *x, const side_t *y, int *saturated, uint32_t *met)
{
    uint32_t start = x->frontier, end = x->tail, d = x->level + 2;
    size_t first = v->npred[x->id];
    *met = 0;
    for (uint32_t i = start; i < end; i++) {
        uint32_t s = x->queue[i], n;
        const uint32_t *nb;
        int err = coa_view_slot_neighbors_unchecked(v, s, &nb, &n);
        if (err)
            return err;
        for (uint32_t k = 0; k < n; k++) {
            if (k + PREFETCH_AHEAD < n)
                __builtin_prefetch(&y->seen[nb[k + PREFETCH_AHEAD] / 64]);
            if (nb[k] >= v->n)
                return COA_EFORMAT;
            if (seen(y->seen, nb[k]) && (err = add_pred(v, x, nb[k], s)))
                return err;
        }
    }
    const uint32_t *pred = v->pred[x->id];
    for (size_t i = first; i < v->npred[x->id]; i++) {
        uint32_t w = pred[2 * i], s = pred[2 * i + 1];
        /* the two sides' slots were apart until this level: w is new, or
         * was reached already by an earlier step of this level */
        if (!x->dist[w]) {
            discover(x, w, d, s);
            ++*met;
        } else {
            x->sigma[w] = sat_add(x->sigma[w], x->sigma[s], saturated);
        }
    }
    if (*met) {
        x->frontier = end;
        x->level++;
    }
    return COA_OK;
}

/* Expands one whole level of side x; the level's path counts are final
 * only once every slot of the level before has been scanned.  *met counts
 * the new slots that the other side y has already discovered.  Every step
 * that reaches a slot of the new level is kept (add_pred), so that the
 * chains can be traced back without listing neighbours again: a hub on a
 * chain has tens of thousands of them at DBLP scale. */
static int expand(coa_view_t *v, side_t *x, const side_t *y, int *saturated, uint32_t *met)
{
    /* a level that meets y is expanded there alone; one whose path counts
     * may overflow is expanded whole, as that overflow is reported even
     * where no chain passes */
    if (x->frontier_sigma != UINT64_MAX) {
        int err = meet(v, x, y, saturated, met);
        if (err || *met)
            return err;
    }
    uint32_t start = x->frontier, end = x->tail;
    uint64_t edges = 0, level_sigma = 0;
    int level_saturated = 0;
    const uint32_t *degree = v->g ? NULL : v->x.degree;
    *met = 0;
    for (uint32_t i = start; i < end; i++) {
        uint32_t s = x->queue[i], d = x->dist[s] + 1, n;
        const uint32_t *nb;
        int err = coa_view_slot_neighbors_unchecked(v, s, &nb, &n);
        if (err)
            return err;
        for (uint32_t k = 0; k < n; k++) {
            uint32_t w = nb[k];
            if (w >= v->n)
                return COA_EFORMAT;
            /* the slots a few neighbours on are all over memory: their
             * cache lines are asked for now, to arrive by their turn */
            if (k + PREFETCH_AHEAD < n) {
                uint32_t ahead = nb[k + PREFETCH_AHEAD];
                __builtin_prefetch(&x->dist[ahead]);
                __builtin_prefetch(&x->sigma[ahead]);
                if (degree)
                    __builtin_prefetch(&degree[ahead]);
            }
            if (!x->dist[w]) {
                discover(x, w, d, s);
                edges += coa_view_slot_degree(v, w);
                *met += seen(y->seen, w);
            } else if (x->dist[w] == d) {
                x->sigma[w] = sat_add(x->sigma[w], x->sigma[s], saturated);
            } else {
                continue;
            }
            level_sigma = sat_add(level_sigma, x->sigma[s], &level_saturated);
            if ((err = add_pred(v, x, w, s)))
                return err;
        }
    }
    x->frontier = end;
    x->level++;
    x->frontier_edges = edges;
    x->frontier_sigma = level_sigma;
    return COA_OK;
}

/* The slots on shortest chains and the steps between them, as the
 * backward walk finds them. */
typedef struct {
    uint32_t *slots;    /* the slots marked ON_CHAIN, each once */
    size_t n_slots, slots_cap;
    uint32_t *steps;    /* pairs (u, w): u one step closer to 'from' than w */
    size_t n_steps, steps_cap;
} on_chain_t;

static int on_chain_slot(coa_view_t *v, on_chain_t *oc, uint32_t s)
{
    if (v->useful[s] & ON_CHAIN)
        return COA_OK;
    if (coa_grow_array(&oc->slots, &oc->slots_cap, oc->n_slots + 1, sizeof *oc->slots, 64))
        return COA_ENOMEM;
    v->useful[s] |= ON_CHAIN;
    oc->slots[oc->n_slots++] = s;
    return COA_OK;
}

/* Marks the slots of side x that lie on a shortest chain, walking back
 * from the meeting slots (already marked) towards x's root, and keeps the
 * steps between them: a kept step leads from a marked slot one closer to
 * x's root exactly when it lies on a shortest chain.  The steps are kept
 * level after level, so one backward pass over them sees every marked
 * slot before the slots one step closer to the root.  The 'from' side's
 * steps point back towards 'from', the 'to' side's towards 'to'. */
static int mark_back(coa_view_t *v, const side_t *x, on_chain_t *oc)
{
    const uint32_t *pred = v->pred[x->id];
    for (size_t i = v->npred[x->id]; i-- > 0;) {
        uint32_t w = pred[2 * i], s = pred[2 * i + 1];
        if (!(v->useful[w] & ON_CHAIN))
            continue;
        if (on_chain_slot(v, oc, s) ||
            coa_grow_array(&oc->steps, &oc->steps_cap, 2 * oc->n_steps + 2, sizeof *oc->steps, 128))
            return COA_ENOMEM;
        oc->steps[2 * oc->n_steps] = x->id == 0 ? s : w;
        oc->steps[2 * oc->n_steps + 1] = x->id == 0 ? w : s;
        oc->n_steps++;
    }
    return COA_OK;
}

/* The chain graph: the slots on shortest chains, each with its successors
 * (one step closer to 'to') sorted by name. */
typedef struct {
    uint32_t n;
    uint32_t *vertex;   /* chain index -> slot */
    uint32_t *start;    /* chain index -> first successor, CSR */
    uint32_t *succ;     /* successors' chain indexes */
} chain_graph_t;

static void chain_graph_destroy(chain_graph_t *cg)
{
    COA_FREE(cg->vertex, cg->start, cg->succ);
}

static int chain_graph_build(coa_view_t *v, const on_chain_t *oc, int sorted, chain_graph_t *cg)
{
    memset(cg, 0, sizeof *cg);
    uint32_t n = (uint32_t)oc->n_slots;
    cg->n = n;
    cg->vertex = malloc((n ? n : 1) * sizeof *cg->vertex);
    cg->start = calloc((size_t)n + 2, sizeof *cg->start);
    if (!cg->vertex || !cg->start)
        return COA_ENOMEM;
    for (uint32_t i = 0; i < n; i++) {
        cg->vertex[i] = oc->slots[i];
        v->slot[oc->slots[i]] = i + 1;
    }
    /* the steps, counted by their first slot, then placed (start[i + 1]
     * is the next free place of i's while filling) */
    for (size_t i = 0; i < oc->n_steps; i++)
        cg->start[v->slot[oc->steps[2 * i]] + 1]++;
    for (uint32_t i = 0; i < n; i++)
        cg->start[i + 2] += cg->start[i + 1];
    if (!(cg->succ = malloc((cg->start[n + 1] ? cg->start[n + 1] : 1) * sizeof *cg->succ)))
        return COA_ENOMEM;
    for (size_t i = 0; i < oc->n_steps; i++)
        cg->succ[cg->start[v->slot[oc->steps[2 * i]]]++] = oc->steps[2 * i + 1];
    /* now start[i + 1] ends i's successors: as chain indexes, sorted by
     * name when asked */
    for (uint32_t i = 0; i < n; i++) {
        uint32_t *succ = cg->succ + cg->start[i];
        uint32_t count = cg->start[i + 1] - cg->start[i];
        if (sorted)
            qsort_r(succ, count, sizeof *succ, name_cmp, v);
        for (uint32_t k = 0; k < count; k++)
            succ[k] = v->slot[succ[k]] - 1;
    }
    return COA_OK;
}

/* Lists up to 'limit' chains from 'from' to 'to' in name order, by a
 * depth-first walk of the chain graph; every walk reaches 'to'. */
static int list_chains(coa_view_t *v, const chain_graph_t *cg, uint32_t from, uint32_t length, uint32_t limit,
                       coa_chains_t *res)
{
    size_t width = (size_t)length + 1;
    uint64_t want = res->total_chains < limit ? res->total_chains : limit;
    res->vertices = malloc((want ? want : 1) * width * sizeof *res->vertices);
    uint32_t *stack = malloc(width * sizeof *stack); /* successor index taken at each depth */
    uint32_t *at = malloc(width * sizeof *at);        /* chain index at each depth */
    int err = COA_OK;
    if (!res->vertices || !stack || !at) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    if (want == 0)
        goto cleanup;
    uint32_t depth = 0;
    at[0] = v->slot[from] - 1;
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

/* The first chain by name alone, without sorting the chain graph as a
 * listing needs: the smallest name one step further at every step. */
static int first_chain(coa_view_t *v, const chain_graph_t *cg, uint32_t from, uint32_t length, coa_chains_t *res)
{
    if (!(res->vertices = malloc(((size_t)length + 1) * sizeof *res->vertices)))
        return COA_ENOMEM;
    uint32_t u = v->slot[from] - 1;
    res->vertices[0] = from;
    for (uint32_t i = 1; i <= length; i++) {
        uint32_t best = COA_NONE;
        for (uint32_t k = cg->start[u]; k < cg->start[u + 1]; k++) {
            uint32_t w = cg->succ[k];
            if (best == COA_NONE || name_cmp(&cg->vertex[w], &cg->vertex[best], v) < 0)
                best = w;
        }
        if (best == COA_NONE) /* cannot happen: every chain slot continues */
            return COA_EGRAPH;
        res->vertices[i] = cg->vertex[best];
        u = best;
    }
    res->n_chains = 1;
    return COA_OK;
}

/* Clears what side x's search set: its distances and path counts (collect
 * clears the chain marks it set). */
static void reset_side(const side_t *x)
{
    for (uint32_t i = 0; i < x->tail; i++) {
        uint32_t s = x->queue[i];
        if (i + PREFETCH_AHEAD < x->tail) {
            __builtin_prefetch(&x->dist[x->queue[i + PREFETCH_AHEAD]], 1);
            __builtin_prefetch(&x->sigma[x->queue[i + PREFETCH_AHEAD]], 1);
        }
        x->dist[s] = 0;
        x->sigma[s] = 0;
        x->seen[s / 64] = 0; /* the word's other bits are x's slots too */
    }
}

/* Counts and lists the chains once the two sides have met on x's new
 * level.  Every shortest chain crosses it at exactly one slot, which y
 * reached at its frontier: the count is the sum over these meeting slots
 * of the chains to them from both ends. */
static int collect(coa_view_t *v, side_t *sides, int grown, uint32_t from, uint32_t limit, int saturated,
                   coa_chains_t *res)
{
    side_t *x = &sides[grown], *y = &sides[!grown];
    uint32_t length = x->level + y->level;
    uint64_t total = 0;
    for (uint32_t i = x->frontier; i < x->tail; i++) {
        uint32_t s = x->queue[i];
        if (y->dist[s])
            total = sat_add(total, sat_mul(x->sigma[s], y->sigma[s], &saturated), &saturated);
    }
    res->found = 1;
    res->length = length;
    res->total_chains = total;
    res->total_saturated = saturated;
    if (!limit)
        return COA_OK;
    on_chain_t oc;
    memset(&oc, 0, sizeof oc);
    chain_graph_t cg;
    memset(&cg, 0, sizeof cg);
    int err = COA_OK;
    for (uint32_t i = x->frontier; i < x->tail && !err; i++)
        if (y->dist[x->queue[i]])
            err = on_chain_slot(v, &oc, x->queue[i]);
    if (!err && !(err = mark_back(v, &sides[0], &oc)) && !(err = mark_back(v, &sides[1], &oc)) &&
        !(err = chain_graph_build(v, &oc, limit > 1, &cg)))
        err = limit == 1 ? first_chain(v, &cg, from, length, res) : list_chains(v, &cg, from, length, limit, res);
    /* the marks are cleared here, on the slots marked, rather than on
     * every slot the search reached */
    for (size_t i = 0; i < oc.n_slots; i++) {
        v->useful[oc.slots[i]] = 0;
        v->slot[oc.slots[i]] = 0;
    }
    chain_graph_destroy(&cg);
    free(oc.slots);
    free(oc.steps);
    return err;
}

/* The search on slots; res->vertices holds slots. */
static int chains(coa_view_t *v, uint32_t from, uint32_t to, uint32_t limit, const uint32_t *avoid,
                  uint32_t n_avoid, coa_chains_t *res)
{
    if (from == to) {
        res->found = 1;
        res->total_chains = 1;
        res->touched = 1;
        if (limit) {
            if (!(res->vertices = malloc(sizeof *res->vertices)))
                return COA_ENOMEM;
            res->vertices[0] = from;
            res->n_chains = 1;
        }
        return COA_OK;
    }
    side_t sides[2];
    uint32_t roots[2] = {from, to};
    for (int i = 0; i < 2; i++) {
        side_t *x = &sides[i];
        x->dist = v->dist[i];
        x->sigma = v->sigma[i];
        x->seen = v->seen[i];
        x->queue = v->queue[i];
        x->tail = 0;
        discover(x, roots[i], 1, roots[i]);
        x->sigma[roots[i]] = 1;
        x->frontier = 0;
        x->level = 0;
        x->frontier_edges = coa_view_slot_degree(v, roots[i]);
        x->frontier_sigma = 1;
        x->id = i;
        v->npred[i] = 0;
    }
    /* an avoided author looks seen to both sides and at no distance */
    for (uint32_t i = 0; i < n_avoid; i++)
        v->dist[0][avoid[i]] = v->dist[1][avoid[i]] = AVOIDED;
    int saturated = 0, err = COA_OK, grown = 0;
    uint32_t met = 0;
    for (;;) {
        /* the cheaper frontier; ties to the 'from' side */
        grown = sides[1].frontier_edges < sides[0].frontier_edges;
        side_t *x = &sides[grown];
        if ((err = expand(v, x, &sides[!grown], &saturated, &met)))
            goto cleanup;
        if (met)
            break;
        if (x->frontier == x->tail) { /* nothing new: x's component is exhausted */
            res->exhausted_side = grown;
            res->exhausted_size = x->tail;
            break;
        }
    }
    res->touched = (uint64_t)sides[0].tail + sides[1].tail - met;
    if (met)
        err = collect(v, sides, grown, from, limit, saturated, res);
cleanup:
    reset_side(&sides[0]);
    reset_side(&sides[1]);
    for (uint32_t i = 0; i < n_avoid; i++)
        v->dist[0][avoid[i]] = v->dist[1][avoid[i]] = 0;
    return err;
}

int coa_view_chains(coa_view_t *v, uint32_t from, uint32_t to, uint32_t limit, const uint32_t *avoid,
                    uint32_t n_avoid, coa_chains_t *res)
{
    coa_chains_destroy(res);
    uint32_t s = coa_view_slot(v, from), t = coa_view_slot(v, to);
    if (s == COA_NONE || t == COA_NONE)
        return COA_EINVAL;
    int err = coa_view_workspace(v);
    if (err)
        return err;
    uint32_t *slots = malloc((n_avoid ? n_avoid : 1) * sizeof *slots), n_slots = 0;
    if (!slots)
        return COA_ENOMEM;
    for (uint32_t i = 0; i < n_avoid; i++) {
        uint32_t a = coa_view_slot(v, avoid[i]);
        if (a == s || a == t)
            err = COA_EINVAL;
        else if (a != COA_NONE)
            slots[n_slots++] = a;
    }
    if (!err)
        err = chains(v, s, t, limit, slots, n_slots, res);
    free(slots);
    if (err) {
        coa_chains_destroy(res);
        return err;
    }
    if (v->g)
        for (uint64_t i = 0; i < (uint64_t)res->n_chains * (res->length + 1); i++)
            res->vertices[i] = v->g->vertex_author[res->vertices[i]];
    return COA_OK;
}

int coa_view_chains_slots(coa_view_t *v, uint32_t from, uint32_t to, uint32_t limit, coa_chains_t *res)
{
    coa_chains_destroy(res);
    if (from >= v->n || to >= v->n)
        return COA_EINVAL;
    int err = coa_view_workspace(v);
    if (!err)
        err = chains(v, from, to, limit, NULL, 0, res);
    if (err)
        coa_chains_destroy(res);
    return err;
}

/* ---- breadth-first search without path counts ---- */

/* What a search without path counts may cross: edges of at least
 * min_weight joint papers (0: all), to the authors 'within' admits (per
 * corpus author; NULL: all). */
typedef struct {
    double min_weight;
    const uint8_t *within;
} bfs_t;

static int admitted(const coa_view_t *v, const bfs_t *b, uint32_t slot)
{
    return !b->within || b->within[coa_view_author(v, slot)];
}

/* One level of a search over a graph's adjacency, top-down: each slot of
 * queue[lo .. hi) reads all its neighbours; the unseen ones get dist
 * d + 1 and join the queue from tail.  Returns the new tail. */
static uint32_t graph_level(const coa_adjacency_t *adj, uint32_t *queue, uint32_t lo, uint32_t hi, uint32_t tail,
                            uint32_t *dist, uint32_t d)
{
    const uint64_t *offsets = adj->offsets;
    const uint32_t *neighbors = adj->neighbors;
    for (uint32_t i = lo; i < hi; i++) {
        /* the bounds in locals: the stores to queue[] could otherwise
         * change them, and the compiler would read them at each step */
        const uint32_t *nb = neighbors + offsets[queue[i]], *end = neighbors + offsets[queue[i] + 1];
        for (; nb < end; nb++) {
            uint32_t w = *nb;
            if (!dist[w]) {
                dist[w] = d + 1;
                queue[tail++] = w;
            }
        }
    }
    return tail;
}

/* Appends to queue[*tail ..) every unseen slot next to queue[lo .. hi),
 * with distance d + 1 (dist holds distance + 1), over the edges of at
 * least min_weight joint papers.  On an index without a weight to check,
 * each paper is read once per search: pstamp marks the papers read. */
static int bfs_level(coa_view_t *v, const bfs_t *b, uint32_t *queue, uint32_t lo, uint32_t hi, uint32_t *tail_out,
                     uint32_t *dist, uint32_t d, uint32_t *pmark, uint32_t pstamp)
{
    const coa_store_csr_t *x = &v->x;
    double min_weight = b->min_weight;
    uint32_t tail = *tail_out; /* a local: stores to queue[] cannot change it */
    int err = COA_OK;
    if (v->g && min_weight <= 0 && !b->within) {
        /* the common case, as tight as a search over the adjacency gets */
        tail = graph_level(v->adj, queue, lo, hi, tail, dist, d);
    } else if (v->g || min_weight > 0) {
        for (uint32_t i = lo; !err && i < hi; i++) {
            uint32_t s = queue[i], n;
            const uint32_t *nb = NULL;
            const coa_view_coauthor_t *co = NULL;
            if (min_weight > 0 && v->ix)
                err = coa_view_coauthors(v, s, &co, &n);
            else
                err = coa_view_slot_neighbors(v, s, &nb, &n);
            for (uint32_t k = 0; !err && k < n; k++) {
                uint32_t w = co ? co[k].author : nb[k];
                if (co ? co[k].joint_papers < min_weight
                       : min_weight > 0 &&
                             VECTOR(v->g->joint_papers)[v->adj->edge_ids[v->adj->offsets[s] + k]] < min_weight)
                    continue;
                if (!dist[w] && admitted(v, b, w)) {
                    dist[w] = d + 1;
                    queue[tail++] = w;
                }
            }
        }
    } else {
        for (uint32_t i = lo; !err && i < hi; i++)
            for (uint32_t k = x->a_start[queue[i]]; !err && k < x->a_start[queue[i] + 1]; k++) {
                uint32_t p = x->a_papers[k];
                if (p >= x->n_papers || x->p_start[p] > x->p_start[p + 1] || x->p_start[p + 1] > x->total) {
                    err = COA_EFORMAT;
                    break;
                }
                if (pmark[p] == pstamp)
                    continue;
                pmark[p] = pstamp;
                for (uint32_t j = x->p_start[p]; j < x->p_start[p + 1]; j++) {
                    uint32_t w = x->p_authors[j];
                    if (w >= x->n_authors) {
                        err = COA_EFORMAT;
                        break;
                    }
                    if (!dist[w] && admitted(v, b, w)) {
                        dist[w] = d + 1;
                        queue[tail++] = w;
                    }
                }
            }
    }
    *tail_out = tail;
    return err;
}

/* A search's marks of papers read on an index (NULL on a graph). */
typedef struct {
    uint32_t *mark;
    uint32_t stamp;
} papers_read_t;

static int papers_read_init(const coa_view_t *v, papers_read_t *pr)
{
    pr->stamp = 0;
    pr->mark = NULL;
    if (v->g)
        return COA_OK;
    pr->mark = calloc(v->x.n_papers ? v->x.n_papers : 1, sizeof *pr->mark);
    return pr->mark ? COA_OK : COA_ENOMEM;
}

/* A whole search from the seeds: queue[0 .. *tail) receives the slots
 * reached within 'radius' levels (UINT32_MAX: all), dist their distance
 * + 1.  The seeds are reached whatever b admits. */
static int bfs(coa_view_t *v, const bfs_t *b, const uint32_t *seeds, uint32_t n_seeds, uint32_t radius,
               uint32_t *queue, uint32_t *tail, uint32_t *dist, papers_read_t *pr, double *sum)
{
    uint32_t lo = 0;
    *tail = 0;
    for (uint32_t i = 0; i < n_seeds; i++)
        if (!dist[seeds[i]]) {
            dist[seeds[i]] = 1;
            queue[(*tail)++] = seeds[i];
        }
    pr->stamp++;
    for (uint32_t level = 0; level < radius && lo < *tail; level++) {
        uint32_t hi = *tail;
        int err = bfs_level(v, b, queue, lo, hi, tail, dist, level + 1, pr->mark, pr->stamp);
        if (err)
            return err;
        if (sum)
            *sum += (double)(level + 1) * (*tail - hi);
        lo = hi;
    }
    return COA_OK;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

int coa_view_reach(coa_view_t *v, const uint32_t *seeds, uint32_t n_seeds, uint32_t radius, double min_weight,
                   const uint8_t *within, uint32_t **authors, uint32_t *n_authors)
{
    *authors = NULL;
    *n_authors = 0;
    uint32_t *roots = malloc((n_seeds ? n_seeds : 1) * sizeof *roots), n = 0;
    if (!roots)
        return COA_ENOMEM;
    for (uint32_t i = 0; i < n_seeds; i++)
        if ((roots[i] = coa_view_slot(v, seeds[i])) == COA_NONE) {
            free(roots);
            return COA_EINVAL;
        }
    papers_read_t pr = {NULL, 0};
    bfs_t b = {min_weight, within};
    int err = coa_view_workspace(v);
    if (!err)
        err = papers_read_init(v, &pr);
    uint32_t *queue = v->queue[0], *dist = v->dist[0], *list = NULL;
    if (!err)
        err = bfs(v, &b, roots, n_seeds, radius, queue, &n, dist, &pr, NULL);
    if (!err && !(list = malloc((n ? n : 1) * sizeof *list)))
        err = COA_ENOMEM;
    for (uint32_t i = 0; i < n; i++) {
        if (list)
            list[i] = coa_view_author(v, queue[i]);
        dist[queue[i]] = 0;
    }
    free(pr.mark);
    free(roots);
    if (err) {
        free(list);
        return err;
    }
    if (n > 1)
        qsort(list, n, sizeof *list, cmp_u32);
    *authors = list;
    *n_authors = n;
    return COA_OK;
}

int coa_view_ego(coa_view_t *v, uint32_t ego, uint32_t radius, double min_weight, uint32_t **authors,
                 uint32_t *n_authors)
{
    return coa_view_reach(v, &ego, 1, radius, min_weight, NULL, authors, n_authors);
}

int coa_view_distances(coa_view_t *v, uint32_t root, coa_distances_t *d)
{
    memset(d, 0, sizeof *d);
    uint32_t s = coa_view_slot(v, root), tail = 0, na = v->c->n_authors;
    if (s == COA_NONE)
        return COA_EINVAL;
    papers_read_t pr;
    int err = coa_view_workspace(v);
    if (err || (err = papers_read_init(v, &pr)))
        return err;
    uint32_t *queue = v->queue[0], *dist = v->dist[0];
    bfs_t all = {0, NULL};
    err = bfs(v, &all, &s, 1, UINT32_MAX, queue, &tail, dist, &pr, NULL);
    free(pr.mark);
    d->distance = err ? NULL : malloc((na ? na : 1) * sizeof *d->distance);
    if (!err && !d->distance)
        err = COA_ENOMEM;
    if (!err) {
        for (uint32_t a = 0; a < na; a++)
            d->distance[a] = COA_PATH_UNREACHED;
        d->max_distance = dist[queue[tail - 1]] - 1;
        d->histogram = calloc((size_t)d->max_distance + 1, sizeof *d->histogram);
        if (!d->histogram)
            err = COA_ENOMEM;
    }
    double sum = 0;
    for (uint32_t i = 0; i < tail; i++) {
        uint32_t u = queue[i];
        if (!err) {
            d->distance[coa_view_author(v, u)] = dist[u] - 1;
            d->histogram[dist[u] - 1]++;
            sum += dist[u] - 1;
        }
        dist[u] = 0;
    }
    if (err) {
        coa_distances_destroy(d);
        return err;
    }
    d->reachable = tail;
    d->unreachable = coa_view_vertices(v) - tail;
    d->mean_distance = tail > 1 ? sum / (tail - 1) : 0;
    return COA_OK;
}

/* Levels after the first few of a search over a whole small-world graph
 * hold most of its vertices: there each unreached vertex looks for a
 * neighbour in the level (and stops at the first), which reads far fewer
 * edges than each vertex of the level reading all of its own (Beamer,
 * Asanovic and Patterson 2012, "Direction-optimizing breadth-first
 * search"; the stats' distance searches, issue 20).  The same levels as
 * bfs(), in another order within each: queue[0 .. *tail) are the slots
 * reached, dist their distance + 1, and *sum the sum of the distances. */
#define BOTTOM_UP_ALPHA 14 /* go bottom-up when the level's edges exceed the unreached's / this */
#define BOTTOM_UP_BETA 24  /* and back when the level holds fewer than the slots / this */
static void bfs_graph_whole(const coa_view_t *v, uint32_t s, uint32_t *queue, uint32_t *tail_out, uint32_t *dist,
                            double *sum)
{
    const uint64_t *offsets = v->adj->offsets;
    const uint32_t *neighbors = v->adj->neighbors;
    uint32_t n = v->n, tail = 0, lo = 0, d = 1;
    uint64_t unreached_edges = offsets[n] - (offsets[s + 1] - offsets[s]);
    int bottom_up = 0;
    dist[s] = 1;
    queue[tail++] = s;
    while (lo < tail) {
        uint32_t hi = tail;
        uint64_t level_edges = 0;
        for (uint32_t i = lo; i < hi; i++)
            level_edges += offsets[queue[i] + 1] - offsets[queue[i]];
        if (!bottom_up)
            bottom_up = level_edges > unreached_edges / BOTTOM_UP_ALPHA;
        else
            bottom_up = hi - lo >= n / BOTTOM_UP_BETA;
        if (bottom_up) {
            for (uint32_t u = 0; u < n; u++) {
                if (dist[u])
                    continue;
                for (const uint32_t *nb = neighbors + offsets[u], *end = neighbors + offsets[u + 1]; nb < end; nb++)
                    if (dist[*nb] == d) {
                        dist[u] = d + 1;
                        queue[tail++] = u;
                        break;
                    }
            }
        } else {
            tail = graph_level(v->adj, queue, lo, hi, tail, dist, d);
        }
        for (uint32_t i = hi; i < tail; i++)
            unreached_edges -= offsets[queue[i] + 1] - offsets[queue[i]];
        *sum += (double)d * (tail - hi);
        lo = hi;
        d++;
    }
    *tail_out = tail;
}

int coa_view_eccentricity(coa_view_t *v, uint32_t root, uint32_t *eccentricity, double *sum, uint64_t *reached)
{
    uint32_t s = coa_view_slot(v, root), tail = 0;
    *eccentricity = 0;
    *sum = 0;
    if (reached)
        *reached = 0;
    if (s == COA_NONE)
        return COA_EINVAL;
    int err = coa_view_workspace(v);
    if (err)
        return err;
    uint32_t *queue = v->queue[0], *dist = v->dist[0];
    if (v->g) {
        bfs_graph_whole(v, s, queue, &tail, dist, sum);
    } else {
        papers_read_t pr;
        bfs_t all = {0, NULL};
        if ((err = papers_read_init(v, &pr)))
            return err;
        err = bfs(v, &all, &s, 1, UINT32_MAX, queue, &tail, dist, &pr, sum);
        free(pr.mark);
    }
    if (!err) {
        *eccentricity = dist[queue[tail - 1]] - 1;
        if (reached)
            *reached = tail;
    }
    for (uint32_t i = 0; i < tail; i++)
        dist[queue[i]] = 0;
    return err;
}

void coa_distances_destroy(coa_distances_t *d)
{
    free(d->distance);
    free(d->histogram);
    memset(d, 0, sizeof *d);
}

int coa_view_components(coa_view_t *v, const uint8_t *within, uint32_t **component, uint32_t **size,
                        uint32_t *n_components)
{
    *component = NULL;
    *size = NULL;
    *n_components = 0;
    uint32_t na = v->c->n_authors, *comp = malloc((na ? na : 1) * sizeof *comp), *sizes = NULL, nc = 0, cap = 0;
    papers_read_t pr = {NULL, 0};
    bfs_t b = {0, within};
    int err = comp ? coa_view_workspace(v) : COA_ENOMEM;
    if (!err)
        err = papers_read_init(v, &pr);
    for (uint32_t a = 0; !err && a < na; a++)
        comp[a] = COA_NONE;
    uint32_t *queue = v->queue[0], *dist = v->dist[0];
    /* authors ascending: on a graph, slots are in author order too */
    for (uint32_t s = 0; !err && s < v->n; s++) {
        uint32_t a = coa_view_author(v, s), tail;
        if (comp[a] != COA_NONE || coa_view_slot(v, a) == COA_NONE || (within && !within[a]))
            continue;
        if ((err = bfs(v, &b, &s, 1, UINT32_MAX, queue, &tail, dist, &pr, NULL)) ||
            (err = coa_grow((void **)&sizes, &cap, nc + 1, sizeof *sizes)))
            break;
        sizes[nc] = tail;
        for (uint32_t i = 0; i < tail; i++)
            comp[coa_view_author(v, queue[i])] = nc;
        nc++;
    }
    /* reached slots keep their marks as found until here: clear them all */
    if (v->dist[0])
        memset(v->dist[0], 0, (size_t)v->n * sizeof *v->dist[0]);
    free(pr.mark);
    if (err) {
        free(comp);
        free(sizes);
        return err;
    }
    *component = comp;
    *size = sizes;
    *n_components = nc;
    return COA_OK;
}
