/* What a picture of 'coauthor draw' shows: the vertices kept (a chain and
 * the authors near it, the largest component, the top authors), the
 * nodes' sizes and colour groups, and the legend's line on the data. */
#include <stdlib.h>
#include <string.h>

#include "coauthor/community.h"
#include "coauthor/draw.h"
#include "coauthor/path.h"
#include "coauthor/rank.h"
#include "core/core.h"

int coa_draw_chain(const coa_graph_t *g, uint32_t a, uint32_t b, uint32_t **path, uint32_t *len)
{
    coa_path_finder_t *finder = NULL;
    coa_path_result_t res;
    *path = NULL;
    *len = 0;
    coa_path_result_init(&res);
    int err = coa_path_finder_new(g, &finder);
    if (!err)
        err = coa_path_shortest(finder, a, b, 1, &res);
    if (!err && res.found && res.n_chains) {
        if (!(*path = malloc((res.length + 1) * sizeof **path))) {
            err = COA_ENOMEM;
        } else {
            memcpy(*path, res.vertices, (res.length + 1) * sizeof **path);
            *len = res.length + 1;
        }
    }
    coa_path_result_destroy(&res);
    coa_path_finder_free(finder);
    return err;
}

/* keep[] of the graph's vertices as a mask of corpus authors. */
static uint8_t *authors_kept(const coa_graph_t *g, const uint8_t *keep)
{
    uint8_t *within = calloc(g->corpus->n_authors ? g->corpus->n_authors : 1, 1);
    for (igraph_integer_t v = 0; within && v < g->n_vertices; v++)
        within[g->vertex_author[v]] = keep[v];
    return within;
}

int coa_draw_keep_near(const coa_graph_t *g, uint8_t *keep, const uint32_t *seeds, uint32_t n_seeds, uint32_t radius)
{
    coa_view_t *view = NULL;
    uint8_t *within = authors_kept(g, keep);
    uint32_t *authors = malloc((n_seeds ? n_seeds : 1) * sizeof *authors), *near = NULL, n = 0;
    int err = within && authors ? coa_view_new_graph(g, &view) : COA_ENOMEM;
    for (uint32_t i = 0; !err && i < n_seeds; i++)
        authors[i] = g->vertex_author[seeds[i]];
    if (!err)
        err = coa_view_reach(view, authors, n_seeds, radius, 0, within, &near, &n);
    if (!err) {
        memset(within, 0, g->corpus->n_authors);
        for (uint32_t i = 0; i < n; i++)
            within[near[i]] = 1;
        for (igraph_integer_t v = 0; v < g->n_vertices; v++)
            keep[v] = keep[v] && within[g->vertex_author[v]];
    }
    COA_FREE(near, authors, within);
    coa_view_free(view);
    return err;
}

/* Components among the kept vertices: comp[v] per vertex (COA_NONE when
 * not kept), numbered in order of their lowest vertex; size[k] each. */
static int kept_components(const coa_graph_t *g, const uint8_t *keep, uint32_t *comp, uint32_t **size,
                           uint32_t *n_comp)
{
    coa_view_t *view = NULL;
    uint8_t *within = authors_kept(g, keep);
    uint32_t *by_author = NULL;
    int err = within ? coa_view_new_graph(g, &view) : COA_ENOMEM;
    if (!err)
        err = coa_view_components(view, within, &by_author, size, n_comp);
    for (igraph_integer_t v = 0; !err && v < g->n_vertices; v++)
        comp[v] = by_author[g->vertex_author[v]];
    free(by_author);
    free(within);
    coa_view_free(view);
    return err;
}

/* Keeps only the largest connected component among the kept vertices
 * (ties: the one with the lowest vertex), or the one holding 'must'. */
static int keep_component(const coa_graph_t *g, uint8_t *keep, uint32_t must, uint32_t *kept)
{
    uint32_t n = (uint32_t)g->n_vertices, *comp = malloc((n ? n : 1) * sizeof *comp), *size = NULL, n_comp = 0;
    int err = comp ? kept_components(g, keep, comp, &size, &n_comp) : COA_ENOMEM;
    if (!err) {
        uint32_t best = COA_NONE, best_size = 0;
        for (uint32_t k = 0; k < n_comp; k++)
            if (must == COA_NONE ? size[k] > best_size : comp[must] == k) {
                best = k;
                best_size = size[k];
            }
        for (uint32_t v = 0; v < n; v++)
            keep[v] = keep[v] && comp[v] == best;
        *kept = best_size;
    }
    free(comp);
    free(size);
    return err;
}

