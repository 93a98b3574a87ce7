/*
 * The rows of 'coauthor authorships' and of the distributed pipeline
 * (scripts/dask/), read back into a corpus.
 *
 * 'authorships': a header line naming the columns (file, line, record,
 * paper, doi, doi_key, key, title, title_key, year, year_assumed,
 * truncated, venue, author_key, spelling, author_id, position, inferred,
 * organisation; any order, others ignored), then one row per authorship.
 * Consecutive rows of one file and record are one paper, in the order of
 * its author list.  Each paper keeps the file and line it was read from
 * (a source per file named in the rows), so that papers are named, and
 * de-duplicated across files, as when the files themselves are read.
 * Without an 'author' column, authors are matched by spelling and
 * identifier as every reader does: the rows of a file give the corpus the
 * file gives.  With one (the pipeline's output), it is the author's key as
 * the pipeline resolved it, and no name matching happens here.
 *
 * 'authors': the pipeline's author table, a header naming author, display
 * and author_id (others ignored), then one row per author: each author is
 * made with that key, display name and identifier, in the table's order,
 * before any authorship names it.
 *
 * Fields use the escapes \t, \n, \r and \\.
 */
#include <stdlib.h>
#include <string.h>

#include "corpus/internal.h"
#include "readers.h"

enum {
    COL_FILE, COL_LINE, COL_RECORD, COL_DOI, COL_KEY, COL_TITLE, COL_YEAR, COL_YEAR_ASSUMED, COL_TRUNCATED,
    COL_VENUE, COL_SPELLING, COL_AUTHOR_ID, COL_INFERRED, COL_ORGANISATION, COL_AUTHOR, COL_DISPLAY, N_COLS
};
static const char *const col_names[N_COLS] = {
    "file", "line", "record", "doi", "key", "title", "year", "year_assumed", "truncated",
    "venue", "spelling", "author_id", "inferred", "organisation", "author", "display",
};
#define MAX_FIELDS 64

static int starts(const unsigned char *head, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && memcmp(head, prefix, n) == 0;
}

int coa_detect_authorships(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    return starts(head, len, "file\tline\trecord\tpaper\t") ? 100 : 0;
}

int coa_detect_authors(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    return starts(head, len, "author\tdisplay\tauthor_id\t") || starts(head, len, "author\tdisplay\tauthor_id\n")
               ? 100
               : 0;
}

/* Splits a line into fields at tabs, undoing the escapes in place. */
static size_t split(char *line, size_t len, char **fields)
{
    size_t n = 0;
    char *w = line, *start = line;
    for (size_t i = 0; i <= len; i++) {
        char ch = i < len ? line[i] : '\t';
        if (ch == '\t') {
            *w++ = '\0';
            if (n < MAX_FIELDS)
                fields[n] = start;
            n++;
            start = w;
        } else if (ch == '\\' && i + 1 < len) {
            char e = line[++i];
            *w++ = e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e;
        } else {
            *w++ = ch;
        }
    }
    return n;
}

/* Maps the header's columns; *missing names the first required one absent. */
static int map_header(char *line, size_t len, int *col, size_t *n_fields, const int *required, const char **missing)
{
    char *fields[MAX_FIELDS];
    size_t n = split(line, len, fields);
    *n_fields = n;
    for (int k = 0; k < N_COLS; k++)
        col[k] = -1;
    for (size_t i = 0; i < n && i < MAX_FIELDS; i++)
        for (int k = 0; k < N_COLS; k++)
            if (col[k] < 0 && strcmp(fields[i], col_names[k]) == 0)
                col[k] = (int)i;
    for (const int *r = required; *r >= 0; r++)
        if (col[*r] < 0) {
            *missing = col_names[*r];
            return -1;
        }
    return 0;
}

