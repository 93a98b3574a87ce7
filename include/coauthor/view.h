/*
 * One view of a coauthor network, over either a built graph (coa_graph_t)
 * or a database's query index (coa_store_index_t, mapped or built in
 * memory), so that every search is written once and answers the same on
 * both.  Authors are addressed by corpus author id, whatever backs the
 * view; an author is "in" the view when it is a vertex of the graph, or
 * has papers in the index's default selection.
 *
 * A view holds the workspace of its searches (allocated on first use and
 * reused: a search costs time in proportion to the part of the network it
 * explores, not to the network).  It keeps a pointer to the graph or the
 * index, which must outlive it.  A view is not thread-safe: give each
 * thread a view of its own (coa_view_clone) over one shared graph or index.
 */
#ifndef COAUTHOR_VIEW_H
#define COAUTHOR_VIEW_H

#include "graph.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct coa_view coa_view_t;

/* A view of g (which must have been built, and outlive the view). */
int coa_view_new_graph(const coa_graph_t *g, coa_view_t **view);
/* A view of the index's default graph (which must outlive the view). */
int coa_view_new_index(const coa_store_index_t *ix, coa_view_t **view);
/* Another view of the same graph or index, with a workspace of its own
 * but sharing what views only read (a graph's adjacency): one per thread.
 * view must outlive the clone. */
int coa_view_clone(const coa_view_t *view, coa_view_t **clone);
/* Does nothing with NULL. */
void coa_view_free(coa_view_t *view);
/* Gives the view its search workspace now, every page of it (about 45
 * bytes an author), which a view otherwise gets on its first searches:
 * on 2.8M authors the first chain search of a view took 130 ms, most of
 * it the kernel zeroing the pages it touched. */
int coa_view_prepare(coa_view_t *view);

/* The corpus the view's author and paper ids refer to. */
const coa_corpus_t *coa_view_corpus(const coa_view_t *view);
/* What backs the view: exactly one of the two is not NULL. */
const coa_graph_t *coa_view_graph(const coa_view_t *view);
const coa_store_index_t *coa_view_index(const coa_view_t *view);

/* Authors in the view and coauthor edges between them. */
uint32_t coa_view_vertices(const coa_view_t *view);
uint64_t coa_view_edges(const coa_view_t *view);
/* True when the author is in the view (false for an id out of range). */
int coa_view_contains(const coa_view_t *view, uint32_t author);
/* The author's papers in the view's selection (0 when not in it).  An
 * author of a graph file or edge list may be in a graph without papers. */
uint32_t coa_view_papers(const coa_view_t *view, uint32_t author);
/* The author's coauthors in the view (0 when not in it). */
uint32_t coa_view_degree(const coa_view_t *view, uint32_t author);

/* The coauthors of 'author' as an array owned by the view, valid until the
 * next call of coa_view_neighbors or coa_view_coauthors on it: ascending
 * ids on a graph, the order of the joint papers on an index.  Nothing is
 * allocated once the view's buffer has grown to the largest neighbourhood,
 * so this can sit in a search's inner loop.  An author not in the view has
 * none.  COA_EFORMAT for a damaged index. */
int coa_view_neighbors(coa_view_t *view, uint32_t author, const uint32_t **coauthors, uint32_t *n);

/* One coauthor with the weights of the edge: joint papers (full counting;
 * an edge-list link counts its weight) and the fractional weight (sum over
 * the joint papers of 1/(n-1) for a paper of n authors; Newman 2001). */
typedef struct {
    uint32_t author;
    double joint_papers;
    double fractional;
} coa_view_coauthor_t;

/* The coauthors of 'author' with their weights, owned by the view as with
 * coa_view_neighbors (same order).  The top coauthors of 'rank --author'
 * are these sorted by joint papers. */
int coa_view_coauthors(coa_view_t *view, uint32_t author, const coa_view_coauthor_t **coauthors, uint32_t *n);

/* The joint papers of two authors in the selection (corpus paper ids,
 * ascending), owned by the view and valid until the next call of
 * coa_view_joint_papers.  None (n = 0) when they are not coauthors, or
 * when a graph's edge comes from an edge list. */
int coa_view_joint_papers(coa_view_t *view, uint32_t a, uint32_t b, const uint32_t **papers, uint32_t *n);

/* Flags on a joint paper, and on a hop whose every paper has one. */
enum {
    /* an authorship of either author is inferred (not stated by the source,
     * such as the profile owner hidden behind "et al.") */
    COA_EVIDENCE_INFERRED = 1 << 0,
    /* an authorship of either author is flagged COA_AUTHORSHIP_POSSIBLE_HOMONYM
     * (possibly another person of the same name): run coa_find_homonyms on
     * the corpus first for these flags to be set (an index records whether
     * its import did: COA_STORE_HOMONYMS) */
    COA_EVIDENCE_HOMONYM = 1 << 1
};

/* The evidence for one hop: the joint papers of two adjacent authors.
 * Owned by the caller: _init, fill (each fill replaces), _destroy. */
