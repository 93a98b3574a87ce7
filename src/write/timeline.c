/* The timeline of one author's collaborations: the top coauthors as rows,
 * the years as columns, a disc in each cell whose area follows the joint
 * papers of that year, and each row's total at its end.  Built as a
 * Graphviz graph whose every node is pinned ('pos', in points) and drawn
 * by neato -n, as coauthor draw's pictures are: one rendering path (gvc)
 * for PNG, SVG, PDF and DOT. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/gvc.h>

#include "coauthor/rank.h"
#include "write/dot.h"

void coa_timeline_options_init(coa_timeline_options_t *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->rows = 15;
    opts->dpi = 96;
}

/* Graphviz prints its warnings to stderr; the library never prints. */
static int quiet(char *message)
{
    (void)message;
    return 0;
}

static Agnode_t *pinned(Agraph_t *G, const char *name, double x, double y)
{
    Agnode_t *n = agnode(G, COA_GV(name), 1);
    if (n) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.1f,%.1f", x, y);
        agsafeset(n, COA_GV("pos"), buf, COA_GV(""));
    }
    return n;
}

static void set(void *obj, const char *attr, const char *value)
{
    agsafeset(obj, COA_GV(attr), COA_GV(value), COA_GV(""));
}

/* Spacing, in points: a row, a year's column, the names' column. */
#define ROW 22.0
#define COLUMN 30.0
#define NAMES 170.0
/* the largest disc fills most of a row */
#define DISC_MAX 20.0

/* The grid: the rows (coauthors), the years, and the joint papers of
 * each cell. */
typedef struct {
    const coa_graph_t *g;
    uint32_t vertex;            /* the author */
    const coa_coauthor_t *rows;
    uint32_t n_rows;
    int y0, n_years;
    long long *cells, most;     /* cells[r * n_years + year - y0] */
    double x_years, x_total;    /* where the years and the totals start */
    coa_timeline_report_t *rep;
} grid_t;

/* The years of the rows' joint papers and the count of each cell; a paper
 * given a year by the user (--year, for an undated profile entry) is
 * drawn in that year. */
static int count_cells(grid_t *t)
{
    const coa_graph_t *g = t->g;
    const coa_corpus_t *c = g->corpus;
    int y0 = 0, y1 = 0;
    for (uint32_t r = 0; r < t->n_rows; r++)
        for (uint32_t k = g->edge_paper_start[t->rows[r].edge]; k < g->edge_paper_start[t->rows[r].edge + 1]; k++) {
            int y = c->papers[g->edge_papers[k]].year;
            if (!y)
                continue;
            if (!y0 || y < y0)
                y0 = y;
            if (y > y1)
                y1 = y;
        }
    t->y0 = y0;
    t->n_years = y0 ? y1 - y0 + 1 : 0;
    t->cells = calloc((size_t)(t->n_rows ? t->n_rows : 1) * (size_t)(t->n_years ? t->n_years : 1), sizeof *t->cells);
    if (!t->cells)
        return COA_ENOMEM;
    for (uint32_t r = 0; r < t->n_rows; r++)
        for (uint32_t k = g->edge_paper_start[t->rows[r].edge]; k < g->edge_paper_start[t->rows[r].edge + 1]; k++) {
            int y = c->papers[g->edge_papers[k]].year;
            if (!y) {
                t->rep->undated++;
                continue;
            }
            t->rep->assumed += (c->papers[g->edge_papers[k]].flags & COA_PAPER_YEAR_ASSUMED) != 0;
            long long *cell = &t->cells[(size_t)r * (size_t)t->n_years + (size_t)(y - y0)];
            if (++*cell > t->most)
                t->most = *cell;
        }
    t->rep->year_first = y0;
    t->rep->year_last = y1;
    return COA_OK;
}

