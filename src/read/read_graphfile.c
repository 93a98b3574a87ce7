/*
 * Graph files that are already projected onto authors: GraphML
 * (read_graphml.c), GML and Pajek.  Like SNAP edge lists they have no
 * papers: each edge becomes a direct author-author link, and each edge is
 * a record; so is each isolated vertex, which stays in the network as an
 * author without coauthors (COA_AUTHOR_VERTEX).  An author's name is the
 * vertex's "name" attribute, else its "label", else its "id" (GraphML's
 * node id, GML's id, Pajek's label), else its number from 1.
 *
 * An edge's numeric "weight" attribute (GraphML and GML "weight", the
 * third column of a Pajek edge line), else its "value" (Newman's
 * networks: netscience.gml gives each pair's collaboration strength so),
 * is taken as the pair's joint papers; --weight-attr NAME
 * (options->weight_attr) names another attribute.  An edge without one
 * counts as one.  A weight that is not a positive number gets a located
 * warning and counts as one.  A directed graph is read as undirected (an
 * arc is a coauthorship either way), with a warning.
 *
 * Each reader streams its input (a token, a line or an XML event at a
 * time) and keeps only the graph: each vertex's id and name, each edge's
 * two vertices, line and weights.  So memory follows the network, not the
 * file: comments, layout and attributes that are not read cost nothing.
 * One value that is kept (a name, an id, a weight) may be at most
 * GRAPH_MAX_VALUE bytes, and a Pajek line at most the line limit
 * (--max-line).  The graph goes to the corpus only once the whole file
 * has parsed, as when igraph read these files: a file with a syntax error
 * fails as a whole ("cannot read as GML: Parse error"), and an edge's
 * diagnostics name its line.
 */
#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corpus/internal.h"
#include "graphfile.h"
#include "readers.h"

/* The head after blank lines and '#' or '%' comment lines. */
static size_t skip_comments(const unsigned char *head, size_t len)
{
    size_t i = 0;
    for (;;) {
        while (i < len && isspace(head[i]))
            i++;
        if (i < len && (head[i] == '#' || head[i] == '%')) {
            while (i < len && head[i] != '\n')
                i++;
            continue;
        }
        return i;
    }
}

int coa_detect_graphml(const char *name, const unsigned char *head, size_t len)
{
    size_t n = len < 4096 ? len : 4096;
    if (coa_head_has(head, n, "<graphml"))
        return 95;
    /* a long comment or DOCTYPE can push the root past 4 KB: look through
     * all of what was peeked, for XML only */
    size_t i = 0;
    if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && isspace(head[i]))
        i++;
    if (i == len || head[i] != '<')
        return 0;
    if (coa_head_has(head, len, "<graphml"))
        return 90;
    /* the root beyond the peek: the name says what the file is */
    size_t nl = name ? strlen(name) : 0;
    if (nl >= 8 && strcasecmp(name + nl - 8, ".graphml") == 0)
        return 60;
    return 0;
}

int coa_detect_gml(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    size_t i = skip_comments(head, len);
    /* GML: key-value pairs, "graph [" near the start (after Creator, Version) */
    size_t n = len - i < 4096 ? len - i : 4096;
    const unsigned char *s = head + i;
    if ((n >= 5 && memcmp(s, "graph", 5) == 0) ||
        (n >= 7 && (memcmp(s, "Creator", 7) == 0 || memcmp(s, "Version", 7) == 0)))
        return coa_head_has(s, n, "graph") && coa_head_has(s, n, "[") ? 85 : 0;
    return 0;
}

int coa_detect_pajek(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    size_t i = skip_comments(head, len);
    if (len - i >= 9 && strncasecmp((const char *)head + i, "*vertices", 9) == 0)
        return 90;
    if (len - i >= 8 && strncasecmp((const char *)head + i, "*network", 8) == 0)
        return 90;
    return 0;
}


/* ---- the graph as it is read ---- */

int coa_gfile_init(graph_t *g, coa_reader_ctx_t *ctx, graph_kind_t kind)
{
    memset(g, 0, sizeof *g);
    g->ctx = ctx;
    g->kind = kind;
    g->custom = ctx->opts ? ctx->opts->weight_attr : NULL;
    if (coa_strpool_init(&g->keys) || coa_strpool_init(&g->names)) {
        coa_gfile_destroy(g);
        return COA_ENOMEM;
    }
    return COA_OK;
}

void coa_gfile_destroy(graph_t *g)
{
    coa_strpool_destroy(&g->keys);
    coa_strpool_destroy(&g->names);
    COA_FREE(g->vmap, g->vname, g->edges);
    memset(g, 0, sizeof *g);
}

int coa_gfile_reserve_vertices(graph_t *g, size_t n)
{
    if (n <= g->nv)
        return COA_OK;
    if (coa_grow_array(&g->vname, &g->vname_cap, n, sizeof *g->vname, 1024))
        return COA_ENOMEM;
    memset(g->vname + g->nv, 0, (n - g->nv) * sizeof *g->vname);
    g->nv = n;
    return COA_OK;
}

int coa_gfile_add_vertex(graph_t *g, uint32_t *v)
{
    if (g->nv >= UINT32_MAX - 1)
        return COA_ENOMEM;
    *v = (uint32_t)g->nv;
    return coa_gfile_reserve_vertices(g, g->nv + 1);
}

