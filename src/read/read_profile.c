/*
 * The researcher-profile listing: a profile web page saved as text.
 *
 *   Owner Name
 *   <header lines: field code and counts glued to labels: "h-index86",
 *    "109papers", "53,844citations">
 *   [score]CATEGORY Mon D[, YYYY][Code]      <- one per entry
 *   <blank> Title <blank> Authors[ et al.][ · orgs] <blank> Abstract <blank>
 *
 * Entries are recognised by their header line; the paragraphs that follow
 * (blocks of non-blank lines) are the title, the author line and the
 * abstract.  A line that starts like an entry header but does not parse
 * makes its entry malformed: the entry is reported and skipped, and
 * reading resumes at the next header.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corpus/internal.h"
#include "readers.h"

static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const int month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

typedef struct {
    int has_score;
    float score;
    char category[16];
    int month, day, year; /* year 0 when the date has none */
    int code;
} entry_header_t;

enum { NOT_HEADER = 0, HEADER_OK = 1, HEADER_BAD = 2 };

/* Parses an entry header.  Returns HEADER_BAD (with *why) for a line that
 * starts like one but is not valid. */
static int parse_header(const char *s, size_t len, entry_header_t *h, const char **why)
{
    memset(h, 0, sizeof *h);
    if (len < 6 || len > 48)
        return NOT_HEADER;
    size_t i = 0;
    /* score: digits with an optional fraction */
    while (i < len && isdigit((unsigned char)s[i]))
        i++;
    if (i < len && s[i] == '.' && i > 0) {
        i++;
        while (i < len && isdigit((unsigned char)s[i]))
            i++;
    }
    size_t score_len = i;
    /* category: upper-case letters, then the month's capital */
    size_t cat = i;
    while (i < len && isupper((unsigned char)s[i]))
        i++;
    if (i - cat < 2) /* a category and the month's capital */
        return NOT_HEADER;
    i--; /* the month's capital */
    size_t cat_len = i - cat;
    if (i + 3 > len)
        return NOT_HEADER;
    int month = -1;
    for (int m = 0; m < 12; m++)
        if (memcmp(s + i, months[m], 3) == 0)
            month = m;
    if (month < 0)
        return NOT_HEADER;
    /* from here on the line is an entry header or a malformed one */
    if (cat_len > sizeof h->category - 1 || cat_len > 8) {
        *why = "category code too long";
        return HEADER_BAD;
    }
    if (score_len > 0) {
        char num[32];
        if (score_len >= sizeof num) {
            *why = "score too long";
            return HEADER_BAD;
        }
        memcpy(num, s, score_len);
        num[score_len] = '\0';
        h->score = strtof(num, NULL);
        h->has_score = 1;
    }
    memcpy(h->category, s + cat, cat_len);
    h->category[cat_len] = '\0';
    i += 3;
    if (i >= len || s[i] != ' ') {
        *why = "expected a space after the month";
        return HEADER_BAD;
    }
    i++;
    int day = 0, digits = 0;
    while (i < len && isdigit((unsigned char)s[i]) && digits < 3) {
        day = day * 10 + (s[i] - '0');
        i++;
        digits++;
    }
    if (digits == 0 || digits > 2 || day < 1 || day > month_days[month]) {
        *why = "day out of range";
        return HEADER_BAD;
    }
    int year = 0;
    if (i + 1 < len && s[i] == ',' && s[i + 1] == ' ') {
        i += 2;
        digits = 0;
        while (i < len && isdigit((unsigned char)s[i]) && digits < 5) {
            year = year * 10 + (s[i] - '0');
            i++;
            digits++;
        }
        if (digits != 4 || year < 1000) {
            *why = "year is not four digits";
            return HEADER_BAD;
        }
    }
    if (len - i == 4 && memcmp(s + i, "Code", 4) == 0) {
        h->code = 1;
        i += 4;
    }
    if (i != len) {
        *why = "unexpected text after the date";
        return HEADER_BAD;
    }
    h->month = month + 1;
    h->day = day;
    h->year = year;
    return HEADER_OK;
}

