/* Fuzz target: the Scopus CSV reader. */
#include "fuzz_read.h"

FUZZ_READER("scopus")
