/* Fuzz target: reading with the format detected from content, so every
 * reader in the table is reached through detection. */
#include "fuzz_read.h"

FUZZ_READER(NULL)