int coa_detect_profile(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    /* a header line within the first few kilobytes, and no tab-separated data */
    size_t i = 0;
    int headers = 0, lines = 0;
    while (i < len && lines < 400) {
        const char *s = (const char *)head + i;
        const char *nl = memchr(s, '\n', len - i);
        size_t n = nl ? (size_t)(nl - s) : len - i;
        if (n && s[n - 1] == '\r')
            n--;
        entry_header_t h;
        const char *why;
        if (parse_header(s, n, &h, &why) == HEADER_OK)
            headers++;
        if (memchr(s, '\t', n) || (n > 0 && (s[0] == '@' || s[0] == '<' || s[0] == '{')))
            return 0;
        lines++;
        if (!nl)
            break;
        i += n + 1 + (s[n] == '\r');
    }
    return headers ? 60 + (headers > 1 ? 30 : 0) : 0;
}

/* ---- the entry being read ---- */

typedef struct {
    char *s;
    size_t len, cap;
} text_t;

enum { TITLE, AUTHORS, ABSTRACT, N_PARA };

typedef struct {
    text_t para[N_PARA]; /* title, author line, abstract */
    long para_line[N_PARA];
    int n_para;          /* paragraphs started; further ones join the abstract */
    int in_para;         /* the last line read was part of a paragraph */
    long line;           /* the header's line */
    entry_header_t h;
    int bad;             /* malformed: already reported, skip */
    int active;
} entry_t;

static int text_append(text_t *t, const char *sep, const char *s, size_t n)
{
    size_t seplen = t->len ? strlen(sep) : 0;
    size_t need = t->len + seplen + n + 1;
    if (need > t->cap && coa_grow_array(&t->s, &t->cap, need, 1, 256))
        return COA_ENOMEM;
    memcpy(t->s + t->len, sep, seplen);
    memcpy(t->s + t->len + seplen, s, n);
    t->len += seplen + n;
    t->s[t->len] = '\0';
    return COA_OK;
}

/* Adds a line of an entry: a new paragraph after a blank line, else a
 * continuation of the current one (wrapped lines join with a space). */
static int entry_line(entry_t *e, const char *s, size_t n, long lineno)
{
    if (e->in_para)
        return text_append(&e->para[e->n_para - 1], " ", s, n);
    e->in_para = 1;
    if (e->n_para == N_PARA)
        return text_append(&e->para[ABSTRACT], "\n\n", s, n);
    e->para_line[e->n_para] = lineno;
    return text_append(&e->para[e->n_para++], "", s, n);
}

static void entry_reset(entry_t *e, long line)
{
    for (int i = 0; i < N_PARA; i++)
        e->para[i].len = 0;
    e->n_para = 0;
    e->in_para = 0;
    e->line = line;
    e->bad = 0;
    e->active = 1;
    memset(&e->h, 0, sizeof e->h);
}

static const char *para(const entry_t *e, int i)
{
    return i < e->n_para ? e->para[i].s : "";
}

/* "Name One, Name Two et al. · org-a, org-b" */
static int add_authors(coa_reader_ctx_t *ctx, const entry_t *e, const char *owner, int *truncated,
                       coa_str_t *orgs)
{
    coa_corpus_t *c = ctx->corpus;
    const char *line = para(e, AUTHORS);
    size_t len = strlen(line);
    const char *dot = strstr(line, " \xC2\xB7 "); /* " · " */
    size_t names_len = dot ? (size_t)(dot - line) : len;
    *orgs = COA_NOSTR;
    if (dot) {
        const char *o = dot + 4;
        while (*o == ' ')
            o++;
        *orgs = coa_corpus_intern(c, o, strlen(o));
        if (*orgs == COA_NONE)
            return COA_ENOMEM;
    }
    while (names_len > 0 && line[names_len - 1] == ' ')
        names_len--;
    *truncated = 0;
    if (names_len >= 7 && memcmp(line + names_len - 7, " et al.", 7) == 0) {
        *truncated = 1;
        names_len -= 7;
    } else if (names_len == 6 && memcmp(line, "et al.", 6) == 0) {
        *truncated = 1;
        names_len = 0;
    }
    int stated = 0;
    size_t i = 0;
    while (i < names_len) {
        const char *comma = memchr(line + i, ',', names_len - i);
        size_t end = comma ? (size_t)(comma - line) : names_len;
        size_t a = i, b = end;
        while (a < b && line[a] == ' ')
            a++;
        while (b > a && line[b - 1] == ' ')
            b--;
        if (b - a > 200) {
            return coa_reader_skip(ctx, e->para_line[AUTHORS], "author name longer than 200 bytes")
                       ? COA_EPARSE
                       : -1;
        }
        if (b > a) {
            int added;
            int err = coa_corpus_paper_add_author(c, line + a, b - a, 0, &added);
            if (err)
                return err;
            stated += added;
        }
        i = end + 1;
    }
    if (stated == 0) {
        int err = coa_reader_skip(ctx, e->para_line[AUTHORS], "entry has no author names");
        return err ? err : -1;
    }
    if (*truncated && owner && !coa_corpus_paper_has_author(c, owner, strlen(owner))) {
        int added;
        int err = coa_corpus_paper_add_author(c, owner, strlen(owner), 1, &added);
        if (err)
            return err;
        ctx->corpus->sources[ctx->source].inferred += (uint32_t)added;
    }
    return COA_OK;
}

