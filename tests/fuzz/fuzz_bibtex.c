/* Fuzz target: the bibtex reader (BibTeX (.bib), through bibutils and the
 * fast path).  It runs in the reader's check mode (COAUTHOR_BIBTEX_CHECK),
 * where bibutils reads every entry too: an entry that the fast path reads
 * differently from bibutils is a crash, so the fuzzer searches for them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_read.h"

FUZZ_DIFFERENTIAL("bibtex", "COAUTHOR_BIBTEX_CHECK", "internal error: the BibTeX fast path and bibutils differ")
