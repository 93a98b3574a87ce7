/*
 * The body every reader's fuzz target shares: one input goes through the
 * whole read path (format check, reader, corpus, finalisation) and then
 * through the coauthor projection, because a corpus built from hostile
 * input must also be safe to build a graph from.
 *
 * The first byte of the input chooses options, so one corpus explores
 * them all: bit 0 strict mode, bit 1 a short line limit (to reach the
 * over-long-line paths without megabyte inputs), bits 2-4 the file name
 * given to detection.  A target defines FUZZ_FORMAT (a reader name, or
 * NULL for detection) before including this file.
 */
#ifndef COAUTHOR_FUZZ_READ_H
#define COAUTHOR_FUZZ_READ_H

#include <stddef.h>
#include <stdint.h>

#include "coauthor.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fuzz_names[8] = {
    "input.txt", "input", "refs.bib", "refs.ris", "savedrecs.txt", "dblp.xml", "works.jsonl", "graph.graphml",
};

static int fuzz_initialised;

static void fuzz_read_to(const char *format, const uint8_t *data, size_t size, coa_diag_sink_t *sink)
{
    if (!fuzz_initialised) {
        coa_library_init(1);
        fuzz_initialised = 1;
    }
    if (size == 0)
        return;
    unsigned flags = data[0];
    data++;
    size--;

    coa_read_options_t opts;
    coa_read_options_init(&opts);
    opts.format = format;
    opts.assumed_year = 2026;
    opts.strict = flags & 1;
    if (flags & 2)
        opts.max_line = 64;

    coa_corpus_t corpus;
    if (coa_corpus_init(&corpus))
        return;
    /* a NULL sink: diagnostics are dropped, but still formatted */
    int err = coa_read_buffer(&corpus, fuzz_names[(flags >> 2) & 7], data, size, &opts, sink);
    if (!err && coa_corpus_finalize(&corpus) == COA_OK) {
        coa_select_t sel;
        coa_select_init(&sel);
        sel.max_authors = 200; /* keep the projection small: pairs grow as n^2 */
        coa_graph_t graph;
        if (coa_graph_build(&graph, &corpus, &sel) == COA_OK)
            coa_graph_destroy(&graph);
    }
    coa_corpus_destroy(&corpus);
}

static inline void fuzz_read(const char *format, const uint8_t *data, size_t size)
{
    fuzz_read_to(format, data, size, NULL);
}

#define FUZZ_READER(format)                                                                        \
    int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)                                   \
    {                                                                                              \
        fuzz_read(format, data, size);                                                             \
        return 0;                                                                                  \
    }

/* A differential target: the reader runs in its check mode (the variable
 * 'env' set to 1), where the general reader also reads what the fast path
 * read, and a diagnostic containing 'differ' (the two disagree) aborts the
 * run, so that the fuzzer searches for such inputs too. */
#define FUZZ_DIFFERENTIAL(format, env, differ)                                                     \
    int LLVMFuzzerInitialize(int *argc, char ***argv);                                             \
    int LLVMFuzzerInitialize(int *argc, char ***argv)                                              \
    {                                                                                              \
        (void)argc;                                                                                \
        (void)argv;                                                                                \
        setenv(env, "1", 1);                                                                       \
        return 0;                                                                                  \
    }                                                                                              \
    static void on_diag(void *ctx, const coa_diag_t *d)                                            \
    {                                                                                              \
        (void)ctx;                                                                                 \
        if (!strncmp(d->message, differ, strlen(differ))) { /* the report's start, not an echo */ \
            fprintf(stderr, "%s:%ld: %s\n", d->file ? d->file : "?", d->line, d->message);         \
            abort();                                                                               \
        }                                                                                          \
    }                                                                                              \
    int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)                                   \
    {                                                                                              \
        coa_diag_sink_t sink = {on_diag, NULL};                                                    \
        fuzz_read_to(format, data, size, &sink);                                                   \
        return 0;                                                                                  \
    }

#endif