/* Stores a finished entry.  Returns COA_OK, an error, or COA_EPARSE under
 * strict mode for a malformed entry. */
static int entry_finish(coa_reader_ctx_t *ctx, entry_t *e, const char *owner)
{
    coa_corpus_t *c = ctx->corpus;
    coa_source_t *src;
    if (!e->active)
        return COA_OK;
    e->active = 0;
    if (e->bad)
        return COA_OK; /* reported when found */
    if (e->n_para == 0)
        return coa_reader_skip(ctx, e->line, "entry has no title");
    if (e->n_para == 1)
        return coa_reader_skip(ctx, e->line, "entry has no author line (truncated entry?)");
    coa_paper_t *p;
    int err = coa_corpus_paper_begin(c, ctx->source, (uint32_t)e->line, &p);
    if (err)
        return err;
    int truncated;
    coa_str_t orgs;
    err = add_authors(ctx, e, owner, &truncated, &orgs);
    if (err) {
        coa_corpus_paper_abort(c);
        return err < 0 ? COA_OK : err;
    }
    p = coa_corpus_open_paper(c); /* adding authors may have moved nothing, but be safe */
    const char *title = para(e, TITLE), *abstract = para(e, ABSTRACT);
    p->title = coa_corpus_intern(c, title, strlen(title));
    p->category = coa_corpus_intern(c, e->h.category, strlen(e->h.category));
    p->abstract = coa_corpus_intern(c, abstract, strlen(abstract));
    if (p->title == COA_NONE || p->category == COA_NONE || p->abstract == COA_NONE) {
        coa_corpus_paper_abort(c);
        return COA_ENOMEM;
    }
    p->orgs = orgs;
    p->month = (uint8_t)e->h.month;
    p->day = (uint8_t)e->h.day;
    src = &c->sources[ctx->source];
    if (e->h.year) {
        p->year = (int16_t)e->h.year;
    } else {
        p->year = (int16_t)ctx->opts->assumed_year;
        p->flags |= COA_PAPER_YEAR_ASSUMED;
        src->undated++;
        src->assumed_year = ctx->opts->assumed_year;
    }
    if (e->h.has_score) {
        p->score = e->h.score;
        p->flags |= COA_PAPER_HAS_SCORE;
    }
    if (e->h.code)
        p->flags |= COA_PAPER_CODE;
    if (truncated)
        p->flags |= COA_PAPER_TRUNCATED;
    coa_corpus_paper_end(c);
    src->records++;
    return COA_OK;
}

/* Splits a header line such as "h-index86", "109papers", "53,844citations",
 * "Novelty52%" or "AI Score63" into label and value. */
