/* Streaming line input for the readers: plain or gzip files, stdin, or a
 * buffer; invalid UTF-8 and NUL bytes are replaced by U+FFFD and reported;
 * over-long lines are skipped and reported. */
#ifndef COAUTHOR_READ_INPUT_H
#define COAUTHOR_READ_INPUT_H

#include <stddef.h>
#include <zlib.h>

#include "coauthor/read.h"

typedef struct {
    const char *name;               /* for diagnostics */
    const coa_diag_sink_t *diag;
    gzFile gz;                      /* NULL when reading a buffer */
    const unsigned char *mem;
    size_t mem_len, mem_pos;
    char *buf;                      /* raw bytes buf[start..end) */
    size_t cap, start, end;
    char *line;                     /* the sanitised current line */
    size_t line_cap;
    long lineno;                    /* number of the line last returned */
    size_t max_line;
    int eof;
    int error;                      /* COA_EIO after a read error */
    unsigned long bad_lines;        /* lines with invalid UTF-8 or NUL */
    unsigned long long_lines;       /* lines skipped as too long */
    int too_long;                   /* the line just returned was too long */
    char damage[128];               /* why compressed data ended early, or "" */
    int damaged;                    /* the damage has been reached and reported */
    /* progress reports (coa_read_options_t.progress), every few MB read */
    void (*progress)(void *ctx, const char *name, uint64_t done, uint64_t total);
    void *progress_ctx;
    uint64_t size;                  /* of a regular file, else 0 */
    uint64_t next_report;           /* file offset of the next report */
    struct coa_inflater *inflater;  /* the thread inflating a gzip file, or NULL */
} coa_input_t;

/* Opens a file ("-" for stdin).  On failure, reports why through diag. */
int coa_input_open(coa_input_t *in, const char *path, size_t max_line, const coa_diag_sink_t *diag);
void coa_input_open_buffer(coa_input_t *in, const char *name, const void *data, size_t len,
                           size_t max_line, const coa_diag_sink_t *diag);
void coa_input_close(coa_input_t *in);

/* Makes at least 'want' bytes (or all, if fewer) visible without consuming
 * them, for format detection. */
int coa_input_peek(coa_input_t *in, size_t want, const unsigned char **data, size_t *len);

/* Returns 1 with the next line (no newline, no CR, NUL-terminated, valid
 * UTF-8), 0 at the end, or -1 on a read error (already reported).  A line
 * longer than max_line comes back empty with in->too_long set. */
int coa_input_next(coa_input_t *in, const char **line, size_t *len);

/* True when s[0..len) is valid UTF-8 without NUL bytes. */
int coa_utf8_valid(const char *s, size_t len);



/* Reads raw bytes (after decompression), continuing from wherever line
 * reading stopped; returns bytes read, 0 at the end, -1 on error.  For
 * readers that hand the stream to another parser. */
long coa_input_read_raw(coa_input_t *in, void *dst, size_t n);

/* Reads the rest of the decompressed input into one malloc'ed buffer
 * (caller frees), for parsers that need it whole (igraph's graph readers,
 * a JSON document spread over lines). */
int coa_input_slurp(coa_input_t *in, char **data, size_t *len);
#endif
