/* DOT through Graphviz cgraph: the export (data attributes, renders as it
 * is) and the styled picture that coauthor draw lays out.
 *
 * cgraph, not igraph_write_graph_dot: igraph does not use the name
 * attribute as the node id, and cgraph quotes and escapes every string. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coauthor/export.h"
#include "core/core.h"
#include "write/dot.h"
#include "write/graph_view.h"

/* ---- export ---- */

/* A node id not yet used in g: the wanted one, else "wanted (2)", ... */
static Agnode_t *unique_node(Agraph_t *g, const char *want)
{
    if (!agnode(g, COA_GV(want), 0))
        return agnode(g, COA_GV(want), 1);
    size_t len = strlen(want) + 24;
    char *buf = malloc(len);
    if (!buf)
        return NULL;
    Agnode_t *n = NULL;
    for (unsigned k = 2; !n; k++) {
        snprintf(buf, len, "%s (%u)", want, k);
        if (!agnode(g, buf, 0))
            n = agnode(g, buf, 1);
    }
    free(buf);
    return n;
}

/* The text of a cell as DOT carries it (every DOT value is a string). */
static char *cell_text(const coa_view_t *v, const coa_col_t *col, const coa_value_t *val, uint64_t edge)
{
    char buf[256];
    if (col->type == COA_COL_STRING)
        return strdup(val->s ? val->s : "");
    if (col->type == COA_COL_LIST) {
        size_t cap = 0;
        char *joined = NULL;
        FILE *mem = open_memstream(&joined, &cap);
        if (!mem)
            return NULL;
        for (uint32_t k = 0; k < val->n_items; k++) {
            coa_view_list_item(v, edge, k, buf, sizeof buf);
            fprintf(mem, "%s%s", k ? "; " : "", buf);
        }
        fclose(mem);
        return joined;
    }
    coa_view_format_number(col, val, buf, sizeof buf);
    return strdup(buf);
}

/* The view's columns of a node (edge = 0) or an edge as attributes of
 * its Graphviz object; an absent value leaves the attribute's default. */
static int set_cells(const coa_view_t *v, void *obj, Agsym_t **sym, int edge, uint64_t id)
{
    const coa_col_t *cols = edge ? v->edge_cols : v->node_cols;
    int n_cols = edge ? v->n_edge_cols : v->n_node_cols;
    coa_value_t val;
    for (int c = 0; c < n_cols; c++) {
        if (edge)
            coa_view_edge_value(v, id, c, &val);
        else
            coa_view_node_value(v, (uint32_t)id, c, &val);
        if (!val.present)
            continue;
        char *text = cell_text(v, &cols[c], &val, edge ? id : 0);
        if (!text)
            return COA_ENOMEM;
        agxset(obj, sym[c], text);
        free(text);
    }
    return COA_OK;
}

