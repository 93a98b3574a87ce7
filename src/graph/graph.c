/* The coauthor projection and the bipartite author-paper graph. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coauthor/graph.h"
#include "coauthor/view.h"
#include "corpus/internal.h"

void coa_select_init(coa_select_t *sel)
{
    memset(sel, 0, sizeof *sel);
    sel->ego = COA_NONE;
}

igraph_integer_t coa_graph_vertex_of(const coa_graph_t *g, uint32_t author)
{
    if (author >= g->corpus->n_authors || g->author_vertex[author] == COA_NONE)
        return -1;
    return g->author_vertex[author];
}

/* One author pair on one paper; paper = n_papers + l for the corpus's
 * link l (an edge-list or graph-file edge), so links sort after papers. */
typedef struct {
    uint32_t u, v;
    uint32_t paper;
} pair_t;

static int pair_cmp(const void *pa, const void *pb)
{
    const pair_t *a = pa, *b = pb;
    if (a->u != b->u)
        return a->u < b->u ? -1 : 1;
    if (a->v != b->v)
        return a->v < b->v ? -1 : 1;
    return a->paper < b->paper ? -1 : a->paper > b->paper;
}

/* Sorts the pairs by (u, v, paper).  They are made in increasing paper
 * order (papers, then the links numbered after them), so a stable sort on
 * (u, v) is enough: an LSD radix sort, 16 bits a pass, v then u, skipping
 * the passes whose digit is the same everywhere (the high half of every
 * vertex number below 65,536).  Measured on 20M pairs: qsort with
 * pair_cmp 3.2 s, this 0.5 s, in the same order; at DBLP scale the sort
 * was the largest part of building the graph.  Falls back to qsort when
 * the scratch buffer cannot be had, and uses it below SORT_PAIRS_QSORT
 * pairs, whose order it gives too: each radix pass clears and sums 65,536
 * counts (a sixth of the cost of an uncached ego answer in serve, whose
 * graphs have tens to a few thousand pairs). */
#define SORT_PAIRS_QSORT 2048
static void sort_pairs(pair_t **pairs, uint64_t np)
{
    pair_t *src = *pairs;
    if (np < 2)
        return;
    pair_t *dst = np < SORT_PAIRS_QSORT ? NULL : malloc((size_t)np * sizeof *dst);
    size_t *count = dst ? malloc(65536 * sizeof *count) : NULL;
    if (!count) {
        free(dst);
        qsort(src, (size_t)np, sizeof *src, pair_cmp);
        return;
    }
    for (int pass = 0; pass < 4; pass++) {
        int shift = (pass & 1) * 16, by_u = pass >= 2;
        memset(count, 0, 65536 * sizeof *count);
        for (uint64_t i = 0; i < np; i++)
            count[((by_u ? src[i].u : src[i].v) >> shift) & 0xFFFF]++;
        if (count[((by_u ? src[0].u : src[0].v) >> shift) & 0xFFFF] == np)
            continue;
        coa_counts_to_starts(count, 65536);
        for (uint64_t i = 0; i < np; i++)
            dst[count[((by_u ? src[i].u : src[i].v) >> shift) & 0xFFFF]++] = src[i];
        pair_t *t = src;
        src = dst;
        dst = t;
    }
    free(count);
    free(dst); /* whichever buffer does not hold the result */
    *pairs = src;
}

/* Whether author a, with 'papers' selected papers, is a vertex of the
 * graph (build and mark_ego_by_papers must agree). */
static int is_vertex(const coa_corpus_t *c, uint32_t a, uint32_t papers, int linked, uint32_t min_papers,
                     const uint8_t *keep)
{
    int listed = linked || ((c->authors[a].flags & COA_AUTHOR_VERTEX) && c->authors[a].merged_into == COA_NONE);
    return (papers >= min_papers || (listed && min_papers <= 1)) && (!keep || keep[a]);
}

static int paper_in_years(const coa_paper_t *p, const coa_select_t *sel)
{
    if (!sel->year_from && !sel->year_to)
        return 1;
    if (p->year == 0)
        return 0; /* unknown year: outside any window */
    if (sel->year_from && p->year < sel->year_from)
        return 0;
    if (sel->year_to && p->year > sel->year_to)
        return 0;
    return 1;
}

