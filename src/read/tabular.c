/*
 * One reader for the tabular exports.  Each format (read_scopus.c,
 * read_wos_tab.c, read_zotero_csv.c, read_pop.c, read_dimensions.c,
 * read_lens.c) says which header names hold the authors, title, year,
 * venue, DOI and key, and how its author lists are written; the record
 * loop, the name handling and the reports are here, once.
 *
 * Rows are checked against the header: a row with fewer fields is cut
 * (the last line of a cut file, a column lost) and skipped; a row with more
 * is skipped unless the extra fields are empty (every Web of Science
 * tab-delimited row ends with a tab the header lacks).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "corpus/internal.h"
#include "tabular.h"

#define MAX_AUTHORS 4096
#define MAX_NAME 300

size_t coa_tab_head_fields(const unsigned char *head, size_t len, char delim, const char *preamble,
                           char (*fields)[COA_TAB_HEAD_FIELD], size_t max)
{
    const char *s = (const char *)head, *end = s + len;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3;
    size_t q = s < end && *s == '"' ? 1 : 0;
    if (preamble && (size_t)(end - s) >= q + strlen(preamble) && strncmp(s + q, preamble, strlen(preamble)) == 0) {
        /* the preamble is one CSV record, possibly quoted over lines */
        int quoted = 0;
        while (s < end && (quoted || *s != '\n')) {
            if (*s == '"')
                quoted = !quoted;
            s++;
        }
        if (s < end)
            s++;
    }
    size_t n = 0;
    while (s < end && n < max && *s != '\n' && *s != '\r') {
        size_t w = 0;
        int quoted = 0;
        if (*s == '"' && delim != '\t') {
            quoted = 1;
            s++;
        }
        while (s < end) {
            if (quoted && *s == '"') {
                if (s + 1 < end && s[1] == '"') {
                    s++;
                } else {
                    quoted = 0;
                    s++;
                    continue;
                }
            } else if (!quoted && (*s == delim || *s == '\n' || *s == '\r')) {
                break;
            }
            if (w + 1 < COA_TAB_HEAD_FIELD)
                fields[n][w++] = *s;
            s++;
        }
        while (w > 0 && fields[n][w - 1] == ' ')
            w--;
        fields[n][w] = '\0';
        n++;
        if (s < end && *s == delim)
            s++;
        else
            break;
    }
    return n;
}

int coa_tab_has(char (*fields)[COA_TAB_HEAD_FIELD], size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(fields[i], name) == 0)
            return 1;
    return 0;
}

int coa_tab_detect(const coa_tab_format_t *f, const unsigned char *head, size_t len)
{
    const coa_tab_sniff_t *sniff = &f->sniff;
    char fields[128][COA_TAB_HEAD_FIELD];
    size_t max = sniff->max_fields < 128 ? sniff->max_fields : 128;
    size_t n = coa_tab_head_fields(head, len, f->delim, f->preamble, fields, max);
    if (n < 3 || (sniff->first && strcmp(fields[0], sniff->first) != 0))
        return 0;
    for (size_t i = 0; i < 2 && sniff->needs[i]; i++)
        if (!coa_tab_has(fields, n, sniff->needs[i]))
            return 0;
    for (size_t i = 0; i < 4 && sniff->marks[i]; i++)
        if (coa_tab_has(fields, n, sniff->marks[i]))
            return sniff->sure;
    return sniff->likely;
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

void coa_tab_turn_round(const char *s, size_t n, char *out, size_t cap)
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
        snprintf(out, cap, "%.*s%s%.*s%s%.*s", (int)(first_end - b), s + b, first_end > b ? " " : "", (int)a, s,
                 second ? " " : "", (int)(n - c), s + c);
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

/* Google Scholar's "JS Smith": "J. S. Smith", as other sources write
 * initials, so that the two spellings meet. */
static void scholar_name(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    while (k < n && s[k] >= 'A' && s[k] <= 'Z')
        k++;
    if (k == 0 || k > 4 || k >= n || s[k] != ' ') {
        snprintf(out, cap, "%.*s", (int)n, s);
        return;
    }
    size_t w = 0;
    for (size_t i = 0; i < k && w + 4 < cap; i++) {
        out[w++] = s[i];
        out[w++] = '.';
        out[w++] = ' ';
    }
    snprintf(out + w, cap - w, "%.*s", (int)(n - k - 1), s + k + 1);
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
        while (a < n && (s[a] == ' ' || s[a] == '\n'))
            a++;
        while (n > a && (s[n - 1] == ' ' || s[n - 1] == '\n'))
            n--;
        if (n > a)
            out[k++] = (span_t){s + a, n - a};
        if (!e)
            break;
        s = e + 1;
    }
    return k;
}

