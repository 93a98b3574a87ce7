/* A centrality measure's scores as a plain array, for the columns of an
 * export and the node sizes of a picture. */
#include "coauthor/rank.h"

int coa_centrality_scores(const coa_graph_t *g, coa_measure_t m, unsigned long seed, double *scores,
                          coa_centrality_info_t *info)
{
    igraph_vector_t v;
    coa_rank_options_t ropts;
    coa_rank_options_init(&ropts);
    ropts.seed = seed;
    if (igraph_vector_init(&v, 0))
        return COA_ENOMEM;
    int err = coa_centrality(g, m, &ropts, &v, info);
    for (igraph_integer_t i = 0; !err && i < g->n_vertices; i++)
        scores[i] = VECTOR(v)[i];
    igraph_vector_destroy(&v);
    return err;
}
