/*
 * DBLP XML (dblp.org/xml): one element per record under a <dblp> root,
 * with <author> children and character entities from dblp.dtd.
 *
 * The full dblp.xml.gz is about 4.5 GB uncompressed, so it is streamed:
 * libxml2's SAX parser is pushed 64 kB at a time from our (decompressing)
 * input, and each record goes into the corpus as its end tag is parsed.
 *
 * The document's own prologue is replaced before libxml2 sees it:
 *   - its DOCTYPE gives way to an internal subset holding the entities of
 *     dblp.dtd (a built-in copy, plus any new ones in a dblp.dtd beside
 *     the file), so no DTD has to be found or fetched, and a hostile file
 *     cannot declare entities of its own;
 *   - a fragment without the <dblp> root (records cut out of the dump) is
 *     wrapped in a virtual one.
 * The replacement has as many line breaks as what it replaces, so the
 * parser's line numbers are the file's.
 *
 * Records: every element under the root.  A <www> record with a key
 * "homepages/..." is a person record: its first <author> is the person and
 * the others are other names of that person, which become merges.  Other
 * <www> records (web pages) are counted but are not papers.  DBLP writes
 * homonyms with a number ("Michael Schwarz 0001"); the number is kept as
 * the author's identifier ("dblp:Michael Schwarz 0001") and the name
 * without it is the spelling.  Every DBLP name is an identifier, since
 * DBLP gives each person exactly one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>

#include "dblp_entities.h"
#include "internal.h"
#include "readers.h"

/* ---- the byte stream libxml2 reads ---- */

typedef struct {
    coa_input_t *in;
    char *prefix;         /* the replacement prologue */
    size_t prefix_len, prefix_pos;
    const char *suffix;   /* "</dblp>" for a wrapped fragment */
    size_t suffix_pos;
    int input_done;
} feed_t;

static int feed_read(void *ctx, char *buf, int len)
{
    feed_t *f = ctx;
    if (len <= 0)
        return 0;
    if (f->prefix_pos < f->prefix_len) {
        size_t n = f->prefix_len - f->prefix_pos;
        if (n > (size_t)len)
            n = (size_t)len;
        memcpy(buf, f->prefix + f->prefix_pos, n);
        f->prefix_pos += n;
        return (int)n;
    }
    if (!f->input_done) {
        long n = coa_input_read_raw(f->in, buf, (size_t)len);
        if (n < 0)
            return -1;
        if (n > 0)
            return (int)n;
        f->input_done = 1;
    }
    if (f->suffix && f->suffix[f->suffix_pos]) {
        size_t n = strlen(f->suffix + f->suffix_pos);
        if (n > (size_t)len)
            n = (size_t)len;
        memcpy(buf, f->suffix + f->suffix_pos, n);
        f->suffix_pos += n;
        return (int)n;
    }
    return 0;
}

static int starts(const unsigned char *s, size_t len, size_t i, const char *lit)
{
    size_t n = strlen(lit);
    return i + n <= len && memcmp(s + i, lit, n) == 0;
}

static size_t skip_space(const unsigned char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    return i;
}

/* Finds 'lit' from i; returns the index after it, or len. */
static size_t skip_past(const unsigned char *s, size_t len, size_t i, const char *lit)
{
    size_t n = strlen(lit);
    for (; i + n <= len; i++)
        if (memcmp(s + i, lit, n) == 0)
            return i + n;
    return len;
}

/* The end of a DOCTYPE declaration starting at i: its '>' outside quotes
 * and outside the internal subset. */
static size_t skip_doctype(const unsigned char *s, size_t len, size_t i)
{
    int bracket = 0;
    unsigned char quote = 0;
    for (; i < len; i++) {
        unsigned char ch = s[i];
        if (quote) {
            if (ch == quote)
                quote = 0;
        } else if (ch == '"' || ch == '\'') {
            quote = ch;
        } else if (ch == '[') {
            bracket = 1;
        } else if (ch == ']') {
            bracket = 0;
        } else if (ch == '>' && !bracket) {
            return i + 1;
        }
    }
    return len;
}

