/*
 * Scopus CSV exports.
 *
 * A header row names the columns; each record is one row, except that a
 * quoted field may hold commas, doubled quotes ("") and line breaks, so a
 * record can span lines.  The file usually starts with a UTF-8 byte-order
 * mark.  Authors come in up to three columns:
 *   "Authors"            "Yagai T., Kimura Y." (older exports; newer ones
 *                        separate with ';'), or "[No author name available]";
 *   "Author full names"  "Yagai, Tsuyoshi (57188801000); Kimura, Yuki (...)";
 *   "Author(s) ID"       "57188801000;7402626263;".
 * The full names win over the short ones, and the Scopus author ids become
 * identifiers "scopus:NNN" when there is one per author.  Short names
 * ("Harrell Jr. F.E.") are turned round to "F.E. Harrell Jr." so that they
 * read, and match, like the other sources' names.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bibutils_common.h" /* the whole-text loader */
#include "internal.h"

enum { COL_AUTHORS, COL_FULL, COL_IDS, COL_TITLE, COL_YEAR, COL_SOURCE, COL_DOI, COL_EID, N_COLS };

static const char *const col_names[N_COLS] = {"Authors", "Author full names", "Author(s) ID", "Title",
                                              "Year", "Source title", "DOI", "EID"};

/* ---- CSV ---- */

typedef struct {
    char *s;
    size_t len, cap;
} field_t;

typedef struct {
    field_t *f;
    size_t n, cap;
} row_t;

static int field_put(field_t *f, char ch)
{
    if (f->len + 2 > f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 64;
        char *p = realloc(f->s, cap);
        if (!p)
            return COA_ENOMEM;
        f->s = p;
        f->cap = cap;
    }
    f->s[f->len++] = ch;
    f->s[f->len] = '\0';
    return COA_OK;
}

static int row_next_field(row_t *r)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        field_t *p = realloc(r->f, cap * sizeof *p);
        if (!p)
            return COA_ENOMEM;
        memset(p + r->cap, 0, (cap - r->cap) * sizeof *p);
        r->f = p;
        r->cap = cap;
    }
    r->f[r->n].len = 0;
    if (field_put(&r->f[r->n], 'x'))
        return COA_ENOMEM;
    r->f[r->n].len = 0;
    r->f[r->n].s[0] = '\0';
    r->n++;
    return COA_OK;
}

static void row_destroy(row_t *r)
{
    for (size_t i = 0; i < r->cap; i++)
        free(r->f[i].s);
    free(r->f);
}

enum { ROW_OK = 0, ROW_END = 1, ROW_UNCLOSED = 2 };

/* Reads one record from text[*pos..), updating *pos.  Returns ROW_OK,
 * ROW_END at the end of the text, ROW_UNCLOSED when a quote never closes
 * (then *pos is left at the start of the next line), or an error < 0. */
static int read_row(const coa_bu_text_t *t, size_t *pos, row_t *r)
{
    size_t i = *pos;
    if (i >= t->len)
        return ROW_END;
    r->n = 0;
    if (row_next_field(r))
        return -COA_ENOMEM;
    int quoted = 0, was_quoted = 0;
    for (;;) {
        if (i >= t->len) {
            if (quoted) {
                const char *nl = memchr(t->text + *pos, '\n', t->len - *pos);
                *pos = nl ? (size_t)(nl - t->text) + 1 : t->len;
                return ROW_UNCLOSED;
            }
            break;
        }
        char ch = t->text[i++];
        field_t *f = &r->f[r->n - 1];
        if (quoted) {
            if (ch == '"') {
                if (i < t->len && t->text[i] == '"') {
                    i++;
                    if (field_put(f, '"'))
                        return -COA_ENOMEM;
                } else {
                    quoted = 0;
                }
            } else if (field_put(f, ch)) {
                return -COA_ENOMEM;
            }
        } else if (ch == '"' && f->len == 0 && !was_quoted) {
            quoted = was_quoted = 1;
        } else if (ch == ',') {
            if (row_next_field(r))
                return -COA_ENOMEM;
            was_quoted = 0;
        } else if (ch == '\n') {
            break;
        } else if (field_put(f, ch)) {
            return -COA_ENOMEM;
        }
    }
    *pos = i;
    return ROW_OK;
}

/* ---- detection ---- */

int coa_detect_scopus(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    size_t i = 0;
    if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    const char *s = (const char *)head + i;
    const char *nl = memchr(s, '\n', len - i);
    size_t n = nl ? (size_t)(nl - s) : len - i;
    /* the header row: "Authors" first, then the columns only Scopus has */
    if (!((n > 8 && strncmp(s, "Authors,", 8) == 0) || (n > 10 && strncmp(s, "\"Authors\",", 10) == 0)))
        return 0;
    char line[4096];
    if (n >= sizeof line)
        n = sizeof line - 1;
    memcpy(line, s, n);
    line[n] = '\0';
    int marks = (strstr(line, "Source title") != NULL) + (strstr(line, "EID") != NULL) +
                (strstr(line, "Author(s) ID") != NULL) + (strstr(line, "Link") != NULL);
    return marks >= 2 ? 95 : marks == 1 ? 60 : 0;
}

