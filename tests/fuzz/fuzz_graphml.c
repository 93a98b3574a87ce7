/* Fuzz target: the graphml reader (GraphML network of authors (no papers), through igraph). */
#include "fuzz_read.h"

FUZZ_READER("graphml")