static void graph_attributes(Agraph_t *G, const coa_timeline_options_t *opts)
{
    char buf[64];
    agattr(G, AGRAPH, COA_GV("bgcolor"), COA_GV("white"));
    agattr(G, AGRAPH, COA_GV("pad"), COA_GV("0.2"));
    agattr(G, AGRAPH, COA_GV("splines"), COA_GV("false"));
    agattr(G, AGRAPH, COA_GV("outputorder"), COA_GV("edgesfirst"));
    agattr(G, AGRAPH, COA_GV("fontname"), COA_GV("Helvetica"));
    snprintf(buf, sizeof buf, "%g", opts->dpi > 0 ? opts->dpi : 96);
    agattr(G, AGRAPH, COA_GV("dpi"), buf);
    agattr(G, AGNODE, COA_GV("fontname"), COA_GV("Helvetica"));
    agattr(G, AGNODE, COA_GV("fontsize"), COA_GV("11"));
    agattr(G, AGNODE, COA_GV("shape"), COA_GV("plaintext"));
    agattr(G, AGNODE, COA_GV("fixedsize"), COA_GV("true"));
    agattr(G, AGNODE, COA_GV("margin"), COA_GV("0"));
    agattr(G, AGEDGE, COA_GV("color"), COA_GV("#e4e4e4"));
    agattr(G, AGEDGE, COA_GV("penwidth"), COA_GV("0.8"));
}

/* The years along the top, and the totals' head. */
static int year_heads(Agraph_t *G, const grid_t *t)
{
    char buf[64], name[64];
    int step = t->n_years <= 20 ? 1 : t->n_years <= 50 ? 5 : 10;
    for (int i = 0; i < t->n_years; i++) {
        int y = t->y0 + i;
        if (y % step && i != 0 && i != t->n_years - 1)
            continue;
        snprintf(name, sizeof name, "year %d", y);
        Agnode_t *n = pinned(G, name, t->x_years + i * COLUMN, ROW);
        if (!n)
            return COA_ENOMEM;
        /* '21 rather than 2021 where every year is shown and many are */
        if (step == 1 && t->n_years > 12 && i != 0)
            snprintf(buf, sizeof buf, "\xe2\x80\x99%02d", y % 100);
        else
            snprintf(buf, sizeof buf, "%d", y);
        set(n, "label", buf);
        set(n, "width", "0.4");
        set(n, "height", "0.25");
        set(n, "fontcolor", "#505050");
        set(n, "class", "year");
    }
    Agnode_t *head = pinned(G, "total", t->x_total + 12, ROW);
    if (!head)
        return COA_ENOMEM;
    set(head, "label", "total");
    set(head, "width", "0.5");
    set(head, "height", "0.25");
    set(head, "fontcolor", "#505050");
    return COA_OK;
}

/* The disc of row r in year y0 + i, whose area follows its k papers. */
static int draw_cell(Agraph_t *G, grid_t *t, uint32_t r, int i, long long k, const char *who)
{
    char buf[512], name[64];
    snprintf(name, sizeof name, "cell %u %d", r + 1, t->y0 + i);
    Agnode_t *cell = pinned(G, name, t->x_years + i * COLUMN, -(double)r * ROW);
    if (!cell)
        return COA_ENOMEM;
    t->rep->cells++;
    double d = DISC_MAX * sqrt((double)k / (double)t->most);
    snprintf(buf, sizeof buf, "%.3f", (d < 5 ? 5 : d) / 72);
    set(cell, "shape", "circle");
    set(cell, "width", buf);
    set(cell, "style", "filled");
    set(cell, "fillcolor", "#4e79a7");
    set(cell, "color", "#2a4a6b");
    set(cell, "penwidth", "0.6");
    set(cell, "class", "cell");
    if (k > 1 && d >= 12) {
        snprintf(buf, sizeof buf, "%lld", k);
        set(cell, "label", buf);
        set(cell, "fontcolor", "white");
        set(cell, "fontsize", "9");
    } else {
        set(cell, "label", "");
    }
    snprintf(buf, sizeof buf, "%s, %d: %lld joint paper%s", who, t->y0 + i, k, k == 1 ? "" : "s");
    set(cell, "tooltip", buf);
    snprintf(buf, sizeof buf, "%lld", k);
    set(cell, "papers", buf);
    snprintf(buf, sizeof buf, "%d", t->y0 + i);
    set(cell, "year", buf);
    return COA_OK;
}