typedef struct {
    size_t decl_end;  /* bytes kept verbatim: a byte-order mark and <?xml ...?> */
    size_t body;      /* where the first element starts */
    int has_root;     /* the first element is <dblp> */
    int has_element;
} prologue_t;

static void scan_prologue(const unsigned char *s, size_t len, prologue_t *p)
{
    size_t i = 0;
    memset(p, 0, sizeof *p);
    if (starts(s, len, 0, "\xEF\xBB\xBF"))
        i = 3;
    if (starts(s, len, i, "<?xml"))
        i = skip_past(s, len, i, "?>");
    p->decl_end = i;
    for (;;) {
        i = skip_space(s, len, i);
        if (starts(s, len, i, "<!--"))
            i = skip_past(s, len, i + 4, "-->");
        else if (starts(s, len, i, "<!DOCTYPE"))
            i = skip_doctype(s, len, i + 9);
        else if (starts(s, len, i, "<?"))
            i = skip_past(s, len, i + 2, "?>");
        else
            break;
    }
    p->body = i;
    p->has_element = i < len && s[i] == '<';
    p->has_root = starts(s, len, i, "<dblp") && i + 5 < len &&
                  (s[i + 5] == '>' || s[i + 5] == ' ' || s[i + 5] == '\t' || s[i + 5] == '\r' || s[i + 5] == '\n');
}

int coa_detect_dblp(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    prologue_t p;
    scan_prologue(head, len, &p);
    if (!p.has_element)
        return 0;
    if (p.has_root)
        return 95;
    static const char *const types[] = {"article",       "inproceedings", "proceedings", "book", "incollection",
                                        "phdthesis",     "mastersthesis", "www",         "data", NULL};
    const unsigned char *s = head + p.body + 1;
    size_t rest = len - p.body - 1;
    for (const char *const *t = types; *t; t++) {
        size_t n = strlen(*t);
        if (rest > n && memcmp(s, *t, n) == 0 && s[n] == ' ') {
            /* a record element with DBLP's attributes */
            const unsigned char *gt = memchr(s, '>', rest);
            size_t tag = gt ? (size_t)(gt - s) : rest;
            int key = 0, mdate = 0;
            for (size_t i = 0; i + 6 <= tag; i++) {
                if (memcmp(s + i, " key=", 5) == 0)
                    key = 1;
                if (memcmp(s + i, "mdate=", 6) == 0)
                    mdate = 1;
            }
            return key && mdate ? 90 : key ? 60 : 0;
        }
    }
    return 0;
}

/* Appends the general-entity declarations of a dblp.dtd beside the input,
 * so that entities added to DBLP after our copy still resolve.  Earlier
 * declarations win in XML, so the built-in ones stay as they are. */
static int append_dtd_entities(const char *path, char **buf, size_t *len, size_t *cap)
{
    if (!path || strcmp(path, "-") == 0 || strcmp(path, "<stdin>") == 0)
        return COA_OK;
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    char *dtd_path = malloc(dir + sizeof "dblp.dtd");
    if (!dtd_path)
        return COA_ENOMEM;
    memcpy(dtd_path, path, dir);
    strcpy(dtd_path + dir, "dblp.dtd");
    FILE *f = fopen(dtd_path, "rb");
    free(dtd_path);
    if (!f)
        return COA_OK;
    char line[1024];
    int err = COA_OK;
    while (fgets(line, sizeof line, f)) {
        char *d = strstr(line, "<!ENTITY ");
        if (!d)
            continue;
        char *p = d + 9;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '%')
            continue; /* parameter entities belong to the DTD's grammar */
        char *q1 = strchr(p, '"'), *q2 = q1 ? strchr(q1 + 1, '"') : NULL;
        char *gt = q2 ? strchr(q2 + 1, '>') : NULL;
        if (!gt || memchr(q1, '&', (size_t)(q2 - q1)) == NULL)
            continue; /* only character references such as "&#214;" */
        /* the declaration must not carry a line break into the prologue */
        size_t n = (size_t)(gt + 1 - d);
        if (*len + n + 1 > *cap) {
            size_t ncap = (*cap + n + 1) * 2;
            char *nb = realloc(*buf, ncap);
            if (!nb) {
                err = COA_ENOMEM;
                break;
            }
            *buf = nb;
            *cap = ncap;
        }
        memcpy(*buf + *len, d, n);
        *len += n;
    }
    fclose(f);
    return err;
}

