/*
 * The CSV and tab-delimited tokenizer under every tabular reader (Scopus,
 * Web of Science tab-delimited, Zotero, Publish or Perish, Dimensions,
 * Lens).  RFC 4180: fields separated by commas, a field in double quotes
 * may hold commas, line breaks and doubled quotes ("").  A quote inside an
 * unquoted field is kept as a character, as Excel and Python's csv module
 * do.  Lines come from the line input, so encodings, CR-only line ends and
 * line numbers are already right, and a record costs no more memory than
 * its own text.
 */
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "corpus/internal.h"

#define MAX_RECORD_LINES 1000

void coa_csv_init(coa_csv_t *t, coa_reader_ctx_t *ctx, char delim, int quotes)
{
    *t = (coa_csv_t){.ctx = ctx, .delim = delim, .quotes = quotes};
}

void coa_csv_destroy(coa_csv_t *t)
{
    COA_FREE(t->text, t->off, t->raw, t->replay);
    memset(t, 0, sizeof *t);
}

static int reserve(char **p, size_t *cap, size_t need)
{
    if (need <= *cap)
        return COA_OK;
    return coa_grow_array(p, cap, need, 1, 1024);
}

static int new_field(coa_csv_t *t)
{
    if (coa_grow_array(&t->off, &t->cap_fields, t->n + 1, sizeof *t->off, 64))
        return COA_ENOMEM;
    t->off[t->n++] = t->len;
    return COA_OK;
}

/* The next line, from the replay first; 1, 0 at the end, -1 on error. */
static int next_line(coa_csv_t *t, const char **line, size_t *len, long *lineno, int *too_long)
{
    *too_long = 0;
    if (t->replay_pos < t->replay_len) {
        char *s = t->replay + t->replay_pos;
        char *nl = memchr(s, '\n', t->replay_len - t->replay_pos);
        size_t n = nl ? (size_t)(nl - s) : t->replay_len - t->replay_pos;
        s[n] = '\0'; /* the newline's place, or the spare byte at the end */
        *line = s;
        *len = n;
        *lineno = t->replay_line++;
        t->replay_pos += n + 1;
        return 1;
    }
    int r = coa_input_next(t->ctx->in, line, len);
    *lineno = t->ctx->in->lineno;
    *too_long = t->ctx->in->too_long;
    return r;
}

/* Keeps a copy of the record's raw line, for a replay. */
static int keep_raw(coa_csv_t *t, const char *line, size_t len)
{
    if (reserve(&t->raw, &t->raw_cap, t->raw_len + len + 2))
        return COA_ENOMEM;
    memcpy(t->raw + t->raw_len, line, len);
    t->raw_len += len;
    t->raw[t->raw_len++] = '\n';
    t->raw_lines++;
    return COA_OK;
}

/* A quote never closed: the record's lines after its first are read again,
 * ahead of what was still to replay. */
static int replay_rest(coa_csv_t *t)
{
    char *nl = memchr(t->raw, '\n', t->raw_len);
    size_t skip = nl ? (size_t)(nl - t->raw) + 1 : t->raw_len;
    size_t rest = t->raw_len - skip, old = t->replay_len - t->replay_pos;
    char *p = malloc(rest + old + 1);
    if (!p)
        return COA_ENOMEM;
    memcpy(p, t->raw + skip, rest);
    if (old)
        memcpy(p + rest, t->replay + t->replay_pos, old);
    p[rest + old] = '\0';
    free(t->replay);
    t->replay = p;
    t->replay_len = rest + old;
    t->replay_pos = 0;
    t->replay_line = t->line + 1;
    return COA_OK;
}

int coa_csv_next(coa_csv_t *t)
{
    coa_reader_ctx_t *ctx = t->ctx;
    size_t limit = ctx->in->max_line;
    for (;;) {
        t->n = t->len = t->raw_len = t->raw_lines = 0;
        int quoted = 0, field_open = 0, r, too_long, err;
        const char *line;
        size_t n;
        long lineno;
        for (;;) {
            r = next_line(t, &line, &n, &lineno, &too_long);
            if (r < 0)
                return -(ctx->in->error ? ctx->in->error : COA_EIO);
            if (r == 0)
                break;
            if (!quoted && t->n == 0) {
                if (n == 0 && !too_long)
                    continue; /* a blank line between records */
                t->line = lineno;
            }
            if (too_long) {
                /* the input has said so; the record cannot be whole */
                if ((err = coa_reader_skip(ctx, t->line, "record cut by a line longer than %zu bytes", limit)))
                    return -err;
                t->n = 0;
                quoted = 0;
                break;
            }
            if (t->quotes && (err = keep_raw(t, line, n)))
                return -err;
            if (reserve(&t->text, &t->cap, t->len + n + 2))
                return -COA_ENOMEM;
            if (!quoted && t->n == 0) {
                if ((err = new_field(t)))
                    return -err;
                field_open = 1;
            } else if (quoted) {
                t->text[t->len++] = '\n'; /* a line break inside quotes */
            }
            const char *p = line, *end = line + n;
            char *w = t->text + t->len;
            while (p < end) {
                if (quoted) {
                    const char *q = memchr(p, '"', (size_t)(end - p));
                    size_t k = q ? (size_t)(q - p) : (size_t)(end - p);
                    memcpy(w, p, k);
                    w += k;
                    p += k;
                    if (!q)
                        break;
                    if (p + 1 < end && p[1] == '"') {
                        *w++ = '"';
                        p += 2;
                    } else {
                        quoted = 0;
                        p++;
                    }
                    continue;
                }
                char ch = *p++;
                if (ch == t->delim) {
                    *w++ = '\0';
                    t->len = (size_t)(w - t->text);
                    if ((err = new_field(t)))
                        return -err;
                    field_open = 1;
                } else if (ch == '"' && t->quotes && field_open) {
                    quoted = 1;
                    field_open = 0;
                } else {
                    *w++ = ch;
                    field_open = 0;
                }
            }
            t->len = (size_t)(w - t->text);
            if (!quoted)
                break;
            if (t->raw_lines >= MAX_RECORD_LINES || t->raw_len > limit) {
                r = 0; /* give up on this quote, as at the end of the file */
                break;
            }
        }
        if (quoted) {
            if ((err = coa_reader_skip(ctx, t->line, "a quoted field never closes")))
                return -err;
            if ((err = replay_rest(t)))
                return -err;
            continue;
        }
        if (t->n == 0) {
            if (r == 0)
                return 0;
            continue;
        }
        t->text[t->len++] = '\0';
        return 1;
    }
}