static int span_is(span_t sp, const char *word)
{
    return sp.n == strlen(word) && strncasecmp(sp.s, word, sp.n) == 0;
}

/* ---- Web of Science OI and RI: "Last, First/ID; Last, First/ID" ---- */

/* "Duarte, Carlos M." and "Duarte, CM" name one person here: the same
 * last name and the same first initial. */
static int same_person(span_t a, const char *b, size_t bn)
{
    const char *ca = memchr(a.s, ',', a.n), *cb = memchr(b, ',', bn);
    if (!ca || !cb || (size_t)(ca - a.s) != (size_t)(cb - b) || strncasecmp(a.s, b, (size_t)(ca - a.s)) != 0)
        return 0;
    const char *fa = ca + 1, *fb = cb + 1;
    while (fa < a.s + a.n && *fa == ' ')
        fa++;
    while (fb < b + bn && *fb == ' ')
        fb++;
    return fa < a.s + a.n && fb < b + bn && toupper((unsigned char)*fa) == toupper((unsigned char)*fb);
}

/* The last ch in the span, or NULL. */
static const char *last_of(span_t sp, char ch)
{
    for (size_t i = sp.n; i > 0; i--)
        if (sp.s[i - 1] == ch)
            return sp.s + i - 1;
    return NULL;
}

/* Gives ids[k] the identifier of the one author k that an entry names;
 * an entry naming none or several is left out. */
static void attach_ids(const char *field, const char *scheme, const span_t *names, size_t n_names, char (*ids)[64])
{
    span_t entry[256];
    size_t n = split(field, ';', entry, 256);
    for (size_t e = 0; e < n; e++) {
        const char *slash = last_of(entry[e], '/');
        if (!slash)
            continue;
        span_t who = {entry[e].s, (size_t)(slash - entry[e].s)};
        size_t idlen = entry[e].n - (size_t)(slash + 1 - entry[e].s);
        if (idlen == 0 || idlen > 40)
            continue;
        size_t hit = n_names, hits = 0;
        for (size_t k = 0; k < n_names; k++)
            if (same_person(who, names[k].s, names[k].n)) {
                hit = k;
                hits++;
            }
        if (hits == 1 && !ids[hit][0])
            snprintf(ids[hit], sizeof ids[hit], "%s:%.*s", scheme, (int)idlen, slash + 1);
    }
}

/* ---- Scopus ---- */

/* "Sauer F., Xie J., Ma K.-L.": every piece ends in initials. */
static int looks_like_scopus_authors(const char *s)
{
    span_t p[64];
    size_t n = split(s, strchr(s, ';') ? ';' : ',', p, 64);
    if (n == 0)
        return 0;
    for (size_t k = 0; k < n; k++) {
        const char *sp = last_of(p[k], ' ');
        if (!sp || !is_initials(sp + 1, p[k].n - (size_t)(sp + 1 - p[k].s)))
            return 0;
    }
    return 1;
}