/* Builds the replacement prologue and consumes the original one. */
static int start_feed(coa_reader_ctx_t *ctx, feed_t *f)
{
    const unsigned char *head;
    size_t len;
    prologue_t p;
    memset(f, 0, sizeof *f);
    f->in = ctx->in;
    int err = coa_input_peek(ctx->in, 1u << 16, &head, &len);
    if (err)
        return err;
    scan_prologue(head, len, &p);
    size_t newlines = 0;
    for (size_t i = p.decl_end; i < p.body; i++)
        newlines += head[i] == '\n';
    static const char open[] = "<!DOCTYPE dblp [", close[] = "]>";
    size_t cap = p.decl_end + sizeof open + sizeof dblp_entities + sizeof close + newlines + 16;
    char *buf = malloc(cap);
    if (!buf)
        return COA_ENOMEM;
    size_t n = 0;
    memcpy(buf, head, p.decl_end);
    n = p.decl_end;
    memcpy(buf + n, open, sizeof open - 1);
    n += sizeof open - 1;
    memcpy(buf + n, dblp_entities, sizeof dblp_entities - 1);
    n += sizeof dblp_entities - 1;
    if ((err = append_dtd_entities(ctx->in->name, &buf, &n, &cap))) {
        free(buf);
        return err;
    }
    if (n + sizeof close + newlines + 8 > cap) {
        char *nb = realloc(buf, n + sizeof close + newlines + 8);
        if (!nb) {
            free(buf);
            return COA_ENOMEM;
        }
        buf = nb;
    }
    memcpy(buf + n, close, sizeof close - 1);
    n += sizeof close - 1;
    memset(buf + n, '\n', newlines);
    n += newlines;
    if (!p.has_root) {
        memcpy(buf + n, "<dblp>", 6);
        n += 6;
        f->suffix = "</dblp>\n";
    }
    f->prefix = buf;
    f->prefix_len = n;
    /* consume the original prologue */
    char sink[512];
    for (size_t left = p.body; left > 0;) {
        long got = coa_input_read_raw(ctx->in, sink, left < sizeof sink ? left : sizeof sink);
        if (got <= 0)
            break;
        left -= (size_t)got;
    }
    return COA_OK;
}

/* ---- records, from SAX events ---- */

enum { T_ARTICLE, T_INPROCEEDINGS, T_PROCEEDINGS, T_BOOK, T_INCOLLECTION, T_PHDTHESIS, T_MASTERSTHESIS,
       T_WWW, T_DATA, T_OTHER, N_TYPES };
static const char *const type_names[N_TYPES] = {"article",   "inproceedings", "proceedings", "book",
                                                "incollection", "phdthesis", "mastersthesis", "www",
                                                "data",      "other"};

enum { F_NONE, F_AUTHOR, F_TITLE, F_YEAR, F_VENUE, F_EE };

/* The longest field kept; DBLP's longest titles are under 1 kB. */
#define MAX_FIELD 65536

