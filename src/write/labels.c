/* Label placement: candidates in order of importance, each tried at
 * positions around its node and then further out with a leader line; a
 * position is refused when it overlaps a node, a placed label or a leader,
 * and among the rest the one covering the fewest edges wins.
 *
 * Graphviz's own external labels (xlabel) are placed once, after the
 * fact, without a notion of importance: on a WoS export of one researcher
 * (630 authors) 16 of 30 were placed and the researcher was not one of
 * them, and on a 5,000-author map 1 of 30; a placed label could also sit
 * 80 px from its node, beside another one.  Hence this.
 *
 * The nodes and edges go into a uniform grid (cells of a few label
 * heights), so that a candidate looks only at what lies near it: on the
 * 27,287 edges of that WoS export, the placement takes milliseconds. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coauthor/common.h"
#include "core/core.h"
#include "write/labels.h"

/* What a position costs: 2 log2(1 + edges covered), so that in a dense
 * picture, where every place beside a hub covers dozens of edges, the
 * label still stays beside it; plus, with a leader, LEADER_COST and
 * LEADER_STEP per ring further out, and 3 per node the leader passes
 * through.  A label that is not a must goes at most RINGS_OPTIONAL rings
 * out (six label heights): further, the leader would only confuse. */
#define LEADER_COST 6
/* In a large map (coa_labels_place's 'cover'), a label may cover a node
 * that has no label of its own, at the cost of this many edges: there
 * the nodes fill the picture, and with no node covered 6 of the top 30
 * labels found a place on a 5,000-author map (VOSviewer too draws its
 * labels over the circles) */
#define COVER_COST 8
#define LEADER_STEP 2
#define RINGS_OPTIONAL 7
/* A must label tries its own neighbourhood (up to RINGS_NEAR rings out,
 * four label heights) at full size and at 80 %; then up to RINGS_FAR
 * (ten heights) at full size; then anywhere at 64 %.  Below 64 % (7 pt)
 * a name is hard to read. */
#define RINGS_NEAR 5
#define RINGS_FAR 9

typedef struct {
    double x0, y0, x1, y1;
} rect_t;

typedef struct {
    double x0, y0, cell;
    uint32_t nx, ny;
    /* CSR over cells: disc ids, then edge ids */
    uint32_t *disc_start, *disc_ids;
    uint64_t *edge_start;
    uint64_t *edge_ids;
    uint64_t *edge_stamp; /* per edge: the query that last counted it */
    uint64_t *disc_stamp; /* per disc: the same */
    const uint8_t *hard;  /* per disc: a label never covers it */
    int cover;            /* a label may cover the other discs, at a cost */
    uint64_t query;
} grid_t;

static uint32_t clamp_cell(double v, double origin, double cell, uint32_t n)
{
    double k = floor((v - origin) / cell);
    if (k < 0)
        return 0;
    if (k >= n)
        return n - 1;
    return (uint32_t)k;
}

/* The cells a rectangle overlaps, as an inclusive range per axis. */
typedef struct {
    uint32_t x0, y0, x1, y1;
} cells_t;

static cells_t cells_of(const grid_t *gr, const rect_t *r)
{
    return (cells_t){clamp_cell(r->x0, gr->x0, gr->cell, gr->nx), clamp_cell(r->y0, gr->y0, gr->cell, gr->ny),
                     clamp_cell(r->x1, gr->x0, gr->cell, gr->nx), clamp_cell(r->y1, gr->y0, gr->cell, gr->ny)};
}

/* The discs filed in a range of cells, each once though it may be filed
 * in several: disc_walk starts a new query, next_disc stamps what it
 * gives.  The order is the cells' (row by row), then the filing order. */
typedef struct {
    grid_t *gr;
    cells_t cells;
    uint32_t cx, cy, i, end;
} disc_walk_t;

static disc_walk_t disc_walk(grid_t *gr, const cells_t *cells)
{
    uint32_t c = cells->y0 * gr->nx + cells->x0;
    gr->query++;
    return (disc_walk_t){gr, *cells, cells->x0, cells->y0, gr->disc_start[c], gr->disc_start[c + 1]};
}

