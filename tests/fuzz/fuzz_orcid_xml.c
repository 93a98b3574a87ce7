/* Fuzz target: the orcid-xml reader. */
#include "fuzz_read.h"

FUZZ_READER("orcid-xml")
