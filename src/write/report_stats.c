/* The summary of 'coauthor stats' as text, JSON or a table. */
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "coauthor/report.h"
#include "coauthor/write.h"

/* A row of the summary: key, value for programs, and the text form. */
typedef struct {
    const char *key;
    char value[64];
    char text[96];
} row_t;

#define MAX_ROWS 40

static void add(row_t *rows, int *n, const char *key, const char *text, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void add(row_t *rows, int *n, const char *key, const char *text, const char *fmt, ...)
{
    row_t *r = &rows[(*n)++];
    va_list ap;
    va_start(ap, fmt);
    r->key = key;
    vsnprintf(r->value, sizeof r->value, fmt, ap);
    va_end(ap);
    snprintf(r->text, sizeof r->text, "%s", text ? text : r->value);
}

/* A real number: 6 decimals for programs, 4 for people. */
static void addf(row_t *rows, int *n, const char *key, double v, const char *note)
{
    char text[96];
    snprintf(text, sizeof text, "%.4f%s", v, note ? note : "");
    add(rows, n, key, text, "%.6f", v);
}

static const char *meta_value(const coa_corpus_t *c, const coa_source_t *s, const char *label)
{
    for (uint32_t i = 0; i < s->n_meta; i++) {
        const coa_meta_t *m = &c->meta[s->first_meta + i];
        if (strcmp(coa_corpus_str(c, m->label), label) == 0)
            return coa_corpus_str(c, m->value);
    }
    return NULL;
}

static void print_sources_text(const coa_corpus_t *c, FILE *out)
{
    for (uint32_t i = 0; i < c->n_sources; i++) {
        const coa_source_t *s = &c->sources[i];
        fprintf(out, "source %s (%s)", coa_corpus_str(c, s->path), coa_corpus_str(c, s->format));
        if (s->owner)
            fprintf(out, ": profile of %s", coa_corpus_str(c, s->owner));
        fputc('\n', out);
        char skips[96];
        coa_skipped_text(skips, sizeof skips, s->skipped, coa_source_no_authors(c, i));
        fprintf(out, "  %u records read, %s", s->records, skips);
        const char *declared = meta_value(c, s, "papers");
        if (declared)
            fprintf(out, "; the profile declares %s papers", declared);
        fputc('\n', out);
        if (s->duplicates)
            fprintf(out, "  %u merged as duplicates of papers read before (in this file or another)\n",
                    s->duplicates);
        if (s->inferred)
            fprintf(out, "  %u authorships inferred (%s)\n", s->inferred,
                    strncmp(coa_corpus_str(c, s->format), "orcid", 5) == 0
                        ? "the record's owner, where a work lists no contributor with the owner's iD or name"
                        : "the owner hidden behind \"et al.\"");
        if (s->undated)
            fprintf(out, "  %u entries dated without a year were given %d (--year)\n", s->undated,
                    s->assumed_year);
        int first = 1;
        for (uint32_t k = 0; k < s->n_meta; k++) {
            const coa_meta_t *m = &c->meta[s->first_meta + k];
            const char *label = coa_corpus_str(c, m->label);
            if (strcmp(label, "owner") == 0 || strcmp(label, "text") == 0 || strncmp(label, "records ", 8) == 0 ||
                strcmp(label, COA_META_NO_AUTHORS) == 0)
                continue;
            fprintf(out, "%s%s %s", first ? "  header: " : ", ", label, coa_corpus_str(c, m->value));
            first = 0;
        }
        if (!first)
            fputc('\n', out);
        /* counts by record type, from readers that have types (DBLP) */
        first = 1;
        for (uint32_t k = 0; k < s->n_meta; k++) {
            const char *label = coa_corpus_str(c, c->meta[s->first_meta + k].label);
            if (strncmp(label, "records ", 8) == 0) {
                fprintf(out, "%s%s %s", first ? "  records by type: " : ", ", label + 8,
                        coa_corpus_str(c, c->meta[s->first_meta + k].value));
                first = 0;
            }
        }
        if (!first)
            fputc('\n', out);
    }
}

static void print_sources_json(const coa_corpus_t *c, FILE *out)
{
    fputs("  \"sources\": [", out);
    for (uint32_t i = 0; i < c->n_sources; i++) {
        const coa_source_t *s = &c->sources[i];
        fputs(i ? ",\n    {" : "\n    {", out);
        fputs("\"path\": ", out);
        coa_json_string(out, coa_corpus_str(c, s->path));
        fputs(", \"format\": ", out);
        coa_json_string(out, coa_corpus_str(c, s->format));
        fprintf(out, ", \"records\": %u, \"skipped\": %u, \"inferred_authorships\": %u", s->records,
                s->skipped, s->inferred);
        fprintf(out, ", \"undated\": %u", s->undated);
        if (coa_source_no_authors(c, i))
            fprintf(out, ", \"without_authors\": %u", coa_source_no_authors(c, i));
        if (s->duplicates)
            fprintf(out, ", \"duplicates\": %u", s->duplicates);
        if (s->undated)
            fprintf(out, ", \"assumed_year\": %d", s->assumed_year);
        if (s->owner) {
            fputs(", \"owner\": ", out);
            coa_json_string(out, coa_corpus_str(c, s->owner));
        }
        const char *declared = meta_value(c, s, "papers");
        if (declared)
            fprintf(out, ", \"declared_papers\": %s", declared);
        int shown = 0;
        for (uint32_t k = 0; k < s->n_meta; k++) {
            const coa_meta_t *m = &c->meta[s->first_meta + k];
            if (strcmp(coa_corpus_str(c, m->label), COA_META_NO_AUTHORS) == 0)
                continue; /* "without_authors" above */
            fputs(shown++ ? ", " : ", \"header\": {", out);
            coa_json_string(out, coa_corpus_str(c, m->label));
            fputs(": ", out);
            coa_json_string(out, coa_corpus_str(c, m->value));
        }
        if (shown)
            fputc('}', out);
        fputc('}', out);
    }
    fputs(c->n_sources ? "\n  ],\n" : "],\n", out);
}

/* The rows of the summary, in order; returns how many. */
static int stats_rows(const coa_stats_t *st, row_t *rows)
{
    int n = 0;
    char text[96];
    add(rows, &n, "papers", NULL, "%u", st->papers);
    if (st->papers_without_authors)
        add(rows, &n, "papers_without_authors", NULL, "%u", st->papers_without_authors);
    add(rows, &n, "authors", NULL, "%u", st->authors);
    snprintf(text, sizeof text, "%u (%u inferred)", st->authorships, st->inferred_authorships);
    add(rows, &n, "authorships", text, "%u", st->authorships);
    add(rows, &n, "inferred_authorships", NULL, "%u", st->inferred_authorships);
    snprintf(text, sizeof text, "%u (an author listed twice on one paper: counted once, the repeat dropped)",
             st->duplicate_authorships);
    add(rows, &n, "duplicate_authorships", text, "%u", st->duplicate_authorships);
    add(rows, &n, "truncated_papers", NULL, "%u", st->truncated_papers);
    if (st->papers_over_max_authors)
        add(rows, &n, "papers_over_max_authors", NULL, "%u", st->papers_over_max_authors);
    snprintf(text, sizeof text, "%lld (%lld self-loops)", (long long)st->coauthor_edges, (long long)st->self_loops);
    add(rows, &n, "coauthor_edges", text, "%lld", (long long)st->coauthor_edges);
    add(rows, &n, "self_loops", NULL, "%lld", (long long)st->self_loops);
    add(rows, &n, "components", NULL, "%lld", (long long)st->components);
    add(rows, &n, "largest_component_authors", NULL, "%lld", (long long)st->largest_component_authors);
    add(rows, &n, "largest_component_edges", NULL, "%lld", (long long)st->largest_component_edges);
    add(rows, &n, "isolated_authors", NULL, "%lld", (long long)st->isolated_authors);
    if (isnan(st->mean_authors_per_paper)) {
        add(rows, &n, "mean_authors_per_paper", "- (no papers)", "null");
        add(rows, &n, "mean_papers_per_author", "- (no papers)", "null");
    } else {
        addf(rows, &n, "mean_authors_per_paper", st->mean_authors_per_paper, NULL);
        addf(rows, &n, "mean_papers_per_author", st->mean_papers_per_author, NULL);
    }
    addf(rows, &n, "mean_coauthors_per_author", st->mean_coauthors_per_author, NULL);
    const char *sampled = st->clustering_sampled ? " (estimated)" : NULL;
    addf(rows, &n, "average_clustering", st->average_clustering, sampled);
    addf(rows, &n, "transitivity", st->transitivity, sampled);
    snprintf(text, sizeof text, "%lld%s", (long long)st->triangles, sampled ? sampled : "");
    add(rows, &n, "triangles", text, "%lld", (long long)st->triangles);
    snprintf(text, sizeof text, "%lld%s", (long long)st->diameter, st->distances_sampled ? " (estimated)" : "");
    add(rows, &n, "diameter", text, "%lld", (long long)st->diameter);
    addf(rows, &n, "mean_distance", st->mean_distance, st->distances_sampled ? " (estimated)" : NULL);
    add(rows, &n, "distance_sources", NULL, "%lld", (long long)st->distance_sources);
    add(rows, &n, "distances_sampled", NULL, "%s", st->distances_sampled ? "true" : "false");
    if (st->clustering_sampled) {
        add(rows, &n, "clustering_sampled", NULL, "true");
        add(rows, &n, "clustering_samples", NULL, "%lld", (long long)st->clustering_samples);
    }

    return n;
}

static void print_text(FILE *out, const coa_stats_t *st, const coa_corpus_t *whole, const row_t *rows, int n,
                       unsigned long seed)
{
    print_sources_text(whole, out);
    fputc('\n', out);
    int no_papers = st->papers == 0 && whole->n_links > 0;
    if (no_papers)
        fprintf(out, "(edge-list input: already projected onto authors, so there are no papers;\n"
               " paper counts and paper weights do not apply)\n\n");
    for (int i = 0; i < n; i++) {
        const char *k = rows[i].key;
        if (no_papers && (!strcmp(k, "papers") || !strcmp(k, "authorships") || !strcmp(k, "truncated_papers") ||
                          !strncmp(k, "mean_authors", 12) || !strncmp(k, "mean_papers", 11)))
            continue;
        if (!strcmp(k, "inferred_authorships") || !strcmp(k, "self_loops") || !strcmp(k, "distance_sources") ||
            !strcmp(k, "distances_sampled") || !strncmp(k, "clustering_sample", 17) ||
            (!strcmp(k, "duplicate_authorships") && !st->duplicate_authorships))
            continue;
        char label[64];
        snprintf(label, sizeof label, "%s", k);
        for (char *p = label; *p; p++)
            if (*p == '_')
                *p = ' ';
        fprintf(out, "%-28s %s\n", label, rows[i].text);
    }
    if (st->clustering_sampled)
        fprintf(out, "(clustering, transitivity and triangles estimated from %lld sampled authors and %lld\n"
               " sampled pairs of coauthors, seed %lu)\n",
               (long long)st->clustering_samples, (long long)st->clustering_samples, seed);
    if (st->distances_sampled)
        fprintf(out, "(distances estimated from %lld breadth-first searches, seed %lu)\n",
               (long long)st->distance_sources, seed);
}

int coa_write_stats_report(FILE *out, const coa_stats_t *st, const coa_corpus_t *whole, const coa_select_t *sel,
                           unsigned long seed, coa_output_t format)
{
    row_t rows[MAX_ROWS];
    int n = stats_rows(st, rows), status = 0;
    if (format == COA_OUT_JSON) {
        fputs("{\n", out);
        for (int i = 0; i < n; i++)
            fprintf(out, "  \"%s\": %s,\n", rows[i].key, rows[i].value);
        print_sources_json(whole, out);
        fprintf(out, "  \"selection\": {\"years\": ");
        if (sel->year_from || sel->year_to)
            fprintf(out, "[%d, %d]", sel->year_from, sel->year_to);
        else
            fputs("null", out);
        fprintf(out, ", \"max_authors\": %u, \"min_papers\": %u, \"component\": \"%s\"}\n}\n", sel->max_authors,
               sel->min_papers, sel->largest_component ? "largest" : "all");
    } else if (format == COA_OUT_TSV || format == COA_OUT_CSV) {
        const char *names[] = {"key", "value"};
        coa_table_t *t = coa_table_new(2, names);
        for (int i = 0; t && i < n; i++) {
            coa_table_cell(t, "%s", rows[i].key);
            coa_table_cell(t, "%s", rows[i].value);
        }
        if (!t || coa_table_write(t, out, format))
            status = -1;
        coa_table_free(t);
    } else {
        print_text(out, st, whole, rows, n, seed);
    }
    return status;
}
