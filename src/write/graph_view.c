/* The table view behind every export format. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "write/graph_view.h"

void coa_export_options_init(coa_export_options_t *opts)
{
    memset(opts, 0, sizeof *opts);
}

static void add_col(coa_col_t *cols, int *n, const char *name, coa_col_type_t type)
{
    if (*n < COA_VIEW_MAX_COLS) {
        cols[*n].name = name;
        cols[*n].type = type;
        (*n)++;
    }
}

int coa_view_init(coa_view_t *v, const coa_graph_t *g, const coa_export_options_t *opts)
{
    memset(v, 0, sizeof *v);
    v->g = g;
    v->opts = opts;
    v->bipartite = opts && opts->bipartite;
    if (v->bipartite) {
        int err = coa_bipartite_build(g, &v->bip, &v->types, &v->paper_ids);
        if (err)
            return err;
        v->have_bip = 1;
        v->n_nodes = (uint32_t)igraph_vcount(&v->bip);
        v->n_edges = (uint64_t)igraph_ecount(&v->bip);
        add_col(v->node_cols, &v->n_node_cols, "type", COA_COL_STRING);
        add_col(v->node_cols, &v->n_node_cols, "bipartite", COA_COL_INT);
        add_col(v->node_cols, &v->n_node_cols, "name", COA_COL_STRING);
        add_col(v->node_cols, &v->n_node_cols, "papers", COA_COL_INT);
        add_col(v->node_cols, &v->n_node_cols, "year", COA_COL_INT);
        add_col(v->node_cols, &v->n_node_cols, "venue", COA_COL_STRING);
        add_col(v->node_cols, &v->n_node_cols, "ident", COA_COL_STRING);
        add_col(v->edge_cols, &v->n_edge_cols, "position", COA_COL_INT);
        add_col(v->edge_cols, &v->n_edge_cols, "inferred", COA_COL_INT);
        return COA_OK;
    }
    v->n_nodes = (uint32_t)g->n_vertices;
    v->n_edges = (uint64_t)igraph_ecount(&g->graph);
    add_col(v->node_cols, &v->n_node_cols, "name", COA_COL_STRING);
    add_col(v->node_cols, &v->n_node_cols, "papers", COA_COL_INT);
    for (size_t i = 0; opts && i < opts->n_extra; i++)
        add_col(v->node_cols, &v->n_node_cols, opts->extra[i].name,
                opts->extra[i].is_integer ? COA_COL_INT : COA_COL_DOUBLE);
    add_col(v->edge_cols, &v->n_edge_cols, "joint_papers", COA_COL_INT);
    add_col(v->edge_cols, &v->n_edge_cols, "fractional", COA_COL_DOUBLE);
    add_col(v->edge_cols, &v->n_edge_cols, "papers", COA_COL_LIST);
    return COA_OK;
}

void coa_view_destroy(coa_view_t *v)
{
    if (v->have_bip) {
        igraph_destroy(&v->bip);
        igraph_vector_bool_destroy(&v->types);
        igraph_vector_int_destroy(&v->paper_ids);
    }
    memset(v, 0, sizeof *v);
}

int coa_view_is_paper(const coa_view_t *v, uint32_t node)
{
    return v->bipartite && node >= (uint32_t)v->g->n_vertices;
}

void coa_view_node_id(const coa_view_t *v, uint32_t node, char *buf, size_t len)
{
    if (coa_view_is_paper(v, node))
        snprintf(buf, len, "p%u", node - (uint32_t)v->g->n_vertices);
    else
        snprintf(buf, len, "a%u", node);
}

void coa_view_edge_ends(const coa_view_t *v, uint64_t edge, uint32_t *from, uint32_t *to)
{
    const igraph_t *gr = v->bipartite ? &v->bip : &v->g->graph;
    igraph_integer_t a = IGRAPH_FROM(gr, (igraph_integer_t)edge), b = IGRAPH_TO(gr, (igraph_integer_t)edge);
    *from = (uint32_t)(a < b ? a : b);
    *to = (uint32_t)(a < b ? b : a);
}

void coa_view_edge_ids(const coa_view_t *v, uint64_t edge, char *from, char *to, size_t len)
{
    uint32_t a, b;
    coa_view_edge_ends(v, edge, &a, &b);
    coa_view_node_id(v, a, from, len);
    coa_view_node_id(v, b, to, len);
}

static uint32_t paper_of(const coa_view_t *v, uint32_t node)
{
    return (uint32_t)VECTOR(v->paper_ids)[node - (uint32_t)v->g->n_vertices];
}

void coa_view_node_value(const coa_view_t *v, uint32_t node, int col, coa_value_t *val)
{
    const coa_graph_t *g = v->g;
    const coa_corpus_t *c = g->corpus;
    const char *name = v->node_cols[col].name;
    memset(val, 0, sizeof *val);
    if (coa_view_is_paper(v, node)) {
        const coa_paper_t *p = &c->papers[paper_of(v, node)];
        if (!strcmp(name, "type")) {
            val->s = "paper";
        } else if (!strcmp(name, "bipartite")) {
            val->i = 1;
        } else if (!strcmp(name, "name")) {
            val->s = coa_corpus_str(c, p->title);
        } else if (!strcmp(name, "year")) {
            if (!p->year)
                return;
            val->i = p->year;
        } else if (!strcmp(name, "venue")) {
            if (!p->venue)
                return;
            val->s = coa_corpus_str(c, p->venue);
        } else if (!strcmp(name, "ident")) {
            coa_paper_identifier(c, paper_of(v, node), val->buf, sizeof val->buf);
            val->s = val->buf;
        } else {
            return;
        }
        val->present = 1;
        return;
    }
    if (!strcmp(name, "type")) {
        val->s = "author";
    } else if (!strcmp(name, "bipartite")) {
        val->i = 0;
    } else if (!strcmp(name, "name")) {
        val->s = coa_graph_vertex_name(g, node);
    } else if (!strcmp(name, "papers")) {
        val->i = g->vertex_papers[node];
    } else if (!v->bipartite && col >= 2 && (size_t)(col - 2) < v->opts->n_extra) {
        double d = v->opts->extra[col - 2].values[node];
        if (d != d)
            return; /* NaN: no value */
        val->d = d;
        val->i = (long long)d;
    } else {
        return;
    }
    val->present = 1;
}

