/*
 * ORCID public API v3.0 responses (info.orcid.org/documentation, the
 * orcid-model XSDs at github.com/ORCID/orcid-model, src/main/resources/
 * record_3.0), in JSON and in XML:
 *
 *   the record           /v3.0/{orcid}/record: orcid-identifier, person.name,
 *                        activities-summary.works.group[]
 *   works summaries      /v3.0/{orcid}/works: group[].work-summary[]
 *   bulk works           /v3.0/{orcid}/works/{put-code,...}: bulk[].work
 *                        (or bulk[].error), each with contributors
 *   one work             /v3.0/{orcid}/work/{put-code}
 *
 * A group is one work as several sources claim it (the researcher, Crossref,
 * Scopus, Web of Science...), grouped by ORCID through shared external
 * identifiers: so a group is one paper.  Its title, year and venue are those
 * of its preferred summary (the highest display-index), its DOI the group's.
 *
 * The record's owner is an author of each of its works.  A summary lists no
 * contributors, so there the owner is the paper's one author, inferred (as
 * the profile reader infers an owner hidden behind "et al.").  A full work
 * lists contributors: the owner is the contributor with the owner's ORCID,
 * else the one whose name has the owner's match key, else is added,
 * inferred.  Every authorship of the owner carries "orcid:" + the owner's
 * iD.  The owner's name is the record's person.name; a /works response has
 * none, so it is the source-name of the summaries the owner added (their
 * source-orcid is the owner), else the iD itself.
 *
 * The XML is turned into the shape of the JSON (an element is an object
 * keyed by child local names, a repeated child an array, a text-only
 * element its text, attributes plain keys) so that one reader serves both.
 * The XML is read a part at a time (libxml2's xmlTextReader): each group
 * of a record or a /works response, each work or error of a bulk
 * response, is made into JSON, read, and freed, and so is every other
 * child of the root (orcid-identifier, person...); parts of a record that
 * are not works (educations, employments...) are passed over unbuilt.
 * Until the owner can be told (its iD and its name, usually from the
 * first part), parts wait in memory.  One part may be at most
 * ORCID_XML_MAX_PART bytes of XML: a longer one stops the read with an
 * error.  A root of another kind (one work) is read whole, within the
 * same limit.
 * xmlTextReader stops at the first XML error, so a document that fits in
 * ORCID_XML_WHOLE bytes is parsed whole instead, with libxml2's recovery:
 * an error there costs only what it breaks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "corpus/internal.h"

#include <libxml/xmlreader.h>

#include "readers.h"

/* Tree and JSON take about 11 times the text; a group or a work is a few
 * KB, and a work with a thousand contributors about 500 KB. */
#define ORCID_XML_MAX_PART ((uint64_t)8 << 20)
#define ORCID_XML_WHOLE ((size_t)8 << 20)

/* ---- access to either shape ---- */

static json_t *get(json_t *o, const char *key)
{
    return json_object_get(o, key); /* NULL for a non-object */
}

