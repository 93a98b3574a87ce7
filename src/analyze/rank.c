/* Rankings: an author's coauthors, and the whole network by a measure. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coauthor/rank.h"
#include "corpus/internal.h"

/* ---- coauthors of one author ---- */

typedef struct {
    coa_coauthor_t item;
    double fractional;    /* rounded, for comparing */
    const char *name;
    coa_coauthor_order_t order;
} coauthor_sort_t;

static int cmp_double_desc(double a, double b)
{
    return a > b ? -1 : a < b;
}

/* x to ten significant digits.  Sums of fractions taken in different
 * orders (1/3 + 2/3 against 1/2 + 1/2) differ in the last bits; compared
 * rounded, they are equal, and the tie goes to the name as it should. */
static double round10(double x)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%.10g", x);
    return strtod(buf, NULL);
}

static int cmp_coauthor(const void *pa, const void *pb)
{
    const coauthor_sort_t *a = pa, *b = pb;
    int c;
    if (a->order == COA_COAUTHORS_BY_FRACTIONAL) {
        if ((c = cmp_double_desc(a->fractional, b->fractional)))
            return c;
        if ((c = cmp_double_desc(a->item.joint_papers, b->item.joint_papers)))
            return c;
    } else {
        if ((c = cmp_double_desc(a->item.joint_papers, b->item.joint_papers)))
            return c;
        if ((c = cmp_double_desc(a->fractional, b->fractional)))
            return c;
    }
    if ((c = strcmp(a->name, b->name)))
        return c;
    return a->item.author < b->item.author ? -1 : a->item.author > b->item.author;
}

/* Whether 'author' is only inferred on 'paper' (for example, a profile's
 * owner hidden behind "et al."). */
static int inferred_on(const coa_corpus_t *c, uint32_t paper, uint32_t author)
{
    const coa_paper_t *p = &c->papers[paper];
    for (uint32_t i = 0; i < p->n_authorships; i++) {
        const coa_authorship_t *as = &c->authorships[p->first_authorship + i];
        if (as->author == author)
            return as->inferred;
    }
    return 0;
}

int coa_coauthors_init(coa_coauthors_t *list, const coa_graph_t *g, uint32_t author, coa_coauthor_order_t order)
{
    const coa_corpus_t *c = g->corpus;
    igraph_vector_int_t incident;
    coauthor_sort_t *tmp = NULL;
    int err = COA_OK;

    memset(list, 0, sizeof *list);
    igraph_integer_t v = coa_graph_vertex_of(g, author);
    if (v < 0)
        return COA_ENOTFOUND;
    list->vertex = v;
    if (igraph_vector_int_init(&incident, 0))
        return COA_ENOMEM;
    if ((err = coa_from_igraph(igraph_incident(&g->graph, &incident, v, IGRAPH_ALL))))
        goto cleanup;
    uint32_t n = (uint32_t)igraph_vector_int_size(&incident);
    tmp = calloc(n ? n : 1, sizeof *tmp);
    list->items = calloc(n ? n : 1, sizeof *list->items);
    if (!tmp || !list->items) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    for (uint32_t i = 0; i < n; i++) {
        igraph_integer_t e = VECTOR(incident)[i];
        coa_coauthor_t *it = &tmp[i].item;
        it->vertex = IGRAPH_OTHER(&g->graph, e, v);
        it->author = g->vertex_author[it->vertex];
        it->edge = e;
        it->joint_papers = VECTOR(g->joint_papers)[e];
        it->fractional = VECTOR(g->fractional)[e];
        for (igraph_integer_t k = g->edge_paper_start[e]; k < g->edge_paper_start[e + 1]; k++) {
            uint32_t p = g->edge_papers[k];
            int year = c->papers[p].year;
            if (year) {
                if (!it->first_year || year < it->first_year)
                    it->first_year = year;
                if (year > it->last_year)
                    it->last_year = year;
            }
            if (inferred_on(c, p, author) || inferred_on(c, p, it->author))
                it->inferred++;
        }
        tmp[i].fractional = round10(it->fractional);
        tmp[i].name = coa_graph_vertex_name(g, it->vertex);
        tmp[i].order = order;
    }
    qsort(tmp, n, sizeof *tmp, cmp_coauthor);
    for (uint32_t i = 0; i < n; i++)
        list->items[i] = tmp[i].item;
    list->n = n;
cleanup:
    free(tmp);
    igraph_vector_int_destroy(&incident);
    if (err)
        coa_coauthors_destroy(list);
    return err;
}

