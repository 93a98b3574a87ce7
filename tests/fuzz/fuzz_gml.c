/* Fuzz target: the gml reader (GML network of authors (no papers), through igraph). */
#include "fuzz_read.h"

FUZZ_READER("gml")
