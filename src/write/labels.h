/* Label placement for the pictures: plain geometry in the drawing's
 * points, with no Graphviz in it, so that it can be tested alone.
 * Internal to the library. */
#ifndef COAUTHOR_WRITE_LABELS_H
#define COAUTHOR_WRITE_LABELS_H

#include <stdint.h>

typedef struct {
    double x, y, r;          /* a node: centre and radius */
} coa_disc_t;

typedef struct {
    double x0, y0, x1, y1;   /* an edge, drawn straight between centres */
} coa_segment_t;

typedef struct {
    /* in */
    uint32_t node;           /* index into the discs */
    double w, h;             /* the label's box at full size */
    int must;                /* always placed: the font shrinks, or the label
                                goes further out, rather than be left out */
    /* out */
    int placed;
    double x, y;             /* centre of the box */
    double shrink;           /* 1, or the factor the font was shrunk by */
    int leader;              /* further than one label height: a leader line
                                from the node to the nearest point of the box */
    double lx, ly;           /* with a leader: its end on the box */
    uint32_t edges_covered;  /* edges the box crosses (a covered node counts 8) */
} coa_label_t;

/* Places the labels in the order given (the most important first; every
 * 'must' label should come before the others).  A label's box never
 * overlaps a placed label or the node of a label; nor, unless 'cover' is
 * set (for a large map), any other node.  A 'must' label with no free
 * place beside its node may move up to 3 unlabelled nodes out of its way
 * (when 'moved' is given: their new centres are written into discs,
 * moved[i] is set, *n_moved counts them); else it shrinks or goes further
 * out, and as a last resort right of its node regardless (counted in
 * *forced).  Returns COA_OK or COA_ENOMEM. */
int coa_labels_place(coa_label_t *labels, uint32_t n_labels, coa_disc_t *discs, uint32_t n_discs,
                     const coa_segment_t *edges, uint64_t n_edges, int cover, uint8_t *moved, uint32_t *n_moved,
                     uint32_t *forced);

/* The gap between a label's box and its node's disc, in label heights. */
double coa_label_distance(const coa_label_t *l, const coa_disc_t *d);

#endif