void coa_coauthors_destroy(coa_coauthors_t *list)
{
    free(list->items);
    memset(list, 0, sizeof *list);
}

typedef struct {
    uint32_t paper;
    int year;
    const char *title;
} paper_sort_t;

static int cmp_paper(const void *pa, const void *pb)
{
    const paper_sort_t *a = pa, *b = pb;
    if (a->year != b->year) {
        if (!a->year || !b->year)
            return a->year ? -1 : 1; /* unknown years last */
        return a->year > b->year ? -1 : 1;
    }
    int c = strcmp(a->title, b->title);
    if (c)
        return c;
    return a->paper < b->paper ? -1 : a->paper > b->paper;
}

int coa_edge_papers_by_year(const coa_graph_t *g, igraph_integer_t edge, uint32_t **papers, uint32_t *n)
{
    *papers = NULL;
    *n = 0;
    if (edge < 0 || edge >= igraph_ecount(&g->graph))
        return COA_EINVAL;
    igraph_integer_t from = g->edge_paper_start[edge], to = g->edge_paper_start[edge + 1];
    uint32_t k = (uint32_t)(to - from);
    if (k == 0)
        return COA_OK;
    paper_sort_t *tmp = malloc(k * sizeof *tmp);
    uint32_t *out = malloc(k * sizeof *out);
    if (!tmp || !out) {
        free(tmp);
        free(out);
        return COA_ENOMEM;
    }
    for (uint32_t i = 0; i < k; i++) {
        const coa_paper_t *p = &g->corpus->papers[g->edge_papers[from + i]];
        tmp[i].paper = g->edge_papers[from + i];
        tmp[i].year = p->year;
        tmp[i].title = coa_corpus_str(g->corpus, p->title);
    }
    qsort(tmp, k, sizeof *tmp, cmp_paper);
    for (uint32_t i = 0; i < k; i++)
        out[i] = tmp[i].paper;
    free(tmp);
    *papers = out;
    *n = k;
    return COA_OK;
}

/* ---- the whole network ---- */

typedef struct {
    double key;
    const char *name;
    igraph_integer_t vertex;
} vertex_sort_t;

static int cmp_vertex(const void *pa, const void *pb)
{
    const vertex_sort_t *a = pa, *b = pb;
    int an = isnan(a->key), bn = isnan(b->key);
    if (an != bn)
        return an ? 1 : -1;
    if (!an) {
        int c = cmp_double_desc(a->key, b->key);
        if (c)
            return c;
    }
    int c = strcmp(a->name, b->name);
    if (c)
        return c;
    return a->vertex < b->vertex ? -1 : a->vertex > b->vertex;
}

int coa_rank_order(const coa_graph_t *g, const igraph_vector_t *scores, igraph_integer_t **order)
{
    igraph_integer_t n = g->n_vertices;
    *order = NULL;
    if (igraph_vector_size(scores) != n)
        return COA_EINVAL;
    vertex_sort_t *tmp = malloc(((size_t)n + 1) * sizeof *tmp);
    igraph_integer_t *out = malloc(((size_t)n + 1) * sizeof *out);
    if (!tmp || !out) {
        free(tmp);
        free(out);
        return COA_ENOMEM;
    }
    for (igraph_integer_t v = 0; v < n; v++) {
        tmp[v].key = round10(VECTOR(*scores)[v]);
        tmp[v].name = coa_graph_vertex_name(g, v);
        tmp[v].vertex = v;
    }
    qsort(tmp, (size_t)n, sizeof *tmp, cmp_vertex);
    for (igraph_integer_t i = 0; i < n; i++)
        out[i] = tmp[i].vertex;
    free(tmp);
    *order = out;
    return COA_OK;
}

int coa_ranking_init(coa_ranking_t *r, const coa_graph_t *g, coa_measure_t m, const coa_rank_options_t *opt)
{
    memset(r, 0, sizeof *r);
    r->measure = m;
    if (igraph_vector_init(&r->scores, 0))
        return COA_ENOMEM;
    int err = coa_centrality(g, m, opt, &r->scores, &r->info);
    if (!err)
        err = coa_rank_order(g, &r->scores, &r->order);
    if (err) {
        igraph_vector_destroy(&r->scores);
        memset(r, 0, sizeof *r);
        return err;
    }
    r->n = g->n_vertices;
    return COA_OK;
}

void coa_ranking_destroy(coa_ranking_t *r)
{
    if (r->scores.stor_begin) /* NULL after a failed init */
        igraph_vector_destroy(&r->scores);
    free(r->order);
    memset(r, 0, sizeof *r);
}