/* The authorship behind a bipartite edge: its author vertex and paper. */
static const coa_authorship_t *edge_authorship(const coa_view_t *v, uint64_t edge)
{
    uint32_t a, p;
    coa_view_edge_ends(v, edge, &a, &p);
    const coa_corpus_t *c = v->g->corpus;
    const coa_paper_t *paper = &c->papers[paper_of(v, p)];
    uint32_t author = v->g->vertex_author[a];
    for (uint32_t i = 0; i < paper->n_authorships; i++)
        if (c->authorships[paper->first_authorship + i].author == author)
            return &c->authorships[paper->first_authorship + i];
    return NULL;
}

void coa_view_edge_value(const coa_view_t *v, uint64_t edge, int col, coa_value_t *val)
{
    const coa_graph_t *g = v->g;
    const char *name = v->edge_cols[col].name;
    memset(val, 0, sizeof *val);
    if (v->bipartite) {
        const coa_authorship_t *as = edge_authorship(v, edge);
        if (!as)
            return;
        val->i = !strcmp(name, "position") ? (long long)as->position + 1 : as->inferred;
        val->present = 1;
        return;
    }
    igraph_integer_t e = (igraph_integer_t)edge;
    if (!strcmp(name, "joint_papers")) {
        val->i = (long long)VECTOR(g->joint_papers)[e];
        val->d = VECTOR(g->joint_papers)[e];
    } else if (!strcmp(name, "fractional")) {
        val->d = VECTOR(g->fractional)[e];
    } else if (!strcmp(name, "papers")) {
        val->n_items = (uint32_t)(g->edge_paper_start[e + 1] - g->edge_paper_start[e]);
    } else {
        return;
    }
    val->present = 1;
}

void coa_view_write_node_values(FILE *out, const coa_view_t *v, uint32_t node, int skip, coa_view_value_fn fn)
{
    coa_value_t val;
    for (int c = 0; c < v->n_node_cols; c++) {
        coa_view_node_value(v, node, c, &val);
        if (c != skip && val.present)
            fn(out, v, &v->node_cols[c], &val, 0);
    }
}

void coa_view_write_edge_values(FILE *out, const coa_view_t *v, uint64_t edge, coa_view_value_fn fn)
{
    coa_value_t val;
    for (int c = 0; c < v->n_edge_cols; c++) {
        coa_view_edge_value(v, edge, c, &val);
        if (val.present)
            fn(out, v, &v->edge_cols[c], &val, edge);
    }
}

