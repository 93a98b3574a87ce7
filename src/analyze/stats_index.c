/*
 * Summary statistics from a corpus database's index, without the graph.
 *
 * At DBLP scale (2.7 million authors, 57 million coauthor edges) building
 * the graph takes 20 s, counting its 2 billion triangles a minute, and each
 * breadth-first search 0.6 s.  The index already holds each author's
 * papers, each paper's authors and each author's number of coauthors, which
 * give every count, the components and the means exactly.  The clustering
 * figures and the distances are estimated from seeded samples, and the
 * output says so (see coa_stats_index in coauthor/stats.h).
 *
 * Coauthors are found through papers: two authors are coauthors when they
 * share a selected paper, which is how the graph's edges are made.
 */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coauthor/stats.h"
#include "corpus/internal.h"

/* Every id in the index within its bounds, so that nothing below reads
 * outside the arrays whatever the file holds. */
static int csr_valid(const coa_store_csr_t *x)
{
    if (!x->a_start || !x->p_start || !x->degree)
        return 0;
    uint64_t total = x->p_start[x->n_papers];
    if (total != x->total || x->a_start[0] != 0 || x->p_start[0] != 0 || x->a_start[x->n_authors] != total)
        return 0;
    for (uint32_t a = 0; a < x->n_authors; a++)
        if (x->a_start[a] > x->a_start[a + 1] || x->degree[a] >= x->n_authors)
            return 0;
    for (uint32_t p = 0; p < x->n_papers; p++)
        if (x->p_start[p] > x->p_start[p + 1])
            return 0;
    for (uint64_t i = 0; i < total; i++)
        if (x->a_papers[i] >= x->n_papers || x->p_authors[i] >= x->n_authors)
            return 0;
    return 1;
}

/* ---- components: union-find over the papers' authors ---- */

static uint32_t find(uint32_t *parent, uint32_t a)
{
    while (parent[a] != a) {
        parent[a] = parent[parent[a]];
        a = parent[a];
    }
    return a;
}

/* ---- coauthors ---- */

typedef struct {
    const coa_store_csr_t *x;
    uint32_t *mark, stamp; /* per author: stamp when listed */
    uint32_t *list, cap;   /* the coauthors of the last author listed */
} nbr_t;

/* The distinct coauthors of a into n->list; returns how many. */
static uint32_t coauthors(nbr_t *n, uint32_t a)
{
    const coa_store_csr_t *x = n->x;
    if (++n->stamp == 0) {
        memset(n->mark, 0, (size_t)x->n_authors * sizeof *n->mark);
        n->stamp = 1;
    }
    n->mark[a] = n->stamp;
    uint32_t k = 0;
    for (uint32_t i = x->a_start[a]; i < x->a_start[a + 1]; i++) {
        uint32_t p = x->a_papers[i];
        for (uint32_t j = x->p_start[p]; j < x->p_start[p + 1]; j++) {
            uint32_t b = x->p_authors[j];
            if (n->mark[b] == n->stamp)
                continue;
            n->mark[b] = n->stamp;
            if (k == n->cap)
                return UINT32_MAX; /* cannot happen: cap is the largest degree */
            n->list[k++] = b;
        }
    }
    return k;
}

/* Whether a and b share a selected paper: each paper of the one with fewer
 * is looked for in the other's (ascending) list. */
