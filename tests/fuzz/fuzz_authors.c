/* Fuzz target: the distributed pipeline's author table. */
#include "fuzz_read.h"

FUZZ_READER("authors")
