/* Fuzz target: the isi reader (Web of Science plain text (ISI tags; AF full names), through bibutils). */
#include "fuzz_read.h"

FUZZ_READER("isi")
