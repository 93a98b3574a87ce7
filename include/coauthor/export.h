/*
 * Graph files for other tools: GraphML (networkx, python-igraph, Gephi),
 * DOT written through Graphviz cgraph, node-link JSON (D3, sigma.js) and
 * a pair of CSV files (nodes and edges, for Gephi's spreadsheet import and
 * Cytoscape).
 *
 * Every format carries the same attributes:
 *   coauthor graph  node: name, papers, then the caller's extra columns
 *                   (community, centralities); edge: joint_papers,
 *                   fractional, papers (the identifiers of the joint papers)
 *   bipartite graph node: type ("author" or "paper"), bipartite (0 for
 *                   authors, 1 for papers, networkx's convention), name
 *                   (author name or paper title), papers (authors), year,
 *                   venue and ident (papers); edge: position (1-based place
 *                   in the author list), inferred
 * A paper's identifier is coa_paper_identifier's: its DOI ("doi:..."),
 * else the source's own key (a BibTeX key), else "FILE:LINE" of the record.
 *
 * The writers stream to a FILE the caller owns (use coa_outfile_t for an
 * atomic file) and return COA_EIO when the stream fails.
 */
#ifndef COAUTHOR_EXPORT_H
#define COAUTHOR_EXPORT_H

#include <stdio.h>

#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    COA_EXPORT_GRAPHML,
    COA_EXPORT_DOT,
    COA_EXPORT_JSON,
    COA_EXPORT_CSV,
    COA_EXPORT_GEXF,
    COA_EXPORT_VOSVIEWER,
    COA_EXPORT_PAJEK
} coa_export_format_t;

/* A per-vertex value the caller computed (a community, a centrality).
 * 'values' has one entry per vertex of the coauthor graph and is borrowed. */
typedef struct {
    const char *name;      /* attribute name, such as "community" or "pagerank" */
    int is_integer;        /* written as an integer */
    const double *values;
} coa_vertex_attr_t;

typedef struct {
    int bipartite;                  /* the author-paper graph instead */
    const coa_vertex_attr_t *extra; /* coauthor graph only */
    size_t n_extra;
    unsigned long seed;             /* the VOSviewer map's layout; 0 = 1 */
} coa_export_options_t;

void coa_export_options_init(coa_export_options_t *opts);

int coa_export_graphml(FILE *out, const coa_graph_t *g, const coa_export_options_t *opts);
int coa_export_json(FILE *out, const coa_graph_t *g, const coa_export_options_t *opts);
/* Gephi's column names: Id, Label for nodes; Source, Target, Type, Weight
 * (= joint papers, or 1 in the bipartite graph) for edges. */
int coa_export_csv(FILE *nodes, FILE *edges, const coa_graph_t *g, const coa_export_options_t *opts);
/* DOT through cgraph: node ids are author names (paper identifiers in the
 * bipartite graph, made unique); 'weight' is the joint papers, so dot and
 * neato render the file as it is. */
int coa_export_dot(FILE *out, const coa_graph_t *g, const coa_export_options_t *opts);
/* GEXF 1.3, Gephi's format: node label = name, the other columns as
 * attributes, edge weight = joint papers; a dynamic graph with integer
 * years: an author's start and end are their first and last dated paper,
 * a link's its first and last joint one.  Coauthor graph only (COA_EINVAL
 * with bipartite). */
int coa_export_gexf(FILE *out, const coa_graph_t *g, const coa_export_options_t *opts);
/* VOSviewer's map file (id, label, x, y, cluster when an extra column is
 * named "community", weight<Links>, weight<Total link strength>,
 * weight<Documents>, score<Avg. pub. year> when every author has a dated
 * paper, score<...> for the other extra columns) and network file (id,
 * id, joint papers).  Coauthor graph only. */
int coa_export_vosviewer(FILE *map, FILE *network, const coa_graph_t *g, const coa_export_options_t *opts);
/* Pajek .net: *Vertices with names, *Edges with joint papers as weight.
 * Coauthor graph only. */
int coa_export_pajek(FILE *out, const coa_graph_t *g, const coa_export_options_t *opts);

/* ---- the formats (src/write/export_format.c) ---- */
/* "graphml", "dot", "json", "csv", "gexf", "vosviewer", "pajek". */
const char *coa_export_format_name(coa_export_format_t f);
/* By name; or by a path's extension (.gv is dot, .net pajek).  -1 when
 * unknown. */
int coa_export_format_parse(const char *name, coa_export_format_t *f);
int coa_export_format_of_path(const char *path, coa_export_format_t *f);
/* The files a format writes: two for csv (OUT-nodes.csv, OUT-edges.csv)
 * and vosviewer (OUT-map.txt, OUT-network.txt), else one; the path of
 * file i (0 or 1) for the output named 'output' (caller frees; NULL when
 * out of memory). */
int coa_export_n_files(coa_export_format_t f);
char *coa_export_path(coa_export_format_t f, const char *output, int i);
/* Writes g in format f to 'first' (and 'second', for two files).  The
 * result of the format's writer; COA_EINVAL for an unknown format. */
int coa_export(coa_export_format_t f, FILE *first, FILE *second, const coa_graph_t *g, const coa_export_options_t *opts);

#ifdef __cplusplus
}
#endif

#endif
