/*
 * DBLP XML (dblp.org/xml): one element per record under a <dblp> root,
 * with <author> children and character entities from dblp.dtd.
 *
 * The full dblp.xml.gz is about 4.5 GB uncompressed, so it is streamed
 * from our (decompressing) input, and each record goes into the corpus as
 * its end tag is read.  Plain records are read by a fast path of our own
 * (dblp_fast.c); libxml2's SAX push parser reads the rest, and is given
 * only the line breaks of what the fast path read (see run() below).
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
#include "dblp_fast.h"
#include "corpus/internal.h"
#include "readers.h"

/* ---- what libxml2 is given before the records ---- */

typedef struct {
    int person_page;      /* a <dblpperson> page */
    char *prefix;         /* the replacement prologue */
    size_t prefix_len;
    const char *suffix;   /* "</dblp>" for a wrapped fragment */
    int input_done;       /* the input's bytes have all been given to libxml2 */
} feed_t;

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
    int person_page;  /* the first element is <dblpperson> */
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
    p->person_page = starts(s, len, i, "<dblpperson") && i + 11 < len &&
                     (s[i + 11] == '>' || s[i + 11] == ' ' || s[i + 11] == '\t' || s[i + 11] == '\r' ||
                      s[i + 11] == '\n');
    p->has_root |= p->person_page;
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

/* True when p (just after "<!ENTITY ") is exactly 'NAME "VALUE">' with
 * VALUE made only of character references ("&#214;", "&#x00D6;"), and
 * *gt is set to its '>'.  Nothing else from a dblp.dtd is taken: a SYSTEM
 * or PUBLIC entity would have libxml2 read a local file into a title (with
 * NOENT, "x&/../../etc/passwd" was resolved as a path), and an entity
 * naming others could expand without bound (CPU grew 80,000-fold). */
static int char_entity_decl(const char *p, char **gt)
{
    if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == '_'))
        return 0;
    while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' ||
           *p == '.' || *p == '-')
        p++;
    if (*p != ' ' && *p != '\t')
        return 0;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p != '"')
        return 0;
    p++;
    int refs = 0;
    while (*p == '&') {
        if (p[1] != '#')
            return 0;
        p += 2;
        int hex = *p == 'x';
        p += hex;
        const char *digits = p;
        while ((*p >= '0' && *p <= '9') || (hex && ((*p >= 'a' && *p <= 'f') || (*p >= 'A' && *p <= 'F'))))
            p++;
        if (p == digits || p - digits > 8 || *p != ';')
            return 0;
        p++;
        refs++;
    }
    if (!refs || *p != '"')
        return 0;
    p++;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p != '>')
        return 0;
    *gt = (char *)p;
    return 1;
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
    int err = COA_OK, taken = 0;
    /* DBLP's own DTD declares about 70; a file of millions is not one */
    while (taken < 4096 && fgets(line, sizeof line, f)) {
        char *d = strstr(line, "<!ENTITY "), *gt;
        if (!d)
            continue;
        char *p = d + 9;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '%')
            continue; /* parameter entities belong to the DTD's grammar */
        if (!char_entity_decl(p, &gt))
            continue; /* an external entity, or one that is not a character */
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
        taken++;
    }
    fclose(f);
    return err;
}

/* Builds the replacement prologue and consumes the original one; the
 * records start on line *body_line. */