static int next_disc(disc_walk_t *w, uint32_t *k)
{
    grid_t *gr = w->gr;
    for (;;) {
        while (w->i == w->end) {
            if (++w->cx > w->cells.x1) {
                w->cx = w->cells.x0;
                if (++w->cy > w->cells.y1)
                    return 0;
            }
            uint32_t c = w->cy * gr->nx + w->cx;
            w->i = gr->disc_start[c];
            w->end = gr->disc_start[c + 1];
        }
        *k = gr->disc_ids[w->i++];
        if (gr->disc_stamp[*k] != gr->query) {
            gr->disc_stamp[*k] = gr->query;
            return 1;
        }
    }
}

/* The cells a segment passes through, sampled every quarter cell: a cell
 * only grazed at a corner can be missed, which costs at most a crossing
 * not counted (crossings only rank positions; they never forbid one). */
typedef int (*cell_fn)(void *ctx, uint32_t cell, uint64_t id);

static int walk_segment(const grid_t *gr, const coa_segment_t *s, uint64_t id, cell_fn fn, void *ctx)
{
    double dx = s->x1 - s->x0, dy = s->y1 - s->y0, len = sqrt(dx * dx + dy * dy);
    uint64_t steps = (uint64_t)(len / (gr->cell / 4)) + 1;
    uint32_t last = UINT32_MAX;
    for (uint64_t i = 0; i <= steps; i++) {
        double t = (double)i / (double)steps;
        uint32_t cx = clamp_cell(s->x0 + t * dx, gr->x0, gr->cell, gr->nx);
        uint32_t cy = clamp_cell(s->y0 + t * dy, gr->y0, gr->cell, gr->ny);
        uint32_t c = cy * gr->nx + cx;
        if (c != last && fn(ctx, c, id))
            return 1;
        last = c;
    }
    return 0;
}

typedef struct {
    grid_t *gr;
    int fill; /* 0: count, 1: fill */
    uint64_t *cursor;
} edge_fill_t;

static int add_edge_cell(void *ctx, uint32_t cell, uint64_t id)
{
    edge_fill_t *f = ctx;
    if (f->fill)
        f->gr->edge_ids[f->cursor[cell]++] = id;
    else
        f->gr->edge_start[cell + 1]++;
    return 0;
}

static void grid_destroy(grid_t *gr)
{
    COA_FREE(gr->disc_start, gr->disc_ids, gr->edge_start, gr->edge_ids, gr->edge_stamp, gr->disc_stamp);
    memset(gr, 0, sizeof *gr);
}

