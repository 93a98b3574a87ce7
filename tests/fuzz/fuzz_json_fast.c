/* Fuzz target: the JSON fast path (src/read/json_fast.c) against jansson.
 * It runs in the JSON reader's fast-path check mode
 * (COAUTHOR_JSON_FAST_CHECK): every work the fast path reads, from a JSON
 * Lines line or an item of a streamed array, is parsed by jansson too, and
 * a work that the two read differently (or that jansson refuses) is a
 * crash, so the fuzzer searches for one.  Bit 5 of the options byte
 * chooses the reader: jsonl (OpenAlex and Crossref works) or csl-json
 * (every item a CSL item). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_read.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    setenv("COAUTHOR_JSON_FAST_CHECK", "1", 1);
    return 0;
}

static void on_diag(void *ctx, const coa_diag_t *d)
{
    (void)ctx;
    static const char differ[] = "internal error: the JSON fast path and jansson differ";
    if (!strncmp(d->message, differ, sizeof differ - 1)) { /* the report's start, not an echo */
        fprintf(stderr, "%s:%ld: %s\n", d->file ? d->file : "?", d->line, d->message);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    coa_diag_sink_t sink = {on_diag, NULL};
    fuzz_read_to(size && (data[0] & 32) ? "csl-json" : "jsonl", data, size, &sink);
    return 0;
}