int coa_export_dot(FILE *out, const coa_graph_t *g, const coa_export_options_t *opts)
{
    coa_view_t v;
    int err = coa_view_init(&v, g, opts);
    if (err)
        return err;
    Agnode_t **nodes = calloc(v.n_nodes ? v.n_nodes : 1, sizeof *nodes);
    Agsym_t *nsym[COA_VIEW_MAX_COLS], *esym[COA_VIEW_MAX_COLS];
    Agraph_t *dg = agopen(COA_GV(v.bipartite ? "authors_papers" : "coauthors"), Agundirected, NULL);
    if (!nodes || !dg) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    for (int c = 0; c < v.n_node_cols; c++)
        nsym[c] = agattr(dg, AGNODE, COA_GV(v.node_cols[c].name), COA_GV(""));
    for (int c = 0; c < v.n_edge_cols; c++)
        esym[c] = agattr(dg, AGEDGE, COA_GV(v.edge_cols[c].name), COA_GV(""));
    Agsym_t *weight = v.bipartite ? NULL : agattr(dg, AGEDGE, COA_GV("weight"), COA_GV("1"));
    Agsym_t *shape = v.bipartite ? agattr(dg, AGNODE, COA_GV("shape"), COA_GV("ellipse")) : NULL;
    Agsym_t *label = v.bipartite ? agattr(dg, AGNODE, COA_GV("label"), COA_GV("\\N")) : NULL;
    char buf[256];
    for (uint32_t n = 0; n < v.n_nodes; n++) {
        int paper = coa_view_is_paper(&v, n);
        if (paper) {
            coa_paper_identifier(g->corpus, (uint32_t)VECTOR(v.paper_ids)[n - (uint32_t)g->n_vertices], buf, sizeof buf);
            nodes[n] = unique_node(dg, buf);
        } else {
            nodes[n] = unique_node(dg, coa_graph_vertex_name(g, n));
        }
        if (!nodes[n]) {
            err = COA_ENOMEM;
            goto cleanup;
        }
        if ((err = set_cells(&v, nodes[n], nsym, 0, n)))
            goto cleanup;
        if (paper) {
            /* a paper box shows the start of its title */
            const char *title = coa_corpus_str(g->corpus, g->corpus->papers[VECTOR(v.paper_ids)[n - (uint32_t)g->n_vertices]].title);
            size_t len = strlen(title), cut = len > 40 ? 40 : len;
            while (cut < len && cut > 0 && ((unsigned char)title[cut] & 0xC0) == 0x80)
                cut--; /* never cut inside a UTF-8 sequence */
            snprintf(buf, sizeof buf, "%.*s%s", (int)cut, title, cut < len ? "..." : "");
            agxset(nodes[n], shape, COA_GV("box"));
            agxset(nodes[n], label, buf[0] ? buf : agnameof(nodes[n]));
        }
    }
    for (uint64_t e = 0; e < v.n_edges; e++) {
        uint32_t a, b;
        coa_view_edge_ends(&v, e, &a, &b);
        Agedge_t *edge = agedge(dg, nodes[a], nodes[b], NULL, 1);
        if (!edge) {
            err = COA_ENOMEM;
            goto cleanup;
        }
        if ((err = set_cells(&v, edge, esym, 1, e)))
            goto cleanup;
        if (weight) {
            /* dot wants an integer weight */
            snprintf(buf, sizeof buf, "%lld", (long long)VECTOR(g->joint_papers)[(igraph_integer_t)e]);
            agxset(edge, weight, buf);
        }
    }
    if (agwrite(dg, out) == EOF || ferror(out))
        err = COA_EIO;
cleanup:
    if (dg)
        agclose(dg);
    free(nodes);
    coa_view_destroy(&v);
    return err;
}

/* ---- the styled picture ---- */

/* Qualitative colours (Tableau 10 and its light tints) without red, which
 * is kept for a highlighted chain. */
static const char *const palette[] = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948",
                                      "#9c755f", "#ff9da7", "#a0cbe8", "#ffbe7d", "#8cd17d", "#d4a6c8"};
#define N_PALETTE (sizeof palette / sizeof palette[0])
#define OTHER_COLOUR "#d0d0d0"
#define CHAIN_COLOUR "#d00000"

/* Viridis (van der Walt and Smith, matplotlib's default): a ramp that is
 * perceptually uniform, reads in grey and to the colour-blind; nine
 * stops, interpolated between. */
static const unsigned char viridis[][3] = {{0x44, 0x01, 0x54}, {0x47, 0x2c, 0x7a}, {0x3b, 0x51, 0x8b},
                                           {0x2c, 0x71, 0x8e}, {0x21, 0x90, 0x8d}, {0x27, 0xad, 0x81},
                                           {0x5c, 0xc8, 0x63}, {0xaa, 0xdc, 0x32}, {0xfd, 0xe7, 0x25}};
#define N_VIRIDIS (sizeof viridis / sizeof viridis[0])

static void ramp_colour(double t, char buf[8])
{
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    double at = t * (N_VIRIDIS - 1);
    size_t k = (size_t)at;
    if (k >= N_VIRIDIS - 1)
        k = N_VIRIDIS - 2;
    double f = at - (double)k;
    int rgb[3];
    for (int c = 0; c < 3; c++)
        rgb[c] = (int)lround(viridis[k][c] + f * (viridis[k + 1][c] - viridis[k][c]));
    snprintf(buf, 8, "#%02x%02x%02x", rgb[0] & 0xff, rgb[1] & 0xff, rgb[2] & 0xff);
}

