/* Fuzz target: the pajek reader (Pajek .net network of authors (no papers), through igraph). */
#include "fuzz_read.h"

FUZZ_READER("pajek")
