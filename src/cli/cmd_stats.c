/* coauthor stats: a summary of the network, after Newman (2001). */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

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
        cli_skipped_text(skips, sizeof skips, s->skipped, coa_source_no_authors(c, i));
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

int cmd_stats(int argc, char **argv)
{
    cli_common_t o;
    cli_common_init(&o);
    int exact = 0, estimate = 0, status;
    const cli_option_t options[] = {
        CLI_TEXT("usage: coauthor stats [options] FILE...\n"
                 "\n"
                 "Summarises the coauthor network of the inputs: papers, authors, authorships\n"
                 "(stated and inferred), truncated author lists, edges, components, clustering,\n"
                 "triangles, diameter and mean distance of the largest component.\n"
                 "\n"
                 "Counting rules:\n"
                 "  - An author listed twice on one paper counts once; the summary line on\n"
                 "    stderr says how many such repeats were dropped.\n"
                 "  - Self-loops (an edge from an author to itself, as in SNAP edge lists) are\n"
                 "    counted in coauthor_edges and in self_loops, as SNAP counts them, but are\n"
                 "    kept out of the graph: degrees, clustering, triangles and distances\n"
                 "    ignore them.\n"
                 "  - papers counts the papers in the network: those with at least one\n"
                 "    author.  Records that name no author (a DBLP proceedings volume, say)\n"
                 "    are counted apart, in papers_without_authors, shown when there are any.\n"
                 "  - Average clustering is the mean local clustering coefficient over all\n"
                 "    authors, with 0 for authors of fewer than two coauthors (as SNAP does).\n"
                 "  - Above " CLI_STR(COA_STATS_EXACT_DISTANCE_LIMIT) " authors in the largest component, the diameter and the mean\n"
                 "    distance are estimated from " CLI_STR(COA_STATS_DISTANCE_SAMPLE) " seeded breadth-first searches, and the\n"
                 "    output says so.\n"
                 "  - A corpus database (coauthor import) of more than " CLI_STR(COA_STATS_ESTIMATE_EDGES) " coauthor edges,\n"
                 "    read whole, is summarised from its index without building the graph:\n"
                 "    every count, the components and the means stay exact; average\n"
                 "    clustering, transitivity and triangles are estimated from " CLI_STR(COA_STATS_CLUSTERING_SAMPLE) " sampled\n"
                 "    authors and as many sampled pairs of coauthors (standard error below\n"
                 "    0.002), and the mean distance from " CLI_STR(COA_STATS_INDEX_SOURCES) " breadth-first searches, with the\n"
                 "    diameter as the largest distance these and one more search found.  The\n"
                 "    output marks every estimate.\n"
                 "\n"
                 "Options:\n",
                 21),
        CLI_FLAG("exact", &exact, "build the graph and count exactly at any size (minutes\nand 8 GB at DBLP scale)"),
        CLI_FLAG("estimate", &estimate,
                 "use the index's estimates at any size (a corpus\ndatabase read whole only)"),
        CLI_HELP_END,
    };
    if (cli_parse("stats", options, &o, argc, argv, &status))
        return status;
    if (cli_common_files(&o, argc, argv))
        return cli_usage_error("stats", "no input files");

    if (exact && estimate)
        return cli_usage_error("stats", "--exact and --estimate exclude each other");

    coa_corpus_t corpus;
    coa_graph_t graph;
    coa_store_index_t *ix = NULL;
    const coa_corpus_t *whole = &corpus; /* the sources to describe */
    coa_stats_t st;
    int err;
    memset(&corpus, 0, sizeof corpus); /* cli_open initialises it */
    memset(&graph, 0, sizeof graph);
    if (!exact && cli_open_index(&o, &ix) == 0 && !estimate && coa_store_index_edges(ix) <= COA_STATS_ESTIMATE_EDGES) {
        coa_store_index_close(ix);
        ix = NULL;
    }
    if (estimate && !ix) {
        cli_error("--estimate needs a corpus database with its index (see 'coauthor import') and no selection "
                  "or identity option");
        status = EXIT_USAGE;
        goto cleanup;
    }
    /* the distance searches of a large graph take minutes: a bar */
    cli_progress_t bar = {NULL, {0, 0}, {0, 0}, 0, "searches"};
    coa_stats_options_t so;
    memset(&so, 0, sizeof so);
    so.seed = o.seed;
    if (!o.quiet && isatty(STDERR_FILENO)) {
        so.progress = cli_progress;
        so.progress_ctx = &bar;
    }
    if (ix && (err = coa_stats_index(ix, &so, &st)) == COA_EFORMAT) {
        /* the index disagrees with itself: read the database instead */
        if (!o.quiet)
            fprintf(stderr, "%s: %s.idx: the index is damaged, so the whole corpus is read\n", cli_program,
                    o.files[0]);
        coa_store_index_close(ix);
        ix = NULL;
        if (estimate) {
            status = EXIT_FAILURE_RUN;
            cli_error("--estimate: the index of %s is damaged; 'coauthor import' writes it again", o.files[0]);
            goto cleanup;
        }
    }
    if (ix) {
        if ((status = cli_index_summary(&o, ix)))
            goto cleanup;
        whole = coa_store_index_corpus(ix);
    } else {
        if ((status = cli_open(&o, &corpus, &graph)))
            goto cleanup;
        err = coa_stats_compute_ex(&graph, &so, &st);
        st.papers_over_max_authors = graph.n_skipped_max_authors;
    }
    if (err) {
        cli_error("cannot compute statistics: %s", coa_strerror(err));
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }

    row_t rows[MAX_ROWS];
    int n = 0;
    char text[96];
    add(rows, &n, "papers", NULL, "%u", st.papers);
    if (st.papers_without_authors)
        add(rows, &n, "papers_without_authors", NULL, "%u", st.papers_without_authors);
    add(rows, &n, "authors", NULL, "%u", st.authors);
    snprintf(text, sizeof text, "%u (%u inferred)", st.authorships, st.inferred_authorships);
    add(rows, &n, "authorships", text, "%u", st.authorships);
    add(rows, &n, "inferred_authorships", NULL, "%u", st.inferred_authorships);
    snprintf(text, sizeof text, "%u (an author listed twice on one paper: counted once, the repeat dropped)",
             st.duplicate_authorships);
    add(rows, &n, "duplicate_authorships", text, "%u", st.duplicate_authorships);
    add(rows, &n, "truncated_papers", NULL, "%u", st.truncated_papers);
    if (st.papers_over_max_authors)
        add(rows, &n, "papers_over_max_authors", NULL, "%u", st.papers_over_max_authors);
    snprintf(text, sizeof text, "%lld (%lld self-loops)", (long long)st.coauthor_edges, (long long)st.self_loops);
    add(rows, &n, "coauthor_edges", text, "%lld", (long long)st.coauthor_edges);
    add(rows, &n, "self_loops", NULL, "%lld", (long long)st.self_loops);
    add(rows, &n, "components", NULL, "%lld", (long long)st.components);
    add(rows, &n, "largest_component_authors", NULL, "%lld", (long long)st.largest_component_authors);
    add(rows, &n, "largest_component_edges", NULL, "%lld", (long long)st.largest_component_edges);
    add(rows, &n, "isolated_authors", NULL, "%lld", (long long)st.isolated_authors);
    if (isnan(st.mean_authors_per_paper)) {
        add(rows, &n, "mean_authors_per_paper", "- (no papers)", "null");
        add(rows, &n, "mean_papers_per_author", "- (no papers)", "null");
    } else {
        addf(rows, &n, "mean_authors_per_paper", st.mean_authors_per_paper, NULL);
        addf(rows, &n, "mean_papers_per_author", st.mean_papers_per_author, NULL);
    }
    addf(rows, &n, "mean_coauthors_per_author", st.mean_coauthors_per_author, NULL);
    const char *sampled = st.clustering_sampled ? " (estimated)" : NULL;
    addf(rows, &n, "average_clustering", st.average_clustering, sampled);
    addf(rows, &n, "transitivity", st.transitivity, sampled);
    snprintf(text, sizeof text, "%lld%s", (long long)st.triangles, sampled ? sampled : "");
    add(rows, &n, "triangles", text, "%lld", (long long)st.triangles);
    snprintf(text, sizeof text, "%lld%s", (long long)st.diameter, st.distances_sampled ? " (estimated)" : "");
    add(rows, &n, "diameter", text, "%lld", (long long)st.diameter);
    addf(rows, &n, "mean_distance", st.mean_distance, st.distances_sampled ? " (estimated)" : NULL);
    add(rows, &n, "distance_sources", NULL, "%lld", (long long)st.distance_sources);
    add(rows, &n, "distances_sampled", NULL, "%s", st.distances_sampled ? "true" : "false");
    if (st.clustering_sampled) {
        add(rows, &n, "clustering_sampled", NULL, "true");
        add(rows, &n, "clustering_samples", NULL, "%lld", (long long)st.clustering_samples);
    }

    if (o.output == COA_OUT_JSON) {
        fputs("{\n", stdout);
        for (int i = 0; i < n; i++)
            printf("  \"%s\": %s,\n", rows[i].key, rows[i].value);
        print_sources_json(whole, stdout);
        printf("  \"selection\": {\"years\": ");
        if (o.select.year_from || o.select.year_to)
            printf("[%d, %d]", o.select.year_from, o.select.year_to);
        else
            fputs("null", stdout);
        printf(", \"max_authors\": %u, \"min_papers\": %u, \"component\": \"%s\"}\n}\n", o.select.max_authors,
               o.select.min_papers, o.select.largest_component ? "largest" : "all");
    } else if (o.output == COA_OUT_TSV || o.output == COA_OUT_CSV) {
        const char *names[] = {"key", "value"};
        coa_table_t *t = coa_table_new(2, names);
        for (int i = 0; t && i < n; i++) {
            coa_table_cell(t, "%s", rows[i].key);
            coa_table_cell(t, "%s", rows[i].value);
        }
        if (!t || coa_table_write(t, stdout, o.output)) {
            cli_error("cannot write the output");
            status = EXIT_FAILURE_RUN;
        }
        coa_table_free(t);
    } else {
        print_sources_text(whole, stdout);
        fputc('\n', stdout);
        int no_papers = st.papers == 0 && whole->n_links > 0;
        if (no_papers)
            printf("(edge-list input: already projected onto authors, so there are no papers;\n"
                   " paper counts and paper weights do not apply)\n\n");
        for (int i = 0; i < n; i++) {
            const char *k = rows[i].key;
            if (no_papers && (!strcmp(k, "papers") || !strcmp(k, "authorships") || !strcmp(k, "truncated_papers") ||
                              !strncmp(k, "mean_authors", 12) || !strncmp(k, "mean_papers", 11)))
                continue;
            if (!strcmp(k, "inferred_authorships") || !strcmp(k, "self_loops") || !strcmp(k, "distance_sources") ||
                !strcmp(k, "distances_sampled") || !strncmp(k, "clustering_sample", 17) ||
                (!strcmp(k, "duplicate_authorships") && !st.duplicate_authorships))
                continue;
            char label[64];
            snprintf(label, sizeof label, "%s", k);
            for (char *p = label; *p; p++)
                if (*p == '_')
                    *p = ' ';
            printf("%-28s %s\n", label, rows[i].text);
        }
        if (st.clustering_sampled)
            printf("(clustering, transitivity and triangles estimated from %lld sampled authors and %lld\n"
                   " sampled pairs of coauthors, seed %lu)\n",
                   (long long)st.clustering_samples, (long long)st.clustering_samples, o.seed);
        if (st.distances_sampled)
            printf("(distances estimated from %lld breadth-first searches, seed %lu)\n",
                   (long long)st.distance_sources, o.seed);
    }
cleanup:
    coa_graph_destroy(&graph);
    coa_corpus_destroy(&corpus);
    coa_store_index_close(ix);
    return status;
}
