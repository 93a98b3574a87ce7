/* The communities of 'coauthor communities' as text, JSON or one row per
 * author. */
#include <math.h>
#include <stdlib.h>

#include "coauthor/report.h"

/* A number without trailing zeros, for weights and resolutions. */
static void format_number(char *buf, size_t len, double x)
{
    if (x == floor(x) && fabs(x) < 1e15)
        snprintf(buf, len, "%.0f", x);
    else
        snprintf(buf, len, "%.4g", x);
}

static void describe(const coa_community_options_t *d, const coa_communities_t *c, char *buf, size_t len)
{
    char res[32];
    format_number(res, sizeof res, d->resolution);
    size_t used = 0;
#define APPEND(...) used += (size_t)snprintf(buf + used, used < len ? len - used : 0, __VA_ARGS__)
    APPEND("%s", coa_community_method_name(d->method));
    if (d->method == COA_COMMUNITY_LEIDEN)
        APPEND(", %s objective", d->objective == COA_COMMUNITY_CPM ? "CPM" : "modularity");
    if (d->method == COA_COMMUNITY_LEIDEN && d->iterations > 0)
        APPEND(", %d iteration%s", d->iterations, d->iterations == 1 ? "" : "s");
    if (d->method == COA_COMMUNITY_LEIDEN || d->method == COA_COMMUNITY_LOUVAIN)
        APPEND(", resolution %s", res);
    APPEND(", weight %s", coa_community_weight_name(d->weight));
    if (d->method == COA_COMMUNITY_LEIDEN || d->method == COA_COMMUNITY_LOUVAIN ||
        d->method == COA_COMMUNITY_LABELPROP || d->method == COA_COMMUNITY_INFOMAP) {
        if (d->method == COA_COMMUNITY_LEIDEN && d->runs > 1)
            APPEND(", best of seeds %lu-%lu (seed %lu won)", d->seed, d->seed + (unsigned long)d->runs - 1,
                   d->seed + (unsigned long)c->best_run);
        else
            APPEND(", seed %lu", d->seed);
    }
    if (d->method == COA_COMMUNITY_WALKTRAP)
        APPEND(", %lld steps", (long long)d->walktrap_steps);
    if (d->method == COA_COMMUNITY_OPTIMAL)
        APPEND(", exact (GLPK), largest component %lld authors", (long long)c->optimal_largest);
#undef APPEND
}

static void print_strength(FILE *out, const coa_community_options_t *d, double x)
{
    if (d->weight == COA_COMMUNITY_WEIGHT_FRACTIONAL)
        fprintf(out, "%.4f", x);
    else
        fprintf(out, "%.0f", x);
}

static int print_text(FILE *out, const coa_community_options_t *d, int top, const coa_graph_t *g,
                      const coa_communities_t *c)
{
    char what[256];
    describe(d, c, what, sizeof what);
    fprintf(out, "communities: %s\n", what);
    fprintf(out, "authors %lld, coauthor edges %lld, communities %lld\n", (long long)g->n_vertices,
           (long long)igraph_ecount(&g->graph), (long long)c->n_communities);
    if (isnan(c->modularity))
        fprintf(out, "modularity Q = - (no edges)\n");
    else
        fprintf(out, "modularity Q = %.4f\n", c->modularity);
    if (d->method == COA_COMMUNITY_LEIDEN && d->objective == COA_COMMUNITY_CPM &&
        !isnan(c->quality))
        fprintf(out, "CPM quality = %.4f\n", c->quality);
    else if (d->resolution != 1.0 && !isnan(c->quality) && d->method != COA_COMMUNITY_OPTIMAL) {
        char res[32];
        format_number(res, sizeof res, d->resolution);
        fprintf(out, "modularity at resolution %s = %.4f\n", res, c->quality);
    }
    if (!isnan(c->codelength))
        fprintf(out, "codelength = %.4f\n", c->codelength);
    if (c->n_communities == 0)
        return COA_OK;
    fputc('\n', out);

    const char *names[] = {"community", "size", "internal", "external", "most central members"};
    coa_table_t *t = coa_table_new(5, names);
    igraph_vector_int_t members;
    if (!t || igraph_vector_int_init(&members, 0)) {
        coa_table_free(t);
        return COA_ENOMEM;
    }
    for (int col = 0; col < 4; col++)
        coa_table_numeric(t, col);
    int status = COA_OK;
    char *line = NULL;
    size_t line_len = 0;
    for (igraph_integer_t k = 0; k < c->n_communities && status == COA_OK; k++) {
        if (coa_communities_members(c, g, k, &members)) {
            status = COA_EIO;
            break;
        }
        igraph_integer_t size = igraph_vector_int_size(&members);
        igraph_integer_t shown = top > 0 && top < size ? top : size;
        FILE *mem = open_memstream(&line, &line_len);
        if (!mem) {
            status = COA_EIO;
            break;
        }
        for (igraph_integer_t i = 0; i < shown; i++)
            fprintf(mem, "%s%s", i ? ", " : "", coa_graph_vertex_name(g, VECTOR(members)[i]));
        if (shown < size)
            fprintf(mem, " (+%lld more)", (long long)(size - shown));
        fclose(mem);
        coa_table_cell(t, "%lld", (long long)k);
        coa_table_cell(t, "%lld", (long long)VECTOR(c->sizes)[k]);
        coa_table_cell(t, "%lld", (long long)VECTOR(c->internal_edges)[k]);
        coa_table_cell(t, "%lld", (long long)VECTOR(c->external_edges)[k]);
        coa_table_cell(t, "%s", line);
        free(line);
        line = NULL;
    }
    if (status == COA_OK && coa_table_write(t, out, COA_OUT_TEXT))
        status = COA_EIO;
    igraph_vector_int_destroy(&members);
    coa_table_free(t);
    return status;
}

