/*
 * JSON Lines of works, one JSON object a line, through jansson, in the
 * dialects of four services; the dialect is told per line by its keys:
 *
 *   OpenAlex works      authorships[].{raw_author_name, author.{display_name,
 *                       id, orcid}}; also an API list response
 *                       {"meta": ..., "results": [...]}
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
 * author id ("openalex:A..."), Semantic Scholar's ("s2:...").
 *
 * Two more formats share this machinery, as readers of their own so that
 * detection and the summary name them: CSL-JSON (an array of citeproc
 * items, as Zotero, Mendeley, pandoc and citation.js write them; read by
 * the Crossref dialect, whose works are CSL items too) and the ORCID
 * public API's JSON (read_orcid.c).  jansson
 * refuses nesting deeper than its limit (2048), so a hostile line fails
 * as one bad record.
 *
 * A plain OpenAlex work, Crossref work or CSL item (a JSON Lines line, an
 * item of a streamed array or of a list response's results) is read by
 * the fast path (json_fast.c) without jansson's tree; both fill one
 * coa_jwork_t, which read_openalex and read_crossref take.  Everything
 * else goes to jansson.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "corpus/internal.h"
#include "json_fast.h"
#include "readers.h"

size_t coa_json_skip_ws(const unsigned char *s, size_t len, size_t i)
{
    if (len >= 3 && i == 0 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    return i;
}

int coa_detect_jsonl(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    size_t i = coa_json_skip_ws(head, len, 0);
    if (i >= len || (head[i] != '{' && head[i] != '['))
        return 0;
    size_t n = len < 65536 ? len : 65536;
    if (coa_head_has(head, n, "\"authorships\"") || coa_head_has(head, n, "\"authors_parsed\"") ||
        coa_head_has(head, n, "\"authorId\"") || coa_head_has(head, n, "\"family\"") ||
        coa_head_has(head, n, "\"author\""))
        return 85;
    return 20;
}

/* Is there a "type" whose value is one of CSL's item types (the
 * vocabulary of citeproc-js and the CSL 1.0.2 schema)?  Crossref's types
 * ("journal-article", "proceedings-article") are not CSL's. */
static int has_csl_type(const unsigned char *s, size_t len)
{
    static const char *const types[] = {
        "article-journal", "paper-conference", "article-magazine", "article-newspaper", "chapter",
        "entry-encyclopedia", "entry-dictionary", "post-weblog", "webpage", "manuscript", "thesis",
        "report", "book", "article", "dataset", "speech", "patent", "personal_communication",
        "legal_case", "legislation", "motion_picture", "broadcast", "interview", "review", "review-book",
        "software", "standard", "document", "pamphlet", "graphic", "song", "map", "bill", NULL};
    for (size_t i = 0; i + 7 < len; i++) {
        if (memcmp(s + i, "\"type\"", 6) != 0)
            continue;
        size_t j = i + 6;
        while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n'))
            j++;
        if (j >= len || s[j++] != ':')
            continue;
        while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n'))
            j++;
        if (j >= len || s[j++] != '"')
            continue;
        for (const char *const *t = types; *t; t++) {
            size_t n = strlen(*t);
            if (j + n < len && memcmp(s + j, *t, n) == 0 && s[j + n] == '"')
                return 1;
        }
    }
    return 0;
}

/* CSL-JSON: an array of items with CSL types, and none of the keys that
 * mark a Crossref work (which is CSL-like but is read as Crossref) or
 * another service's works. */