typedef struct {
    coa_reader_ctx_t *ctx;
    const feed_t *feed;
    int err;              /* a fatal error (memory, strict mode): parsing stops */
    int depth;            /* 0 in the root, 1 in a record, 2 in one of its fields */
    /* the record being read */
    int type;
    int person;           /* a www record with a homepages/ key */
    long line;
    uint32_t person_author;
    char error[200];      /* the first XML error inside the record */
    long error_line;
    long cut_line;        /* where the input ended inside a record, or 0 */
    int cut_reported;
    /* the field being read */
    int field;
    char *text;
    size_t text_len, text_cap;
    int text_cut;
    char *id;             /* an author's identifier, built here */
    size_t id_cap;
    coa_name_cache_t names; /* what the names read so far resolved to */
    /* the record's authors read but not yet added (see flush_authors) */
    char *pending;
    size_t pending_len, pending_cap;
    uint32_t n_pending;
    unsigned long by_type[N_TYPES];
    unsigned long aliases;
} dblp_state_t;

static dblp_state_t *state_of(void *ctx)
{
    return ((xmlParserCtxtPtr)ctx)->_private;
}

static void stop(void *ctx, dblp_state_t *st, int err)
{
    st->err = err;
    xmlStopParser((xmlParserCtxtPtr)ctx);
}

static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    dblp_state_t *st = state_of(ctx);
    if (!e || e->level < XML_ERR_ERROR || st->err)
        return;
    if (st->feed->input_done) {
        /* past the end of the input the errors are about the cut, not
         * about the closing tag we added: said once, by on_end or at the end */
        if (!st->cut_line)
            st->cut_line = e->line;
        return;
    }
    char msg[200];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "malformed XML");
    for (char *p = msg; *p; p++)
        if (*p == '\n')
            *p = ' '; /* libxml2 puts the bad bytes on a line of their own */
    size_t n = strlen(msg);
    while (n && msg[n - 1] == ' ')
        msg[--n] = '\0';
    coa_reader_ctx_t *rc = st->ctx;
    int strict = rc->opts && rc->opts->strict;
    if (st->depth >= 1) {
        /* libxml2 recovers, but the record may have lost a name: it is
         * skipped when it ends */
        if (!st->error[0]) {
            snprintf(st->error, sizeof st->error, "%s", msg);
            st->error_line = e->line;
        }
        if (strict)
            stop(ctx, st, coa_reader_skip(rc, e->line, "XML error: %s", msg));
        return;
    }
    coa_diag(rc->diag, strict ? COA_DIAG_ERROR : COA_DIAG_WARNING, rc->in->name, e->line, "XML error: %s", msg);
    if (strict)
        stop(ctx, st, COA_EPARSE);
}

static size_t name_without_number(const char *s)
{
    size_t n = strlen(s);
    if (n > 5 && s[n - 5] == ' ') {
        for (size_t i = n - 4; i < n; i++)
            if (s[i] < '0' || s[i] > '9')
                return n;
        return n - 5;
    }
    return n;
}

/* "dblp:" + the full name, in a buffer kept between authors. */
static int author_id(dblp_state_t *st, const char *full, char **id)
{
    size_t n = strlen(full);
    if (n + 6 > st->id_cap) {
        size_t cap = st->id_cap ? st->id_cap : 64;
        while (cap < n + 6)
            cap *= 2;
        char *buf = realloc(st->id, cap);
        if (!buf)
            return COA_ENOMEM;
        st->id = buf;
        st->id_cap = cap;
    }
    memcpy(st->id, "dblp:", 5);
    memcpy(st->id + 5, full, n + 1);
    *id = st->id;
    return COA_OK;
}


/* DBLP links a paper's DOI as <ee>https://doi.org/10....</ee>. */
static const char *doi_of(const char *ee)
{
    static const char *const prefixes[] = {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                                           "http://dx.doi.org/", NULL};
    for (const char *const *p = prefixes; *p; p++) {
        size_t n = strlen(*p);
        if (strncmp(ee, *p, n) == 0 && strncmp(ee + n, "10.", 3) == 0)
            return ee + n;
    }
    return NULL;
}