static void clear(coa_graph_t *g)
{
    COA_FREE(g->vertex_author, g->author_vertex, g->vertex_papers, g->vertex_self_loops, g->edge_paper_start,
             g->edge_papers, g->paper_selected);
}

void coa_graph_destroy(coa_graph_t *g)
{
    if (!g->corpus)
        return; /* never built, or a failed build already cleaned up */
    igraph_destroy(&g->graph);
    igraph_vector_destroy(&g->joint_papers);
    igraph_vector_destroy(&g->fractional);
    clear(g);
    memset(g, 0, sizeof *g);
}

const char *coa_graph_vertex_name(const coa_graph_t *g, igraph_integer_t v)
{
    return coa_corpus_str(g->corpus, g->corpus->authors[g->vertex_author[v]].display);
}

/* The selected papers (g->paper_selected, skipped ones counted), each
 * author's selected papers, and the authors with a link. */
static void select_papers(coa_graph_t *g, const coa_corpus_t *c, const coa_select_t *sel, uint32_t *apapers,
                          uint8_t *linked)
{
    for (uint32_t p = 0; p < c->n_papers; p++) {
        const coa_paper_t *paper = &c->papers[p];
        if (!paper_in_years(paper, sel))
            continue;
        if (paper->n_authorships > (sel->max_authors ? sel->max_authors : COA_DEFAULT_MAX_AUTHORS)) {
            g->n_skipped_max_authors++;
            continue;
        }
        g->paper_selected[p] = 1;
        for (uint32_t i = 0; i < paper->n_authorships; i++)
            apapers[c->authorships[paper->first_authorship + i].author]++;
    }
    for (uint32_t l = 0; l < c->n_links; l++)
        linked[c->links[l].a] = linked[c->links[l].b] = 1;
}

/* The vertices: kept authors in corpus order, so ids are stable. */
static int make_vertices(coa_graph_t *g, const coa_corpus_t *c, const coa_select_t *sel, const uint8_t *keep,
                         const uint32_t *apapers, const uint8_t *linked)
{
    uint32_t min_papers = sel->min_papers ? sel->min_papers : 1, nv = 0, na = c->n_authors;
    for (uint32_t a = 0; a < na; a++)
        g->author_vertex[a] = is_vertex(c, a, apapers[a], linked[a], min_papers, keep) ? nv++ : COA_NONE;
    g->n_vertices = nv;
    g->vertex_author = malloc((nv ? nv : 1) * sizeof *g->vertex_author);
    g->vertex_papers = calloc(nv ? nv : 1, sizeof *g->vertex_papers);
    g->vertex_self_loops = calloc(nv ? nv : 1, sizeof *g->vertex_self_loops);
    if (!g->vertex_author || !g->vertex_papers || !g->vertex_self_loops)
        return COA_ENOMEM;
    for (uint32_t a = 0; a < na; a++)
        if (g->author_vertex[a] != COA_NONE)
            g->vertex_author[g->author_vertex[a]] = a;
    return COA_OK;
}

/* Every pair of vertices on a selected paper or a link, sorted, in
 * *pairs (caller frees), *np of them; counts the selection's papers and
 * authorships into g. */