int coa_gfile_key(graph_t *g, const char *id, size_t len, coa_str_t *key)
{
    /* a leading byte keeps the empty id apart from the pool's empty string */
    char small[64], *buf = len + 1 <= sizeof small ? small : malloc(len + 1);
    if (!buf)
        return COA_ENOMEM;
    buf[0] = 'v';
    memcpy(buf + 1, id, len);
    coa_str_t k = coa_strpool_intern(&g->keys, buf, len + 1);
    if (buf != small)
        free(buf);
    if (k == COA_NONE)
        return COA_ENOMEM;
    if (k >= g->vmap_n) {
        if (coa_grow_array(&g->vmap, &g->vmap_cap, (size_t)k + 1, sizeof *g->vmap, 1024))
            return COA_ENOMEM;
        memset(g->vmap + g->vmap_n, 0, ((size_t)k + 1 - g->vmap_n) * sizeof *g->vmap);
        g->vmap_n = (size_t)k + 1;
    }
    *key = k;
    return COA_OK;
}

int coa_gfile_vertex_of(graph_t *g, const char *id, size_t len, int add, uint32_t *v)
{
    coa_str_t k;
    int err = coa_gfile_key(g, id, len, &k);
    if (err)
        return err;
    if (g->vmap[k]) {
        *v = g->vmap[k] - 1;
        return COA_OK;
    }
    if (!add) {
        *v = UINT32_MAX;
        return COA_OK;
    }
    err = coa_gfile_add_vertex(g, v);
    if (!err)
        g->vmap[k] = *v + 1;
    return err;
}

int coa_gfile_set_name(graph_t *g, uint32_t v, const char *name, size_t len)
{
    if (!len) {
        g->vname[v] = COA_NOSTR;
        return COA_OK;
    }
    coa_str_t s = coa_strpool_add(&g->names, name, len);
    if (s == COA_NONE)
        return COA_ENOMEM;
    g->vname[v] = s;
    return COA_OK;
}

int coa_gfile_add_edge(graph_t *g, const graph_edge_t *e)
{
    if (coa_grow_array(&g->edges, &g->edges_cap, g->ne + 1, sizeof *g->edges, 1024))
        return COA_ENOMEM;
    g->edges[g->ne++] = *e;
    return COA_OK;
}

int coa_text_put(text_t *t, const char *s, size_t n)
{
    if (coa_grow_array(&t->s, &t->cap, t->len + n + 1, 1, 256))
        return COA_ENOMEM;
    if (n)
        memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
    return COA_OK;
}

int coa_text_set(text_t *t, const char *s, size_t n)
{
    t->len = 0;
    return coa_text_put(t, s, n);
}

float coa_gfile_weight_number(double x)
{
    if (isnan(x))
        return GRAPH_W_NONE;
    if (!(x > 0) || isinf(x))
        return GRAPH_W_BAD;
    return x <= FLT_MAX ? (float)x : GRAPH_W_NONE; /* the corpus keeps a larger one as none */
}

float coa_gfile_weight_text(const char *s, size_t len)
{
    char buf[64];
    if (!len)
        return GRAPH_W_NONE;
    if (len >= sizeof buf)
        return GRAPH_W_BAD;
    memcpy(buf, s, len);
    buf[len] = '\0';
    char *end;
    double w = strtod(buf, &end);
    while (*end && isspace((unsigned char)*end))
        end++;
    if (*end || end == buf || isnan(w))
        return GRAPH_W_BAD;
    return coa_gfile_weight_number(w);
}

int coa_gfile_parse_error(graph_t *g, const char *reason)
{
    static const char *const kind_names[] = {"GraphML", "GML", "Pajek"};
    coa_diag(g->ctx->diag, COA_DIAG_ERROR, g->ctx->in->name, 0, "cannot read as %s: %s", kind_names[g->kind],
             reason);
    return COA_EPARSE;
}

static const char *vertex_name(const graph_t *g, uint32_t v, char *num, size_t numlen, size_t *len)
{
    if (g->vname[v] != COA_NOSTR) {
        const char *s = coa_strpool_get(&g->names, g->vname[v]);
        *len = strlen(s);
        return s;
    }
    *len = (size_t)snprintf(num, numlen, "%lld", (long long)v + 1);
    return num;
}

