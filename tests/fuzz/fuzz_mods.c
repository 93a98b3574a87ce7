/* Fuzz target: the mods reader (MODS XML, through bibutils). */
#include "fuzz_read.h"

FUZZ_READER("mods")
