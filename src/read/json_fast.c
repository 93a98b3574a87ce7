/*
 * The JSON fast path: OpenAlex works, Crossref works and CSL items read
 * straight from their text, without jansson.
 *
 * jansson builds a tree of every value of a work (an OpenAlex work has
 * about 60, most of them ids, flags and empty lists), with a hash table
 * per object and a malloc per value, and that took half the time of
 * reading a generated OpenAlex or CSL-JSON corpus.  The reader needs a
 * dozen strings of each work.  This file validates the whole text as
 * jansson would and keeps only those strings.
 *
 * Declining is the safety rule: the fast path must give what jansson
 * gives, field for field, or nothing; on anything else the reader gives
 * the text to jansson as before.  It accepts only
 *   - one object, with white space around it and nothing else, nested at
 *     most MAX_DEPTH deep;
 *   - strings of valid UTF-8 (jansson's rule: no overlong forms, no
 *     surrogates, nothing past U+10FFFF), without control characters,
 *     with the escapes JSON has; \u escapes decoded, a surrogate pair
 *     into one character; no \u0000, no lone surrogate;
 *   - keys without escapes;
 *   - numbers as JSON writes them, of at most 32 characters (an integer
 *     of at most 18 digits, an exponent of at most 2), so that jansson's
 *     strtoll and strtod cannot overflow;
 *   - no key that it reads twice in one object (jansson keeps the last);
 *   - no key that makes the work something else: an ORCID response, a
 *     Crossref envelope ("message"), an OpenAlex list ("results"), an
 *     arXiv or Semantic Scholar work.
 * COAUTHOR_JSON_FAST_CHECK=1 makes the reader parse every work the fast
 * path read with jansson too and report any where the two differ
 * (tests/scripts/json-fast.sh and the fuzz_json_fast target run it);
 * COAUTHOR_JSON_FAST=0 turns the fast path off.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "core/input.h"
#include "json_fast.h"

const char *const coa_jw_dates[COA_JW_N_DATES] = {"issued", "published", "published-print", "published-online",
                                                  "created"};

long long coa_jw_year_of_string(const char *s)
{
    long long y = 0;
    for (int k = 0; k < 5 && *s >= '0' && *s <= '9'; k++, s++)
        y = y * 10 + (*s - '0');
    return y;
}

coa_jauthor_t *coa_jw_add_author(coa_jwork_t *w)
{
    if (coa_grow_array(&w->authors, &w->cap_authors, w->n_authors + 1, sizeof *w->authors, 16))
        return NULL;
    coa_jauthor_t *a = &w->authors[w->n_authors++];
    memset(a, 0, sizeof *a);
    return a;
}

static int same(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static const char *shown(const char *s)
{
    return s ? s : "(none)";
}

const char *coa_jw_diff(const coa_jwork_t *a, const coa_jwork_t *b, char *detail, size_t size)
{
    detail[0] = '\0';
    if (a->dialect != b->dialect) {
        snprintf(detail, size, "%d / %d", a->dialect, b->dialect);
        return "the dialect";
    }
    static const char *const names[] = {"the title", "display_name", "the DOI", "the id", "the venue"};
    const char *fa[] = {a->title, a->display_name, a->doi, a->id, a->venue};
    const char *fb[] = {b->title, b->display_name, b->doi, b->id, b->venue};
    for (int k = 0; k < 5; k++)
        if (!same(fa[k], fb[k])) {
            snprintf(detail, size, "'%.80s' / '%.80s'", shown(fa[k]), shown(fb[k]));
            return names[k];
        }
    for (int k = 0; k < 3 * COA_JW_N_DATES; k++)
        if (a->years[k] != b->years[k]) {
            snprintf(detail, size, "candidate %d: %lld / %lld", k, a->years[k], b->years[k]);
            return "a year";
        }
    if (a->n_authors != b->n_authors) {
        snprintf(detail, size, "%zu / %zu", a->n_authors, b->n_authors);
        return "the number of authors";
    }
    for (size_t i = 0; i < a->n_authors; i++) {
        const coa_jauthor_t *x = &a->authors[i], *y = &b->authors[i];
        const char *px[] = {x->given, x->dropping, x->non_dropping, x->family, x->suffix, x->name,
                            x->literal, x->orcid, x->raw, x->entity, x->entity_id, x->entity_orcid};
        const char *py[] = {y->given, y->dropping, y->non_dropping, y->family, y->suffix, y->name,
                            y->literal, y->orcid, y->raw, y->entity, y->entity_id, y->entity_orcid};
        for (int k = 0; k < 12; k++)
            if (!same(px[k], py[k])) {
                snprintf(detail, size, "author %zu, field %d: '%.80s' / '%.80s'", i + 1, k, shown(px[k]),
                         shown(py[k]));
                return "an author";
            }
    }
    return NULL;
}

/* ---- the parser ---- */

