/*
 * Graphs built from a corpus: the coauthor projection (one vertex per
 * author) and the bipartite author-paper graph.  A graph keeps a pointer
 * to the corpus it was built from; the corpus must outlive it.
 */
#ifndef COAUTHOR_GRAPH_H
#define COAUTHOR_GRAPH_H

#include <igraph.h>

#include "corpus.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Papers with more authors than this are left out of the coauthor graph
 * unless max_authors sets another limit.  One paper of n authors makes
 * n(n-1)/2 pairs: a 20,000-author paper alone took 3.5 GB and 52 s before
 * failing, and 100,000 authors would need about 60 GB.  The papers left out
 * stay in the corpus (counted in n_skipped_max_authors), and the fractional
 * weights of the papers kept do not change, because each paper's 1/(n-1)
 * uses its own full author count n.  Readers never cut author lists. */
#define COA_DEFAULT_MAX_AUTHORS 1000

/* Which papers and authors a graph is built from. */
typedef struct {
    int year_from, year_to;    /* inclusive; 0 means open */
    uint32_t max_authors;      /* ignore papers with more authors; 0 = COA_DEFAULT_MAX_AUTHORS */
    uint32_t min_papers;       /* keep authors with at least this many papers */
    int largest_component;     /* keep only the largest connected component */
    double min_weight;         /* drop edges with fewer joint papers; 0 = keep all */
    const uint32_t *avoid;     /* corpus authors left out of the graph */
    uint32_t n_avoid;
    uint32_t ego;              /* corpus author at the centre, or COA_NONE */
    uint32_t radius;           /* with ego: keep authors within this many hops */
} coa_select_t;

/* Everything off: all papers, all authors, ego = COA_NONE. */
void coa_select_init(coa_select_t *sel);

/* Selections are applied in this order: papers by year and author count;
 * avoided authors removed; authors with too few papers removed; edges
 * below min_weight dropped; the ego's neighbourhood kept; the largest
 * component kept. */

typedef struct {
    const coa_corpus_t *corpus;
    igraph_t graph;                /* undirected, simple: no loops, no multi-edges */
    igraph_integer_t n_vertices;
    uint32_t *vertex_author;       /* vertex -> corpus author */
    uint32_t *author_vertex;       /* corpus author -> vertex, or COA_NONE */
    uint32_t *vertex_papers;       /* papers of each author within the selection */
    uint32_t *vertex_self_loops;   /* self-loops from edge-list sources */
    igraph_vector_t joint_papers;  /* per edge: papers in common (full counting) */
    igraph_vector_t fractional;    /* per edge: sum over joint papers of 1/(n-1) */
    uint32_t *edge_paper_start;    /* per edge + 1: CSR into edge_papers */
    uint32_t *edge_papers;         /* corpus paper ids, ascending within an edge */
    uint8_t *paper_selected;       /* per corpus paper */
    /* counts over the selection */
    uint32_t n_papers;
    uint32_t n_authorships;
    uint32_t n_inferred;
    uint32_t n_truncated;
    uint32_t n_skipped_max_authors;
    igraph_integer_t self_loops;
} coa_graph_t;

/* Builds the coauthor projection of the selected papers.  An author listed
 * twice on one paper counts once (the corpus drops the second listing).
 * Edge-list and graph-file sources add their edges with joint_papers =
 * fractional = the link's weight (1 when the file gives none); both
 * directions of a pair make one edge, with the heavier weight; an edge that
 * also has papers counts only the papers.  Self-loops are counted in
 * self_loops but kept out of the graph.  Authors flagged COA_AUTHOR_VERTEX
 * (isolated vertices of a graph file) are vertices even without papers or
 * links (unless min_papers asks for papers). */
int coa_graph_build(coa_graph_t *g, const coa_corpus_t *c, const coa_select_t *sel);
/* After a failed build, g is zeroed and coa_graph_destroy does nothing. */
void coa_graph_destroy(coa_graph_t *g);
/* The vertices of g's largest connected component, ascending, in
 * *vertices (caller frees) and *n; ties go to the component of the lowest
 * vertex.  An empty graph gives none.  0, COA_ENOMEM or COA_EGRAPH. */
int coa_graph_largest_component(const coa_graph_t *g, uint32_t **vertices, uint32_t *n);

/* The vertex of a corpus author, or -1 when the author is not in the graph. */
igraph_integer_t coa_graph_vertex_of(const coa_graph_t *g, uint32_t author);

/* The name to show for a vertex. */
const char *coa_graph_vertex_name(const coa_graph_t *g, igraph_integer_t v);

/* The bipartite author-paper graph of the selection: the graph's authors
 * first (in vertex order), then its papers; types[v] is true for papers.
 * paper_ids (may be NULL) receives the corpus paper id of each paper vertex.
 * All outputs are initialised here and owned by the caller. */
int coa_bipartite_build(const coa_graph_t *g, igraph_t *bip, igraph_vector_bool_t *types,
                        igraph_vector_int_t *paper_ids);

#ifndef COAUTHOR_GRAPH_ADJ_H
#define COAUTHOR_GRAPH_ADJ_H
/* Compressed adjacency of an undirected igraph graph, for the tight loops
 * (breadth-first searches) that igraph's general API makes slow.
 * Neighbours of v are neighbors[offsets[v] .. offsets[v+1]), ascending,
 * with edge_ids alongside. */
typedef struct {
    uint32_t n;
    uint64_t *offsets;
    uint32_t *neighbors;
    uint32_t *edge_ids;
} coa_adjacency_t;

int coa_adjacency_init(coa_adjacency_t *adj, const igraph_t *graph);
void coa_adjacency_destroy(coa_adjacency_t *adj);
#endif

#ifdef __cplusplus
}
#endif

#endif
