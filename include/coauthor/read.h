/*
 * Readers: each adds the records of one file to a corpus.  A reader never
 * stops at a bad record: it reports it through the diagnostic sink with
 * file and line, counts it as skipped, and keeps the good records around
 * it (unless options->strict is set, in which case the first bad record
 * fails the read with COA_EPARSE).
 */
#ifndef COAUTHOR_READ_H
#define COAUTHOR_READ_H

#include <stdio.h>

#include "corpus.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    const char *format;   /* a reader name, or NULL to detect from content */
    int assumed_year;     /* year given to entries whose date has none */
    int strict;           /* fail on the first bad record */
    size_t max_line;      /* longest line accepted, in bytes */
    /* Called now and then while a file is read, and once at its end (NULL:
     * never): the bytes of the file consumed so far (compressed bytes for a
     * gzip file) and the file's size, 0 when unknown (a pipe).  For a
     * progress bar; the library itself never prints. */
    void (*progress)(void *ctx, const char *name, uint64_t done, uint64_t total);
    void *progress_ctx;
    /* Graph files: the edge attribute that is the pair's joint papers
     * (NULL: "weight", else GML's "value"). */
    const char *weight_attr;
} coa_read_options_t;

#define COA_DEFAULT_MAX_LINE ((size_t)1 << 20)

void coa_read_options_init(coa_read_options_t *opts);

/* Reads 'path' ("-" is standard input; gzip is decompressed whatever the
 * name) into the corpus.  Fails with COA_EIO when the file cannot be read,
 * COA_EFORMAT when its format is unknown, COA_EPARSE under strict mode. */
int coa_read_file(coa_corpus_t *c, const char *path, const coa_read_options_t *opts,
                  const coa_diag_sink_t *diag);

/* Reads an in-memory buffer, as if it were a file named 'name'. */
int coa_read_buffer(coa_corpus_t *c, const char *name, const void *data, size_t len,
                    const coa_read_options_t *opts, const coa_diag_sink_t *diag);

/* Names a format from the first bytes of a file (and its name, which may
 * be NULL); NULL when nothing fits. */
const char *coa_detect_format(const char *name, const unsigned char *head, size_t len);

/* The reader names, NULL-terminated. */
const char *const *coa_format_names(void);

/* The reader for a name a user typed: a reader name or one of its aliases
 * ("wos", "pubmed", "csljson"), in any case, with or without '-', '_' or
 * spaces; NULL when it names none. */
const char *coa_format_lookup(const char *name);

/* The aliases of a reader, into out[0 .. max); returns how many it has. */
size_t coa_format_aliases(const char *format, const char **out, size_t max);

/* The file a user typically has in a format ("savedrecs.txt"), or NULL. */
const char *coa_format_typical(const char *format);

/* The known names (readers and aliases) closest to an unknown one, into
 * out[0 .. max); returns how many (0 when none is close). */
size_t coa_format_suggest(const char *name, const char **out, size_t max);

/* How each format is read, for 'coauthor formats --help': the paragraphs
 * that live beside each reader, in order. */
void coa_formats_help(FILE *out);

#ifdef __cplusplus
}
#endif

#endif
