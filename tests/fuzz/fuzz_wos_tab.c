/* Fuzz target: the Web of Science tab-delimited reader (the shared CSV tokenizer and tabular reader). */
#include "fuzz_read.h"

FUZZ_READER("wos-tab")
