/* One tokenizer for every tabular export (CSV and tab-delimited), streamed
 * record by record from the line input; not installed. */
#ifndef COAUTHOR_READ_CSV_H
#define COAUTHOR_READ_CSV_H

#include <stddef.h>

#include "readers.h"

typedef struct {
    coa_reader_ctx_t *ctx;
    char delim;             /* ',' or '\t' */
    int quotes;             /* RFC 4180 quoting; Web of Science's tab-delimited has none */
    char *text;             /* the record's fields, each NUL-terminated */
    size_t len, cap;
    size_t *off;            /* where each field starts in text */
    size_t n, cap_fields;
    long line;              /* the line the record starts on */
    /* the raw lines of the record being read, to read them again as
     * records of their own when a quote never closes */
    char *raw;
    size_t raw_len, raw_cap, raw_lines;
    char *replay;           /* lines still to read before the input's */
    size_t replay_len, replay_pos;
    long replay_line;       /* number of the next replayed line */
} coa_csv_t;

void coa_csv_init(coa_csv_t *t, coa_reader_ctx_t *ctx, char delim, int quotes);
void coa_csv_destroy(coa_csv_t *t);

/* Reads the next record: 1 with one (blank lines are passed over), 0 at
 * the end, or -COA_E* on an error.  A record whose quote never closes (by
 * the end of the file, or within 1,000 lines or the line limit) is
 * skipped through coa_reader_skip, and its lines after the first are read
 * again as records: one stray quote costs one record, not the rest of the
 * file.  A line longer than the line limit ends the record it is in,
 * which is skipped. */
int coa_csv_next(coa_csv_t *t);

/* Field i of the current record, or "" past its end. */
static inline const char *coa_csv_field(const coa_csv_t *t, size_t i)
{
    return i < t->n ? t->text + t->off[i] : "";
}
#endif