/* Sets a field once; 'unique' fields (title, DOI) are kept out of the
 * string pool's table (coa_strpool_add). */
static int set_field(coa_corpus_t *c, coa_str_t *field, const char *s, int unique)
{
    if (*field || !s || !*s)
        return COA_OK;
    coa_str_t id = unique ? coa_strpool_add(&c->strings, s, strlen(s)) : coa_corpus_intern(c, s, strlen(s));
    if (id == COA_NONE)
        return COA_ENOMEM;
    *field = id;
    return COA_OK;
}


static int attr_is(const xmlChar **attrs, int n, const char *name, const char *prefix)
{
    /* SAX2 attributes: localname, prefix, URI, value start, value end */
    for (int i = 0; i < n; i++) {
        const xmlChar **a = attrs + 5 * i;
        if (strcmp((const char *)a[0], name) == 0) {
            size_t len = (size_t)(a[4] - a[3]), pl = strlen(prefix);
            return len >= pl && memcmp(a[3], prefix, pl) == 0;
        }
    }
    return 0;
}

static int set_key(coa_corpus_t *c, const xmlChar **attrs, int n)
{
    for (int i = 0; i < n; i++) {
        const xmlChar **a = attrs + 5 * i;
        if (strcmp((const char *)a[0], "key") == 0) {
            coa_str_t id = coa_strpool_add(&c->strings, (const char *)a[3], (size_t)(a[4] - a[3]));
            if (id == COA_NONE)
                return COA_ENOMEM;
            coa_corpus_open_paper(c)->key = id;
        }
    }
    return COA_OK;
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                     const xmlChar **attributes)
{
    (void)prefix, (void)uri, (void)nb_namespaces, (void)namespaces, (void)nb_defaulted;
    dblp_state_t *st = state_of(ctx);
    const char *tag = (const char *)localname;
    int depth = ++st->depth;
    if (st->err || depth > 2)
        return; /* markup inside a field (<i>, <sub>) only adds its text */
    if (depth == 1) {
        st->type = T_OTHER;
        for (int i = 0; i < T_OTHER; i++)
            if (strcmp(tag, type_names[i]) == 0)
                st->type = i;
        st->line = xmlSAX2GetLineNumber(ctx);
        st->error[0] = '\0';
        st->person = st->type == T_WWW && attr_is(attributes, nb_attributes, "key", "homepages/");
        st->person_author = COA_NONE;
        if (st->type == T_WWW)
            return;
        coa_corpus_t *c = st->ctx->corpus;
        int err = coa_corpus_paper_begin(c, st->ctx->source, (uint32_t)st->line, NULL);
        if (!err)
            err = set_key(c, attributes, nb_attributes);
        if (err)
            stop(ctx, st, err);
        return;
    }
    st->field = !strcmp(tag, "author")                                  ? F_AUTHOR
                : !strcmp(tag, "title")                                 ? F_TITLE
                : !strcmp(tag, "year")                                  ? F_YEAR
                : !strcmp(tag, "journal") || !strcmp(tag, "booktitle") ? F_VENUE
                : !strcmp(tag, "ee")                                    ? F_EE
                                                                        : F_NONE;
    if (st->type == T_WWW && st->field != F_AUTHOR)
        st->field = F_NONE;
    st->text_len = 0;
    st->text_cut = 0;
}

static void on_text(void *ctx, const xmlChar *ch, int len)
{
    dblp_state_t *st = state_of(ctx);
    if (st->err || st->depth < 2 || st->field == F_NONE || len <= 0)
        return;
    size_t n = (size_t)len;
    if (st->text_len + n > MAX_FIELD) {
        st->text_cut = 1;
        return;
    }
    if (st->text_len + n + 1 > st->text_cap) {
        size_t cap = (st->text_len + n + 1) * 2;
        char *t = realloc(st->text, cap);
        if (!t) {
            stop(ctx, st, COA_ENOMEM);
            return;
        }
        st->text = t;
        st->text_cap = cap;
    }
    memcpy(st->text + st->text_len, ch, n);
    st->text_len += n;
}

