/* Fuzz target: the endnote reader (EndNote / refer tagged text (%A, %T), through bibutils). */
#include "fuzz_read.h"

FUZZ_READER("endnote")
