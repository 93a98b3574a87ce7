/*
 * DBLP records (coa_dblp_rec_t) and the fast path that reads them without
 * libxml2.
 *
 * libxml2 took about a quarter of the time spent reading dblp.xml: its
 * push parser copies the bytes twice (into its buffer, then through the
 * ISO-8859-1 decoder DBLP's declaration asks for), interns every tag name
 * in its dictionary, and calls back for every piece of text.  Most DBLP
 * records are plain: a start tag with simple attributes, fields holding
 * text and the entities of dblp.dtd, perhaps some <i> or <sub> markup.
 * The fast path reads such a record in one pass over its bytes and gives
 * the record libxml2 would give.  Whatever it has not been checked to read
 * exactly as libxml2 does, it declines, and libxml2 reads it:
 *   - comments, processing instructions, CDATA sections, "]]>" in text;
 *   - names outside [A-Za-z_][A-Za-z0-9_.-]*, attribute names starting
 *     with "xml", duplicate attributes, more than 16 attributes;
 *   - attribute values with '<', '&', control characters or non-ASCII bytes;
 *   - entities other than the five predefined ones and those of the DTD
 *     whose value is one character reference;
 *   - carriage returns and other control characters (tab and line feed
 *     aside), bytes that are not valid UTF-8 (in a UTF-8 document), and
 *     characters XML does not allow;
 *   - text outside the fields, a field over 16 kB, markup nested deeper
 *     than 16, an empty record element.
 * The reader's check mode (COAUTHOR_DBLP_CHECK=1) has libxml2 read every
 * record the fast path read, and compares; fuzz_dblp runs in it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h> /* strcasecmp */

#include "coauthor/read.h"
#include "dblp_fast.h"
#include "corpus/internal.h"

const char *const coa_dblp_type_names[COA_DBLP_N_TYPES] = {
    "article", "inproceedings", "proceedings", "book", "incollection", "phdthesis", "mastersthesis", "www",
    "data",    "other"};

int coa_dblp_type(const char *name, size_t n)
{
    for (int i = 0; i < COA_DBLP_OTHER; i++)
        if (strlen(coa_dblp_type_names[i]) == n && memcmp(name, coa_dblp_type_names[i], n) == 0)
            return i;
    return COA_DBLP_OTHER;
}

static int name_is(const char *name, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(name, lit, n) == 0;
}

int coa_dblp_field_kind(int type, const char *name, size_t n)
{
    int kind = name_is(name, n, "author")                                    ? COA_DBLP_F_AUTHOR
               : name_is(name, n, "title")                                   ? COA_DBLP_F_TITLE
               : name_is(name, n, "year")                                    ? COA_DBLP_F_YEAR
               : name_is(name, n, "journal") || name_is(name, n, "booktitle") ? COA_DBLP_F_VENUE
               : name_is(name, n, "ee")                                      ? COA_DBLP_F_EE
                                                                             : COA_DBLP_F_NONE;
    return type == COA_DBLP_WWW && kind != COA_DBLP_F_AUTHOR ? COA_DBLP_F_NONE : kind;
}

/* ---- records ---- */

/* Room for n more bytes and a NUL; a record's text stays under 4 GB. */
static int reserve(coa_dblp_rec_t *r, size_t n)
{
    if (n > UINT32_MAX - 2 - r->len)
        return COA_EINVAL;
    if (r->len + n + 1 <= r->cap)
        return COA_OK;
    return coa_grow_array(&r->text, &r->cap, r->len + n + 1, 1, 256);
}

void coa_dblp_rec_begin(coa_dblp_rec_t *r, int type, long line)
{
    r->type = type;
    r->line = line;
    r->has_key = 0;
    r->key_off = r->key_len = 0;
    r->n_fields = 0;
    r->len = 0;
    r->kind = COA_DBLP_F_NONE;
    r->field_off = 0;
    r->field_cut = 0;
}

int coa_dblp_rec_key(coa_dblp_rec_t *r, const char *s, size_t n)
{
    if (r->has_key)
        return COA_OK; /* a second key is an XML error, which skips the record */
    int err = reserve(r, n);
    if (err)
        return err == COA_EINVAL ? COA_OK : err;
    r->key_off = (uint32_t)r->len;
    r->key_len = (uint32_t)n;
    memcpy(r->text + r->len, s, n);
    r->text[r->len + n] = '\0';
    r->len += n + 1;
    r->has_key = 1;
    return COA_OK;
}

