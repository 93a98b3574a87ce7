/*
 * Pictures of a coauthor graph through Graphviz: cgraph builds the graph
 * with its style, gvc lays it out and renders PNG, SVG, PDF, or the
 * laid-out DOT.
 *
 * The picture: node area follows a size value (papers by default), the
 * fill colour follows a group (a community), edge width follows joint
 * papers, a chain can be highlighted, and the top authors by size carry
 * labels, in a darker shade of their node's colour.  Labels are placed
 * after the layout, the most important first, beside their node where
 * they overlap no node, label or leader and cover the fewest edges, else
 * further out with a leader line; the top COA_DRAW_MUST_LABEL (and the
 * chain and the ego) are always shown, shrunk if need be.  A label that
 * finds no place is left out (coa_draw_report_t says how many).  Colour
 * follows a group (a community) or a value on a ramp (the mean year of an
 * author's papers).  A title and a legend (what size, colour and width
 * mean, and the data source) sit
 * above the drawing.  SVG nodes and edges carry tooltips: the name and
 * papers of an author; the joint papers of an edge.
 *
 * The options borrow every array; nothing is kept after coa_draw returns.
 */
#ifndef COAUTHOR_DRAW_H
#define COAUTHOR_DRAW_H

#include <stdio.h>

#include "graph.h"
#include "rank.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    COA_ENGINE_AUTO,
    COA_ENGINE_NEATO,
    COA_ENGINE_FDP,
    COA_ENGINE_SFDP,
    COA_ENGINE_CIRCO,
    COA_ENGINE_TWOPI
} coa_engine_t;

/* auto: neato (stress majorisation, the most readable) up to this many
 * nodes, sfdp (multilevel, seconds for thousands) above.  Measured here:
 * neato takes about 1 s at 300 nodes and over 2 minutes at 5,000; sfdp
 * about 3 s at 5,000. */
#define COA_DRAW_NEATO_LIMIT 300
/* Above this many nodes a picture is "large": thinner outlines, fainter
 * edges, smaller nodes, and a cheaper overlap removal (see dot.c). */
#define COA_DRAW_LARGE 1000
/* The labels of this many top vertices are always shown (shrunk, or
 * further out with a leader line, rather than left out). */
#define COA_DRAW_MUST_LABEL 5
/* The most nodes drawn; above it a caller draws the largest component or
 * the top authors (coauthor draw does both, and says so). */
#define COA_DRAW_MAX_NODES 5000

typedef struct {
    const uint8_t *keep;        /* per vertex: draw it; NULL draws every vertex */
    const double *size;         /* per vertex: node area follows it; NULL = papers */
    const char *size_label;     /* legend: what size means (default "papers") */
    const int32_t *group;       /* per vertex: colour class, 0 = the largest,
                                   -1 = none; NULL = one colour */
    const char *group_label;    /* legend: what colour means */
    const double *ramp;         /* per vertex: a value coloured on a ramp
                                   (viridis) from ramp_min to ramp_max, NaN =
                                   none (grey); overrides group */
    double ramp_min, ramp_max;
    const char *ramp_label;     /* legend: what the ramp means */
    int colour_by_year;         /* the ramp is each author's mean year over
                                   their dated papers (as VOSviewer's overlay
                                   map); coa_draw computes it */
    const uint32_t *path;       /* vertices of a chain to highlight, in order */
    uint32_t path_len;
    uint32_t focus;             /* a vertex drawn with a heavy outline (the
                                   ego), or COA_NONE */
    int labels;                 /* label this many top vertices; -1 = by size */
    const char *title;
    const char *source;         /* legend: the data source */
    coa_engine_t engine;
    double dpi;                 /* default 96 */
    double max_inches;          /* the longer side at most; 0 = by size */
    unsigned long seed;         /* neato and fdp start positions */
} coa_draw_options_t;

typedef struct {
    coa_engine_t engine;        /* the engine used (auto resolved) */
    uint32_t nodes, edges;
    uint32_t labels, labels_placed;
    uint32_t must_labels, must_placed; /* those always shown (COA_DRAW_MUST_LABEL,
                                   the chain, the ego) */
    uint32_t nodes_covered;     /* in a large map, unlabelled nodes under a label */
    uint32_t nodes_moved;       /* unlabelled nodes moved (less than a label's
                                   size) out of an important label's way */
    uint32_t leaders;           /* placed labels joined to their node by a line */
    uint32_t shrunk, forced;    /* must labels shrunk to fit; placed over
                                   something for want of a free place */
    double max_distance;        /* the largest gap from a label without a
                                   leader to its node, in label heights (<= 1) */
    uint32_t label_overlaps;    /* placed labels that overlap another label or a
                                   node (in a large map, a labelled node) by
                                   more than a point (checked after the
                                   layout; 0 expected) */
    double layout_seconds, render_seconds;
    double width_in, height_in; /* the picture, in inches (PNG pixels = inches * dpi) */
} coa_draw_report_t;

void coa_draw_options_init(coa_draw_options_t *opts);

/* Engine names: "auto", "neato", "fdp", "sfdp", "circo", "twopi". */
const char *coa_engine_name(coa_engine_t e);
int coa_engine_parse(const char *name, coa_engine_t *e);
/* The engine auto picks for this many nodes. */
coa_engine_t coa_engine_auto(uint32_t nodes);

/* Whether coa_draw renders this format: "png", "svg", "pdf", "dot". */
int coa_draw_format_known(const char *format);

/* Draws g into out.  Returns COA_EINVAL for an unknown format or an empty
 * picture, COA_EGRAPH when Graphviz fails, COA_EIO when the stream does. */