/* A string, or {"value": string} (JSON), or an element's text (XML). */
static const char *text(json_t *v)
{
    if (json_is_object(v))
        v = json_object_get(v, "value");
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* A list in JSON is an array; in XML a child that occurs once is not. */
static size_t count_of(json_t *v)
{
    return json_is_array(v) ? json_array_size(v) : v ? 1 : 0;
}

static json_t *item_of(json_t *v, size_t i)
{
    return json_is_array(v) ? json_array_get(v, i) : v;
}

/* The line an XML element started on (its "@line"), else 'line'. */
static long line_of(json_t *v, long line)
{
    json_t *l = get(v, "@line");
    return json_is_integer(l) && json_integer_value(l) > 0 ? (long)json_integer_value(l) : line;
}

/* "0000-0002-8783-5128" from "/0000-0002-8783-5128/works", a bare iD or
 * an iD URI; "" when it is not an ORCID iD. */
static void orcid_of(const char *s, char out[20])
{
    out[0] = '\0';
    if (!s)
        return;
    const char *p = strstr(s, "orcid.org/");
    if (p)
        s = p + 10;
    while (*s == '/')
        s++;
    for (int i = 0; i < 19; i++) {
        char ch = s[i];
        int dash = i == 4 || i == 9 || i == 14;
        if (dash ? ch != '-' : !((ch >= '0' && ch <= '9') || (i == 18 && ch == 'X')))
            return;
    }
    if (s[19] && s[19] != '/')
        return;
    memcpy(out, s, 19);
    out[19] = '\0';
}

/* ---- which response ---- */

static int is_works_summary(json_t *v)
{
    json_t *group = get(v, "group");
    return count_of(group) > 0 ? get(item_of(group, 0), "work-summary") != NULL : 0;
}

static json_t *bulk_of(json_t *v)
{
    json_t *b = get(v, "bulk");
    if (b)
        return b;
    json_t *root = get(v, "@root");
    return json_is_string(root) && strcmp(json_string_value(root), "bulk") == 0 ? v : NULL;
}

static int is_work(json_t *v)
{
    return get(v, "put-code") && get(v, "title") && !get(v, "work-summary");
}

int coa_orcid_json_is(void *value)
{
    json_t *v = value;
    if (!json_is_object(v))
        return 0;
    return get(v, "orcid-identifier") || get(v, "activities-summary") || is_works_summary(v) ||
           json_is_array(get(v, "bulk")) || (is_work(v) && get(v, "path"));
}

/* ---- the owner ---- */

typedef struct {
    char orcid[20];
    char *name;       /* malloc'ed */
    char *key;        /* its match key, malloc'ed */
    char id[32];      /* "orcid:..." */
} owner_t;

static void owner_destroy(owner_t *o)
{
    free(o->name);
    free(o->key);
}

/* Summaries the owner added name the owner as their source. */
static const char *name_from_sources(json_t *summaries, const char *orcid)
{
    for (size_t i = 0; i < count_of(summaries); i++) {
        json_t *src = get(item_of(summaries, i), "source");
        char so[20];
        orcid_of(text(get(get(src, "source-orcid"), "path")), so);
        if (*so && strcmp(so, orcid) == 0 && text(get(src, "source-name")))
            return text(get(src, "source-name"));
    }
    return NULL;
}

static const char *name_from_contributors(json_t *work, const char *orcid)
{
    json_t *list = get(get(work, "contributors"), "contributor");
    for (size_t i = 0; i < count_of(list); i++) {
        json_t *ct = item_of(list, i);
        char co[20];
        orcid_of(text(get(get(ct, "contributor-orcid"), "path")), co);
        if (*co && strcmp(co, orcid) == 0 && text(get(ct, "credit-name")))
            return text(get(ct, "credit-name"));
    }
    return NULL;
}

static int owner_set_name(owner_t *o, const char *name)
{
    if (o->name || !name || !*name)
        return COA_OK;
    if (!(o->name = strdup(name)))
        return COA_ENOMEM;
    int err = coa_name_key(o->name, strlen(o->name), &o->key);
    if (err == COA_EINVAL) {
        free(o->name);
        o->name = NULL;
        return COA_OK;
    }
    return err;
}

/* ---- papers ---- */

static const char *doi_in(json_t *ids)
{
    json_t *list = get(ids, "external-id");
    for (size_t i = 0; i < count_of(list); i++) {
        json_t *e = item_of(list, i);
        const char *type = text(get(e, "external-id-type")), *rel = text(get(e, "external-id-relationship"));
        if (type && strcmp(type, "doi") == 0 && (!rel || strcmp(rel, "self") == 0))
            return text(get(e, "external-id-value"));
    }
    return NULL;
}

/* Title, DOI, year, venue and key of a work or a work summary. */
static int paper_fields(coa_corpus_t *c, json_t *w, json_t *group_ids)
{
    coa_paper_t *p = coa_corpus_open_paper(c);
    int err = coa_corpus_set_str(c, &p->title, text(get(get(w, "title"), "title")), 0);
    const char *doi = doi_in(group_ids);
    if (!err)
        err = coa_corpus_set_str(c, &p->doi, doi ? doi : doi_in(get(w, "external-ids")), 0);
    if (!err)
        err = coa_corpus_set_str(c, &p->venue, text(get(w, "journal-title")), 0);
    if (!err)
        err = coa_corpus_set_str(c, &p->key, text(get(w, "path")), 0);
    const char *year = text(get(get(w, "publication-date"), "year"));
    if (year && !p->year) {
        int y = atoi(year);
        if (y > 0 && y < 10000)
            p->year = (int16_t)y;
    }
    return err;
}

static int add_owner(coa_reader_ctx_t *ctx, const owner_t *o, int inferred)
{
    int added = 0;
    int err = coa_corpus_paper_add_author_ex(ctx->corpus, o->name, strlen(o->name), o->id,
                                             inferred ? COA_ADD_INFERRED : 0, &added);
    if (err == COA_EINVAL)
        return COA_OK;
    if (inferred)
        ctx->corpus->sources[ctx->source].inferred += (uint32_t)added;
    return err;
}

/* Ends the open paper as a record of the source, or drops it on an error. */
static int end_record(coa_reader_ctx_t *ctx, int err)
{
    if (err) {
        coa_corpus_paper_abort(ctx->corpus);
        return err;
    }
    coa_corpus_paper_end(ctx->corpus);
    ctx->corpus->sources[ctx->source].records++;
    return COA_OK;
}

static int read_group(coa_reader_ctx_t *ctx, const owner_t *o, json_t *group, long line)
{
    coa_corpus_t *c = ctx->corpus;
    json_t *summaries = get(group, "work-summary");
    json_t *best = NULL;
    long best_index = -1;
    for (size_t i = 0; i < count_of(summaries); i++) {
        json_t *s = item_of(summaries, i);
        const char *di = text(get(s, "display-index"));
        long index = di ? atol(di) : 0;
        if (!best || index > best_index) {
            best = s;
            best_index = index;
        }
    }
    if (!best)
        return coa_reader_skip(ctx, line_of(group, line), "an ORCID group without work summaries");
    int err = coa_corpus_paper_begin(c, ctx->source, (uint32_t)line_of(group, line), NULL);
    if (!err)
        err = paper_fields(c, best, get(group, "external-ids"));
    if (!err)
        err = add_owner(ctx, o, 1);
    return end_record(ctx, err);
}

static int owner_is(const owner_t *o, const char *name)
{
    char *key = NULL;
    int same = o->key && coa_name_key(name, strlen(name), &key) == COA_OK && strcmp(key, o->key) == 0;
    free(key);
    return same;
}

static int read_work(coa_reader_ctx_t *ctx, const owner_t *o, json_t *w, long line)
{
    coa_corpus_t *c = ctx->corpus;
    line = line_of(w, line);
    int err = coa_corpus_paper_begin(c, ctx->source, (uint32_t)line, NULL);
    if (!err)
        err = paper_fields(c, w, NULL);
    int owner_stated = 0;
    json_t *list = get(get(w, "contributors"), "contributor");
    for (size_t i = 0; i < count_of(list) && !err; i++) {
        json_t *ct = item_of(list, i);
        const char *role = text(get(get(ct, "contributor-attributes"), "contributor-role"));
        if (role && (strstr(role, "editor") || strstr(role, "translator")))
            continue; /* ORCID's roles: editors and translators are not authors */
        const char *name = text(get(ct, "credit-name"));
        char co[20], id[32] = "";
        orcid_of(text(get(get(ct, "contributor-orcid"), "path")), co);
        if (*co)
            snprintf(id, sizeof id, "orcid:%s", co);
        else if (name && !owner_stated && owner_is(o, name))
            snprintf(id, sizeof id, "%s", o->id);
        if (!name && *co && strcmp(co, o->orcid) == 0)
            name = o->name;
        if (!name || !*name)
            continue;
        owner_stated |= *co ? strcmp(co, o->orcid) == 0 : strcmp(id, o->id) == 0;
        err = coa_corpus_paper_add_author_ex(c, name, strlen(name), *id ? id : NULL, 0, NULL);
        if (err == COA_EINVAL)
            err = COA_OK;
    }
    if (!err && !owner_stated)
        err = add_owner(ctx, o, 1);
    return end_record(ctx, err);
}

/* Finds the owner of a response: its iD, then its name. */
static int find_owner(coa_reader_ctx_t *ctx, json_t *v, json_t *groups, json_t *works, owner_t *o)
{
    memset(o, 0, sizeof *o);
    json_t *oid = get(v, "orcid-identifier");
    orcid_of(text(get(oid, "path")), o->orcid);
    if (!*o->orcid)
        orcid_of(text(get(v, "path")), o->orcid);
    for (size_t g = 0; g < count_of(groups) && !*o->orcid; g++) {
        json_t *s = get(item_of(groups, g), "work-summary");
        for (size_t i = 0; i < count_of(s) && !*o->orcid; i++)
            orcid_of(text(get(item_of(s, i), "path")), o->orcid);
    }
    for (size_t i = 0; i < count_of(works) && !*o->orcid; i++)
        orcid_of(text(get(item_of(works, i), "path")), o->orcid);
    if (!*o->orcid) {
        coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, 0,
                 "no ORCID iD of the record's owner ('path'); the owner is left out of its works");
        return COA_OK;
    }
    snprintf(o->id, sizeof o->id, "orcid:%s", o->orcid);
    json_t *name = get(get(v, "person"), "name");
    int err = owner_set_name(o, text(get(name, "credit-name")));
    const char *given = text(get(name, "given-names")), *family = text(get(name, "family-name"));
    if (!err && !o->name && (given || family)) {
        char buf[512];
        snprintf(buf, sizeof buf, "%s%s%s", given ? given : "", given && family ? " " : "", family ? family : "");
        err = owner_set_name(o, buf);
    }
    for (size_t g = 0; g < count_of(groups) && !err && !o->name; g++)
        err = owner_set_name(o, name_from_sources(get(item_of(groups, g), "work-summary"), o->orcid));
    for (size_t i = 0; i < count_of(works) && !err && !o->name; i++)
        err = owner_set_name(o, name_from_contributors(item_of(works, i), o->orcid));
    if (!err && !o->name) {
        coa_diag(ctx->diag, COA_DIAG_NOTE, ctx->in->name, 0,
                 "the response does not name its owner; %s stands for the owner's name", o->orcid);
        err = owner_set_name(o, o->orcid);
    }
    if (!err && o->name) {
        /* 'stats' says "profile of ..." and 'draw' centres on the owner */
        coa_str_t owner = coa_corpus_intern(ctx->corpus, o->name, strlen(o->name));
        if (owner == COA_NONE)
            return COA_ENOMEM;
        ctx->corpus->sources[ctx->source].owner = owner;
    }
    return err;
}