#define MAX_DEPTH 64
#define DECLINE (-1)
#define NOMEM (-2)

struct coa_jfast {
    const unsigned char *p, *end;
    int depth;
    char *arena; /* the strings kept, NUL-terminated: never more than the text */
    size_t used, cap;
    coa_jwork_t oa, cr; /* the work read both ways; the dialect picks one */
    int authorships_array, author_array, has_doi, has_other_authors;
    int csl;
};

coa_jfast_t *coa_jfast_new(void)
{
    return calloc(1, sizeof(coa_jfast_t));
}

void coa_jfast_free(coa_jfast_t *f)
{
    if (!f)
        return;
    free(f->arena);
    free(f->oa.authors);
    free(f->cr.authors);
    free(f);
}

static int peek(const coa_jfast_t *f)
{
    return f->p < f->end ? *f->p : -1;
}

static void skip_ws(coa_jfast_t *f)
{
    while (f->p < f->end && (*f->p == ' ' || *f->p == '\n' || *f->p == '\t' || *f->p == '\r'))
        f->p++;
}

static int hex4(const unsigned char *s, uint32_t *v)
{
    *v = 0;
    for (int k = 0; k < 4; k++) {
        int c = s[k], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return DECLINE;
        *v = *v * 16 + (uint32_t)d;
    }
    return 0;
}

/* A \u escape at s (the backslash), with what follows up to end: its
 * code point and length (6, or 12 for a surrogate pair), or DECLINE for
 * what jansson refuses (bad hex, a lone surrogate) and for \u0000. */
static int unicode_escape(const unsigned char *s, const unsigned char *end, uint32_t *cp, size_t *len)
{
    if (end - s < 6 || hex4(s + 2, cp))
        return DECLINE;
    *len = 6;
    if (*cp == 0 || (*cp >= 0xDC00 && *cp <= 0xDFFF))
        return DECLINE;
    if (*cp >= 0xD800 && *cp <= 0xDBFF) {
        uint32_t low;
        if (end - s < 12 || s[6] != '\\' || s[7] != 'u' || hex4(s + 8, &low) || low < 0xDC00 || low > 0xDFFF)
            return DECLINE;
        *cp = ((*cp - 0xD800) << 10) + (low - 0xDC00) + 0x10000;
        *len = 12;
    }
    return 0;
}

static char *put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) {
        *o++ = (char)cp;
    } else if (cp < 0x800) {
        *o++ = (char)(0xC0 | (cp >> 6));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (char)(0xE0 | (cp >> 12));
        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (char)(0xF0 | (cp >> 18));
        *o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    }
    return o;
}

/* Bytes that end the plain run of a string: the quote, the backslash,
 * control characters and the first byte of any multi-byte character. */
static unsigned char special[256];

static void init_special(void)
{
    if (special['"'])
        return;
    for (int c = 0; c < 0x20; c++)
        special[c] = 1;
    for (int c = 0x80; c < 0x100; c++)
        special[c] = 1;
    special['\\'] = 1;
    special['"'] = 1; /* last: it marks the table as made */
}

/* A string at p (its opening quote).  With 'out', its decoded text is
 * kept in the arena; with 'raw', where its bytes are when it has no
 * escapes (keys).  Leaves p past the closing quote. */