int coa_gfile_finish(graph_t *g)
{
    coa_reader_ctx_t *ctx = g->ctx;
    int err = COA_OK;
    uint8_t *touched = calloc(g->nv ? g->nv : 1, 1);
    if (!touched)
        return COA_ENOMEM;
    /* which attribute is the weight */
    int w = -1;
    if (g->custom) {
        if (g->has[GRAPH_W_WEIGHT])
            w = GRAPH_W_WEIGHT;
        else
            coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, 0,
                     "no edge attribute '%s' (--weight-attr); every edge counts as one joint paper", g->custom);
    } else if (g->has[GRAPH_W_WEIGHT]) {
        w = GRAPH_W_WEIGHT;
    } else if (g->has[GRAPH_W_VALUE]) {
        w = GRAPH_W_VALUE;
    }
    if (g->directed)
        coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, 0,
                 "a directed graph, read as undirected: an arc and its reverse are one coauthor pair");
    char na[48], nb[48];
    for (size_t e = 0; e < g->ne && !err; e++) {
        const graph_edge_t *ed = &g->edges[e];
        uint32_t line = g->unplaced ? 0 : ed->line;
        /* igraph kept an undirected edge from its higher vertex: the
         * authors are met, and numbered, in that order */
        uint32_t va = ed->a, vb = ed->b;
        if (!g->directed && va < vb)
            va = ed->b, vb = ed->a;
        size_t alen, blen;
        const char *a = vertex_name(g, va, na, sizeof na, &alen);
        const char *b = vertex_name(g, vb, nb, sizeof nb, &blen);
        double weight = w < 0 ? GRAPH_W_NONE : (double)ed->w[w];
        touched[ed->a] = touched[ed->b] = 1;
        if (weight == GRAPH_W_BAD) {
            coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, line,
                     "edge %lld: weight is not a positive number; counted as 1", (long long)e + 1);
            weight = 0;
        }
        err = coa_corpus_add_link_weighted(ctx->corpus, ctx->source, line, a, alen, b, blen, weight);
        if (err == COA_EINVAL) {
            err = coa_reader_skip(ctx, line, "edge %lld: a vertex name has no letters or digits", (long long)e + 1);
            continue;
        }
        if (!err)
            ctx->corpus->sources[ctx->source].records++;
    }
    /* a vertex without edges is an author without coauthors, not nothing */
    for (size_t v = 0; v < g->nv && !err; v++) {
        uint32_t author;
        size_t alen;
        const char *a = vertex_name(g, (uint32_t)v, na, sizeof na, &alen);
        if ((err = coa_corpus_author(ctx->corpus, a, alen, NULL, &author)))
            break;
        if (author == COA_NONE) {
            if (!touched[v])
                err = coa_reader_skip(ctx, 0, "vertex %lld: its name has no letters or digits", (long long)v + 1);
            continue;
        }
        ctx->corpus->authors[author].flags |= COA_AUTHOR_VERTEX;
        if (!touched[v])
            ctx->corpus->sources[ctx->source].records++;
    }
    if (!err) {
        char value[32];
        snprintf(value, sizeof value, "%lld", (long long)g->nv);
        err = coa_corpus_add_meta(ctx->corpus, ctx->source, "vertices", value);
    }
    free(touched);
    return err;
}

/* ---- the raw bytes of the input, a block at a time ---- */

typedef struct {
    coa_input_t *in;
    char buf[1 << 16];
    size_t pos, len;
    int err; /* the input's error, once it has one */
} bytes_t;

/* The next byte, or -1 at the end (or on an error, in b->err). */
static int byte_next(bytes_t *b)
{
    if (b->pos == b->len) {
        long got = coa_input_read_raw(b->in, b->buf, sizeof b->buf);
        if (got <= 0) {
            if (got < 0)
                b->err = b->in->error ? b->in->error : COA_EIO;
            return -1;
        }
        b->len = (size_t)got;
        b->pos = 0;
    }
    return (unsigned char)b->buf[b->pos++];
}

static void byte_back(bytes_t *b)
{
    b->pos--;
}

/* ---- GML: a token at a time ---- */

enum { T_END, T_KEY, T_NUM, T_STR, T_OPEN, T_CLOSE, T_BAD, T_LONG, T_NOMEM };

typedef struct {
    bytes_t b;
    uint32_t line;     /* the line being read */
    uint32_t tline;    /* the line of the last token */
    int mid_line;      /* not at the start of a line, where a comment may begin */
    char key[64];      /* the last key; a longer one is cut, and matches nothing */
    double num;
    text_t str;        /* the last string, when kept */
} gml_lex_t;

/* The five XML entities in a GML string, in any case, as igraph 0.10
 * decodes them: "A&amp;B" is "A&B"; character references stay. */
static void gml_decode(text_t *t)
{
    static const struct {
        const char *name;
        char ch;
    } ents[] = {{"amp;", '&'}, {"quot;", '"'}, {"lt;", '<'}, {"gt;", '>'}, {"apos;", '\''}};
    size_t w = 0;
    for (size_t i = 0; i < t->len;) {
        if (t->s[i] == '&') {
            size_t k;
            for (k = 0; k < sizeof ents / sizeof ents[0]; k++) {
                size_t n = strlen(ents[k].name);
                if (t->len - i - 1 >= n && strncasecmp(t->s + i + 1, ents[k].name, n) == 0) {
                    t->s[w++] = ents[k].ch;
                    i += n + 1;
                    break;
                }
            }
            if (k < sizeof ents / sizeof ents[0])
                continue;
        }
        t->s[w++] = t->s[i++];
    }
    t->len = w;
    if (t->s)
        t->s[w] = '\0';
}

/* A number as igraph's GML reader takes one: [+-]digits[.digits][e[+-]digits],
 * or inf or nan (in any case, after a sign or not); an overflow is not one. */
