/* Helpers shared between the library's parts; not installed. */
#ifndef COAUTHOR_INTERNAL_H
#define COAUTHOR_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "coauthor/common.h"

#if defined(__GNUC__)
#define COA_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define COA_PRINTF(a, b)
#endif

/* Grows an array of 'size'-byte items to hold at least 'need'. */
int coa_grow(void **items, uint32_t *cap, uint32_t need, size_t size);

/* Sends a formatted diagnostic to the sink. */
void coa_diag(const coa_diag_sink_t *sink, coa_severity_t sev, const char *file, long line,
              const char *fmt, ...) COA_PRINTF(5, 6);

/* Converts an igraph error code to ours. */
int coa_from_igraph(int igraph_err);

#endif
