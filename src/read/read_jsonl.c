/*
 * JSON Lines of works, one JSON object a line, through jansson, in the
 * dialects of four services; the dialect is told per line by its keys:
 *
 *   OpenAlex works      authorships[].author.{display_name, id, orcid}
 *   arXiv snapshot      authors_parsed: [[last, first, suffix], ...]
 *   Semantic Scholar    authors[].{name, authorId}
 *   Crossref works      author[].{given, family, name, ORCID}
 *                       (also inside an API envelope {"message": ...},
 *                       and a page of them, {"message": {"items": [...]}})
 *
 * Besides JSON Lines, a file may be one JSON array of such works, or works
 * printed over several lines (by jq or a pretty-printer), one after another
 * or a single one: when the first line is not a whole JSON value, the file
 * is read as a sequence of JSON values (see read_concatenated).
 * Identifiers become identity: ORCID ("orcid:0000-..."), else OpenAlex's
 * author id ("openalex:A..."), Semantic Scholar's ("s2:...").  jansson
 * refuses nesting deeper than its limit (2048), so a hostile line fails
 * as one bad record.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"
#include "readers.h"

static size_t skip_ws(const unsigned char *s, size_t len, size_t i)
{
    if (len >= 3 && i == 0 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    return i;
}

static int contains(const unsigned char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, needle, n) == 0)
            return 1;
    return 0;
}

int coa_detect_jsonl(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    size_t i = skip_ws(head, len, 0);
    if (i >= len || (head[i] != '{' && head[i] != '['))
        return 0;
    size_t n = len < 65536 ? len : 65536;
    if (contains(head, n, "\"authorships\"") || contains(head, n, "\"authors_parsed\"") ||
        contains(head, n, "\"authorId\"") || contains(head, n, "\"family\"") || contains(head, n, "\"author\""))
        return 85;
    return 20;
}

static const char *str(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* "https://orcid.org/0000-0001-2345-6789" -> "orcid:0000-0001-2345-6789" */
static void make_id(char *out, size_t size, const char *scheme, const char *value)
{
    out[0] = '\0';
    if (!value || !*value)
        return;
    const char *slash = strrchr(value, '/');
    if (slash && slash[1])
        value = slash + 1;
    snprintf(out, size, "%s:%s", scheme, value);
}

static int add_author(coa_corpus_t *c, const char *name, const char *id)
{
    if (!name || !*name)
        return COA_OK;
    int err = coa_corpus_paper_add_author_ex(c, name, strlen(name), id && *id ? id : NULL, 0, NULL);
    return err == COA_EINVAL ? COA_OK : err; /* a name without letters */
}

static int set_str(coa_corpus_t *c, coa_str_t *field, const char *s)
{
    if (!s || !*s || *field)
        return COA_OK;
    coa_str_t id = coa_corpus_intern(c, s, strlen(s));
    if (id == COA_NONE)
        return COA_ENOMEM;
    *field = id;
    return COA_OK;
}

static void set_year(coa_paper_t *p, json_int_t y)
{
    if (!p->year && y > 0 && y < 10000)
        p->year = (int16_t)y;
}

/* The first string of a value that is a string or an array of strings
 * (Crossref writes titles as arrays). */
static const char *first_string(json_t *v)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_array(v) && json_array_size(v) && json_is_string(json_array_get(v, 0)))
        return json_string_value(json_array_get(v, 0));
    return NULL;
}

static int read_openalex(coa_corpus_t *c, json_t *w)
{
    coa_paper_t *p = coa_corpus_open_paper(c);
    int err = set_str(c, &p->title, str(w, "title") ? str(w, "title") : str(w, "display_name"));
    if (!err)
        err = set_str(c, &p->doi, str(w, "doi"));
    if (!err)
        err = set_str(c, &p->key, str(w, "id"));
    json_t *src = json_object_get(json_object_get(w, "primary_location"), "source");
    if (!err)
        err = set_str(c, &p->venue, str(src, "display_name"));
    set_year(p, json_integer_value(json_object_get(w, "publication_year")));
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(w, "authorships"), i, a) {
        json_t *au = json_object_get(a, "author");
        const char *name = str(au, "display_name");
        if (!name)
            name = str(a, "raw_author_name");
        char id[128];
        make_id(id, sizeof id, "orcid", str(au, "orcid"));
        if (!id[0])
            make_id(id, sizeof id, "openalex", str(au, "id"));
        if (!err)
            err = add_author(c, name, id);
    }
    return err;
}