static int gml_number(const char *s, double *x)
{
    const char *p = s + (*s == '-' || *s == '+');
    if (strcasecmp(p, "inf") == 0 || strcasecmp(p, "nan") == 0) {
        *x = strtod(s, NULL);
        return 1;
    }
    const char *q = p;
    while (isdigit((unsigned char)*q))
        q++;
    if (q == p)
        return 0;
    if (*q == '.') {
        const char *d = ++q;
        while (isdigit((unsigned char)*q))
            q++;
        if (q == d)
            return 0;
    }
    if (*q == 'e' || *q == 'E') {
        q += q[1] == '-' || q[1] == '+';
        const char *d = ++q;
        while (isdigit((unsigned char)*q))
            q++;
        if (q == d)
            return 0;
    }
    if (*q)
        return 0;
    *x = strtod(s, NULL);
    return !isinf(*x);
}

/* The next token; a string's text is kept (in lx->str) only when 'keep'. */
static int gml_next(gml_lex_t *lx, int keep)
{
    int c;
    for (;;) {
        c = byte_next(&lx->b);
        if (c < 0)
            return lx->b.err ? T_BAD : T_END;
        if (c == '\n') {
            lx->line++;
            lx->mid_line = 0;
        } else if (c == '#' && !lx->mid_line) { /* igraph: a comment starts a line */
            while ((c = byte_next(&lx->b)) >= 0 && c != '\n')
                ;
            if (c < 0)
                return lx->b.err ? T_BAD : T_END;
            lx->line++;
        } else if (!isspace(c)) {
            break;
        } else {
            lx->mid_line = 1;
        }
    }
    lx->mid_line = 1;
    lx->tline = lx->line;
    if (c == '[')
        return T_OPEN;
    if (c == ']')
        return T_CLOSE;
    if (c == '"') {
        lx->str.len = 0;
        char run[256];
        size_t n = 0;
        for (;;) {
            c = byte_next(&lx->b);
            if (c < 0)
                return T_BAD;
            if (c == '"')
                break;
            lx->line += c == '\n';
            if (!keep)
                continue;
            run[n++] = (char)c;
            if (n == sizeof run) {
                if (lx->str.len + n > GRAPH_MAX_VALUE)
                    return T_LONG;
                if (coa_text_put(&lx->str, run, n))
                    return T_NOMEM;
                n = 0;
            }
        }
        if (keep) {
            if (lx->str.len + n > GRAPH_MAX_VALUE)
                return T_LONG;
            if (coa_text_put(&lx->str, run, n))
                return T_NOMEM;
            gml_decode(&lx->str);
        }
        return T_STR;
    }
    if (isalpha(c) || c == '_') {
        size_t n = 0;
        do {
            if (n < sizeof lx->key - 1)
                lx->key[n] = (char)c;
            n++;
        } while ((c = byte_next(&lx->b)) >= 0 && (isalnum(c) || c == '_'));
        if (c >= 0)
            byte_back(&lx->b);
        if (n >= sizeof lx->key - 1) {
            n = sizeof lx->key - 1;
            lx->key[n - 1] = '\1'; /* cut: matches no name */
        }
        lx->key[n] = '\0';
        return T_KEY;
    }
    if (isdigit(c) || c == '-' || c == '+') {
        char num[64];
        size_t n = 0;
        do {
            if (n == sizeof num - 1)
                return T_BAD;
            num[n++] = (char)c;
        } while ((c = byte_next(&lx->b)) >= 0 && (isalnum(c) || c == '.' || c == '-' || c == '+'));
        if (c >= 0)
            byte_back(&lx->b);
        num[n] = '\0';
        return gml_number(num, &lx->num) ? T_NUM : T_BAD;
    }
    return T_BAD;
}

/* The token of a value: "nan" and "inf" are numbers there. */
static int gml_value_token(gml_lex_t *lx, int keep)
{
    int t = gml_next(lx, keep);
    if (t == T_KEY && gml_number(lx->key, &lx->num))
        return T_NUM;
    return t;
}

/* A token that ended the parse: the reason, or an error code. */
static int gml_fail(graph_t *g, int t)
{
    if (t == T_NOMEM)
        return COA_ENOMEM;
    if (t == T_LONG) {
        coa_diag(g->ctx->diag, COA_DIAG_ERROR, g->ctx->in->name, 0,
                 "cannot read as GML: a value longer than %zu bytes, the limit for one value", GRAPH_MAX_VALUE);
        return COA_EPARSE;
    }
    return coa_gfile_parse_error(g, "Parse error");
}

/* Passes over a list whose '[' has been read, to its ']'. */
static int gml_skip_list(gml_lex_t *lx)
{
    unsigned long depth = 1;
    for (;;) {
        int t = gml_next(lx, 0);
        if (t == T_CLOSE) {
            if (--depth == 0)
                return T_CLOSE;
            continue;
        }
        if (t != T_KEY)
            return t == T_END ? T_BAD : t;
        t = gml_value_token(lx, 0);
        if (t == T_OPEN)
            depth++;
        else if (t != T_NUM && t != T_STR)
            return t == T_END ? T_BAD : t;
    }
}

/* A number as igraph prints it into a name or id. */
static size_t gml_number_text(double x, char *buf, size_t len)
{
    return (size_t)snprintf(buf, len, "%.15g", x);
}

typedef struct {
    gml_lex_t lx;
    text_t name, label, id; /* a node's */
    text_t src, dst;        /* an edge's */
} gml_state_t;

/* The value of a key that is kept: its text (a string, or a number as
 * text) into *t, or a weight into *w. */