/* The field's text with line breaks and runs of spaces collapsed. */
static char *field_text(dblp_state_t *st)
{
    if (!st->text) {
        st->text = malloc(1);
        if (!st->text)
            return NULL;
        st->text_cap = 1;
    }
    char *w = st->text;
    int space = 1;
    for (size_t i = 0; i < st->text_len; i++) {
        char ch = st->text[i] == '\n' || st->text[i] == '\r' || st->text[i] == '\t' ? ' ' : st->text[i];
        if (ch == ' ' && space)
            continue;
        space = ch == ' ';
        *w++ = ch;
    }
    while (w > st->text && w[-1] == ' ')
        w--;
    *w = '\0';
    return st->text;
}

/* ---- the names read so far ----
 * Each author occurrence would cost two string-pool lookups (the spelling,
 * then the "dblp:" identifier) and the reads that follow them, each a
 * cache miss in tables of millions of strings.  A name cache
 * (coa_name_cache_t) maps a name as DBLP writes it to what it resolved
 * to, so that an author seen before costs one probe. */

/* Adds an author of the open paper by the name DBLP gives. */
static int add_author(dblp_state_t *st, coa_corpus_t *c, const char *text)
{
    size_t len = strlen(text);
    uint32_t a = COA_NONE;
    coa_str_t sp = COA_NOSTR;
    if (coa_name_cache_get(&st->names, text, len, &a, &sp))
        return coa_corpus_paper_add_resolved(c, a, sp, 0, NULL);
    char *id = NULL;
    int err = author_id(st, text, &id);
    if (!err)
        err = coa_corpus_resolve(c, text, name_without_number(text), id, &a, &sp);
    if (err || a == COA_NONE)
        return err;
    coa_name_cache_put(&st->names, text, len, a, sp);
    return coa_corpus_paper_add_resolved(c, a, sp, 0, NULL);
}

/* Adds a name read from an <author> of a paper; an author name that is
 * not valid UTF-8 becomes the record's error. */
static int add_read_author(dblp_state_t *st, coa_corpus_t *c, const char *text)
{
    int err = add_author(st, c, text);
    if (err == COA_EINVAL && !st->error[0]) {
        snprintf(st->error, sizeof st->error, "author name is not valid UTF-8");
        st->error_line = st->line;
    }
    return err == COA_EINVAL ? COA_OK : err;
}

/* A record's <author> elements come one after another.  Their names are
 * kept until the next other field or the record's end, then added in
 * order, with the name table's slots of all of them fetched first: one
 * wait for memory per record instead of one per author (the table is tens
 * of megabytes).  The result is the same as adding each at once. */
static int flush_authors(dblp_state_t *st)
{
    if (!st->n_pending)
        return COA_OK;
    coa_corpus_t *c = st->ctx->corpus;
    const char *s = st->pending;
    for (uint32_t i = 0; i < st->n_pending; i++) {
        size_t n = strlen(s);
        coa_name_cache_prefetch(&st->names, s, n);
        s += n + 1;
    }
    int err = COA_OK;
    s = st->pending;
    for (uint32_t i = 0; i < st->n_pending && !err; i++) {
        size_t n = strlen(s);
        err = add_read_author(st, c, s);
        s += n + 1;
    }
    st->n_pending = 0;
    st->pending_len = 0;
    return err;
}

static int keep_author(dblp_state_t *st, const char *text)
{
    size_t n = strlen(text) + 1;
    if (st->pending_len + n > st->pending_cap) {
        size_t cap = st->pending_cap ? st->pending_cap : 1024;
        while (cap < st->pending_len + n)
            cap *= 2;
        char *p = realloc(st->pending, cap);
        if (!p)
            return COA_ENOMEM;
        st->pending = p;
        st->pending_cap = cap;
    }
    memcpy(st->pending + st->pending_len, text, n);
    st->pending_len += n;
    st->n_pending++;
    return COA_OK;
}

