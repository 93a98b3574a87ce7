/*
 * Communities of a coauthor graph: Leiden (the default), Louvain, fast
 * greedy, Walktrap, label propagation, Infomap, and the exact modularity
 * optimum solved by GLPK through igraph.
 *
 * Every result is numbered the same way, so that two runs, or two
 * methods, can be compared by eye: community 0 is the largest, and
 * communities of equal size are ordered by the smallest (strcmp) display
 * name among their members.  Randomised methods use igraph's default RNG,
 * seeded from the options, so the same graph and options give the same
 * partition.
 *
 * Ownership: coa_communities_detect initialises the result, which owns its
 * vectors; coa_communities_destroy frees them.  The result refers to the
 * graph only by vertex ids, so it may outlive the graph.
 */
#ifndef COAUTHOR_COMMUNITY_H
#define COAUTHOR_COMMUNITY_H

#include <igraph.h>

#include "common.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    COA_COMMUNITY_LEIDEN,
    COA_COMMUNITY_LOUVAIN,
    COA_COMMUNITY_FASTGREEDY,
    COA_COMMUNITY_WALKTRAP,
    COA_COMMUNITY_LABELPROP,
    COA_COMMUNITY_INFOMAP,
    COA_COMMUNITY_OPTIMAL
} coa_community_method_t;

/* Which edge weight the methods see. */
typedef enum {
    COA_COMMUNITY_WEIGHT_JOINT,      /* joint papers (full counting) */
    COA_COMMUNITY_WEIGHT_FRACTIONAL, /* Newman's fractional weight */
    COA_COMMUNITY_WEIGHT_NONE        /* every edge 1 */
} coa_community_weight_t;

/* What Leiden optimises. */
typedef enum {
    COA_COMMUNITY_MODULARITY, /* modularity with resolution gamma */
    COA_COMMUNITY_CPM         /* the constant Potts model with resolution gamma */
} coa_community_objective_t;

/* The optimal method refuses, unless forced, a graph whose largest
 * connected component has more vertices than this.  The optimum is
 * solved one component at a time (the dense integer program has a
 * variable per vertex pair and a constraint per vertex triple), and GLPK
 * takes seconds up to about 50 vertices and minutes at 67. */
#define COA_COMMUNITY_OPTIMAL_LIMIT 50

typedef struct {
    coa_community_method_t method;
    coa_community_objective_t objective; /* leiden only */
    coa_community_weight_t weight;
    double resolution;        /* gamma, for leiden and louvain; default 1 */
    unsigned long seed;       /* default 1 */
    int runs;                 /* leiden: the best quality of this many seeds
                                 (seed, seed+1, ...); default 1 */
    double time_limit;        /* optimal: seconds; 0 = none */
    int force;                /* optimal: run above COA_COMMUNITY_OPTIMAL_LIMIT */
    igraph_integer_t walktrap_steps; /* default 4 */
    igraph_integer_t infomap_trials; /* default 10 */
    int iterations;           /* leiden: iterations per run; 0 (the default) = until
                                 one gains nothing, at most COA_LEIDEN_MAX_ITERATIONS */
} coa_community_options_t;

#define COA_LEIDEN_MAX_ITERATIONS 100

/* Leiden with modularity, resolution 1, joint-paper weights, seed 1, one run. */
void coa_community_options_init(coa_community_options_t *opts);

typedef struct {
    coa_community_method_t method;
    igraph_vector_int_t membership;  /* per vertex: community, 0 = largest */
    igraph_integer_t n_communities;
    double modularity;   /* Q at resolution 1 with the weights used (igraph_modularity);
                            NaN when the graph has no edges */
    double quality;      /* what the method optimised: for leiden with CPM, igraph's
                            CPM quality, (2 * internal weight - gamma * sum of
                            size^2) / (2 * total weight); otherwise Q at the
                            resolution asked; NaN without edges */
    double codelength;   /* infomap only, else NaN */
    int best_run;        /* leiden: which of the runs (0-based) won */
    int interrupted;     /* optimal: the time limit was reached (then the call
                            fails and there is no partition) */
    igraph_integer_t optimal_largest; /* optimal: vertices in the largest component */
    /* per community */
    igraph_vector_int_t sizes;
    igraph_vector_int_t internal_edges; /* edges with both ends inside */
    igraph_vector_int_t external_edges; /* edges with one end inside */
    igraph_vector_t internal_weight;    /* summed weight of the internal edges */
    igraph_vector_int_t member_start;   /* per community + 1: where its vertices start in member_list */
    igraph_vector_int_t member_list;    /* the vertices by community, ascending within each */
    /* per vertex */
    igraph_vector_t internal_strength;  /* weight of its edges inside its community */
} coa_communities_t;

/* Detects communities of g.  out is initialised here, also on failure, so
 * coa_communities_destroy is always safe after the call.  Returns COA_OK;
 * COA_EINVAL for bad options, or for the optimal method when the largest
 * component exceeds COA_COMMUNITY_OPTIMAL_LIMIT without force (then
 * out->optimal_largest tells the size); COA_EGRAPH with out->interrupted
 * set when the time limit was reached; COA_ENOMEM, COA_EGRAPH otherwise. */
int coa_communities_detect(coa_communities_t *out, const coa_graph_t *g, const coa_community_options_t *opts);

void coa_communities_destroy(coa_communities_t *c);

/* The members of community k, most central first: by internal strength,
 * then by display name.  out (initialised by the caller) is resized. */
int coa_communities_members(const coa_communities_t *c, const coa_graph_t *g, igraph_integer_t k,
                            igraph_vector_int_t *out);

/* The weight vector the methods see for this choice, owned by g, or NULL
 * (every edge 1) for COA_COMMUNITY_WEIGHT_NONE. */
const igraph_vector_t *coa_community_weights(const coa_graph_t *g, coa_community_weight_t weight);

/* Names, for options and output: "leiden", ...; "joint", "fractional", "none". */
const char *coa_community_method_name(coa_community_method_t m);
int coa_community_method_parse(const char *s, coa_community_method_t *m);
const char *coa_community_weight_name(coa_community_weight_t w);
int coa_community_weight_parse(const char *s, coa_community_weight_t *w);

#ifdef __cplusplus
}
#endif

#endif