void coa_dblp_rec_field_begin(coa_dblp_rec_t *r, int kind)
{
    r->kind = kind;
    r->field_off = r->len;
    r->field_cut = 0;
}

int coa_dblp_rec_text(coa_dblp_rec_t *r, const char *s, size_t n)
{
    if (r->kind == COA_DBLP_F_NONE || n == 0)
        return COA_OK;
    if (r->len - r->field_off + n > COA_DBLP_MAX_FIELD) {
        r->field_cut = 1;
        return COA_OK;
    }
    int err = reserve(r, n);
    if (err == COA_EINVAL) {
        r->field_cut = 1;
        return COA_OK;
    }
    if (err)
        return err;
    memcpy(r->text + r->len, s, n);
    r->len += n;
    return COA_OK;
}

int coa_dblp_rec_field_end(coa_dblp_rec_t *r)
{
    if (r->kind == COA_DBLP_F_NONE)
        return COA_OK;
    if (r->n_fields == UINT32_MAX || coa_grow((void **)&r->fields, &r->fields_cap, r->n_fields + 1, sizeof *r->fields))
        return COA_ENOMEM;
    int err = reserve(r, 0);
    if (err)
        return err == COA_EINVAL ? COA_OK : err;
    /* line breaks and tabs become spaces, runs of spaces one, ends trimmed;
     * most fields need nothing of it, up to their last byte */
    char *t = r->text + r->field_off;
    size_t n = r->len - r->field_off, i = 0;
    int space = 1;
    while (i < n && ((unsigned char)t[i] > ' ' || (t[i] == ' ' && !space))) {
        space = t[i] == ' ';
        i++;
    }
    char *w = t + i;
    for (; i < n; i++) {
        char ch = t[i] == '\n' || t[i] == '\r' || t[i] == '\t' ? ' ' : t[i];
        if (ch == ' ' && space)
            continue;
        space = ch == ' ';
        *w++ = ch;
    }
    while (w > t && w[-1] == ' ')
        w--;
    *w = '\0';
    coa_dblp_field_t *f = &r->fields[r->n_fields++];
    f->kind = (uint8_t)r->kind;
    f->cut = (uint8_t)r->field_cut;
    f->off = (uint32_t)r->field_off;
    f->len = (uint32_t)(w - t);
    r->len = r->field_off + f->len + 1;
    r->kind = COA_DBLP_F_NONE;
    return COA_OK;
}

int coa_dblp_rec_person(const coa_dblp_rec_t *r)
{
    return r->type == COA_DBLP_WWW && r->has_key && r->key_len >= 10 &&
           memcmp(r->text + r->key_off, "homepages/", 10) == 0;
}

const char *coa_dblp_rec_diff(const coa_dblp_rec_t *a, const coa_dblp_rec_t *b, char *detail, size_t size)
{
    if (a->type != b->type) {
        snprintf(detail, size, "%s against %s", coa_dblp_type_names[a->type], coa_dblp_type_names[b->type]);
        return "the type";
    }
    if (a->line != b->line) {
        snprintf(detail, size, "%ld against %ld", a->line, b->line);
        return "the line";
    }
    if (a->has_key != b->has_key || a->key_len != b->key_len ||
        (a->has_key && memcmp(a->text + a->key_off, b->text + b->key_off, a->key_len) != 0)) {
        snprintf(detail, size, "'%s' against '%s'", a->has_key ? a->text + a->key_off : "",
                 b->has_key ? b->text + b->key_off : "");
        return "the key";
    }
    for (uint32_t i = 0; i < a->n_fields || i < b->n_fields; i++) {
        const coa_dblp_field_t *fa = i < a->n_fields ? &a->fields[i] : NULL;
        const coa_dblp_field_t *fb = i < b->n_fields ? &b->fields[i] : NULL;
        if (fa && fb && fa->kind == fb->kind && fa->cut == fb->cut && fa->len == fb->len &&
            memcmp(a->text + fa->off, b->text + fb->off, fa->len) == 0)
            continue;
        snprintf(detail, size, "field %u: '%.60s' against '%.60s'", i + 1, fa ? a->text + fa->off : "(none)",
                 fb ? b->text + fb->off : "(none)");
        return "a field";
    }
    return NULL;
}

