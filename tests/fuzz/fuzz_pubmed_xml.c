/* Fuzz target: the pubmed-xml reader (PubMed XML (PubmedArticleSet), through bibutils). */
#include "fuzz_read.h"

FUZZ_READER("pubmed-xml")
