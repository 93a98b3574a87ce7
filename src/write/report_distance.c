/* 'coauthor distance': the distances from one author as text (summary,
 * histogram and with 'list' the authors), JSON or a table. */
#include "coauthor/report.h"

static const char *author_name(const coa_corpus_t *c, uint32_t a)
{
    return coa_corpus_str(c, c->authors[a].display);
}

static void print_json(FILE *out, const coa_corpus_t *c, const coa_distance_report_t *r)
{
    const coa_distances_t *d = r->distances;
    const char *root_display = author_name(c, r->root);
    fputs("{\n  \"from\": ", out);
    coa_json_string(out, root_display);
    if (r->max_distance >= 0)
        fprintf(out, ",\n  \"max_distance\": %ld", r->max_distance);
    else
        fputs(",\n  \"max_distance\": null", out);
    fprintf(out, ",\n  \"reachable\": %llu,\n  \"unreachable\": %llu,\n  \"beyond\": %llu", (unsigned long long)d->reachable,
           (unsigned long long)d->unreachable, (unsigned long long)r->beyond);
    fprintf(out, ",\n  \"mean_distance\": %.4f,\n  \"largest_distance\": %u", d->mean_distance, d->max_distance);
    fputs(",\n  \"histogram\": [", out);
    for (uint32_t k = 0; k <= r->limit; k++)
        fprintf(out, "%s{\"distance\": %u, \"authors\": %llu}", k ? ", " : "", k, (unsigned long long)d->histogram[k]);
    fputs("],\n  \"authors\": [", out);
    for (uint32_t i = 0; i < r->n; i++) {
        fputs(i ? ",\n    {\"author\": " : "\n    {\"author\": ", out);
        coa_json_string(out, author_name(c, r->order[i]));
        fprintf(out, ", \"distance\": %u}", d->distance[r->order[i]]);
    }
    fputs(r->n ? "\n  ]\n}\n" : "]\n}\n", out);
}

static int print_table(FILE *out, const coa_corpus_t *c, const coa_distance_report_t *r, int histogram,
                       coa_output_t format)
{
    const coa_distances_t *d = r->distances;
    int status = 0;
    static const char *const author_cols[] = {"author", "distance"};
    static const char *const hist_cols[] = {"distance", "authors"};
    coa_table_t *t = coa_table_new(2, histogram ? hist_cols : author_cols);
    for (uint32_t i = 0; t && histogram && i <= r->limit; i++) {
        coa_table_cell(t, "%u", i);
        coa_table_cell(t, "%llu", (unsigned long long)d->histogram[i]);
    }
    for (uint32_t i = 0; t && !histogram && i < r->n; i++) {
        coa_table_cell(t, "%s", author_name(c, r->order[i]));
        coa_table_cell(t, "%u", d->distance[r->order[i]]);
    }
    if (!t || coa_table_write(t, out, format))
        status = -1;
    coa_table_free(t);
    return status;
}

static int print_text(FILE *out, const coa_corpus_t *c, const coa_distance_report_t *r, int list)
{
    const coa_distances_t *d = r->distances;
    const char *root_display = author_name(c, r->root);
    int status = 0;
    fprintf(out, "distances from %s\n", root_display);
    fprintf(out, "%-16s%llu author%s, %s included\n", "reachable", (unsigned long long)d->reachable,
           d->reachable == 1 ? "" : "s", root_display);
    fprintf(out, "%-16s%llu author%s (in other components)\n", "unreachable", (unsigned long long)d->unreachable,
           d->unreachable == 1 ? "" : "s");
    fprintf(out, "%-16s%.4f\n", "mean distance", d->mean_distance);
    fprintf(out, "%-16s%u\n", "largest", d->max_distance);
    if (r->max_distance >= 0) {
        char label[32];
        snprintf(label, sizeof label, "beyond %ld", r->max_distance);
        fprintf(out, "%-16s%llu author%s (not listed)\n", label, (unsigned long long)r->beyond, r->beyond == 1 ? "" : "s");
    }
    uint64_t peak = 0;
    for (uint32_t k = 0; k <= r->limit; k++)
        if (d->histogram[k] > peak)
            peak = d->histogram[k];
    fprintf(out, "\ndistance   authors  cumulative\n");
    uint64_t cum = 0;
    for (uint32_t k = 0; k <= r->limit; k++) {
        cum += d->histogram[k];
        int bar = peak ? (int)((d->histogram[k] * 40 + peak - 1) / peak) : 0;
        fprintf(out, "%8u %9llu  %9.2f%%  ", k, (unsigned long long)d->histogram[k], 100.0 * (double)cum / (double)d->reachable);
        for (int b = 0; b < bar; b++)
            fputc('#', out);
        fputc('\n', out);
    }
    if (list) {
        coa_table_t *t = coa_table_new(2, (const char *const[]){"author", "distance"});
        if (t)
            coa_table_numeric(t, 1);
        for (uint32_t i = 0; t && i < r->n; i++) {
            coa_table_cell(t, "%s", author_name(c, r->order[i]));
            coa_table_cell(t, "%u", d->distance[r->order[i]]);
        }
        fputc('\n', out);
        if (!t || coa_table_write(t, out, COA_OUT_TEXT))
            status = -1;
        coa_table_free(t);
    }
    return status;
}

int coa_write_distances(FILE *out, const coa_corpus_t *c, const coa_distance_report_t *r, int list, int histogram,
                        coa_output_t format)
{
    if (format == COA_OUT_JSON) {
        print_json(out, c, r);
        return 0;
    }
    if (format == COA_OUT_TSV || format == COA_OUT_CSV)
        return print_table(out, c, r, histogram, format);
    return print_text(out, c, r, list);
}
