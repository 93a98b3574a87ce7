/* Fuzz target: the copac reader (Copac / Jisc Library Hub tagged text, through bibutils). */
#include "fuzz_read.h"

FUZZ_READER("copac")