/* Row r: the coauthor's name, a faint guide, the discs and the total. */
static int draw_row(Agraph_t *G, grid_t *t, uint32_t r)
{
    const coa_graph_t *g = t->g;
    const coa_coauthor_t *row = &t->rows[r];
    char buf[512], name[64];
    double y = -(double)r * ROW;
    const char *who = coa_graph_vertex_name(g, row->vertex);
    snprintf(name, sizeof name, "row %u", r + 1);
    Agnode_t *n = pinned(G, name, NAMES / 2, y);
    snprintf(name, sizeof name, "row %u end", r + 1);
    Agnode_t *end = pinned(G, name, t->x_years + (t->n_years - 0.5) * COLUMN, y);
    snprintf(name, sizeof name, "row %u total", r + 1);
    Agnode_t *tot = pinned(G, name, t->x_total + 12, y);
    if (!n || !end || !tot)
        return COA_ENOMEM;
    /* the name, right-aligned ("\r") in a box as wide as the column */
    snprintf(buf, sizeof buf, "%s\\r", who);
    char *escaped = agstrdup(G, buf);
    set(n, "label", escaped);
    agstrfree(G, escaped);
    snprintf(buf, sizeof buf, "%.2f", (NAMES - 8) / 72);
    set(n, "width", buf);
    set(n, "height", "0.28");
    set(n, "class", "coauthor");
    set(n, "tooltip", who);
    snprintf(buf, sizeof buf, "%lld", (long long)row->joint_papers);
    set(tot, "label", buf);
    set(tot, "width", "0.5");
    set(tot, "height", "0.28");
    set(tot, "class", "total");
    snprintf(buf, sizeof buf, "%s and %s: %lld joint paper%s", coa_graph_vertex_name(g, t->vertex), who,
             (long long)row->joint_papers, (long long)row->joint_papers == 1 ? "" : "s");
    set(tot, "tooltip", buf);
    /* a faint guide along the row, from the names to the last year */
    set(end, "label", "");
    set(end, "shape", "point");
    set(end, "width", "0.01");
    set(end, "style", "invis");
    Agedge_t *guide = agedge(G, n, end, NULL, 1);
    if (!guide)
        return COA_ENOMEM;
    set(guide, "class", "guide");
    for (int i = 0; i < t->n_years; i++) {
        long long k = t->cells[(size_t)r * (size_t)t->n_years + (size_t)i];
        int err = k ? draw_cell(G, t, r, i, k, who) : COA_OK;
        if (err)
            return err;
    }
    return COA_OK;
}

/* The title and a line saying what the picture shows, as an HTML label. */
static int title_label(Agraph_t *G, const grid_t *t, const coa_timeline_options_t *opts)
{
    size_t cap = 0;
    char *html = NULL, buf[64];
    FILE *mem = open_memstream(&html, &cap);
    if (!mem)
        return COA_ENOMEM;
    fputs("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"0\"><TR><TD ALIGN=\"LEFT\">"
          "<FONT POINT-SIZE=\"16\"><B>",
          mem);
    const char *title = opts->title && *opts->title ? opts->title : NULL;
    if (title) {
        coa_html_text(mem, title);
    } else {
        fputs("Collaborations of ", mem);
        coa_html_text(mem, coa_graph_vertex_name(t->g, t->vertex));
        fputs(" over time", mem);
    }
    fprintf(mem, "</B></FONT></TD></TR><TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\">");
    fprintf(mem, "The %u most frequent of %u coauthors; disc area: joint papers that year (1 to %lld)", t->n_rows,
            t->rep->coauthors, t->most);
    if (t->rep->undated)
        fprintf(mem, "; totals include %u joint papers without a year", t->rep->undated);
    if (t->rep->assumed)
        fprintf(mem, "; %u of the joint papers are undated, drawn in the year --year gave them", t->rep->assumed);
    fputs(".</FONT></TD></TR>", mem);
    if (opts->source && *opts->source) {
        fputs("<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\" COLOR=\"#606060\">Data: ", mem);
        coa_html_text(mem, opts->source);
        fputs("</FONT></TD></TR>", mem);
    }
    fputs("</TABLE>", mem);
    fclose(mem);
    char *label = html ? agstrdup_html(G, html) : NULL;
    free(html);
    if (!label)
        return COA_ENOMEM;
    agattr(G, AGRAPH, COA_GV("labelloc"), COA_GV("t"));
    agattr(G, AGRAPH, COA_GV("labeljust"), COA_GV("l"));
    agattr(G, AGRAPH, COA_GV("label"), COA_GV(""));
    agset(G, COA_GV("label"), label);
    agstrfree(G, label);
    if (opts->max_inches > 0) {
        snprintf(buf, sizeof buf, "%g,%g", opts->max_inches, opts->max_inches);
        agattr(G, AGRAPH, COA_GV("size"), buf);
    }
    return COA_OK;
}

