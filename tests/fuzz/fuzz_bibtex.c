/* Fuzz target: the bibtex reader (BibTeX (.bib), through bibutils). */
#include "fuzz_read.h"

FUZZ_READER("bibtex")