/* ---- names ---- */

static int is_initials(const char *s, size_t n)
{
    /* "T.", "F.E.", "H.-R.", "J.M.C." */
    if (n == 0 || !isupper((unsigned char)s[0]))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isupper((unsigned char)s[i]) && s[i] != '.' && s[i] != '-')
            return 0;
    return memchr(s, '.', n) != NULL;
}

/* "Harrell Jr. F.E." -> "F.E. Harrell Jr."; "Yagai, Tsuyoshi" -> "Tsuyoshi
 * Yagai"; anything else as it is. */
static void turn_round(const char *s, size_t n, char *out, size_t cap)
{
    const char *comma = memchr(s, ',', n);
    if (comma) {
        /* "Last, First" or "Last, First, Suffix" (no comma may remain, or
         * the match key would turn the name round again) */
        size_t a = (size_t)(comma - s), b = a + 1;
        while (b < n && s[b] == ' ')
            b++;
        const char *second = memchr(s + b, ',', n - b);
        size_t first_end = second ? (size_t)(second - s) : n, c = first_end;
        if (second) {
            c++;
            while (c < n && s[c] == ' ')
                c++;
        }
        snprintf(out, cap, "%.*s %.*s%s%.*s", (int)(first_end - b), s + b, (int)a, s, second ? " " : "",
                 (int)(n - c), s + c);
        char *w = out;
        for (char *r = out; *r; r++)
            if (*r != ',')
                *w++ = *r;
        *w = '\0';
        return;
    }
    const char *sp = NULL;
    for (size_t i = n; i > 0; i--)
        if (s[i - 1] == ' ') {
            sp = s + i - 1;
            break;
        }
    if (sp && is_initials(sp + 1, n - (size_t)(sp + 1 - s)))
        snprintf(out, cap, "%.*s %.*s", (int)(n - (size_t)(sp + 1 - s)), sp + 1, (int)(sp - s), s);
    else
        snprintf(out, cap, "%.*s", (int)n, s);
}

typedef struct {
    const char *s;
    size_t n;
} span_t;

/* Splits s at 'sep', trimming spaces and dropping empty pieces. */
static size_t split(const char *s, char sep, span_t *out, size_t max)
{
    size_t k = 0;
    while (*s && k < max) {
        const char *e = strchr(s, sep);
        size_t n = e ? (size_t)(e - s) : strlen(s);
        size_t a = 0;
        while (a < n && s[a] == ' ')
            a++;
        while (n > a && s[n - 1] == ' ')
            n--;
        if (n > a)
            out[k++] = (span_t){s + a, n - a};
        if (!e)
            break;
        s = e + 1;
    }
    return k;
}

#define MAX_AUTHORS 4096

static int add_authors(coa_reader_ctx_t *ctx, const row_t *r, const int *col, long line, int *stated,
                       span_t *names, span_t *ids)
{
    const char *full = col[COL_FULL] >= 0 ? r->f[col[COL_FULL]].s : "";
    const char *shrt = col[COL_AUTHORS] >= 0 ? r->f[col[COL_AUTHORS]].s : "";
    const char *idcol = col[COL_IDS] >= 0 ? r->f[col[COL_IDS]].s : "";
    size_t n_names, n_ids = split(idcol, ';', ids, MAX_AUTHORS);
    int use_full = full[0] != '\0';
    if (use_full)
        n_names = split(full, ';', names, MAX_AUTHORS);
    else if (strncmp(shrt, "[No author", 10) == 0)
        n_names = 0;
    else
        n_names = split(shrt, strchr(shrt, ';') ? ';' : ',', names, MAX_AUTHORS);
    if (n_names == MAX_AUTHORS) {
        int err = coa_reader_skip(ctx, line, "more than %d authors", MAX_AUTHORS - 1);
        return err ? err : -1;
    }
    *stated = 0;
    for (size_t k = 0; k < n_names; k++) {
        char id[64] = "", name[512];
        const char *s = names[k].s;
        size_t n = names[k].n;
        /* "Yagai, Tsuyoshi (57188801000)": the id in parentheses */
        if (use_full && n > 2 && s[n - 1] == ')') {
            const char *open = NULL;
            for (size_t i = n - 1; i > 0; i--)
                if (s[i - 1] == '(') {
                    open = s + i - 1;
                    break;
                }
            size_t digits = open ? (size_t)(s + n - 1 - (open + 1)) : 0;
            if (open && digits > 0 && digits < 40 && strspn(open + 1, "0123456789") == digits) {
                snprintf(id, sizeof id, "scopus:%.*s", (int)digits, open + 1);
                n = (size_t)(open - s);
                while (n > 0 && s[n - 1] == ' ')
                    n--;
            }
        }
        if (!id[0] && n_ids == n_names && ids[k].n < 40 && strspn(ids[k].s, "0123456789") == ids[k].n)
            snprintf(id, sizeof id, "scopus:%.*s", (int)ids[k].n, ids[k].s);
        if (n >= 300) {
            int err = coa_reader_skip(ctx, line, "author name longer than 300 bytes");
            return err ? err : -1;
        }
        turn_round(s, n, name, sizeof name);
        int added = 0;
        int err = coa_corpus_paper_add_author_ex(ctx->corpus, name, strlen(name), id[0] ? id : NULL, 0, &added);
        if (err == COA_EINVAL)
            continue;
        if (err)
            return err;
        *stated += added;
    }
    return COA_OK;
}

