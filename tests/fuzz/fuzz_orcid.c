/* Fuzz target: the orcid reader. */
#include "fuzz_read.h"

FUZZ_READER("orcid")
