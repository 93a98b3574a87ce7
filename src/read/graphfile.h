/* The graph that the graph-file readers (read_graphfile.c: GML, Pajek;
 * read_graphml.c) build as they stream, and hand to the corpus once the
 * whole file has parsed; not installed. */
#ifndef COAUTHOR_READ_GRAPHFILE_H
#define COAUTHOR_READ_GRAPHFILE_H

#include <stddef.h>
#include <stdint.h>

#include "coauthor/strpool.h"
#include "readers.h"

/* The longest value kept from a graph file (a vertex's name, label or id,
 * an edge's endpoint or weight): a longer one stops the read with an error.
 * Values that are not kept (other attributes, comments) have no limit. */
#define GRAPH_MAX_VALUE ((size_t)1 << 20)

typedef enum { GRAPH_GRAPHML, GRAPH_GML, GRAPH_PAJEK } graph_kind_t;

/* An edge weight as read: GRAPH_W_NONE (no value), GRAPH_W_BAD (not a
 * positive number: warned about, counts as one) or the weight. */
#define GRAPH_W_NONE 0.0
#define GRAPH_W_BAD (-1.0)

/* Which weight attribute an edge's w[] holds. */
enum { GRAPH_W_WEIGHT, GRAPH_W_VALUE }; /* w[0]: "weight" or --weight-attr; w[1]: "value" */

/* A growing buffer for one kept value, NUL-terminated once set. */
typedef struct {
    char *s;
    size_t len, cap;
} text_t;

int coa_text_put(text_t *t, const char *s, size_t n);
int coa_text_set(text_t *t, const char *s, size_t n);

typedef struct {
    uint32_t a, b;   /* vertices */
    uint32_t line;   /* the edge's line, 0 when it cannot be placed */
    float w[2];      /* as the corpus keeps a weight */
} graph_edge_t;

typedef struct {
    coa_reader_ctx_t *ctx;
    graph_kind_t kind;
    const char *custom;   /* --weight-attr, or NULL */
    coa_strpool_t keys;   /* vertex ids (GML, GraphML): pool id -> vmap */
    uint32_t *vmap;       /* pool id -> vertex + 1, 0 = no vertex yet */
    size_t vmap_n, vmap_cap;
    coa_strpool_t names;  /* vertex names, added, not looked up */
    coa_str_t *vname;     /* vertex -> its name, COA_NOSTR = none */
    size_t nv, vname_cap;
    graph_edge_t *edges;
    size_t ne, edges_cap;
    int has[2];           /* some edge has the attribute of w[i] */
    int directed;
    int unplaced;         /* edges cannot be given lines (a Pajek *Matrix) */
} graph_t;

int coa_gfile_init(graph_t *g, coa_reader_ctx_t *ctx, graph_kind_t kind);
void coa_gfile_destroy(graph_t *g);
/* The vertex of id[0 .. len) (GML, GraphML), added when 'add' and new;
 * *v = UINT32_MAX when it is new and not added. */
/* The pool id of a vertex id (GML, GraphML), with its vmap entry. */
int coa_gfile_key(graph_t *g, const char *id, size_t len, coa_str_t *key);
int coa_gfile_vertex_of(graph_t *g, const char *id, size_t len, int add, uint32_t *v);
/* Adds a vertex without an id (a GML node without one). */
int coa_gfile_add_vertex(graph_t *g, uint32_t *v);
/* Makes vertices 0 .. n - 1 exist (Pajek's numbered vertices). */
int coa_gfile_reserve_vertices(graph_t *g, size_t n);
int coa_gfile_set_name(graph_t *g, uint32_t v, const char *name, size_t len);
int coa_gfile_add_edge(graph_t *g, const graph_edge_t *e);
/* A string attribute's weight: GRAPH_W_NONE, GRAPH_W_BAD or the weight
 * (as a float, the corpus's type: one past FLT_MAX is none). */
float coa_gfile_weight_text(const char *s, size_t len);
/* A numeric attribute's weight: NaN is none. */
float coa_gfile_weight_number(double x);
/* Hands the graph to the corpus: each edge a link, each vertex without
 * edges an isolated author. */
int coa_gfile_finish(graph_t *g);
/* "cannot read as GML: Parse error" */
int coa_gfile_parse_error(graph_t *g, const char *reason);

#endif
