/*
 * GraphML (graphml.graphdrawing.org), read as igraph reads it, but a
 * parser event at a time: libxml2's push parser is fed the input a block
 * at a time, and keeps only the element it is in, so memory is the graph
 * (graphfile.h) whatever the file's size.  A value that is kept (a name, a
 * label, a weight) may be at most GRAPH_MAX_VALUE bytes; libxml2 refuses
 * a single comment, attribute value or tag over 10 MB (XML_MAX_TEXT_LENGTH),
 * and text outside kept values is passed over a piece at a time.
 *
 * The first <graph> is read.  Its <node id> elements are vertices and its
 * <edge source target> elements edges (an endpoint that no <node> names
 * is a vertex too); nodes and edges nested in a node are not read.  A
 * <data> element's <key> gives its attribute's name (attr.name, else the
 * key's id) and type; a key's <default> stands for missing data.  A
 * number that does not parse as its key's type fails the file, as in
 * igraph.
 *
 * Entities: only the five XML predefines and character references stand
 * for text.  Any other reference ("Alice &a;"), declared in the DOCTYPE or
 * not, is left out of the text, and reported at its line (an error under
 * --strict); an external entity is never read, and nothing touches the
 * network.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/entities.h>

#include "corpus/internal.h"
#include "graphfile.h"
#include "readers.h"

/* ---- references to entities that are not defined ---- */

enum { SCAN_TEXT, SCAN_COMMENT, SCAN_DOCTYPE, SCAN_SUBSET };

typedef struct {
    int mode;
    long line;
    unsigned long found;
} entity_scan_t;

/* Reports each reference to an entity other than the five predefined in
 * s[0 .. len), outside comments and the DOCTYPE; returns how many bytes it
 * has looked at: all of them when 'last', else all but a tail short enough
 * to hold the start of a reference or markup cut at the block's end, to be
 * given again with the next block. */
static size_t scan_entities(coa_reader_ctx_t *ctx, entity_scan_t *sc, const char *s, size_t len, int last)
{
    static const char *const predefined[] = {"amp", "lt", "gt", "quot", "apos"};
    size_t limit = last ? len : len > 80 ? len - 80 : 0, i = 0;
    while (i < limit) {
        char ch = s[i];
        if (ch == '\n') {
            sc->line++;
            i++;
        } else if (sc->mode == SCAN_COMMENT || sc->mode == SCAN_SUBSET) {
            /* a comment ends at "-->", a DTD's internal subset at "]>" */
            const char *end = sc->mode == SCAN_COMMENT ? "-->" : "]>";
            size_t n = strlen(end);
            if (len - i >= n && memcmp(s + i, end, n) == 0) {
                sc->mode = SCAN_TEXT;
                i += n;
            } else {
                i++;
            }
        } else if (sc->mode == SCAN_DOCTYPE) {
            /* "<!DOCTYPE x [ ... ]>" ends at "]>", "<!DOCTYPE x ...>" at '>' */
            sc->mode = ch == '[' ? SCAN_SUBSET : ch == '>' ? SCAN_TEXT : SCAN_DOCTYPE;
            i++;
        } else if (ch == '<' && len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            sc->mode = SCAN_COMMENT;
            i += 4;
        } else if (ch == '<' && len - i >= 9 && memcmp(s + i, "<!DOCTYPE", 9) == 0) {
            sc->mode = SCAN_DOCTYPE;
            i += 9;
        } else if (ch == '&' && i + 1 < len && s[i + 1] != '#') {
            size_t j = i + 1;
            while (j < len && j - i < 64 &&
                   (isalnum((unsigned char)s[j]) || s[j] == '_' || s[j] == '-' || s[j] == '.' || s[j] == ':'))
                j++;
            i++;
            if (j == i || j >= len || s[j] != ';')
                continue; /* not a reference: libxml2 reports a stray '&' itself */
            int known = 0;
            for (size_t k = 0; k < sizeof predefined / sizeof predefined[0]; k++)
                known |= strlen(predefined[k]) == j - i && memcmp(s + i, predefined[k], j - i) == 0;
            if (!known && ++sc->found <= 10)
                coa_diag(ctx->diag, ctx->opts && ctx->opts->strict ? COA_DIAG_ERROR : COA_DIAG_WARNING,
                         ctx->in->name, sc->line, "entity '%.*s' is not defined in GraphML; left out of the text",
                         (int)(j - i + 2), s + i - 1);
        } else {
            i++;
        }
    }
    return i;
}

/* ---- the parse ---- */

enum { KEY_STRING, KEY_NUMBER, KEY_BOOLEAN };
enum { FOR_NODE = 1, FOR_EDGE = 2 };

