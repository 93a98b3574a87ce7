/* Fuzz target: the dblp reader (DBLP XML (dblp.xml, whole or a fragment of records)). */
#include "fuzz_read.h"

FUZZ_READER("dblp")