static int make_pairs(coa_graph_t *g, const coa_corpus_t *c, pair_t **pairs, uint64_t *np_out)
{
    /* count the pairs, then fill them */
    uint64_t npairs = 0;
    for (uint32_t p = 0; p < c->n_papers; p++) {
        if (!g->paper_selected[p])
            continue;
        const coa_paper_t *paper = &c->papers[p];
        uint64_t k = 0;
        for (uint32_t i = 0; i < paper->n_authorships; i++)
            k += g->author_vertex[c->authorships[paper->first_authorship + i].author] != COA_NONE;
        npairs += k * (k - (k > 0)) / 2;
    }
    npairs += c->n_links;
    if (npairs > SIZE_MAX / sizeof **pairs || (uint64_t)c->n_papers + c->n_links >= COA_NONE)
        return COA_ENOMEM;
    pair_t *pp = *pairs = malloc((npairs ? npairs : 1) * sizeof **pairs);
    if (!pp)
        return COA_ENOMEM;
    uint64_t np = 0;
    for (uint32_t p = 0; p < c->n_papers; p++) {
        if (!g->paper_selected[p])
            continue;
        const coa_paper_t *paper = &c->papers[p];
        /* a corpus of papers without authors has no authorships array */
        const coa_authorship_t *as = paper->n_authorships ? &c->authorships[paper->first_authorship] : NULL;
        int any = 0;
        for (uint32_t i = 0; i < paper->n_authorships; i++) {
            uint32_t vi = g->author_vertex[as[i].author];
            if (vi == COA_NONE)
                continue;
            any = 1;
            g->vertex_papers[vi]++;
            g->n_authorships++;
            g->n_inferred += as[i].inferred;
            for (uint32_t j = i + 1; j < paper->n_authorships; j++) {
                uint32_t vj = g->author_vertex[as[j].author];
                if (vj == COA_NONE)
                    continue;
                pp[np++] = (pair_t){vi < vj ? vi : vj, vi < vj ? vj : vi, p};
            }
        }
        if (any) {
            g->n_papers++;
            g->n_truncated += (paper->flags & COA_PAPER_TRUNCATED) != 0;
        }
    }
    for (uint32_t l = 0; l < c->n_links; l++) {
        uint32_t va = g->author_vertex[c->links[l].a], vb = g->author_vertex[c->links[l].b];
        if (va != COA_NONE && vb != COA_NONE)
            pp[np++] = (pair_t){va < vb ? va : vb, va < vb ? vb : va, c->n_papers + l};
    }
    sort_pairs(pairs, np);
    *np_out = np;
    return COA_OK;
}

/* Counts the edges (*ne) and their papers (*nev) among the sorted pairs:
 * distinct pairs become edges.  Self-loops are counted in g; runs of one
 * pair below min_weight are marked dropped (u = v = NONE). */
static void count_edges(coa_graph_t *g, const coa_corpus_t *c, const coa_select_t *sel, pair_t *pairs, uint64_t np,
                        igraph_integer_t *ne_out, igraph_integer_t *nev_out)
{
    igraph_integer_t ne = 0, nev = 0;
    for (uint64_t i = 0; i < np;) {
        uint64_t j = i, papers = 0;
        double link_weight = 0;
        for (; j < np && pairs[j].u == pairs[i].u && pairs[j].v == pairs[i].v; j++) {
            if (pairs[j].paper < c->n_papers) {
                papers++;
            } else {
                float w = c->links[pairs[j].paper - c->n_papers].weight;
                link_weight = fmax(link_weight, w > 0 ? w : 1);
            }
        }
        if (pairs[i].u == pairs[i].v) {
            g->vertex_self_loops[pairs[i].u]++;
            g->self_loops++;
        } else if ((papers ? (double)papers : link_weight) < sel->min_weight) {
            for (uint64_t k2 = i; k2 < j; k2++)
                pairs[k2].u = pairs[k2].v = COA_NONE;
        } else {
            ne++;
            nev += (igraph_integer_t)papers;
        }
        i = j;
    }
    *ne_out = ne;
    *nev_out = nev;
}

/* The edges, their weights and their papers, from the sorted pairs. */
static void fill_edges(coa_graph_t *g, const coa_corpus_t *c, const pair_t *pairs, uint64_t np,
                       igraph_vector_int_t *edges, igraph_integer_t ne)
{
    igraph_integer_t e = -1, k = 0;
    for (uint64_t i = 0; i < np; i++) {
        if (pairs[i].u == pairs[i].v)
            continue;
        if (e < 0 || pairs[i].u != pairs[i - 1].u || pairs[i].v != pairs[i - 1].v) {
            e++;
            VECTOR(*edges)[2 * e] = pairs[i].u;
            VECTOR(*edges)[2 * e + 1] = pairs[i].v;
            VECTOR(g->joint_papers)[e] = 0;
            VECTOR(g->fractional)[e] = 0;
            g->edge_paper_start[e] = (uint32_t)k;
        }
        if (pairs[i].paper >= c->n_papers) {
            /* a link: collaboration of unknown papers, as many as the source's
             * weight says (1 without one).  The heaviest link of the pair
             * counts, since an edge list may list a pair in both directions;
             * papers, sorted first, win over links */
            if (k == g->edge_paper_start[e]) {
                float w = c->links[pairs[i].paper - c->n_papers].weight;
                double joint = w > 0 ? w : 1;
                if (joint > VECTOR(g->joint_papers)[e]) {
                    VECTOR(g->joint_papers)[e] = joint;
                    VECTOR(g->fractional)[e] = joint;
                }
            }
            continue;
        }
        g->edge_papers[k++] = pairs[i].paper;
        /* Newman's weight: n counts every known author of the paper */
        uint32_t n = c->papers[pairs[i].paper].n_authorships;
        VECTOR(g->joint_papers)[e] += 1;
        VECTOR(g->fractional)[e] += 1.0 / (n - 1);
    }
    g->edge_paper_start[ne] = (uint32_t)k;
}

