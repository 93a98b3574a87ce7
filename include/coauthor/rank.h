/*
 * Rankings: an author's coauthors by how much they wrote together, and
 * centrality rankings of the whole coauthor network.
 *
 * Weights.  Each coauthor edge has two weights (graph.h): joint papers
 * (full counting) and Newman's fractional weight.  Measures that add up
 * strengths (strength, PageRank, eigenvector) use joint papers.  Measures
 * built on distances (betweenness, closeness, harmonic) read an edge as
 * a length of 1/joint_papers, so that frequent coauthors are close.
 *
 * Results are owned by the struct they are returned in and freed by its
 * _destroy function; they point into the graph, which must outlive them.
 */
#ifndef COAUTHOR_RANK_H
#define COAUTHOR_RANK_H

#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- coauthors of one author ---- */

typedef enum {
    COA_COAUTHORS_BY_JOINT,     /* joint papers, then fractional, then name */
    COA_COAUTHORS_BY_FRACTIONAL /* fractional, then joint papers, then name */
} coa_coauthor_order_t;

typedef struct {
    igraph_integer_t vertex;  /* the coauthor's vertex */
    uint32_t author;          /* the coauthor's corpus author */
    igraph_integer_t edge;    /* the edge to the focal author: its papers are
                               * g->edge_papers[g->edge_paper_start[edge] ..
                               * g->edge_paper_start[edge + 1]) */
    double joint_papers;
    double fractional;
    int first_year, last_year; /* of the joint papers with a known year; 0 if none */
    uint32_t inferred;        /* joint papers on which either author is only inferred */
} coa_coauthor_t;

typedef struct {
    igraph_integer_t vertex;  /* the focal author's vertex */
    coa_coauthor_t *items;    /* best first */
    uint32_t n;
} coa_coauthors_t;

/* Lists the coauthors of corpus author 'author' in the graph.  Fails with
 * COA_ENOTFOUND when the author is not in the graph. */
int coa_coauthors_init(coa_coauthors_t *list, const coa_graph_t *g, uint32_t author,
                       coa_coauthor_order_t order);
void coa_coauthors_destroy(coa_coauthors_t *list);

/* The papers of an edge, newest first (unknown years last), then by title.
 * Writes a malloc'ed array to *papers (caller frees; NULL when empty). */
int coa_edge_papers_by_year(const coa_graph_t *g, igraph_integer_t edge, uint32_t **papers, uint32_t *n);

/* ---- centrality of every author ---- */

typedef enum {
    COA_MEASURE_PAPERS,      /* papers in the selection */
    COA_MEASURE_DEGREE,      /* distinct coauthors */
    COA_MEASURE_STRENGTH,    /* sum of joint papers over the coauthors */
    COA_MEASURE_BETWEENNESS, /* shortest paths through the author; lengths 1/joint_papers */
    COA_MEASURE_CLOSENESS,   /* normalised, within the author's component; lengths 1/joint_papers */
    COA_MEASURE_HARMONIC,    /* normalised mean inverse distance; lengths 1/joint_papers */
    COA_MEASURE_PAGERANK,    /* PRPACK, damping 0.85, weights joint_papers */
    COA_MEASURE_EIGENVECTOR, /* per component, weights joint_papers (see below) */
    COA_MEASURE_CORENESS,    /* k-core number, unweighted */
    COA_MEASURE_COUNT
} coa_measure_t;

/* The measure's option name ("pagerank"), or NULL. */
const char *coa_measure_name(coa_measure_t m);
/* Parses an option name; COA_EINVAL when unknown. */
int coa_measure_parse(const char *name, coa_measure_t *m);
/* One line saying which weight the measure uses. */
const char *coa_measure_weight(coa_measure_t m);

/* Above this many authors, betweenness is estimated from a seeded sample
 * of sources (Brandes and Pich 2007; linear scaling) unless exact is set. */
#define COA_RANK_BETWEENNESS_EXACT_LIMIT 10000
#define COA_RANK_BETWEENNESS_SAMPLE 200
#define COA_RANK_PAGERANK_DAMPING 0.85

typedef struct {
    int exact;                   /* never estimate betweenness */
    igraph_integer_t exact_limit;/* authors above which betweenness is sampled */
    igraph_integer_t sample;     /* sources in the sample */
    unsigned long seed;          /* chooses the sample */
    double damping;              /* PageRank */
} coa_rank_options_t;

void coa_rank_options_init(coa_rank_options_t *opt);

/* How a score was obtained. */
typedef struct {
    int sampled;                 /* betweenness estimated from a sample */
    igraph_integer_t sources;    /* betweenness: sources used */
    int unit_lengths;            /* every joint_papers was 1: distances are hops */
    igraph_integer_t components; /* eigenvector: components computed separately */
} coa_centrality_info_t;

/* Computes the measure for every vertex into 'scores' (resized here).
 * Betweenness is raw: each unordered pair of authors contributes the
 * fraction of its shortest paths that pass through the author; a sampled
 * estimate sums over the sampled sources and scales by n/sources.
 * The sampled estimate uses the linear scaling of coa_betweenness_sources.
 * Closeness of an author without coauthors is NaN.  Eigenvector
 * centrality is computed in each component separately (on the whole of a
 * disconnected graph the smaller components get about 1e-16) and scaled
 * so that each component's top author has the component's leading
 * eigenvalue divided by the largest; the network's top author has 1. */
int coa_centrality(const coa_graph_t *g, coa_measure_t m, const coa_rank_options_t *opt, igraph_vector_t *scores,
                   coa_centrality_info_t *info);
/* The scores of measure m (default options, 'seed') into scores[], one
 * per vertex of g (src/analyze/scores.c). */
int coa_centrality_scores(const coa_graph_t *g, coa_measure_t m, unsigned long seed, double *scores,
                          coa_centrality_info_t *info);

typedef enum {
    /* Brandes' dependencies, halved: with these sources and every target,
     * the same numbers as igraph_betweenness_subset, faster */
    COA_BETWEENNESS_PLAIN,
    /* each target's share weighted by dist(s, v)/dist(s, t) (Geisberger,
     * Sanders and Schultes 2008): the better estimator from a sample */
    COA_BETWEENNESS_LINEAR
} coa_betweenness_scaling_t;

/* Betweenness summed over the given sources only (edge length
 * 1/joint_papers), unscaled.  With every vertex as a source both
 * scalings give the exact betweenness.  Runs on up to 8 threads; the
 * result does not depend on their number. */
int coa_betweenness_sources(const coa_graph_t *g, const igraph_integer_t *sources, igraph_integer_t k,
                            coa_betweenness_scaling_t scaling, igraph_vector_t *scores);

typedef struct {
    coa_measure_t measure;
    igraph_vector_t scores;      /* per vertex */
    igraph_integer_t *order;     /* vertices, best first: score (NaN last), then name */
    igraph_integer_t n;
    coa_centrality_info_t info;
} coa_ranking_t;

int coa_ranking_init(coa_ranking_t *r, const coa_graph_t *g, coa_measure_t m, const coa_rank_options_t *opt);
void coa_ranking_destroy(coa_ranking_t *r);

/* The vertices ordered by score, highest first (NaN last); scores equal
 * to ten significant digits are ordered by display name.  Writes a
 * malloc'ed array of g->n_vertices to *order. */
int coa_rank_order(const coa_graph_t *g, const igraph_vector_t *scores, igraph_integer_t **order);

#ifdef __cplusplus
}
#endif

#endif
