/* The reports of 'coauthor rank': an author's coauthors, or the whole
 * network ranked by a measure. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coauthor/report.h"

void coa_json_coauthor_span(FILE *out, const coa_coauthor_t *it)
{
    if (it->first_year)
        fprintf(out, "\"first_year\": %d, \"last_year\": %d", it->first_year, it->last_year);
    else
        fputs("\"first_year\": null, \"last_year\": null", out);
    fprintf(out, ", \"inferred\": %u", it->inferred);
}

void coa_json_paper_head(FILE *out, const coa_corpus_t *c, uint32_t paper)
{
    const coa_paper_t *p = &c->papers[paper];
    char id[512];
    coa_paper_identifier(c, paper, id, sizeof id);
    fputs("\"title\": ", out);
    coa_json_string(out, coa_corpus_str(c, p->title));
    if (p->year)
        fprintf(out, ", \"year\": %d", p->year);
    else
        fputs(", \"year\": null", out);
    fputs(", \"id\": ", out);
    coa_json_string(out, id);
}

int coa_write_coauthors_json(FILE *out, const coa_graph_t *g, const coa_coauthors_t *list, uint32_t shown, int fractional,
                             int with_papers)
{
    const coa_corpus_t *c = g->corpus;
    fputs("{\"author\": ", out);
    coa_json_string(out, coa_graph_vertex_name(g, list->vertex));
    fprintf(out, ", \"order\": \"%s\", \"coauthors\": %u, \"rows\": [", fractional ? "fractional" : "joint_papers", list->n);
    for (uint32_t i = 0; i < shown; i++) {
        const coa_coauthor_t *it = &list->items[i];
        fputs(i ? ",\n  {" : "\n  {", out);
        fprintf(out, "\"rank\": %u, \"author\": ", i + 1);
        coa_json_string(out, coa_graph_vertex_name(g, it->vertex));
        fprintf(out, ", \"joint_papers\": %.0f, \"fractional\": %.10g, ", it->joint_papers, it->fractional);
        coa_json_coauthor_span(out, it);
        if (with_papers) {
            uint32_t *papers, np;
            if (coa_edge_papers_by_year(g, it->edge, &papers, &np))
                return COA_ENOMEM;
            fputs(", \"papers\": [", out);
            for (uint32_t k = 0; k < np; k++) {
                const coa_paper_t *p = &c->papers[papers[k]];
                char id[512];
                coa_paper_identifier(c, (uint32_t)(p - c->papers), id, sizeof id);
                fputs(k ? ", {" : "{", out);
                if (p->year)
                    fprintf(out, "\"year\": %d", p->year);
                else
                    fputs("\"year\": null", out);
                fputs(", \"title\": ", out);
                coa_json_string(out, coa_corpus_str(c, p->title));
                fputs(", \"identifier\": ", out);
                coa_json_string(out, id);
                fputc('}', out);
            }
            fputc(']', out);
            free(papers);
        }
        fputc('}', out);
    }
    fputs(shown ? "\n]}\n" : "]}\n", out);
    return COA_OK;
}

/* Aligned text with the joint papers under each coauthor: the table is
 * rendered to memory, then its lines are interleaved with the papers. */
int coa_write_coauthors_papers(FILE *out, const coa_graph_t *g, const coa_coauthors_t *list, uint32_t shown,
                               const coa_table_t *t)
{
    const coa_corpus_t *c = g->corpus;
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem)
        return COA_ENOMEM;
    int err = coa_table_write(t, mem, COA_OUT_TEXT);
    if (fclose(mem) || err) {
        free(buf);
        return COA_ENOMEM;
    }
    char *line = buf;
    for (uint32_t row = 0; line && *line; row++) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        fputs(line, out);
        fputc('\n', out);
        line = nl ? nl + 1 : NULL;
        if (row == 0 || row > shown)
            continue; /* the header */
        uint32_t *papers, np;
        if (coa_edge_papers_by_year(g, list->items[row - 1].edge, &papers, &np)) {
            free(buf);
            return COA_ENOMEM;
        }
        for (uint32_t k = 0; k < np; k++) {
            const coa_paper_t *p = &c->papers[papers[k]];
            char id[512];
            coa_paper_identifier(c, (uint32_t)(p - c->papers), id, sizeof id);
            if (p->year)
                fprintf(out, "      %d  %s  [%s]\n", p->year, coa_corpus_str(c, p->title), id);
            else
                fprintf(out, "      ----  %s  [%s]\n", coa_corpus_str(c, p->title), id);
        }
        if (!np)
            fprintf(out, "      (no papers: an edge-list source)\n");
        free(papers);
    }
    free(buf);
    return COA_OK;
}