typedef struct {
    igraph_integer_t edge;  /* the graph's edge, or -1 (an index, or not adjacent) */
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
/* Fills hop with the evidence between authors a and b.  COA_ENOTFOUND
 * when they are not coauthors in the view. */
int coa_view_hop(coa_view_t *view, uint32_t a, uint32_t b, coa_hop_t *hop);

/* ---- searches ---- */

/* The answer to a chain search.  Owned by the caller: _init, then pass to
 * one search or more (each search overwrites it), then _destroy. */
typedef struct {
    int found;                /* 1 when a chain exists */
    uint32_t length;          /* hops of the chain(s); 0 when from == to */
    uint64_t total_chains;    /* chains of this length (shortest) or of this
                                 cost and length (strongest), in all */
    int total_saturated;      /* total_chains overflowed: "at least UINT64_MAX" */
    uint32_t n_chains;        /* chains listed below (at most the limit asked for) */
    uint32_t *vertices;       /* chain i is vertices[i * (length + 1) .. + length]:
                                 corpus author ids from coa_view_chains */
    double cost;              /* strongest: sum over hops of 1/joint_papers */
    uint64_t touched;         /* authors the search discovered */
    /* when not found: the side whose component was exhausted (0 = from,
     * 1 = to) and how many authors that component holds */
    int exhausted_side;
    uint64_t exhausted_size;
} coa_chains_t;

void coa_chains_init(coa_chains_t *res);
void coa_chains_destroy(coa_chains_t *res);

/* Shortest chains from 'from' to 'to' by a bidirectional breadth-first
 * search that always expands the side whose frontier has fewer edges to
 * scan (ties to 'from').  Counts every shortest chain by path counting
 * (without listing them) and lists the first 'limit' of them in order of
 * their authors' display names (ties by id), so the first chain is the one
 * ties by name would choose.  The authors in avoid[0 .. n_avoid) are left
 * out as if they were not in the view (the frontiers' edge counts still
 * include their edges).  A missing chain is a result (found = 0), not an
 * error; COA_EINVAL when from or to is not in the view or is avoided. */
int coa_view_chains(coa_view_t *view, uint32_t from, uint32_t to, uint32_t limit, const uint32_t *avoid,
                    uint32_t n_avoid, coa_chains_t *res);

/* The authors within 'radius' hops of 'ego' (ego included; ascending ids;
 * *authors owned by the caller), over the edges of at least min_weight
 * joint papers (0: every edge).  COA_EINVAL when ego is not in the view. */
int coa_view_ego(coa_view_t *view, uint32_t ego, uint32_t radius, double min_weight, uint32_t **authors,
                 uint32_t *n_authors);

/* The authors within 'radius' hops of any of seeds[0 .. n_seeds) (the
 * seeds included; ascending ids; *authors owned by the caller), over the
 * edges of at least min_weight joint papers (0: every edge), through the
 * authors within[] admits (per corpus author; NULL: every author).
 * COA_EINVAL when a seed is not in the view. */
int coa_view_reach(coa_view_t *view, const uint32_t *seeds, uint32_t n_seeds, uint32_t radius, double min_weight,
                   const uint8_t *within, uint32_t **authors, uint32_t *n_authors);

/* Distances from one root, by one breadth-first search. */
typedef struct {
    uint32_t *distance;      /* per corpus author; COA_PATH_UNREACHED when not
                                reachable or not in the view */
    uint32_t max_distance;   /* the eccentricity of the root in its component */
    uint64_t *histogram;     /* authors at each distance 0 .. max_distance */
    uint64_t reachable;      /* authors in the root's component, the root included */
    uint64_t unreachable;    /* authors of the view in other components */
    double mean_distance;    /* over the reachable authors other than the root; 0 if none */
} coa_distances_t;

#define COA_PATH_UNREACHED UINT32_MAX

/* The eccentricity of 'root' in its component (*eccentricity), the sum
 * of its distances to the authors it reaches (*sum) and how many it
 * reaches, itself included (*reached; may be NULL): one breadth-first
 * search without a per-author result, for sampled means and diameters.
 * COA_EINVAL when root is not in the view. */
int coa_view_eccentricity(coa_view_t *view, uint32_t root, uint32_t *eccentricity, double *sum, uint64_t *reached);

/* Fills d (initialising it) with every author's distance from 'root'.
 * COA_EINVAL when root is not in the view. */
int coa_view_distances(coa_view_t *view, uint32_t root, coa_distances_t *d);
void coa_distances_destroy(coa_distances_t *d);

/* Connected components of the authors within[] admits (per corpus
 * author; NULL: every author of the view): component[a] for each corpus
 * author a (COA_NONE for one not in the view or not admitted), numbered
 * from 0 in order of each component's smallest author id; size[k] authors
 * in component k.  Both arrays are owned by the caller. */
int coa_view_components(coa_view_t *view, const uint8_t *within, uint32_t **component, uint32_t **size,
                        uint32_t *n_components);

#ifdef __cplusplus
}
#endif

#endif