/* The works of a bulk response: JSON bulk[] of {"work"} or {"error"}, XML
 * <bulk:bulk> with <work:work> and <error:error> children. */
static int collect_bulk(json_t *bulk, json_t *works)
{
    for (size_t i = 0; i < count_of(bulk); i++) {
        json_t *it = item_of(bulk, i);
        json_t *w = get(it, "work");
        for (size_t k = 0; k < count_of(w); k++)
            if (json_array_append(works, item_of(w, k)))
                return COA_ENOMEM;
    }
    return COA_OK;
}

static int report_bulk_errors(coa_reader_ctx_t *ctx, json_t *bulk, long line)
{
    for (size_t i = 0; i < count_of(bulk); i++) {
        json_t *e = get(item_of(bulk, i), "error");
        for (size_t k = 0; k < count_of(e); k++) {
            json_t *x = item_of(e, k);
            const char *msg = text(get(x, "developer-message"));
            if (!msg)
                msg = text(get(x, "user-message"));
            int err = coa_reader_skip(ctx, line_of(x, line), "an ORCID error in place of a work: %.200s",
                                      msg ? msg : "no message");
            if (err)
                return err;
        }
    }
    return COA_OK;
}

int coa_orcid_json_read(coa_reader_ctx_t *ctx, void *value, long line)
{
    json_t *v = value;
    json_t *groups = NULL, *bulk = bulk_of(v);
    json_t *works = json_array();
    if (!works)
        return COA_ENOMEM;
    int err = COA_OK;
    if (is_works_summary(v))
        groups = get(v, "group");
    else if (get(v, "activities-summary"))
        groups = get(get(get(v, "activities-summary"), "works"), "group");
    if (bulk)
        err = collect_bulk(bulk, works);
    else if (is_work(v))
        err = json_array_append(works, v) ? COA_ENOMEM : COA_OK;
    owner_t o;
    if (!err)
        err = find_owner(ctx, v, groups, works, &o);
    else
        memset(&o, 0, sizeof o);
    if (!err && !o.name && (count_of(groups) || json_array_size(works)))
        err = coa_reader_skip(ctx, line, "ORCID works whose owner is unknown");
    for (size_t g = 0; g < count_of(groups) && !err && o.name; g++)
        err = read_group(ctx, &o, item_of(groups, g), line);
    for (size_t i = 0; i < json_array_size(works) && !err && o.name; i++)
        err = read_work(ctx, &o, json_array_get(works, i), line);
    if (!err && bulk)
        err = report_bulk_errors(ctx, bulk, line);
    owner_destroy(&o);
    json_decref(works);
    return err;
}