/* A node's fill: its place on the ramp, else its group's colour. */
static const char *node_colour_buf(const coa_draw_options_t *o, uint32_t v, char buf[8])
{
    if (o->ramp) {
        double x = o->ramp[v];
        if (x != x)
            return OTHER_COLOUR;
        ramp_colour(o->ramp_max > o->ramp_min ? (x - o->ramp_min) / (o->ramp_max - o->ramp_min) : 0.5, buf);
        return buf;
    }
    if (!o->group)
        return palette[0];
    int32_t k = o->group[v];
    return k >= 0 && (size_t)k < N_PALETTE ? palette[k] : OTHER_COLOUR;
}
#define node_colour(o, v) node_colour_buf((o), (v), (char[8]){0})

static double size_of(const coa_graph_t *g, const coa_draw_options_t *o, uint32_t v)
{
    double s = o->size ? o->size[v] : (double)g->vertex_papers[v];
    return s == s && s > 0 ? s : 0;
}

/* Vertices by size, largest first, then by name: the order labels go in. */
typedef struct {
    const coa_graph_t *g;
    const coa_draw_options_t *o;
} order_ctx_t;
static order_ctx_t order_ctx;

static int by_size(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    double sa = size_of(order_ctx.g, order_ctx.o, a), sb = size_of(order_ctx.g, order_ctx.o, b);
    if (sa != sb)
        return sa > sb ? -1 : 1;
    int c = strcmp(coa_graph_vertex_name(order_ctx.g, a), coa_graph_vertex_name(order_ctx.g, b));
    return c ? c : (a > b) - (a < b);
}

static int on_path(const coa_draw_options_t *o, uint32_t v)
{
    for (uint32_t i = 0; i < o->path_len; i++)
        if (o->path[i] == v)
            return 1;
    return 0;
}

static int path_edge(const coa_draw_options_t *o, uint32_t a, uint32_t b)
{
    for (uint32_t i = 0; i + 1 < o->path_len; i++)
        if ((o->path[i] == a && o->path[i + 1] == b) || (o->path[i] == b && o->path[i + 1] == a))
            return 1;
    return 0;
}

/* An edge's tooltip: the pair, the count, and the newest joint papers. */
static char *edge_tooltip(const coa_graph_t *g, igraph_integer_t e, uint32_t a, uint32_t b)
{
    const coa_corpus_t *c = g->corpus;
    size_t cap = 0;
    char *text = NULL;
    FILE *mem = open_memstream(&text, &cap);
    if (!mem)
        return NULL;
    long long joint = (long long)VECTOR(g->joint_papers)[e];
    /* the author with more papers first, then by name */
    if (g->vertex_papers[b] > g->vertex_papers[a] ||
        (g->vertex_papers[b] == g->vertex_papers[a] &&
         strcmp(coa_graph_vertex_name(g, b), coa_graph_vertex_name(g, a)) < 0)) {
        uint32_t t = a;
        a = b;
        b = t;
    }
    fprintf(mem, "%s and %s: %lld joint paper%s", coa_graph_vertex_name(g, a), coa_graph_vertex_name(g, b), joint,
            joint == 1 ? "" : "s");
    igraph_integer_t from = g->edge_paper_start[e], to = g->edge_paper_start[e + 1];
    const igraph_integer_t shown = 12;
    /* edge papers ascend by corpus id, which follows the source order */
    for (igraph_integer_t k = from; k < to && k < from + shown; k++) {
        const coa_paper_t *p = &c->papers[g->edge_papers[k]];
        fputc('\n', mem);
        fputs(p->title ? coa_corpus_str(c, p->title) : "(untitled)", mem);
        if (p->year && !(p->flags & COA_PAPER_YEAR_ASSUMED))
            fprintf(mem, " (%d)", p->year);
    }
    if (to - from > shown)
        fprintf(mem, "\n... and %lld more", (long long)(to - from - shown));
    fclose(mem);
    return text;
}

/* Drops the labels asked for (coa_styled_labels asks again). */
static void labels_clear(coa_styled_t *s)
{
    COA_FREE(s->label_vertex, s->label_must, s->label_node);
    s->label_vertex = NULL;
    s->label_must = NULL;
    s->label_node = NULL;
    s->n_labels = 0;
}

void coa_styled_destroy(coa_styled_t *s)
{
    if (s->g)
        agclose(s->g);
    free(s->node);
    free(s->labelled);
    labels_clear(s);
    memset(s, 0, sizeof *s);
}

