/* Fuzz target: the Publish or Perish CSV reader (the shared CSV tokenizer and tabular reader). */
#include "fuzz_read.h"

FUZZ_READER("pop")
