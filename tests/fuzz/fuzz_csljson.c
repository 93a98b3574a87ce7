/* Fuzz target: the csljson reader. */
#include "fuzz_read.h"

FUZZ_READER("csljson")