static int string(coa_jfast_t *f, const char **out, const unsigned char **raw, size_t *raw_len)
{
    const unsigned char *s = ++f->p, *q = s, *end = f->end;
    int escapes = 0;
    for (;;) {
        while (q < end && !special[*q])
            q++;
        if (q >= end)
            return DECLINE;
        unsigned c = *q;
        if (c == '"')
            break;
        if (c < 0x20)
            return DECLINE; /* a control character */
        if (c == '\\') {
            escapes = 1;
            if (end - q < 2)
                return DECLINE;
            c = q[1];
            if (c == 'u') {
                uint32_t cp;
                size_t n;
                if (unicode_escape(q, end, &cp, &n))
                    return DECLINE;
                q += n;
            } else if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' ||
                       c == 't') {
                q += 2;
            } else {
                return DECLINE;
            }
            continue;
        }
        size_t n = coa_utf8_seq(q, (size_t)(end - q)); /* jansson's utf8_check_full */
        if (!n)
            return DECLINE;
        q += n;
    }
    f->p = q + 1;
    if (raw) {
        if (escapes)
            return DECLINE; /* a key with escapes: rare, and it could spell any key */
        *raw = s;
        *raw_len = (size_t)(q - s);
    }
    if (!out)
        return 0;
    char *o = f->arena + f->used;
    *out = o;
    if (!escapes) {
        memcpy(o, s, (size_t)(q - s));
        o += q - s;
    } else {
        for (const unsigned char *t = s; t < q;) {
            if (*t != '\\') {
                *o++ = (char)*t++;
                continue;
            }
            switch (t[1]) {
            case 'u': {
                uint32_t cp;
                size_t n;
                unicode_escape(t, q, &cp, &n); /* checked above */
                o = put_utf8(o, cp);
                t += n;
                continue;
            }
            case 'b': *o++ = '\b'; break;
            case 'f': *o++ = '\f'; break;
            case 'n': *o++ = '\n'; break;
            case 'r': *o++ = '\r'; break;
            case 't': *o++ = '\t'; break;
            default: *o++ = (char)t[1]; break; /* " \ / */
            }
            t += 2;
        }
    }
    *o++ = '\0';
    f->used = (size_t)(o - f->arena);
    return 0;
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* A number at p (JSON's grammar, as jansson's lexer reads it): *integer
 * set with its value when it has no fraction and no exponent. */
static int number(coa_jfast_t *f, int *integer, long long *value)
{
    const unsigned char *s = f->p, *q = s, *end = f->end;
    int neg = q < end && *q == '-';
    q += neg;
    if (q >= end)
        return DECLINE;
    if (*q == '0') {
        q++;
        if (q < end && is_digit(*q))
            return DECLINE;
    } else if (is_digit(*q)) {
        while (q < end && is_digit(*q))
            q++;
    } else {
        return DECLINE;
    }
    const unsigned char *digits_end = q;
    *integer = 1;
    if (q < end && *q == '.') {
        *integer = 0;
        q++;
        if (q >= end || !is_digit(*q))
            return DECLINE;
        while (q < end && is_digit(*q))
            q++;
    }
    if (q < end && (*q == 'e' || *q == 'E')) {
        *integer = 0;
        q++;
        if (q < end && (*q == '+' || *q == '-'))
            q++;
        const unsigned char *e = q;
        while (q < end && is_digit(*q))
            q++;
        if (q == e || q - e > 2)
            return DECLINE;
    }
    if (q - s > 32 || (*integer && digits_end - s - neg > 18))
        return DECLINE;
    *value = 0;
    if (*integer)
        for (const unsigned char *d = s + neg; d < digits_end; d++)
            *value = *value * 10 + (*d - '0');
    if (neg)
        *value = -*value;
    f->p = q;
    return 0;
}

static int literal(coa_jfast_t *f, const char *word, size_t n)
{
    if ((size_t)(f->end - f->p) < n || memcmp(f->p, word, n) != 0)
        return DECLINE;
    f->p += n;
    return 0;
}

static int skip_value(coa_jfast_t *f);

/* Steps through a container: at its opening bracket (first set) or
 * after a member; returns 1 when another member follows (p at it), 0 past
 * the closing bracket 'close'. */