/* ---- detection ---- */

/* How much of head to look at: its first 'cap' bytes, or 0 when its
 * first non-blank character is not 'open' (a JSON object, an XML tag). */
static size_t head_opening(const unsigned char *head, size_t len, char open, size_t cap)
{
    size_t i = coa_json_skip_ws(head, len, 0);
    if (i >= len || head[i] != (unsigned char)open)
        return 0;
    return len < cap ? len : cap;
}

int coa_detect_orcid(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    size_t n = head_opening(head, len, '{', 65536);
    if (n && (coa_head_has(head, n, "\"work-summary\"") || coa_head_has(head, n, "\"orcid-identifier\"") ||
              (coa_head_has(head, n, "\"put-code\"") &&
               (coa_head_has(head, n, "\"bulk\"") || coa_head_has(head, n, "\"contributors\"")))))
        return 92;
    return 0;
}

int coa_detect_orcid_xml(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    size_t n = head_opening(head, len, '<', 8192);
    return n && coa_head_has(head, n, "http://www.orcid.org/ns/") ? 95 : 0;
}

/* ---- XML into the JSON's shape ---- */

/* Adds v (its reference taken) under key: a second child of one name
 * makes an array. */
static int add_child(json_t *obj, const char *key, json_t *v)
{
    json_t *old = json_object_get(obj, key);
    if (!old)
        return json_object_set_new(obj, key, v) ? COA_ENOMEM : COA_OK;
    if (json_is_array(old))
        return json_array_append_new(old, v) ? COA_ENOMEM : COA_OK;
    json_t *arr = json_array();
    if (!arr || json_array_append(arr, old) || json_array_append_new(arr, v) || json_object_set_new(obj, key, arr)) {
        json_decref(arr);
        return COA_ENOMEM;
    }
    return COA_OK;
}

