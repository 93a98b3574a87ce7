/* The graph view's insides, shared by view.c (access) and view_search.c
 * (the searches) and by analyze/path.c (the strongest chain, which needs
 * the built graph's adjacency). */
#ifndef COAUTHOR_VIEW_INTERNAL_H
#define COAUTHOR_VIEW_INTERNAL_H

#include "coauthor/view.h"
#include "corpus/internal.h"

struct coa_view {
    const coa_graph_t *g;     /* exactly one of g and ix */
    const coa_store_index_t *ix;
    const coa_corpus_t *c;
    uint32_t n;               /* slots: vertices of g, or authors of ix */
    uint64_t edges;
    const coa_adjacency_t *adj; /* g's adjacency, in vertex ids: own_adj, or a clone's original's */
    coa_adjacency_t own_adj;
    const coa_view_t *original; /* a clone's (coa_view_clone), or NULL */
    coa_store_csr_t x;        /* ix's author-paper arrays */
    const uint64_t *c_start;  /* ix's coauthor lists (coa_store_index_coauthor_csr) */
    const uint32_t *coauthors;
    uint64_t n_coauthors;
    /* the searches' workspace (coa_view_workspace), per slot, zeroed
     * between searches: each search resets what it touched */
    uint64_t *sigma[2];       /* shortest chains from each side's root */
    uint32_t *dist[2];        /* distance + 1 from each side's root; 0 unseen */
    uint64_t *seen[2];        /* bit per slot: each side's discovered slots, as
                                 dist[] but in 1/32 of the memory */
    uint32_t *mark, stamp;    /* an index's neighbours, de-duplicated */
    uint32_t *slot;           /* chain-graph index + 1; 0 when not in it */
    uint32_t *pos;            /* an index's coauthor's place in cbuf */
    uint8_t *useful;
    void *region;
    size_t region_len;
    uint32_t *queue[2];
    /* each side's steps towards its root, as the search found them: pairs
     * (slot, the slot one step closer), level after level; 2 * npred[i]
     * entries of pred[i] */
    uint32_t *pred[2];
    size_t npred[2], pred_cap[2];
    /* buffers the neighbour and paper lists are returned in */
    uint32_t *nbuf, ncap;     /* slots */
    uint32_t *abuf, acap;     /* author ids */
    coa_view_coauthor_t *cbuf;
    uint32_t ccap;
    uint32_t *pbuf, pcap;
};

int coa_view_workspace(coa_view_t *v);
/* Slot of an author (COA_NONE when not in the view), author of a slot. */
uint32_t coa_view_slot(const coa_view_t *v, uint32_t author);
uint32_t coa_view_author(const coa_view_t *v, uint32_t slot);
uint32_t coa_view_slot_degree(const coa_view_t *v, uint32_t s);
/* The neighbours of slot s, as slots (see coa_view_neighbors). */
int coa_view_slot_neighbors(coa_view_t *v, uint32_t s, const uint32_t **nb, uint32_t *n);
/* The same without reading the list through to check that an index's ids
 * are slots: for the searches' inner loops, which read each id anyway and
 * must refuse one that is not below v->n (COA_EFORMAT) before any use. */
int coa_view_slot_neighbors_unchecked(coa_view_t *v, uint32_t s, const uint32_t **nb, uint32_t *n);
/* The graph's edge between two slots, or -1. */
igraph_integer_t coa_view_slot_edge(const coa_view_t *v, uint32_t a, uint32_t b);
/* coa_view_chains between slots, without --avoid; res->vertices holds slots. */
int coa_view_chains_slots(coa_view_t *v, uint32_t from, uint32_t to, uint32_t limit, coa_chains_t *res);

#endif
