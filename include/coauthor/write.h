/*
 * Tables for people and programs: aligned text, TSV, CSV or JSON (an
 * array of objects).  A table owns copies of its cells.
 */
#ifndef COAUTHOR_WRITE_H
#define COAUTHOR_WRITE_H

#include <stdio.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { COA_OUT_TEXT, COA_OUT_TSV, COA_OUT_CSV, COA_OUT_JSON } coa_output_t;

typedef struct coa_table coa_table_t;

/* A table with the given column names.  NULL when out of memory. */
coa_table_t *coa_table_new(int ncols, const char *const *names);
void coa_table_free(coa_table_t *t);
/* Marks a column as numeric: right-aligned in text, a number in JSON. */
void coa_table_numeric(coa_table_t *t, int col);
/* Appends a cell to the current row; a row ends after its last column. */
int coa_table_cell(coa_table_t *t, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
int coa_table_rows(const coa_table_t *t);
/* Writes the table; returns COA_EIO when the stream fails. */
int coa_table_write(const coa_table_t *t, FILE *out, coa_output_t format);

/* Terminal columns taken by a UTF-8 string. */
size_t coa_display_width(const char *s);

/* Writes s as one CSV field (RFC 4180: quoted when it holds a comma, a
 * quote or a line break, with quotes doubled). */
void coa_csv_field(FILE *out, const char *s);

/* Writes s as a JSON string (with quotes). */
void coa_json_string(FILE *out, const char *s);

/* An output file written atomically: the data goes to a temporary file in
 * the target's directory, which replaces the target only on commit, so a
 * failure never leaves a partial file and never damages an existing one.
 * "-" writes to standard output.  A target that exists and is not a
 * regular file (a device such as /dev/null) is written in place. */
typedef struct {
    char *path;     /* the target */
    char *tmp;      /* the temporary file, or NULL when writing in place */
    FILE *fp;       /* write here */
    int is_stdout;
} coa_outfile_t;

/* Opens; on failure fills errbuf with a one-line reason. */
int coa_outfile_open(coa_outfile_t *f, const char *path, char *errbuf, size_t errlen);
/* Flushes, syncs and renames into place; on failure removes the temporary
 * file, leaves the target as it was, and fills errbuf. */
int coa_outfile_commit(coa_outfile_t *f, char *errbuf, size_t errlen);
/* Abandons the output: removes the temporary file.  Safe after commit. */
void coa_outfile_abort(coa_outfile_t *f);
/* Removes the temporary file of every output still open (up to 16 at a
 * time), and nothing else: for a signal handler about to end the program.
 * Async-signal-safe: it calls only unlink(2).  The library installs no
 * handler itself; the coauthor program does (src/cli/signals.c). */
void coa_outfile_remove_temporaries(void);

#ifdef __cplusplus
}
#endif

#endif