int coa_dblp_rec_copy(coa_dblp_rec_t *dst, const coa_dblp_rec_t *src)
{
    coa_dblp_rec_begin(dst, src->type, src->line);
    int err = reserve(dst, src->len);
    if (err)
        return err;
    if (coa_grow((void **)&dst->fields, &dst->fields_cap, src->n_fields, sizeof *dst->fields))
        return COA_ENOMEM;
    if (src->len)
        memcpy(dst->text, src->text, src->len);
    if (src->n_fields)
        memcpy(dst->fields, src->fields, src->n_fields * sizeof *src->fields);
    dst->len = src->len;
    dst->n_fields = src->n_fields;
    dst->has_key = src->has_key;
    dst->key_off = src->key_off;
    dst->key_len = src->key_len;
    return COA_OK;
}

void coa_dblp_rec_free(coa_dblp_rec_t *r)
{
    free(r->fields);
    free(r->text);
    memset(r, 0, sizeof *r);
}

/* ---- the fast path ---- */

#define N_ENTITIES 512      /* slots; dblp.dtd declares 65 */
#define MAX_ENTITY_NAME 15
#define MAX_FAST_FIELD 16384 /* bytes of a field: at most 2 of UTF-8 each, so never cut */
#define MAX_DEPTH 16
#define MAX_ATTRS 16

typedef struct {
    char name[MAX_ENTITY_NAME + 1]; /* "" when the slot is free */
    uint32_t cp;                    /* the character, or 0: declared, but declined */
} entity_t;

struct coa_dblpfast {
    int latin1; /* ISO-8859-1: each byte is the character of that number */
    entity_t entities[N_ENTITIES];
    int n_entities;
};

/* The slot of an entity name: its own, or the free one it would take;
 * NULL when the table is full. */
static entity_t *entity_slot(coa_dblpfast_t *f, const char *name, size_t n)
{
    uint32_t i = coa_hash_bytes(name, n) % N_ENTITIES;
    for (int probes = 0; probes < N_ENTITIES; probes++, i = (i + 1) % N_ENTITIES) {
        entity_t *e = &f->entities[i];
        if (!e->name[0] || (strlen(e->name) == n && memcmp(e->name, name, n) == 0))
            return e;
    }
    return NULL;
}