/* "Yagai, Tsuyoshi (57188801000)": the id in parentheses, cut off. */
static size_t scopus_paren_id(const char *s, size_t n, char *id, size_t cap)
{
    if (n < 3 || s[n - 1] != ')')
        return n;
    const char *open = NULL;
    for (size_t i = n - 1; i > 0; i--)
        if (s[i - 1] == '(') {
            open = s + i - 1;
            break;
        }
    size_t digits = open ? (size_t)(s + n - 1 - (open + 1)) : 0;
    if (!open || digits == 0 || digits >= 40 || strspn(open + 1, "0123456789") != digits)
        return n;
    snprintf(id, cap, "scopus:%.*s", (int)digits, open + 1);
    n = (size_t)(open - s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    return n;
}

/* ---- the record loop ---- */

typedef struct {
    coa_reader_ctx_t *ctx;
    const coa_tab_format_t *f;
    coa_csv_t csv;
    int col[COA_N_COLS];
    size_t n_header;
    char *hdr;          /* the header row's fields, each NUL-terminated */
    size_t *hdr_off;
    unsigned long repeated_headers;
    long repeated_line;    /* the first one's */
    span_t *names, *idspans;
    char (*ids)[64];
    unsigned long no_authors;
} tab_t;

static const char *field(const tab_t *t, int c)
{
    return t->col[c] >= 0 ? coa_csv_field(&t->csv, (size_t)t->col[c]) : "";
}

/* Adds the record's authors to the open paper; sets *stated and
 * *truncated.  Returns COA_OK, an error, or -1 when the record was
 * skipped (already reported). */
static int add_authors(tab_t *t, int *stated, int *truncated)
{
    coa_reader_ctx_t *ctx = t->ctx;
    const char *full = field(t, COA_COL_FULL_NAMES), *list = full[0] ? full : field(t, COA_COL_AUTHORS);
    int style = t->f->names, use_full = full[0] != '\0';
    char sep = style == COA_NAMES_SCHOLAR ? ',' : ';';
    if (style == COA_NAMES_SCOPUS && !use_full && !strchr(list, ';'))
        sep = ','; /* older Scopus exports */
    *stated = *truncated = 0;
    if (list[0] == '[')
        return COA_OK; /* "[No author name available]", "[Anonymous]" */
    size_t n = split(list, sep, t->names, MAX_AUTHORS);
    if (n == MAX_AUTHORS) {
        int err = coa_reader_skip(ctx, t->csv.line, "more than %d authors", MAX_AUTHORS - 1);
        return err ? err : -1;
    }
    /* a cut list: Zotero's "others", Google Scholar's "..." */
    while (n > 0 && (span_is(t->names[n - 1], "others") || span_is(t->names[n - 1], "...") ||
                     span_is(t->names[n - 1], "\xE2\x80\xA6"))) {
        n--;
        *truncated = 1;
    }
    for (size_t k = 0; k < n; k++)
        t->ids[k][0] = '\0';
    if (style == COA_NAMES_SCOPUS) {
        size_t n_ids = split(field(t, COA_COL_AUTHOR_IDS), ';', t->idspans, MAX_AUTHORS);
        for (size_t k = 0; k < n; k++) {
            if (use_full)
                t->names[k].n = scopus_paren_id(t->names[k].s, t->names[k].n, t->ids[k], sizeof t->ids[k]);
            span_t id = k < n_ids ? t->idspans[k] : (span_t){"", 0};
            if (!t->ids[k][0] && n_ids == n && id.n < 40 && strspn(id.s, "0123456789") == id.n)
                snprintf(t->ids[k], sizeof t->ids[k], "scopus:%.*s", (int)id.n, id.s);
        }
    } else if (style == COA_NAMES_LAST_FIRST) {
        /* ORCID first: it is the identifier other sources carry too */
        const char *oi = field(t, COA_COL_ORCID), *ri = field(t, COA_COL_RESEARCHERID);
        if (oi[0])
            attach_ids(oi, "orcid", t->names, n, t->ids);
        if (ri[0])
            attach_ids(ri, "researcherid", t->names, n, t->ids);
    }
    for (size_t k = 0; k < n; k++) {
        char name[2 * MAX_NAME];
        const char *s = t->names[k].s;
        size_t len = t->names[k].n;
        if (len >= MAX_NAME) {
            int err = coa_reader_skip(ctx, t->csv.line, "author name longer than %d bytes", MAX_NAME);
            return err ? err : -1;
        }
        if (style == COA_NAMES_SCHOLAR)
            scholar_name(s, len, name, sizeof name);
        else if (style == COA_NAMES_FIRST_LAST)
            snprintf(name, sizeof name, "%.*s", (int)len, s);
        else
            coa_tab_turn_round(s, len, name, sizeof name);
        int added = 0;
        int err = coa_corpus_paper_add_author_ex(ctx->corpus, name, strlen(name), t->ids[k][0] ? t->ids[k] : NULL,
                                                 0, &added);
        if (err == COA_EINVAL)
            continue;
        if (err)
            return err;
        *stated += added;
    }
    return COA_OK;
}

static int intern(coa_corpus_t *c, coa_str_t *dst, const char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n'))
        n--;
    while (n > 0 && (*s == ' ' || *s == '\n')) {
        s++;
        n--;
    }
    if (n == 0)
        return COA_OK;
    char small[512], *buf = n < sizeof small ? small : malloc(n + 1);
    if (!buf)
        return COA_ENOMEM;
    for (size_t i = 0; i < n; i++) /* a title may span lines */
        buf[i] = s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i];
    coa_str_t id = coa_corpus_intern(c, buf, n);
    if (buf != small)
        free(buf);
    if (id == COA_NONE)
        return COA_ENOMEM;
    *dst = id;
    return COA_OK;
}