typedef struct {
    char *name;      /* attr.name, else the key's id */
    int type, domain;
    char *def;       /* its <default>, or NULL */
    size_t def_len;
} gkey_t;

typedef struct {
    graph_t *g;
    xmlParserCtxtPtr px;
    long depth;
    int graph_state;   /* 0 before the first <graph>, 1 in it, 2 after it */
    coa_strpool_t key_ids; /* a key's id -> its place in keys + 1 */
    gkey_t *keys;
    size_t nkeys, keys_cap;
    int elem;          /* FOR_NODE or FOR_EDGE: the element at depth 3 */
    uint32_t vertex;
    graph_edge_t edge;
    int given[4];      /* data given: name, label, w[0], w[1] */
    text_t vals[4];    /* their text */
    size_t key;        /* the <data> or <default> read, its key + 1 */
    int capture;       /* text at this depth is kept, into 'text' */
    text_t text;
    text_t id;         /* the node's id */
    int fail;          /* the file is not read: FAIL_PARSE or FAIL_LONG */
    int err;
} gml_t;

enum { V_NAME, V_LABEL, V_W0, V_W1 };

static const char *attr_of(const xmlChar **attrs, int n, const char *name, size_t *len)
{
    for (int i = 0; i < n; i++, attrs += 5)
        if (strcmp((const char *)attrs[0], name) == 0) {
            *len = (size_t)(attrs[4] - attrs[3]);
            return (const char *)attrs[3];
        }
    return NULL;
}

enum { FAIL_PARSE = 1, FAIL_LONG };

static void fail(gml_t *st, int why)
{
    if (!st->fail)
        st->fail = why;
    xmlStopParser(st->px);
}

/* Which value of the element key k gives: V_NAME ..., or -1. */
static int role_of(const gml_t *st, const gkey_t *k)
{
    if (st->elem == FOR_NODE && (k->domain & FOR_NODE)) {
        if (strcmp(k->name, "name") == 0)
            return V_NAME;
        if (strcmp(k->name, "label") == 0)
            return V_LABEL;
    } else if (st->elem == FOR_EDGE && (k->domain & FOR_EDGE)) {
        const char *custom = st->g->custom;
        if (custom ? strcmp(k->name, custom) == 0 : strcmp(k->name, "weight") == 0)
            return V_W0;
        if (!custom && strcmp(k->name, "value") == 0)
            return V_W1;
    }
    return -1;
}

/* Text as a number of the key's type: 1, 0 when it is not one, -1 empty. */
static int parse_number(const gkey_t *k, const char *s, size_t len, double *x)
{
    while (len && isspace((unsigned char)*s))
        s++, len--;
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    if (!len)
        return -1;
    char buf[64];
    if (len >= sizeof buf)
        return 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (k->type == KEY_BOOLEAN) {
        if (strcasecmp(buf, "true") == 0 || strcmp(buf, "1") == 0)
            *x = 1;
        else if (strcasecmp(buf, "false") == 0 || strcmp(buf, "0") == 0)
            *x = 0;
        else
            return 0;
        return 1;
    }
    char *end;
    *x = strtod(buf, &end);
    return *end == '\0';
}

/* A name or label: its text, or its number as igraph prints it. */
static int name_value(gml_t *st, const gkey_t *k, const char *s, size_t len, text_t *out)
{
    if (k->type == KEY_STRING)
        return coa_text_set(out, s, len);
    double x;
    int r = parse_number(k, s, len, &x);
    if (r == 0) {
        fail(st, FAIL_PARSE);
        return COA_OK;
    }
    char buf[64];
    size_t n = r < 0 || isnan(x) ? 0 : (size_t)snprintf(buf, sizeof buf, "%.15g", x);
    return coa_text_set(out, buf, n);
}

static float weight_value(gml_t *st, const gkey_t *k, const char *s, size_t len)
{
    if (k->type == KEY_STRING)
        return coa_gfile_weight_text(s, len);
    double x;
    int r = parse_number(k, s, len, &x);
    if (r == 0)
        fail(st, FAIL_PARSE);
    /* a boolean attribute is no weight at all */
    return r <= 0 || k->type == KEY_BOOLEAN ? GRAPH_W_NONE : coa_gfile_weight_number(x);
}

/* The value of data for key k (or its default): into vals[] or the edge. */
static void take_value(gml_t *st, const gkey_t *k, int role, const char *s, size_t len)
{
    if (role == V_NAME || role == V_LABEL) {
        if (name_value(st, k, s, len, &st->vals[role]))
            st->err = COA_ENOMEM;
    } else {
        st->edge.w[role - V_W0] = weight_value(st, k, s, len);
    }
    st->given[role] = 1;
}