/* The graph's attributes: layout (overlap removal, seed), output. */
static void styled_graph_attributes(Agraph_t *G, const coa_draw_options_t *o, coa_engine_t engine, uint32_t n)
{
    char buf[64];
    agattr(G, AGRAPH, COA_GV("outputorder"), COA_GV("edgesfirst"));
    agattr(G, AGRAPH, COA_GV("bgcolor"), COA_GV("white"));
    agattr(G, AGRAPH, COA_GV("pad"), COA_GV("0.2"));
    agattr(G, AGRAPH, COA_GV("fontname"), COA_GV("Helvetica"));
    if (engine == COA_ENGINE_CIRCO || engine == COA_ENGINE_TWOPI) {
        agattr(G, AGRAPH, COA_GV("overlap"), COA_GV("false"));
    } else {
        /* prism keeps the layout's shape while pushing nodes apart; sep
         * leaves room around every node for the external labels.  Above
         * COA_DRAW_LARGE nodes prism is capped at 20 rounds: on the
         * largest component of CA-GrQc (4,158 nodes) the default 1000
         * rounds took 4.5-6 s of CPU, 20 rounds 1.4-2 s, and both left no
         * two node discs overlapping (measured with sfdp 2.43 on 2 cores) */
        agattr(G, AGRAPH, COA_GV("overlap"), COA_GV(n > COA_DRAW_LARGE ? "prism20" : "prism"));
        agattr(G, AGRAPH, COA_GV("sep"), COA_GV(n > COA_DRAW_LARGE ? "+2" : "+6"));
    }
    if (engine == COA_ENGINE_NEATO || engine == COA_ENGINE_FDP) {
        snprintf(buf, sizeof buf, "%lu", o->seed);
        agattr(G, AGRAPH, COA_GV("start"), buf);
    }
    if (engine == COA_ENGINE_NEATO)
        agattr(G, AGRAPH, COA_GV("mode"), COA_GV("major"));
    agattr(G, AGRAPH, COA_GV("splines"), COA_GV("false"));
    agattr(G, AGRAPH, COA_GV("forcelabels"), COA_GV("false"));
    snprintf(buf, sizeof buf, "%g", o->dpi > 0 ? o->dpi : 96);
    agattr(G, AGRAPH, COA_GV("dpi"), buf);
}

/* The node and edge attributes set one by one, with their defaults. */
typedef struct {
    Agsym_t *width, *fill, *color, *npen, *ntip, *epen, *ecolor, *etip;
} styled_syms_t;

/* Unless drawn (only laid out), no edge attribute: Graphviz lays out
 * edges alike without their width, colour and tooltip, which only draw
 * them, and makes and frees each edge without copying their values. */
static styled_syms_t styled_attributes(Agraph_t *G, uint32_t n, int drawn)
{
    styled_syms_t y;
    agattr(G, AGNODE, COA_GV("shape"), COA_GV("circle"));
    agattr(G, AGNODE, COA_GV("fixedsize"), COA_GV("true"));
    agattr(G, AGNODE, COA_GV("label"), COA_GV(""));
    agattr(G, AGNODE, COA_GV("style"), COA_GV("filled"));
    agattr(G, AGNODE, COA_GV("fontname"), COA_GV("Helvetica"));
    y.width = agattr(G, AGNODE, COA_GV("width"), COA_GV("0.1"));
    y.fill = agattr(G, AGNODE, COA_GV("fillcolor"), COA_GV(palette[0]));
    y.color = agattr(G, AGNODE, COA_GV("color"), COA_GV("#404040"));
    y.npen = agattr(G, AGNODE, COA_GV("penwidth"), COA_GV(n > COA_DRAW_LARGE ? "0.3" : "0.6"));
    y.ntip = agattr(G, AGNODE, COA_GV("tooltip"), COA_GV(""));
    agattr(G, AGNODE, COA_GV("xlabel"), COA_GV(""));
    agattr(G, AGNODE, COA_GV("fontsize"), COA_GV("11"));
    if (!drawn) {
        y.epen = y.ecolor = y.etip = NULL;
        return y;
    }
    y.epen = agattr(G, AGEDGE, COA_GV("penwidth"), COA_GV("1"));
    y.ecolor = agattr(G, AGEDGE, COA_GV("color"), COA_GV(n > COA_DRAW_LARGE ? "#80808050" : "#80808090"));
    y.etip = agattr(G, AGEDGE, COA_GV("tooltip"), COA_GV(""));
    return y;
}

