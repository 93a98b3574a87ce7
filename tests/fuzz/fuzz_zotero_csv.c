/* Fuzz target: the Zotero CSV reader (the shared CSV tokenizer and tabular reader). */
#include "fuzz_read.h"

FUZZ_READER("zotero-csv")
