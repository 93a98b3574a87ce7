/* Layout and rendering through Graphviz gvc.
 *
 * Two passes.  The chosen engine places the nodes; then the picture's
 * scale is known (the drawing shrinks to fit 'size'), so the labels and
 * legend get fonts that stay readable after the shrinking, the positions
 * are pinned, and the "nop" engine (neato -n) places the external labels
 * and routes the edges without moving a node.  The order of gvc calls is
 * gvLayout, gvRender, gvFreeLayout, agclose, gvFreeContext. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <graphviz/gvc.h>

#include "core/core.h"
#include "write/dot.h"
#include "write/graph_view.h"
#include "write/labels.h"

static const char *const engine_names[] = {"auto", "neato", "fdp", "sfdp", "circo", "twopi"};

void coa_draw_options_init(coa_draw_options_t *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->labels = -1;
    opts->focus = COA_NONE;
    opts->engine = COA_ENGINE_AUTO;
    opts->dpi = 96;
    opts->seed = 1;
}

COA_ENUM_FUNCTIONS(coa_engine_t, coa_engine_name, coa_engine_parse, engine_names)

coa_engine_t coa_engine_auto(uint32_t nodes)
{
    return nodes <= COA_DRAW_NEATO_LIMIT ? COA_ENGINE_NEATO : COA_ENGINE_SFDP;
}

int coa_draw_format_known(const char *format)
{
    return format && (!strcmp(format, "png") || !strcmp(format, "svg") || !strcmp(format, "pdf") ||
                      !strcmp(format, "dot"));
}

/* Graphviz prints its warnings to stderr; the library never prints, so
 * they are counted here and dropped. */
static unsigned graphviz_messages;
static int quiet_graphviz(char *message)
{
    (void)message;
    graphviz_messages++;
    return 0;
}

typedef struct {
    double x0, y0, x1, y1;
} box_t;