/* Builds the graph over the authors with keep[a] set (or all authors with
 * a selected paper or a link, when keep is NULL). */
static int build(coa_graph_t *g, const coa_corpus_t *c, const coa_select_t *sel, const uint8_t *keep)
{
    int err = COA_OK;
    uint32_t *apapers = NULL;
    uint8_t *linked = NULL;
    pair_t *pairs = NULL;
    igraph_vector_int_t edges;
    uint32_t na = c->n_authors;

    memset(g, 0, sizeof *g);
    g->corpus = c;
    if (igraph_vector_int_init(&edges, 0))
        return COA_ENOMEM;
    if (igraph_vector_init(&g->joint_papers, 0)) {
        igraph_vector_int_destroy(&edges);
        return COA_ENOMEM;
    }
    if (igraph_vector_init(&g->fractional, 0)) {
        igraph_vector_destroy(&g->joint_papers);
        igraph_vector_int_destroy(&edges);
        return COA_ENOMEM;
    }
    g->paper_selected = calloc(c->n_papers ? c->n_papers : 1, 1);
    apapers = calloc(na ? na : 1, sizeof *apapers);
    linked = calloc(na ? na : 1, 1);
    g->author_vertex = malloc((na ? na : 1) * sizeof *g->author_vertex);
    if (!g->paper_selected || !apapers || !linked || !g->author_vertex) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    select_papers(g, c, sel, apapers, linked);
    uint64_t np = 0;
    if ((err = make_vertices(g, c, sel, keep, apapers, linked)) || (err = make_pairs(g, c, &pairs, &np)))
        goto cleanup;
    igraph_integer_t ne, nev;
    count_edges(g, c, sel, pairs, np, &ne, &nev);
    if ((uint64_t)nev >= UINT32_MAX) { /* edge_paper_start holds 32-bit offsets */
        err = COA_ENOMEM;
        goto cleanup;
    }
    g->edge_paper_start = malloc((size_t)(ne + 1) * sizeof *g->edge_paper_start);
    g->edge_papers = malloc((size_t)(nev ? nev : 1) * sizeof *g->edge_papers);
    if (!g->edge_paper_start || !g->edge_papers || igraph_vector_int_resize(&edges, 2 * ne) ||
        igraph_vector_resize(&g->joint_papers, ne) || igraph_vector_resize(&g->fractional, ne)) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    fill_edges(g, c, pairs, np, &edges, ne);
    err = coa_from_igraph(igraph_create(&g->graph, &edges, (igraph_integer_t)g->n_vertices, IGRAPH_UNDIRECTED));

cleanup:
    igraph_vector_int_destroy(&edges);
    COA_FREE(pairs, apapers, linked);
    if (err) {
        igraph_vector_destroy(&g->joint_papers);
        igraph_vector_destroy(&g->fractional);
        clear(g);
        memset(g, 0, sizeof *g);
    }
    return err;
}

/* Marks in keep[] the authors within sel->radius hops of the ego. */
static int mark_ego(const coa_graph_t *g, const coa_select_t *sel, uint8_t *keep)
{
    if (coa_graph_vertex_of(g, sel->ego) < 0)
        return COA_ENOTFOUND;
    coa_view_t *view;
    uint32_t *near = NULL, n = 0;
    int err = coa_view_new_graph(g, &view);
    if (err)
        return err;
    if (!(err = coa_view_ego(view, sel->ego, sel->radius, 0, &near, &n)))
        for (uint32_t i = 0; i < n; i++)
            keep[near[i]] = 1;
    free(near);
    coa_view_free(view);
    return err;
}

