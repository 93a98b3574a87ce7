/* Fuzz target: the Dimensions CSV reader (the shared CSV tokenizer and tabular reader). */
#include "fuzz_read.h"

FUZZ_READER("dimensions")