int coa_detect_csljson(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    size_t i = coa_json_skip_ws(head, len, 0);
    if (i >= len || head[i] != '[')
        return 0;
    size_t n = len < 65536 ? len : 65536;
    static const char *const others[] = {"\"authorships\"", "\"authors_parsed\"", "\"authorId\"",
                                         "\"reference-count\"", "\"member\"", "\"indexed\"",
                                         "\"work-summary\"", "\"put-code\"", NULL};
    for (const char *const *o = others; *o; o++)
        if (coa_head_has(head, n, *o))
            return 0;
    return has_csl_type(head + i, n - i) ? 90 : 0;
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

/* An author with two identifiers of different schemes (OpenAlex: the
 * ORCID and the OpenAlex author id, either may be missing).  The first
 * resolves the author; the second becomes a second identifier of the same
 * author, so that a work that gives only it finds the author the first
 * found.  When the second already names another author (seen before
 * without the first, under a name of another key), the two are merged,
 * and the merge is listed with its reason. */
static int add_author_ids(coa_corpus_t *c, const char *name, const char *first, const char *second)
{
    if (!name || !*name)
        return COA_OK;
    if (!*first)
        return add_author(c, name, second);
    if (!*second)
        return add_author(c, name, first);
    /* Looking the second identifier up for every authorship would cost two
     * probes of the string pool each (a third of the reading time on 200k
     * works); it is looked up only when the first made a new author */
    uint32_t a, before = c->n_authors;
    coa_str_t sp;
    int err = coa_corpus_resolve(c, name, strlen(name), first, &a, &sp);
    if (err == COA_EINVAL || (!err && a == COA_NONE))
        return COA_OK; /* a name without letters */
    if (!err && a >= before) {
        uint32_t known;
        if (coa_corpus_id_author(c, second, &known) && coa_corpus_author_root(c, known) != coa_corpus_author_root(c, a))
            err = coa_corpus_merge(c, a, known, "openalex author id");
        else
            err = coa_corpus_add_id(c, a, second);
    }
    if (!err)
        err = coa_corpus_paper_add_resolved(c, a, sp, 0, NULL);
    return err;
}

/* A title, DOI or record key: unique by nature, so kept out of the string
 * pool's hash table (coa_strpool_add), as the DBLP reader keeps them. */
static int set_unique(coa_corpus_t *c, coa_str_t *field, const char *s)
{
    if (!s || !*s || *field)
        return COA_OK;
    coa_str_t id = coa_strpool_add(&c->strings, s, strlen(s));
    if (id == COA_NONE)
        return COA_ENOMEM;
    *field = id;
    return COA_OK;
}

/* The open paper's title, DOI and key, in that order. */
static int set_ids(coa_corpus_t *c, coa_paper_t *p, const char *title, const char *doi, const char *key)
{
    int err = set_unique(c, &p->title, title);
    if (!err)
        err = set_unique(c, &p->doi, doi);
    if (!err)
        err = set_unique(c, &p->key, key);
    return err;
}

static void set_year(coa_paper_t *p, long long y)
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

/* Are two names spellings of one person's name ("F. Muro", "Muro Jiménez,
 * Fernando" and "Fernando Muro")?  Yes when their match keys are equal or
 * share a word of two letters or more.  Deliberately lenient: a
 * misattribution is reported only when the names have nothing in common
 * ("G D Marijn Veerman" printed, "K. Cohen" attached). */
static int same_person_names(const char *a, const char *b)
{
    char *ka = NULL, *kb = NULL;
    int same = 1; /* a name that has no key cannot contradict */
    if (coa_name_key(a, strlen(a), &ka) || coa_name_key(b, strlen(b), &kb) || !*ka || !*kb)
        goto done;
    same = strcmp(ka, kb) == 0;
    for (const char *w = ka; *w && !same;) {
        size_t n = strcspn(w, " ");
        if (n >= 2) {
            for (const char *v = kb; *v;) {
                size_t m = strcspn(v, " ");
                if (m == n && memcmp(v, w, n) == 0) {
                    same = 1;
                    break;
                }
                v += m;
                while (*v == ' ')
                    v++;
            }
        }
        w += n;
        while (*w == ' ')
            w++;
    }
done:
    free(ka);
    free(kb);
    return same;
}

/* "Muro Jiménez, Fernando" -> "Fernando Muro Jiménez" into buf: OpenAlex's
 * raw names are often "Last, First" (as repositories list them), and the
 * most frequent spelling becomes the display name.  A name with no comma,
 * or more than one ("Smith, John, Jr."), is kept as it is. */
static const char *first_last(const char *name, char *buf, size_t size)
{
    const char *comma = strchr(name, ',');
    if (!comma || strchr(comma + 1, ',') || comma == name)
        return name;
    const char *first = comma + 1;
    while (*first == ' ')
        first++;
    size_t last_len = (size_t)(comma - name);
    if (!*first || strlen(first) + last_len + 2 > size)
        return name;
    snprintf(buf, size, "%s %.*s", first, (int)last_len, name);
    return buf;
}

/* The works of one file: the fast path (json_fast.c), and jansson's
 * reading of a work in the same form. */
typedef struct coa_json_works {
    coa_jfast_t *fast;  /* NULL: off (COAUTHOR_JSON_FAST=0) */
    int check;          /* COAUTHOR_JSON_FAST_CHECK=1: jansson reads every work too, and must agree */
    coa_jwork_t work;   /* jansson's reading of the current work */
    unsigned long fast_works, tree_works, mismatches;
} json_works_t;

/* The dialects read from jansson's tree only. */
enum { DIALECT_ARXIV = COA_JW_CROSSREF + 1, DIALECT_S2 };

/* A year written as a number or as a string ("2020": Zotero's CSL-JSON
 * writes date parts as strings). */
static long long year_value(json_t *v)
{
    if (json_is_integer(v))
        return json_integer_value(v);
    return json_is_string(v) ? coa_jw_year_of_string(json_string_value(v)) : 0;
}

/* An OpenAlex work or a Crossref work (CSL item) from jansson's tree into
 * w, as the fast path reads it from the text; COA_ENOMEM or COA_OK. */
static int work_from_json(json_t *v, int dialect, coa_jwork_t *w)
{
    coa_jauthor_t *kept = w->authors;
    size_t cap = w->cap_authors, i;
    memset(w, 0, sizeof *w);
    w->authors = kept;
    w->cap_authors = cap;
    w->dialect = dialect;
    json_t *a;
    if (dialect == COA_JW_OPENALEX) {
        w->title = str(v, "title");
        w->display_name = str(v, "display_name");
        w->doi = str(v, "doi");
        w->id = str(v, "id");
        w->venue = str(json_object_get(json_object_get(v, "primary_location"), "source"), "display_name");
        w->years[0] = json_integer_value(json_object_get(v, "publication_year"));
        json_array_foreach(json_object_get(v, "authorships"), i, a) {
            if (!json_is_object(a))
                continue;
            coa_jauthor_t *to = coa_jw_add_author(w);
            if (!to)
                return COA_ENOMEM;
            json_t *au = json_object_get(a, "author");
            to->raw = str(a, "raw_author_name");
            to->entity = str(au, "display_name");
            to->entity_id = str(au, "id");
            to->entity_orcid = str(au, "orcid");
        }
        return COA_OK;
    }
    w->title = first_string(json_object_get(v, "title"));
    w->doi = str(v, "DOI");
    w->id = str(v, "id");
    w->venue = first_string(json_object_get(v, "container-title"));
    for (int d = 0; d < COA_JW_N_DATES; d++) {
        json_t *date = json_object_get(v, coa_jw_dates[d]);
        json_t *parts = json_array_get(json_object_get(date, "date-parts"), 0);
        w->years[3 * d] = year_value(json_array_get(parts, 0));
        /* CSL's unparsed dates: {"raw": "2019-05"}, {"literal": "2019"} */
        w->years[3 * d + 1] = year_value(json_object_get(date, "raw"));
        w->years[3 * d + 2] = year_value(json_object_get(date, "literal"));
    }
    json_array_foreach(json_object_get(v, "author"), i, a) {
        if (!json_is_object(a))
            continue;
        coa_jauthor_t *to = coa_jw_add_author(w);
        if (!to)
            return COA_ENOMEM;
        to->given = str(a, "given");
        to->dropping = str(a, "dropping-particle");
        to->non_dropping = str(a, "non-dropping-particle");
        to->family = str(a, "family");
        to->suffix = str(a, "suffix");
        to->name = str(a, "name");
        to->literal = str(a, "literal");
        to->orcid = str(a, "ORCID");
    }
    return COA_OK;
}

/* OpenAlex: the name is what the paper prints (raw_author_name); the
 * disambiguated entity (author.display_name, .id, .orcid) gives the
 * identifiers.  When the two names are different people's, the entity is
 * not trusted: the printed name is kept without the entity's identifiers
 * (which would otherwise pull the slot into the entity's person), and the
 * slot is recorded as a likely misattribution in the source. */
static int read_openalex(coa_reader_ctx_t *ctx, const coa_jwork_t *w, long line)
{
    coa_corpus_t *c = ctx->corpus;
    coa_paper_t *p = coa_corpus_open_paper(c);
    int err = set_ids(c, p, w->title ? w->title : w->display_name, w->doi, w->id);
    if (!err)
        err = coa_corpus_set_str(c, &p->venue, w->venue, 0);
    set_year(p, w->years[0]);
    for (size_t i = 0; i < w->n_authors; i++) {
        const coa_jauthor_t *a = &w->authors[i];
        const char *entity = a->entity, *printed = a->raw;
        char reordered[512];
        if (printed && *printed)
            printed = first_last(printed, reordered, sizeof reordered);
        const char *name = printed && *printed ? printed : entity;
        char orcid[128], entity_id[128];
        make_id(orcid, sizeof orcid, "orcid", a->entity_orcid);
        make_id(entity_id, sizeof entity_id, "openalex", a->entity_id);
        if (!err && name && entity && *entity && strcmp(name, entity) != 0 && !same_person_names(name, entity)) {
            err = coa_corpus_add_misattribution(c, ctx->source, (uint32_t)line, name, entity, entity_id, w->id);
            orcid[0] = entity_id[0] = '\0';
        }
        if (!err)
            err = add_author_ids(c, name, orcid, entity_id);
    }
    return err;
}

/* Crossref works, and CSL items (Crossref's works are CSL-JSON with more
 * keys).  A CSL name is given + particles + family + suffix, or a
 * "literal" (an institution, or a name the user did not split); Crossref
 * writes an organisation as "name". */
static int read_crossref(coa_reader_ctx_t *ctx, const coa_jwork_t *w)
{
    coa_corpus_t *c = ctx->corpus;
    coa_paper_t *p = coa_corpus_open_paper(c);
    int err = set_unique(c, &p->title, w->title);
    if (!err)
        err = set_unique(c, &p->doi, w->doi);
    if (!err)
        err = coa_corpus_set_str(c, &p->venue, w->venue, 0);
    if (!err && ctx->json && ctx->json->csl)
        err = set_unique(c, &p->key, w->id);
    for (int k = 0; k < 3 * COA_JW_N_DATES; k++)
        set_year(p, w->years[k]);
    for (size_t i = 0; i < w->n_authors && !err; i++) {
        const coa_jauthor_t *a = &w->authors[i];
        const char *org = a->name ? a->name : a->literal;
        char id[128];
        make_id(id, sizeof id, "orcid", a->orcid);
        if (a->family && *a->family) {
            const char *part[5] = {a->given, a->dropping, a->non_dropping, a->family, a->suffix};
            size_t n = 1;
            for (int k = 0; k < 5; k++)
                n += part[k] ? strlen(part[k]) + 1 : 0;
            char *name = malloc(n), *o = name;
            if (!name)
                return COA_ENOMEM;
            for (int k = 0; k < 5; k++) {
                if (!part[k] || !*part[k])
                    continue;
                if (o > name)
                    *o++ = ' ';
                size_t m = strlen(part[k]);
                memcpy(o, part[k], m);
                o += m;
            }
            *o = '\0';
            err = add_author(c, name, id);
            free(name);
        } else if (org) {
            err = coa_corpus_paper_add_author_ex(c, org, strlen(org), NULL, COA_ADD_ORGANISATION, NULL);
            if (err == COA_EINVAL)
                err = COA_OK;
        } else if (a->given) {
            err = add_author(c, a->given, id); /* a mononym */
        }
    }
    return err;
}

static int read_arxiv(coa_reader_ctx_t *ctx, json_t *w)
{
    coa_corpus_t *c = ctx->corpus;
    coa_paper_t *p = coa_corpus_open_paper(c);
    char key[160] = "";
    if (str(w, "id"))
        snprintf(key, sizeof key, "arXiv:%s", str(w, "id"));
    int err = set_ids(c, p, str(w, "title"), str(w, "doi"), key);
    if (!err && str(w, "categories")) {
        char cat[32];
        snprintf(cat, sizeof cat, "%s", str(w, "categories"));
        cat[strcspn(cat, " ")] = '\0';
        err = coa_corpus_set_str(c, &p->category, cat, 0);
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

static int read_s2(coa_reader_ctx_t *ctx, json_t *w)
{
    coa_corpus_t *c = ctx->corpus;
    coa_paper_t *p = coa_corpus_open_paper(c);
    int err = set_ids(c, p, str(w, "title"), str(json_object_get(w, "externalIds"), "DOI"), str(w, "paperId"));
    if (!err)
        err = coa_corpus_set_str(c, &p->venue, str(w, "venue"), 0);
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

/* The dialect of a work: COA_JW_*, DIALECT_*, or 0 (none). */
static int dialect_of(coa_reader_ctx_t *ctx, json_t *w)
{
    if (ctx->json && ctx->json->csl)
        return COA_JW_CROSSREF; /* every item, with authors or not */
    if (json_is_array(json_object_get(w, "authorships")))
        return COA_JW_OPENALEX;
    if (json_is_array(json_object_get(w, "authors_parsed")))
        return DIALECT_ARXIV;
    if (json_is_array(json_object_get(w, "authors")))
        return DIALECT_S2;
    if (json_is_array(json_object_get(w, "author")) || json_object_get(w, "DOI"))
        return COA_JW_CROSSREF;
    return 0;
}

/* The dialect when read_value reads v as one work, else 0 (an ORCID
 * response, an array, an envelope, a list response, or not a work). */
static int work_dialect(coa_reader_ctx_t *ctx, json_t *v, int depth)
{
    if (!json_is_object(v) || coa_orcid_json_is(v))
        return 0;
    if (depth < 2 && (json_is_object(json_object_get(v, "message")) ||
                      (json_is_array(json_object_get(v, "results")) && !json_object_get(v, "authorships"))))
        return 0;
    return dialect_of(ctx, v);
}

/* Adds one work: from the fast path's w, or from jansson's v. */
static int read_work(coa_reader_ctx_t *ctx, int dialect, json_t *v, const coa_jwork_t *w, long line)
{
    coa_corpus_t *c = ctx->corpus;
    int err;
    if (!w && (dialect == COA_JW_OPENALEX || dialect == COA_JW_CROSSREF)) {
        if ((err = work_from_json(v, dialect, &ctx->json->works->work)))
            return err;
        w = &ctx->json->works->work;
    }
    if ((err = coa_corpus_paper_begin(c, ctx->source, (uint32_t)line, NULL)))
        return err;
    switch (dialect) {
    case COA_JW_OPENALEX:
        err = read_openalex(ctx, w, line);
        break;
    case COA_JW_CROSSREF:
        err = read_crossref(ctx, w);
        break;
    case DIALECT_ARXIV:
        err = read_arxiv(ctx, v);
        break;
    default:
        err = read_s2(ctx, v);
        break;
    }
    if (err) {
        coa_corpus_paper_abort(c);
        return err;
    }
    coa_paper_t *p = coa_corpus_open_paper(c);
    if (ctx->json && ctx->json->csl && p && p->n_authorships == 0) {
        /* a CSL item with no author (editors only, a web page, an empty
         * list): not a paper of the network; counted in a note, as the
         * BibTeX reader does */
        coa_corpus_paper_abort(c);
        ctx->json->no_authors++;
        ctx->no_authors++; /* counted as skipped in the summary */
        return COA_OK;
    }
    coa_corpus_paper_end(c);
    c->sources[ctx->source].records++;
    return COA_OK;
}

/* Reads one work (or a Crossref envelope, an OpenAlex list response, an
 * ORCID response, or an array of works). */
static int read_value(coa_reader_ctx_t *ctx, json_t *v, long line, int depth)
{
    int err = COA_OK, dialect = work_dialect(ctx, v, depth);
    if (dialect) {
        ctx->json->works->tree_works++;
        return read_work(ctx, dialect, v, NULL, line);
    }
    if (coa_orcid_json_is(v))
        return coa_orcid_json_read(ctx, v, line);
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
    /* an OpenAlex API list response: {"meta": {...}, "results": [...]} */
    json_t *results = json_object_get(v, "results");
    if (json_is_array(results) && depth < 2 && !json_object_get(v, "authorships"))
        return read_value(ctx, results, line, depth + 1);
    return coa_reader_skip(ctx, line,
                           "a JSON object without authors (no 'authorships', 'authors_parsed', 'authors' or "
                           "'author')");
}

/* Tries the fast path on text[0..len), one value as jansson would be
 * given it: 1 when it read the value (added to the corpus, or in check
 * mode *fast set for check_fast), 0 when jansson is to read it, or
 * -error. */
static int read_fast(coa_reader_ctx_t *ctx, const char *text, size_t len, long line, const coa_jwork_t **fast)
{
    json_works_t *jw = ctx->json->works;
    *fast = NULL;
    if (!jw->fast)
        return 0;
    const coa_jwork_t *w;
    int r = coa_jfast_work(jw->fast, text, len, ctx->json->csl, &w);
    if (r < 0)
        return -COA_ENOMEM;
    if (r == 0)
        return 0;
    jw->fast_works++;
    if (jw->check) {
        *fast = w;
        return 0;
    }
    int err = read_work(ctx, w->dialect, NULL, w, line);
    return err ? -err : 1;
}

/* Check mode: jansson's reading of the value the fast path read (v, NULL
 * when jansson refuses it) must be the same work. */
static int check_fast(coa_reader_ctx_t *ctx, const coa_jwork_t *fast, json_t *v, int depth, long line)
{
    json_works_t *jw = ctx->json->works;
    char detail[300];
    const char *what;
    int dialect = v ? work_dialect(ctx, v, depth) : 0;
    if (!v) {
        what = "validity";
        snprintf(detail, sizeof detail, "jansson refuses the text");
    } else if (dialect != fast->dialect) {
        what = "the kind of value";
        snprintf(detail, sizeof detail, "dialect %d / %d", fast->dialect, dialect);
    } else {
        int err = work_from_json(v, dialect, &jw->work);
        if (err)
            return err;
        what = coa_jw_diff(fast, &jw->work, detail, sizeof detail);
    }
    if (what) {
        jw->mismatches++;
        coa_diag(ctx->diag, COA_DIAG_ERROR, ctx->in->name, line,
                 "internal error: the JSON fast path and jansson differ in %s: %s", what, detail);
    }
    return COA_OK;
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
    size_t pos = coa_json_skip_ws((const unsigned char *)data, len, 0);
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
        next = coa_json_skip_ws((const unsigned char *)data, len, next);
        line += count_lines(data, pos, next);
        pos = next;
    }
    free(data);
    return err;
}

/* One JSON array of works (a CSL-JSON library, an API batch), read item
 * by item as it streams in: the array's text is never held whole (a
 * 179 MB array took 1.9 GB when it was), a broken item costs only itself,
 * and each item is located at its line.  A small scanner finds where each
 * item ends (brackets and braces counted outside strings), jansson parses
 * that item alone, and its bytes are dropped.  An item whose brackets do
 * not balance ends where the next line starts, at the first item's
 * indentation, with '{' (exporters put one item per indented block), and
 * reading resumes there.  An item longer than COA_JSON_MAX_RECORD is
 * skipped, scanned through without being kept. */
#define COA_JSON_MAX_RECORD ((size_t)64 << 20)

typedef struct {
    coa_input_t *in;
    char *buf;
    size_t cap, start, pos, end; /* buf[start..end) is read; pos is the scan */
    long line;                   /* the line of buf[pos] */
    int eof;
    /* check mode (COAUTHOR_JSON_CHECK=1, for fuzz_json_array): every byte
     * is kept, and the items read are compared with jansson's reading of
     * the whole array at the end */
    char *all;
    size_t all_len, all_cap;
    json_t *items;
} jstream_t;

/* Reads more into the buffer, dropping what is before 'start'; -1 on a
 * read error, 0 at the end, else 1. */
static int js_more(jstream_t *js)
{
    if (js->eof)
        return 0;
    if (js->start > 0) {
        memmove(js->buf, js->buf + js->start, js->end - js->start);
        js->pos -= js->start;
        js->end -= js->start;
        js->start = 0;
    }
    if (js->cap - js->end < (1u << 16)) {
        size_t cap = js->cap ? js->cap * 2 : 1u << 17;
        char *p = realloc(js->buf, cap + 1);
        if (!p)
            return -2;
        js->buf = p;
        js->cap = cap;
    }
    long got = coa_input_read_raw(js->in, js->buf + js->end, js->cap - js->end);
    if (got < 0)
        return -1;
    if (got == 0) {
        js->eof = 1;
        return 0;
    }
    if (js->items) {
        if (js->all_len + (size_t)got > js->all_cap) {
            size_t cap = (js->all_len + (size_t)got) * 2;
            char *p = realloc(js->all, cap);
            if (!p)
                return -2;
            js->all = p;
            js->all_cap = cap;
        }
        memcpy(js->all + js->all_len, js->buf + js->end, (size_t)got);
        js->all_len += (size_t)got;
    }
    js->end += (size_t)got;
    return 1;
}

/* Check mode: when the whole input is one valid JSON array, its items must
 * be exactly those the scanner found, in order. */
static void js_check(coa_reader_ctx_t *ctx, jstream_t *js)
{
    json_error_t jerr;
    json_t *whole = json_loadb(js->all ? js->all : "", js->all_len, 0, &jerr);
    if (json_is_array(whole) &&
        (json_array_size(whole) != json_array_size(js->items) || !json_equal(whole, js->items)))
        coa_diag(ctx->diag, COA_DIAG_ERROR, ctx->in->name, 0,
                 "internal error: the streamed JSON array and jansson differ (%zu items streamed, %zu in the "
                 "array)",
                 json_array_size(js->items), json_array_size(whole));
    json_decref(whole);
}

/* The next byte at pos (reading more as needed), or -1 at the end, -2
 * out of memory, -3 on a read error. */
static int js_peek(jstream_t *js)
{
    while (js->pos == js->end) {
        int r = js_more(js);
        if (r <= 0)
            return r == 0 ? -1 : r == -2 ? -2 : -3;
    }
    return (unsigned char)js->buf[js->pos];
}

static void js_skip_ws(jstream_t *js)
{
    int ch;
    while ((ch = js_peek(js)) == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
        js->line += ch == '\n';
        js->pos++;
        js->start = js->pos;
    }
}

/* Scans one item from pos: 1 when it ends, with buf[start..pos) its text
 * (or *skipped set when it grew past the limit and was dropped on the
 * way), 2 when it was cut at a line that starts the next item (see
 * above), 0 at the end of input inside it, or a negative js_peek code.
 * With depth > 0, pos is that deep inside a container already, between
 * its members: the scan goes on to the container's end. */
static int js_value(jstream_t *js, size_t indent, int depth, int *skipped)
{
    int in_str = 0, esc = 0, ch;
    size_t col = (size_t)-1; /* spaces since the last newline, while only spaces */
    *skipped = 0;
    int first = js_peek(js);
    int container = depth > 0 || first == '{' || first == '[';
    if (!container && first >= 0 && first != '"')
        js->pos++; /* a scalar, or a stray '}' or ',': at least one byte, so that reading moves on */
    while ((ch = js_peek(js)) >= 0) {
        if (js->pos - js->start > COA_JSON_MAX_RECORD) {
            *skipped = 1;
            js->start = js->pos; /* keep scanning, keep nothing */
        }
        if (col != (size_t)-1) {
            if (ch == ' ' || ch == '\t')
                col++;
            else if (ch == '{' && col == indent)
                return 2;
            else
                col = (size_t)-1;
        }
        if (in_str) {
            if (esc)
                esc = 0;
            else if (ch == '\\')
                esc = 1;
            else if (ch == '"')
                in_str = 0;
        } else if (ch == '"') {
            in_str = 1;
        } else if (ch == '{' || ch == '[') {
            depth++;
        } else if (ch == '}' || ch == ']') {
            if (!container)
                return 1; /* the array's end after a scalar */
            depth--;
        } else if (!container && (ch == ',' || ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n')) {
            return 1;
        }
        if (ch == '\n') {
            js->line++;
            col = 0;
        }
        js->pos++;
        if (container && depth == 0)
            return 1;
        if (!container && first == '"' && !in_str && js->pos - js->start > 1)
            return 1;
    }
    return ch == -1 ? 0 : ch;
}

/* Reads the items of the array at pos (its '['), up to its ']' or the end
 * of input, each as read_value reads an array's items at 'depth' (a
 * top-level array's: 1; a list response's results: 2), its work located
 * at its own line, or at 'at' when that is not 0 (a bad item is always
 * reported at its own).  *ch gets the byte that ended the
 * array (']'), or -1 at the end of input inside it, or a negative js_peek
 * code. */
static int js_items(coa_reader_ctx_t *ctx, jstream_t *js, int depth, long at, int *ch)
{
    int err = COA_OK;
    size_t indent = (size_t)-1;
    js->pos++; /* the '[' */
    js->start = js->pos;
    for (;;) {
        js_skip_ws(js);
        if ((*ch = js_peek(js)) == ',') {
            js->pos++;
            js->start = js->pos;
            js_skip_ws(js);
            *ch = js_peek(js);
        }
        if (*ch == ']' || *ch < 0)
            break;
        if (indent == (size_t)-1) {
            size_t b = js->pos; /* the first item's indentation, as far as it is in the buffer */
            while (b > 0 && js->buf[b - 1] != '\n')
                b--;
            indent = js->pos - b;
        }
        long line = js->line, work_line = at ? at : line;
        int skipped;
        int r = js_value(js, indent, 0, &skipped);
        if (r < 0) {
            *ch = r;
            break;
        }
        if (skipped) {
            err = coa_reader_skip(ctx, line, "a JSON array item longer than %zu bytes", COA_JSON_MAX_RECORD);
        } else {
            json_error_t jerr;
            size_t n = js->pos - js->start;
            const coa_jwork_t *fast = NULL;
            int done = r == 1 && !js->items ? read_fast(ctx, js->buf + js->start, n, work_line, &fast) : 0;
            json_t *v = r == 0 || done ? NULL : json_loadb(js->buf + js->start, n, JSON_DECODE_ANY, &jerr);
            if (fast)
                done = -check_fast(ctx, fast, v, depth, work_line);
            if (done) {
                err = done < 0 ? -done : COA_OK;
                json_decref(v);
            } else if (r == 0) {
                *ch = -1; /* the file ends inside the item */
            } else if (!v) {
                long l = line + (jerr.line > 1 ? jerr.line - 1 : 0);
                err = coa_reader_skip(ctx, l, "invalid JSON: %s (in the item from line %ld)", jerr.text, line);
            } else {
                err = read_value(ctx, v, work_line, depth);
                if (js->items)
                    json_array_append(js->items, v);
                json_decref(v);
            }
        }
        js->start = js->pos;
        if (err || r == 0)
            break;
    }
    if (*ch == ']') {
        js->pos++;
        js->start = js->pos;
    }
    return err;
}

/* The error of a stream that stopped at *ch (see js_items), or COA_OK. */
static int js_end_error(coa_reader_ctx_t *ctx, jstream_t *js, int ch, const char *inside)
{
    if (ch == -1)
        return coa_reader_skip(ctx, js->line, "the file ends inside the %s", inside);
    if (ch == -2)
        return COA_ENOMEM;
    if (ch == -3)
        return ctx->in->error ? ctx->in->error : COA_EIO;
    return COA_OK;
}

static int read_array_streamed(coa_reader_ctx_t *ctx)
{
    jstream_t js = {ctx->in, NULL, 0, 0, 0, 0, 1, 0, NULL, 0, 0, NULL};
    int err, ch;
    const char *check = getenv("COAUTHOR_JSON_CHECK");
    if (check && strcmp(check, "1") == 0 && !(js.items = json_array()))
        return COA_ENOMEM;
    js_skip_ws(&js);
    err = js_items(ctx, &js, 1, 0, &ch);
    if (js.items) {
        /* the rest of the input, for the comparison */
        while (!err && js_more(&js) > 0)
            js.start = js.end;
        js_check(ctx, &js);
        json_decref(js.items);
        free(js.all);
    }
    if (!err)
        err = js_end_error(ctx, &js, ch, "JSON array");
    free(js.buf);
    return err;
}

/* ---- OpenAlex list responses, streamed ---- */

/* Skips white space at pos, keeping what is before it (js_skip_ws drops
 * it): inside a value that may yet be handed to jansson whole. */
static void js_skip_ws_kept(jstream_t *js)
{
    int ch;
    while ((ch = js_peek(js)) == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
        js->line += ch == '\n';
        js->pos++;
    }
}

/* Reads buf[start..pos), one whole top-level value, as the JSON Lines
 * path reads a line: the fast path, else jansson. */
static int js_whole(coa_reader_ctx_t *ctx, jstream_t *js, long line)
{
    json_error_t jerr;
    const coa_jwork_t *fast;
    int done = read_fast(ctx, js->buf + js->start, js->pos - js->start, line, &fast);
    json_t *v = done ? NULL : json_loadb(js->buf + js->start, js->pos - js->start, 0, &jerr);
    js->start = js->pos;
    if (fast)
        done = -check_fast(ctx, fast, v, 0, line);
    if (done) {
        json_decref(v);
        return done < 0 ? -done : COA_OK;
    }
    if (!v) {
        long at = line + (jerr.line > 1 ? jerr.line - 1 : 0);
        return coa_reader_skip(ctx, at, "invalid JSON: %s (in the value from line %ld)", jerr.text, line);
    }
    int err = read_value(ctx, v, line, 0);
    json_decref(v);
    return err;
}

/* One top-level object from pos (its '{'), which began at 'line'.  An
 * OpenAlex list response, {"meta": {...}, "results": [...], ...}, has its
 * results read item by item as they stream in, as a top-level array's
 * are: one page of 200 works (about 1.5 MB) or an export of thousands
 * never sits whole in memory, nor as jansson's tree (about ten times the
 * text).  The object is taken for one when "results" holds an array and
 * no key but "meta" comes before it (OpenAlex's order), so that the keys
 * which would make it something else (a work's "authorships", an
 * envelope's "message", an ORCID response's) are not there; the keys
 * after the results are scanned through and not read.  Anything else is
 * kept and read whole, as read_concatenated reads it.  The works are
 * located at 'line', where the response begins, as before. */
static int js_object(coa_reader_ctx_t *ctx, jstream_t *js, long line, int *ch)
{
    int skipped = 0, r, only_meta = 1;
    js->pos++; /* the '{' */
    for (;;) {
        js_skip_ws_kept(js);
        *ch = js_peek(js);
        if (*ch == ',') {
            js->pos++;
            continue;
        }
        if (*ch != '"')
            break; /* the end, or not an object's member */
        size_t key = js->pos - js->start; /* offsets: the buffer moves */
        if ((r = js_value(js, (size_t)-1, 0, &skipped)) != 1 || skipped)
            break;
        size_t key_len = js->pos - js->start - key;
        js_skip_ws_kept(js);
        if ((*ch = js_peek(js)) != ':')
            break;
        js->pos++;
        js_skip_ws_kept(js);
        *ch = js_peek(js);
        if (only_meta && *ch == '[' && key_len == 9 && memcmp(js->buf + js->start + key, "\"results\"", 9) == 0) {
            int err = js_items(ctx, js, 2, line, ch);
            if (err || *ch != ']')
                return err || *ch < -1 ? err : js_end_error(ctx, js, *ch, "OpenAlex list response");
            /* the keys after the results: scanned through, not kept */
            r = js_value(js, 0, 1, &skipped);
            js->start = js->pos;
            *ch = r < 0 ? r : 0;
            if (r == 2) /* cut where a line starts with '{' */
                return coa_reader_skip(ctx, line, "the OpenAlex list response does not close before line %ld",
                                       js->line);
            return r == 0 ? js_end_error(ctx, js, -1, "OpenAlex list response") : COA_OK;
        }
        only_meta &= key_len == 6 && memcmp(js->buf + js->start + key, "\"meta\"", 6) == 0;
        if ((r = js_value(js, (size_t)-1, 0, &skipped)) != 1 || skipped)
            break;
    }
    if (*ch < -1)
        return COA_OK; /* out of memory or a read error: the caller's to report */
    if (*ch == '}') {
        js->pos++;
        *ch = 0;
        return js_whole(ctx, js, line);
    }
    *ch = 0;
    if (skipped) { /* past the size limit, and dropped: on to the object's end */
        r = js_value(js, 0, 1, &skipped);
        js->start = js->pos;
        *ch = r < 0 ? r : 0;
        return coa_reader_skip(ctx, line, "a JSON value longer than %zu bytes", COA_JSON_MAX_RECORD);
    }
    /* not an object's member where one should be, or the end of input:
     * scanned again from the '{' as one value (it ends at a line that
     * starts with '{', as read_concatenated resumes), and jansson says
     * what is wrong */
    js->pos = js->start;
    js->line = line;
    r = js_value(js, 0, 0, &skipped);
    if (r < 0) {
        *ch = r;
        return COA_OK;
    }
    if (skipped) {
        js->start = js->pos;
        return coa_reader_skip(ctx, line, "a JSON value longer than %zu bytes", COA_JSON_MAX_RECORD);
    }
    return js_whole(ctx, js, line);
}

/* JSON values one after another, the first of them an OpenAlex list
 * response (see read_json): each object as js_object reads it, each array
 * as a top-level array, anything else through jansson. */
static int read_values_streamed(coa_reader_ctx_t *ctx)
{
    jstream_t js = {ctx->in, NULL, 0, 0, 0, 0, 1, 0, NULL, 0, 0, NULL};
    int err = COA_OK, ch = 0;
    if (js_peek(&js) == 0xEF && js.end >= 3 && memcmp(js.buf, "\xEF\xBB\xBF", 3) == 0)
        js.pos = js.start = 3; /* a byte order mark, as coa_json_skip_ws skips it */
    js_skip_ws(&js);
    while (!err && ch >= 0 && (ch = js_peek(&js)) >= 0) {
        long line = js.line;
        if (ch == '{') {
            err = js_object(ctx, &js, line, &ch);
        } else if (ch == '[') {
            err = js_items(ctx, &js, 1, 0, &ch);
            if (!err && ch == -1)
                err = js_end_error(ctx, &js, ch, "JSON array");
            ch = ch == -1 ? 0 : ch;
        } else {
            /* not a JSON object or array: up to the next line that starts
             * one, as read_concatenated resumes, and jansson says what */
            int prev = 0;
            while ((ch = js_peek(&js)) >= 0 && !(prev == '\n' && (ch == '{' || ch == '['))) {
                js.line += ch == '\n';
                js.pos++;
                prev = ch;
                if (js.pos - js.start > COA_JSON_MAX_RECORD)
                    js.start = js.pos - 64; /* what jansson is shown of it */
            }
            ch = ch < -1 ? ch : 0;
            err = js_whole(ctx, &js, line);
        }
        if (ch >= 0)
            js_skip_ws(&js);
    }
    if (!err && ch < -1)
        err = js_end_error(ctx, &js, ch, "");
    free(js.buf);
    return err;
}

/* True when the first line of the head starts a JSON value that it does
 * not finish: the works are printed over several lines. */
static int spans_lines(const unsigned char *head, size_t len)
{
    size_t i = coa_json_skip_ws(head, len, 0);
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

/* Does the head start an OpenAlex list response: an object whose first
 * key is "meta" or "results"?  Such a file (a page of the API, pretty or
 * on one line, or pages one after another) is streamed: a page longer
 * than a line may be (1 MiB) was skipped on one line, and read whole into
 * memory over several. */
static int list_response_head(const unsigned char *head, size_t len)
{
    size_t i = coa_json_skip_ws(head, len, 1);
    static const char *const keys[] = {"\"meta\"", "\"results\""};
    for (size_t k = 0; k < 2; k++) {
        size_t n = strlen(keys[k]);
        if (len - i >= n && memcmp(head + i, keys[k], n) == 0) {
            size_t j = coa_json_skip_ws(head, len, i + n);
            return j < len && head[j] == ':';
        }
    }
    return 0;
}

static int read_json(coa_reader_ctx_t *ctx)
{
    const unsigned char *head;
    size_t len;
    int err = coa_input_peek(ctx->in, 1u << 16, &head, &len);
    if (err)
        return err;
    json_error_t jerr;
    size_t i = coa_json_skip_ws(head, len, 0);
    const char *check = getenv("COAUTHOR_JSON_CHECK");
    if (i < len && head[i] == '{' && list_response_head(head + i, len - i) && !(check && strcmp(check, "1") == 0))
        return read_values_streamed(ctx);
    if (i < len && head[i] == '{' && spans_lines(head, len))
        return read_concatenated(ctx);
    if (i < len && head[i] == '[')
        return read_array_streamed(ctx);
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
        const coa_jwork_t *fast;
        int done = read_fast(ctx, line, n, lineno, &fast);
        if (done < 0)
            return -done;
        if (done)
            continue;
        json_t *v = json_loadb(line, n, 0, &jerr);
        if (fast && (err = check_fast(ctx, fast, v, 0, lineno))) {
            json_decref(v);
            return err;
        }
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

/* The JSON readers share read_json; what differs is kept in the context
 * (CSL-JSON: every item is a CSL item, and one without authors is left
 * out and counted in a note). */
static int read_with(coa_reader_ctx_t *ctx, int csl)
{
    json_works_t works;
    memset(&works, 0, sizeof works);
    const char *env = getenv("COAUTHOR_JSON_FAST");
    if (!(env && strcmp(env, "0") == 0) && !(works.fast = coa_jfast_new()))
        return COA_ENOMEM;
    env = getenv("COAUTHOR_JSON_FAST_CHECK");
    works.check = env && strcmp(env, "1") == 0;
    coa_json_state_t state = {csl, 0, &works};
    ctx->json = &state;
    int err = read_json(ctx);
    ctx->json = NULL;
    if (works.check)
        coa_diag(ctx->diag, COA_DIAG_NOTE, ctx->in->name, 0,
                 "JSON check: the fast path read %lu work%s, jansson alone %lu; %lu differ%s", works.fast_works,
                 works.fast_works == 1 ? "" : "s", works.tree_works - works.fast_works, works.mismatches,
                 works.mismatches == 1 ? "s" : "");
    coa_jfast_free(works.fast);
    free(works.work.authors);
    if (state.no_authors)
        coa_diag(ctx->diag, COA_DIAG_NOTE, ctx->in->name, 0, "%lu item%s without authors (editors only, or none) left out",
                 state.no_authors, state.no_authors == 1 ? "" : "s");
    return err;
}

int coa_read_jsonl(coa_reader_ctx_t *ctx)
{
    return read_with(ctx, 0);
}

int coa_read_csljson(coa_reader_ctx_t *ctx)
{
    return read_with(ctx, 1);
}

/* What 'coauthor formats --help' says of the JSON works and CSL-JSON (coa_formats_help). */
const char coa_help_jsonl[] =
    "JSON (documented at docs.openalex.org, api.crossref.org, citeproc-js.readthedocs.io,\n"
    "info.orcid.org/documentation and github.com/ORCID/orcid-model):\n"
    "  - jsonl: OpenAlex works (one a line, a list response {meta, results}, or\n"
    "    one work), Crossref, arXiv and Semantic Scholar.  OpenAlex: the name is\n"
    "    the printed raw_author_name; author.orcid, else author.id, is the\n"
    "    identifier; where the printed name and the entity's display_name are\n"
    "    different people's (no word in common), the entity is not used and\n"
    "    'coauthor names' lists the slot as a likely misattribution;\n"
    "  - csl-json: names are given + particles + family, or 'literal' (an\n"
    "    organisation); the year is issued.date-parts; an item without authors\n"
    "    is left out with a note, and counted as skipped in the summary line;\n";