static int end_field(dblp_state_t *st)
{
    coa_corpus_t *c = st->ctx->corpus;
    char *text = field_text(st);
    if (!text)
        return COA_ENOMEM;
    int err = COA_OK;
    if (st->field == F_AUTHOR && !st->text_cut && st->type != T_WWW)
        return keep_author(st, text);
    if ((err = flush_authors(st)))
        return err;
    if (st->field == F_AUTHOR) {
        if (st->text_cut) {
            if (!st->error[0]) {
                snprintf(st->error, sizeof st->error, "author name longer than %d bytes", MAX_FIELD);
                st->error_line = st->line;
            }
            return COA_OK;
        }
        if (st->person && !st->error[0]) {
            /* a person record: the first name is the person */
            uint32_t a = COA_NONE;
            char *id = NULL;
            if ((err = author_id(st, text, &id)))
                return err;
            err = coa_corpus_author(c, text, name_without_number(text), id, &a);
            if (err == COA_EINVAL)
                err = COA_OK; /* libxml2 has reported the bad bytes */
            if (!err && a != COA_NONE) {
                if (st->person_author == COA_NONE) {
                    st->person_author = a;
                } else if (coa_corpus_author_root(c, a) != coa_corpus_author_root(c, st->person_author)) {
                    err = coa_corpus_merge(c, a, st->person_author, "dblp person record");
                    st->aliases++;
                }
            }
        }
        return err;
    }
    coa_paper_t *p = coa_corpus_open_paper(c);
    if (!p)
        return COA_OK;
    switch (st->field) {
    case F_TITLE: return set_field(c, &p->title, text, 1);
    case F_VENUE: return set_field(c, &p->venue, text, 0);
    case F_EE: return set_field(c, &p->doi, doi_of(text), 1);
    case F_YEAR: {
        char *end;
        long y = strtol(text, &end, 10);
        if (*end == '\0' && y > 0 && y < 10000 && !p->year)
            p->year = (int16_t)y;
        return COA_OK;
    }
    }
    return COA_OK;
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
    (void)localname, (void)prefix, (void)uri;
    dblp_state_t *st = state_of(ctx);
    int depth = st->depth--;
    if (st->err)
        return;
    if (depth == 2 && st->field != F_NONE) {
        int err = end_field(st);
        st->field = F_NONE;
        if (err)
            stop(ctx, st, err);
        return;
    }
    if (depth != 1)
        return;
    coa_reader_ctx_t *rc = st->ctx;
    int flushed = flush_authors(st);
    if (flushed) {
        stop(ctx, st, flushed);
        return;
    }
    if (st->cut_line) {
        coa_corpus_paper_abort(rc->corpus);
        st->cut_reported = 1;
        int err = coa_reader_skip(rc, st->cut_line, "the file ends inside the %s record at line %ld",
                                  type_names[st->type], st->line);
        if (err)
            stop(ctx, st, err);
        return;
    }
    if (st->error[0]) {
        coa_corpus_paper_abort(rc->corpus);
        int err = coa_reader_skip(rc, st->error_line, "XML error in the %s record at line %ld: %s",
                                  type_names[st->type], st->line, st->error);
        st->error[0] = '\0';
        if (err)
            stop(ctx, st, err);
        return;
    }
    st->by_type[st->type]++;
    rc->corpus->sources[rc->source].records++;
    coa_corpus_paper_end(rc->corpus);
}

/* Records the count of each record type as source metadata, which
 * 'coauthor stats' lists. */