static int grid_init(grid_t *gr, const rect_t *area, double cell, const coa_disc_t *discs, uint32_t n_discs,
                     const coa_segment_t *edges, uint64_t n_edges)
{
    memset(gr, 0, sizeof *gr);
    double w = area->x1 - area->x0, h = area->y1 - area->y0;
    /* at most 256 x 256 cells: a finer grid costs memory for no speed */
    double side = w > h ? w : h;
    if (cell < side / 256)
        cell = side / 256;
    if (!(cell > 0))
        cell = 1;
    gr->x0 = area->x0;
    gr->y0 = area->y0;
    gr->cell = cell;
    gr->nx = (uint32_t)(w / cell) + 1;
    gr->ny = (uint32_t)(h / cell) + 1;
    size_t ncell = (size_t)gr->nx * gr->ny;
    gr->disc_start = calloc(ncell + 1, sizeof *gr->disc_start);
    gr->edge_start = calloc(ncell + 1, sizeof *gr->edge_start);
    gr->edge_stamp = calloc(n_edges ? n_edges : 1, sizeof *gr->edge_stamp);
    gr->disc_stamp = calloc(n_discs ? n_discs : 1, sizeof *gr->disc_stamp);
    uint64_t *cursor = malloc((ncell + 1) * sizeof *cursor);
    uint32_t *dcursor = malloc((ncell + 1) * sizeof *dcursor);
    uint64_t n_disc_entries = 0;
    if (!gr->disc_start || !gr->edge_start || !gr->edge_stamp || !gr->disc_stamp || !cursor || !dcursor)
        goto fail;
    /* a disc goes into every cell its bounding square touches */
    for (int pass = 0; pass < 2; pass++) {
        for (uint32_t i = 0; i < n_discs; i++) {
            const coa_disc_t *d = &discs[i];
            cells_t cells = cells_of(gr, &(rect_t){d->x - d->r, d->y - d->r, d->x + d->r, d->y + d->r});
            for (uint32_t cy = cells.y0; cy <= cells.y1; cy++)
                for (uint32_t cx = cells.x0; cx <= cells.x1; cx++) {
                    uint32_t c = cy * gr->nx + cx;
                    if (pass)
                        gr->disc_ids[dcursor[c]++] = i;
                    else
                        gr->disc_start[c + 1]++, n_disc_entries++;
                }
        }
        if (!pass) {
            for (size_t c = 0; c < ncell; c++)
                gr->disc_start[c + 1] += gr->disc_start[c];
            memcpy(dcursor, gr->disc_start, (ncell + 1) * sizeof *dcursor);
            gr->disc_ids = malloc((n_disc_entries ? n_disc_entries : 1) * sizeof *gr->disc_ids);
            if (!gr->disc_ids)
                goto fail;
        }
    }
    edge_fill_t f = {gr, 0, cursor};
    for (uint64_t e = 0; e < n_edges; e++)
        walk_segment(gr, &edges[e], e, add_edge_cell, &f);
    for (size_t c = 0; c < ncell; c++)
        gr->edge_start[c + 1] += gr->edge_start[c];
    gr->edge_ids = malloc((gr->edge_start[ncell] ? gr->edge_start[ncell] : 1) * sizeof *gr->edge_ids);
    if (!gr->edge_ids)
        goto fail;
    memcpy(cursor, gr->edge_start, (ncell + 1) * sizeof *cursor);
    f.fill = 1;
    for (uint64_t e = 0; e < n_edges; e++)
        walk_segment(gr, &edges[e], e, add_edge_cell, &f);
    free(cursor);
    free(dcursor);
    return COA_OK;
fail:
    free(cursor);
    free(dcursor);
    grid_destroy(gr);
    return COA_ENOMEM;
}

static int rects_overlap(const rect_t *a, const rect_t *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* The point of the rectangle nearest to (x, y). */
static void nearest_in_rect(const rect_t *r, double x, double y, double *nx, double *ny)
{
    *nx = x < r->x0 ? r->x0 : x > r->x1 ? r->x1 : x;
    *ny = y < r->y0 ? r->y0 : y > r->y1 ? r->y1 : y;
}

static int disc_hits_rect(const coa_disc_t *d, const rect_t *r, double pad)
{
    double cx, cy;
    nearest_in_rect(r, d->x, d->y, &cx, &cy);
    double dx = d->x - cx, dy = d->y - cy, rr = d->r + pad;
    return dx * dx + dy * dy < rr * rr;
}

/* Liang-Barsky: whether the segment crosses the rectangle. */
static int segment_hits_rect(double x0, double y0, double x1, double y1, const rect_t *r)
{
    double t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
    double p[4] = {-dx, dx, -dy, dy}, q[4] = {x0 - r->x0, r->x1 - x0, y0 - r->y0, r->y1 - y0};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return 0;
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0) {
            if (t > t1)
                return 0;
            if (t > t0)
                t0 = t;
        } else {
            if (t < t0)
                return 0;
            if (t < t1)
                t1 = t;
        }
    }
    return 1;
}

