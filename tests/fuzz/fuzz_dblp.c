/* Fuzz target: the dblp reader (DBLP XML (dblp.xml, whole or a fragment
 * of records)).  It runs in the reader's check mode (COAUTHOR_DBLP_CHECK),
 * where libxml2 reads every record the fast path read too: a record that
 * the two read differently is a crash, so the fuzzer searches for them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_read.h"

FUZZ_DIFFERENTIAL("dblp", "COAUTHOR_DBLP_CHECK", "internal error: the DBLP fast path and libxml2 differ")