static int gml_value(gml_state_t *s, int t, text_t *into, float *w)
{
    if (t == T_STR) {
        if (into)
            return coa_text_set(into, s->lx.str.s ? s->lx.str.s : "", s->lx.str.len) ? T_NOMEM : t;
        *w = coa_gfile_weight_text(s->lx.str.s, s->lx.str.len);
        return t;
    }
    if (into) {
        char buf[64];
        size_t n = into == &s->name || into == &s->label ? gml_number_text(s->lx.num, buf, sizeof buf)
                                                         : (size_t)snprintf(buf, sizeof buf, "%lld", (long long)s->lx.num);
        return coa_text_set(into, buf, n) ? T_NOMEM : t;
    }
    *w = coa_gfile_weight_number(s->lx.num);
    return t;
}

/* A node or an edge, after its '['.  Returns T_CLOSE, or the token that
 * broke it. */
static int gml_record(graph_t *g, gml_state_t *s, int is_edge, uint32_t line)
{
    graph_edge_t e = {0, 0, line, {GRAPH_W_NONE, GRAPH_W_NONE}};
    int has_id = 0, has_src = 0, has_dst = 0, has_w[2] = {0, 0};
    s->name.len = s->label.len = 0;
    for (;;) {
        int t = gml_next(&s->lx, 0);
        if (t == T_CLOSE)
            break;
        if (t != T_KEY)
            return t == T_END ? T_BAD : t;
        const char *k = s->lx.key;
        text_t *into = NULL;
        float *w = NULL;
        int *flag = NULL;
        if (!is_edge) {
            into = strcmp(k, "id") == 0 ? (flag = &has_id, &s->id)
                   : strcmp(k, "name") == 0 ? &s->name
                   : strcmp(k, "label") == 0 ? &s->label
                                             : NULL;
        } else if (strcmp(k, "source") == 0) {
            into = &s->src, flag = &has_src;
        } else if (strcmp(k, "target") == 0) {
            into = &s->dst, flag = &has_dst;
        } else if (g->custom ? strcmp(k, g->custom) == 0 : strcmp(k, "weight") == 0) {
            w = &e.w[GRAPH_W_WEIGHT], flag = &has_w[GRAPH_W_WEIGHT];
        } else if (!g->custom && strcmp(k, "value") == 0) {
            w = &e.w[GRAPH_W_VALUE], flag = &has_w[GRAPH_W_VALUE];
        }
        t = gml_value_token(&s->lx, into || w);
        if (t == T_OPEN) {
            if ((t = gml_skip_list(&s->lx)) != T_CLOSE)
                return t;
            continue;
        }
        if (t != T_NUM && t != T_STR)
            return t == T_END || t == T_CLOSE ? T_BAD : t;
        if (flag && into && (t != T_NUM || s->lx.num != floor(s->lx.num) || fabs(s->lx.num) > 1e18))
            return T_BAD; /* an id, a source or a target is an integer */
        if (into || w) {
            if ((t = gml_value(s, t, into, w)) == T_NOMEM)
                return t;
            if (flag)
                *flag = 1;
        }
    }
    int err;
    if (is_edge) {
        if (!has_src || !has_dst)
            return T_BAD;
        /* the endpoints are kept as ids until every node has been read */
        coa_str_t ka, kb;
        if (coa_gfile_key(g, s->src.s, s->src.len, &ka) || coa_gfile_key(g, s->dst.s, s->dst.len, &kb))
            return T_NOMEM;
        e.a = ka;
        e.b = kb;
        g->has[0] |= has_w[0];
        g->has[1] |= has_w[1];
        return coa_gfile_add_edge(g, &e) ? T_NOMEM : T_CLOSE;
    }
    uint32_t v;
    if (has_id) {
        if ((err = coa_gfile_vertex_of(g, s->id.s, s->id.len, 0, &v)))
            return T_NOMEM;
        if (v != UINT32_MAX)
            return T_BAD; /* two nodes with one id */
        err = coa_gfile_vertex_of(g, s->id.s, s->id.len, 1, &v);
    } else {
        err = coa_gfile_add_vertex(g, &v);
    }
    const text_t *name = s->name.len ? &s->name : s->label.len ? &s->label : has_id ? &s->id : NULL;
    if (!err && name)
        err = coa_gfile_set_name(g, v, name->s, name->len);
    return err ? T_NOMEM : T_CLOSE;
}

/* The first "graph [", after its '['. */
static int gml_graph(graph_t *g, gml_state_t *s)
{
    for (;;) {
        int t = gml_next(&s->lx, 0);
        if (t == T_CLOSE)
            return T_CLOSE;
        if (t != T_KEY)
            return t == T_END ? T_BAD : t;
        int node = strcmp(s->lx.key, "node") == 0, edge = strcmp(s->lx.key, "edge") == 0;
        int directed = strcmp(s->lx.key, "directed") == 0;
        uint32_t line = s->lx.tline;
        t = gml_value_token(&s->lx, 0);
        if (t == T_OPEN)
            t = node || edge ? gml_record(g, s, edge, line) : gml_skip_list(&s->lx);
        else if (t == T_NUM && directed)
            g->directed = s->lx.num != 0;
        else if (t != T_NUM && t != T_STR)
            return t == T_END || t == T_CLOSE ? T_BAD : t;
        if (t != T_CLOSE && t != T_NUM && t != T_STR)
            return t;
    }
}