static int boxes_overlap(const box_t *a, const box_t *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static box_t box_of(Agnode_t *n, double inset)
{
    pointf c = ND_coord(n);
    double hw = ND_width(n) * 36 - inset, hh = ND_height(n) * 36 - inset;
    return (box_t){c.x - hw, c.y - hh, c.x + hw, c.y + hh};
}

/* Counts the placed labels whose box overlaps another label or a node (in
 * a large map, a labelled node: there a label may cover the others, which
 * are counted in *covered), as Graphviz laid them out: the promise of the
 * picture, checked rather than assumed.  A box is shrunk by a point so
 * that labels placed edge to edge do not count. */
static uint32_t count_label_overlaps(const coa_styled_t *s, igraph_integer_t nv, uint32_t *covered)
{
    uint32_t overlaps = 0;
    int large = s->n_nodes > COA_DRAW_LARGE;
    *covered = 0;
    for (uint32_t i = 0; i < s->n_labels; i++) {
        if (!s->label_node[i])
            continue;
        box_t b = box_of(s->label_node[i], 1);
        int bad = 0;
        for (igraph_integer_t v = 0; v < nv && !bad; v++) {
            if (!s->node[v])
                continue;
            pointf c = ND_coord(s->node[v]);
            double r = ND_width(s->node[v]) * 36;
            double cx = c.x < b.x0 ? b.x0 : c.x > b.x1 ? b.x1 : c.x, cy = c.y < b.y0 ? b.y0 : c.y > b.y1 ? b.y1 : c.y;
            if ((c.x - cx) * (c.x - cx) + (c.y - cy) * (c.y - cy) >= r * r)
                continue;
            if (large && !s->labelled[v])
                (*covered)++;
            else
                bad = 1;
        }
        for (uint32_t j = 0; j < s->n_labels && !bad; j++) {
            if (j == i || !s->label_node[j])
                continue;
            box_t o = box_of(s->label_node[j], 1);
            bad = boxes_overlap(&b, &o);
        }
        overlaps += bad;
    }
    return overlaps;
}

/* Places the label nodes, measured by a layout that has just run: fills
 * the discs, edges and labels for coa_labels_place and frees the layout
 * (a node or edge must not come or go under one); then pins each placed
 * label (and its leader) or removes it. */
static int place_labels(GVC_t *gvc, coa_styled_t *s, const coa_graph_t *g, double font_scale,
                        coa_draw_report_t *rep)
{
    uint32_t nv = (uint32_t)g->n_vertices, nd = 0;
    igraph_integer_t ne = igraph_ecount(&g->graph);
    uint32_t *disc_of = malloc((nv ? nv : 1) * sizeof *disc_of);
    coa_disc_t *discs = malloc((nv ? nv : 1) * sizeof *discs);
    coa_segment_t *edges = malloc((size_t)(ne ? ne : 1) * sizeof *edges);
    coa_label_t *labels = calloc(s->n_labels ? s->n_labels : 1, sizeof *labels);
    uint8_t *moved = NULL;
    int err = COA_OK;
    if (!disc_of || !discs || !edges || !labels) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    for (uint32_t v = 0; v < nv; v++) {
        if (!s->node[v])
            continue;
        pointf c = ND_coord(s->node[v]);
        disc_of[v] = nd;
        discs[nd++] = (coa_disc_t){c.x, c.y, ND_width(s->node[v]) * 36};
    }
    uint64_t n_edges = 0;
    for (igraph_integer_t e = 0; e < ne; e++) {
        uint32_t a = (uint32_t)IGRAPH_FROM(&g->graph, e), b = (uint32_t)IGRAPH_TO(&g->graph, e);
        if (!s->node[a] || !s->node[b])
            continue;
        const coa_disc_t *da = &discs[disc_of[a]], *db = &discs[disc_of[b]];
        edges[n_edges++] = (coa_segment_t){da->x, da->y, db->x, db->y};
    }
    for (uint32_t i = 0; i < s->n_labels; i++) {
        labels[i].node = disc_of[s->label_vertex[i]];
        labels[i].w = ND_width(s->label_node[i]) * 72;
        labels[i].h = ND_height(s->label_node[i]) * 72;
        labels[i].must = s->label_must[i];
    }
    uint32_t forced = 0, n_moved = 0;
    moved = calloc(nd ? nd : 1, 1);
    if (!moved) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    if ((err = coa_labels_place(labels, s->n_labels, discs, nd, edges, n_edges, nd > COA_DRAW_LARGE, moved, &n_moved,
                                &forced)))
        goto cleanup;
    rep->forced = forced;
    rep->nodes_moved = n_moved;
    /* neato -n may have moved the drawing as a whole (its bounding box to
     * the origin): the labels are pinned in the frame of the nodes' pos */
    Agsym_t *pos = agattr(s->g, AGNODE, COA_GV("pos"), NULL);
    double dx = 0, dy = 0, px, py;
    for (uint32_t v = 0; v < nv; v++)
        if (s->node[v]) {
            if (sscanf(agxget(s->node[v], pos), "%lf,%lf", &px, &py) == 2)
                dx = px - ND_coord(s->node[v]).x, dy = py - ND_coord(s->node[v]).y;
            break;
        }
    gvFreeLayout(gvc, s->g);
    Agsym_t *fontsize = agattr(s->g, AGNODE, COA_GV("fontsize"), NULL);
    char buf[64];
    /* the nodes moved out of an important label's way */
    for (uint32_t v = 0; v < nv && n_moved; v++)
        if (s->node[v] && moved[disc_of[v]]) {
            snprintf(buf, sizeof buf, "%.2f,%.2f", discs[disc_of[v]].x + dx, discs[disc_of[v]].y + dy);
            agxset(s->node[v], pos, buf);
        }
    for (uint32_t i = 0; i < s->n_labels; i++) {
        coa_label_t *l = &labels[i];
        rep->labels++;
        rep->must_labels += l->must;
        if (!l->placed) {
            agdelnode(s->g, s->label_node[i]);
            s->label_node[i] = NULL;
            s->labelled[s->label_vertex[i]] = 0;
            continue;
        }
        rep->labels_placed++;
        rep->must_placed += l->must;
        snprintf(buf, sizeof buf, "%.2f,%.2f", l->x + dx, l->y + dy);
        agxset(s->label_node[i], pos, buf);
        if (l->shrink < 1) {
            rep->shrunk++;
            snprintf(buf, sizeof buf, "%.1f", 11 * font_scale * l->shrink);
            agxset(s->label_node[i], fontsize, buf);
        }
        if (l->leader) {
            rep->leaders++;
            if ((err = coa_styled_leader(s, i)))
                break;
        } else {
            double d = coa_label_distance(l, &discs[l->node]);
            if (d > rep->max_distance)
                rep->max_distance = d;
        }
    }
    COA_FREE(disc_of, discs, edges, labels, moved);
    return err;
cleanup:
    gvFreeLayout(gvc, s->g);
    COA_FREE(moved, disc_of, discs, edges, labels);
    return err;
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The longer side of the picture, in inches, by the number of nodes. */
static double default_inches(uint32_t n)
{
    return n <= 60 ? 9 : n <= COA_DRAW_NEATO_LIMIT ? 12 : 20;
}

/* cairo (1.16) stamps a PDF with the time of rendering, in /CreationDate
 * (and /ModDate when set): the same picture differed every second.  Each
 * date is overwritten in place, with the same number of bytes so that the
 * cross-reference offsets stay right, by SOURCE_DATE_EPOCH (the convention
 * of reproducible builds) when it is set, else by the epoch itself. */
static void fix_pdf_dates(char *data, size_t len)
{
    static const char *const keys[] = {"/CreationDate (", "/ModDate ("};
    time_t when = 0;
    const char *env = getenv("SOURCE_DATE_EPOCH");
    if (env && *env) {
        char *end;
        long long v = strtoll(env, &end, 10);
        if (!*end && v >= 0 && v < 253402300800LL) /* before the year 10000 */
            when = (time_t)v;
    }
    struct tm tm;
    gmtime_r(&when, &tm);
    char date[96];
    snprintf(date, sizeof date, "D:%04d%02d%02d%02d%02d%02d+00'00'", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
             tm.tm_hour, tm.tm_min, tm.tm_sec);
    size_t dlen = strlen(date);
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        size_t klen = strlen(keys[k]);
        for (char *p = data; (p = memmem(p, len - (size_t)(p - data), keys[k], klen)) != NULL;) {
            p += klen;
            char *close = memchr(p, ')', len - (size_t)(p - data));
            if (!close)
                break;
            size_t have = (size_t)(close - p);
            /* the whole value when it has cairo's length, else its date
             * digits ("D:" and 14), leaving any zone as it was */
            if (have == dlen)
                memcpy(p, date, dlen);
            else if (have >= 16 && p[0] == 'D' && p[1] == ':')
                memcpy(p, date, 16);
            p = close;
        }
    }
}

static int draw_picture(FILE *out, const char *format, const coa_graph_t *g, const coa_draw_options_t *opts,
                        coa_draw_report_t *report);

int coa_draw(FILE *out, const char *format, const coa_graph_t *g, const coa_draw_options_t *opts,
             coa_draw_report_t *report)
{
    coa_draw_options_t defaults;
    if (!opts) {
        coa_draw_options_init(&defaults);
        opts = &defaults;
    }
    coa_draw_report_t rep;
    memset(&rep, 0, sizeof rep);
    if (!coa_draw_format_known(format))
        return COA_EINVAL;
    coa_years_t years;
    memset(&years, 0, sizeof years);
    coa_draw_options_t by_year;
    if (opts->colour_by_year) {
        int err = coa_view_years(g, &years);
        if (err)
            return err;
        by_year = *opts;
        by_year.ramp = years.vertex_mean;
        by_year.ramp_label = "mean year of the author's papers";
        /* whole years at the ends, as the legend prints them */
        int any = 0;
        for (igraph_integer_t v = 0; v < g->n_vertices; v++) {
            double y = years.vertex_mean[v];
            if (y != y || (opts->keep && !opts->keep[v]))
                continue;
            by_year.ramp_min = any ? fmin(by_year.ramp_min, floor(y)) : floor(y);
            by_year.ramp_max = any ? fmax(by_year.ramp_max, ceil(y)) : ceil(y);
            any = 1;
        }
        opts = &by_year;
    }
    int err = draw_picture(out, format, g, opts, &rep);
    coa_view_years_destroy(&years);
    if (report)
        *report = rep;
    return err;
}

/* Pins every node where the engine put it, spread out; spread out, the
 * nodes may grow a little and still not touch. */
static void pin_nodes(coa_styled_t *s, igraph_integer_t n_vertices, double spread, double grow)
{
    char buf[64];
    Agsym_t *pos = agattr(s->g, AGNODE, COA_GV("pos"), COA_GV(""));
    Agsym_t *width = agattr(s->g, AGNODE, COA_GV("width"), NULL);
    for (igraph_integer_t v = 0; v < n_vertices; v++) {
        if (!s->node[v])
            continue;
        if (width && grow > 1) {
            snprintf(buf, sizeof buf, "%.3f", atof(agxget(s->node[v], width)) * grow);
            agxset(s->node[v], width, buf);
        }
        pointf p = ND_coord(s->node[v]);
        snprintf(buf, sizeof buf, "%.2f,%.2f", p.x * spread, p.y * spread);
        agxset(s->node[v], pos, buf);
    }
}

/* Renders the laid-out graph to memory and writes it here: Graphviz
 * writing to 'out' itself calls exit(1) on a short write (a full disk),
 * with no message and the temporary file left behind.  COA_OK,
 * COA_EGRAPH, or COA_EIO when the stream fails. */
static int render_data(GVC_t *gvc, Agraph_t *G, const char *format, FILE *out)
{
    char *data = NULL;
    unsigned int data_len = 0;
    int err = COA_OK;
    if (gvRenderData(gvc, G, COA_GV(format), &data, &data_len) != 0 || !data) {
        gvFreeRenderData(data);
        return COA_EGRAPH;
    }
    if (strcmp(format, "pdf") == 0)
        fix_pdf_dates(data, data_len);
    errno = 0;
    if (fwrite(data, 1, data_len, out) != data_len || fflush(out) != 0 || ferror(out))
        err = COA_EIO;
    gvFreeRenderData(data);
    return err;
}

static int draw_picture(FILE *out, const char *format, const coa_graph_t *g, const coa_draw_options_t *opts,
                        coa_draw_report_t *report)
{
    coa_draw_report_t rep = *report;
    coa_styled_t s;
    uint32_t n = 0;
    for (igraph_integer_t v = 0; v < g->n_vertices; v++)
        n += !opts->keep || opts->keep[v];
    if (n == 0)
        return COA_EINVAL;
    rep.engine = opts->engine == COA_ENGINE_AUTO ? coa_engine_auto(n) : opts->engine;
    int err = coa_styled_build(&s, g, opts, rep.engine);
    if (err)
        return err;
    rep.nodes = s.n_nodes;
    rep.edges = s.n_edges;

    agusererrf previous_errf = agseterrf(quiet_graphviz);
    agerrlevel_t previous_level = agseterr(AGMAX);
    GVC_t *gvc = gvContext();
    int laid_out = 0;
    char buf[64];
    if (!gvc) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    double t0 = seconds();
    /* the first layout only places the nodes: the edges are drawn after
     * the second (below), so routing them now would be wasted */
    agset(s.g, COA_GV("splines"), COA_GV("none"));
    if (gvLayout(gvc, s.g, COA_GV(coa_engine_name(rep.engine))) != 0) {
        err = COA_EGRAPH;
        goto cleanup;
    }
    laid_out = 1;
    /* the scale the drawing will be shrunk by, legend aside */
    boxf bb = GD_bb(s.g);
    double w = bb.UR.x - bb.LL.x, h = bb.UR.y - bb.LL.y, longer = w > h ? w : h;
    double inches = opts->max_inches > 0 ? opts->max_inches : default_inches(n);
    double scale = longer > 0 ? inches * 72 / longer : 1;
    double font_scale = scale < 1 ? 1 / scale : 1;
    if (font_scale > 12)
        font_scale = 12; /* beyond this the labels would crowd out the drawing */
    /* a small layout is spread out to fill the picture, leaving room
     * between the nodes for labels; the nodes keep their size */
    double spread = scale > 1 ? (scale < 4 ? scale : 4) : 1;
    double grow = spread < 1.5 ? spread : 1.5;
    pin_nodes(&s, g->n_vertices, spread, grow);
    gvFreeLayout(gvc, s.g);
    laid_out = 0;
    if ((err = coa_styled_labels(&s, g, opts, font_scale)))
        goto cleanup;
    snprintf(buf, sizeof buf, "%g,%g", inches, inches);
    agattr(s.g, AGRAPH, COA_GV("size"), buf);
    /* the nodes are apart already; overlap removal would shrink it back */
    agattr(s.g, AGRAPH, COA_GV("overlap"), COA_GV("true"));
    /* a layout that moves nothing, so that Graphviz measures each label's
     * text with the fonts it will render with; then the labels are placed
     * and everything is laid out again, the edges with it */
    if (s.n_labels) {
        if (gvLayout(gvc, s.g, COA_GV("nop")) != 0) {
            err = COA_EGRAPH;
            goto cleanup;
        }
        laid_out = 1;
        err = place_labels(gvc, &s, g, font_scale, &rep);
        laid_out = 0;
        if (err)
            goto cleanup;
    }
    agset(s.g, COA_GV("splines"), COA_GV("false"));
    if (gvLayout(gvc, s.g, COA_GV("nop")) != 0) {
        err = COA_EGRAPH;
        goto cleanup;
    }
    laid_out = 1;
    rep.layout_seconds = seconds() - t0;
    rep.label_overlaps = count_label_overlaps(&s, g->n_vertices, &rep.nodes_covered);
    bb = GD_bb(s.g);
    w = bb.UR.x - bb.LL.x;
    h = bb.UR.y - bb.LL.y;
    longer = w > h ? w : h;
    scale = longer > inches * 72 ? inches * 72 / longer : 1;
    rep.width_in = w * scale / 72;
    rep.height_in = h * scale / 72;
    t0 = seconds();
    if ((err = render_data(gvc, s.g, format, out)) == COA_EGRAPH)
        goto cleanup;
    rep.render_seconds = seconds() - t0;
cleanup:
    if (laid_out)
        gvFreeLayout(gvc, s.g);
    coa_styled_destroy(&s);
    if (gvc)
        gvFreeContext(gvc);
    agseterrf(previous_errf);
    agseterr(previous_level);
    if (report)
        *report = rep;
    return err;
}
