/*
 * In-process timings for the benchmark: reading (the readers alone, then
 * finalising the corpus), building the coauthor graph, and chain queries
 * when the library has them.  Built by scripts/bench/run.py against the
 * build's libcoauthor.a; not part of the library or the program.
 *
 *   inproc [--format NAME] [--path FROM TO] [--repeat N] FILE...
 *   inproc --index FROM TO [--repeat N] CORPUS.db
 *
 * With --index: the chain search on a database's index (coauthor import),
 * without loading the corpus: open_ms, then the first search (its pages of
 * the index and of the search's memory touched for the first time) and the
 * median of N more, index_first_ms and index_ms, with index_touched.
 *
 * Prints "key value" lines: bytes, read_s, finalize_s, build_s, papers,
 * authors, edges, and with --path: path_ms (median of N), path_length,
 * path_touched, path_touched_fraction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "coauthor.h"
#ifdef HAVE_COA_PATH
#include "coauthor/path.h"
#endif

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double now(void)
{
    return clock_s(CLOCK_MONOTONIC);
}

/* CPU time of the process: on a shared machine, wall time also counts the
 * time other programs held the cores. */
static double cpu(void)
{
    return clock_s(CLOCK_PROCESS_CPUTIME_ID);
}

/* Counts diagnostics, and shows the first few (a benchmark whose input
 * is rejected must say why). */
static void quiet_diag(void *ctx, const coa_diag_t *d)
{
    unsigned long *n = ctx;
    if ((*n)++ < 5)
        fprintf(stderr, "inproc: %s:%ld: %s\n", d->file ? d->file : "-", (long)d->line, d->message);
}

#if defined(HAVE_COA_PATH) || defined(HAVE_COA_VIEW)
static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}
#endif

#ifdef HAVE_COA_VIEW
static int index_queries(const char *db, const char *from, const char *to, int repeat)
{
    double t0 = now();
    coa_store_index_t *ix;
    if (coa_store_index_open(db, &ix)) {
        fprintf(stderr, "inproc: no index beside '%s' (coauthor import writes one)\n", db);
        return 1;
    }
    printf("open_ms %.3f\n", (now() - t0) * 1e3);
    const coa_corpus_t *c = coa_store_index_corpus(ix);
    uint32_t a = coa_corpus_find_author(c, from), b = coa_corpus_find_author(c, to);
    if (a == COA_NONE || b == COA_NONE) {
        fprintf(stderr, "inproc: unknown author\n");
        coa_store_index_close(ix);
        return 1;
    }
    double *ms = calloc((size_t)repeat + 1, sizeof *ms);
    coa_view_t *view;
    coa_chains_t res;
    coa_chains_init(&res);
    if (coa_view_new_index(ix, &view))
        return 1;
    for (int r = 0; r <= repeat; r++) {
        double s = now();
        if (coa_view_chains(view, a, b, 1, NULL, 0, &res))
            return 1;
        ms[r] = (now() - s) * 1e3;
    }
    coa_view_free(view);
    printf("index_first_ms %.3f\n", ms[0]);
    qsort(ms + 1, (size_t)repeat, sizeof *ms, cmp_double);
    printf("index_ms %.3f\nindex_length %u\nindex_touched %llu\nindex_authors %u\n", ms[1 + repeat / 2],
           res.length, (unsigned long long)res.touched, coa_store_index_vertices(ix));
    coa_chains_destroy(&res);
    free(ms);
    coa_store_index_close(ix);
    return 0;
}
#endif

