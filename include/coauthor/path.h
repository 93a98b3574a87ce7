/*
 * Collaboration chains: shortest chains between two authors (with every
 * shortest chain counted, and listed in name order), the strongest chain
 * (cost 1/joint_papers per hop), the papers behind each hop, and the
 * distance of every author from a root (Erdős numbers).
 *
 * A finder holds the workspace of the searches over one graph.  It keeps
 * a pointer to the graph, which must outlive it.  Each search resets only
 * the vertices it touched, so a query on a large graph costs time in
 * proportion to the part of the graph it explores, not to the graph.
 */
#ifndef COAUTHOR_PATH_H
#define COAUTHOR_PATH_H

#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct coa_path_finder coa_path_finder_t;

/* Builds the adjacency and the workspace of g. */
int coa_path_finder_new(const coa_graph_t *g, coa_path_finder_t **finder);
void coa_path_finder_free(coa_path_finder_t *finder);

/* The answer to one query.  Owned by the caller: _init, then pass to one
 * search or more (each search overwrites it), then _destroy. */
typedef struct {
    int found;                /* 1 when a chain exists */
    uint32_t length;          /* hops of the chain(s); 0 when from == to */
    uint64_t total_chains;    /* chains of this length (shortest) or of this
                                 cost and length (strongest), in all */
    int total_saturated;      /* total_chains overflowed: "at least UINT64_MAX" */
    uint32_t n_chains;        /* chains listed below (at most the limit asked for) */
    uint32_t *vertices;       /* chain i is vertices[i * (length + 1) .. + length] */
    double cost;              /* strongest: sum over hops of 1/joint_papers */
    uint64_t touched;         /* vertices the search discovered */
    /* when not found: the side whose component was exhausted (0 = from,
     * 1 = to) and how many authors that component holds */
    int exhausted_side;
    uint64_t exhausted_size;
} coa_path_result_t;

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

/* Flags on a joint paper, and on a hop whose every paper has one. */
enum {
    /* an authorship of either author is inferred (not stated by the source,
     * such as the profile owner hidden behind "et al.") */
    COA_EVIDENCE_INFERRED = 1 << 0,
    /* an authorship of either author is flagged COA_AUTHORSHIP_POSSIBLE_HOMONYM
     * (possibly another person of the same name): run coa_find_homonyms on
     * the corpus first for these flags to be set */
    COA_EVIDENCE_HOMONYM = 1 << 1
};

/* The evidence for one hop: the joint papers of two adjacent vertices. */
typedef struct {
    igraph_integer_t edge;  /* the coauthor edge, or -1 when not adjacent */
    uint32_t n_papers;
    uint32_t *papers;       /* corpus paper ids: newest first, then by title,
                               DOI, key, source and line */
    uint8_t *paper_flags;   /* COA_EVIDENCE_* of each paper */
    /* the flags shared by every paper: the hop "rests only on" them.  A hop
     * from an edge list (no papers) has none. */
    unsigned flags;
    /* union of the paper flags */
    unsigned any_flags;
} coa_hop_t;

void coa_hop_init(coa_hop_t *hop);
void coa_hop_destroy(coa_hop_t *hop);
/* Fills hop with the evidence between vertices u and v (replacing what it
 * held).  COA_ENOTFOUND when they are not adjacent. */
int coa_path_hop(const coa_path_finder_t *finder, igraph_integer_t u, igraph_integer_t v, coa_hop_t *hop);

/* Distances from one root, by one breadth-first search. */
typedef struct {
    uint32_t *distance;      /* per vertex; COA_PATH_UNREACHED when not reachable */
    uint32_t max_distance;   /* the eccentricity of the root in its component */
    uint64_t *histogram;     /* authors at each distance 0 .. max_distance */
    uint64_t reachable;      /* authors in the root's component, the root included */
    uint64_t unreachable;    /* authors in other components */
    double mean_distance;    /* over the reachable authors other than the root; 0 if none */
} coa_distances_t;

#define COA_PATH_UNREACHED UINT32_MAX

/* Fills d (initialising it) with the distance of every vertex of the
 * finder's graph from 'root'. */
int coa_path_distances(coa_path_finder_t *finder, igraph_integer_t root, coa_distances_t *d);
void coa_distances_destroy(coa_distances_t *d);

#ifdef __cplusplus
}
#endif

#endif