static int read_crossref(coa_corpus_t *c, json_t *w)
{
    coa_paper_t *p = coa_corpus_open_paper(c);
    int err = set_str(c, &p->title, first_string(json_object_get(w, "title")));
    if (!err)
        err = set_str(c, &p->doi, str(w, "DOI"));
    if (!err)
        err = set_str(c, &p->venue, first_string(json_object_get(w, "container-title")));
    static const char *const dates[] = {"issued", "published", "published-print", "published-online", "created",
                                        NULL};
    for (const char *const *d = dates; *d; d++) {
        json_t *parts = json_array_get(json_object_get(json_object_get(w, *d), "date-parts"), 0);
        set_year(p, json_integer_value(json_array_get(parts, 0)));
    }
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(w, "author"), i, a) {
        const char *given = str(a, "given"), *family = str(a, "family"), *org = str(a, "name");
        char id[128];
        make_id(id, sizeof id, "orcid", str(a, "ORCID"));
        if (err)
            break;
        if (family) {
            size_t n = strlen(family) + (given ? strlen(given) : 0) + 3;
            char *name = malloc(n);
            if (!name)
                return COA_ENOMEM;
            snprintf(name, n, "%s%s%s", given ? given : "", given ? " " : "", family);
            err = add_author(c, name, id);
            free(name);
        } else if (org) {
            err = coa_corpus_paper_add_author_ex(c, org, strlen(org), NULL, COA_ADD_ORGANISATION, NULL);
            if (err == COA_EINVAL)
                err = COA_OK;
        }
    }
    return err;
}

static int read_arxiv(coa_corpus_t *c, json_t *w)
{
    coa_paper_t *p = coa_corpus_open_paper(c);
    int err = set_str(c, &p->title, str(w, "title"));
    if (!err)
        err = set_str(c, &p->doi, str(w, "doi"));
    if (!err && str(w, "id")) {
        char key[160];
        snprintf(key, sizeof key, "arXiv:%s", str(w, "id"));
        err = set_str(c, &p->key, key);
    }
    if (!err && str(w, "categories")) {
        char cat[32];
        snprintf(cat, sizeof cat, "%s", str(w, "categories"));
        cat[strcspn(cat, " ")] = '\0';
        err = set_str(c, &p->category, cat);
    }
    /* the first version's date: "Mon, 2 Apr 2007 19:18:42 GMT" */
    const char *created = str(json_array_get(json_object_get(w, "versions"), 0), "created");
    int y = 0;
    if (created) {
        const char *s = created;
        for (int field = 0; *s && field < 3; field++) {
            s = strchr(s, ' ');
            if (!s)
                break;
            s++;
        }
        if (s)
            y = atoi(s);
    }
    if (!y && str(w, "update_date"))
        y = atoi(str(w, "update_date"));
    set_year(p, y);
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(w, "authors_parsed"), i, a) {
        const char *last = first_string(a);
        json_t *fv = json_array_get(a, 1), *sv = json_array_get(a, 2);
        const char *given = json_is_string(fv) ? json_string_value(fv) : "";
        const char *suffix = json_is_string(sv) ? json_string_value(sv) : "";
        if (!last || err)
            continue;
        size_t n = strlen(last) + strlen(given) + strlen(suffix) + 5;
        char *name = malloc(n);
        if (!name)
            return COA_ENOMEM;
        snprintf(name, n, "%s%s%s%s%s", given, *given ? " " : "", last, *suffix ? " " : "", suffix);
        err = add_author(c, name, NULL);
        free(name);
    }
    return err;
}

static int read_s2(coa_corpus_t *c, json_t *w)
{
    coa_paper_t *p = coa_corpus_open_paper(c);
    int err = set_str(c, &p->title, str(w, "title"));
    if (!err)
        err = set_str(c, &p->doi, str(json_object_get(w, "externalIds"), "DOI"));
    if (!err)
        err = set_str(c, &p->key, str(w, "paperId"));
    if (!err)
        err = set_str(c, &p->venue, str(w, "venue"));
    set_year(p, json_integer_value(json_object_get(w, "year")));
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(w, "authors"), i, a) {
        char id[128];
        make_id(id, sizeof id, "s2", str(a, "authorId"));
        if (!err)
            err = add_author(c, str(a, "name"), id);
    }
    return err;
}

typedef int (*dialect_fn)(coa_corpus_t *c, json_t *w);

static dialect_fn dialect_of(json_t *w)
{
    if (json_is_array(json_object_get(w, "authorships")))
        return read_openalex;
    if (json_is_array(json_object_get(w, "authors_parsed")))
        return read_arxiv;
    if (json_is_array(json_object_get(w, "authors")))
        return read_s2;
    if (json_is_array(json_object_get(w, "author")) || json_object_get(w, "DOI"))
        return read_crossref;
    return NULL;
}

/* Reads one work (or a Crossref envelope, or an array of works). */
static int read_value(coa_reader_ctx_t *ctx, json_t *v, long line, int depth)
{
    coa_corpus_t *c = ctx->corpus;
    int err = COA_OK;
    if (json_is_array(v) && depth < 2) {
        size_t i;
        json_t *w;
        json_array_foreach(v, i, w) {
            if ((err = read_value(ctx, w, line, depth + 1)))
                return err;
        }
        return COA_OK;
    }
    if (!json_is_object(v))
        return coa_reader_skip(ctx, line, "not a JSON object of a work");
    json_t *message = json_object_get(v, "message");
    if (json_is_object(message) && depth < 2) {
        json_t *items = json_object_get(message, "items");
        return read_value(ctx, json_is_array(items) ? items : message, line, depth + 1);
    }
    dialect_fn read = dialect_of(v);
    if (!read)
        return coa_reader_skip(ctx, line,
                               "a JSON object without authors (no 'authorships', 'authors_parsed', 'authors' "
                               "or 'author')");
    if ((err = coa_corpus_paper_begin(c, ctx->source, (uint32_t)line, NULL)))
        return err;
    if ((err = read(c, v))) {
        coa_corpus_paper_abort(c);
        return err;
    }
    coa_corpus_paper_end(c);
    c->sources[ctx->source].records++;
    return COA_OK;
}