static int year_of(const char *s)
{
    for (; *s; s++)
        if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]) &&
            isdigit((unsigned char)s[3]) && !isdigit((unsigned char)s[4])) {
            int y = atoi(s);
            return y >= 1 && y <= 9999 ? y : 0;
        } else {
            while (isdigit((unsigned char)s[1]))
                s++;
        }
    return 0;
}

static int add_record(tab_t *t)
{
    coa_reader_ctx_t *ctx = t->ctx;
    coa_corpus_t *c = ctx->corpus;
    coa_paper_t *p;
    int err = coa_corpus_paper_begin(c, ctx->source, (uint32_t)t->csv.line, &p);
    if (err)
        return err;
    int stated = 0, truncated = 0;
    err = add_authors(t, &stated, &truncated);
    if (err) {
        coa_corpus_paper_abort(c);
        return err < 0 ? COA_OK : err;
    }
    if (!stated) {
        coa_corpus_paper_abort(c);
        t->no_authors++;
        ctx->no_authors++; /* counted as skipped in the summary */
        return COA_OK;
    }
    p = coa_corpus_open_paper(c);
    if ((err = intern(c, &p->title, field(t, COA_COL_TITLE))) || (err = intern(c, &p->venue, field(t, COA_COL_VENUE))) ||
        (err = intern(c, &p->doi, field(t, COA_COL_DOI))) || (err = intern(c, &p->key, field(t, COA_COL_KEY)))) {
        coa_corpus_paper_abort(c);
        return err;
    }
    if (!p->key && t->col[COA_COL_LINK] >= 0) {
        /* Scopus without an EID column: the record's link carries it */
        const char *eid = strstr(field(t, COA_COL_LINK), "eid=");
        if (eid) {
            eid += 4;
            coa_str_t id = coa_corpus_intern(c, eid, strcspn(eid, "&"));
            if (id == COA_NONE) {
                coa_corpus_paper_abort(c);
                return COA_ENOMEM;
            }
            p->key = id;
        }
    }
    p->year = (int16_t)year_of(field(t, COA_COL_YEAR));
    if (truncated)
        p->flags |= COA_PAPER_TRUNCATED;
    coa_corpus_paper_end(c);
    c->sources[ctx->source].records++;
    return COA_OK;
}

/* Maps the header row; returns 1 when an author column was found. */
static int map_header(tab_t *t)
{
    for (int k = 0; k < COA_N_COLS; k++)
        t->col[k] = -1;
    t->n_header = t->csv.n;
    for (const coa_tab_header_t *h = t->f->headers; h->header; h++) {
        if (t->col[h->col] >= 0)
            continue;
        for (size_t i = 0; i < t->csv.n; i++) {
            const char *s = coa_csv_field(&t->csv, i);
            size_t n = strlen(s);
            while (n > 0 && s[n - 1] == ' ')
                n--;
            if (n == strlen(h->header) && strncasecmp(s, h->header, n) == 0) {
                t->col[h->col] = (int)i;
                break;
            }
        }
    }
    return t->col[COA_COL_AUTHORS] >= 0 || t->col[COA_COL_FULL_NAMES] >= 0;
}

/* True when the record is the header row again (its byte-order mark too,
 * where a second export was pasted after the first). */
static int is_header(const tab_t *t)
{
    for (size_t i = 0; i < t->n_header; i++) {
        const char *a = coa_csv_field(&t->csv, i), *b = t->hdr + t->hdr_off[i];
        if (i == 0 && strncmp(a, "\xEF\xBB\xBF", 3) == 0)
            a += 3;
        if (strcmp(a, b) != 0)
            return 0;
    }
    return 1;
}