static int next_member(coa_jfast_t *f, int *first, int close)
{
    if (*first) {
        if (++f->depth > MAX_DEPTH)
            return DECLINE;
        f->p++;
        skip_ws(f);
        *first = 0;
    } else {
        skip_ws(f);
        if (peek(f) != close) {
            if (peek(f) != ',')
                return DECLINE;
            f->p++;
            skip_ws(f);
            return peek(f) == close ? DECLINE : 1; /* no trailing comma */
        }
    }
    if (peek(f) != close)
        return 1;
    f->p++;
    f->depth--;
    return 0;
}

/* The next key of an object (p at its value), as next_member. */
static int next_key(coa_jfast_t *f, int *first, const unsigned char **key, size_t *len)
{
    int r = next_member(f, first, '}');
    if (r != 1)
        return r;
    if (peek(f) != '"' || string(f, NULL, key, len))
        return DECLINE;
    skip_ws(f);
    if (peek(f) != ':')
        return DECLINE;
    f->p++;
    skip_ws(f);
    return 1;
}

static int next_element(coa_jfast_t *f, int *first)
{
    return next_member(f, first, ']');
}

static int skip_value(coa_jfast_t *f)
{
    int first = 1, r, integer;
    const unsigned char *key;
    size_t len;
    long long v;
    switch (peek(f)) {
    case '"':
        return string(f, NULL, NULL, NULL);
    case '{':
        while ((r = next_key(f, &first, &key, &len)) == 1)
            if ((r = skip_value(f)))
                return r;
        return r;
    case '[':
        while ((r = next_element(f, &first)) == 1)
            if ((r = skip_value(f)))
                return r;
        return r;
    case 't':
        return literal(f, "true", 4);
    case 'f':
        return literal(f, "false", 5);
    case 'n':
        return literal(f, "null", 4);
    default:
        return number(f, &integer, &v);
    }
}

/* A value kept if it is a string (jansson's json_string_value). */
static int string_value(coa_jfast_t *f, const char **out)
{
    return peek(f) == '"' ? string(f, out, NULL, NULL) : skip_value(f);
}

/* A year: an integer, or a string's leading digits; 0 for the rest. */
static int year_value(coa_jfast_t *f, long long *year)
{
    int c = peek(f), integer;
    if (c == '"') {
        const char *s;
        int r = string(f, &s, NULL, NULL);
        if (!r)
            *year = coa_jw_year_of_string(s);
        return r;
    }
    if (c == '-' || is_digit(c)) {
        long long v;
        int r = number(f, &integer, &v);
        if (!r && integer)
            *year = v;
        return r;
    }
    return skip_value(f);
}

/* The first element of an array, read by 'first_fn' when it is one;
 * 'first_fn' NULL: kept if it is a string (Crossref's titles). */
static int first_of_array(coa_jfast_t *f, int (*first_fn)(coa_jfast_t *, void *), void *arg)
{
    int first = 1, r, at_first = 1;
    while ((r = next_element(f, &first)) == 1) {
        if (at_first)
            r = first_fn ? first_fn(f, arg) : string_value(f, arg);
        else
            r = skip_value(f);
        if (r)
            return r;
        at_first = 0;
    }
    return r;
}

/* A string, or an array whose first element is a string (first_string). */
static int first_string(coa_jfast_t *f, const char **out)
{
    if (peek(f) == '[')
        return first_of_array(f, NULL, (void *)out);
    return string_value(f, out);
}

/* The keys an object's reader takes, with their lengths. */
typedef struct {
    const char *s;
    size_t n;
} jkey_t;
#define KEY(s) {s, sizeof s - 1}

/* Which key, among 'keys', is key[0..len): its index, or -1. */
static int key_index(const jkey_t *keys, const unsigned char *key, size_t len)
{
    for (int k = 0; keys[k].s; k++)
        if (keys[k].n == len && keys[k].s[0] == key[0] && memcmp(keys[k].s, key, len) == 0)
            return k;
    return -1;
}

/* Reads an object's keys that are among 'keys' with 'fn' (index, arg),
 * skips the others, and declines on one seen twice. */
static int object(coa_jfast_t *f, const jkey_t *keys, int (*fn)(coa_jfast_t *, int, void *), void *arg)
{
    int first = 1, r;
    uint64_t seen = 0;
    const unsigned char *key;
    size_t len;
    while ((r = next_key(f, &first, &key, &len)) == 1) {
        int k = key_index(keys, key, len);
        if (k < 0) {
            r = skip_value(f);
        } else {
            if (seen & ((uint64_t)1 << k))
                return DECLINE;
            seen |= (uint64_t)1 << k;
            r = fn(f, k, arg);
        }
        if (r)
            return r;
    }
    return r;
}