static int report_types(dblp_state_t *st)
{
    char label[48], value[32];
    for (int t = 0; t < N_TYPES; t++) {
        if (!st->by_type[t])
            continue;
        snprintf(label, sizeof label, "records %s", type_names[t]);
        snprintf(value, sizeof value, "%lu", st->by_type[t]);
        int err = coa_corpus_add_meta(st->ctx->corpus, st->ctx->source, label, value);
        if (err)
            return err;
    }
    if (st->aliases) {
        snprintf(value, sizeof value, "%lu", st->aliases);
        return coa_corpus_add_meta(st->ctx->corpus, st->ctx->source, "person-record aliases", value);
    }
    return COA_OK;
}


int coa_read_dblp(coa_reader_ctx_t *ctx)
{
    feed_t feed;
    dblp_state_t st;
    memset(&st, 0, sizeof st);
    st.ctx = ctx;
    st.depth = -1; /* the <dblp> root is depth 0 */
    int err = start_feed(ctx, &feed);
    if (err)
        return err;
    st.feed = &feed;
    /* SAX rather than xmlTextReader: events arrive as the bytes are
     * parsed, so an error costs only the record it is in (the reader
     * gives up on the whole chunk), and nothing is built that is not
     * kept.  The default SAX2 handlers stay for the DTD, so that our
     * entity declarations are known and substituted (NOENT). */
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    xmlSAXVersion(&sax, 2);
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.ignorableWhitespace = NULL;
    sax.serror = on_xml_error;
    sax.warning = NULL;
    sax.error = NULL;
    sax.fatalError = NULL;
    xmlParserCtxtPtr px = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, ctx->in->name);
    if (!px) {
        free(feed.prefix);
        return COA_ENOMEM;
    }
    px->_private = &st;
    /* NOENT substitutes entities (only ours are declared); NONET keeps
     * libxml2 off the network; BIG_LINES keeps line numbers past 65535;
     * RECOVER goes on after an error (an unknown entity, a stray '&'), so
     * that one bad record costs only itself. */
    xmlCtxtUseOptions(px, XML_PARSE_NOENT | XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_RECOVER);
    char *chunk = malloc(1 << 16);
    if (!chunk) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    for (;;) {
        int n = feed_read(&feed, chunk, 1 << 16);
        if (n < 0) {
            err = ctx->in->error ? ctx->in->error : COA_EIO;
            break;
        }
        xmlParseChunk(px, chunk, n, n == 0);
        if (st.err || n == 0 || px->disableSAX)
            break;
    }
    if (!err && !st.err)
        st.err = flush_authors(&st); /* a record the file cut short */
    if (!err)
        err = st.err;
    long last_line = xmlSAX2GetLineNumber(px);
    if (last_line > ctx->in->lineno)
        ctx->in->lineno = last_line;
    if (!err && ((st.cut_line && !st.cut_reported) || st.depth >= 1 || px->disableSAX)) {
        /* parsing ended inside a record: the file is cut or broken */
        int strict = ctx->opts && ctx->opts->strict;
        long line = st.error[0] ? st.error_line : st.cut_line ? st.cut_line : last_line;
        if (ctx->in->damage[0] && !ctx->in->damaged) {
            /* a cut gzip stream: that is the real reason, said once */
            coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, line, "compressed data ends early (%s)",
                     ctx->in->damage);
            ctx->in->damaged = 1;
        }
        coa_diag(ctx->diag, strict ? COA_DIAG_ERROR : COA_DIAG_WARNING, ctx->in->name, line,
                 "XML error: %s; the rest of the file is not read",
                 st.error[0] ? st.error : "the file ends inside a record");
        if (strict)
            err = COA_EPARSE;
        else
            ctx->corpus->sources[ctx->source].skipped++;
    }
    coa_corpus_paper_abort(ctx->corpus);
    if (!err)
        err = report_types(&st);
cleanup:
    free(chunk);
    free(st.text);
    free(st.id);
    coa_name_cache_destroy(&st.names);
    free(st.pending);
    if (px->myDoc)
        xmlFreeDoc(px->myDoc);
    xmlFreeParserCtxt(px);
    free(feed.prefix);
    return err;
}