/* The vertex of an edge's endpoint.  One that no <node> has named yet is
 * named as a node without data would be: by the defaults of the name or
 * label keys, else by its id. */
static int endpoint(gml_t *st, const char *id, size_t len, uint32_t *v)
{
    graph_t *g = st->g;
    size_t before = g->nv;
    int err = coa_gfile_vertex_of(g, id, len, 1, v);
    if (err || g->nv == before)
        return err;
    text_t *names[2] = {&st->vals[V_NAME], &st->vals[V_LABEL]};
    int elem = st->elem, given[2] = {0, 0};
    st->elem = FOR_NODE;
    for (size_t i = 0; i < st->nkeys && !err; i++) {
        const gkey_t *k = &st->keys[i];
        int role = k->def ? role_of(st, k) : -1;
        if (role >= 0) {
            err = name_value(st, k, k->def, k->def_len, names[role]);
            given[role] = 1;
        }
    }
    st->elem = elem;
    if (err)
        return err;
    const text_t *n = given[0] && names[0]->len ? names[0] : given[1] && names[1]->len ? names[1] : NULL;
    return n ? coa_gfile_set_name(g, *v, n->s, n->len) : coa_gfile_set_name(g, *v, id, len);
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                     const xmlChar **attrs)
{
    (void)prefix, (void)uri, (void)nb_namespaces, (void)namespaces, (void)nb_defaulted;
    gml_t *st = ((xmlParserCtxtPtr)ctx)->_private;
    const char *name = (const char *)localname;
    long depth = ++st->depth;
    graph_t *g = st->g;
    size_t len;
    if (st->err || st->fail)
        return;
    if (depth == 1) {
        if (strcmp(name, "graphml") != 0)
            fail(st, FAIL_PARSE);
    } else if (depth == 2 && strcmp(name, "key") == 0) {
        size_t idlen = 0, nlen = 0;
        const char *id = attr_of(attrs, nb_attributes, "id", &idlen);
        const char *aname = attr_of(attrs, nb_attributes, "attr.name", &nlen);
        const char *dom = attr_of(attrs, nb_attributes, "for", &len);
        size_t domlen = dom ? len : 0;
        const char *type = attr_of(attrs, nb_attributes, "attr.type", &len);
        size_t typelen = type ? len : 0;
        if (!id || !idlen)
            return;
        coa_str_t k = coa_strpool_intern(&st->key_ids, id, idlen);
        if (k == COA_NONE ||
            coa_grow_array(&st->keys, &st->keys_cap, (size_t)k, sizeof *st->keys, 16)) {
            st->err = COA_ENOMEM;
            return;
        }
        if ((size_t)k > st->nkeys) { /* a new key */
            memset(st->keys + st->nkeys, 0, ((size_t)k - st->nkeys) * sizeof *st->keys);
            st->nkeys = k;
        }
        gkey_t *key = &st->keys[k - 1];
        free(key->name);
        free(key->def);
        memset(key, 0, sizeof *key);
        if (!aname) /* igraph names the attribute by attr.name alone */
            aname = "", nlen = 0;
        if (!(key->name = strndup(aname, nlen))) {
            st->err = COA_ENOMEM;
            return;
        }
        key->domain = !dom                                         ? FOR_NODE
                      : domlen == 4 && memcmp(dom, "node", 4) == 0 ? FOR_NODE
                      : domlen == 4 && memcmp(dom, "edge", 4) == 0 ? FOR_EDGE
                                                                   : 0; /* "graph", and "all" as igraph reads it */
        key->type = !type || (typelen == 6 && memcmp(type, "string", 6) == 0) ? KEY_STRING
                    : typelen == 7 && memcmp(type, "boolean", 7) == 0        ? KEY_BOOLEAN
                                                                             : KEY_NUMBER;
        if (key->domain & FOR_EDGE) {
            const char *custom = g->custom;
            if (custom ? strcmp(key->name, custom) == 0 : strcmp(key->name, "weight") == 0)
                g->has[GRAPH_W_WEIGHT] = 1;
            if (!custom && strcmp(key->name, "value") == 0)
                g->has[GRAPH_W_VALUE] = 1;
        }
        st->key = k;
    } else if (depth == 3 && st->key && strcmp(name, "default") == 0) {
        st->capture = 1;
        st->text.len = 0;
    } else if (depth == 2 && strcmp(name, "graph") == 0) {
        if (st->graph_state != 0)
            return;
        st->graph_state = 1;
        const char *ed = attr_of(attrs, nb_attributes, "edgedefault", &len);
        if (ed && len == 8 && memcmp(ed, "directed", 8) == 0)
            g->directed = 1;
    } else if (depth == 3 && st->graph_state == 1 && strcmp(name, "node") == 0) {
        const char *id = attr_of(attrs, nb_attributes, "id", &len);
        if (!id) {
            fail(st, FAIL_PARSE);
            return;
        }
        if (len > GRAPH_MAX_VALUE) {
            fail(st, FAIL_LONG);
            return;
        }
        if (coa_gfile_vertex_of(g, id, len, 1, &st->vertex) || coa_text_set(&st->vals[V_NAME], "", 0)) {
            st->err = COA_ENOMEM;
            return;
        }
        st->elem = FOR_NODE;
        memset(st->given, 0, sizeof st->given);
        /* the id is the name when there is no other */
        st->vals[V_LABEL].len = 0;
        if (coa_text_set(&st->id, id, len))
            st->err = COA_ENOMEM;
    } else if (depth == 3 && st->graph_state == 1 && strcmp(name, "edge") == 0) {
        size_t alen = 0, blen = 0;
        const char *a = attr_of(attrs, nb_attributes, "source", &alen);
        const char *b = attr_of(attrs, nb_attributes, "target", &blen);
        if (!a || !b) {
            fail(st, FAIL_PARSE);
            return;
        }
        if (alen > GRAPH_MAX_VALUE || blen > GRAPH_MAX_VALUE) {
            fail(st, FAIL_LONG);
            return;
        }
        long line = xmlSAX2GetLineNumber(st->px);
        graph_edge_t e = {0, 0, line > 0 && line < UINT32_MAX ? (uint32_t)line : 0, {GRAPH_W_NONE, GRAPH_W_NONE}};
        if (endpoint(st, a, alen, &e.a) || endpoint(st, b, blen, &e.b)) {
            st->err = COA_ENOMEM;
            return;
        }
        st->edge = e;
        st->elem = FOR_EDGE;
        memset(st->given, 0, sizeof st->given);
    } else if (depth == 4 && st->elem && strcmp(name, "data") == 0) {
        const char *k = attr_of(attrs, nb_attributes, "key", &len);
        coa_str_t id = k ? coa_strpool_find(&st->key_ids, k, len) : COA_NONE;
        st->key = id != COA_NONE && id > 0 && id <= st->nkeys ? id : 0;
        if (st->key && role_of(st, &st->keys[st->key - 1]) >= 0) {
            st->capture = 1;
            st->text.len = 0;
        }
    }
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
    (void)localname, (void)prefix, (void)uri;
    gml_t *st = ((xmlParserCtxtPtr)ctx)->_private;
    long depth = st->depth--;
    graph_t *g = st->g;
    if (st->err || st->fail)
        return;
    if (depth == 2 && st->key) {
        st->key = 0; /* the end of a <key> */
    } else if (depth == 3 && st->key && st->capture && !st->elem) {
        gkey_t *k = &st->keys[st->key - 1];
        free(k->def);
        if (!(k->def = malloc(st->text.len + 1))) {
            st->err = COA_ENOMEM;
            return;
        }
        memcpy(k->def, st->text.s ? st->text.s : "", st->text.len);
        k->def[st->text.len] = '\0';
        k->def_len = st->text.len;
        st->capture = 0;
    } else if (depth == 4 && st->elem && st->key) {
        if (st->capture) {
            const gkey_t *k = &st->keys[st->key - 1];
            take_value(st, k, role_of(st, k), st->text.s ? st->text.s : "", st->text.len);
        }
        st->capture = 0;
        st->key = 0;
    } else if (depth == 3 && st->elem) {
        /* defaults stand for data not given */
        for (size_t i = 0; i < st->nkeys; i++) {
            const gkey_t *k = &st->keys[i];
            int role = k->def ? role_of(st, k) : -1;
            if (role >= 0 && !st->given[role])
                take_value(st, k, role, k->def, k->def_len);
        }
        if (st->elem == FOR_EDGE) {
            if (coa_gfile_add_edge(g, &st->edge))
                st->err = COA_ENOMEM;
        } else {
            const text_t *n = st->vals[V_NAME].len && st->given[V_NAME]     ? &st->vals[V_NAME]
                              : st->vals[V_LABEL].len && st->given[V_LABEL] ? &st->vals[V_LABEL]
                                                                            : &st->id;
            if (coa_gfile_set_name(g, st->vertex, n->s ? n->s : "", n->len))
                st->err = COA_ENOMEM;
        }
        st->elem = 0;
    } else if (depth == 2 && st->graph_state == 1) {
        st->graph_state = 2;
    }
}

