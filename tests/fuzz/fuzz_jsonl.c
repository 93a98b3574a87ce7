/* Fuzz target: the JSON Lines reader (OpenAlex, arXiv, Semantic Scholar, Crossref dialects). */
#include "fuzz_read.h"

FUZZ_READER("jsonl")
