/* Fuzz target: the bibtex reader (BibTeX (.bib), through bibutils and the
 * fast path).  It runs in the reader's check mode (COAUTHOR_BIBTEX_CHECK),
 * where bibutils reads every entry too: an entry that the fast path reads
 * differently from bibutils is a crash, so the fuzzer searches for them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_read.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    setenv("COAUTHOR_BIBTEX_CHECK", "1", 1);
    return 0;
}

static void on_diag(void *ctx, const coa_diag_t *d)
{
    (void)ctx;
    if (strstr(d->message, "BibTeX fast path and bibutils differ")) {
        fprintf(stderr, "%s:%ld: %s\n", d->file ? d->file : "?", d->line, d->message);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    coa_diag_sink_t sink = {on_diag, NULL};
    fuzz_read_to("bibtex", data, size, &sink);
    return 0;
}