/* Whether the segment passes through the disc (closer than its radius). */
static int segment_hits_disc(double x0, double y0, double x1, double y1, const coa_disc_t *d)
{
    double dx = x1 - x0, dy = y1 - y0, len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((d->x - x0) * dx + (d->y - y0) * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    double px = x0 + t * dx - d->x, py = y0 + t * dy - d->y;
    return px * px + py * py < d->r * d->r;
}

/* Whether two segments cross. */
static int segments_cross(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy)
{
    double d1 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    double d2 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
    double d3 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
    double d4 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
    return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0));
}

typedef struct {
    const coa_label_t *labels;
    const uint32_t *placed; /* indexes of placed labels */
    uint32_t n_placed;
    rect_t *boxes;          /* per label index */
} placed_t;

static int rect_inside(const rect_t *r, const rect_t *area)
{
    return !(r->x0 < area->x0 || r->x1 > area->x1 || r->y0 < area->y0 || r->y1 > area->y1);
}

/* Whether the box touches a placed label (with pad around it) or crosses
 * a placed leader. */
static int hits_placed(const placed_t *pl, const coa_disc_t *discs, const rect_t *box, double pad)
{
    for (uint32_t i = 0; i < pl->n_placed; i++) {
        uint32_t k = pl->placed[i];
        rect_t b = pl->boxes[k];
        b.x0 -= pad, b.y0 -= pad, b.x1 += pad, b.y1 += pad;
        if (rects_overlap(box, &b))
            return 1;
        const coa_label_t *o = &pl->labels[k];
        if (o->leader && segment_hits_rect(discs[o->node].x, discs[o->node].y, o->lx, o->ly, box))
            return 1;
    }
    return 0;
}

/* How many edges cross the box, looking only in its cells; each edge is
 * counted once however many of the cells it passes through. */
static long edges_under(grid_t *gr, const rect_t *box, const cells_t *cells, const coa_segment_t *edges)
{
    long covered = 0;
    gr->query++;
    for (uint32_t cy = cells->y0; cy <= cells->y1; cy++)
        for (uint32_t cx = cells->x0; cx <= cells->x1; cx++) {
            uint32_t c = cy * gr->nx + cx;
            for (uint64_t i = gr->edge_start[c]; i < gr->edge_start[c + 1]; i++) {
                uint64_t e = gr->edge_ids[i];
                if (gr->edge_stamp[e] == gr->query)
                    continue;
                gr->edge_stamp[e] = gr->query;
                const coa_segment_t *s = &edges[e];
                covered += segment_hits_rect(s->x0, s->y0, s->x1, s->y1, box);
            }
        }
    return covered;
}

/* The edges a box covers, or -1 when the box may not go there. */
static long cost_of_box(grid_t *gr, const rect_t *box, const rect_t *area, const coa_disc_t *discs,
                        const coa_segment_t *edges, const placed_t *pl, double pad)
{
    if (!rect_inside(box, area) || hits_placed(pl, discs, box, pad))
        return -1;
    cells_t cells = cells_of(gr, box);
    long covered = 0;
    disc_walk_t w = disc_walk(gr, &cells);
    for (uint32_t k; next_disc(&w, &k);) {
        if (!disc_hits_rect(&discs[k], box, pad))
            continue;
        if (!gr->cover || gr->hard[k])
            return -1;
        covered += COVER_COST;
    }
    return covered + edges_under(gr, box, &cells, edges);
}

/* The cost of a leader from the node's centre to (lx, ly): other nodes it
 * passes through cost 3 each, other leaders it crosses 2 each; -1 when it
 * runs through a placed label. */
static long cost_of_leader(grid_t *gr, const coa_label_t *l, double lx, double ly, const coa_disc_t *discs,
                           const placed_t *pl)
{
    const coa_disc_t *own = &discs[l->node];
    long cost = 0;
    for (uint32_t i = 0; i < pl->n_placed; i++) {
        uint32_t k = pl->placed[i];
        if (segment_hits_rect(own->x, own->y, lx, ly, &pl->boxes[k]))
            return -1;
        const coa_label_t *o = &pl->labels[k];
        if (o->leader && segments_cross(own->x, own->y, lx, ly, discs[o->node].x, discs[o->node].y, o->lx, o->ly))
            cost += 2;
    }
    rect_t span = {own->x < lx ? own->x : lx, own->y < ly ? own->y : ly, own->x < lx ? lx : own->x,
                   own->y < ly ? ly : own->y};
    cells_t cells = cells_of(gr, &span);
    disc_walk_t w = disc_walk(gr, &cells);
    for (uint32_t k; next_disc(&w, &k);)
        if (k != l->node && segment_hits_disc(own->x, own->y, lx, ly, &discs[k]))
            cost += 3;
    return cost;
}

