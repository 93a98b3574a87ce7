/* Fuzz target: the JSON reader's streamed arrays (read_jsonl.c), in its
 * check mode (COAUTHOR_JSON_CHECK): when the whole input is one valid JSON
 * array, the items the streaming scanner found must be exactly jansson's
 * items of the whole array; a difference is a crash, so the fuzzer
 * searches for one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_read.h"

FUZZ_DIFFERENTIAL("jsonl", "COAUTHOR_JSON_CHECK", "internal error: the streamed JSON array and jansson differ")