int coa_read_tabular(coa_reader_ctx_t *ctx, const coa_tab_format_t *f)
{
    tab_t t = {0};
    t.ctx = ctx;
    t.f = f;
    int err = COA_OK, r;
    t.names = malloc(2 * MAX_AUTHORS * sizeof *t.names);
    t.ids = malloc(MAX_AUTHORS * sizeof *t.ids);
    if (!t.names || !t.ids) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    t.idspans = t.names + MAX_AUTHORS;
    coa_csv_init(&t.csv, ctx, f->delim, f->quotes);
    r = coa_csv_next(&t.csv);
    if (r > 0 && f->preamble && strncmp(coa_csv_field(&t.csv, 0), f->preamble, strlen(f->preamble)) == 0)
        r = coa_csv_next(&t.csv); /* "About the data: Exported on ..." */
    if (r < 0) {
        err = -r;
        goto cleanup;
    }
    if (r == 0) {
        coa_diag(ctx->diag, COA_DIAG_ERROR, ctx->in->name, 1, "no header row");
        err = COA_EPARSE;
        goto cleanup;
    }
    long header_line = t.csv.line;
    int have_authors = map_header(&t);
    /* the header is kept: for the note below, and to know it again where
     * two exports were pasted into one file */
    t.hdr = malloc(t.csv.len + 1);
    t.hdr_off = malloc((t.csv.n + 1) * sizeof *t.hdr_off);
    if (!t.hdr || !t.hdr_off) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    memcpy(t.hdr, t.csv.text, t.csv.len);
    memcpy(t.hdr_off, t.csv.off, t.csv.n * sizeof *t.hdr_off);
    if (!have_authors && f->guess_authors) {
        /* no header names the authors: the first column of the first
         * record that reads as a Scopus author list is taken for them, and
         * the user told */
        r = coa_csv_next(&t.csv);
        if (r < 0) {
            err = -r;
            goto cleanup;
        }
        for (size_t i = 0; r > 0 && i < t.csv.n; i++)
            if (looks_like_scopus_authors(coa_csv_field(&t.csv, i))) {
                t.col[COA_COL_AUTHORS] = (int)i;
                coa_diag(ctx->diag, COA_DIAG_NOTE, ctx->in->name, header_line,
                         "no column header names the authors; column %zu ('%s') holds names such as '%.40s': "
                         "read as the authors",
                         i + 1, i < t.n_header ? t.hdr + t.hdr_off[i] : "", coa_csv_field(&t.csv, i));
                have_authors = 1;
                break;
            }
        if (have_authors && (err = add_record(&t)))
            goto cleanup;
    }
    if (!have_authors) {
        coa_diag(ctx->diag, COA_DIAG_ERROR, ctx->in->name, header_line, "no authors column in the header row");
        err = COA_EPARSE;
        goto cleanup;
    }
    if (r == 0)
        goto done;
    while ((r = coa_csv_next(&t.csv)) > 0) {
        size_t n = t.csv.n;
        while (n > t.n_header && coa_csv_field(&t.csv, n - 1)[0] == '\0')
            n--; /* trailing empty fields (WoS ends every row with a tab) */
        if (n != t.n_header) {
            if ((err = coa_reader_skip(ctx, t.csv.line, "record has %zu fields where the header has %zu", t.csv.n,
                                       t.n_header)))
                goto cleanup;
            continue;
        }
        if (is_header(&t)) {
            if (!t.repeated_headers++)
                t.repeated_line = t.csv.line;
            continue;
        }
        if ((err = add_record(&t)))
            goto cleanup;
    }
    if (r < 0) {
        err = -r;
        goto cleanup;
    }
done:
    if (t.repeated_headers)
        coa_diag(ctx->diag, COA_DIAG_NOTE, ctx->in->name, t.repeated_line,
                 "the header row comes again here (%lu time%s in all: exports pasted into one file?); passed over",
                 t.repeated_headers, t.repeated_headers == 1 ? "" : "s");
    if (t.no_authors)
        coa_diag(ctx->diag, COA_DIAG_NOTE, ctx->in->name, 0, "%lu record%s without authors left out", t.no_authors,
                 t.no_authors == 1 ? "" : "s");
cleanup:
    coa_csv_destroy(&t.csv);
    COA_FREE(t.hdr, t.hdr_off, t.names, t.ids);
    return err;
}

/* What 'coauthor formats --help' says of the tabular exports (coa_formats_help). */
const char coa_help_tabular[] =
    "Tabular exports share one CSV tokenizer (RFC 4180: quoted fields with\n"
    "commas, doubled quotes and line breaks; a quote that never closes costs its\n"
    "record, and the lines after it are read again).  Columns are found by their\n"
    "header names; a row with fewer fields than the header, or with extra fields\n"
    "that are not empty, is skipped; a record without authors is left out with\n"
    "a note, and counted as skipped in the summary line; the header row met\n"
    "again (exports pasted into one file) is passed over, with a note.\n";