/* A node per kept author: area following its size, colour, tooltip. */
static int styled_nodes(coa_styled_t *s, const coa_graph_t *g, const coa_draw_options_t *o, const styled_syms_t *y,
                        uint32_t n, double smax, int drawn)
{
    uint32_t nv = (uint32_t)g->n_vertices;
    char buf[512];
    /* node area follows the size value: width ~ sqrt(size); the largest
     * node is about half an inch, the smallest still visible */
    double big = n > COA_DRAW_NEATO_LIMIT ? 0.5 : 0.6, small = n > COA_DRAW_LARGE ? 0.05 : 0.1;
    for (uint32_t v = 0; v < nv; v++) {
        if (o->keep && !o->keep[v])
            continue;
        Agnode_t *node = unique_node(s->g, coa_graph_vertex_name(g, v));
        if (!node) {
            return COA_ENOMEM;
        }
        s->node[v] = node;
        s->n_nodes++;
        double w = smax > 0 ? big * sqrt(size_of(g, o, v) / smax) : small;
        snprintf(buf, sizeof buf, "%.3f", w < small ? small : w);
        agxset(node, y->width, buf);
        agxset(node, y->fill, COA_GV(node_colour(o, v)));
        if (on_path(o, v)) {
            agxset(node, y->color, COA_GV(CHAIN_COLOUR));
            agxset(node, y->npen, COA_GV("3"));
        } else if (v == o->focus) {
            agxset(node, y->color, COA_GV("#000000"));
            agxset(node, y->npen, COA_GV("2.5"));
        }
        if (!drawn)
            continue;
        uint32_t papers = g->vertex_papers[v];
        int len = snprintf(buf, sizeof buf, "%s: %u paper%s", coa_graph_vertex_name(g, v), papers,
                           papers == 1 ? "" : "s");
        if (o->size && o->size_label && strcmp(o->size_label, "papers") != 0 && len > 0 && (size_t)len < sizeof buf)
            snprintf(buf + len, sizeof buf - (size_t)len, ", %s %.4g", o->size_label, o->size[v]);
        agxset(node, y->ntip, buf);
    }
    return COA_OK;
}

/* An edge per pair of kept coauthors: width following joint papers. */
static int styled_edges(coa_styled_t *s, const coa_graph_t *g, const coa_draw_options_t *o, const styled_syms_t *y,
                        double wmax, int drawn)
{
    igraph_integer_t ne = igraph_ecount(&g->graph);
    char buf[64];
    for (igraph_integer_t e = 0; e < ne; e++) {
        uint32_t a = (uint32_t)IGRAPH_FROM(&g->graph, e), b = (uint32_t)IGRAPH_TO(&g->graph, e);
        if (!s->node[a] || !s->node[b])
            continue;
        Agedge_t *edge = agedge(s->g, s->node[a], s->node[b], NULL, 1);
        if (!edge) {
            return COA_ENOMEM;
        }
        s->n_edges++;
        if (!drawn)
            continue;
        double w = VECTOR(g->joint_papers)[e];
        /* width grows linearly with joint papers, from a hairline at 1 */
        double pen = wmax > 1 ? 0.5 + 4.5 * (w - 1) / (wmax - 1) : 1;
        if (path_edge(o, a, b)) {
            pen = pen < 3 ? 3 : pen + 1;
            agxset(edge, y->ecolor, COA_GV(CHAIN_COLOUR));
        }
        snprintf(buf, sizeof buf, "%.2f", pen);
        agxset(edge, y->epen, buf);
        char *tip = edge_tooltip(g, e, a, b);
        if (!tip) {
            return COA_ENOMEM;
        }
        agxset(edge, y->etip, tip);
        free(tip);
    }
    return COA_OK;
}

