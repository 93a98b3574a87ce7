/* Fuzz target: the endnote-xml reader (EndNote XML, through bibutils). */
#include "fuzz_read.h"

FUZZ_READER("endnote-xml")