static int add_attributes(json_t *obj, xmlNodePtr node)
{
    for (xmlAttrPtr a = node->properties; a; a = a->next) {
        xmlChar *val = xmlNodeListGetString(node->doc, a->children, 1);
        json_t *s = json_string(val ? (const char *)val : "");
        xmlFree(val);
        if (s && json_object_set_new(obj, (const char *)a->name, s))
            return COA_ENOMEM;
    }
    return COA_OK;
}

static json_t *xml_to_json(xmlNodePtr node)
{
    json_t *obj = json_object();
    if (!obj)
        return NULL;
    int elements = 0;
    if (add_attributes(obj, node))
        goto fail;
    for (xmlNodePtr ch = node->children; ch; ch = ch->next) {
        if (ch->type != XML_ELEMENT_NODE)
            continue;
        elements++;
        json_t *v = xml_to_json(ch);
        if (!v)
            goto fail;
        if (add_child(obj, (const char *)ch->name, v))
            goto fail;
    }
    if (!elements) {
        xmlChar *t = xmlNodeGetContent(node);
        /* trimmed: pretty-printed XML puts white space around text */
        const char *s = t ? (const char *)t : "";
        while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
            s++;
        size_t n = strlen(s);
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r'))
            n--;
        json_t *str = json_stringn(s, n);
        xmlFree(t);
        if (!node->properties) {
            json_decref(obj);
            return str ? str : json_string("");
        }
        if (str && json_object_set_new(obj, "value", str))
            goto fail;
    }
    long line = xmlGetLineNo(node);
    if (line > 0 && json_object_set_new(obj, "@line", json_integer(line)))
        goto fail;
    return obj;
fail:
    json_decref(obj);
    return NULL;
}

/* ---- the XML a part at a time ---- */

enum { DOC_OTHER, DOC_RECORD, DOC_WORKS, DOC_BULK };

typedef struct {
    coa_reader_ctx_t *ctx;
    uint64_t read;       /* bytes given to libxml2 */
    const char *pending; /* read before streaming began, given first */
    size_t n_pending;
    uint64_t part_start; /* 'read' when the part being built began, or UINT64_MAX */
    int too_long;
    int broken;          /* libxml2 stopped inside a part */
    int elements;        /* the root's attributes and child elements */
    char error[200];     /* libxml2's first error */
    long error_line;
    int kind;
    long line;           /* the root's */
    json_t *head;        /* the root: its attributes and children other than parts */
    json_t *groups, *works, *errors; /* parts not yet read (errors: at the end) */
    int summary;         /* DOC_WORKS: its first group is a summary (-1 until seen) */
    int ready;           /* the owner is known and the parts are read as they come */
    owner_t o;
    char orcid[20];      /* the owner's iD, once found */
    size_t id_scan, name_scan; /* parts already looked through for it, for the name */
} oxml_t;

static int oxml_input(void *p, char *buf, int len)
{
    oxml_t *x = p;
    if (x->part_start != UINT64_MAX && x->read - x->part_start > ORCID_XML_MAX_PART) {
        x->too_long = 1;
        return -1;
    }
    long got;
    if (x->n_pending) {
        got = (long)(x->n_pending < (size_t)len ? x->n_pending : (size_t)len);
        memcpy(buf, x->pending, (size_t)got);
        x->pending += got;
        x->n_pending -= (size_t)got;
    } else {
        got = coa_input_read_raw(x->ctx->in, buf, (size_t)len);
    }
    if (got > 0)
        x->read += (uint64_t)got;
    return got < 0 ? -1 : (int)got;
}

static void oxml_error(void *p, xmlErrorPtr e)
{
    oxml_t *x = p;
    if (e && e->level >= XML_ERR_ERROR && !x->error[0]) {
        coa_xml_error_text(e->message, x->error, sizeof x->error);
        x->error_line = e->line;
    }
}

/* Whether a name would do as the owner's (owner_set_name keeps it). */
static int name_usable(const char *name)
{
    char *key = NULL;
    int ok = name && *name && coa_name_key(name, strlen(name), &key) == COA_OK;
    free(key);
    return ok;
}

/* Whether find_owner would find the owner's iD and name in what has been
 * read, without falling back to the iD as the name; looks only through
 * the parts it has not looked through before. */
