/* Pajek's .net (Batagelj and Mrvar, the Pajek manual): "*Vertices N",
 * one line per vertex (its number from 1 and its label in double
 * quotes), then "*Edges", one line per edge (two numbers and the weight,
 * here joint papers).  igraph, networkx and Pajek read it. */
#include <stdio.h>

#include "write/graph_view.h"

int coa_export_pajek(FILE *out, const coa_graph_t *g, const coa_export_options_t *opts)
{
    if (opts && opts->bipartite)
        return COA_EINVAL;
    uint32_t nv = (uint32_t)g->n_vertices;
    fprintf(out, "*Vertices %u\n", nv);
    for (uint32_t v = 0; v < nv; v++) {
        fprintf(out, "%u \"", v + 1);
        /* a label cannot hold a double quote or a line break: they become
         * a single quote and a space */
        for (const unsigned char *p = (const unsigned char *)coa_graph_vertex_name(g, v); *p; p++)
            fputc(*p == '"' ? '\'' : *p < 0x20 ? ' ' : *p, out);
        fputs("\"\n", out);
    }
    fputs("*Edges\n", out);
    for (igraph_integer_t e = 0; e < igraph_ecount(&g->graph); e++)
        fprintf(out, "%lld %lld %lld\n", (long long)IGRAPH_FROM(&g->graph, e) + 1,
                (long long)IGRAPH_TO(&g->graph, e) + 1, (long long)VECTOR(g->joint_papers)[e]);
    return ferror(out) ? COA_EIO : COA_OK;
}