static int start_feed(coa_reader_ctx_t *ctx, feed_t *f, long *body_line)
{
    const unsigned char *head;
    size_t len;
    prologue_t p;
    memset(f, 0, sizeof *f);
    int err = coa_input_peek(ctx->in, 1u << 16, &head, &len);
    if (err)
        return err;
    scan_prologue(head, len, &p);
    f->person_page = p.person_page;
    size_t newlines = 0;
    for (size_t i = p.decl_end; i < p.body; i++)
        newlines += head[i] == '\n';
    *body_line = 1 + (long)newlines;
    for (size_t i = 0; i < p.decl_end; i++)
        *body_line += head[i] == '\n';
    const char *open = p.person_page ? "<!DOCTYPE dblpperson [" : "<!DOCTYPE dblp [";
    static const char close[] = "]>";
    size_t cap = p.decl_end + strlen(open) + sizeof dblp_entities + sizeof close + newlines + 16;
    char *buf = malloc(cap);
    if (!buf)
        return COA_ENOMEM;
    size_t n = 0;
    memcpy(buf, head, p.decl_end);
    n = p.decl_end;
    memcpy(buf + n, open, strlen(open));
    n += strlen(open);
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

/* ---- records ----
 * A record is gathered whole (coa_dblp_rec_t), from libxml2's SAX events
 * or by the fast path, and then added to the corpus (add_record): one
 * way into the corpus for both. */

typedef struct {
    coa_reader_ctx_t *ctx;
    const feed_t *feed;
    int err;              /* a fatal error (memory, strict mode): parsing stops */
    int depth;            /* 0 in the root, 1 in a record, 2 in one of its fields */
    coa_dblp_rec_t rec;   /* the record libxml2 is reading */
    long line;            /* of the record being read or added */
    uint32_t person_author;
    char error[200];      /* the first XML error inside the record */
    long error_line;
    long cut_line;        /* where the input ended inside a record, or 0 */
    int cut_reported;
    char *id;             /* an author's identifier, built here */
    size_t id_cap;
    coa_name_cache_t names; /* what the names read so far resolved to */
    /* the record's authors read but not yet added (see flush_authors) */
    char *pending;
    size_t pending_len, pending_cap;
    uint32_t n_pending;
    unsigned long by_type[COA_DBLP_N_TYPES];
    unsigned long aliases;
    /* person pages: the pids of the record's authors, in order, each
     * NUL-terminated ("" for none), and the next one to use */
    char *pids;
    size_t pids_len, pids_cap, pid_next;
    int ignore;           /* the depth of an element skipped whole, or 0 */
    int in_r;             /* inside a person page's <r> */
    /* check mode: the last record libxml2 ended, and whether it was added */
    int check;
    unsigned long ended;
    int last_added;
    coa_dblp_rec_t last;
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
    coa_xml_error_text(e->message, msg, sizeof msg);
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
    if (n + 6 > st->id_cap && coa_grow_array(&st->id, &st->id_cap, n + 6, 1, 64))
        return COA_ENOMEM;
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

/* ---- the names read so far ----
 * Each author occurrence would cost two string-pool lookups (the spelling,
 * then the "dblp:" identifier) and the reads that follow them, each a
 * cache miss in tables of millions of strings.  A name cache
 * (coa_name_cache_t) maps a name as DBLP writes it to what it resolved
 * to, so that an author seen before costs one probe. */

/* The pid of the next author of a person page's record, or NULL. */
static const char *next_pid(dblp_state_t *st)
{
    if (!st->feed->person_page || st->pid_next >= st->pids_len)
        return NULL;
    const char *pid = st->pids + st->pid_next;
    st->pid_next += strlen(pid) + 1;
    return *pid ? pid : NULL;
}

static int add_pid(coa_corpus_t *c, uint32_t a, const char *pid)
{
    if (!pid || a == COA_NONE)
        return COA_OK;
    char id[160];
    snprintf(id, sizeof id, "dblp:%.150s", pid);
    return coa_corpus_add_id(c, a, id);
}

/* The identifier a person page's author resolves by: the pid when an
 * author has it already (so a person DBLP renamed between two pages is
 * one author), else the name ("dblp:" + name, in *id from author_id), to
 * which the pid is then added. */
static const char *resolving_id(const coa_corpus_t *c, const char *pid, const char *name_id, char *buf,
                                size_t size)
{
    if (!pid)
        return name_id;
    snprintf(buf, size, "dblp:%.150s", pid);
    return coa_corpus_id_known(c, buf) ? buf : name_id;
}

/* Adds an author of the open paper by the name DBLP gives. */
static int add_author(dblp_state_t *st, coa_corpus_t *c, const char *text)
{
    size_t len = strlen(text);
    const char *pid = next_pid(st);
    uint32_t a = COA_NONE;
    coa_str_t sp = COA_NOSTR;
    char *id = NULL, pid_id[160];
    if (coa_name_cache_get(&st->names, text, len, &a, &sp)) {
        /* only 'coauthor authorships' needs the identifier again: the one
         * the name resolved by */
        int err = c->keep_rows ? author_id(st, text, &id) : COA_OK;
        if (!err && c->keep_rows)
            err = coa_corpus_note_row_id(c, resolving_id(c, pid, id, pid_id, sizeof pid_id));
        return err ? err : coa_corpus_paper_add_resolved(c, a, sp, 0, NULL);
    }
    int err = author_id(st, text, &id);
    if (!err)
        err = coa_corpus_resolve(c, text, name_without_number(text),
                                 resolving_id(c, pid, id, pid_id, sizeof pid_id), &a, &sp);
    if (!err && pid && a != COA_NONE)
        err = coa_corpus_add_id(c, a, id);
    if (!err)
        err = add_pid(c, a, pid);
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

static int keep_author(dblp_state_t *st, const char *text, size_t len)
{
    size_t n = len + 1;
    if (st->pending_len + n > st->pending_cap &&
        coa_grow_array(&st->pending, &st->pending_cap, st->pending_len + n, 1, 1024))
        return COA_ENOMEM;
    memcpy(st->pending + st->pending_len, text, n);
    st->pending_len += n;
    st->n_pending++;
    return COA_OK;
}

/* A name of a person record: the first is the person, the others are
 * other names of the same person. */
static int add_person_name(dblp_state_t *st, coa_corpus_t *c, const char *text)
{
    uint32_t a = COA_NONE;
    char *id = NULL;
    const char *pid = next_pid(st);
    char pid_id[160];
    int err = author_id(st, text, &id);
    if (err)
        return err;
    err = coa_corpus_author(c, text, name_without_number(text), resolving_id(c, pid, id, pid_id, sizeof pid_id), &a);
    if (!err && pid && a != COA_NONE)
        err = coa_corpus_add_id(c, a, id);
    if (!err)
        err = add_pid(c, a, pid);
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
    return err;
}

static int add_field(coa_corpus_t *c, int kind, const char *text)
{
    coa_paper_t *p = coa_corpus_open_paper(c);
    if (!p)
        return COA_OK;
    switch (kind) {
    case COA_DBLP_F_TITLE: return coa_corpus_set_str(c, &p->title, text, 1);
    case COA_DBLP_F_VENUE: return coa_corpus_set_str(c, &p->venue, text, 0);
    case COA_DBLP_F_EE: return coa_corpus_set_str(c, &p->doi, doi_of(text), 1);
    case COA_DBLP_F_YEAR: {
        char *end;
        long y = strtol(text, &end, 10);
        if (*end == '\0' && y > 0 && y < 10000 && !p->year)
            p->year = (int16_t)y;
        return COA_OK;
    }
    }
    return COA_OK;
}

/* Adds a record read without errors to the corpus. */
static int add_record(dblp_state_t *st, const coa_dblp_rec_t *r)
{
    coa_reader_ctx_t *rc = st->ctx;
    coa_corpus_t *c = rc->corpus;
    int person = coa_dblp_rec_person(r);
    st->line = r->line;
    st->person_author = COA_NONE;
    st->error[0] = '\0';
    st->pid_next = 0;
    int err = COA_OK;
    if (r->type != COA_DBLP_WWW) {
        if ((err = coa_corpus_paper_begin(c, rc->source, (uint32_t)r->line, NULL)))
            return err;
        if (r->has_key) {
            coa_str_t id = coa_strpool_add(&c->strings, r->text + r->key_off, r->key_len);
            if (id == COA_NONE)
                return COA_ENOMEM;
            coa_corpus_open_paper(c)->key = id;
        }
    }
    for (size_t i = 0; i < r->n_fields && !err; i++) {
        const coa_dblp_field_t *f = &r->fields[i];
        const char *text = r->text + f->off;
        if (f->kind == COA_DBLP_F_AUTHOR && f->cut)
            continue; /* the record has an error already (on_end) */
        if (f->kind == COA_DBLP_F_AUTHOR && r->type != COA_DBLP_WWW) {
            err = keep_author(st, text, f->len);
            continue;
        }
        if ((err = flush_authors(st)))
            break;
        if (f->kind == COA_DBLP_F_AUTHOR)
            err = person ? add_person_name(st, c, text) : COA_OK;
        else
            err = add_field(c, f->kind, text);
    }
    if (!err)
        err = flush_authors(st);
    if (err)
        return err;
    if (st->error[0]) {
        coa_corpus_paper_abort(c);
        err = coa_reader_skip(rc, st->error_line, "XML error in the %s record at line %ld: %s",
                              coa_dblp_type_names[r->type], r->line, st->error);
        st->error[0] = '\0';
        return err;
    }
    st->by_type[r->type]++;
    rc->corpus->sources[rc->source].records++;
    coa_corpus_paper_end(c);
    return COA_OK;
}

/* ---- records, from SAX events ---- */

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                     const xmlChar **attributes)
{
    (void)prefix, (void)uri, (void)nb_namespaces, (void)namespaces, (void)nb_defaulted;
    dblp_state_t *st = state_of(ctx);
    const char *tag = (const char *)localname;
    int depth = ++st->depth;
    if (st->err || st->ignore || depth > 2)
        return; /* markup inside a field (<i>, <sub>) only adds its text */
    int type = depth == 1 ? coa_dblp_type(tag, strlen(tag)) : COA_DBLP_OTHER;
    if (st->feed->person_page && depth == 0) {
        /* the page's owner, without DBLP's homonym number */
        for (int i = 0; i < nb_attributes; i++) {
            const xmlChar **a = attributes + 5 * i;
            if (strcmp((const char *)a[0], "name") == 0 && !st->ctx->corpus->sources[st->ctx->source].owner) {
                char name[256];
                snprintf(name, sizeof name, "%.*s", (int)(a[4] - a[3]) < 255 ? (int)(a[4] - a[3]) : 255,
                         (const char *)a[3]);
                name[name_without_number(name)] = '\0';
                coa_str_t owner = coa_corpus_intern(st->ctx->corpus, name, strlen(name));
                if (owner == COA_NONE)
                    stop(ctx, st, COA_ENOMEM);
                else if (coa_utf8_valid(name, strlen(name)))
                    st->ctx->corpus->sources[st->ctx->source].owner = owner;
            }
        }
        return;
    }
    if (st->feed->person_page && depth == 1) {
        if (strcmp(tag, "r") == 0 && !st->in_r) {
            st->depth--; /* <r> only wraps a record */
            st->in_r = 1;
            return;
        }
        if (strcmp(tag, "person") == 0 && !st->in_r) {
            type = COA_DBLP_WWW; /* the owner's person record */
        } else if (type == COA_DBLP_OTHER) {
            st->ignore = depth; /* <homonyms>, <coauthors> */
            return;
        }
    }
    if (st->feed->person_page && depth == 1)
        st->pids_len = 0;
    if (st->feed->person_page && depth == 2 && strcmp(tag, "author") == 0) {
        const char *pid = "";
        size_t n = 0;
        for (int i = 0; i < nb_attributes; i++) {
            const xmlChar **a = attributes + 5 * i;
            if (strcmp((const char *)a[0], "pid") == 0) {
                pid = (const char *)a[3];
                n = (size_t)(a[4] - a[3]);
            }
        }
        if (n > 120)
            n = 0; /* not a pid */
        if (st->pids_len + n + 1 > st->pids_cap) {
            size_t cap = (st->pids_cap + n + 1) * 2;
            char *b = realloc(st->pids, cap);
            if (!b) {
                stop(ctx, st, COA_ENOMEM);
                return;
            }
            st->pids = b;
            st->pids_cap = cap;
        }
        memcpy(st->pids + st->pids_len, pid, n);
        st->pids[st->pids_len + n] = '\0';
        st->pids_len += n + 1;
    }
    if (depth == 1) {
        /* Errors are the records' own here: each record starts afresh.
         * After any error libxml2 (2.9) drops every entity reference it
         * meets, so that one bad record would cost every later record its
         * accents ("Tamer &Ouml;zsu" read as "Tamer zsu"); and after bytes
         * that are not UTF-8 it takes every byte for a character, passing
         * on bad bytes and dropping references beyond U+00FF. */
        ((xmlParserCtxtPtr)ctx)->wellFormed = 1;
        ((xmlParserCtxtPtr)ctx)->charset = XML_CHAR_ENCODING_UTF8;
        st->line = xmlSAX2GetLineNumber(ctx);
        st->error[0] = '\0';
        coa_dblp_rec_begin(&st->rec, type, st->line);
        /* SAX2 attributes: localname, prefix, URI, value start, value end */
        for (int i = 0; i < nb_attributes; i++) {
            const xmlChar **a = attributes + 5 * i;
            if (strcmp((const char *)a[0], "key") == 0) {
                int err = coa_dblp_rec_key(&st->rec, (const char *)a[3], (size_t)(a[4] - a[3]));
                if (err)
                    stop(ctx, st, err);
            }
        }
        return;
    }
    coa_dblp_rec_field_begin(&st->rec, coa_dblp_field_kind(st->rec.type, tag, strlen(tag)));
}

static void on_text(void *ctx, const xmlChar *ch, int len)
{
    dblp_state_t *st = state_of(ctx);
    if (st->err || st->ignore || st->depth < 2 || len <= 0)
        return;
    int err = coa_dblp_rec_text(&st->rec, (const char *)ch, (size_t)len);
    if (err)
        stop(ctx, st, err);
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
    (void)prefix, (void)uri;
    dblp_state_t *st = state_of(ctx);
    if (st->ignore) {
        if (st->depth-- == st->ignore)
            st->ignore = 0;
        return;
    }
    if (st->in_r && st->depth == 0 && strcmp((const char *)localname, "r") == 0) {
        st->in_r = 0;
        return;
    }
    int depth = st->depth--;
    if (st->err)
        return;
    if (depth == 2) {
        if (st->rec.kind == COA_DBLP_F_AUTHOR && st->rec.field_cut && !st->error[0]) {
            snprintf(st->error, sizeof st->error, "author name longer than %d bytes", COA_DBLP_MAX_FIELD);
            st->error_line = st->line;
        }
        int err = coa_dblp_rec_field_end(&st->rec);
        if (err)
            stop(ctx, st, err);
        return;
    }
    if (depth != 1)
        return;
    coa_reader_ctx_t *rc = st->ctx;
    int err = COA_OK;
    st->ended++;
    st->last_added = 0;
    if (st->cut_line) {
        st->cut_reported = 1;
        err = coa_reader_skip(rc, st->cut_line, "the file ends inside the %s record at line %ld",
                              coa_dblp_type_names[st->rec.type], st->line);
    } else if (st->error[0]) {
        err = coa_reader_skip(rc, st->error_line, "XML error in the %s record at line %ld: %s",
                              coa_dblp_type_names[st->rec.type], st->line, st->error);
        st->error[0] = '\0';
    } else {
        if (st->check && (err = coa_dblp_rec_copy(&st->last, &st->rec)))
            goto done;
        st->last_added = 1;
        err = add_record(st, &st->rec);
    }
done:
    if (err)
        stop(ctx, st, err);
}

/* Records the count of each record type as source metadata, which
 * 'coauthor stats' lists. */
static int report_types(dblp_state_t *st)
{
    char label[48], value[32];
    for (int t = 0; t < COA_DBLP_N_TYPES; t++) {
        if (!st->by_type[t])
            continue;
        snprintf(label, sizeof label, "records %s", coa_dblp_type_names[t]);
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

/* ---- the bytes: libxml2, and the fast path beside it ----
 * The input is read through a window.  Whenever libxml2 stands between two
 * records (idle), the fast path tries the next record; a record it reads
 * is added directly, and libxml2 is given only its line breaks, so that
 * its line numbers stay the file's.  Everything else (a record the fast
 * path declines, the root's tags, comments) goes to libxml2, a line at a
 * time, until it stands between records again.  So libxml2 sees the
 * document it would have seen, less some whole, well-formed records. */

#define WINDOW (1u << 20)
#define MAX_FAST_RECORD (1u << 18) /* larger records go to libxml2 */

typedef struct {
    unsigned char *buf;
    size_t cap, start, end; /* the bytes not yet taken: buf[start..end) */
    int eof;
    long line;              /* the line of buf[start] */
    long fed_line;          /* the line libxml2 has reached */
} window_t;

/* Moves what is left to the front of the window and reads more: what one
 * read gives, so that the fast path works on what a gzip file's inflating
 * thread has ready while it inflates the next. */
static int refill(coa_input_t *in, window_t *w)
{
    if (w->start > 0) {
        memmove(w->buf, w->buf + w->start, w->end - w->start);
        w->end -= w->start;
        w->start = 0;
    }
    if (!w->eof && w->end < w->cap) {
        long n = coa_input_read_raw(in, w->buf + w->end, w->cap - w->end);
        if (n < 0)
            return in->error ? in->error : COA_EIO;
        if (n == 0)
            w->eof = 1;
        w->end += (size_t)n;
    }
    return COA_OK;
}

/* libxml2 stands between two records: in the root, with nothing but
 * white space given to it and not yet parsed. */
static int xml_idle(xmlParserCtxtPtr px, const dblp_state_t *st)
{
    if (st->depth != 0 || px->instate != XML_PARSER_CONTENT || px->disableSAX || !px->input)
        return 0;
    for (const xmlChar *p = px->input->cur; p && p < px->input->end; p++)
        if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
            return 0;
    return 1;
}

static void feed_xml(xmlParserCtxtPtr px, const void *s, size_t n)
{
    while (n > 0) {
        int k = n > (1u << 30) ? 1 << 30 : (int)n;
        xmlParseChunk(px, s, k, 0);
        s = (const char *)s + k;
        n -= (size_t)k;
    }
}

/* Gives libxml2 the line breaks of what the fast path read. */
static void feed_lines(xmlParserCtxtPtr px, window_t *w)
{
    char breaks[4096];
    if (w->line > w->fed_line)
        memset(breaks, '\n', sizeof breaks);
    while (w->line > w->fed_line) {
        long k = w->line - w->fed_line < (long)sizeof breaks ? w->line - w->fed_line : (long)sizeof breaks;
        xmlParseChunk(px, breaks, (int)k, 0);
        w->fed_line += k;
    }
}

static long count_lines(const unsigned char *s, size_t n)
{
    long k = 0;
    for (const unsigned char *e = s + n; (s = memchr(s, '\n', (size_t)(e - s))) != NULL; s++)
        k++;
    return k;
}

typedef struct {
    coa_dblpfast_t *fast;  /* NULL: libxml2 reads everything */
    coa_dblp_rec_t rec;
    unsigned long read, declined, mismatches;
} fastpath_t;

/* Check mode: libxml2 reads the record the fast path read, and adds it;
 * the two must agree. */
static void check_record(dblp_state_t *st, fastpath_t *fp, xmlParserCtxtPtr px, const unsigned char *s, size_t n)
{
    unsigned long ended = st->ended;
    feed_xml(px, s, n);
    char detail[200] = "";
    const char *what = NULL;
    if (st->err)
        return;
    if (st->ended != ended + 1 || !xml_idle(px, st))
        what = "where the record ends";
    else if (!st->last_added)
        what = "whether the record has an error";
    else
        what = coa_dblp_rec_diff(&fp->rec, &st->last, detail, sizeof detail);
    if (!what)
        return;
    fp->mismatches++;
    coa_reader_ctx_t *rc = st->ctx;
    coa_diag(rc->diag, COA_DIAG_ERROR, rc->in->name, fp->rec.line,
             "internal error: the DBLP fast path and libxml2 differ in %s of the %s record: %s", what,
             coa_dblp_type_names[fp->rec.type], detail[0] ? detail : "-");
}

/* Reads the records after the prologue. */
static int run(dblp_state_t *st, fastpath_t *fp, xmlParserCtxtPtr px, feed_t *feed, long body_line)
{
    coa_reader_ctx_t *ctx = st->ctx;
    window_t w = {0};
    w.cap = WINDOW;
    w.line = w.fed_line = body_line;
    if (!(w.buf = malloc(w.cap)))
        return COA_ENOMEM;
    int err = COA_OK;
    int stuck = 0; /* pieces given to libxml2 since it was last idle */
    feed_xml(px, feed->prefix, feed->prefix_len);
    while (!st->err && !px->disableSAX) {
        if (w.start == w.end) {
            if (w.eof)
                break;
            if ((err = refill(ctx->in, &w)))
                break;
            continue;
        }
        if (fp->fast && xml_idle(px, st)) {
            stuck = 0;
            while (w.start < w.end && (w.buf[w.start] == ' ' || w.buf[w.start] == '\t' || w.buf[w.start] == '\n'))
                w.line += w.buf[w.start++] == '\n';
            if (w.start == w.end)
                continue;
            if (coa_dblpfast_may_start(w.buf + w.start, w.end - w.start)) {
                size_t used = 0;
                long lines = 0;
                int r = coa_dblpfast_record(fp->fast, w.buf + w.start, w.end - w.start, w.line, &fp->rec, &used,
                                            &lines);
                if (r < 0) {
                    err = -r;
                    break;
                }
                if (r == 2 && !w.eof && w.end - w.start < MAX_FAST_RECORD) {
                    if ((err = refill(ctx->in, &w)))
                        break;
                    continue;
                }
                if (r == 1) {
                    fp->read++;
                    if (st->check) {
                        feed_lines(px, &w);
                        check_record(st, fp, px, w.buf + w.start, used);
                        w.fed_line += lines;
                    } else if ((err = add_record(st, &fp->rec))) {
                        break;
                    }
                    w.start += used;
                    w.line += lines;
                    continue;
                }
                fp->declined++;
            }
        }
        /* libxml2 reads the next piece: a line, or while it does not come
         * back to idle, all the lines in the window */
        size_t len = w.end - w.start;
        if (fp->fast) {
            const unsigned char *s = w.buf + w.start, *nl = NULL;
            if (stuck < 64) {
                nl = memchr(s, '\n', len);
            } else {
                for (const unsigned char *p = w.buf + w.end; p > s && !nl; p--)
                    if (p[-1] == '\n')
                        nl = p - 1;
            }
            if (!nl && !w.eof && (w.start > 0 || w.end < w.cap)) {
                if ((err = refill(ctx->in, &w)))
                    break;
                continue;
            }
            if (nl)
                len = (size_t)(nl - s) + 1;
            feed_lines(px, &w);
            w.line += count_lines(s, len);
            w.fed_line = w.line;
            stuck++;
        }
        feed_xml(px, w.buf + w.start, len);
        w.start += len;
    }
    if (!err && !st->err && !px->disableSAX) {
        feed_lines(px, &w);
        feed->input_done = 1;
        if (feed->suffix)
            feed_xml(px, feed->suffix, strlen(feed->suffix));
        if (!st->err && !px->disableSAX)
            xmlParseChunk(px, NULL, 0, 1);
    }
    free(w.buf);
    return err;
}

int coa_read_dblp(coa_reader_ctx_t *ctx)
{
    feed_t feed;
    dblp_state_t st;
    fastpath_t fp;
    memset(&st, 0, sizeof st);
    memset(&fp, 0, sizeof fp);
    st.ctx = ctx;
    st.depth = -1; /* the <dblp> root is depth 0 */
    long body_line = 1;
    int err = start_feed(ctx, &feed, &body_line);
    if (err)
        return err;
    st.feed = &feed;
    const char *env = getenv("COAUTHOR_DBLP_FAST");
    if (!(env && strcmp(env, "0") == 0) && !feed.person_page) {
        if ((err = coa_dblpfast_new(feed.prefix, feed.prefix_len, &fp.fast))) {
            free(feed.prefix);
            return err;
        }
    }
    env = getenv("COAUTHOR_DBLP_CHECK");
    st.check = env && strcmp(env, "1") == 0;
    /* SAX rather than xmlTextReader: events arrive as the bytes are
     * parsed, so an error costs only the record it is in (the reader
     * gives up on the whole chunk), and nothing is built that is not
     * kept.  The default SAX2 handlers stay for the DTD, so that our
     * entity declarations are known and substituted (NOENT). */
    coa_xml_lockdown();
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
        coa_dblpfast_free(fp.fast);
        free(feed.prefix);
        return COA_ENOMEM;
    }
    px->_private = &st;
    /* NOENT substitutes entities (only ours are declared); NONET keeps
     * libxml2 off the network; BIG_LINES keeps line numbers past 65535;
     * RECOVER goes on after an error (an unknown entity, a stray '&'), so
     * that one bad record costs only itself. */
    xmlCtxtUseOptions(px, XML_PARSE_NOENT | XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_RECOVER);
    err = run(&st, &fp, px, &feed, body_line);
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
    if (!err && fp.mismatches)
        err = COA_EPARSE;
    if (st.check && fp.fast)
        coa_diag(ctx->diag, COA_DIAG_NOTE, ctx->in->name, 0,
                 "check mode: the fast path read %lu record%s (%lu differ from libxml2), libxml2 alone %lu",
                 fp.read, fp.read == 1 ? "" : "s", fp.mismatches, fp.declined);
    else if (st.check)
        coa_diag(ctx->diag, COA_DIAG_NOTE, ctx->in->name, 0,
                 "check mode: the fast path is off for this document (a person page, or its encoding or "
                 "declaration); libxml2 read %lu record%s",
                 st.ended, st.ended == 1 ? "" : "s");
    if (!err)
        err = report_types(&st);
    free(st.id);
    free(st.pids);
    coa_name_cache_destroy(&st.names);
    free(st.pending);
    coa_dblp_rec_free(&st.rec);
    coa_dblp_rec_free(&st.last);
    coa_dblp_rec_free(&fp.rec);
    coa_dblpfast_free(fp.fast);
    if (px->myDoc)
        xmlFreeDoc(px->myDoc);
    xmlFreeParserCtxt(px);
    free(feed.prefix);
    return err;
}

/* What 'coauthor formats --help' says of DBLP person pages (coa_formats_help). */
const char coa_help_dblp[] =
    "DBLP person pages (dblp.org/pid/XX/YYYY.xml, <dblpperson>; see dblp.org/faq)\n"
    "are read by dblp: the records in <r>, the owner's <person>; each author's\n"
    "pid is a second dblp: identifier beside the name with its homonym number\n"
    "(a pid seen before wins, so a person renamed between two pages is one).\n"
    "\n";
