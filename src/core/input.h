/* Streaming line input for the readers: plain or gzip files, stdin, or a
 * buffer, decoded to UTF-8 with LF line ends (src/core/encoding.c: a BOM is
 * dropped, UTF-16 decoded, CR-only line ends made LF, bytes that are not
 * UTF-8 read as Windows-1252 with one warning); NUL bytes are replaced by
 * U+FFFD and reported; over-long lines are skipped and reported. */
#ifndef COAUTHOR_CORE_INPUT_H
#define COAUTHOR_CORE_INPUT_H

#include <stddef.h>
#include <zlib.h>

#include <stdint.h>

#include "coauthor/common.h"

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
    unsigned long bad_lines;        /* lines with bytes that are not UTF-8, or NUL */
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
    /* the encoding filter (src/core/encoding.c) */
    int encoding;                   /* COA_ENC_*, known after the first block */
    int sniffed;                    /* the first block has been looked at */
    int line_ends;                  /* 0 undecided, 1 LF or CRLF, 2 CR alone */
    int prev_cr;                    /* CR-only: the last byte given was a CR */
    unsigned char carry[4];         /* UTF-16: a character cut by the end of a block */
    size_t n_carry;
    unsigned char *u16;             /* UTF-16: the raw block being decoded */
    size_t u16_cap;
    long legacy_line;               /* first line read as Windows-1252, or 0 */
    uint64_t consumed;              /* bytes read so far, after decompression */
    uint64_t compressed;            /* compressed bytes behind them (inflater thread) */
    uint64_t max_bytes;             /* stop with an error past this many, or 0 */
} coa_input_t;

enum { COA_ENC_UTF8, COA_ENC_UTF16LE, COA_ENC_UTF16BE };

/* The encoding a block of text starts with, and the length of its
 * byte-order mark (0 without one). */
int coa_encoding_sniff(const unsigned char *s, size_t len, size_t *bom);
const char *coa_encoding_name(int enc);
/* Decodes UTF-16 src[0..n) into out (room for 3 bytes per 2 read), up to a
 * character cut by the end; *used gets the bytes decoded.  Returns the
 * bytes written.  A lone surrogate or NUL becomes U+FFFD. */
size_t coa_utf16_decode(int enc, const unsigned char *src, size_t n, size_t *used, char *out);
/* Writes a Windows-1252 byte (Latin-1 where 1252 has no character) as
 * UTF-8 to out (room for 3 bytes); returns the bytes written. */
size_t coa_cp1252_put(unsigned char byte, char *out);

/* Decompression is bounded: past COA_INFLATE_CHECK_AFTER bytes of output,
 * a gzip input that has inflated more than COA_MAX_INFLATE_RATIO times its
 * compressed bytes stops with an error (a bomb); real inputs inflate 4-8
 * times. */
#define COA_INFLATE_CHECK_AFTER ((uint64_t)32 << 20)
#define COA_MAX_INFLATE_RATIO 100

/* The longest line when the caller gives 0: COA_DEFAULT_MAX_LINE of
 * coauthor/read.h, which src/read/read.c checks is the same. */
#define COA_INPUT_MAX_LINE ((size_t)1 << 20)

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
/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0 (a NUL
 * byte, an overlong form, a surrogate, past U+10FFFF: jansson's rule too). */
size_t coa_utf8_seq(const unsigned char *s, size_t n);



/* Reads raw bytes (after decompression and the encoding filter: no BOM,
 * UTF-16 decoded, CR-only line ends made LF; bytes that are not UTF-8 are
 * left as they are, for an XML parser reads the encoding its document
 * declares), continuing from wherever line reading stopped; returns bytes
 * read, 0 at the end, -1 on error.  For readers that hand the stream to
 * another parser. */
long coa_input_read_raw(coa_input_t *in, void *dst, size_t n);

/* Reads the rest of the decompressed input into one malloc'ed buffer
 * (caller frees), for parsers that need it whole (igraph's graph readers,
 * a JSON document spread over lines). */
int coa_input_slurp(coa_input_t *in, char **data, size_t *len);
#endif