/* Characters XML 1.0 allows. */
static int xml_char(uint32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

static int name_start(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int name_char(unsigned char c)
{
    return name_start(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

/* A character reference's value ("#233" or "#xE9", without '&' and ';'),
 * or 0 when it is not one the fast path takes. */
static uint32_t char_ref(const char *s, size_t n)
{
    if (n < 2 || s[0] != '#')
        return 0;
    int hex = s[1] == 'x';
    size_t i = hex ? 2 : 1;
    if (i >= n || n - i > 8)
        return 0;
    uint32_t v = 0;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int d = c >= '0' && c <= '9' ? c - '0'
                : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                              : -1;
        if (d < 0)
            return 0;
        v = v * (hex ? 16 : 10) + (uint32_t)d;
        if (v > 0x10FFFF)
            return 0;
    }
    return xml_char(v) ? v : 0;
}

/* Learns the general entities declared in the prologue: the first
 * declaration of a name counts, as in XML. */
static void learn_entities(coa_dblpfast_t *f, const char *s, size_t len)
{
    static const char decl[] = "<!ENTITY";
    for (size_t i = 0; i + sizeof decl - 1 < len; i++) {
        if (memcmp(s + i, decl, sizeof decl - 1) != 0)
            continue;
        size_t p = i + sizeof decl - 1;
        while (p < len && is_space((unsigned char)s[p]))
            p++;
        if (p >= len || s[p] == '%')
            continue;
        size_t n0 = p;
        while (p < len && name_char((unsigned char)s[p]))
            p++;
        size_t n = p - n0;
        if (n == 0 || n > MAX_ENTITY_NAME || (p < len && !is_space((unsigned char)s[p])))
            continue; /* a name the fast path does not take is declined where it is used */
        while (p < len && is_space((unsigned char)s[p]))
            p++;
        uint32_t cp = 0;
        if (p < len && (s[p] == '"' || s[p] == '\'')) {
            const char *q = memchr(s + p + 1, s[p], len - p - 1);
            /* exactly one character reference, and not one that would be
             * read as markup where the entity is used */
            if (q && q - (s + p + 1) >= 4 && s[p + 1] == '&' && q[-1] == ';')
                cp = char_ref(s + p + 2, (size_t)(q - (s + p + 2)) - 1);
            if (cp == '<' || cp == '&')
                cp = 0;
        }
        entity_t *e = entity_slot(f, s + n0, n);
        if (e && !e->name[0] && f->n_entities < N_ENTITIES - 16) {
            /* beyond that, a name is declined where it is used */
            memcpy(e->name, s + n0, n);
            e->name[n] = '\0';
            e->cp = cp;
            f->n_entities++;
        }
    }
}

/* Reads the XML declaration s[0..n) ("<?xml" to "?>"), which must be
 * well-formed: version="1.0", then optionally an encoding and standalone.
 * Sets the encoding ("" when none is given); 0 when it is not one to read. */
static int read_decl(const char *s, size_t n, char *encoding, size_t size)
{
    static const char *const names[] = {"version", "encoding", "standalone"};
    size_t p = 5; /* after "<?xml" */
    int next = 0;
    encoding[0] = '\0';
    for (;;) {
        size_t sp = p;
        while (p < n && is_space((unsigned char)s[p]))
            p++;
        if (p + 2 == n && s[p] == '?' && s[p + 1] == '>')
            return next > 0; /* the version is required */
        if (p == sp)
            return 0;
        int which = -1;
        for (int i = next; i < 3 && which < 0; i++)
            if (strncmp(s + p, names[i], strlen(names[i])) == 0)
                which = i;
        if (which < 0 || (next == 0 && which != 0))
            return 0;
        p += strlen(names[which]);
        while (p < n && is_space((unsigned char)s[p]))
            p++;
        if (p >= n || s[p] != '=')
            return 0;
        p++;
        while (p < n && is_space((unsigned char)s[p]))
            p++;
        if (p >= n || (s[p] != '"' && s[p] != '\''))
            return 0;
        const char *q = memchr(s + p + 1, s[p], n - p - 1);
        if (!q)
            return 0;
        size_t vn = (size_t)(q - (s + p + 1));
        const char *v = s + p + 1;
        if (which == 0 && !(vn == 3 && memcmp(v, "1.0", 3) == 0))
            return 0;
        if (which == 1) {
            if (vn == 0 || vn >= size)
                return 0;
            memcpy(encoding, v, vn);
            encoding[vn] = '\0';
        }
        if (which == 2 && !(vn == 3 && memcmp(v, "yes", 3) == 0) && !(vn == 2 && memcmp(v, "no", 2) == 0))
            return 0;
        p = (size_t)(q - s) + 1;
        next = which + 1;
    }
}

int coa_dblpfast_new(const char *prologue, size_t len, coa_dblpfast_t **fast)
{
    *fast = NULL;
    const char *s = prologue;
    size_t n = len;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3, n -= 3;
    int latin1 = 0;
    if (n >= 5 && memcmp(s, "<?xml", 5) == 0) {
        const char *end = NULL;
        for (size_t i = 5; i + 1 < n; i++)
            if (s[i] == '?' && s[i + 1] == '>') {
                end = s + i;
                break;
            }
        if (!end)
            return COA_OK;
        char encoding[32];
        if (!read_decl(s, (size_t)(end - s) + 2, encoding, sizeof encoding))
            return COA_OK;
        if (strcasecmp(encoding, "ISO-8859-1") == 0 && s == prologue)
            latin1 = 1;
        else if (encoding[0] && strcasecmp(encoding, "UTF-8") != 0)
            return COA_OK;
    } else if (n > 0 && s[0] != '<') {
        return COA_OK; /* UTF-16, or something else libxml2 will judge */
    }
    coa_dblpfast_t *f = calloc(1, sizeof *f);
    if (!f)
        return COA_ENOMEM;
    f->latin1 = latin1;
    learn_entities(f, prologue, len);
    /* the predefined entities; a DTD that declares one again is declined */
    static const char *const predefined[] = {"lt", "gt", "amp", "quot", "apos"};
    static const uint32_t values[] = {'<', '>', '&', '"', '\''};
    for (int i = 0; i < 5; i++) {
        entity_t *e = entity_slot(f, predefined[i], strlen(predefined[i])); /* room is kept for them */
        if (e->name[0]) {
            e->cp = 0;
        } else {
            strcpy(e->name, predefined[i]);
            e->cp = values[i];
        }
    }
    *fast = f;
    return COA_OK;
}

void coa_dblpfast_free(coa_dblpfast_t *f)
{
    free(f);
}

/* ---- scanning one record ---- */

enum { DECLINE = 0, READ = 1, MORE = 2 };

typedef struct {
    coa_dblpfast_t *f;
    const unsigned char *s;
    size_t n, p;
    long newlines;
    coa_dblp_rec_t *r;
    int err; /* COA_ENOMEM */
} scan_t;

static size_t utf8_put(char *out, uint32_t c)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* The length of the valid UTF-8 sequence of an XML character at s[0..n),
 * 0 if there is none, or -1 when s ends inside it. */
static int utf8_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    int len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, v = c & 0x1Fu, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, v = c & 0x0Fu, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, v = c & 0x07u, min = 0x10000;
    else
        return 0;
    if ((size_t)len > n)
        return -1;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    return v >= min && xml_char(v) ? len : 0;
}

static int skip_space(scan_t *sc)
{
    while (sc->p < sc->n && is_space(sc->s[sc->p])) {
        sc->newlines += sc->s[sc->p] == '\n';
        sc->p++;
    }
    return sc->p < sc->n;
}

/* A name at p: its length, 0 if there is none the fast path takes, or
 * -1 when the bytes end inside it. */
static long scan_name(scan_t *sc)
{
    size_t p = sc->p;
    if (p >= sc->n)
        return -1;
    if (!name_start(sc->s[p]))
        return 0;
    while (p < sc->n && name_char(sc->s[p]))
        p++;
    if (p >= sc->n)
        return -1;
    unsigned char c = sc->s[p];
    if (!is_space(c) && c != '>' && c != '/' && c != '=')
        return 0; /* a ':' or a non-ASCII name character */
    return (long)(p - sc->p);
}

/* The attributes of a start tag and its '>' ("/>" for an empty element,
 * *empty set).  Keeps the record's key when 'key' is set. */
static int scan_attributes(scan_t *sc, int key, int *empty)
{
    const unsigned char *names[MAX_ATTRS];
    size_t lens[MAX_ATTRS];
    int n_attrs = 0;
    for (;;) {
        size_t before = sc->p;
        if (!skip_space(sc))
            return MORE;
        unsigned char c = sc->s[sc->p];
        if (c == '>') {
            sc->p++;
            *empty = 0;
            return READ;
        }
        if (c == '/') {
            if (sc->p + 1 >= sc->n)
                return MORE;
            if (sc->s[sc->p + 1] != '>')
                return DECLINE;
            sc->p += 2;
            *empty = 1;
            return READ;
        }
        if (sc->p == before || n_attrs == MAX_ATTRS)
            return DECLINE; /* attributes are separated by white space */
        long nl = scan_name(sc);
        if (nl <= 0)
            return nl < 0 ? MORE : DECLINE;
        const unsigned char *name = sc->s + sc->p;
        if (nl >= 3 && (name[0] | 0x20) == 'x' && (name[1] | 0x20) == 'm' && (name[2] | 0x20) == 'l')
            return DECLINE;
        for (int i = 0; i < n_attrs; i++)
            if (lens[i] == (size_t)nl && memcmp(names[i], name, (size_t)nl) == 0)
                return DECLINE;
        names[n_attrs] = name;
        lens[n_attrs++] = (size_t)nl;
        sc->p += (size_t)nl;
        if (!skip_space(sc))
            return MORE;
        if (sc->s[sc->p] != '=')
            return DECLINE;
        sc->p++;
        if (!skip_space(sc))
            return MORE;
        unsigned char q = sc->s[sc->p];
        if (q != '"' && q != '\'')
            return DECLINE;
        size_t v0 = ++sc->p;
        for (;; sc->p++) {
            if (sc->p >= sc->n)
                return MORE;
            unsigned char v = sc->s[sc->p];
            if (v == q)
                break;
            if (v == '<' || v == '&' || v < 0x20 || v >= 0x80)
                return DECLINE;
        }
        if (key && nl == 3 && memcmp(name, "key", 3) == 0 &&
            (sc->err = coa_dblp_rec_key(sc->r, (const char *)sc->s + v0, sc->p - v0)))
            return DECLINE;
        sc->p++;
    }
}

/* Byte classes in text: plain bytes are copied as they are. */
enum { C_PLAIN, C_NEWLINE, C_AMP, C_LT, C_BRACKET, C_HIGH, C_BAD };
#define P C_PLAIN
#define N C_NEWLINE
#define A C_AMP
#define L C_LT
#define R C_BRACKET
#define H C_HIGH
#define X C_BAD
static const unsigned char byte_class[256] = {
    X, X, X, X, X, X, X, X, X, P, N, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
    P, P, P, P, P, P, A, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, L, P, P, P,
    P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, R, P, P,
    P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
};
#undef P
#undef N
#undef A
#undef L
#undef R
#undef H
#undef X

/* Text up to the next '<', into the open field. */
static int scan_text(scan_t *sc)
{
    const unsigned char *s = sc->s;
    coa_dblp_rec_t *r = sc->r;
    for (;;) {
        size_t run = sc->p;
        while (sc->p < sc->n && byte_class[s[sc->p]] == C_PLAIN)
            sc->p++;
        if (sc->p > run && (sc->err = coa_dblp_rec_text(r, (const char *)s + run, sc->p - run)))
            return DECLINE;
        if (sc->p >= sc->n)
            return MORE;
        unsigned char c = s[sc->p];
        char buf[4];
        size_t out = 0;
        switch (byte_class[c]) {
        case C_LT: return READ;
        case C_NEWLINE:
            sc->newlines++;
            buf[out++] = '\n';
            sc->p++;
            break;
        case C_BRACKET:
            if (sc->p + 2 >= sc->n)
                return MORE;
            if (s[sc->p + 1] == ']' && s[sc->p + 2] == '>')
                return DECLINE;
            buf[out++] = ']';
            sc->p++;
            break;
        case C_HIGH:
            if (sc->f->latin1) {
                out = utf8_put(buf, c);
                sc->p++;
            } else {
                int len = utf8_len(s + sc->p, sc->n - sc->p);
                if (len <= 0)
                    return len < 0 ? MORE : DECLINE;
                memcpy(buf, s + sc->p, (size_t)len);
                out = (size_t)len;
                sc->p += (size_t)len;
            }
            break;
        case C_AMP: {
            size_t e = sc->p + 1;
            while (e < sc->n && e - sc->p <= MAX_ENTITY_NAME + 2 && s[e] != ';')
                e++;
            if (e >= sc->n)
                return MORE;
            if (s[e] != ';')
                return DECLINE;
            const char *name = (const char *)s + sc->p + 1;
            size_t nn = e - sc->p - 1;
            uint32_t cp = 0;
            if (nn > 0 && name[0] == '#') {
                cp = char_ref(name, nn);
            } else if (nn > 0 && nn <= MAX_ENTITY_NAME) {
                for (size_t i = 0; i < nn; i++)
                    if (!name_char((unsigned char)name[i]))
                        return DECLINE;
                entity_t *ent = entity_slot(sc->f, name, nn);
                cp = ent && ent->name[0] ? ent->cp : 0;
            }
            if (!cp)
                return DECLINE;
            out = utf8_put(buf, cp);
            sc->p = e + 1;
            break;
        }
        default: return DECLINE; /* a control character or a carriage return */
        }
        if ((sc->err = coa_dblp_rec_text(r, buf, out)))
            return DECLINE;
    }
}

/* An end tag at p ("</"), which must close the element 'name'. */
static int scan_end_tag(scan_t *sc, const unsigned char *name, size_t len)
{
    sc->p += 2;
    long nl = scan_name(sc);
    if (nl <= 0)
        return nl < 0 ? MORE : DECLINE;
    if ((size_t)nl != len || memcmp(sc->s + sc->p, name, len) != 0)
        return DECLINE;
    sc->p += len;
    if (!skip_space(sc))
        return MORE;
    if (sc->s[sc->p] != '>')
        return DECLINE;
    sc->p++;
    return READ;
}

/* A start tag at p ('<' and a name): its name, attributes and '>' or "/>".
 * Keeps the record's key when 'key' is set.  Comments, CDATA and PIs have
 * no name the fast path takes, and are declined here. */
static int scan_start_tag(scan_t *sc, int key, const unsigned char **name, size_t *len, int *empty)
{
    sc->p++;
    long nl = scan_name(sc);
    if (nl <= 0)
        return nl < 0 ? MORE : DECLINE;
    *name = sc->s + sc->p;
    *len = (size_t)nl;
    sc->p += (size_t)nl;
    return scan_attributes(sc, key, empty);
}

/* A field, from just after its start tag's '>' to after its end tag. */
static int scan_field(scan_t *sc, const unsigned char *name, size_t name_len)
{
    const unsigned char *open[MAX_DEPTH];
    size_t open_len[MAX_DEPTH];
    int depth = 0;
    open[0] = name;
    open_len[0] = name_len;
    size_t start = sc->p;
    for (;;) {
        int r = scan_text(sc);
        if (r != READ)
            return r;
        if (sc->p - start > MAX_FAST_FIELD)
            return DECLINE;
        /* s[p] == '<' */
        if (sc->p + 1 >= sc->n)
            return MORE;
        if (sc->s[sc->p + 1] == '/') {
            if ((r = scan_end_tag(sc, open[depth], open_len[depth])) != READ)
                return r;
            if (depth-- == 0)
                return READ;
            continue;
        }
        if (depth + 1 == MAX_DEPTH)
            return DECLINE;
        const unsigned char *inner;
        size_t inner_len;
        int empty;
        if ((r = scan_start_tag(sc, 0, &inner, &inner_len, &empty)) != READ)
            return r;
        if (!empty) {
            depth++;
            open[depth] = inner;
            open_len[depth] = inner_len;
        }
    }
}

static int scan_record(scan_t *sc, long line)
{
    /* s[0] == '<' */
    const unsigned char *name;
    size_t len;
    int empty, r;
    sc->p = 0;
    coa_dblp_rec_begin(sc->r, COA_DBLP_OTHER, 0);
    if ((r = scan_start_tag(sc, 1, &name, &len, &empty)) != READ)
        return r;
    if (empty)
        return DECLINE;
    int type = coa_dblp_type((const char *)name, len);
    sc->r->type = type;
    sc->r->line = line + sc->newlines;
    for (;;) {
        if (!skip_space(sc))
            return MORE;
        if (sc->s[sc->p] != '<')
            return DECLINE; /* text outside the fields */
        if (sc->p + 1 >= sc->n)
            return MORE;
        if (sc->s[sc->p + 1] == '/')
            return scan_end_tag(sc, name, len);
        const unsigned char *field;
        size_t field_len;
        if ((r = scan_start_tag(sc, 0, &field, &field_len, &empty)) != READ)
            return r;
        coa_dblp_rec_field_begin(sc->r, coa_dblp_field_kind(type, (const char *)field, field_len));
        if (!empty && (r = scan_field(sc, field, field_len)) != READ)
            return r;
        if ((sc->err = coa_dblp_rec_field_end(sc->r)))
            return DECLINE;
    }
}

int coa_dblpfast_may_start(const unsigned char *s, size_t n)
{
    return n > 0 && s[0] == '<' && (n < 2 || name_start(s[1]));
}

int coa_dblpfast_record(coa_dblpfast_t *f, const unsigned char *s, size_t n, long line, coa_dblp_rec_t *r,
                        size_t *used, long *newlines)
{
    scan_t sc = {f, s, n, 0, 0, r, COA_OK};
    int res = scan_record(&sc, line);
    if (sc.err)
        return -sc.err;
    if (res == READ) {
        *used = sc.p;
        *newlines = sc.newlines;
    }
    return res;
}