/* The same as building the graph and mark_ego, from the papers: when every
 * shared selected paper makes an edge (no --min-weight above one, no
 * edge-list links), the authors within sel->radius hops of the ego are
 * found through each author's papers and each paper's authors, without
 * building the whole graph first (at DBLP scale, 57M edges and 8 GB for an
 * ego picture of a few hundred authors).  keep[] comes in as build would
 * use it (authors avoided) and leaves marking the ego's authors. */
static int mark_ego_by_papers(const coa_corpus_t *c, const coa_select_t *sel, uint8_t *keep)
{
    uint32_t na = c->n_authors, np = c->n_papers;
    uint32_t max = sel->max_authors ? sel->max_authors : COA_DEFAULT_MAX_AUTHORS;
    uint32_t min_papers = sel->min_papers ? sel->min_papers : 1;
    uint32_t *start = calloc((size_t)na + 1, sizeof *start);
    uint8_t *vertex = malloc(na ? na : 1);
    uint32_t *papers = NULL, *fill = NULL, *dist = NULL, *queue = NULL;
    int err = COA_OK;
    if (!start || !vertex) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    /* the authors' selected papers, as build counts them */
    uint64_t total = 0;
    for (uint32_t p = 0; p < np; p++) {
        const coa_paper_t *paper = &c->papers[p];
        if (!paper_in_years(paper, sel) || paper->n_authorships > max)
            continue;
        for (uint32_t i = 0; i < paper->n_authorships; i++)
            start[c->authorships[paper->first_authorship + i].author + 1]++;
        total += paper->n_authorships;
    }
    /* the vertices build would make */
    for (uint32_t a = 0; a < na; a++) {
        vertex[a] = (uint8_t)is_vertex(c, a, start[a + 1], 0, min_papers, keep);
        start[a + 1] += start[a];
    }
    if (sel->ego >= na || !vertex[sel->ego]) {
        err = COA_ENOTFOUND;
        goto cleanup;
    }
    papers = malloc((total ? total : 1) * sizeof *papers);
    fill = malloc((na ? na : 1) * sizeof *fill);
    dist = malloc((na ? na : 1) * sizeof *dist);
    queue = malloc((na ? na : 1) * sizeof *queue);
    if (!papers || !fill || !dist || !queue) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    memcpy(fill, start, (size_t)na * sizeof *fill);
    for (uint32_t p = 0; p < np; p++) {
        const coa_paper_t *paper = &c->papers[p];
        if (!paper_in_years(paper, sel) || paper->n_authorships > max)
            continue;
        for (uint32_t i = 0; i < paper->n_authorships; i++) {
            uint32_t a = c->authorships[paper->first_authorship + i].author;
            papers[fill[a]++] = p;
        }
    }
    for (uint32_t a = 0; a < na; a++)
        dist[a] = UINT32_MAX;
    memset(keep, 0, na);
    uint32_t head = 0, tail = 0;
    dist[sel->ego] = 0;
    queue[tail++] = sel->ego;
    while (head < tail) {
        uint32_t a = queue[head++];
        keep[a] = 1;
        if (dist[a] >= sel->radius)
            continue;
        for (uint32_t i = start[a]; i < start[a + 1]; i++) {
            const coa_paper_t *paper = &c->papers[papers[i]];
            for (uint32_t k = 0; k < paper->n_authorships; k++) {
                uint32_t b = c->authorships[paper->first_authorship + k].author;
                if (!vertex[b] || dist[b] != UINT32_MAX)
                    continue;
                dist[b] = dist[a] + 1;
                queue[tail++] = b;
            }
        }
    }
cleanup:
    COA_FREE(start, vertex, papers, fill, dist, queue);
    return err;
}