static int styled_build(coa_styled_t *s, const coa_graph_t *g, const coa_draw_options_t *o, coa_engine_t engine,
                        int drawn)
{
    memset(s, 0, sizeof *s);
    uint32_t nv = (uint32_t)g->n_vertices;
    int err = COA_OK;
    s->node = calloc(nv ? nv : 1, sizeof *s->node);
    s->labelled = calloc(nv ? nv : 1, 1);
    s->g = agopen(COA_GV("coauthors"), Agundirected, NULL);
    if (!s->node || !s->labelled || !s->g) {
        err = COA_ENOMEM;
        goto fail;
    }
    uint32_t n = 0;
    double smax = 0, wmax = 1;
    for (uint32_t v = 0; v < nv; v++)
        if (!o->keep || o->keep[v]) {
            n++;
            if (size_of(g, o, v) > smax)
                smax = size_of(g, o, v);
        }
    igraph_integer_t ne = igraph_ecount(&g->graph);
    for (igraph_integer_t e = 0; e < ne; e++)
        if (VECTOR(g->joint_papers)[e] > wmax)
            wmax = VECTOR(g->joint_papers)[e];
    styled_graph_attributes(s->g, o, engine, n);
    styled_syms_t y = styled_attributes(s->g, n, drawn);
    if ((err = styled_nodes(s, g, o, &y, n, smax, drawn)) || (err = styled_edges(s, g, o, &y, wmax, drawn)))
        goto fail;
    return COA_OK;
fail:
    coa_styled_destroy(s);
    return err;
}

int coa_styled_build(coa_styled_t *s, const coa_graph_t *g, const coa_draw_options_t *o, coa_engine_t engine)
{
    return styled_build(s, g, o, engine, 1);
}

int coa_styled_build_bare(coa_styled_t *s, const coa_graph_t *g, const coa_draw_options_t *o, coa_engine_t engine)
{
    return styled_build(s, g, o, engine, 0);
}

void coa_html_text(FILE *out, const char *s)
{
    coa_xml_escape(out, s, 1);
}

/* The title and legend: a borderless HTML table above the drawing. */
static char *legend(const coa_styled_t *s, const coa_graph_t *g, const coa_draw_options_t *o, double font_scale,
                    const uint32_t *by_size_order, uint32_t n_order)
{
    size_t cap = 0;
    char *text = NULL;
    FILE *mem = open_memstream(&text, &cap);
    if (!mem)
        return NULL;
    double wmax = 1, wmin = 0;
    for (igraph_integer_t e = 0; e < igraph_ecount(&g->graph); e++) {
        if (!s->node[IGRAPH_FROM(&g->graph, e)] || !s->node[IGRAPH_TO(&g->graph, e)])
            continue;
        double w = VECTOR(g->joint_papers)[e];
        if (w > wmax)
            wmax = w;
        if (wmin == 0 || w < wmin)
            wmin = w;
    }
    int big = (int)lround(18 * font_scale), body = (int)lround(11 * font_scale);
    fprintf(mem, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"%d\" CELLPADDING=\"0\">",
            (int)lround(3 * font_scale));
    fprintf(mem, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%d\"><B>", big);
    coa_html_text(mem, o->title && *o->title ? o->title : "Coauthor network");
    fprintf(mem, "</B></FONT></TD></TR>");
    fprintf(mem, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%d\">%u authors, %u coauthor links. Node area: ", body,
            s->n_nodes, s->n_edges);
    coa_html_text(mem, o->size_label ? o->size_label : "papers");
    fprintf(mem, ". Edge width: joint papers");
    if (wmax > 1)
        fprintf(mem, " (%.0f to %.0f)", wmin ? wmin : 1, wmax);
    fputs(".", mem);
    if (o->path_len)
        fprintf(mem, " Red: the shortest chain (%u hop%s).", o->path_len - 1, o->path_len == 2 ? "" : "s");
    fputs("</FONT></TD></TR>", mem);
    if (o->ramp) {
        /* the ramp as nine squares between its two ends */
        fprintf(mem, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%d\">Colour: ", body);
        coa_html_text(mem, o->ramp_label ? o->ramp_label : "value");
        fprintf(mem, " (grey: none)</FONT></TD></TR><TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%d\">%.0f ", body,
                o->ramp_min);
        char c[8];
        for (unsigned k = 0; k < N_VIRIDIS; k++) {
            ramp_colour((double)k / (N_VIRIDIS - 1), c);
            fprintf(mem, "<FONT COLOR=\"%s\">\xe2\x96\xa0</FONT>", c);
        }
        fprintf(mem, " %.0f</FONT></TD></TR>", o->ramp_max);
    } else if (o->group) {
        /* one swatch per coloured group, named after its largest author */
        int32_t shown = 0, max_group = -1;
        for (uint32_t i = 0; i < n_order; i++)
            if (o->group[by_size_order[i]] > max_group)
                max_group = o->group[by_size_order[i]];
        fprintf(mem, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%d\">Colour: ", body);
        coa_html_text(mem, o->group_label ? o->group_label : "group");
        fprintf(mem, ", %d in all%s; each named after its author with the most %s</FONT></TD></TR>", max_group + 1,
                max_group + 1 > (int32_t)N_PALETTE ? " (the smallest in grey)" : "",
                o->size_label ? o->size_label : "papers");
        fprintf(mem, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%d\">", body);
        const int32_t max_swatches = 8;
        for (int32_t k = 0; k <= max_group && k < max_swatches && (size_t)k < N_PALETTE; k++) {
            uint32_t top = COA_NONE, members = 0;
            for (uint32_t i = 0; i < n_order; i++)
                if (o->group[by_size_order[i]] == k) {
                    if (top == COA_NONE)
                        top = by_size_order[i];
                    members++;
                }
            if (top == COA_NONE)
                continue;
            /* a coloured disc, then the group's largest author */
            fprintf(mem, "%s<FONT COLOR=\"%s\">\xe2\x97\x8f</FONT> ", shown ? "   " : "", palette[k]);
            coa_html_text(mem, coa_graph_vertex_name(g, top));
            if (members > 1)
                fprintf(mem, " +%u", members - 1);
            shown++;
        }
        if (max_group + 1 > shown)
            fputs("   ...", mem);
        fputs("</FONT></TD></TR>", mem);
    }
    if (o->source && *o->source) {
        fprintf(mem, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%d\" COLOR=\"#606060\">Data: ", body);
        coa_html_text(mem, o->source);
        fputs("</FONT></TD></TR>", mem);
    }
    fputs("</TABLE>", mem);
    fclose(mem);
    return text;
}