int coa_read_gml(coa_reader_ctx_t *ctx)
{
    graph_t g;
    gml_state_t *s = calloc(1, sizeof *s);
    if (!s)
        return COA_ENOMEM;
    int err = coa_gfile_init(&g, ctx, GRAPH_GML);
    if (err) {
        free(s);
        return err;
    }
    s->lx.b.in = ctx->in;
    s->lx.line = 1;
    int seen_graph = 0, t;
    for (;;) {
        t = gml_next(&s->lx, 0);
        if (t == T_END)
            break;
        if (t != T_KEY)
            break;
        int graph = strcmp(s->lx.key, "graph") == 0;
        t = gml_value_token(&s->lx, 0);
        if (t == T_OPEN) {
            /* igraph reads the first graph; the others must still parse */
            t = graph && !seen_graph ? gml_graph(&g, s) : gml_skip_list(&s->lx);
            seen_graph |= graph;
        }
        if (t != T_CLOSE && t != T_NUM && t != T_STR) {
            t = t == T_END ? T_BAD : t; /* a key without a value */
            break;
        }
    }
    if (s->lx.b.err)
        err = s->lx.b.err;
    else if (t != T_END)
        err = gml_fail(&g, t);
    else if (!seen_graph)
        err = coa_gfile_parse_error(&g, "Parse error");
    /* each edge's ids become its vertices */
    for (size_t i = 0; i < g.ne && !err; i++) {
        graph_edge_t *e = &g.edges[i];
        if (!g.vmap[e->a] || !g.vmap[e->b]) {
            err = coa_gfile_parse_error(&g, "Parse error");
            break;
        }
        e->a = g.vmap[e->a] - 1;
        e->b = g.vmap[e->b] - 1;
    }
    COA_FREE(s->lx.str.s, s->name.s, s->label.s, s->id.s, s->src.s, s->dst.s);
    free(s);
    if (!err)
        err = coa_gfile_finish(&g);
    coa_gfile_destroy(&g);
    return err;
}

/* ---- Pajek: a line at a time ---- */

/* The next token of t[0 .. n) from *i: a quoted label without its quotes
 * (*quoted set), else a run of non-space; 0 at the end of the line. */
static int pajek_token(const char *t, size_t n, size_t *i, const char **tok, size_t *len, int *quoted)
{
    while (*i < n && isspace((unsigned char)t[*i]))
        (*i)++;
    if (*i >= n)
        return 0;
    /* a quote without its closing one starts a plain token, as in igraph */
    const char *end = t[*i] == '"' ? memchr(t + *i + 1, '"', n - *i - 1) : NULL;
    *quoted = end != NULL;
    if (*quoted) {
        *tok = t + *i + 1;
        *len = (size_t)(end - *tok);
        *i = (size_t)(end - t) + 1;
        return 1;
    }
    *tok = t + *i;
    while (*i < n && !isspace((unsigned char)t[*i]))
        (*i)++;
    *len = (size_t)(t + *i - *tok);
    return 1;
}

static int pajek_digits(const char *tok, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!isdigit((unsigned char)tok[i]))
            return 0;
    return len > 0;
}

/* A vertex number 1 .. 'declared', as vertex 0 ..: NULL, else why it is
 * not one, in igraph's words. */
static const char *pajek_vertex(const char *tok, size_t len, int quoted, unsigned long long declared, uint32_t *v)
{
    unsigned long long x = 0;
    if (quoted || !len || len > 19)
        return "Parse error";
    for (size_t i = 0; i < len; i++) {
        if (!isdigit((unsigned char)tok[i]))
            return "Parse error";
        x = x * 10 + (unsigned long long)(tok[i] - '0');
    }
    if (x < 1)
        return "Invalid value";
    if (x > declared || x > UINT32_MAX - 1)
        return "Invalid vertex ID";
    *v = (uint32_t)(x - 1);
    return NULL;
}

static int pajek_number(const char *tok, size_t len, double *x)
{
    char buf[64];
    if (!len || len >= sizeof buf)
        return 0;
    memcpy(buf, tok, len);
    buf[len] = '\0';
    char *end;
    *x = strtod(buf, &end);
    return !*end;
}

typedef struct {
    graph_t *g;
    unsigned long long declared; /* the last "*Vertices N" */
    long vline;                  /* its line */
    int weights;                 /* the third column is the weight read */
    int weighted;                /* an edge has had a weight */
} pajek_t;

/* Pajek's lines, their bytes as they are (igraph's reader took them so). */
typedef struct {
    bytes_t b;
    text_t text;   /* the line, without its end */
    uint32_t line;
    size_t max;    /* the longest line read (--max-line) */
    int end;
} pajek_lines_t;

/* The next line into pl->text; pl->end at the end.  A line longer than
 * pl->max is passed over, with the line reader's warning, as a record
 * skipped. */