/* Lays out the pinned nodes (neato -n) and renders; the size in the report. */
static int render(FILE *out, const char *format, Agraph_t *G, const coa_timeline_options_t *opts,
                  coa_timeline_report_t *rep)
{
    GVC_t *gvc = gvContext();
    if (!gvc)
        return COA_ENOMEM;
    int err = COA_OK;
    if (gvLayout(gvc, G, COA_GV("nop")) != 0) {
        gvFreeContext(gvc);
        return COA_EGRAPH;
    }
    boxf bb = GD_bb(G);
    double w = (bb.UR.x - bb.LL.x) / 72, h = (bb.UR.y - bb.LL.y) / 72, longer = w > h ? w : h;
    double shrink = opts->max_inches > 0 && longer > opts->max_inches ? opts->max_inches / longer : 1;
    rep->width_in = w * shrink;
    rep->height_in = h * shrink;
    if (gvRender(gvc, G, COA_GV(format), out) != 0)
        err = COA_EGRAPH;
    else if (ferror(out))
        err = COA_EIO;
    gvFreeLayout(gvc, G);
    gvFreeContext(gvc);
    return err;
}

int coa_draw_timeline(FILE *out, const char *format, const coa_graph_t *g, uint32_t vertex,
                      const coa_timeline_options_t *opts, coa_timeline_report_t *report)
{
    coa_timeline_options_t defaults;
    if (!opts) {
        coa_timeline_options_init(&defaults);
        opts = &defaults;
    }
    coa_timeline_report_t rep;
    memset(&rep, 0, sizeof rep);
    if (!coa_draw_format_known(format) || vertex >= (uint32_t)g->n_vertices)
        return COA_EINVAL;
    /* the rows: the coauthors in the order 'coauthor rank --author' lists
     * them (joint papers, then fractional, then name) */
    coa_coauthors_t list;
    int err = coa_coauthors_init(&list, g, g->vertex_author[vertex], COA_COAUTHORS_BY_JOINT);
    if (err)
        return err;
    grid_t t = {g, vertex, list.items, list.n < opts->rows ? list.n : opts->rows, 0, 0, NULL, 0, 0, 0, &rep};
    Agraph_t *G = NULL;
    agusererrf previous_errf = agseterrf(quiet);
    agerrlevel_t previous_level = agseterr(AGMAX);
    rep.rows = t.n_rows;
    rep.coauthors = list.n;
    if ((err = count_cells(&t)))
        goto cleanup;
    if (!(G = agopen(COA_GV("timeline"), Agundirected, NULL))) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    graph_attributes(G, opts);
    /* rows from the top: y = -r * ROW; the names right-aligned against
     * the first column; the years along the top; totals at the right */
    t.x_years = NAMES + COLUMN / 2;
    t.x_total = t.x_years + t.n_years * COLUMN + COLUMN * 0.2;
    if ((err = year_heads(G, &t)))
        goto cleanup;
    for (uint32_t r = 0; r < t.n_rows && !err; r++)
        err = draw_row(G, &t, r);
    if (err || (err = title_label(G, &t, opts)))
        goto cleanup;
    err = render(out, format, G, opts, &rep);
cleanup:
    if (G)
        agclose(G);
    agseterrf(previous_errf);
    agseterr(previous_level);
    free(t.cells);
    coa_coauthors_destroy(&list);
    if (report)
        *report = rep;
    return err;
}
