/* VOSviewer's map and network files, as the VOSviewer manual (van Eck and
 * Waltman, "VOSviewer Manual", sections "Map file" and "Network file")
 * describes them:
 *   map file      tab-separated, a header line, then one line per item:
 *                 id, label, x, y, cluster, weight<...> and score<...>
 *                 columns (a weight sizes the item; a score colours it in
 *                 the overlay visualisation)
 *   network file  tab-separated, no header, one line per link: the ids of
 *                 the two items and the link's strength
 * Here an item is an author (id = vertex + 1), the cluster is the
 * community (+ 1: VOSviewer's clusters count from 1), the weights are
 * VOSviewer's own three for coauthorship (Links, Total link strength,
 * Documents), and the score is the mean publication year, which is what
 * VOSviewer's overlay map colours by.  The coordinates come from igraph's
 * Fruchterman-Reingold layout, seeded, scaled to [-1, 1]; VOSviewer
 * shows them as they are (its own layout, if wanted, is one click). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "write/graph_view.h"

static void label(FILE *out, const char *s)
{
    /* a tab or line break would split the line */
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        fputc(*p < 0x20 ? ' ' : *p, out);
}

int coa_export_vosviewer(FILE *map, FILE *network, const coa_graph_t *g, const coa_export_options_t *opts)
{
    if (opts && opts->bipartite)
        return COA_EINVAL;
    uint32_t nv = (uint32_t)g->n_vertices;
    igraph_integer_t ne = igraph_ecount(&g->graph);
    coa_years_t years;
    igraph_matrix_t xy;
    int err = coa_view_years(g, &years);
    if (err)
        return err;
    if (igraph_matrix_init(&xy, 0, 2)) {
        coa_view_years_destroy(&years);
        return COA_ENOMEM;
    }
    igraph_rng_seed(igraph_rng_default(), opts && opts->seed ? opts->seed : 1);
    if (nv && igraph_layout_fruchterman_reingold(&g->graph, &xy, 0, 500, sqrt((double)nv) / 10,
                                                 IGRAPH_LAYOUT_AUTOGRID, NULL, NULL, NULL, NULL, NULL)) {
        err = COA_EGRAPH;
        goto cleanup;
    }
    double cx = 0, cy = 0, far = 0;
    for (uint32_t v = 0; v < nv; v++)
        cx += MATRIX(xy, v, 0) / nv, cy += MATRIX(xy, v, 1) / nv;
    for (uint32_t v = 0; v < nv; v++)
        far = fmax(far, fmax(fabs(MATRIX(xy, v, 0) - cx), fabs(MATRIX(xy, v, 1) - cy)));
    if (!(far > 0))
        far = 1;
    const double *community = NULL;
    int all_dated = 1;
    for (size_t i = 0; opts && i < opts->n_extra; i++)
        if (!strcmp(opts->extra[i].name, "community"))
            community = opts->extra[i].values;
    for (uint32_t v = 0; v < nv; v++)
        all_dated &= years.vertex_first[v] != 0;
    fputs("id\tlabel\tx\ty", map);
    if (community)
        fputs("\tcluster", map);
    fputs("\tweight<Links>\tweight<Total link strength>\tweight<Documents>", map);
    /* a score VOSviewer would read as a year; left out when an author has
     * no dated paper, rather than invent one */
    if (all_dated)
        fputs("\tscore<Avg. pub. year>", map);
    for (size_t i = 0; opts && i < opts->n_extra; i++)
        if (opts->extra[i].values != community) {
            fputs("\tscore<", map);
            label(map, opts->extra[i].name);
            fputc('>', map);
        }
    fputc('\n', map);
    igraph_vector_int_t degree;
    igraph_vector_t strength;
    if (igraph_vector_int_init(&degree, 0) || igraph_vector_init(&strength, 0)) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    if (igraph_degree(&g->graph, &degree, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS) ||
        igraph_strength(&g->graph, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, &g->joint_papers)) {
        err = COA_EGRAPH;
    }
    for (uint32_t v = 0; !err && v < nv; v++) {
        fprintf(map, "%u\t", v + 1);
        label(map, coa_graph_vertex_name(g, v));
        fprintf(map, "\t%.4f\t%.4f", (MATRIX(xy, v, 0) - cx) / far, (MATRIX(xy, v, 1) - cy) / far);
        if (community)
            fprintf(map, "\t%.0f", community[v] + 1);
        fprintf(map, "\t%lld\t%.0f\t%u", (long long)VECTOR(degree)[v], VECTOR(strength)[v], g->vertex_papers[v]);
        if (all_dated)
            fprintf(map, "\t%.4f", years.vertex_mean[v]);
        for (size_t i = 0; opts && i < opts->n_extra; i++)
            if (opts->extra[i].values != community) {
                double x = opts->extra[i].values[v];
                if (x != x)
                    fputs("\t", map);
                else if (opts->extra[i].is_integer)
                    fprintf(map, "\t%.0f", x);
                else
                    fprintf(map, "\t%.6g", x);
            }
        fputc('\n', map);
    }
    igraph_vector_int_destroy(&degree);
    igraph_vector_destroy(&strength);
    for (igraph_integer_t e = 0; !err && e < ne; e++)
        fprintf(network, "%lld\t%lld\t%lld\n", (long long)IGRAPH_FROM(&g->graph, e) + 1,
                (long long)IGRAPH_TO(&g->graph, e) + 1, (long long)VECTOR(g->joint_papers)[e]);
    if (!err && (ferror(map) || ferror(network)))
        err = COA_EIO;
cleanup:
    igraph_matrix_destroy(&xy);
    coa_view_years_destroy(&years);
    return err;
}