static int pajek_line(coa_reader_ctx_t *ctx, pajek_lines_t *pl)
{
    for (;;) {
        int c = byte_next(&pl->b), too_long = 0;
        if (c < 0) {
            pl->end = 1;
            return pl->b.err;
        }
        pl->line++;
        pl->text.len = 0;
        char run[256];
        size_t k = 0;
        for (; c >= 0 && c != '\n'; c = byte_next(&pl->b)) {
            if (too_long)
                continue;
            run[k++] = (char)c;
            if (k == sizeof run) {
                if (pl->text.len + k > pl->max)
                    too_long = 1;
                else if (coa_text_put(&pl->text, run, k))
                    return COA_ENOMEM;
                k = 0;
            }
        }
        if (pl->b.err)
            return pl->b.err;
        if (!too_long && pl->text.len + k > pl->max)
            too_long = 1;
        if (!too_long) {
            if (coa_text_put(&pl->text, run, k))
                return COA_ENOMEM;
            return COA_OK;
        }
        coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, pl->line, "line longer than %zu bytes skipped",
                 pl->max);
        int err = coa_reader_skip(ctx, pl->line, "a Pajek line too long to read: a vertex or edge on it is lost");
        if (err)
            return err;
        if (c < 0) {
            pl->end = 1;
            return COA_OK;
        }
    }
}