static int integral_measure(coa_measure_t m)
{
    return m == COA_MEASURE_PAPERS || m == COA_MEASURE_DEGREE || m == COA_MEASURE_STRENGTH ||
           m == COA_MEASURE_CORENESS;
}

void coa_ranking_describe(const coa_graph_t *g, const coa_ranking_t *r, unsigned long seed, char *buf, size_t len)
{
    size_t k = (size_t)snprintf(buf, len, "%s: %s", coa_measure_name(r->measure), coa_measure_weight(r->measure));
    if (k < len && r->info.unit_lengths)
        k += (size_t)snprintf(buf + k, len - k, " (every edge has 1 joint paper: lengths are hops)");
    if (k < len && r->measure == COA_MEASURE_BETWEENNESS) {
        if (r->info.sampled)
            snprintf(buf + k, len - k,
                     "; estimated from %lld sampled sources of %lld authors (seed %lu, linear scaling, "
                     "times authors/sources); --exact computes it exactly",
                     (long long)r->info.sources, (long long)g->n_vertices, seed);
        else
            snprintf(buf + k, len - k, "; exact");
    }
}

/* A ranking's score as a cell: whole numbers as such, betweenness to 0.1,
 * the others to 6 significant digits (15 for programs). */
static void score_cell(coa_table_t *t, coa_measure_t m, double s, int machine)
{
    if (isnan(s))
        coa_table_cell(t, "-");
    else if (integral_measure(m))
        coa_table_cell(t, "%.0f", s);
    else if (machine)
        coa_table_cell(t, "%.15g", s);
    else if (m == COA_MEASURE_BETWEENNESS)
        coa_table_cell(t, "%.1f", s);
    else
        coa_table_cell(t, "%.6g", s);
}

int coa_write_ranking(FILE *out, const coa_graph_t *g, const coa_ranking_t *r, long top, unsigned long seed,
                      coa_output_t format)
{
    coa_measure_t m = r->measure;
    int machine = format != COA_OUT_TEXT, err;
    static const char *const columns[] = {"rank", "author", "score", "papers", "degree"};
    coa_table_t *t = coa_table_new(5, columns);
    igraph_integer_t ne = igraph_ecount(&g->graph);
    uint32_t *degree = calloc((size_t)g->n_vertices + 1, sizeof *degree);
    if (!t || !degree) {
        free(degree);
        coa_table_free(t);
        return COA_ENOMEM;
    }
    coa_table_numeric(t, 0);
    coa_table_numeric(t, 2);
    coa_table_numeric(t, 3);
    coa_table_numeric(t, 4);
    igraph_integer_t shown = r->n;
    if (top && top < shown)
        shown = top;
    for (igraph_integer_t e = 0; e < ne; e++) {
        degree[IGRAPH_FROM(&g->graph, e)]++;
        degree[IGRAPH_TO(&g->graph, e)]++;
    }
    for (igraph_integer_t i = 0; i < shown; i++) {
        igraph_integer_t v = r->order[i];
        coa_table_cell(t, "%lld", (long long)i + 1);
        coa_table_cell(t, "%s", coa_graph_vertex_name(g, v));
        score_cell(t, m, VECTOR(r->scores)[v], machine);
        coa_table_cell(t, "%u", g->vertex_papers[v]);
        coa_table_cell(t, "%u", degree[v]);
    }
    if (format == COA_OUT_JSON) {
        fprintf(out, "{\"measure\": \"%s\", \"weight\": ", coa_measure_name(m));
        coa_json_string(out, coa_measure_weight(m));
        fprintf(out, ", \"authors\": %lld", (long long)g->n_vertices);
        if (m == COA_MEASURE_BETWEENNESS)
            fprintf(out, ", \"sampled\": %s, \"sources\": %lld, \"seed\": %lu", r->info.sampled ? "true" : "false",
                    (long long)r->info.sources, seed);
        fputs(", \"rows\": ", out);
        err = coa_table_write(t, out, format);
        fputs("}\n", out);
    } else {
        if (!machine) {
            char note[512];
            coa_ranking_describe(g, r, seed, note, sizeof note);
            fprintf(out, "%s\n", note);
        }
        err = coa_table_write(t, out, format);
    }
    free(degree);
    coa_table_free(t);
    return err;
}