/* An object read by 'fn' when the value is one, else skipped. */
static int object_value(coa_jfast_t *f, const jkey_t *keys, int (*fn)(coa_jfast_t *, int, void *), void *arg)
{
    return peek(f) == '{' ? object(f, keys, fn, arg) : skip_value(f);
}

/* ---- OpenAlex ---- */

static const jkey_t source_keys[] = {KEY("display_name"), {NULL, 0}};
static const jkey_t location_keys[] = {KEY("source"), {NULL, 0}};
static const jkey_t entity_keys[] = {KEY("display_name"), KEY("id"), KEY("orcid"), {NULL, 0}};
static const jkey_t authorship_keys[] = {KEY("raw_author_name"), KEY("author"), {NULL, 0}};

static int source_field(coa_jfast_t *f, int k, void *arg)
{
    (void)k;
    (void)arg;
    return string_value(f, &f->oa.venue);
}

static int location_field(coa_jfast_t *f, int k, void *arg)
{
    (void)k;
    return object_value(f, source_keys, source_field, arg);
}

static int entity_field(coa_jfast_t *f, int k, void *arg)
{
    coa_jauthor_t *a = arg;
    const char **to[] = {&a->entity, &a->entity_id, &a->entity_orcid};
    return string_value(f, to[k]);
}

static int authorship_field(coa_jfast_t *f, int k, void *arg)
{
    coa_jauthor_t *a = arg;
    if (k == 0)
        return string_value(f, &a->raw);
    return object_value(f, entity_keys, entity_field, a);
}

/* ---- Crossref and CSL ---- */

static const jkey_t name_keys[] = {KEY("given"), KEY("dropping-particle"), KEY("non-dropping-particle"),
                                  KEY("family"), KEY("suffix"), KEY("name"), KEY("literal"), KEY("ORCID"),
                                  {NULL, 0}};
static const jkey_t date_keys[] = {KEY("date-parts"), KEY("raw"), KEY("literal"), {NULL, 0}};

static int name_field(coa_jfast_t *f, int k, void *arg)
{
    coa_jauthor_t *a = arg;
    const char **to[] = {&a->given, &a->dropping, &a->non_dropping, &a->family, &a->suffix,
                         &a->name,  &a->literal,  &a->orcid};
    return string_value(f, to[k]);
}

static int year_at(coa_jfast_t *f, void *arg)
{
    return year_value(f, arg);
}

static int first_year(coa_jfast_t *f, void *arg)
{
    return peek(f) == '[' ? first_of_array(f, year_at, arg) : skip_value(f);
}

static int date_field(coa_jfast_t *f, int k, void *arg)
{
    long long *years = arg;
    if (k == 0) /* date-parts[0][0] */
        return peek(f) == '[' ? first_of_array(f, first_year, &years[0]) : skip_value(f);
    return year_value(f, &years[k]);
}

/* An array of author objects into w (others skipped, as jansson's
 * getters find nothing in them). */
static int authors(coa_jfast_t *f, coa_jwork_t *w, const jkey_t *keys, int (*fn)(coa_jfast_t *, int, void *))
{
    int first = 1, r;
    while ((r = next_element(f, &first)) == 1) {
        if (peek(f) == '{') {
            coa_jauthor_t *a = coa_jw_add_author(w);
            if (!a)
                return NOMEM;
            r = object(f, keys, fn, a);
        } else {
            r = skip_value(f);
        }
        if (r)
            return r;
    }
    return r;
}

/* ---- the work ---- */

