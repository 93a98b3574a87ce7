/* Fuzz target: the ris reader (RIS (Zotero, Mendeley, publishers' citation export), through bibutils). */
#include "fuzz_read.h"

FUZZ_READER("ris")