int coa_draw(FILE *out, const char *format, const coa_graph_t *g, const coa_draw_options_t *opts,
             coa_draw_report_t *report);

/* The timeline of one author's collaborations: the top coauthors (by
 * joint papers, ties by name) as rows, the years as columns, a disc in
 * each cell whose area follows that year's joint papers, and the total at
 * each row's end.  Rendered through the same Graphviz path as coa_draw
 * (every node pinned, neato -n), to "png", "svg", "pdf" or "dot". */
typedef struct {
    uint32_t rows;              /* the most coauthors shown (default 15) */
    const char *title;          /* default "Collaborations of NAME over time" */
    const char *source;         /* the data line */
    double dpi;                 /* default 96 */
    double max_inches;          /* the longer side at most; 0 = as drawn */
} coa_timeline_options_t;

typedef struct {
    uint32_t rows, coauthors;   /* rows drawn, of this many coauthors */
    uint32_t cells;             /* (row, year) cells with joint papers */
    uint32_t undated;           /* joint papers of the rows without a year */
    uint32_t assumed;           /* of those drawn, how many have a year the
                                   user gave undated papers (--year) */
    int year_first, year_last;
    double width_in, height_in;
} coa_timeline_report_t;

void coa_timeline_options_init(coa_timeline_options_t *opts);
/* vertex is the author's vertex in g.  COA_EINVAL for an unknown format or
 * vertex, COA_EGRAPH when Graphviz fails, COA_EIO when the stream does. */
int coa_draw_timeline(FILE *out, const char *format, const coa_graph_t *g, uint32_t vertex,
                      const coa_timeline_options_t *opts, coa_timeline_report_t *report);

/* ---- what a picture shows (src/write/draw_select.c) ----
 * keep[v] is 1 for each vertex of g drawn; chains and seeds are vertices. */

/* The chain 'coauthor path' prints from a to b: the first shortest chain
 * in name order, its *len vertices (0 when there is none) in *path
 * (caller frees). */
int coa_draw_chain(const coa_graph_t *g, uint32_t a, uint32_t b, uint32_t **path, uint32_t *len);
/* Keeps only the kept vertices within radius hops of a seed. */
int coa_draw_keep_near(const coa_graph_t *g, uint8_t *keep, const uint32_t *seeds, uint32_t n_seeds, uint32_t radius);
/* Keeps only the top n kept vertices by papers (ties by name), and every
 * pinned one. */
int coa_draw_keep_top(const coa_graph_t *g, uint8_t *keep, uint32_t top, const uint32_t *pinned, uint32_t n_pinned);

/* What coa_draw_limit did: nothing (steps 0), or kept the largest
 * component, the chain's when there is one (steps 1: 'before' vertices
 * were kept, 'component' are), then its max_nodes vertices with the most
 * papers and what of them is connected (steps 2: 'top' kept). */
typedef struct {
    int steps;
    uint32_t before, component, top;
} coa_draw_limit_t;
int coa_draw_limit(const coa_graph_t *g, uint8_t *keep, uint32_t max_nodes, const uint32_t *chain, uint32_t chain_len,
                   coa_draw_limit_t *limit);

/* The nodes' sizes: the measure's score of each vertex.  An edge list
 * (SNAP) has no papers, so unless the measure was 'given' its authors
 * are sized by degree; *used is the measure used.  0 or an error. */
int coa_draw_sizes(const coa_graph_t *g, coa_measure_t measure, int given, unsigned long seed, double *size,
                   coa_measure_t *used);

/* The nodes' colours: groups (community or connected component among the
 * kept vertices, renumbered by size, the largest 0) in group[] and
 * opts->group, with 'label' (label_len bytes) naming them in
 * opts->group_label; or the mean year.  0 or an error. */
typedef enum { COA_COLOUR_COMMUNITY, COA_COLOUR_COMPONENT, COA_COLOUR_YEAR, COA_COLOUR_NONE } coa_colour_by_t;
int coa_draw_groups(const coa_graph_t *g, coa_colour_by_t by, unsigned long seed, const uint8_t *keep,
                    int32_t *group, char *label, size_t label_len, coa_draw_options_t *opts);

/* The legend's line on the data: each file with its format and records,
 * and the years of the selection: those of g's papers, or years[0 .. 1]
 * when given (c only part of the corpus). */
void coa_draw_describe_sources(const coa_corpus_t *c, const coa_graph_t *g, const int *years, char *buf, size_t len);
/* The data line of a timeline (coa_draw_timeline): as
 * coa_draw_describe_sources, but with the years --year gave undated papers
 * (COA_PAPER_YEAR_ASSUMED), since the timeline draws those papers in their
 * own column: without them the line ended a year before the last column. */
void coa_timeline_describe_sources(const coa_graph_t *g, char *buf, size_t len);

/* What was drawn, as 'coauthor draw' reports it: authors, links, labels
 * and size (in pixels too for "png" at 'dpi'), then the chain's authors;
 * each line begins "PROGRAM: " (src/write/report_draw.c). */
void coa_write_draw_report(FILE *out, const char *program, const coa_draw_report_t *rep, const char *format,
                           double dpi, const coa_graph_t *graph, const uint32_t *chain, uint32_t chain_len);

/* The picture's title when none is given, in heading[0 .. len): the
 * chain's, the ego's (sel->ego, within sel->radius hops), the profile's
 * owner's or the network's, with sel->min_weight above 1.  Returns heading. */
const char *coa_draw_title(char *heading, size_t len, const coa_corpus_t *corpus, const coa_graph_t *graph,
                           const uint32_t *chain, uint32_t chain_len, const coa_select_t *sel);

#ifdef __cplusplus
}
#endif

#endif