/* Vertices by papers, most first, then by name. */
static const coa_graph_t *sort_graph;
static int by_papers(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    if (sort_graph->vertex_papers[a] != sort_graph->vertex_papers[b])
        return sort_graph->vertex_papers[a] > sort_graph->vertex_papers[b] ? -1 : 1;
    return strcmp(coa_graph_vertex_name(sort_graph, a), coa_graph_vertex_name(sort_graph, b));
}

int coa_draw_keep_top(const coa_graph_t *g, uint8_t *keep, uint32_t top, const uint32_t *pinned, uint32_t n_pinned)
{
    uint32_t nv = (uint32_t)g->n_vertices, m = 0;
    uint32_t *order = malloc((nv ? nv : 1) * sizeof *order);
    if (!order)
        return COA_ENOMEM;
    for (uint32_t v = 0; v < nv; v++)
        if (keep[v])
            order[m++] = v;
    sort_graph = g;
    qsort(order, m, sizeof *order, by_papers);
    for (uint32_t i = top; i < m; i++)
        keep[order[i]] = 0;
    for (uint32_t i = 0; i < n_pinned; i++)
        keep[pinned[i]] = 1;
    free(order);
    return COA_OK;
}

static uint32_t count_kept(const uint8_t *keep, uint32_t n)
{
    uint32_t k = 0;
    for (uint32_t v = 0; v < n; v++)
        k += keep[v] != 0;
    return k;
}

/* Renumbers colour classes among the drawn vertices by how many of them
 * each holds (0 = the most), ties by the old number; undrawn get -1. */