static int intern(coa_corpus_t *c, coa_str_t *dst, const row_t *r, int col)
{
    if (col < 0 || (size_t)col >= r->n || !r->f[col].len)
        return COA_OK;
    for (size_t i = 0; i < r->f[col].len; i++) /* a title may span lines */
        if (r->f[col].s[i] == '\n' || r->f[col].s[i] == '\r')
            r->f[col].s[i] = ' ';
    coa_str_t id = coa_corpus_intern(c, r->f[col].s, r->f[col].len);
    if (id == COA_NONE)
        return COA_ENOMEM;
    *dst = id;
    return COA_OK;
}

int coa_read_scopus(coa_reader_ctx_t *ctx)
{
    coa_corpus_t *c = ctx->corpus;
    coa_bu_text_t t = {0};
    row_t r = {0};
    int col[N_COLS];
    unsigned long no_authors = 0;
    span_t *names = malloc(2 * MAX_AUTHORS * sizeof *names), *ids = names ? names + MAX_AUTHORS : NULL;
    int err = names ? coa_bu_text_load(&t, ctx->in) : COA_ENOMEM;
    if (err)
        goto cleanup;
    size_t pos = 0;
    int st = read_row(&t, &pos, &r);
    if (st < 0) {
        err = -st;
        goto cleanup;
    }
    if (st != ROW_OK) {
        err = coa_reader_skip(ctx, 1, "no header row");
        goto cleanup;
    }
    size_t n_header = r.n;
    for (int k = 0; k < N_COLS; k++) {
        col[k] = -1;
        for (size_t i = 0; i < r.n; i++)
            if (strcmp(r.f[i].s, col_names[k]) == 0) {
                col[k] = (int)i;
                break;
            }
    }
    if (col[COL_AUTHORS] < 0 && col[COL_FULL] < 0) {
        coa_diag(ctx->diag, COA_DIAG_ERROR, ctx->in->name, 1, "no 'Authors' column in the header row");
        err = COA_EPARSE;
        goto cleanup;
    }
    for (;;) {
        long line = coa_bu_text_line_at(&t, pos);
        st = read_row(&t, &pos, &r);
        if (st < 0) {
            err = -st;
            goto cleanup;
        }
        if (st == ROW_END)
            break;
        if (st == ROW_UNCLOSED) {
            if ((err = coa_reader_skip(ctx, line, "a quoted field never closes")))
                goto cleanup;
            continue;
        }
        if (r.n == 1 && r.f[0].len == 0)
            continue; /* a blank line */
        if (r.n != n_header) {
            if ((err = coa_reader_skip(ctx, line, "record has %zu fields where the header has %zu", r.n,
                                       n_header)))
                goto cleanup;
            continue;
        }
        coa_paper_t *p;
        if ((err = coa_corpus_paper_begin(c, ctx->source, (uint32_t)line, &p)))
            goto cleanup;
        int stated = 0;
        err = add_authors(ctx, &r, col, line, &stated, names, ids);
        if (err) {
            coa_corpus_paper_abort(c);
            if (err < 0) {
                err = COA_OK;
                continue;
            }
            goto cleanup;
        }
        if (!stated) {
            coa_corpus_paper_abort(c);
            no_authors++;
            continue;
        }
        p = coa_corpus_open_paper(c);
        if ((err = intern(c, &p->title, &r, col[COL_TITLE])) || (err = intern(c, &p->venue, &r, col[COL_SOURCE])) ||
            (err = intern(c, &p->doi, &r, col[COL_DOI])) || (err = intern(c, &p->key, &r, col[COL_EID]))) {
            coa_corpus_paper_abort(c);
            goto cleanup;
        }
        if (col[COL_YEAR] >= 0) {
            int y = atoi(r.f[col[COL_YEAR]].s);
            p->year = (int16_t)(y >= 1 && y <= 9999 ? y : 0);
        }
        coa_corpus_paper_end(c);
        c->sources[ctx->source].records++;
    }
    if (no_authors)
        coa_diag(ctx->diag, COA_DIAG_NOTE, ctx->in->name, 0,
                 "%lu record%s without authors ('[No author name available]') left out", no_authors,
                 no_authors == 1 ? "" : "s");
cleanup:
    free(names);
    row_destroy(&r);
    coa_bu_text_destroy(&t);
    return err;
}