static int coauthored(const coa_store_csr_t *x, uint32_t a, uint32_t b)
{
    uint32_t alo = x->a_start[a], ahi = x->a_start[a + 1];
    uint32_t blo = x->a_start[b], bhi = x->a_start[b + 1];
    if (ahi - alo > bhi - blo) {
        uint32_t t = alo;
        alo = blo;
        blo = t;
        t = ahi;
        ahi = bhi;
        bhi = t;
    }
    for (uint32_t i = alo; i < ahi && blo < bhi; i++) {
        uint32_t p = x->a_papers[i];
        uint32_t lo = (uint32_t)coa_lower_bound_u32(x->a_papers, blo, bhi, p);
        if (lo < bhi && x->a_papers[lo] == p)
            return 1;
        blo = lo;
    }
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* For each sampled centre (sorted, repeats allowed): one random pair of
 * its coauthors, and whether they are coauthors too.  Returns the closed
 * pairs; centres of fewer than two coauthors count as open. */
static uint64_t closed_pairs(nbr_t *n, const uint32_t *centre, uint32_t k, igraph_rng_t *rng)
{
    uint64_t closed = 0;
    for (uint32_t i = 0; i < k;) {
        uint32_t v = centre[i], j = i;
        while (j < k && centre[j] == v)
            j++;
        uint32_t d = n->x->degree[v] >= 2 ? coauthors(n, v) : 0;
        for (; i < j; i++) {
            if (d < 2 || d == UINT32_MAX)
                continue;
            uint32_t s = (uint32_t)igraph_rng_get_integer(rng, 0, d - 1);
            uint32_t t = (uint32_t)igraph_rng_get_integer(rng, 0, d - 2);
            if (t >= s)
                t++;
            closed += (uint64_t)coauthored(n->x, n->list[s], n->list[t]);
        }
    }
    return closed;
}

/* ---- distances: breadth-first searches through papers ---- */

typedef struct {
    const coa_store_csr_t *x;
    const uint32_t *sources;
    uint32_t n_sources, first, step;
    /* one bit per author and per paper: a few hundred kilobytes at DBLP
     * scale, which stay in the cache where arrays of distances would not;
     * the search goes level by level, so distances need no storage */
    uint64_t *seen_author, *seen_paper;
    uint32_t *queue, *papers; /* authors reached, in order; papers marked at one level */
    double sum;
    uint32_t diameter, farthest;
    uint32_t first_farthest;           /* the author farthest from the first source */
    atomic_uint *done;                 /* searches done by every thread */
    const coa_stats_options_t *report; /* set for the caller's thread only */
} bfs_t;

#define BIT_TEST(bits, i) ((bits)[(i) >> 6] >> ((i)&63) & 1)
#define BIT_SET(bits, i) ((bits)[(i) >> 6] |= (uint64_t)1 << ((i)&63))

/* One step of a search, either way round: the unmarked ends of row v of
 * a CSR (start, items) are marked in 'seen' and appended to out[*n ..];
 * returns the sum of their own degrees (their rows in other_start). */
static inline uint64_t expand(const uint32_t *start, const uint32_t *items, uint32_t v, uint64_t *seen,
                              uint32_t *out, uint32_t *n, const uint32_t *other_start)
{
    uint64_t degrees = 0;
    uint32_t k = *n;
    for (uint32_t i = start[v]; i < start[v + 1]; i++) {
        uint32_t w = items[i];
        if (BIT_TEST(seen, w))
            continue;
        BIT_SET(seen, w);
        out[k++] = w;
        degrees += other_start[w + 1] - other_start[w];
    }
    *n = k;
    return degrees;
}

/* One search from s: adds the distances to b->sum; returns the
 * eccentricity of s, and the farthest author in b->farthest.
 *
 * Level by level: the papers of the authors at distance L are marked, then
 * the authors of the papers newly marked are at distance L + 1.  Those are
 * found either from the papers (top-down: each new paper's authors) or,
 * when that would read more, from the authors not reached yet (bottom-up:
 * each one's papers, until one is marked), reading the index in order
 * instead of jumping about it.  Both find the same authors: every author of
 * a paper marked at an earlier level has been reached already. */
static uint32_t search(bfs_t *b, uint32_t s)
{
    const coa_store_csr_t *x = b->x;
    memset(b->seen_author, 0, ((size_t)x->n_authors / 64 + 1) * sizeof *b->seen_author);
    memset(b->seen_paper, 0, ((size_t)x->n_papers / 64 + 1) * sizeof *b->seen_paper);
    uint64_t unreached = x->p_start[x->n_papers]; /* authorships of authors not reached */
    uint32_t head = 0, tail = 0, level = 0;
    BIT_SET(b->seen_author, s);
    unreached -= x->a_start[s + 1] - x->a_start[s];
    b->queue[tail++] = s;
    while (head < tail) {
        uint32_t end = tail; /* the authors at distance 'level' */
        uint32_t np = 0;
        uint64_t spread = 0; /* authorships of the papers newly marked */
        for (; head < end; head++)
            spread += expand(x->a_start, x->a_papers, b->queue[head], b->seen_paper, b->papers, &np, x->p_start);
        if (spread > unreached / 2) {
            for (uint32_t a = 0; a < x->n_authors; a++) {
                if (BIT_TEST(b->seen_author, a))
                    continue;
                for (uint32_t i = x->a_start[a]; i < x->a_start[a + 1]; i++) {
                    if (BIT_TEST(b->seen_paper, x->a_papers[i])) {
                        BIT_SET(b->seen_author, a);
                        unreached -= x->a_start[a + 1] - x->a_start[a];
                        b->queue[tail++] = a;
                        break;
                    }
                }
            }
        } else {
            for (uint32_t k = 0; k < np; k++)
                unreached -= expand(x->p_start, x->p_authors, b->papers[k], b->seen_author, b->queue, &tail, x->a_start);
        }
        if (tail > end) {
            level++;
            b->sum += (double)level * (tail - end);
        }
    }
    b->farthest = b->queue[tail - 1];
    return level;
}

static void *bfs_worker(void *arg)
{
    bfs_t *b = arg;
    for (uint32_t i = b->first; i < b->n_sources; i += b->step) {
        uint32_t ecc = search(b, b->sources[i]);
        if (ecc > b->diameter)
            b->diameter = ecc;
        if (i == 0)
            b->first_farthest = b->farthest;
        unsigned done = atomic_fetch_add(b->done, 1) + 1;
        if (b->report && b->report->progress && done < b->n_sources)
            b->report->progress(b->report->progress_ctx, "distance searches", done, b->n_sources);
    }
    return NULL;
}

static int bfs_init(bfs_t *b, const coa_store_csr_t *x)
{
    memset(b, 0, sizeof *b);
    b->x = x;
    b->seen_author = malloc(((size_t)x->n_authors / 64 + 1) * sizeof *b->seen_author);
    b->seen_paper = malloc(((size_t)x->n_papers / 64 + 1) * sizeof *b->seen_paper);
    b->queue = malloc((x->n_authors ? x->n_authors : 1) * sizeof *b->queue);
    b->papers = malloc((x->n_papers ? x->n_papers : 1) * sizeof *b->papers);
    return b->seen_author && b->seen_paper && b->queue && b->papers ? COA_OK : COA_ENOMEM;
}

static void bfs_free(bfs_t *b)
{
    COA_FREE(b->seen_author, b->seen_paper, b->queue, b->papers);
}

#define MAX_THREADS 8

static int distances(const coa_store_csr_t *x, uint32_t *members, uint32_t k, uint32_t sources, igraph_rng_t *rng,
                     const coa_stats_options_t *opts, coa_stats_t *st)
{
    if (k < 2)
        return COA_OK;
    if (sources > k)
        sources = k;
    for (uint32_t i = 0; i < sources; i++) { /* a partial Fisher-Yates shuffle */
        uint32_t j = (uint32_t)igraph_rng_get_integer(rng, i, k - 1);
        uint32_t t = members[i];
        members[i] = members[j];
        members[j] = t;
    }
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    int n = cpus < 1 ? 1 : cpus > MAX_THREADS ? MAX_THREADS : (int)cpus;
    if ((uint32_t)n > sources)
        n = (int)sources;
    bfs_t jobs[MAX_THREADS];
    pthread_t threads[MAX_THREADS];
    atomic_uint done = 0;
    int made = 0, err = COA_OK;
    for (; made < n; made++) {
        if ((err = bfs_init(&jobs[made], x))) {
            bfs_free(&jobs[made]);
            if (made == 0)
                return err;
            err = COA_OK;
            break;
        }
        jobs[made].sources = members;
        jobs[made].n_sources = sources;
        jobs[made].first = (uint32_t)made;
        jobs[made].done = &done;
        jobs[made].report = made ? NULL : opts;
    }
    for (int t = 0; t < made; t++)
        jobs[t].step = (uint32_t)made;
    int started[MAX_THREADS] = {0};
    for (int t = 1; t < made; t++)
        started[t] = pthread_create(&threads[t], NULL, bfs_worker, &jobs[t]) == 0;
    bfs_worker(&jobs[0]);
    for (int t = 1; t < made; t++)
        if (!started[t]) /* this thread takes the share of one that did not start */
            bfs_worker(&jobs[t]);
    double sum = 0;
    uint32_t diameter = 0;
    for (int t = 0; t < made; t++) {
        if (started[t])
            pthread_join(threads[t], NULL);
        sum += jobs[t].sum;
        if (jobs[t].diameter > diameter)
            diameter = jobs[t].diameter;
    }
    /* a second sweep, from the author farthest from the first source,
     * tightens the diameter's lower bound (not counted in the mean) */
    if (sources < k) {
        uint32_t ecc = search(&jobs[0], jobs[0].first_farthest);
        if (ecc > diameter)
            diameter = ecc;
    }
    for (int t = 0; t < made; t++)
        bfs_free(&jobs[t]);
    if (opts->progress)
        opts->progress(opts->progress_ctx, "distance searches", sources, sources);
    st->diameter = diameter;
    st->distance_sources = sources;
    st->distances_sampled = sources < k;
    st->mean_distance = sum / ((double)sources * (double)(k - 1));
    return COA_OK;
}

/* The counts, as coa_graph_build makes them for the default selection;
 * *max_degree the most coauthors of an author.  COA_EFORMAT when the
 * corpus and its index disagree (a damaged file). */
static int count_selection(const coa_corpus_t *c, const coa_store_csr_t *x, coa_stats_t *st, uint32_t *max_degree)
{
    for (uint32_t p = 0; p < c->n_papers; p++) {
        const coa_paper_t *paper = &c->papers[p];
        uint32_t listed = x->p_start[p + 1] - x->p_start[p];
        if ((uint64_t)paper->first_authorship + paper->n_authorships > c->n_authorships ||
            listed != (paper->n_authorships > COA_DEFAULT_MAX_AUTHORS ? 0 : paper->n_authorships))
            return COA_EFORMAT;
        if (paper->n_authorships > COA_DEFAULT_MAX_AUTHORS) {
            st->papers_over_max_authors++;
            continue;
        }
        if (paper->n_authorships == 0) {
            st->papers_without_authors++;
            continue;
        }
        st->papers++;
        st->truncated_papers += (paper->flags & COA_PAPER_TRUNCATED) != 0;
        for (uint32_t i = 0; i < paper->n_authorships; i++)
            st->inferred_authorships += c->authorships[paper->first_authorship + i].inferred;
    }
    st->authorships = x->p_start[x->n_papers];
    st->duplicate_authorships = c->duplicate_authorships;
    uint64_t degree_sum = 0;
    *max_degree = 0;
    for (uint32_t a = 0; a < x->n_authors; a++) {
        if (x->a_start[a + 1] == x->a_start[a])
            continue;
        uint32_t d = x->degree[a];
        st->authors++;
        st->isolated_authors += d == 0;
        degree_sum += d;
        if (d > *max_degree)
            *max_degree = d;
    }
    uint32_t n = st->authors;
    st->coauthor_edges = (igraph_integer_t)(degree_sum / 2);
    st->mean_authors_per_paper = st->papers ? (double)st->authorships / st->papers : NAN;
    st->mean_papers_per_author = st->papers && n ? (double)st->authorships / n : NAN;
    st->mean_coauthors_per_author = n ? (double)degree_sum / n : 0;
    return COA_OK;
}

/* The components (union-find over the papers' authors, in parent[] and
 * size[]) and the largest one's authors in *members (caller frees), *k
 * of them; between equals, the one of the first author, as igraph
 * numbers components. */
static int largest_component(const coa_store_csr_t *x, coa_stats_t *st, uint32_t *parent, uint32_t *size,
                             uint32_t **members, uint32_t *k)
{
    for (uint32_t a = 0; a < x->n_authors; a++)
        parent[a] = a;
    for (uint32_t p = 0; p < x->n_papers; p++) {
        if (x->p_start[p + 1] - x->p_start[p] < 2)
            continue;
        uint32_t r = find(parent, x->p_authors[x->p_start[p]]);
        for (uint32_t j = x->p_start[p] + 1; j < x->p_start[p + 1]; j++) {
            uint32_t q = find(parent, x->p_authors[j]);
            if (q != r)
                parent[q] = r;
        }
    }
    uint32_t largest = 0;
    for (uint32_t a = 0; a < x->n_authors; a++) {
        if (x->a_start[a + 1] == x->a_start[a])
            continue;
        uint32_t r = find(parent, a);
        st->components += size[r] == 0;
        if (++size[r] > largest)
            largest = size[r];
    }
    uint32_t lcc = COA_NONE;
    for (uint32_t a = 0; a < x->n_authors && lcc == COA_NONE; a++)
        if (x->a_start[a + 1] > x->a_start[a] && size[find(parent, a)] == largest)
            lcc = find(parent, a);
    st->largest_component_authors = largest;
    if (!(*members = malloc((size_t)(largest ? largest : 1) * sizeof **members)))
        return COA_ENOMEM;
    uint64_t lcc_degree = 0;
    *k = 0;
    for (uint32_t a = 0; a < x->n_authors; a++)
        if (x->a_start[a + 1] > x->a_start[a] && find(parent, a) == lcc) {
            (*members)[(*k)++] = a;
            lcc_degree += x->degree[a];
        }
    st->largest_component_edges = (igraph_integer_t)(lcc_degree / 2);
    return COA_OK;
}

/* Average clustering (authors drawn uniformly) and transitivity (pairs of
 * coauthors drawn uniformly, that is authors in proportion to their
 * pairs), from 'samples' draws each; vertex[] is scratch (n_authors). */
static int sample_clustering(const coa_store_csr_t *x, coa_stats_t *st, uint32_t samples, uint32_t max_degree,
                             uint32_t *vertex, igraph_rng_t *rng)
{
    int err = COA_OK;
    nbr_t nb = {x, NULL, 0, NULL, max_degree};
    nb.mark = calloc(x->n_authors, sizeof *nb.mark);
    nb.list = malloc(((size_t)max_degree + 1) * sizeof *nb.list);
    uint32_t *centre = malloc((size_t)samples * sizeof *centre);
    double *cumulative = malloc((size_t)st->authors * sizeof *cumulative);
    if (!nb.mark || !nb.list || !centre || !cumulative) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    uint32_t nv = 0;
    double run = 0;
    for (uint32_t a = 0; a < x->n_authors; a++) {
        if (x->a_start[a + 1] == x->a_start[a])
            continue;
        run += x->degree[a] < 2 ? 0 : (double)x->degree[a] * (x->degree[a] - 1) / 2;
        cumulative[nv] = run;
        vertex[nv++] = a;
    }
    double triples = run; /* pairs of coauthors, over all authors */
    for (uint32_t i = 0; i < samples; i++)
        centre[i] = vertex[igraph_rng_get_integer(rng, 0, nv - 1)];
    qsort(centre, samples, sizeof *centre, cmp_u32);
    st->average_clustering = (double)closed_pairs(&nb, centre, samples, rng) / samples;
    if (triples > 0) {
        for (uint32_t i = 0; i < samples; i++) {
            double u = igraph_rng_get_unif01(rng) * run;
            uint32_t lo = 0, hi = nv - 1;
            while (lo < hi) {
                uint32_t mid = lo + (hi - lo) / 2;
                if (cumulative[mid] <= u)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            centre[i] = vertex[lo];
        }
        qsort(centre, samples, sizeof *centre, cmp_u32);
        st->transitivity = (double)closed_pairs(&nb, centre, samples, rng) / samples;
        st->triangles = (igraph_integer_t)(st->transitivity * triples / 3 + 0.5);
    }
    st->clustering_sampled = 1;
    st->clustering_samples = samples;
cleanup:
    COA_FREE(nb.mark, nb.list, centre, cumulative);
    return err;
}

int coa_stats_index(const coa_store_index_t *ix, const coa_stats_options_t *opts, coa_stats_t *st)
{
    uint32_t samples = opts->samples ? opts->samples : COA_STATS_CLUSTERING_SAMPLE;
    uint32_t sources = opts->sources ? opts->sources : COA_STATS_INDEX_SOURCES;
    memset(st, 0, sizeof *st);
    const coa_corpus_t *c = coa_store_index_corpus(ix);
    coa_store_csr_t x;
    coa_store_index_csr(ix, &x);
    if (x.n_papers != c->n_papers || x.n_authors != c->n_authors || !csr_valid(&x))
        return COA_EFORMAT;
    uint32_t max_degree, k = 0;
    int err = count_selection(c, &x, st, &max_degree);
    if (err || st->authors == 0)
        return err;
    uint32_t *parent = malloc((size_t)x.n_authors * sizeof *parent);
    uint32_t *size = calloc(x.n_authors, sizeof *size);
    uint32_t *members = NULL;
    igraph_rng_t rng;
    int have_rng = 0;
    if (!parent || !size) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    if ((err = largest_component(&x, st, parent, size, &members, &k)))
        goto cleanup;
    if (igraph_rng_init(&rng, &igraph_rngtype_mt19937)) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    have_rng = 1;
    igraph_rng_seed(&rng, opts->seed);
    /* parent is no longer needed: the clustering's scratch */
    if (!(err = sample_clustering(&x, st, samples, max_degree, parent, &rng)))
        err = distances(&x, members, k, sources, &rng, opts, st);
cleanup:
    if (have_rng)
        igraph_rng_destroy(&rng);
    COA_FREE(parent, size, members);
    return err;
}