enum {
    K_TITLE, K_DISPLAY_NAME, K_DOI_LOWER, K_DOI, K_ID, K_CONTAINER, K_LOCATION, K_PUBLICATION_YEAR,
    K_AUTHOR, K_AUTHORSHIPS, K_AUTHORS, K_AUTHORS_PARSED,
    K_DATE0, /* then the other dates */
    K_OTHER = K_DATE0 + COA_JW_N_DATES, /* then keys that make the work another thing */
};
static const jkey_t work_keys[] = {
    KEY("title"), KEY("display_name"), KEY("doi"), KEY("DOI"), KEY("id"), KEY("container-title"),
    KEY("primary_location"), KEY("publication_year"), KEY("author"), KEY("authorships"), KEY("authors"),
    KEY("authors_parsed"),
    /* coa_jw_dates */
    KEY("issued"), KEY("published"), KEY("published-print"), KEY("published-online"), KEY("created"),
    /* read_value's and coa_orcid_json_is's keys */
    KEY("message"), KEY("results"), KEY("orcid-identifier"), KEY("activities-summary"), KEY("group"), KEY("bulk"),
    KEY("put-code"), {NULL, 0}};

static int work_field(coa_jfast_t *f, int k, void *arg)
{
    (void)arg;
    int c = peek(f);
    if (k >= K_DATE0 && k < K_OTHER)
        return object_value(f, date_keys, date_field, &f->cr.years[3 * (k - K_DATE0)]);
    switch (k) {
    case K_TITLE:
        if (c == '"') {
            int r = string(f, &f->oa.title, NULL, NULL);
            f->cr.title = f->oa.title;
            return r;
        }
        return first_string(f, &f->cr.title);
    case K_DISPLAY_NAME:
        return string_value(f, &f->oa.display_name);
    case K_DOI_LOWER:
        return string_value(f, &f->oa.doi);
    case K_DOI:
        f->has_doi = 1;
        return string_value(f, &f->cr.doi);
    case K_ID: {
        int r = string_value(f, &f->oa.id);
        f->cr.id = f->oa.id;
        return r;
    }
    case K_CONTAINER:
        return first_string(f, &f->cr.venue);
    case K_LOCATION:
        return object_value(f, location_keys, location_field, NULL);
    case K_PUBLICATION_YEAR: {
        int integer;
        if (c == '-' || is_digit(c)) {
            long long v;
            int r = number(f, &integer, &v);
            if (!r && integer)
                f->oa.years[0] = v;
            return r;
        }
        return skip_value(f);
    }
    case K_AUTHOR:
        if (c != '[')
            return skip_value(f);
        f->author_array = 1;
        return authors(f, &f->cr, name_keys, name_field);
    case K_AUTHORSHIPS:
        if (c != '[')
            return skip_value(f);
        f->authorships_array = 1;
        return authors(f, &f->oa, authorship_keys, authorship_field);
    case K_AUTHORS:
    case K_AUTHORS_PARSED:
        f->has_other_authors = 1;
        return skip_value(f);
    default:
        return DECLINE;
    }
}

static void work_reset(coa_jwork_t *w, int dialect)
{
    coa_jauthor_t *a = w->authors;
    size_t cap = w->cap_authors;
    memset(w, 0, sizeof *w);
    w->dialect = dialect;
    w->authors = a;
    w->cap_authors = cap;
}

int coa_jfast_work(coa_jfast_t *f, const char *text, size_t len, int csl, const coa_jwork_t **work)
{
    init_special();
    if (len + 1 > f->cap) {
        char *a = realloc(f->arena, len + 1);
        if (!a)
            return -1;
        f->arena = a;
        f->cap = len + 1;
    }
    f->used = 0;
    f->p = (const unsigned char *)text;
    f->end = f->p + len;
    f->depth = 0;
    f->authorships_array = f->author_array = f->has_doi = f->has_other_authors = 0;
    f->csl = csl;
    work_reset(&f->oa, COA_JW_OPENALEX);
    work_reset(&f->cr, COA_JW_CROSSREF);
    skip_ws(f);
    if (peek(f) != '{')
        return 0;
    int r = object(f, work_keys, work_field, NULL);
    if (r == NOMEM)
        return -1;
    if (r)
        return 0;
    skip_ws(f);
    if (f->p != f->end)
        return 0;
    /* read_value's choice of dialect (dialect_of) */
    if (csl)
        *work = &f->cr;
    else if (f->authorships_array)
        *work = &f->oa;
    else if (f->has_other_authors)
        return 0;
    else if (f->author_array || f->has_doi)
        *work = &f->cr;
    else
        return 0;
    return 1;
}