static size_t load_callback(void *buffer, size_t buflen, void *data)
{
    long n = coa_input_read_raw(data, buffer, buflen);
    return n < 0 ? (size_t)-1 : (size_t)n;
}

static long count_lines(const char *s, size_t from, size_t to)
{
    long n = 0;
    for (size_t i = from; i < to; i++)
        n += s[i] == '\n';
    return n;
}

/* JSON values one after another, each over any number of lines: jansson's
 * JSON_DISABLE_EOF_CHECK parses one value and says how many bytes it took,
 * and the next value starts there.  The callback loader reads ahead and
 * cannot say where a value ended, so the file is read whole.  A work is
 * located at the line where it starts; after a bad one, reading resumes at
 * the next line that starts with '{' or '[' (a pretty-printer's next
 * top-level value). */
static int read_concatenated(coa_reader_ctx_t *ctx)
{
    char *data = NULL;
    size_t len = 0;
    int err = coa_input_slurp(ctx->in, &data, &len);
    if (err)
        return err;
    size_t pos = skip_ws((const unsigned char *)data, len, 0);
    long line = 1 + count_lines(data, 0, pos);
    while (pos < len && !err) {
        json_error_t jerr;
        json_t *v = json_loadb(data + pos, len - pos, JSON_DISABLE_EOF_CHECK, &jerr);
        size_t next;
        if (v) {
            next = pos + (jerr.position > 0 ? (size_t)jerr.position : 1);
            err = read_value(ctx, v, line, 0);
            json_decref(v);
        } else {
            long at = line + (jerr.line > 1 ? jerr.line - 1 : 0);
            err = coa_reader_skip(ctx, at, "invalid JSON: %s (in the value from line %ld)", jerr.text, line);
            next = pos + (jerr.position > 0 ? (size_t)jerr.position : 1);
            while (next < len && !(data[next - 1] == '\n' && (data[next] == '{' || data[next] == '[')))
                next++;
        }
        if (next > len)
            next = len;
        next = skip_ws((const unsigned char *)data, len, next);
        line += count_lines(data, pos, next);
        pos = next;
    }
    free(data);
    return err;
}

/* True when the first line of the head starts a JSON value that it does
 * not finish: the works are printed over several lines. */
static int spans_lines(const unsigned char *head, size_t len)
{
    size_t i = skip_ws(head, len, 0);
    const unsigned char *nl = memchr(head + i, '\n', len - i);
    if (!nl)
        return 0; /* one line, or a first line longer than the head */
    size_t n = (size_t)(nl - (head + i));
    json_error_t jerr;
    json_t *v = json_loadb((const char *)head + i, n, JSON_DISABLE_EOF_CHECK, &jerr);
    if (v) {
        json_decref(v);
        return 0;
    }
    /* a syntax error inside the line is a bad JSON Lines record; running
     * out of line is a value that goes on */
    return jerr.position >= 0 && (size_t)jerr.position >= n - (n && head[i + n - 1] == '\r');
}

int coa_read_jsonl(coa_reader_ctx_t *ctx)
{
    const unsigned char *head;
    size_t len;
    int err = coa_input_peek(ctx->in, 1u << 16, &head, &len);
    if (err)
        return err;
    json_error_t jerr;
    size_t i = skip_ws(head, len, 0);
    if (i < len && head[i] == '{' && spans_lines(head, len))
        return read_concatenated(ctx);
    if (i < len && head[i] == '[') {
        /* one JSON array of works */
        json_t *all = json_load_callback(load_callback, ctx->in, 0, &jerr);
        if (!all)
            return coa_reader_skip(ctx, jerr.line, "invalid JSON: %s", jerr.text);
        err = read_value(ctx, all, 1, 0);
        json_decref(all);
        return err;
    }
    const char *line;
    size_t n;
    int r;
    while ((r = coa_input_next(ctx->in, &line, &n)) > 0) {
        long lineno = ctx->in->lineno;
        if (ctx->in->too_long) {
            if ((err = coa_reader_skip(ctx, lineno, "line too long for one JSON record")))
                return err;
            continue;
        }
        size_t k = 0;
        while (k < n && (line[k] == ' ' || line[k] == '\t'))
            k++;
        if (k == n)
            continue;
        json_t *v = json_loadb(line, n, 0, &jerr);
        if (!v) {
            if ((err = coa_reader_skip(ctx, lineno, "invalid JSON: %s (column %d)", jerr.text, jerr.column)))
                return err;
            continue;
        }
        err = read_value(ctx, v, lineno, 0);
        json_decref(v);
        if (err)
            return err;
    }
    return r < 0 ? (ctx->in->error ? ctx->in->error : COA_EIO) : COA_OK;
}
