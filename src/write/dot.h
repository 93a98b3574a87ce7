/* Graphviz graphs built with cgraph: the styled picture that render.c lays
 * out.  Internal to the library. */
#ifndef COAUTHOR_WRITE_DOT_H
#define COAUTHOR_WRITE_DOT_H

#include <graphviz/cgraph.h>

#include "coauthor/draw.h"

typedef struct {
    Agraph_t *g;          /* owns every string and attribute; agclose frees all */
    Agnode_t **node;      /* per vertex of the coauthor graph, NULL when not drawn */
    uint32_t n_nodes, n_edges;
    uint32_t n_labels;    /* labels asked for */
    uint8_t *labelled;    /* per vertex */
    uint32_t *label_vertex;  /* per label: its vertex; the labels that must be
                                shown first, then by size */
    uint8_t *label_must;     /* per label */
    Agnode_t **label_node;   /* per label: a box node holding the name, placed
                                by coa_labels_place and pinned for neato -n */
} coa_styled_t;

/* Builds the picture's nodes and edges with their style and tooltips,
 * without labels or legend.  On failure nothing is left to free. */
int coa_styled_build(coa_styled_t *s, const coa_graph_t *g, const coa_draw_options_t *o, coa_engine_t engine);
/* coa_styled_build without the tooltips and the edges' width and colour,
 * which Graphviz does not read to place nodes: the same positions, for a
 * caller that wants only those (the edge tooltips also need the papers'
 * titles).  Not to be drawn. */
int coa_styled_build_bare(coa_styled_t *s, const coa_graph_t *g, const coa_draw_options_t *o, coa_engine_t engine);
/* Adds the label nodes (each at its author's position, to be placed after
 * Graphviz has measured them) and the title and legend, with fonts
 * enlarged by font_scale to survive the picture's shrinking to its size. */
int coa_styled_labels(coa_styled_t *s, const coa_graph_t *g, const coa_draw_options_t *o, double font_scale);
/* Joins label i to its author with a thin leader line. */
int coa_styled_leader(coa_styled_t *s, uint32_t i);
void coa_styled_destroy(coa_styled_t *s);

/* Appends HTML-escaped text (Graphviz's HTML-like labels are XML). */
void coa_html_text(FILE *out, const char *s);

/* cgraph's 2.43 API takes char * where it only reads. */
#define COA_GV(s) ((char *)(s))

#endif
