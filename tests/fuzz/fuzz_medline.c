/* Fuzz target: the medline reader (PubMed / MEDLINE text and .nbib (PMID-; FAU full names), through bibutils). */
#include "fuzz_read.h"

FUZZ_READER("medline")