void coa_view_list_item(const coa_view_t *v, uint64_t edge, uint32_t k, char *buf, size_t len)
{
    const coa_graph_t *g = v->g;
    coa_paper_identifier(g->corpus, g->edge_papers[g->edge_paper_start[edge] + k], buf, len);
}

void coa_view_format_number(const coa_col_t *col, const coa_value_t *val, char *buf, size_t len)
{
    if (col->type == COA_COL_INT)
        snprintf(buf, len, "%lld", val->i);
    else
        snprintf(buf, len, "%.12g", val->d);
}

int coa_view_years(const coa_graph_t *g, coa_years_t *y)
{
    memset(y, 0, sizeof *y);
    uint32_t nv = (uint32_t)g->n_vertices;
    igraph_integer_t ne = igraph_ecount(&g->graph);
    y->vertex_first = calloc(nv ? nv : 1, sizeof *y->vertex_first);
    y->vertex_last = calloc(nv ? nv : 1, sizeof *y->vertex_last);
    y->vertex_mean = calloc(nv ? nv : 1, sizeof *y->vertex_mean);
    y->edge_first = calloc((size_t)(ne ? ne : 1), sizeof *y->edge_first);
    y->edge_last = calloc((size_t)(ne ? ne : 1), sizeof *y->edge_last);
    uint32_t *dated = calloc(nv ? nv : 1, sizeof *dated);
    if (!y->vertex_first || !y->vertex_last || !y->vertex_mean || !y->edge_first || !y->edge_last || !dated) {
        free(dated);
        coa_view_years_destroy(y);
        return COA_ENOMEM;
    }
    const coa_corpus_t *c = g->corpus;
    for (uint32_t p = 0; p < c->n_papers; p++) {
        const coa_paper_t *paper = &c->papers[p];
        if (!g->paper_selected[p] || !paper->year || (paper->flags & COA_PAPER_YEAR_ASSUMED))
            continue;
        for (uint32_t i = 0; i < paper->n_authorships; i++) {
            uint32_t v = g->author_vertex[c->authorships[paper->first_authorship + i].author];
            if (v == COA_NONE)
                continue;
            if (!y->vertex_first[v] || paper->year < y->vertex_first[v])
                y->vertex_first[v] = paper->year;
            if (paper->year > y->vertex_last[v])
                y->vertex_last[v] = paper->year;
            y->vertex_mean[v] += paper->year;
            dated[v]++;
        }
    }
    for (uint32_t v = 0; v < nv; v++)
        y->vertex_mean[v] = dated[v] ? y->vertex_mean[v] / dated[v] : NAN;
    for (igraph_integer_t e = 0; e < ne; e++)
        for (uint32_t k = g->edge_paper_start[e]; k < g->edge_paper_start[e + 1]; k++) {
            const coa_paper_t *paper = &c->papers[g->edge_papers[k]];
            if (!paper->year || (paper->flags & COA_PAPER_YEAR_ASSUMED))
                continue;
            if (!y->edge_first[e] || paper->year < y->edge_first[e])
                y->edge_first[e] = paper->year;
            if (paper->year > y->edge_last[e])
                y->edge_last[e] = paper->year;
        }
    free(dated);
    return COA_OK;
}

void coa_view_years_destroy(coa_years_t *y)
{
    COA_FREE(y->vertex_first, y->vertex_last, y->vertex_mean, y->edge_first, y->edge_last);
    memset(y, 0, sizeof *y);
}

void coa_xml_escape(FILE *out, const char *s, int drop_controls)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        default:
            if (*p >= 0x20)
                fputc(*p, out);
            else if (!drop_controls)
                fputc(*p == '\t' || *p == '\n' || *p == '\r' ? *p : ' ', out);
        }
    }
}

void coa_view_xml_text(FILE *out, const char *s)
{
    coa_xml_escape(out, s, 0);
}

void coa_view_xml_value(FILE *out, const coa_view_t *v, const coa_col_t *col, const coa_value_t *val, uint64_t edge)
{
    char buf[256];
    if (col->type == COA_COL_STRING) {
        coa_view_xml_text(out, val->s ? val->s : "");
    } else if (col->type == COA_COL_LIST) {
        for (uint32_t k = 0; k < val->n_items; k++) {
            coa_view_list_item(v, edge, k, buf, sizeof buf);
            if (k)
                fputs("; ", out);
            coa_view_xml_text(out, buf);
        }
    } else {
        coa_view_format_number(col, val, buf, sizeof buf);
        fputs(buf, out);
    }
}