typedef struct {
    int32_t id;
    uint32_t size;
} class_t;
static int class_cmp(const void *pa, const void *pb)
{
    const class_t *a = pa, *b = pb;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

static int renumber_groups(const coa_graph_t *g, const uint8_t *keep, int32_t *group)
{
    uint32_t nv = (uint32_t)g->n_vertices;
    int32_t n_classes = 0;
    for (uint32_t v = 0; v < nv; v++)
        if (keep[v] && group[v] >= n_classes)
            n_classes = group[v] + 1;
    class_t *classes = calloc((size_t)(n_classes ? n_classes : 1), sizeof *classes);
    int32_t *rank = malloc((size_t)(n_classes ? n_classes : 1) * sizeof *rank);
    if (!classes || !rank) {
        free(classes);
        free(rank);
        return COA_ENOMEM;
    }
    for (int32_t k = 0; k < n_classes; k++)
        classes[k].id = k;
    for (uint32_t v = 0; v < nv; v++)
        if (keep[v] && group[v] >= 0)
            classes[group[v]].size++;
    qsort(classes, (size_t)n_classes, sizeof *classes, class_cmp);
    for (int32_t k = 0; k < n_classes; k++)
        rank[classes[k].id] = k;
    for (uint32_t v = 0; v < nv; v++)
        group[v] = keep[v] && group[v] >= 0 ? rank[group[v]] : -1;
    free(classes);
    free(rank);
    return COA_OK;
}

/* Colour classes: the connected components among the drawn vertices. */
static int group_by_component(const coa_graph_t *g, const uint8_t *keep, int32_t *group)
{
    uint32_t nv = (uint32_t)g->n_vertices, *comp = malloc((nv ? nv : 1) * sizeof *comp), *size = NULL, n_comp;
    int err = comp ? kept_components(g, keep, comp, &size, &n_comp) : COA_ENOMEM;
    for (uint32_t v = 0; !err && v < nv; v++)
        group[v] = comp[v] == COA_NONE ? -1 : (int32_t)comp[v];
    free(comp);
    free(size);
    return err ? err : renumber_groups(g, keep, group);
}

/* The data line; 'assumed': with the years --year gave undated papers. */
static void describe_sources(const coa_corpus_t *c, const coa_graph_t *g, const int *years, int assumed, char *buf,
                             size_t len)
{
    size_t used = 0;
    buf[0] = 0;
    for (uint32_t i = 0; i < c->n_sources && used < len; i++) {
        const coa_source_t *s = &c->sources[i];
        const char *path = coa_corpus_str(c, s->path);
        const char *slash = strrchr(path, '/');
        int w = snprintf(buf + used, len - used, "%s%s (%s, %u records)", i ? "; " : "", slash ? slash + 1 : path,
                         coa_corpus_str(c, s->format), s->records);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    int year_min = years ? years[0] : 0, year_max = years ? years[1] : 0;
    for (uint32_t p = 0; !years && p < c->n_papers; p++) {
        if (!g->paper_selected[p] || !c->papers[p].year || (!assumed && (c->papers[p].flags & COA_PAPER_YEAR_ASSUMED)))
            continue;
        int y = c->papers[p].year;
        if (!year_min || y < year_min)
            year_min = y;
        if (y > year_max)
            year_max = y;
    }
    if (year_min && used < len)
        snprintf(buf + used, len - used, year_min == year_max ? ", %d" : ", %d-%d", year_min, year_max);
}

void coa_draw_describe_sources(const coa_corpus_t *c, const coa_graph_t *g, const int *years, char *buf, size_t len)
{
    describe_sources(c, g, years, 0, buf, len);
}

void coa_timeline_describe_sources(const coa_graph_t *g, char *buf, size_t len)
{
    describe_sources(g->corpus, g, NULL, 1, buf, len);
}

int coa_draw_sizes(const coa_graph_t *graph, coa_measure_t measure, int given, unsigned long seed, double *size,
                   coa_measure_t *used)
{
    uint32_t nv = (uint32_t)graph->n_vertices;
    int err = 0;
    coa_measure_t size_by = measure;
    if (!given) {
        uint64_t total = 0;
        for (uint32_t v = 0; v < nv; v++)
            total += graph->vertex_papers[v];
        if (total == 0)
            size_by = COA_MEASURE_DEGREE;
    }
    if (size_by == COA_MEASURE_PAPERS) {
        for (uint32_t v = 0; v < nv; v++)
            size[v] = graph->vertex_papers[v];
    } else {
        coa_centrality_info_t info;
        err = coa_centrality_scores(graph, size_by, seed, size, &info);
    }
    *used = size_by;
    return err;
}

int coa_draw_groups(const coa_graph_t *graph, coa_colour_by_t by, unsigned long seed, const uint8_t *keep,
                    int32_t *group, char *label, size_t label_len, coa_draw_options_t *dopts)
{
    uint32_t nv = (uint32_t)graph->n_vertices;
    int err = 0;
    if (by == COA_COLOUR_COMMUNITY) {
        coa_community_options_t copts;
        coa_communities_t comm;
        coa_community_options_init(&copts);
        copts.seed = seed;
        err = coa_communities_detect(&comm, graph, &copts);
        for (uint32_t v = 0; !err && v < nv; v++)
            group[v] = (int32_t)VECTOR(comm.membership)[v];
        if (!err && comm.modularity == comm.modularity)
            snprintf(label, label_len, "community (Leiden, modularity %.2f)", comm.modularity);
        else
            snprintf(label, label_len, "community (Leiden)");
        coa_communities_destroy(&comm);
        if (err || (err = renumber_groups(graph, keep, group)))
            return err;
        dopts->group = group;
        dopts->group_label = label;
    } else if (by == COA_COLOUR_YEAR) {
        dopts->colour_by_year = 1;
    } else if (by == COA_COLOUR_COMPONENT) {
        if ((err = group_by_component(graph, keep, group)))
            return err;
        dopts->group = group;
        dopts->group_label = "connected component";
    }
    return 0;
}

int coa_draw_limit(const coa_graph_t *g, uint8_t *keep, uint32_t max_nodes, const uint32_t *chain, uint32_t chain_len,
                   coa_draw_limit_t *limit)
{
    int err;
    uint32_t kept = count_kept(keep, (uint32_t)g->n_vertices);
    memset(limit, 0, sizeof *limit);
    if (kept <= max_nodes)
        return 0;
    limit->before = kept;
    if ((err = keep_component(g, keep, chain ? chain[0] : COA_NONE, &kept)))
        return err;
    limit->component = kept;
    limit->steps = 1;
    if (kept <= max_nodes)
        return 0;
    if ((err = coa_draw_keep_top(g, keep, max_nodes, chain, chain_len)))
        return err;
    if ((err = keep_component(g, keep, chain ? chain[0] : COA_NONE, &kept)))
        return err;
    limit->top = kept;
    limit->steps = 2;
    return 0;
}