/* --tsv / --csv: one line per author, by community, most central first. */
static int print_membership(FILE *out, const coa_graph_t *g, const coa_communities_t *c, coa_output_t format)
{
    const char *names[] = {"author", "community"};
    coa_table_t *t = coa_table_new(2, names);
    igraph_vector_int_t members;
    if (!t || igraph_vector_int_init(&members, 0)) {
        coa_table_free(t);
        return COA_ENOMEM;
    }
    coa_table_numeric(t, 1);
    int status = COA_OK;
    for (igraph_integer_t k = 0; k < c->n_communities; k++) {
        if (coa_communities_members(c, g, k, &members)) {
            status = COA_EIO;
            break;
        }
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(&members); i++) {
            coa_table_cell(t, "%s", coa_graph_vertex_name(g, VECTOR(members)[i]));
            coa_table_cell(t, "%lld", (long long)k);
        }
    }
    if (status == COA_OK && coa_table_write(t, out, format))
        status = COA_EIO;
    igraph_vector_int_destroy(&members);
    coa_table_free(t);
    return status;
}

static void json_number(FILE *out, double x)
{
    if (isnan(x) || isinf(x))
        fputs("null", out);
    else
        fprintf(out, "%.6f", x);
}

static int print_json(FILE *out, const coa_community_options_t *d, const coa_graph_t *g, const coa_communities_t *c)
{
    igraph_vector_int_t members;
    if (igraph_vector_int_init(&members, 0))
        return COA_ENOMEM;
    fprintf(out, "{\n  \"method\": \"%s\",\n", coa_community_method_name(d->method));
    if (d->method == COA_COMMUNITY_LEIDEN)
        fprintf(out, "  \"objective\": \"%s\",\n", d->objective == COA_COMMUNITY_CPM ? "cpm" : "modularity");
    fprintf(out, "  \"weight\": \"%s\",\n", coa_community_weight_name(d->weight));
    if (d->method == COA_COMMUNITY_LEIDEN || d->method == COA_COMMUNITY_LOUVAIN) {
        fputs("  \"resolution\": ", out);
        json_number(out, d->resolution);
        fputs(",\n", out);
    }
    fprintf(out, "  \"seed\": %lu,\n", d->seed);
    if (d->method == COA_COMMUNITY_LEIDEN)
        fprintf(out, "  \"runs\": %d,\n  \"best_seed\": %lu,\n", d->runs, d->seed + (unsigned long)c->best_run);
    if (d->method == COA_COMMUNITY_LEIDEN && d->iterations > 0)
        fprintf(out, "  \"iterations\": %d,\n", d->iterations);
    else if (d->method == COA_COMMUNITY_LEIDEN)
        fprintf(out, "  \"iterations\": null,\n");
    if (d->method == COA_COMMUNITY_OPTIMAL)
        fprintf(out, "  \"largest_component\": %lld,\n", (long long)c->optimal_largest);
    fprintf(out, "  \"authors\": %lld,\n  \"edges\": %lld,\n  \"n_communities\": %lld,\n", (long long)g->n_vertices,
           (long long)igraph_ecount(&g->graph), (long long)c->n_communities);
    fputs("  \"modularity\": ", out);
    json_number(out, c->modularity);
    fputs(",\n  \"quality\": ", out);
    json_number(out, c->quality);
    if (d->method == COA_COMMUNITY_INFOMAP) {
        fputs(",\n  \"codelength\": ", out);
        json_number(out, c->codelength);
    }
    fputs(",\n  \"communities\": [", out);
    int status = COA_OK;
    for (igraph_integer_t k = 0; k < c->n_communities; k++) {
        if (coa_communities_members(c, g, k, &members)) {
            status = COA_ENOMEM;
            break;
        }
        fprintf(out, "%s\n    {\"id\": %lld, \"size\": %lld, \"internal_edges\": %lld, \"external_edges\": %lld, "
               "\"internal_weight\": ",
               k ? "," : "", (long long)k, (long long)VECTOR(c->sizes)[k], (long long)VECTOR(c->internal_edges)[k],
               (long long)VECTOR(c->external_edges)[k]);
        print_strength(out, d, VECTOR(c->internal_weight)[k]);
        fputs(",\n     \"members\": [", out);
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(&members); i++) {
            igraph_integer_t v = VECTOR(members)[i];
            fputs(i ? ", {\"name\": " : "{\"name\": ", out);
            coa_json_string(out, coa_graph_vertex_name(g, v));
            fputs(", \"strength\": ", out);
            print_strength(out, d, VECTOR(c->internal_strength)[v]);
            fputc('}', out);
        }
        fputs("]}", out);
    }
    fputs(c->n_communities ? "\n  ]\n}\n" : "]\n}\n", out);
    igraph_vector_int_destroy(&members);
    return status;
}

int coa_write_communities(FILE *out, const coa_graph_t *g, const coa_communities_t *c,
                          const coa_community_options_t *d, int top, coa_output_t format)
{
    if (format == COA_OUT_JSON)
        return print_json(out, d, g, c);
    if (format == COA_OUT_TSV || format == COA_OUT_CSV)
        return print_membership(out, g, c, format);
    return print_text(out, d, top, g, c);
}