static void on_text(void *ctx, const xmlChar *s, int len)
{
    gml_t *st = ((xmlParserCtxtPtr)ctx)->_private;
    if (!st->capture || st->err || st->fail)
        return;
    if ((st->elem && st->depth != 4) || (!st->elem && st->depth != 3))
        return; /* text of an element inside the value */
    if (st->text.len + (size_t)len > GRAPH_MAX_VALUE) {
        fail(st, FAIL_LONG);
        return;
    }
    if (coa_text_put(&st->text, (const char *)s, (size_t)len))
        st->err = COA_ENOMEM;
}

/* An entity that is not one of the five predefined stands for nothing
 * (scan_entities reports it). */
static xmlEntityPtr blank_entity;

static xmlEntityPtr on_entity(void *ctx, const xmlChar *name)
{
    (void)ctx;
    xmlEntityPtr e = xmlGetPredefinedEntity(name);
    return e ? e : blank_entity;
}

static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e; /* the parse fails as a whole: said once, at the end */
}

int coa_read_graphml(coa_reader_ctx_t *ctx)
{
    graph_t g;
    int err = coa_gfile_init(&g, ctx, GRAPH_GRAPHML);
    if (err)
        return err;
    gml_t st;
    memset(&st, 0, sizeof st);
    st.g = &g;
    if (coa_strpool_init(&st.key_ids)) {
        coa_gfile_destroy(&g);
        return COA_ENOMEM;
    }
    coa_xml_lockdown();
    if (!blank_entity)
        blank_entity = xmlNewEntity(NULL, (const xmlChar *)"coauthor-blank", XML_INTERNAL_GENERAL_ENTITY, NULL, NULL,
                                    (const xmlChar *)"");
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.getEntity = on_entity;
    sax.serror = on_xml_error;
    xmlParserCtxtPtr px = blank_entity ? xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, ctx->in->name) : NULL;
    if (!px) {
        coa_strpool_destroy(&st.key_ids);
        coa_gfile_destroy(&g);
        return COA_ENOMEM;
    }
    st.px = px;
    px->_private = &st;
    /* NOENT: a reference is replaced by its entity, which on_entity makes
     * blank unless it is predefined; NONET keeps libxml2 off the network;
     * BIG_LINES keeps line numbers past 65535 */
    xmlCtxtUseOptions(px, XML_PARSE_NOENT | XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    /* the block read, after the tail the entity scan held back */
    enum { BLOCK = 1 << 16, TAIL = 128 };
    char *buf = malloc(TAIL + BLOCK);
    entity_scan_t sc = {SCAN_TEXT, 1, 0};
    size_t held = 0;
    int bad = 0;
    if (!buf)
        err = COA_ENOMEM;
    while (!err) {
        long got = coa_input_read_raw(ctx->in, buf + held, BLOCK);
        if (got < 0) {
            err = ctx->in->error ? ctx->in->error : COA_EIO;
            break;
        }
        size_t n = held + (size_t)got;
        size_t used = scan_entities(ctx, &sc, buf, n, got == 0);
        held = n - used;
        if (!bad)
            bad = xmlParseChunk(px, buf + n - (size_t)got, (int)got, got == 0) != 0;
        memmove(buf, buf + used, held);
        if (got == 0)
            break;
        if (st.err)
            break; /* after a parse error the entity scan still reads on, as before */
    }
    free(buf);
    if (!err)
        err = st.err;
    if (sc.found > 10)
        coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, 0, "%lu more undefined entities", sc.found - 10);
    if (!err && sc.found && ctx->opts && ctx->opts->strict)
        err = COA_EPARSE;
    if (!err && (st.fail || bad || !px->wellFormed)) {
        if (st.fail == FAIL_LONG)
            coa_diag(ctx->diag, COA_DIAG_ERROR, ctx->in->name, 0,
                     "cannot read as GraphML: a value longer than %zu bytes, the limit for one value", GRAPH_MAX_VALUE);
        else
            coa_gfile_parse_error(&g, "Parse error");
        err = COA_EPARSE;
    }
    if (!err)
        err = coa_gfile_finish(&g);
    if (px->myDoc)
        xmlFreeDoc(px->myDoc);
    xmlFreeParserCtxt(px);
    for (size_t i = 0; i < st.nkeys; i++) {
        free(st.keys[i].name);
        free(st.keys[i].def);
    }
    free(st.keys);
    for (int i = 0; i < 4; i++)
        free(st.vals[i].s);
    free(st.text.s);
    free(st.id.s);
    coa_strpool_destroy(&st.key_ids);
    coa_gfile_destroy(&g);
    return err;
}