static int owner_ready(oxml_t *x)
{
    json_t *v = x->head;
    size_t ng = json_array_size(x->groups), nw = json_array_size(x->works);
    if (!*x->orcid) {
        orcid_of(text(get(get(v, "orcid-identifier"), "path")), x->orcid);
        if (!*x->orcid)
            orcid_of(text(get(v, "path")), x->orcid);
        for (; !*x->orcid && x->id_scan < ng + nw; x->id_scan++) {
            if (x->id_scan < ng) {
                json_t *sm = get(json_array_get(x->groups, x->id_scan), "work-summary");
                for (size_t i = 0; i < count_of(sm) && !*x->orcid; i++)
                    orcid_of(text(get(item_of(sm, i), "path")), x->orcid);
            } else {
                orcid_of(text(get(json_array_get(x->works, x->id_scan - ng), "path")), x->orcid);
            }
        }
        if (!*x->orcid)
            return 0;
    }
    json_t *name = get(get(v, "person"), "name");
    if (name_usable(text(get(name, "credit-name"))))
        return 1;
    const char *given = text(get(name, "given-names")), *family = text(get(name, "family-name"));
    if (given || family) {
        char buf[512];
        snprintf(buf, sizeof buf, "%s%s%s", given ? given : "", given && family ? " " : "", family ? family : "");
        if (name_usable(buf))
            return 1;
    }
    for (; x->name_scan < ng + nw; x->name_scan++) {
        const char *n = x->name_scan < ng
                            ? name_from_sources(get(json_array_get(x->groups, x->name_scan), "work-summary"), x->orcid)
                            : name_from_contributors(json_array_get(x->works, x->name_scan - ng), x->orcid);
        if (name_usable(n))
            return 1;
    }
    return 0;
}

/* Reads the parts waiting, once the owner is known. */
static int oxml_flush(oxml_t *x)
{
    int err = COA_OK;
    for (size_t g = 0; g < json_array_size(x->groups) && !err && x->o.name; g++)
        err = read_group(x->ctx, &x->o, json_array_get(x->groups, g), x->line);
    for (size_t i = 0; i < json_array_size(x->works) && !err && x->o.name; i++)
        err = read_work(x->ctx, &x->o, json_array_get(x->works, i), x->line);
    json_array_clear(x->groups);
    json_array_clear(x->works);
    return err;
}

/* The owner, as coa_orcid_json_read finds it, then the parts waiting. */
static int oxml_owner(oxml_t *x)
{
    int err = find_owner(x->ctx, x->head, x->groups, x->works, &x->o);
    if (!err && !x->o.name && (json_array_size(x->groups) || json_array_size(x->works)))
        err = coa_reader_skip(x->ctx, x->line, "ORCID works whose owner is unknown");
    x->ready = 1;
    return err ? err : oxml_flush(x);
}

/* A part: into the waiting list, read at once when the owner is known. */
static int oxml_part(oxml_t *x, const char *name, json_t *v)
{
    int err;
    if (x->kind == DOC_BULK && strcmp(name, "error") == 0)
        return json_array_append_new(x->errors, v) ? COA_ENOMEM : COA_OK;
    if (x->kind == DOC_BULK) {
        err = json_array_append_new(x->works, v) ? COA_ENOMEM : COA_OK;
    } else {
        if (x->kind == DOC_WORKS && x->summary < 0)
            x->summary = get(v, "work-summary") != NULL;
        if (x->kind == DOC_WORKS && !x->summary) {
            json_decref(v); /* not a /works response: see oxml_end */
            return COA_OK;
        }
        err = json_array_append_new(x->groups, v) ? COA_ENOMEM : COA_OK;
    }
    if (err)
        return err;
    if (x->ready)
        return oxml_flush(x);
    return owner_ready(x) ? oxml_owner(x) : COA_OK;
}

/* The end of the document: the owner if not yet known, the bulk errors;
 * or a document that is not what its root promised, read as a whole. */
static int oxml_end(oxml_t *x)
{
    int err = COA_OK;
    json_t *v = x->head;
    if (!x->elements)
        return COA_OK; /* a root without attributes or children is text, as in xml_to_json */
    int streamed = x->kind == DOC_BULK || (x->kind == DOC_WORKS && x->summary == 1) ||
                   (x->kind == DOC_RECORD && (get(v, "orcid-identifier") || get(v, "activities-summary")));
    if (streamed) {
        if (!x->ready)
            err = oxml_owner(x);
        if (!err && json_array_size(x->errors)) {
            json_t *bulk = json_pack("{sO}", "error", x->errors);
            err = bulk ? report_bulk_errors(x->ctx, bulk, x->line) : COA_ENOMEM;
            json_decref(bulk);
        }
        return err;
    }
    if (coa_orcid_json_is(v) || bulk_of(v) || is_work(v))
        return coa_orcid_json_read(x->ctx, v, x->line);
    return coa_reader_skip(x->ctx, x->line, "an ORCID document of a kind not read ('%.60s')",
                           text(get(v, "@root")) ? text(get(v, "@root")) : "");
}

