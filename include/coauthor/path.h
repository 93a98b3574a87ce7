/*
 * Collaboration chains: shortest chains between two authors (with every
 * shortest chain counted, and listed in name order), the strongest chain
 * (cost 1/joint_papers per hop), the papers behind each hop, and the
 * distance of every author from a root (Erdős numbers).
 *
 * These are the searches of the graph view (view.h) on a built graph,
 * addressed by vertex, plus the strongest chain, which needs the graph's
 * edge weights.  A finder holds the workspace of the searches over one graph.  It keeps
 * a pointer to the graph, which must outlive it.  Each search resets only
 * the vertices it touched, so a query on a large graph costs time in
 * proportion to the part of the graph it explores, not to the graph.
 */
#ifndef COAUTHOR_PATH_H
#define COAUTHOR_PATH_H

#include "view.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct coa_path_finder coa_path_finder_t;

/* Builds the adjacency and the workspace of g. */
int coa_path_finder_new(const coa_graph_t *g, coa_path_finder_t **finder);
void coa_path_finder_free(coa_path_finder_t *finder);
/* The finder's view of its graph, for the searches by author (view.h);
 * owned by the finder. */
coa_view_t *coa_path_finder_view(coa_path_finder_t *finder);

/* The answer to one query (vertex ids in 'vertices').  Owned by the
 * caller: _init, then pass to one search or more (each search overwrites
 * it), then _destroy. */
typedef coa_chains_t coa_path_result_t;

void coa_path_result_init(coa_path_result_t *res);
void coa_path_result_destroy(coa_path_result_t *res);

/* Shortest chains from vertex 'from' to vertex 'to' by a bidirectional
 * breadth-first search that always expands the side whose frontier has
 * fewer edges to scan.  Counts every shortest chain by path counting
 * (without listing them) and lists the first 'limit' of them in
 * lexicographic order of their display names, so the first chain is the
 * one ties by name would choose.  A missing chain is a result
 * (found = 0), not an error. */
int coa_path_shortest(coa_path_finder_t *finder, igraph_integer_t from, igraph_integer_t to, uint32_t limit,
                      coa_path_result_t *res);

/* The strongest chain: the least total cost, where a hop costs
 * 1/joint_papers (Dijkstra's algorithm, stopped once 'to' is settled).
 * Among chains of equal cost (within a relative 1e-9), the fewest hops
 * win, then names as above.  Lists one chain. */
int coa_path_strongest(coa_path_finder_t *finder, igraph_integer_t from, igraph_integer_t to,
                       coa_path_result_t *res);

/* Fills hop with the evidence between vertices u and v (replacing what it
 * held).  COA_ENOTFOUND when they are not adjacent. */
int coa_path_hop(coa_path_finder_t *finder, igraph_integer_t u, igraph_integer_t v, coa_hop_t *hop);


/* Fills d (initialising it) with the distance of every vertex of the
 * finder's graph from 'root' (distance[] per vertex, not per author as
 * coa_view_distances gives it). */
int coa_path_distances(coa_path_finder_t *finder, igraph_integer_t root, coa_distances_t *d);

/* 'coauthor path --bench': n_queries shortest-chain searches between
 * seeded random pairs of the largest component (splitmix64 from 'seed'),
 * timed, and igraph's single-source search on the first 200 of them,
 * whose lengths must agree.  Times in milliseconds; 'touched' the
 * fraction of the authors a search discovered. */
typedef struct {
    long long vertices, edges, component; /* the graph; its largest component */
    long queries, igraph_queries;
    unsigned long seed;
    double mean_length, mean_chains;
    double touched_mean, touched_median, touched_max;
    double time_mean, time_median, time_p99, time_max;
    double igraph_mean, igraph_median;
    char message[128]; /* on failure: what failed */
} coa_path_bench_t;

/* 0, or an error code with b->message saying what failed (a length on
 * which igraph disagrees is COA_EINVAL). */
int coa_path_bench(const coa_graph_t *g, coa_path_finder_t *finder, long n_queries, unsigned long seed,
                   coa_path_bench_t *b);

#ifdef __cplusplus
}
#endif

#endif