static int whole(const char *s, long min, long max, long *out)
{
    char *end;
    if (!*s)
        return -1;
    long v = strtol(s, &end, 10);
    if (*end || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

/* The source of a file named in the rows, added when first named. */
typedef struct {
    char *path;
    uint32_t source;
} file_source_t;

static int source_of(coa_reader_ctx_t *ctx, file_source_t **files, size_t *n, const char *path, uint32_t *out)
{
    /* the rows of one file come together: the last one is nearly always it */
    for (size_t i = *n; i-- > 0;)
        if (strcmp((*files)[i].path, path) == 0) {
            *out = (*files)[i].source;
            return COA_OK;
        }
    file_source_t *grown = realloc(*files, (*n + 1) * sizeof **files);
    if (!grown)
        return COA_ENOMEM;
    *files = grown;
    char *copy = strdup(path);
    if (!copy)
        return COA_ENOMEM;
    int err = coa_corpus_add_source(ctx->corpus, path, "authorships", out);
    if (err) {
        free(copy);
        return err;
    }
    grown[*n] = (file_source_t){copy, *out};
    (*n)++;
    return COA_OK;
}

static int set_str(coa_corpus_t *c, coa_str_t *field, const char *s, int unique)
{
    if (!*s)
        return COA_OK;
    coa_str_t id = unique ? coa_strpool_add(&c->strings, s, strlen(s)) : coa_corpus_intern(c, s, strlen(s));
    if (id == COA_NONE)
        return COA_ENOMEM;
    *field = id;
    return COA_OK;
}

/* The rows of a file with a header, read one by one. */
typedef struct {
    const int *required;     /* the columns the header must have, ending with -1 */
    int col[N_COLS];         /* each column's field, or -1 */
    size_t n_header;
    int have_header;
    char *fields[MAX_FIELDS];
    size_t n;                /* fields of the row */
    long lineno;
    int read_error;          /* the input ended on a read error: the error */
} rows_t;

/* Maps the header, then returns 1 with the next data row split in place
 * into rows->fields (as many as it has: the caller checks), 0 at the end
 * of the input (rows->read_error set if it ended on an error), or a
 * negative error.  Over-long and empty rows are passed over. */
static int next_row(coa_reader_ctx_t *ctx, rows_t *rows)
{
    const char *line;
    size_t len;
    int r, err = COA_OK;
    while ((r = coa_reader_next_line(ctx, "row too long", &line, &len, &err)) > 0) {
        rows->lineno = ctx->in->lineno;
        if (len == 0)
            continue;
        char *row = (char *)line; /* the input's own buffer, split in place */
        if (!rows->have_header) {
            const char *missing = NULL;
            if (map_header(row, len, rows->col, &rows->n_header, rows->required, &missing)) {
                coa_diag(ctx->diag, COA_DIAG_ERROR, ctx->in->name, rows->lineno, "no column '%s' in the header",
                         missing);
                return -COA_EFORMAT;
            }
            rows->have_header = 1;
            continue;
        }
        rows->n = split(row, len, rows->fields);
        return 1;
    }
    if (err)
        return -err;
    if (r < 0)
        rows->read_error = ctx->in->error ? ctx->in->error : COA_EIO;
    return 0;
}

int coa_read_authorships(coa_reader_ctx_t *ctx)
{
    static const int required[] = {COL_FILE, COL_LINE, COL_RECORD, COL_DOI, COL_KEY, COL_TITLE, COL_YEAR,
                                   COL_YEAR_ASSUMED, COL_TRUNCATED, COL_VENUE, COL_SPELLING, COL_AUTHOR_ID,
                                   COL_INFERRED, -1};
    coa_corpus_t *c = ctx->corpus;
    file_source_t *files = NULL;
    size_t n_files = 0;
    int r, err = COA_OK;
    char *prev_file = NULL;
    long prev_record = -1;
    rows_t rows = {.required = required};
    int *col = rows.col;
    char **fields = rows.fields;
    while ((r = next_row(ctx, &rows)) > 0) {
        long lineno = rows.lineno;
        size_t n = rows.n;
        if (n != rows.n_header || n > MAX_FIELDS) {
            if ((err = coa_reader_skip(ctx, lineno, "%zu fields, expected %zu", n, rows.n_header)))
                goto cleanup;
            continue;
        }
        long fline, record, year, assumed, truncated, inferred = 0, organisation = 0;
        if (whole(fields[col[COL_LINE]], 0, UINT32_MAX, &fline) ||
            whole(fields[col[COL_RECORD]], 0, UINT32_MAX, &record) ||
            whole(fields[col[COL_YEAR]], -32768, 32767, &year) ||
            whole(fields[col[COL_YEAR_ASSUMED]], 0, 1, &assumed) ||
            whole(fields[col[COL_TRUNCATED]], 0, 1, &truncated) ||
            (*fields[col[COL_SPELLING]] && whole(fields[col[COL_INFERRED]], 0, 1, &inferred)) ||
            (col[COL_ORGANISATION] >= 0 && *fields[col[COL_ORGANISATION]] &&
             whole(fields[col[COL_ORGANISATION]], 0, 1, &organisation))) {
            if ((err = coa_reader_skip(ctx, lineno, "bad number in line, record, year or a flag")))
                goto cleanup;
            continue;
        }
        const char *file = fields[col[COL_FILE]];
        if (!prev_file || record != prev_record || strcmp(file, prev_file) != 0) {
            /* a new paper */
            coa_corpus_paper_end(c);
            uint32_t source;
            coa_paper_t *p;
            if ((err = source_of(ctx, &files, &n_files, file, &source)) ||
                (err = coa_corpus_paper_begin(c, source, (uint32_t)fline, &p)))
                goto cleanup;
            p->year = (int16_t)year;
            p->flags = (uint8_t)((assumed ? COA_PAPER_YEAR_ASSUMED : 0) | (truncated ? COA_PAPER_TRUNCATED : 0));
            if ((err = set_str(c, &p->doi, fields[col[COL_DOI]], 1)) ||
                (err = set_str(c, &p->key, fields[col[COL_KEY]], 1)) ||
                (err = set_str(c, &p->title, fields[col[COL_TITLE]], 1)) ||
                (err = set_str(c, &p->venue, fields[col[COL_VENUE]], 0)))
                goto cleanup;
            c->sources[source].records++;
            if (assumed)
                c->sources[source].undated++;
            free(prev_file);
            if (!(prev_file = strdup(file))) {
                err = COA_ENOMEM;
                goto cleanup;
            }
            prev_record = record;
        }
        const char *spelling = fields[col[COL_SPELLING]];
        if (!*spelling)
            continue; /* a paper without authors */
        unsigned flags = (inferred ? COA_ADD_INFERRED : 0) | (organisation ? COA_ADD_ORGANISATION : 0);
        const char *id = fields[col[COL_AUTHOR_ID]];
        if (col[COL_AUTHOR] >= 0 && *fields[col[COL_AUTHOR]]) {
            uint32_t a;
            coa_str_t sp = coa_corpus_intern(c, spelling, strlen(spelling));
            if (sp == COA_NONE || (err = coa_corpus_author_fixed(c, fields[col[COL_AUTHOR]], spelling, id, &a)) ||
                (err = coa_corpus_paper_add_resolved(c, a, sp, flags, NULL)))
                goto cleanup;
        } else {
            err = coa_corpus_paper_add_author_ex(c, spelling, strlen(spelling), *id ? id : NULL, flags, NULL);
            if (err == COA_EINVAL) {
                err = COA_OK; /* invalid UTF-8 is replaced by the input already */
                continue;
            }
            if (err)
                goto cleanup;
        }
        if (inferred)
            c->sources[ctx->source].inferred++;
    }
    if (r < 0) {
        err = -r;
        goto cleanup;
    }
    coa_corpus_paper_end(c);
    if (rows.read_error)
        err = rows.read_error;
cleanup:
    coa_corpus_paper_abort(c);
    for (size_t i = 0; i < n_files; i++)
        free(files[i].path);
    free(files);
    free(prev_file);
    return err;
}

int coa_read_authors(coa_reader_ctx_t *ctx)
{
    static const int required[] = {COL_AUTHOR, COL_DISPLAY, COL_AUTHOR_ID, -1};
    coa_corpus_t *c = ctx->corpus;
    rows_t rows = {.required = required};
    int r, err;
    while ((r = next_row(ctx, &rows)) > 0) {
        char **fields = rows.fields;
        const int *col = rows.col;
        if (rows.n != rows.n_header || rows.n > MAX_FIELDS || !*fields[col[COL_AUTHOR]] ||
            !*fields[col[COL_DISPLAY]]) {
            if ((err = coa_reader_skip(ctx, rows.lineno, "expected %zu fields with an author and a display name",
                                       rows.n_header)))
                return err;
            continue;
        }
        uint32_t a;
        if ((err = coa_corpus_author_fixed(c, fields[col[COL_AUTHOR]], fields[col[COL_DISPLAY]],
                                           fields[col[COL_AUTHOR_ID]], &a)))
            return err;
        c->sources[ctx->source].records++;
    }
    if (r < 0)
        return -r;
    return rows.read_error;
}

/* What 'coauthor formats --help' says of the rows of the distributed pipeline (coa_formats_help). */
const char coa_help_rows[] =
    "Rows of a distributed pipeline (scripts/dask/, the README's \"Beyond one\n"
    "machine\"):\n"
    "  - authorships: the rows 'coauthor authorships' writes (see its --help),\n"
    "    one per authorship after a header; each paper keeps the file and line\n"
    "    its row names, so papers are named, and counted once across files, as\n"
    "    when those files are read; with an 'author' column (the pipeline's\n"
    "    de-duplicated rows) that column is the author's key, taken as it is;\n"
    "  - authors: the pipeline's author table (author, display, author_id),\n"
    "    read before its authorships so that authors keep their names and order.\n"
    "\n";
