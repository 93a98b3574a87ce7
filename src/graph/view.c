/*
 * The graph view: one access to a coauthor network, over a built graph or
 * a database's query index.  Inside, authors are "slots": vertex ids on a
 * graph, author ids on an index, so that a search runs on the backing's
 * own arrays and ids are translated only at the edges of the public API.
 *
 * On an index, an author's coauthors are listed in the index (in the order
 * of their first joint paper); with their weights, they are found through
 * the papers (two authors are coauthors when they share a selected paper,
 * which is how the graph's edges are made), de-duplicated with a stamp per
 * author.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "corpus/internal.h"
#include "graph/index.h"
#include "view_internal.h"

int coa_view_new_graph(const coa_graph_t *g, coa_view_t **out)
{
    *out = NULL;
    coa_view_t *v = calloc(1, sizeof *v);
    if (!v)
        return COA_ENOMEM;
    v->g = g;
    v->c = g->corpus;
    int err = coa_adjacency_init(&v->own_adj, &g->graph);
    if (err) {
        free(v);
        return err;
    }
    v->adj = &v->own_adj;
    v->n = v->adj->n;
    v->edges = (uint64_t)igraph_ecount(&g->graph);
    *out = v;
    return COA_OK;
}

int coa_view_new_index(const coa_store_index_t *ix, coa_view_t **out)
{
    *out = NULL;
    coa_view_t *v = calloc(1, sizeof *v);
    if (!v)
        return COA_ENOMEM;
    v->ix = ix;
    v->c = coa_store_index_corpus(ix);
    coa_store_index_csr(ix, &v->x);
    coa_store_index_coauthor_csr(ix, &v->c_start, &v->coauthors, &v->n_coauthors);
    v->n = v->x.n_authors;
    v->edges = coa_store_index_edges(ix);
    *out = v;
    return COA_OK;
}

int coa_view_clone(const coa_view_t *view, coa_view_t **out)
{
    *out = NULL;
    coa_view_t *v = calloc(1, sizeof *v);
    if (!v)
        return COA_ENOMEM;
    /* what views only read, shared; the workspace and buffers, its own */
    *v = (coa_view_t){.g = view->g, .ix = view->ix, .c = view->c, .n = view->n, .edges = view->edges,
                      .adj = view->adj, .x = view->x, .c_start = view->c_start, .coauthors = view->coauthors,
                      .n_coauthors = view->n_coauthors, .original = view->original ? view->original : view};
    *out = v;
    return COA_OK;
}

void coa_view_free(coa_view_t *v)
{
    if (!v)
        return;
    coa_adjacency_destroy(&v->own_adj);
    for (int s = 0; s < 2; s++) {
        free(v->queue[s]);
        free(v->pred[s]);
    }
    if (v->region)
        munmap(v->region, v->region_len);
    COA_FREE(v->nbuf, v->abuf, v->cbuf, v->pbuf, v);
}

const coa_corpus_t *coa_view_corpus(const coa_view_t *v)
{
    return v->c;
}

const coa_graph_t *coa_view_graph(const coa_view_t *v)
{
    return v->g;
}

const coa_store_index_t *coa_view_index(const coa_view_t *v)
{
    return v->ix;
}

uint32_t coa_view_vertices(const coa_view_t *v)
{
    return v->g ? v->n : coa_store_index_vertices(v->ix);
}

uint64_t coa_view_edges(const coa_view_t *v)
{
    return v->edges;
}

/* The slot of a corpus author, or COA_NONE when not in the view. */
uint32_t coa_view_slot(const coa_view_t *v, uint32_t author)
{
    if (author >= v->c->n_authors)
        return COA_NONE;
    if (v->g)
        return v->g->author_vertex[author];
    return v->x.a_start[author + 1] > v->x.a_start[author] ? author : COA_NONE;
}

uint32_t coa_view_author(const coa_view_t *v, uint32_t slot)
{
    return v->g ? v->g->vertex_author[slot] : slot;
}

int coa_view_contains(const coa_view_t *v, uint32_t author)
{
    return coa_view_slot(v, author) != COA_NONE;
}

uint32_t coa_view_papers(const coa_view_t *v, uint32_t author)
{
    uint32_t s = coa_view_slot(v, author);
    if (s == COA_NONE)
        return 0;
    return v->g ? v->g->vertex_papers[s] : v->x.a_start[s + 1] - v->x.a_start[s];
}