static int header_meta(coa_reader_ctx_t *ctx, const char *s, size_t n)
{
    char label[128], value[64];
    size_t i = 0, v = 0;
    if (n >= sizeof label)
        return COA_OK; /* not a header field; ignore */
    if (isdigit((unsigned char)s[0])) {
        while (i < n && (isdigit((unsigned char)s[i]) || s[i] == ',' || s[i] == '.' || s[i] == '%')) {
            if (s[i] != ',' && v < sizeof value - 1)
                value[v++] = s[i];
            i++;
        }
        while (i < n && s[i] == ' ')
            i++;
        memcpy(label, s + i, n - i);
        label[n - i] = '\0';
    } else {
        size_t j = n;
        while (j > 0 && (isdigit((unsigned char)s[j - 1]) || s[j - 1] == ',' || s[j - 1] == '.' ||
                         s[j - 1] == '%'))
            j--;
        if (j == n) {
            int code = n >= 2 && n <= 8;
            for (size_t k = 0; k < n && code; k++)
                code = isupper((unsigned char)s[k]);
            memcpy(label, code ? "field" : "text", code ? 6 : 5);
            if (n >= sizeof value)
                return COA_OK; /* too long for a field code: page text */
            memcpy(value, s, n);
            value[n] = '\0';
            return coa_corpus_add_meta(ctx->corpus, ctx->source, label, value);
        }
        for (size_t k = j; k < n && v < sizeof value - 1; k++)
            if (s[k] != ',')
                value[v++] = s[k];
        while (j > 0 && s[j - 1] == ' ')
            j--;
        memcpy(label, s, j);
        label[j] = '\0';
    }
    value[v] = '\0';
    /* "109 Papers" above the list repeats the header's "109papers" */
    const coa_source_t *src = &ctx->corpus->sources[ctx->source];
    for (uint32_t k = 0; k < src->n_meta; k++) {
        const coa_meta_t *m = &ctx->corpus->meta[src->first_meta + k];
        if (!strcasecmp(coa_corpus_str(ctx->corpus, m->label), label) &&
            !strcmp(coa_corpus_str(ctx->corpus, m->value), value))
            return COA_OK;
    }
    if (!label[0] || !value[0])
        return coa_corpus_add_meta(ctx->corpus, ctx->source, "text", label[0] ? label : value);
    return coa_corpus_add_meta(ctx->corpus, ctx->source, label, value);
}

int coa_read_profile(coa_reader_ctx_t *ctx)
{
    coa_corpus_t *c = ctx->corpus;
    entry_t e;
    memset(&e, 0, sizeof e);
    char *owner = NULL;
    int err = COA_OK, in_header = 1;
    const char *line;
    size_t len;
    int r;
    while ((r = coa_input_next(ctx->in, &line, &len)) > 0) {
        long lineno = ctx->in->lineno;
        if (ctx->in->too_long) {
            /* a dropped line would silently shift the entry's fields */
            if (e.active && !e.bad) {
                e.bad = 1;
                if ((err = coa_reader_skip(ctx, e.line, "entry has a line that is too long")))
                    goto cleanup;
            }
            continue;
        }
        size_t a = 0;
        while (a < len && (line[a] == ' ' || line[a] == '\t'))
            a++;
        if (a == len) {
            e.in_para = 0;
            continue;
        }
        entry_header_t h;
        const char *why = NULL;
        int kind = parse_header(line + a, len - a, &h, &why);
        if (kind != NOT_HEADER) {
            if ((err = entry_finish(ctx, &e, owner)))
                goto cleanup;
            in_header = 0;
            entry_reset(&e, lineno);
            if (kind == HEADER_BAD) {
                e.bad = 1;
                if ((err = coa_reader_skip(ctx, lineno, "malformed entry header '%.40s': %s", line + a, why)))
                    goto cleanup;
            } else {
                e.h = h;
            }
            continue;
        }
        if (in_header) {
            if (!owner) {
                owner = strndup(line + a, len - a);
                if (!owner) {
                    err = COA_ENOMEM;
                    goto cleanup;
                }
                c->sources[ctx->source].owner = coa_corpus_intern(c, owner, strlen(owner));
                err = coa_corpus_add_meta(c, ctx->source, "owner", owner);
            } else {
                err = header_meta(ctx, line + a, len - a);
            }
            if (err)
                goto cleanup;
            continue;
        }
        if (!e.bad && (err = entry_line(&e, line + a, len - a, lineno)))
            goto cleanup;
    }
    if (r < 0)
        err = ctx->in->error ? ctx->in->error : COA_EIO;
    else
        err = entry_finish(ctx, &e, owner);
    if (!err && in_header)
        coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, 0, "no paper entries found");
cleanup:
    free(owner);
    for (int i = 0; i < N_PARA; i++)
        free(e.para[i].s);
    return err;
}