static rect_t box_at(double x, double y, double w, double h)
{
    return (rect_t){x - w / 2, y - h / 2, x + w / 2, y + h / 2};
}

double coa_label_distance(const coa_label_t *l, const coa_disc_t *d)
{
    double w = l->w * l->shrink, h = l->h * l->shrink;
    rect_t b = box_at(l->x, l->y, w, h);
    double cx, cy;
    nearest_in_rect(&b, d->x, d->y, &cx, &cy);
    double gap = sqrt((d->x - cx) * (d->x - cx) + (d->y - cy) * (d->y - cy)) - d->r;
    return gap > 0 && h > 0 ? gap / h : 0;
}

/* Positions right beside the node, in the order cartographers prefer
 * (Imhof; Christensen, Marks and Shieber 1995): right, left, the four
 * corners, above, below, then the sides slid along.  Each leaves a gap of
 * a sixth of the label's height to the disc. */
static const double beside[][3] = {
    /* dx, dy, slide (in label heights along the side) */
    {1, 0, 0},  {-1, 0, 0}, {1, 1, 0},   {1, -1, 0},   {-1, 1, 0},  {-1, -1, 0}, {0, 1, 0},
    {0, -1, 0}, {1, 0, 0.5}, {1, 0, -0.5}, {-1, 0, 0.5}, {-1, 0, -0.5}, {0, 1, 1}, {0, -1, 1},
    {0, 1, -1}, {0, -1, -1},
};
#define N_BESIDE (sizeof beside / sizeof beside[0])

/* Further out, with a leader: the gap to the disc, in label heights, and
 * 16 directions at each. */
static const double rings[] = {1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 13, 18, 25, 35, 50};
#define N_RINGS (sizeof rings / sizeof rings[0])
#define N_DIRECTIONS 32

static void beside_position(const coa_disc_t *d, double w, double h, unsigned k, double *x, double *y)
{
    double dx = beside[k][0], dy = beside[k][1], slide = beside[k][2];
    double gap = h / 6, diag = dx != 0 && dy != 0 ? M_SQRT1_2 : 1;
    *x = d->x + dx * (d->r * diag + gap + w / 2);
    *y = d->y + dy * (d->r * diag + gap + h / 2);
    if (dx == 0)
        *x += slide * h;
    else
        *y += slide * h;
}

static void ring_position(const coa_disc_t *d, double w, double h, unsigned ring, unsigned k, double *x,
                          double *y)
{
    double a = 2 * M_PI * k / N_DIRECTIONS, c = cos(a), s = sin(a), reach = d->r + rings[ring] * h;
    /* the box's nearest side faces the node: its centre is half a box
     * further along the direction */
    *x = d->x + c * reach + c * w / 2;
    *y = d->y + s * reach + s * h / 2;
}

static double edge_cost(long covered)
{
    return 2 * log2(1 + (double)covered);
}