int coa_graph_largest_component(const coa_graph_t *g, uint32_t **vertices, uint32_t *n)
{
    *vertices = NULL;
    *n = 0;
    /* zeroed igraph vectors may be destroyed without having been initialised */
    igraph_vector_int_t membership = {0}, csize = {0};
    igraph_integer_t ncomp = 0;
    int err = COA_ENOMEM;
    if (!igraph_vector_int_init(&membership, 0) && !igraph_vector_int_init(&csize, 0))
        err = coa_from_igraph(igraph_connected_components(&g->graph, &membership, &csize, &ncomp, IGRAPH_WEAK));
    if (!err && ncomp > 0) {
        igraph_integer_t best = igraph_vector_int_which_max(&csize);
        if (!(*vertices = malloc((size_t)VECTOR(csize)[best] * sizeof **vertices)))
            err = COA_ENOMEM;
        for (igraph_integer_t v = 0; !err && v < g->n_vertices; v++)
            if (VECTOR(membership)[v] == best)
                (*vertices)[(*n)++] = (uint32_t)v;
    }
    igraph_vector_int_destroy(&membership);
    igraph_vector_int_destroy(&csize);
    return err;
}

/* Marks in keep[] the authors of the largest component. */
static int mark_largest(const coa_graph_t *g, uint8_t *keep)
{
    uint32_t *vertices, n;
    int err = coa_graph_largest_component(g, &vertices, &n);
    for (uint32_t i = 0; i < n; i++)
        keep[g->vertex_author[vertices[i]]] = 1;
    free(vertices);
    return err;
}

int coa_graph_build(coa_graph_t *g, const coa_corpus_t *c, const coa_select_t *sel)
{
    coa_select_t none;
    if (!sel) {
        coa_select_init(&none);
        sel = &none;
    }
    uint8_t *keep = NULL;
    int err = COA_OK;
    if (sel->n_avoid || sel->ego != COA_NONE || sel->largest_component) {
        keep = malloc(c->n_authors ? c->n_authors : 1);
        if (!keep)
            return COA_ENOMEM;
        memset(keep, 1, c->n_authors);
        for (uint32_t i = 0; i < sel->n_avoid; i++)
            if (sel->avoid[i] < c->n_authors)
                keep[sel->avoid[i]] = 0;
    }
    int by_papers = sel->ego != COA_NONE && sel->min_weight <= 1.0 && c->n_links == 0;
    if (by_papers) {
        if ((err = mark_ego_by_papers(c, sel, keep)))
            goto cleanup;
    }
    if ((err = build(g, c, sel, keep)))
        goto cleanup;
    /* each further selection narrows the graph just built, then rebuilds */
    for (int step = 0; step < 2; step++) {
        if (step == 0 && (sel->ego == COA_NONE || by_papers))
            continue;
        if (step == 1 && !sel->largest_component)
            continue;
        memset(keep, 0, c->n_authors);
        err = step == 0 ? mark_ego(g, sel, keep) : mark_largest(g, keep);
        coa_graph_destroy(g);
        if (err || (err = build(g, c, sel, keep)))
            goto cleanup;
    }
cleanup:
    free(keep);
    return err;
}

int coa_bipartite_build(const coa_graph_t *g, igraph_t *bip, igraph_vector_bool_t *types,
                        igraph_vector_int_t *paper_ids)
{
    const coa_corpus_t *c = g->corpus;
    int err = COA_OK;
    igraph_vector_int_t edges;
    uint32_t *paper_vertex = malloc((c->n_papers ? c->n_papers : 1) * sizeof *paper_vertex);
    if (!paper_vertex)
        return COA_ENOMEM;
    if (igraph_vector_int_init(&edges, 0)) {
        free(paper_vertex);
        return COA_ENOMEM;
    }
    igraph_integer_t nv = g->n_vertices;
    for (uint32_t p = 0; p < c->n_papers; p++) {
        paper_vertex[p] = COA_NONE;
        if (!g->paper_selected[p])
            continue;
        const coa_paper_t *paper = &c->papers[p];
        for (uint32_t i = 0; i < paper->n_authorships; i++) {
            uint32_t v = g->author_vertex[c->authorships[paper->first_authorship + i].author];
            if (v == COA_NONE)
                continue;
            if (paper_vertex[p] == COA_NONE)
                paper_vertex[p] = (uint32_t)nv++;
            if (igraph_vector_int_push_back(&edges, v) || igraph_vector_int_push_back(&edges, paper_vertex[p])) {
                err = COA_ENOMEM;
                goto cleanup;
            }
        }
    }
    if ((err = coa_from_igraph(igraph_create(bip, &edges, nv, IGRAPH_UNDIRECTED))))
        goto cleanup;
    if (igraph_vector_bool_init(types, nv)) {
        igraph_destroy(bip);
        err = COA_ENOMEM;
        goto cleanup;
    }
    for (igraph_integer_t v = g->n_vertices; v < nv; v++)
        VECTOR(*types)[v] = 1;
    if (paper_ids) {
        if (igraph_vector_int_init(paper_ids, nv - g->n_vertices)) {
            igraph_destroy(bip);
            igraph_vector_bool_destroy(types);
            err = COA_ENOMEM;
            goto cleanup;
        }
        for (uint32_t p = 0; p < c->n_papers; p++)
            if (paper_vertex[p] != COA_NONE)
                VECTOR(*paper_ids)[paper_vertex[p] - g->n_vertices] = p;
    }
cleanup:
    igraph_vector_int_destroy(&edges);
    free(paper_vertex);
    return err;
}