uint32_t coa_view_slot_degree(const coa_view_t *v, uint32_t s)
{
    return v->g ? (uint32_t)(v->adj->offsets[s + 1] - v->adj->offsets[s]) : v->x.degree[s];
}

uint32_t coa_view_degree(const coa_view_t *v, uint32_t author)
{
    uint32_t s = coa_view_slot(v, author);
    return s == COA_NONE ? 0 : coa_view_slot_degree(v, s);
}

/* Grows a view-owned buffer to hold at least 'need' elements. */
static int reserve(void **buf, uint32_t *cap, uint64_t need, size_t elem)
{
    if (need <= *cap)
        return COA_OK;
    if (need > UINT32_MAX)
        return COA_ENOMEM;
    return coa_grow(buf, cap, (uint32_t)need, elem);
}

/* The per-slot arrays of the searches, in one zeroed mapping, in huge pages
 * where the kernel gives them: a search on an index reaches authors all
 * over the id range, and in 4 KB pages the first search of a process paid
 * a fault for nearly every page (about 10k faults, 15 ms, at 2.8M authors).
 * Zeroed memory is a clean workspace: distances are kept plus one. */
int coa_view_workspace(coa_view_t *v)
{
    if (v->region)
        return COA_OK;
    size_t n = v->n ? v->n : 1, words = (n + 63) / 64;
    size_t len = 2 * (n + words) * sizeof(uint64_t) + 5 * n * sizeof(uint32_t) + n;
    void *region = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (region == MAP_FAILED)
        return COA_ENOMEM;
#ifdef MADV_HUGEPAGE
    madvise(region, len, MADV_HUGEPAGE);
#endif
    for (int s = 0; s < 2; s++)
        v->queue[s] = malloc(n * sizeof *v->queue[s]);
    if (!v->queue[0] || !v->queue[1]) {
        for (int s = 0; s < 2; s++) {
            free(v->queue[s]);
            v->queue[s] = NULL;
        }
        munmap(region, len);
        return COA_ENOMEM;
    }
    v->region = region;
    v->region_len = len;
    v->sigma[0] = region;
    v->sigma[1] = v->sigma[0] + n;
    v->seen[0] = v->sigma[1] + n;
    v->seen[1] = v->seen[0] + words;
    v->dist[0] = (uint32_t *)(v->seen[1] + words);
    v->dist[1] = v->dist[0] + n;
    v->mark = v->dist[1] + n;
    v->slot = v->mark + n;
    v->pos = v->slot + n;
    v->useful = (uint8_t *)(v->pos + n);
    return COA_OK;
}

/* Writing a zero to every page gives each its memory (a huge page where
 * the kernel allows) as a search would, and leaves the workspace clean. */
static void touch_pages(void *p, size_t len)
{
    volatile char *c = p;
    for (size_t i = 0; i < len; i += 4096)
        c[i] = 0;
}

int coa_view_prepare(coa_view_t *view)
{
    int err = coa_view_workspace(view);
    if (err)
        return err;
    touch_pages(view->region, view->region_len);
    for (int s = 0; s < 2; s++)
        touch_pages(view->queue[s], (view->n ? view->n : 1) * sizeof *view->queue[s]);
    return COA_OK;
}

/* An index's author's papers and a paper's authors, checked against its
 * bounds: the file may be damaged. */
static int author_papers(const coa_store_csr_t *x, uint32_t a, uint32_t *lo, uint32_t *hi)
{
    *lo = x->a_start[a];
    *hi = x->a_start[a + 1];
    return *lo <= *hi && *hi <= x->total ? COA_OK : COA_EFORMAT;
}

static int paper_authors(const coa_store_csr_t *x, uint32_t p, uint32_t *lo, uint32_t *hi)
{
    if (p >= x->n_papers)
        return COA_EFORMAT;
    *lo = x->p_start[p];
    *hi = x->p_start[p + 1];
    return *lo <= *hi && *hi <= x->total ? COA_OK : COA_EFORMAT;
}

/* The distinct coauthors of index author a, in the order of the joint
 * papers, into v->nbuf; with weights into v->cbuf when 'weights'. */