/* The best position for label l at shrink factor f; 0 when none. */
static int best_position(coa_label_t *l, double f, unsigned n_rings, grid_t *gr, const rect_t *area,
                         const coa_disc_t *discs, const coa_segment_t *edges, const placed_t *pl, double pad)
{
    const coa_disc_t *d = &discs[l->node];
    double w = l->w * f, h = l->h * f;
    double best = -1;
    double bx = 0, by = 0;
    int bleader = 0;
    for (unsigned k = 0; k < N_BESIDE; k++) {
        double x, y;
        beside_position(d, w, h, k, &x, &y);
        rect_t box = box_at(x, y, w, h);
        long c = cost_of_box(gr, &box, area, discs, edges, pl, pad);
        if (c >= 0 && (best < 0 || edge_cost(c) < best)) {
            best = edge_cost(c), bx = x, by = y;
            if (c == 0)
                break;
        }
    }
    for (unsigned ring = 0; ring < n_rings; ring++) {
        double base = LEADER_COST + LEADER_STEP * (double)ring;
        if (best >= 0 && best <= base)
            break; /* nothing further out can beat it */
        for (unsigned k = 0; k < N_DIRECTIONS; k++) {
            double x, y;
            ring_position(d, w, h, ring, k, &x, &y);
            rect_t box = box_at(x, y, w, h);
            long c = cost_of_box(gr, &box, area, discs, edges, pl, pad);
            if (c < 0 || (best >= 0 && edge_cost(c) + base >= best))
                continue;
            double lx, ly; /* the leader ends at the box's point nearest the node */
            nearest_in_rect(&box, d->x, d->y, &lx, &ly);
            long lc = cost_of_leader(gr, l, lx, ly, discs, pl);
            if (lc < 0 || (best >= 0 && edge_cost(c) + base + (double)lc >= best))
                continue;
            best = edge_cost(c) + base + (double)lc, bx = x, by = y, bleader = 1;
            l->lx = lx, l->ly = ly;
        }
    }
    if (best < 0)
        return 0;
    l->placed = 1;
    l->x = bx;
    l->y = by;
    l->shrink = f;
    l->leader = bleader;
    rect_t box = box_at(bx, by, w, h);
    l->edges_covered = (uint32_t)cost_of_box(gr, &box, area, discs, edges, &(placed_t){pl->labels, NULL, 0, NULL}, 0);
    return 1;
}

/* "Move others away": a must label that found no free place beside its
 * node, even at 80 %, may push up to MOVE_MAX small unlabelled nodes out
 * of its box, each by the least distance that clears it, where the moved
 * node then touches no other node, label or leader.  A hub amid its many
 * coauthors (a WoS export of one researcher: 200 coauthors around him)
 * otherwise gets a label shrunk to 64 % or far out on a long leader.
 * Returns 1 and moves the nodes (their new centres in discs) when a
 * position is found. */
#define MOVE_MAX 3
#define MOVE_COST 4

static int push_out(const coa_disc_t *d, const rect_t *b, double pad, double *nx, double *ny)
{
    double left = b->x0 - pad - d->r - d->x, right = b->x1 + pad + d->r - d->x;
    double down = b->y0 - pad - d->r - d->y, up = b->y1 + pad + d->r - d->y;
    double best = fabs(left);
    *nx = d->x + left, *ny = d->y;
    if (fabs(right) < best)
        best = fabs(right), *nx = d->x + right, *ny = d->y;
    if (fabs(down) < best)
        best = fabs(down), *nx = d->x, *ny = d->y + down;
    if (fabs(up) < best)
        *nx = d->x, *ny = d->y + up;
    return 1;
}

/* Whether a disc of radius r at (x, y) would touch another disc (other
 * than 'self' and the ones in skip[]), a placed label or a leader. */