int coa_styled_labels(coa_styled_t *s, const coa_graph_t *g, const coa_draw_options_t *o, double font_scale)
{
    uint32_t nv = (uint32_t)g->n_vertices, n = 0;
    uint32_t *order = malloc((nv ? nv : 1) * sizeof *order);
    if (!order)
        return COA_ENOMEM;
    for (uint32_t v = 0; v < nv; v++)
        if (s->node[v])
            order[n++] = v;
    order_ctx.g = g;
    order_ctx.o = o;
    qsort(order, n, sizeof *order, by_size);

    int want = o->labels;
    if (want < 0)
        want = n <= 40 ? (int)n : n <= COA_DRAW_NEATO_LIMIT ? 40 : 30;
    labels_clear(s);
    memset(s->labelled, 0, nv ? nv : 1);
    s->label_vertex = malloc((n ? n : 1) * sizeof *s->label_vertex);
    s->label_must = malloc(n ? n : 1);
    s->label_node = calloc(n ? n : 1, sizeof *s->label_node);
    if (!s->label_vertex || !s->label_must || !s->label_node) {
        free(order);
        return COA_ENOMEM;
    }
    /* the labels in the order they are placed: first those that must be
     * (the top COA_DRAW_MUST_LABEL by size, the chain, the ego), then the
     * rest of the top 'want', each group by size */
    for (int pass = 0; pass < 2; pass++)
        for (uint32_t i = 0; i < n; i++) {
            uint32_t v = order[i];
            int must = ((int)i < want && i < COA_DRAW_MUST_LABEL) || on_path(o, v) || v == o->focus;
            int asked = (int)i < want || must;
            if (!asked || must != !pass)
                continue;
            s->label_vertex[s->n_labels] = v;
            s->label_must[s->n_labels] = (uint8_t)must;
            s->labelled[v] = 1;
            s->n_labels++;
        }

    char size[32], shade[32], name[64];
    snprintf(size, sizeof size, "%.1f", 11 * font_scale);
    Agraph_t *G = s->g;
    Agsym_t *label = agattr(G, AGNODE, COA_GV("label"), NULL);
    Agsym_t *shape = agattr(G, AGNODE, COA_GV("shape"), NULL);
    Agsym_t *fixed = agattr(G, AGNODE, COA_GV("fixedsize"), NULL);
    Agsym_t *width = agattr(G, AGNODE, COA_GV("width"), NULL);
    Agsym_t *height = agattr(G, AGNODE, COA_GV("height"), COA_GV("0.1"));
    Agsym_t *fill = agattr(G, AGNODE, COA_GV("fillcolor"), NULL);
    Agsym_t *color = agattr(G, AGNODE, COA_GV("color"), NULL);
    Agsym_t *fontsize = agattr(G, AGNODE, COA_GV("fontsize"), NULL);
    Agsym_t *fontcolor = agattr(G, AGNODE, COA_GV("fontcolor"), COA_GV("black"));
    Agsym_t *margin = agattr(G, AGNODE, COA_GV("margin"), COA_GV(""));
    Agsym_t *cls = agattr(G, AGNODE, COA_GV("class"), COA_GV(""));
    /* in the DOT, which author a label names: a test reads it back */
    Agsym_t *author = agattr(G, AGNODE, COA_GV("author"), COA_GV(""));
    Agsym_t *tip = agattr(G, AGNODE, COA_GV("tooltip"), NULL);
    Agsym_t *pos = agattr(G, AGNODE, COA_GV("pos"), COA_GV(""));
    for (uint32_t i = 0; i < s->n_labels; i++) {
        uint32_t v = s->label_vertex[i];
        Agnode_t *owner = s->node[v];
        snprintf(name, sizeof name, "label %u", i + 1);
        Agnode_t *node = unique_node(G, name);
        if (!node) {
            free(order);
            return COA_ENOMEM;
        }
        s->label_node[i] = node;
        agxset(node, label, COA_GV(coa_graph_vertex_name(g, v)));
        agxset(node, author, agnameof(owner));
        agxset(node, cls, COA_GV("label"));
        /* a box sized by its text, a little see-through white behind the
         * letters so that edges under a label do not cut through it */
        agxset(node, shape, COA_GV("box"));
        agxset(node, fixed, COA_GV("false"));
        agxset(node, width, COA_GV("0.01"));
        agxset(node, height, COA_GV("0.01"));
        agxset(node, margin, COA_GV("0.02,0.01"));
        agxset(node, fill, COA_GV("#ffffffb0"));
        agxset(node, color, COA_GV("#ffffff00"));
        agxset(node, fontsize, size);
        agxset(node, tip, agxget(owner, tip));
        agxset(node, pos, agxget(owner, pos));
        /* a darker shade of the node's colour ties the label to it */
        unsigned r, gr, b;
        if (sscanf(node_colour(o, v), "#%2x%2x%2x", &r, &gr, &b) == 3) {
            snprintf(shade, sizeof shade, "#%02x%02x%02x", (r & 0xff) * 45 / 100, (gr & 0xff) * 45 / 100,
                     (b & 0xff) * 45 / 100);
            agxset(node, fontcolor, shade);
        }
    }
    char *html = legend(s, g, o, font_scale, order, n);
    free(order);
    if (!html)
        return COA_ENOMEM;
    char *legend_label = agstrdup_html(s->g, html);
    free(html);
    if (!legend_label)
        return COA_ENOMEM;
    agattr(s->g, AGRAPH, COA_GV("labelloc"), COA_GV("t"));
    agattr(s->g, AGRAPH, COA_GV("labeljust"), COA_GV("l"));
    agattr(s->g, AGRAPH, COA_GV("label"), COA_GV(""));
    agset(s->g, COA_GV("label"), legend_label);
    agstrfree(s->g, legend_label);
    return COA_OK;
}

int coa_styled_leader(coa_styled_t *s, uint32_t i)
{
    Agnode_t *owner = s->node[s->label_vertex[i]];
    Agedge_t *e = agedge(s->g, owner, s->label_node[i], NULL, 1);
    if (!e)
        return COA_ENOMEM;
    Agsym_t *cls = agattr(s->g, AGEDGE, COA_GV("class"), COA_GV(""));
    Agsym_t *color = agattr(s->g, AGEDGE, COA_GV("color"), NULL);
    Agsym_t *pen = agattr(s->g, AGEDGE, COA_GV("penwidth"), NULL);
    Agsym_t *tip = agattr(s->g, AGEDGE, COA_GV("tooltip"), NULL);
    Agsym_t *fontcolor = agattr(s->g, AGNODE, COA_GV("fontcolor"), NULL);
    agxset(e, cls, COA_GV("leader"));
    agxset(e, color, agxget(s->label_node[i], fontcolor));
    agxset(e, pen, COA_GV("0.8"));
    agxset(e, tip, agnameof(owner));
    return COA_OK;
}
