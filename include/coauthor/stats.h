/*
 * Summary statistics of a coauthor graph, in the spirit of Newman's 2001
 * table of collaboration networks.
 */
#ifndef COAUTHOR_STATS_H
#define COAUTHOR_STATS_H

#include "graph.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Above this many vertices in the largest component, the diameter and the
 * mean distance are estimated from breadth-first searches from a seeded
 * sample of sources instead of from every vertex. */
#define COA_STATS_EXACT_DISTANCE_LIMIT 20000
#define COA_STATS_DISTANCE_SAMPLE 500

/* Above this many coauthor edges, statistics of a corpus database are
 * computed on its index (coa_stats_index), with the clustering figures and
 * the distances estimated from seeded samples: counting every triangle of
 * DBLP (2 billion) takes a minute, and one breadth-first search 0.6 s. */
#define COA_STATS_ESTIMATE_EDGES 10000000
#define COA_STATS_CLUSTERING_SAMPLE 200000
#define COA_STATS_INDEX_SOURCES 16

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
    int clustering_sampled;           /* 1 when clustering, transitivity and triangles are estimates */
    igraph_integer_t clustering_samples; /* authors sampled, and as many pairs of coauthors */
    uint32_t papers_over_max_authors; /* left out of the default selection (coa_stats_index) */
} coa_stats_t;

/* Options of the statistics; a zeroed struct gives the defaults. */
typedef struct {
    unsigned long seed;        /* chooses the samples */
    uint32_t samples, sources; /* coa_stats_index only; 0: the defaults above */
    /* how many distance searches are done, for a progress bar: called from
     * the caller's thread, last with done == total */
    void (*progress)(void *ctx, const char *name, uint64_t done, uint64_t total);
    void *progress_ctx;
} coa_stats_options_t;

/* 'seed' chooses the sample when distances are estimated. */
int coa_stats_compute(const coa_graph_t *g, unsigned long seed, coa_stats_t *st);
int coa_stats_compute_ex(const coa_graph_t *g, const coa_stats_options_t *opts, coa_stats_t *st);

/* The same statistics for the default selection of a corpus, from its index
 * (coa_store_index_open), without building the graph.  The counts,
 * components and means are exact, and equal coa_stats_compute's.  The
 * clustering figures are estimated from opts->samples seeded draws: average
 * clustering from as many authors (a random pair of each one's coauthors:
 * are they coauthors too?), transitivity from as many pairs of coauthors
 * drawn in proportion to each author's pairs, and triangles as
 * transitivity x pairs / 3 (standard errors below 0.5 / sqrt(samples)).
 * The mean distance is estimated from opts->sources breadth-first searches from
 * seeded sources in the largest component, and the diameter is the largest
 * distance they and one more search from the farthest author found (a
 * lower bound).  samples and sources come from opts (0: the defaults
 * above). */
int coa_stats_index(const coa_store_index_t *ix, const coa_stats_options_t *opts, coa_stats_t *st);

#ifdef __cplusplus
}
#endif

#endif