static int disc_blocked(grid_t *gr, const coa_disc_t *discs, uint32_t self, double x, double y, double r,
                        const uint32_t *skip, int n_skip, const placed_t *pl, const rect_t *also, double pad)
{
    coa_disc_t moved = {x, y, r};
    rect_t around = {x - r - pad, y - r - pad, x + r + pad, y + r + pad};
    if (rects_overlap(&around, also))
        return 1;
    for (uint32_t i = 0; i < pl->n_placed; i++) {
        const coa_label_t *o = &pl->labels[pl->placed[i]];
        if (rects_overlap(&around, &pl->boxes[pl->placed[i]]))
            return 1;
        if (o->leader && segment_hits_disc(discs[o->node].x, discs[o->node].y, o->lx, o->ly, &moved))
            return 1;
    }
    /* the grid holds every disc at its place before any move; a disc
     * moves by less than a cell, so the cells around cover it */
    rect_t reach = {x - r - gr->cell, y - r - gr->cell, x + r + gr->cell, y + r + gr->cell};
    cells_t cells = cells_of(gr, &reach);
    disc_walk_t w = disc_walk(gr, &cells);
    for (uint32_t k; next_disc(&w, &k);) {
        int skipped = k == self;
        for (int j = 0; j < n_skip && !skipped; j++)
            skipped = skip[j] == k;
        if (skipped)
            continue;
        const coa_disc_t *o = &discs[k];
        if (hypot(o->x - x, o->y - y) < o->r + r + pad)
            return 1;
    }
    return 0;
}

static int place_moving(coa_label_t *l, grid_t *gr, const rect_t *area, coa_disc_t *discs,
                        const coa_segment_t *edges, const placed_t *pl, double pad, uint32_t *n_moved,
                        uint8_t *moved)
{
    const coa_disc_t *d = &discs[l->node];
    double best = -1, bx = 0, by = 0;
    long best_covered = 0;
    uint32_t best_ids[MOVE_MAX];
    double best_xy[MOVE_MAX][2];
    int best_n = 0;
    for (unsigned k = 0; k < N_BESIDE; k++) {
        double x, y;
        beside_position(d, l->w, l->h, k, &x, &y);
        rect_t box = box_at(x, y, l->w, l->h);
        if (!rect_inside(&box, area))
            continue;
        /* the nodes under the box: none labelled, at most MOVE_MAX */
        uint32_t ids[MOVE_MAX];
        int n = 0, bad = 0;
        cells_t cells = cells_of(gr, &box);
        disc_walk_t w = disc_walk(gr, &cells);
        for (uint32_t id; !bad && next_disc(&w, &id);) {
            if (!disc_hits_rect(&discs[id], &box, pad))
                continue;
            if (gr->hard[id] || n == MOVE_MAX)
                bad = 1;
            else
                ids[n++] = id;
        }
        if (bad || n == 0)
            continue;
        /* the box itself must be free of labels and leaders */
        int blocked = hits_placed(pl, discs, &box, pad);
        double xy[MOVE_MAX][2];
        for (int j = 0; j < n && !blocked; j++) {
            push_out(&discs[ids[j]], &box, pad, &xy[j][0], &xy[j][1]);
            blocked = disc_blocked(gr, discs, ids[j], xy[j][0], xy[j][1], discs[ids[j]].r, ids, n, pl, &box, pad);
            /* nor may two moved nodes touch */
            for (int m = 0; m < j && !blocked; m++)
                blocked = hypot(xy[j][0] - xy[m][0], xy[j][1] - xy[m][1]) < discs[ids[j]].r + discs[ids[m]].r + pad;
        }
        if (blocked)
            continue;
        /* edges under the box, as anywhere else (the moved nodes' own edges
         * are counted where they were: close enough to rank positions) */
        long covered = edges_under(gr, &box, &cells, edges);
        double cost = edge_cost(covered) + MOVE_COST * n;
        if (best < 0 || cost < best) {
            best = cost, bx = x, by = y, best_n = n, best_covered = covered;
            memcpy(best_ids, ids, sizeof ids);
            memcpy(best_xy, xy, sizeof xy);
        }
    }
    if (best < 0)
        return 0;
    for (int j = 0; j < best_n; j++) {
        discs[best_ids[j]].x = best_xy[j][0];
        discs[best_ids[j]].y = best_xy[j][1];
        moved[best_ids[j]] = 1;
        (*n_moved)++;
    }
    l->placed = 1;
    l->x = bx;
    l->y = by;
    l->shrink = 1;
    l->leader = 0;
    l->edges_covered = (uint32_t)best_covered;
    return 1;
}