int main(int argc, char **argv)
{
    const char *format = NULL, *from = NULL, *to = NULL;
    int repeat = 21, i = 1, index = 0;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
            format = argv[++i];
        else if (strcmp(argv[i], "--index") == 0 && i + 2 < argc) {
            index = 1;
            from = argv[++i];
            to = argv[++i];
        }
        else if (strcmp(argv[i], "--path") == 0 && i + 2 < argc) {
            from = argv[++i];
            to = argv[++i];
        } else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = atoi(argv[++i]) > 0 ? atoi(argv[i]) : 1;
        else {
            fprintf(stderr, "usage: inproc [--format NAME] [--path FROM TO | --index FROM TO] [--repeat N] FILE...\n");
            return 2;
        }
    }
    if (i == argc) {
        fprintf(stderr, "inproc: no input files\n");
        return 2;
    }
    coa_library_init(1);
    if (index) {
#ifdef HAVE_COA_VIEW
        return index_queries(argv[i], from, to, repeat);
#else
        printf("index_ms n/a\n");
        return 0;
#endif
    }
    unsigned long n_diag = 0;
    coa_diag_sink_t sink = {quiet_diag, &n_diag};
    coa_read_options_t opts;
    coa_read_options_init(&opts);
    opts.format = format;
    coa_corpus_t c;
    if (coa_corpus_init(&c))
        return 1;
    long long bytes = 0;
    double t0 = now(), c0 = cpu();
    for (int k = i; k < argc; k++) {
        struct stat st;
        if (stat(argv[k], &st) == 0)
            bytes += st.st_size;
        int err = coa_read_file(&c, argv[k], &opts, &sink);
        if (err) {
            fprintf(stderr, "inproc: cannot read '%s' (error %d)\n", argv[k], err);
            return 1;
        }
    }
    double t1 = now(), c1 = cpu();
    if (coa_corpus_finalize(&c))
        return 1;
    double t2 = now();
    coa_select_t sel;
    coa_select_init(&sel);
    coa_graph_t g;
    if (coa_graph_build(&g, &c, &sel))
        return 1;
    double t3 = now();
    printf("bytes %lld\nread_s %.3f\nread_cpu_s %.3f\nread_mb_s %.1f\nfinalize_s %.3f\nbuild_s %.3f\n", bytes,
           t1 - t0, c1 - c0, (double)bytes / 1e6 / (t1 - t0), t2 - t1, t3 - t2);
    printf("papers %u\nauthors %u\nauthorships %u\nedges %lld\ndiagnostics %lu\n", c.n_papers, c.n_authors,
           c.n_authorships, (long long)igraph_ecount(&g.graph), n_diag);
    int status = 0;
    if (from) {
#ifdef HAVE_COA_PATH
        uint32_t a = coa_corpus_find_author(&c, from), b = coa_corpus_find_author(&c, to);
        igraph_integer_t va = a == COA_NONE ? -1 : coa_graph_vertex_of(&g, a);
        igraph_integer_t vb = b == COA_NONE ? -1 : coa_graph_vertex_of(&g, b);
        coa_path_finder_t *f = NULL;
        if (va < 0 || vb < 0) {
            fprintf(stderr, "inproc: unknown author\n");
            status = 1;
        } else {
            double tf = now();
            if (coa_path_finder_new(&g, &f))
                return 1;
            printf("path_finder_s %.3f\n", now() - tf);
            double *ms = calloc((size_t)repeat, sizeof *ms);
            coa_path_result_t res;
            coa_path_result_init(&res);
            double first = now();
            if (coa_path_shortest(f, va, vb, 1, &res))
                return 1;
            printf("path_first_ms %.3f\n", (now() - first) * 1e3);
            for (int r = 0; r < repeat; r++) {
                double s = now();
                if (coa_path_shortest(f, va, vb, 1, &res))
                    return 1;
                ms[r] = (now() - s) * 1e3;
            }
            qsort(ms, (size_t)repeat, sizeof *ms, cmp_double);
            printf("path_ms %.3f\npath_length %u\npath_chains %llu\npath_touched %llu\n"
                   "path_touched_fraction %.5f\n",
                   ms[repeat / 2], res.length, (unsigned long long)res.total_chains,
                   (unsigned long long)res.touched, (double)res.touched / (double)g.n_vertices);
            coa_path_result_destroy(&res);
            free(ms);
            coa_path_finder_free(f);
        }
#else
        (void)to;
        (void)repeat;
        printf("path_ms n/a\n");
#endif
    }
    coa_graph_destroy(&g);
    coa_corpus_destroy(&c);
    return status;
}