static int index_neighbors(coa_view_t *v, uint32_t a, int weights, uint32_t *n)
{
    const coa_store_csr_t *x = &v->x;
    uint32_t lo, hi, count = 0;
    int err = coa_view_workspace(v);
    if (err || (err = author_papers(x, a, &lo, &hi)))
        return err;
    uint32_t stamp = ++v->stamp;
    if (stamp == 0) { /* wrapped: no mark may look current */
        memset(v->mark, 0, (size_t)v->n * sizeof *v->mark);
        stamp = v->stamp = 1;
    }
    for (uint32_t k = lo; k < hi; k++) {
        uint32_t p = x->a_papers[k], plo, phi;
        if ((err = paper_authors(x, p, &plo, &phi)))
            return err;
        double share = phi - plo > 1 ? 1.0 / (double)(phi - plo - 1) : 0;
        for (uint32_t j = plo; j < phi; j++) {
            uint32_t w = x->p_authors[j];
            if (w >= x->n_authors)
                return COA_EFORMAT;
            if (w == a)
                continue;
            if (v->mark[w] == stamp) {
                if (weights) {
                    v->cbuf[v->pos[w]].joint_papers += 1;
                    v->cbuf[v->pos[w]].fractional += share;
                }
                continue;
            }
            v->mark[w] = stamp;
            v->pos[w] = count;
            if ((err = reserve((void **)&v->nbuf, &v->ncap, (uint64_t)count + 1, sizeof *v->nbuf)))
                return err;
            if (weights) {
                if ((err = reserve((void **)&v->cbuf, &v->ccap, (uint64_t)count + 1, sizeof *v->cbuf)))
                    return err;
                v->cbuf[count] = (coa_view_coauthor_t){w, 1, share};
            }
            v->nbuf[count++] = w;
        }
    }
    *n = count;
    return COA_OK;
}

int coa_view_slot_neighbors_unchecked(coa_view_t *v, uint32_t s, const uint32_t **nb, uint32_t *n)
{
    if (v->g) {
        *nb = v->adj->neighbors + v->adj->offsets[s];
        *n = (uint32_t)(v->adj->offsets[s + 1] - v->adj->offsets[s]);
        return COA_OK;
    }
    if (!v->c_start) {
        int err = index_neighbors(v, s, 0, n);
        *nb = v->nbuf;
        return err;
    }
    /* the index's list, in place, checked against the file's bounds */
    uint64_t lo = v->c_start[s], hi = v->c_start[s + 1];
    *nb = NULL;
    *n = 0;
    if (lo > hi || hi > v->n_coauthors || hi - lo >= v->n)
        return COA_EFORMAT;
    *nb = v->coauthors + lo;
    *n = (uint32_t)(hi - lo);
    return COA_OK;
}

int coa_view_slot_neighbors(coa_view_t *v, uint32_t s, const uint32_t **nb, uint32_t *n)
{
    int err = coa_view_slot_neighbors_unchecked(v, s, nb, n);
    if (err || !v->c_start)
        return err;
    uint32_t bad = 0;
    for (uint32_t k = 0; k < *n; k++)
        bad |= (*nb)[k] >= v->n;
    if (bad) {
        *nb = NULL;
        *n = 0;
        return COA_EFORMAT;
    }
    return COA_OK;
}

int coa_view_neighbors(coa_view_t *v, uint32_t author, const uint32_t **coauthors, uint32_t *n)
{
    *coauthors = NULL;
    *n = 0;
    uint32_t s = coa_view_slot(v, author), count;
    const uint32_t *nb;
    if (s == COA_NONE)
        return COA_OK;
    int err = coa_view_slot_neighbors(v, s, &nb, &count);
    if (err)
        return err;
    if (v->ix) {
        *coauthors = nb;
        *n = count;
        return COA_OK;
    }
    if ((err = reserve((void **)&v->abuf, &v->acap, count, sizeof *v->abuf)))
        return err;
    for (uint32_t i = 0; i < count; i++)
        v->abuf[i] = v->g->vertex_author[nb[i]];
    *coauthors = v->abuf;
    *n = count;
    return COA_OK;
}

