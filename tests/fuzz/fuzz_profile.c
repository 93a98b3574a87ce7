/* Fuzz target: the researcher-profile listing reader. */
#include "fuzz_read.h"

FUZZ_READER("profile")