/* The element the reader is on, built and made into JSON, within the limit
 * of one part; NULL with *err set, or with *err 0 when libxml2 failed. */
static json_t *oxml_build(oxml_t *x, xmlTextReaderPtr rd, int *err)
{
    x->part_start = x->read;
    xmlNodePtr node = xmlTextReaderExpand(rd);
    x->part_start = UINT64_MAX;
    *err = COA_OK;
    if (!node && !x->too_long) {
        /* a part cut short (the file ends in it): what was built of it is
         * read, as the whole-document parse recovered it */
        x->broken = 1;
        node = xmlTextReaderCurrentNode(rd);
    }
    if (!node)
        return NULL;
    json_t *v = xml_to_json(node);
    if (!v)
        *err = COA_ENOMEM;
    return v;
}

/* Whether the element at 'depth' is a part of a document of this kind,
 * else whether the reader goes into it (1) or passes over it (0) after
 * it is put into the head (depth 1) or not. */
static int oxml_is_part(const oxml_t *x, int depth, const char *name)
{
    if (x->kind == DOC_RECORD)
        return depth == 3 && strcmp(name, "group") == 0;
    if (x->kind == DOC_WORKS)
        return depth == 1 && strcmp(name, "group") == 0;
    return depth == 1 && (strcmp(name, "work") == 0 || strcmp(name, "error") == 0);
}

static int oxml_descend(const oxml_t *x, int depth, const char *name)
{
    return x->kind == DOC_RECORD &&
           ((depth == 1 && strcmp(name, "activities-summary") == 0) || (depth == 2 && strcmp(name, "works") == 0));
}

static int oxml_read(oxml_t *x, xmlTextReaderPtr rd)
{
    int ret, err = COA_OK;
    while ((ret = xmlTextReaderRead(rd)) == 1 && xmlTextReaderNodeType(rd) != XML_READER_TYPE_ELEMENT)
        ;
    if (ret != 1)
        return COA_OK; /* no root: the error, if any, is reported by the caller */
    xmlNodePtr root = xmlTextReaderCurrentNode(rd);
    const char *rname = (const char *)xmlTextReaderConstLocalName(rd);
    x->line = root ? xmlGetLineNo(root) : 0;
    x->kind = !rname                           ? DOC_OTHER
              : strcmp(rname, "record") == 0 ? DOC_RECORD
              : strcmp(rname, "works") == 0  ? DOC_WORKS
              : strcmp(rname, "bulk") == 0   ? DOC_BULK
                                             : DOC_OTHER;
    if (x->kind == DOC_OTHER) {
        json_t *v = oxml_build(x, rd, &err);
        if (!v)
            return err;
        if (json_is_object(v)) {
            x->head = v;
            x->elements = 1;
            if (json_object_set_new(v, "@root", json_string(rname)))
                return COA_ENOMEM;
            return oxml_end(x);
        }
        json_decref(v);
        return COA_OK;
    }
    if (!(x->head = json_object()) || !(x->groups = json_array()) || !(x->works = json_array()) ||
        !(x->errors = json_array()))
        return COA_ENOMEM;
    for (xmlAttrPtr a = root ? root->properties : NULL; a; a = a->next)
        x->elements++;
    if (add_attributes(x->head, root) || json_object_set_new(x->head, "@root", json_string(rname)) ||
        (x->line > 0 && json_object_set_new(x->head, "@line", json_integer(x->line))))
        return COA_ENOMEM;
    int empty = xmlTextReaderIsEmptyElement(rd);
    ret = empty ? 0 : xmlTextReaderRead(rd);
    while (ret == 1 && !err) {
        int depth = xmlTextReaderDepth(rd);
        if (depth <= 0)
            break;
        if (xmlTextReaderNodeType(rd) != XML_READER_TYPE_ELEMENT) {
            ret = xmlTextReaderRead(rd);
            continue;
        }
        const char *name = (const char *)xmlTextReaderConstLocalName(rd);
        if (oxml_descend(x, depth, name)) {
            x->elements += depth == 1;
            if (depth == 1 && !get(x->head, "activities-summary") &&
                json_object_set_new(x->head, "activities-summary", json_object()))
                return COA_ENOMEM;
            ret = xmlTextReaderRead(rd);
            continue;
        }
        if (oxml_is_part(x, depth, name) || depth == 1) {
            char key[128];
            snprintf(key, sizeof key, "%s", name);
            json_t *v = oxml_build(x, rd, &err);
            if (!v)
                break;
            x->elements += depth == 1;
            err = oxml_is_part(x, depth, key) ? oxml_part(x, key, v) : add_child(x->head, key, v);
            if (x->broken)
                break;
        }
        x->elements += depth == 1;
        ret = xmlTextReaderNext(rd);
    }
    return err ? err : oxml_end(x);
}

