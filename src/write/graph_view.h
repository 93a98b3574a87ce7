/* A table view of a coauthor or bipartite graph, shared by the export
 * writers so that every format carries the same columns.  Internal. */
#ifndef COAUTHOR_GRAPH_VIEW_H
#define COAUTHOR_GRAPH_VIEW_H

#include <stdio.h>

#include "coauthor/export.h"

typedef enum { COA_COL_STRING, COA_COL_INT, COA_COL_DOUBLE, COA_COL_LIST } coa_col_type_t;

typedef struct {
    const char *name;
    coa_col_type_t type;
} coa_col_t;

#define COA_VIEW_MAX_COLS 24

typedef struct {
    const coa_graph_t *g;
    const coa_export_options_t *opts;
    int bipartite;
    uint32_t n_nodes;
    uint64_t n_edges;
    /* bipartite: the author-paper graph, papers after authors */
    igraph_t bip;
    igraph_vector_bool_t types;
    igraph_vector_int_t paper_ids;
    int have_bip;
    coa_col_t node_cols[COA_VIEW_MAX_COLS];
    int n_node_cols;
    coa_col_t edge_cols[COA_VIEW_MAX_COLS];
    int n_edge_cols;
} coa_view_t;

/* One cell.  present = 0 when the node or edge has no value there (a
 * paper's 'papers', an author's 'year').  s points into the corpus or into
 * buf; a LIST has n_items items, read with coa_view_list_item. */
typedef struct {
    int present;
    long long i;
    double d;
    const char *s;
    uint32_t n_items;
    char buf[256];
} coa_value_t;

int coa_view_init(coa_view_t *v, const coa_graph_t *g, const coa_export_options_t *opts);
void coa_view_destroy(coa_view_t *v);

/* The id of a node in GraphML, JSON and CSV: "a<vertex>" or "p<paper vertex>". */
void coa_view_node_id(const coa_view_t *v, uint32_t node, char *buf, size_t len);
/* The endpoints (node indexes) of an edge. */
void coa_view_edge_ends(const coa_view_t *v, uint64_t edge, uint32_t *from, uint32_t *to);
/* The ids of an edge's endpoints, as coa_view_node_id gives them, lower
 * node first; both buffers hold len bytes. */
void coa_view_edge_ids(const coa_view_t *v, uint64_t edge, char *from, char *to, size_t len);
void coa_view_node_value(const coa_view_t *v, uint32_t node, int col, coa_value_t *val);
void coa_view_edge_value(const coa_view_t *v, uint64_t edge, int col, coa_value_t *val);
/* Writes each present value of a node's columns (but column 'skip', or
 * -1) and of an edge's columns with fn: the attribute loops of the JSON
 * and GEXF writers.  fn gets the edge (0 for a node) for LIST cells. */
typedef void (*coa_view_value_fn)(FILE *out, const coa_view_t *v, const coa_col_t *col, const coa_value_t *val,
                                  uint64_t edge);
void coa_view_write_node_values(FILE *out, const coa_view_t *v, uint32_t node, int skip, coa_view_value_fn fn);
void coa_view_write_edge_values(FILE *out, const coa_view_t *v, uint64_t edge, coa_view_value_fn fn);
/* Item k of a LIST cell of an edge. */
void coa_view_list_item(const coa_view_t *v, uint64_t edge, uint32_t k, char *buf, size_t len);
/* Whether node is a paper (bipartite only). */
int coa_view_is_paper(const coa_view_t *v, uint32_t node);

/* Formats a number the way every writer does: integers plainly, doubles
 * with 12 significant digits (enough to compare, short to read). */
void coa_view_format_number(const coa_col_t *col, const coa_value_t *val, char *buf, size_t len);

/* XML text, escaped, for the XML writers (GraphML, GEXF): the control
 * characters XML 1.0 forbids become spaces (a title with a stray form feed
 * would otherwise make the file unreadable). */
void coa_view_xml_text(FILE *out, const char *s);
/* The one XML escaper under it and coa_html_text: & < > " as entities;
 * control characters as coa_view_xml_text says, or, with 'drop_controls'
 * (Graphviz's HTML-like labels), tab and line breaks too are left out. */
void coa_xml_escape(FILE *out, const char *s, int drop_controls);
/* A cell's value as XML text: a string escaped, a list's items joined by
 * "; ", a number as coa_view_format_number writes it.  edge is the edge of
 * a LIST cell (lists are edge columns). */
void coa_view_xml_value(FILE *out, const coa_view_t *v, const coa_col_t *col, const coa_value_t *val, uint64_t edge);

/* The dated papers' years of each author and each edge of the coauthor
 * graph (0 when none is dated; papers given an assumed year do not count),
 * for the time intervals of GEXF and the mean year of VOSviewer and of
 * coauthor draw --colour-by year. */
typedef struct {
    int *vertex_first, *vertex_last;
    double *vertex_mean; /* NaN when none is dated */
    int *edge_first, *edge_last;
} coa_years_t;

int coa_view_years(const coa_graph_t *g, coa_years_t *y);
void coa_view_years_destroy(coa_years_t *y);

#endif
