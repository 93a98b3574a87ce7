/* Fuzz target: the biblatex reader (biblatex (.bib with biblatex fields), through bibutils). */
#include "fuzz_read.h"

FUZZ_READER("biblatex")