int coa_view_coauthors(coa_view_t *v, uint32_t author, const coa_view_coauthor_t **coauthors, uint32_t *n)
{
    *coauthors = NULL;
    *n = 0;
    uint32_t s = coa_view_slot(v, author), count = 0;
    if (s == COA_NONE)
        return COA_OK;
    int err;
    if (v->ix) {
        if ((err = index_neighbors(v, s, 1, &count)))
            return err;
    } else {
        count = coa_view_slot_degree(v, s);
        if ((err = reserve((void **)&v->cbuf, &v->ccap, count, sizeof *v->cbuf)))
            return err;
        for (uint32_t i = 0; i < count; i++) {
            uint64_t k = v->adj->offsets[s] + i;
            uint32_t e = v->adj->edge_ids[k];
            v->cbuf[i] = (coa_view_coauthor_t){v->g->vertex_author[v->adj->neighbors[k]],
                                                VECTOR(v->g->joint_papers)[e], VECTOR(v->g->fractional)[e]};
        }
    }
    *coauthors = v->cbuf;
    *n = count;
    return COA_OK;
}

/* The graph's edge between slots a and b (neighbour lists are ascending:
 * binary search), or -1. */
igraph_integer_t coa_view_slot_edge(const coa_view_t *v, uint32_t a, uint32_t b)
{
    size_t end = v->adj->offsets[a + 1], lo = coa_lower_bound_u32(v->adj->neighbors, v->adj->offsets[a], end, b);
    return lo < end && v->adj->neighbors[lo] == b ? (igraph_integer_t)v->adj->edge_ids[lo] : -1;
}

int coa_view_joint_papers(coa_view_t *v, uint32_t a, uint32_t b, const uint32_t **papers, uint32_t *n)
{
    *papers = NULL;
    *n = 0;
    uint32_t sa = coa_view_slot(v, a), sb = coa_view_slot(v, b);
    if (sa == COA_NONE || sb == COA_NONE || sa == sb)
        return COA_OK;
    if (v->g) {
        igraph_integer_t e = coa_view_slot_edge(v, sa, sb);
        if (e >= 0) {
            *papers = v->g->edge_papers + v->g->edge_paper_start[e];
            *n = v->g->edge_paper_start[e + 1] - v->g->edge_paper_start[e];
        }
        return COA_OK;
    }
    /* both paper lists are ascending: merge them */
    uint32_t alo, ahi, blo, bhi, count = 0;
    int err;
    if ((err = author_papers(&v->x, sa, &alo, &ahi)) || (err = author_papers(&v->x, sb, &blo, &bhi)))
        return err;
    uint32_t most = ahi - alo < bhi - blo ? ahi - alo : bhi - blo;
    if ((err = reserve((void **)&v->pbuf, &v->pcap, most ? most : 1, sizeof *v->pbuf)))
        return err;
    while (alo < ahi && blo < bhi) {
        uint32_t pa = v->x.a_papers[alo], pb = v->x.a_papers[blo];
        if (pa == pb)
            v->pbuf[count++] = pa;
        alo += pa <= pb;
        blo += pb <= pa;
    }
    *papers = v->pbuf;
    *n = count;
    return COA_OK;
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

int coa_view_hop(coa_view_t *v, uint32_t a, uint32_t b, coa_hop_t *hop)
{
    coa_hop_destroy(hop);
    uint32_t sa = coa_view_slot(v, a), sb = coa_view_slot(v, b);
    if (sa == COA_NONE || sb == COA_NONE)
        return COA_ENOTFOUND;
    const uint32_t *papers;
    uint32_t n;
    int err = coa_view_joint_papers(v, a, b, &papers, &n);
    if (err)
        return err;
    if (v->g) {
        if ((hop->edge = coa_view_slot_edge(v, sa, sb)) < 0)
            return COA_ENOTFOUND;
    } else if (!n) {
        return COA_ENOTFOUND;
    }
    hop->papers = malloc((size_t)(n ? n : 1) * sizeof *hop->papers);
    hop->paper_flags = malloc((size_t)(n ? n : 1));
    if (!hop->papers || !hop->paper_flags) {
        coa_hop_destroy(hop);
        return COA_ENOMEM;
    }
    memcpy(hop->papers, papers, (size_t)n * sizeof *hop->papers);
    qsort_r(hop->papers, (size_t)n, sizeof *hop->papers, paper_cmp, (void *)v->c);
    hop->n_papers = n;
    unsigned all = n ? ~0u : 0u;
    for (uint32_t i = 0; i < n; i++) {
        unsigned fl = evidence_flags(v->c, hop->papers[i], a, b);
        hop->paper_flags[i] = (uint8_t)fl;
        all &= fl;
        hop->any_flags |= fl;
    }
    hop->flags = all;
    return COA_OK;
}
