/* 'coauthor rank --author': an author's coauthors as JSON, or as a table
 * (text, TSV or CSV), with their joint papers on request. */
#include <stdlib.h>

#include "coauthor/report.h"

static const char *const coauthor_columns[] = {"rank",      "author",   "joint_papers", "fractional", "first_year",
                                               "last_year", "inferred", "year",         "title",      "identifier"};

static void coauthor_cells(coa_table_t *t, const coa_graph_t *g, const coa_coauthor_t *it, uint32_t rank,
                           int machine)
{
    coa_table_cell(t, "%u", rank);
    coa_table_cell(t, "%s", coa_graph_vertex_name(g, it->vertex));
    coa_table_cell(t, "%.0f", it->joint_papers);
    coa_table_cell(t, machine ? "%.10g" : "%.4f", it->fractional);
    if (it->first_year) {
        coa_table_cell(t, "%d", it->first_year);
        coa_table_cell(t, "%d", it->last_year);
    } else {
        coa_table_cell(t, "-");
        coa_table_cell(t, "-");
    }
    coa_table_cell(t, "%u", it->inferred);
}

void coa_table_paper_cells(coa_table_t *t, const coa_corpus_t *c, uint32_t paper)
{
    const coa_paper_t *p = &c->papers[paper];
    char id[512];
    coa_paper_identifier(c, paper, id, sizeof id);
    if (p->year)
        coa_table_cell(t, "%d", p->year);
    else
        coa_table_cell(t, "-");
    coa_table_cell(t, "%s", coa_corpus_str(c, p->title));
    coa_table_cell(t, "%s", id);
}

/* The rows of the coauthor's joint papers, one per paper. */
static int paper_rows(coa_table_t *t, const coa_graph_t *g, const coa_coauthor_t *it, uint32_t rank)
{
    const coa_corpus_t *c = g->corpus;
    uint32_t *papers, np;
    if (coa_edge_papers_by_year(g, it->edge, &papers, &np))
        return COA_ENOMEM;
    for (uint32_t k = 0; k < np; k++) {
        coauthor_cells(t, g, it, rank, 1);
        coa_table_paper_cells(t, c, papers[k]);
    }
    free(papers);
    return COA_OK;
}

int coa_write_coauthors(FILE *out, const coa_graph_t *g, const coa_coauthors_t *list, uint32_t shown, int fractional,
                        int papers, coa_output_t format)
{
    if (format == COA_OUT_JSON)
        return coa_write_coauthors_json(out, g, list, shown, fractional, papers);
    int machine = format != COA_OUT_TEXT;
    int with_papers = papers && machine; /* one row per joint paper */
    coa_table_t *t = coa_table_new(with_papers ? 10 : 7, coauthor_columns);
    if (!t)
        return COA_ENOMEM;
    for (int col = 0; col < 7; col++)
        if (col != 1)
            coa_table_numeric(t, col);
    if (with_papers)
        coa_table_numeric(t, 7);
    int err = COA_OK;
    for (uint32_t i = 0; !err && i < shown; i++) {
        if (with_papers)
            err = paper_rows(t, g, &list->items[i], i + 1);
        else
            coauthor_cells(t, g, &list->items[i], i + 1, machine);
    }
    if (!err && !machine) {
        fprintf(out, "%u coauthors of %s\n", list->n, coa_graph_vertex_name(g, list->vertex));
        err = papers ? coa_write_coauthors_papers(out, g, list, shown, t) : coa_table_write(t, out, format);
    } else if (!err) {
        err = coa_table_write(t, out, format);
    }
    coa_table_free(t);
    return err;
}
