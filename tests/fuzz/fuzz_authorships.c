/* Fuzz target: the rows of coauthor authorships and of the distributed pipeline. */
#include "fuzz_read.h"

FUZZ_READER("authorships")