int coa_adjacency_init(coa_adjacency_t *adj, const igraph_t *graph)
{
    memset(adj, 0, sizeof *adj);
    igraph_integer_t n = igraph_vcount(graph), m = igraph_ecount(graph);
    adj->n = (uint32_t)n;
    adj->offsets = calloc((size_t)n + 1, sizeof *adj->offsets);
    adj->neighbors = malloc((size_t)(2 * m + 1) * sizeof *adj->neighbors);
    adj->edge_ids = malloc((size_t)(2 * m + 1) * sizeof *adj->edge_ids);
    if (!adj->offsets || !adj->neighbors || !adj->edge_ids) {
        coa_adjacency_destroy(adj);
        return COA_ENOMEM;
    }
    for (igraph_integer_t e = 0; e < m; e++) {
        adj->offsets[IGRAPH_FROM(graph, e) + 1]++;
        adj->offsets[IGRAPH_TO(graph, e) + 1]++;
    }
    for (igraph_integer_t v = 0; v < n; v++)
        adj->offsets[v + 1] += adj->offsets[v];
    uint64_t *fill = malloc(((size_t)n + 1) * sizeof *fill);
    if (!fill) {
        coa_adjacency_destroy(adj);
        return COA_ENOMEM;
    }
    memcpy(fill, adj->offsets, ((size_t)n + 1) * sizeof *fill);
    /* with edges sorted by (from, to), from < to, filling in edge order
     * leaves every neighbour list ascending already */
    for (int pass = 0; pass < 2; pass++) {
        for (igraph_integer_t e = 0; e < m; e++) {
            igraph_integer_t a = IGRAPH_FROM(graph, e), b = IGRAPH_TO(graph, e);
            if (a > b) {
                igraph_integer_t t = a;
                a = b;
                b = t;
            }
            /* pass 0: b's smaller neighbours a; pass 1: a's larger neighbours b */
            igraph_integer_t v = pass == 0 ? b : a, w = pass == 0 ? a : b;
            adj->neighbors[fill[v]] = (uint32_t)w;
            adj->edge_ids[fill[v]++] = (uint32_t)e;
        }
    }
    free(fill);
    /* graphs from coa_graph_build have sorted edges; others get sorted here */
    for (uint32_t v = 0; v < adj->n; v++) {
        for (uint64_t i = adj->offsets[v] + 1; i < adj->offsets[v + 1]; i++) {
            uint32_t w = adj->neighbors[i], id = adj->edge_ids[i];
            uint64_t j = i;
            while (j > adj->offsets[v] && adj->neighbors[j - 1] > w) {
                adj->neighbors[j] = adj->neighbors[j - 1];
                adj->edge_ids[j] = adj->edge_ids[j - 1];
                j--;
            }
            adj->neighbors[j] = w;
            adj->edge_ids[j] = id;
        }
    }
    return COA_OK;
}

void coa_adjacency_destroy(coa_adjacency_t *adj)
{
    COA_FREE(adj->offsets, adj->neighbors, adj->edge_ids);
    memset(adj, 0, sizeof *adj);
}