/* A document of at most ORCID_XML_WHOLE bytes, parsed whole with recovery. */
static int orcid_xml_whole(coa_reader_ctx_t *ctx, const char *data, size_t len)
{
    int err = COA_OK;
    xmlResetLastError();
    xmlDocPtr doc = xmlReadMemory(data, (int)len, ctx->in->name, NULL,
                                  XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                      XML_PARSE_BIG_LINES);
    const xmlError *xe = xmlGetLastError();
    if (xe && xe->level >= XML_ERR_ERROR) {
        char msg[200];
        coa_xml_error_text(xe->message, msg, sizeof msg);
        err = coa_reader_skip(ctx, xe->line, "XML error: %s; what follows it may be lost", msg);
    }
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!err && root) {
        json_t *v = xml_to_json(root);
        if (!v || !json_is_object(v))
            err = v ? COA_OK : COA_ENOMEM;
        else if (json_object_set_new(v, "@root", json_string((const char *)root->name)))
            err = COA_ENOMEM;
        else if (coa_orcid_json_is(v) || bulk_of(v) || is_work(v))
            err = coa_orcid_json_read(ctx, v, xmlGetLineNo(root));
        else
            err = coa_reader_skip(ctx, xmlGetLineNo(root), "an ORCID document of a kind not read ('%.60s')",
                                  (const char *)root->name);
        json_decref(v);
    }
    if (doc)
        xmlFreeDoc(doc);
    return err;
}

int coa_read_orcid_xml(coa_reader_ctx_t *ctx)
{
    /* NONET: no DTD or schema is fetched; without NOENT no entity is
     * expanded beyond libxml2's own guarded defaults; libxml2's own
     * reports (an encoding it cannot convert) are not printed */
    coa_xml_lockdown();
    char *head = malloc(ORCID_XML_WHOLE + 1);
    if (!head)
        return COA_ENOMEM;
    size_t n = 0;
    long got = 1;
    while (n <= ORCID_XML_WHOLE && (got = coa_input_read_raw(ctx->in, head + n, ORCID_XML_WHOLE + 1 - n)) > 0)
        n += (size_t)got;
    if (got < 0 || ctx->in->error) {
        free(head);
        return ctx->in->error ? ctx->in->error : COA_EIO;
    }
    if (n <= ORCID_XML_WHOLE) {
        int err = orcid_xml_whole(ctx, head, n);
        free(head);
        return err;
    }
    oxml_t x;
    memset(&x, 0, sizeof x);
    x.ctx = ctx;
    x.part_start = UINT64_MAX;
    x.summary = -1;
    x.pending = head;
    x.n_pending = n;
    xmlTextReaderPtr rd = xmlReaderForIO(oxml_input, NULL, &x, ctx->in->name, NULL,
                                         XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
                                             XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
    if (!rd) {
        free(head);
        return COA_ENOMEM;
    }
    xmlTextReaderSetStructuredErrorHandler(rd, oxml_error, &x);
    int err = oxml_read(&x, rd);
    if (x.too_long) {
        coa_diag(ctx->diag, COA_DIAG_ERROR, ctx->in->name, x.error_line,
                 "a part of the ORCID response (a work, a group) longer than %llu bytes, the limit for one; not read "
                 "further", (unsigned long long)ORCID_XML_MAX_PART);
        if (!err)
            err = COA_EPARSE;
    } else if (!err && ctx->in->error) {
        err = ctx->in->error;
    } else if (!err && x.error[0]) {
        err = coa_reader_skip(ctx, x.error_line, "XML error: %s; what follows it may be lost", x.error);
    }
    free(head);
    xmlFreeTextReader(rd);
    owner_destroy(&x.o);
    json_decref(x.head);
    json_decref(x.groups);
    json_decref(x.works);
    json_decref(x.errors);
    return err;
}

/* What 'coauthor formats --help' says of orcid and orcid-xml (coa_formats_help). */
const char coa_help_orcid[] =
    "  - orcid, orcid-xml (API v3.0): the record, /works summaries and bulk\n"
    "    works.  A group of summaries is one work claimed by several sources:\n"
    "    one paper.  The owner's ORCID iD is the identifier of the owner's\n"
    "    authorships; summaries list no contributors, so there the owner is the\n"
    "    one author, inferred.\n"
    "\n";