/* The keywords of an edge's parameters in igraph's Pajek reader. */
static int pajek_edge_keyword(const char *tok, size_t len)
{
    static const char *const words[] = {"w", "c", "p", "a", "s", "l", "lp", "lr", "lphi", "lc", "la", "fos",
                                        "font", "h1", "h2", "a1", "a2", "k1", "k2", "ap"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (strlen(words[k]) == len && strncasecmp(words[k], tok, len) == 0)
            return 1;
    return 0;
}

/* igraph's Pajek reader allocated every vertex a "*Vertices N" line
 * declares, listed or not: "*Vertices 555555554" in a 100-byte file asked
 * for 4.4 GB (found by fuzzing).  Vertices that are declared but not listed
 * are isolated authors without a name, so a file may declare at most one
 * per byte of input, or a million, whichever is more: checked at the end,
 * when the file's length is known, and before then whenever a vertex
 * beyond a million is named, against the bytes read so far. */
static int pajek_too_many(pajek_t *p, unsigned long long n, uint64_t bytes)
{
    unsigned long long limit = bytes > 1000000 ? (unsigned long long)bytes : 1000000;
    if (n <= limit)
        return COA_OK;
    coa_reader_ctx_t *ctx = p->g->ctx;
    coa_diag(ctx->diag, COA_DIAG_ERROR, ctx->in->name, p->vline,
             "declares %llu vertices, more than a file of %llu bytes can describe; not read", p->declared,
             (unsigned long long)bytes);
    return COA_EPARSE;
}

/* Vertex v is used: it and those before it exist. */
static int pajek_use(pajek_t *p, uint32_t v)
{
    if (v < p->g->nv)
        return COA_OK;
    int err = pajek_too_many(p, (unsigned long long)v + 1, p->g->ctx->in->consumed);
    return err ? err : coa_gfile_reserve_vertices(p->g, (size_t)v + 1);
}

static int pajek_edge(pajek_t *p, uint32_t a, uint32_t b, uint32_t line, float w, int has_w)
{
    int err = pajek_use(p, a);
    if (!err)
        err = pajek_use(p, b);
    graph_edge_t e = {a, b, line, {w, GRAPH_W_NONE}};
    p->g->has[GRAPH_W_WEIGHT] |= has_w;
    return err ? err : coa_gfile_add_edge(p->g, &e);
}

int coa_read_pajek(coa_reader_ctx_t *ctx)
{
    enum { NONE, VERTICES, EDGES, LISTS, MATRIX } section = NONE;
    graph_t g;
    int err = coa_gfile_init(&g, ctx, GRAPH_PAJEK);
    if (err)
        return err;
    pajek_t p = {&g, 0, 0, !g.custom || strcmp(g.custom, "weight") == 0, 0};
    const char *reason = NULL;
    const char *t, *tok;
    size_t n, len;
    uint32_t row = 0;
    int quoted;
    pajek_lines_t *pl = calloc(1, sizeof *pl);
    if (!pl) {
        coa_gfile_destroy(&g);
        return COA_ENOMEM;
    }
    pl->b.in = ctx->in;
    pl->max = ctx->opts && ctx->opts->max_line ? ctx->opts->max_line : COA_INPUT_MAX_LINE;
    while (!err && !reason && (err = pajek_line(ctx, pl)) == COA_OK && !pl->end) {
        t = pl->text.s ? pl->text.s : "";
        n = pl->text.len;
        uint32_t line = pl->line;
        size_t i = 0;
        if (!pajek_token(t, n, &i, &tok, &len, &quoted) || (!quoted && tok[0] == '%'))
            continue;
        if (!quoted && tok[0] == '*') {
            const char *w = tok + 1;
            size_t wl = len - 1;
            if (wl == 8 && strncasecmp(w, "vertices", 8) == 0) {
                section = VERTICES;
                p.declared = 0;
                p.vline = (long)line;
                /* "*Vertices N", or "*Vertices N N1" (two-mode) */
                for (int k = 0; pajek_token(t, n, &i, &tok, &len, &quoted); k++) {
                    if (quoted || k == 2 || !pajek_digits(tok, len)) {
                        reason = "Parse error";
                        break;
                    }
                    for (size_t d = 0; d < len && k == 0; d++)
                        if (p.declared < 100000000000000000ULL) /* saturates far above any limit */
                            p.declared = p.declared * 10 + (unsigned long long)(tok[d] - '0');
                }
                if (reason)
                    break;
            } else if ((wl == 9 && strncasecmp(w, "edgeslist", 9) == 0) ||
                       (wl == 8 && strncasecmp(w, "arcslist", 8) == 0)) {
                section = LISTS;
            } else if ((wl == 5 && strncasecmp(w, "edges", 5) == 0) || (wl == 4 && strncasecmp(w, "arcs", 4) == 0)) {
                section = EDGES;
            } else if (wl == 6 && strncasecmp(w, "matrix", 6) == 0) {
                section = MATRIX;
                g.unplaced = 1; /* a matrix's cells are not edges on lines */
                row = 0;
            } else if (wl == 7 && strncasecmp(w, "network", 7) == 0) {
                section = NONE;
            } else {
                reason = "Parse error"; /* *Partition, *Vector...: not a network igraph reads */
                break;
            }
            /* as in igraph, the last section of edges says whether the
             * graph is directed: *Arcs, *Arcslist or *Matrix */
            if (section != VERTICES && section != NONE)
                g.directed = w[0] == 'a' || w[0] == 'A' || w[0] == 'm' || w[0] == 'M';
            continue;
        }
        uint32_t a = 0, b;
        if (section == NONE)
            continue;
        if (section == MATRIX) { /* a row of numbers, one per vertex */
            uint32_t col = 0;
            double x;
            if (row >= p.declared) {
                reason = "Parse error";
                break;
            }
            for (i = 0; !err && !reason && pajek_token(t, n, &i, &tok, &len, &quoted); col++) {
                if (quoted || !pajek_number(tok, len, &x))
                    reason = "Parse error";
                else if (x != 0 && col < p.declared) /* igraph passes over a longer row */
                    err = pajek_edge(&p, row, col, line, p.weights ? coa_gfile_weight_number(x) : GRAPH_W_NONE,
                                     p.weights);
            }
            row++;
            continue;
        }
        const char *first = tok;
        size_t first_len = len;
        int first_quoted = quoted;
        if (section != VERTICES && !pajek_token(t, n, &i, &tok, &len, &quoted)) {
            reason = "Parse error"; /* an edge needs two vertices */
            break;
        }
        if ((reason = pajek_vertex(first, first_len, first_quoted, p.declared, &a)))
            break;
        if (section == VERTICES) {
            err = pajek_use(&p, a);
            if (!err && pajek_token(t, n, &i, &tok, &len, &quoted))
                err = coa_gfile_set_name(&g, a, tok, len);
        } else if (section == EDGES) {
            float w = GRAPH_W_NONE;
            double x;
            int has_w = 0;
            if ((reason = pajek_vertex(tok, len, quoted, p.declared, &b)))
                break;
            /* then the weight, then keyword-value pairs ("c Blue") */
            int more = pajek_token(t, n, &i, &tok, &len, &quoted);
            if (more && !quoted && pajek_number(tok, len, &x)) {
                if (p.weights) {
                    w = coa_gfile_weight_number(x);
                    has_w = 1;
                }
                more = pajek_token(t, n, &i, &tok, &len, &quoted);
            }
            if (more && (quoted || !pajek_edge_keyword(tok, len))) {
                reason = "Parse error";
                break;
            }
            if (has_w && !p.weighted) {
                /* igraph gave the edges before the first weight a weight of
                 * 0 (and those after it none) */
                p.weighted = 1;
                for (size_t k = 0; k < g.ne; k++)
                    g.edges[k].w[GRAPH_W_WEIGHT] = GRAPH_W_BAD;
            }
            err = pajek_edge(&p, a, b, line, w, has_w);
        } else if (section == LISTS) {
            do {
                if ((reason = pajek_vertex(tok, len, quoted, p.declared, &b)))
                    break;
                err = pajek_edge(&p, a, b, line, GRAPH_W_NONE, 0);
            } while (!err && pajek_token(t, n, &i, &tok, &len, &quoted));
        }
    }
    free(pl->text.s);
    free(pl);
    if (!err && !reason && !ctx->in->error)
        err = pajek_too_many(&p, p.declared, ctx->in->consumed);
    if (!err && !reason && !ctx->in->error)
        err = coa_gfile_reserve_vertices(&g, (size_t)p.declared);
    if (!err && reason)
        err = coa_gfile_parse_error(&g, reason);
    if (!err && !ctx->in->error)
        err = coa_gfile_finish(&g);
    coa_gfile_destroy(&g);
    return err;
}

/* What 'coauthor formats --help' says of the graph files (coa_formats_help). */
const char coa_help_graphfile[] =
    "Graph files (GraphML, GML, Pajek), already projected onto authors:\n"
    "  - an edge's 'weight' attribute (GraphML, GML), else its GML 'value'\n"
    "    (Newman's netscience.gml), or third column (Pajek) is the pair's joint\n"
    "    papers (and its fractional weight); --weight-attr NAME chooses another\n"
    "    attribute; without one, or when it is not a positive number (warned),\n"
    "    an edge counts as one;\n"
    "  - a directed graph is read as undirected, with a warning;\n"
    "  - a vertex without edges stays in the network as an isolated author;\n"
    "  - a chain's hop names the edge's file and line ('small.net:8'), or the\n"
    "    file alone when the edges cannot be placed (a Pajek *Matrix).\n"
    "\n";
