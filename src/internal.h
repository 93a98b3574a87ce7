/* The corpus's internal header (src/corpus/internal.h) and, through it,
 * src/core/core.h, for the files that include them by this older name;
 * not installed.  New code includes "core/core.h" or "corpus/internal.h". */
#ifndef COAUTHOR_INTERNAL_H
#define COAUTHOR_INTERNAL_H

#include "corpus/internal.h"

#endif
