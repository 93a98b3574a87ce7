/* Fuzz target: the dblp reader (DBLP XML (dblp.xml, whole or a fragment
 * of records)).  It runs in the reader's check mode (COAUTHOR_DBLP_CHECK),
 * where libxml2 reads every record the fast path read too: a record that
 * the two read differently is a crash, so the fuzzer searches for them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_read.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    setenv("COAUTHOR_DBLP_CHECK", "1", 1);
    return 0;
}

static void on_diag(void *ctx, const coa_diag_t *d)
{
    (void)ctx;
    if (strstr(d->message, "DBLP fast path and libxml2 differ")) {
        fprintf(stderr, "%s:%ld: %s\n", d->file ? d->file : "?", d->line, d->message);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    coa_diag_sink_t sink = {on_diag, NULL};
    fuzz_read_to("dblp", data, size, &sink);
    return 0;
}
