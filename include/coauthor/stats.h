/*
 * Summary statistics of a coauthor graph, in the spirit of Newman's 2001
 * table of collaboration networks.
 */
#ifndef COAUTHOR_STATS_H
#define COAUTHOR_STATS_H

#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Above this many vertices in the largest component, the diameter and the
 * mean distance are estimated from breadth-first searches from a seeded
 * sample of sources instead of from every vertex. */
#define COA_STATS_EXACT_DISTANCE_LIMIT 20000
#define COA_STATS_DISTANCE_SAMPLE 500

typedef struct {
    uint32_t papers, authors, authorships, inferred_authorships, truncated_papers;
    uint32_t papers_without_authors;  /* selected papers that name no author (DBLP proceedings volumes):
                                       * read, but not in 'papers', which counts papers in the graph */
    uint32_t duplicate_authorships;
    igraph_integer_t coauthor_edges;  /* distinct pairs, self-loops included */
    igraph_integer_t self_loops;
    igraph_integer_t components;
    igraph_integer_t largest_component_authors, largest_component_edges;
    igraph_integer_t isolated_authors;
    double mean_authors_per_paper;    /* NAN without papers */
    double mean_papers_per_author;    /* NAN without papers */
    double mean_coauthors_per_author;
    double average_clustering;        /* mean local clustering; 0 for degree < 2 */
    double transitivity;              /* global clustering */
    igraph_integer_t triangles;
    igraph_integer_t diameter;        /* of the largest component */
    double mean_distance;             /* within the largest component */
    int distances_sampled;            /* 1 when estimated from a sample */
    igraph_integer_t distance_sources;/* BFS sources used */
} coa_stats_t;

/* 'seed' chooses the sample when distances are estimated. */
int coa_stats_compute(const coa_graph_t *g, unsigned long seed, coa_stats_t *st);

#ifdef __cplusplus
}
#endif

#endif