int coa_labels_place(coa_label_t *labels, uint32_t n_labels, coa_disc_t *discs, uint32_t n_discs,
                     const coa_segment_t *edges, uint64_t n_edges, int cover, uint8_t *moved, uint32_t *n_moved,
                     uint32_t *forced)
{
    *forced = 0;
    *n_moved = 0;
    for (uint32_t i = 0; i < n_labels; i++) {
        labels[i].placed = labels[i].leader = 0;
        labels[i].shrink = 1;
        labels[i].edges_covered = 0;
    }
    if (!n_labels || !n_discs)
        return COA_OK;
    /* the area: the nodes' bounding box and a margin of two label heights
     * (a label may stand out a little, not stretch the picture) */
    rect_t area = {discs[0].x, discs[0].y, discs[0].x, discs[0].y};
    double hmax = 0;
    for (uint32_t i = 0; i < n_discs; i++) {
        const coa_disc_t *d = &discs[i];
        area.x0 = fmin(area.x0, d->x - d->r), area.x1 = fmax(area.x1, d->x + d->r);
        area.y0 = fmin(area.y0, d->y - d->r), area.y1 = fmax(area.y1, d->y + d->r);
    }
    for (uint32_t i = 0; i < n_labels; i++)
        hmax = fmax(hmax, labels[i].h);
    area.x0 -= 2 * hmax, area.y0 -= 2 * hmax, area.x1 += 2 * hmax, area.y1 += 2 * hmax;
    grid_t gr;
    uint32_t *placed = malloc(n_labels * sizeof *placed);
    rect_t *boxes = malloc(n_labels * sizeof *boxes);
    uint8_t *hard = calloc(n_discs, 1);
    if (!placed || !boxes || !hard || grid_init(&gr, &area, 3 * hmax, discs, n_discs, edges, n_edges)) {
        COA_FREE(placed, boxes, hard);
        return COA_ENOMEM;
    }
    for (uint32_t i = 0; i < n_labels; i++)
        hard[labels[i].node] = 1;
    gr.hard = hard;
    gr.cover = cover;
    /* a point of air between a label and what it must not touch */
    double pad = hmax > 0 ? hmax / 12 : 1;
    placed_t pl = {labels, placed, 0, boxes};
    for (uint32_t i = 0; i < n_labels; i++) {
        coa_label_t *l = &labels[i];
        /* the important ones shrink rather than vanish, or go far */
        int found = best_position(l, 1, l->must ? RINGS_NEAR : RINGS_OPTIONAL, &gr, &area, discs, edges,
                                  &pl, pad);
        if (!found && l->must)
            found = best_position(l, 0.8, RINGS_NEAR, &gr, &area, discs, edges, &pl, pad);
        if (!found && l->must && moved && place_moving(l, &gr, &area, discs, edges, &pl, pad, n_moved, moved)) {
            found = 1;
            /* the grid again, with the nodes where they now are */
            grid_destroy(&gr);
            if (grid_init(&gr, &area, 3 * hmax, discs, n_discs, edges, n_edges)) {
                COA_FREE(placed, boxes, hard);
                return COA_ENOMEM;
            }
            gr.hard = hard;
            gr.cover = cover;
        }
        if (!found && l->must)
            found = best_position(l, 1, RINGS_FAR, &gr, &area, discs, edges, &pl, pad);
        if (!found && l->must)
            found = best_position(l, 0.64, N_RINGS, &gr, &area, discs, edges, &pl, pad);
        if (!found && l->must) {
            /* nowhere free: right of the node regardless, and say so */
            beside_position(&discs[l->node], l->w * 0.64, l->h * 0.64, 0, &l->x, &l->y);
            l->placed = 1;
            l->shrink = 0.64;
            (*forced)++;
            found = 1;
        }
        if (found) {
            boxes[i] = box_at(l->x, l->y, l->w * l->shrink, l->h * l->shrink);
            placed[pl.n_placed++] = i;
        }
    }
    grid_destroy(&gr);
    COA_FREE(placed, boxes, hard);
    return COA_OK;
}
