/*
 * SNAP edge lists: '#' comments, then one edge per line as two node ids
 * separated by tabs or spaces.  The network is already projected onto
 * authors, so there are no papers; each line is a record.
 */
#include <ctype.h>
#include <string.h>

#include "corpus/internal.h"
#include "readers.h"

static size_t token(const char *s, size_t len, size_t *i)
{
    while (*i < len && (s[*i] == ' ' || s[*i] == '\t'))
        (*i)++;
    size_t start = *i;
    while (*i < len && s[*i] != ' ' && s[*i] != '\t')
        (*i)++;
    return *i - start;
}

int coa_detect_snap(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    size_t i = 0;
    int data = 0, comments = 0, bad = 0;
    while (i < len && data + bad < 50) {
        const char *s = (const char *)head + i;
        const char *nl = memchr(s, '\n', len - i);
        if (!nl && data > 0)
            break; /* the window may cut the last line */
        size_t n = nl ? (size_t)(nl - s) : len - i;
        i += n + 1;
        if (n && s[n - 1] == '\r')
            n--;
        if (n == 0)
            continue;
        if (s[0] == '#' || s[0] == '%') {
            comments++;
            continue;
        }
        size_t k = 0, ntok = 0;
        int numeric = 1;
        /* blank but for spaces: the line is not NUL-terminated (the
         * window may end with it), so no strspn (found by fuzz_detect) */
        size_t blank = 0;
        while (blank < n && (s[blank] == ' ' || s[blank] == '\t' || s[blank] == '\r'))
            blank++;
        if (blank == n)
            continue;
        for (;;) {
            size_t start = k, tl = token(s, n, &k);
            if (!tl)
                break;
            for (size_t j = start; j < k; j++)
                if (!isdigit((unsigned char)s[j]) && s[j] != ' ' && s[j] != '\t')
                    numeric = 0;
            ntok++;
        }
        if (ntok < 2 || ntok > 3 || (!numeric && !comments))
            bad++;
        else
            data++;
    }
    /* a few defective lines do not make an edge list something else */
    if (data == 0 || bad * 5 > data + bad)
        return 0;
    return comments ? 80 : 50;
}

int coa_read_snap(coa_reader_ctx_t *ctx)
{
    const char *line;
    size_t len;
    int r, err = COA_OK;
    coa_source_t *src;
    while ((r = coa_reader_next_line(ctx, "edge line too long", &line, &len, &err)) > 0) {
        long lineno = ctx->in->lineno;
        size_t i = 0;
        while (i < len && (line[i] == ' ' || line[i] == '\t'))
            i++;
        if (i == len || line[i] == '#' || line[i] == '%')
            continue;
        size_t a0 = i, alen = token(line, len, &i);
        size_t b0 = i, blen = token(line, len, &i);
        while (b0 < len && (line[b0] == ' ' || line[b0] == '\t'))
            b0++;
        if (!blen) {
            if ((err = coa_reader_skip(ctx, lineno, "expected two node ids")))
                return err;
            continue;
        }
        if (alen > 200 || blen > 200) {
            if ((err = coa_reader_skip(ctx, lineno, "node id longer than 200 bytes")))
                return err;
            continue;
        }
        err = coa_corpus_add_link(ctx->corpus, ctx->source, (uint32_t)lineno, line + a0, alen, line + b0, blen);
        if (err == COA_EINVAL) {
            if ((err = coa_reader_skip(ctx, lineno, "node id has no letters or digits")))
                return err;
            continue;
        }
        if (err)
            return err;
        src = &ctx->corpus->sources[ctx->source];
        src->records++;
    }
    if (err)
        return err;
    return r < 0 ? (ctx->in->error ? ctx->in->error : COA_EIO) : COA_OK;
}
