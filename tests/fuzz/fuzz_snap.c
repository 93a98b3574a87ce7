/* Fuzz target: the SNAP edge-list reader. */
#include "fuzz_read.h"

FUZZ_READER("snap")
