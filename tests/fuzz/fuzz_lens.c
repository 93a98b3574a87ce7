/* Fuzz target: the Lens.org CSV reader (the shared CSV tokenizer and tabular reader). */
#include "fuzz_read.h"

FUZZ_READER("lens")
