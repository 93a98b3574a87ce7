/*
 * Graph files that are already projected onto authors: GraphML, GML and
 * Pajek, read by igraph's own readers.  Like SNAP edge lists they have no
 * papers: each edge becomes a direct author-author link, and each edge is
 * a record; so is each isolated vertex, which stays in the network as an
 * author without coauthors (COA_AUTHOR_VERTEX).  An author's name is the
 * vertex's "name" attribute, else its "label", else its "id" (GraphML's
 * node id, Pajek's label), else its number from 1.
 *
 * An edge's numeric "weight" attribute (GraphML and GML "weight", the
 * third column of a Pajek edge line, which igraph names "weight"), else
 * its GML "value" (Newman's networks: netscience.gml gives each pair's
 * collaboration strength so), is taken as the pair's joint papers;
 * --weight-attr NAME (options->weight_attr) names another attribute.  An
 * edge without one counts as one.  A weight that is not a positive number
 * gets a located warning and counts as one.  A directed graph is read as
 * undirected (an arc is a coauthorship either way), with a warning.
 *
 * igraph's readers take a FILE *, so the decompressed input is collected
 * in memory and handed over through fmemopen; igraph builds the whole
 * graph in memory anyway.  So a graph file may hold at most
 * GRAPHFILE_MAX_BYTES: a longer one stops with an error at the limit,
 * before igraph reads any of it.  igraph names no line for a syntax error, so a
 * broken file fails as a whole with igraph's reason.  Nor does it say where
 * an edge was: the text is scanned for edge elements (GraphML <edge>, GML
 * "edge [", Pajek lines under *Edges or *Arcs), and when the scan finds
 * exactly as many edges as igraph read, edge k is given the line of the
 * k-th; otherwise links name the file with no line.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <igraph.h>

#include "corpus/internal.h"
#include "readers.h"

/* igraph's GML reader takes about 12 times the text at its peak, its
 * Pajek and GraphML readers 4 to 9 (17 MB of GML with 190,000 edges:
 * 217 MB; of Pajek with 1.1 million: 161 MB).  32 MiB is a million edges
 * or more; a larger network is better given as an edge list (snap),
 * which is read a line at a time. */
#define GRAPHFILE_MAX_BYTES ((uint64_t)32 << 20)

typedef enum { GRAPH_GRAPHML, GRAPH_GML, GRAPH_PAJEK } graph_kind_t;

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

/* The vertex's name: the first of "name", "label", "id" it has. */
static const char *vertex_name(const igraph_t *g, igraph_integer_t v, char *num, size_t numlen)
{
    static const char *const attrs[] = {"name", "label", "id", NULL};
    for (const char *const *a = attrs; *a; a++) {
        if (!igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, *a))
            continue;
        igraph_attribute_type_t type;
        if (igraph_cattribute_table.gettype((igraph_t *)g, &type, IGRAPH_ATTRIBUTE_VERTEX, *a))
            continue;
        if (type == IGRAPH_ATTRIBUTE_STRING) {
            const char *s = VAS(g, *a, v);
            if (s && *s)
                return s;
        } else if (type == IGRAPH_ATTRIBUTE_NUMERIC) {
            igraph_real_t x = VAN(g, *a, v);
            if (x == x) {
                snprintf(num, numlen, "%.15g", (double)x);
                return num;
            }
        }
    }
    snprintf(num, numlen, "%lld", (long long)v + 1);
    return num;
}


/* ---- where each edge is: a scan of the text beside igraph's parse ---- */

typedef struct {
    uint32_t *lines;
    igraph_integer_t n, cap; /* cap = the edges igraph read */
} edge_lines_t;

/* Records the line of the next edge; 0 once there are more than expected. */
static int push_line(edge_lines_t *el, uint32_t line)
{
    if (el->n >= el->cap) {
        el->n++;
        return 0;
    }
    el->lines[el->n++] = line;
    return 1;
}

static int word_at(const char *s, size_t len, size_t i, const char *w)
{
    size_t n = strlen(w);
    return i + n <= len && memcmp(s + i, w, n) == 0;
}

/* GraphML: every <edge> start tag outside comments, CDATA and
 * processing instructions. */
static void scan_graphml(const char *s, size_t len, edge_lines_t *el)
{
    uint32_t line = 1;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n') {
            line++;
            continue;
        }
        if (s[i] != '<')
            continue;
        const char *end = NULL;
        if (word_at(s, len, i, "<!--"))
            end = "-->";
        else if (word_at(s, len, i, "<![CDATA["))
            end = "]]>";
        else if (word_at(s, len, i, "<?"))
            end = "?>";
        if (end) {
            size_t el_len = strlen(end);
            for (i++; i < len && !word_at(s, len, i, end); i++)
                line += s[i] == '\n';
            i += el_len - 1;
            continue;
        }
        if (word_at(s, len, i, "<edge") && i + 5 < len &&
            (isspace((unsigned char)s[i + 5]) || s[i + 5] == '/' || s[i + 5] == '>') && !push_line(el, line))
            return;
    }
}

/* GML: the key "edge" opening a list one level inside "graph [". */
static void scan_gml(const char *s, size_t len, edge_lines_t *el)
{
    uint32_t line = 1;
    int depth = 0;
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (ch == '\n') {
            line++;
        } else if (ch == '#') {
            while (i + 1 < len && s[i + 1] != '\n')
                i++;
        } else if (ch == '"') {
            for (i++; i < len && s[i] != '"'; i++)
                line += s[i] == '\n';
        } else if (ch == '[') {
            depth++;
        } else if (ch == ']') {
            depth--;
        } else if (isalpha((unsigned char)ch) || ch == '_') {
            size_t start = i;
            while (i + 1 < len && (isalnum((unsigned char)s[i + 1]) || s[i + 1] == '_'))
                i++;
            if (depth == 1 && i - start + 1 == 4 && memcmp(s + start, "edge", 4) == 0 && !push_line(el, line))
                return;
        }
    }
}

/* The line of s[0 .. len) at *i: t[0 .. n), with t[k] its first
 * character that is not a space (k == n for a blank line), and *i past
 * it; 0 at the end. */
static int next_line(const char *s, size_t len, size_t *i, const char **t, size_t *n, size_t *k)
{
    if (*i >= len)
        return 0;
    const char *nl = memchr(s + *i, '\n', len - *i);
    *n = nl ? (size_t)(nl - (s + *i)) : len - *i;
    *t = s + *i;
    *i += *n + 1;
    *k = 0;
    while (*k < *n && isspace((unsigned char)(*t)[*k]))
        (*k)++;
    return 1;
}

/* Pajek: a line under *Edges or *Arcs is one edge; a line under
 * *Edgeslist or *Arcslist is one edge per vertex after the first.  A
 * *Matrix section cannot be placed line by line. */
static void scan_pajek(const char *s, size_t len, edge_lines_t *el)
{
    enum { OTHER, EDGES, LISTS } section = OTHER;
    uint32_t line = 0;
    const char *t;
    size_t n, k;
    for (size_t i = 0; next_line(s, len, &i, &t, &n, &k);) {
        line++;
        if (k == n || t[k] == '%')
            continue;
        if (t[k] == '*') {
            const char *w = t + k + 1;
            size_t wl = n - k - 1;
            if (wl >= 9 && strncasecmp(w, "edgeslist", 9) == 0)
                section = LISTS;
            else if (wl >= 8 && strncasecmp(w, "arcslist", 8) == 0)
                section = LISTS;
            else if ((wl >= 5 && strncasecmp(w, "edges", 5) == 0) || (wl >= 4 && strncasecmp(w, "arcs", 4) == 0))
                section = EDGES;
            else if (wl >= 6 && strncasecmp(w, "matrix", 6) == 0) {
                el->n = el->cap + 1; /* cannot tell */
                return;
            } else
                section = OTHER;
            continue;
        }
        if (section == EDGES) {
            if (!push_line(el, line))
                return;
        } else if (section == LISTS) {
            int tokens = 0;
            for (size_t j = k; j < n;) {
                while (j < n && isspace((unsigned char)t[j]))
                    j++;
                if (j == n)
                    break;
                tokens++;
                while (j < n && !isspace((unsigned char)t[j]))
                    j++;
            }
            for (int e = 1; e < tokens; e++)
                if (!push_line(el, line))
                    return;
        }
    }
}

/* Fills lines[0..m) with each edge's line, or with zeros when the scan
 * does not account for exactly the m edges igraph read. */
static void edge_lines(graph_kind_t kind, const char *data, size_t len, uint32_t *lines, igraph_integer_t m)
{
    edge_lines_t el = {lines, 0, m};
    if (kind == GRAPH_GRAPHML)
        scan_graphml(data, len, &el);
    else if (kind == GRAPH_GML)
        scan_gml(data, len, &el);
    else
        scan_pajek(data, len, &el);
    if (el.n != m)
        memset(lines, 0, (size_t)m * sizeof *lines);
}

/* The edge's numeric weight attribute 'attr', or 0 when it has none. */
static double edge_weight(const igraph_t *g, const char *attr, igraph_integer_t e, int *bad)
{
    *bad = 0;
    if (!attr)
        return 0;
    igraph_attribute_type_t type;
    if (igraph_cattribute_table.gettype((igraph_t *)g, &type, IGRAPH_ATTRIBUTE_EDGE, attr))
        return 0;
    double w;
    if (type == IGRAPH_ATTRIBUTE_NUMERIC) {
        w = (double)EAN(g, attr, e);
        if (isnan(w)) /* GraphML gives edges without a value NaN */
            return 0;
    } else if (type == IGRAPH_ATTRIBUTE_STRING) {
        const char *s = EAS(g, attr, e);
        char *end;
        if (!s || !*s)
            return 0;
        w = strtod(s, &end);
        while (*end && isspace((unsigned char)*end))
            end++;
        if (*end)
            w = NAN;
    } else {
        return 0;
    }
    if (!(w > 0) || isinf(w)) {
        *bad = 1;
        return 0;
    }
    return w;
}

/* igraph's Pajek reader allocates every vertex a "*Vertices N" line
 * declares, listed or not: "*Vertices 555555554" in a 100-byte file asked
 * for 4.4 GB (found by fuzzing).  Vertices that are declared but not listed
 * are isolated authors without a name, so a file may declare at most one
 * per byte of input, or a million, whichever is more.  Returns the line of
 * the first declaration over that, or 0. */
static long pajek_too_many_vertices(const char *s, size_t len, unsigned long long *declared)
{
    unsigned long long limit = len > 1000000 ? (unsigned long long)len : 1000000;
    long line = 0;
    const char *t;
    size_t n, k;
    for (size_t i = 0; next_line(s, len, &i, &t, &n, &k);) {
        line++;
        if (n - k < 9 || strncasecmp(t + k, "*vertices", 9) != 0)
            continue;
        k += 9;
        while (k < n && isspace((unsigned char)t[k]))
            k++;
        unsigned long long v = 0;
        for (; k < n && isdigit((unsigned char)t[k]); k++)
            if (v < 100000000000000000ULL) /* saturates far above any limit */
                v = v * 10 + (unsigned long long)(t[k] - '0');
        if (v > limit) {
            *declared = v;
            return line;
        }
    }
    return 0;
}

/* igraph's GraphML reader drops every entity reference other than the
 * five XML predefines and character references ("Alice &a;" became
 * "Alice", declared in the DOCTYPE or not, and an external entity is
 * never read): each is reported at its line instead of vanishing.
 * Comments and the DOCTYPE are skipped.  Returns how many were found. */
static unsigned long report_graphml_entities(coa_reader_ctx_t *ctx, const char *s, size_t len)
{
    static const char *const predefined[] = {"amp", "lt", "gt", "quot", "apos"};
    unsigned long found = 0;
    long line = 1;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n') {
            line++;
        } else if (s[i] == '<' && (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0)) {
            const char *end = memmem(s + i + 4, len - i - 4, "-->", 3);
            size_t stop = end ? (size_t)(end - s) + 2 : len;
            for (; i < stop; i++)
                line += s[i] == '\n';
        } else if (s[i] == '<' && len - i >= 9 && memcmp(s + i, "<!DOCTYPE", 9) == 0) {
            const char *end = memmem(s + i, len - i, "]>", 2);
            const char *gt = memchr(s + i, '>', len - i);
            const char *bracket = memchr(s + i, '[', len - i);
            if (bracket && gt && bracket < gt)
                gt = end ? end + 1 : NULL;
            size_t stop = gt ? (size_t)(gt - s) : len;
            for (; i < stop; i++)
                line += s[i] == '\n';
        } else if (s[i] == '&' && i + 1 < len && s[i + 1] != '#') {
            size_t j = i + 1;
            while (j < len && j - i < 64 && (isalnum((unsigned char)s[j]) || s[j] == '_' || s[j] == '-' ||
                                             s[j] == '.' || s[j] == ':'))
                j++;
            if (j == i + 1 || j >= len || s[j] != ';')
                continue; /* not a reference: libxml2 reports a stray '&' itself */
            int known = 0;
            for (size_t k = 0; k < sizeof predefined / sizeof predefined[0]; k++)
                known |= strlen(predefined[k]) == j - i - 1 && memcmp(s + i + 1, predefined[k], j - i - 1) == 0;
            if (known)
                continue;
            if (++found <= 10)
                coa_diag(ctx->diag, ctx->opts && ctx->opts->strict ? COA_DIAG_ERROR : COA_DIAG_WARNING,
                         ctx->in->name, line, "entity '%.*s' is not defined in GraphML; left out of the text",
                         (int)(j - i + 1), s + i);
        }
    }
    if (found > 10)
        coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, 0, "%lu more undefined entities", found - 10);
    return found;
}

static int read_graph(coa_reader_ctx_t *ctx, graph_kind_t kind)
{
    static const char *const kind_names[] = {"GraphML", "GML", "Pajek"};
    char *data = NULL;
    size_t len = 0;
    ctx->in->max_bytes = GRAPHFILE_MAX_BYTES; /* the input stops with an error past it */
    int err = coa_input_slurp(ctx->in, &data, &len);
    if (err)
        return err;
    if (kind == GRAPH_GRAPHML && report_graphml_entities(ctx, data, len) && ctx->opts && ctx->opts->strict) {
        free(data);
        return COA_EPARSE;
    }
    unsigned long long declared = 0;
    long vline = kind == GRAPH_PAJEK ? pajek_too_many_vertices(data, len, &declared) : 0;
    if (vline) {
        coa_diag(ctx->diag, COA_DIAG_ERROR, ctx->in->name, vline,
                 "declares %llu vertices, more than a file of %zu bytes can describe; not read", declared, len);
        free(data);
        return COA_EPARSE;
    }
    FILE *f = fmemopen(data, len ? len : 1, "r");
    if (!f) {
        free(data);
        return COA_ENOMEM;
    }
    coa_xml_lockdown();
    /* names live in attributes, which igraph keeps only with a table */
    igraph_attribute_table_t *previous = igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_t g;
    igraph_error_t ierr = kind == GRAPH_GRAPHML ? igraph_read_graph_graphml(&g, f, 0)
                          : kind == GRAPH_GML   ? igraph_read_graph_gml(&g, f)
                                                : igraph_read_graph_pajek(&g, f);
    fclose(f);
    if (ierr != IGRAPH_SUCCESS) {
        igraph_set_attribute_table(previous);
        free(data);
        if (ierr == IGRAPH_ENOMEM)
            return COA_ENOMEM;
        coa_diag(ctx->diag, COA_DIAG_ERROR, ctx->in->name, 0, "cannot read as %s: %s", kind_names[kind],
                 igraph_strerror(ierr));
        return COA_EPARSE;
    }
    igraph_integer_t m = igraph_ecount(&g), nv = igraph_vcount(&g);
    uint32_t *lines = malloc((size_t)(m ? m : 1) * sizeof *lines);
    uint8_t *touched = calloc((size_t)(nv ? nv : 1), 1);
    if (!lines || !touched) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    edge_lines(kind, data, len, lines, m);
    /* which attribute is the weight */
    const char *attr = NULL;
    if (ctx->opts && ctx->opts->weight_attr) {
        attr = ctx->opts->weight_attr;
        if (!igraph_cattribute_has_attr(&g, IGRAPH_ATTRIBUTE_EDGE, attr)) {
            coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, 0,
                     "no edge attribute '%s' (--weight-attr); every edge counts as one joint paper", attr);
            attr = NULL;
        }
    } else if (igraph_cattribute_has_attr(&g, IGRAPH_ATTRIBUTE_EDGE, "weight")) {
        attr = "weight";
    } else if (igraph_cattribute_has_attr(&g, IGRAPH_ATTRIBUTE_EDGE, "value")) {
        attr = "value";
    }
    if (igraph_is_directed(&g))
        coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, 0,
                 "a directed graph, read as undirected: an arc and its reverse are one coauthor pair");
    char na[48], nb[48];
    for (igraph_integer_t e = 0; e < m && !err; e++) {
        igraph_integer_t from = IGRAPH_FROM(&g, e), to = IGRAPH_TO(&g, e);
        const char *a = vertex_name(&g, from, na, sizeof na);
        const char *b = vertex_name(&g, to, nb, sizeof nb);
        int bad;
        double weight = edge_weight(&g, attr, e, &bad);
        touched[from] = touched[to] = 1;
        if (bad)
            coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, lines[e],
                     "edge %lld: weight is not a positive number; counted as 1", (long long)e + 1);
        err = coa_corpus_add_link_weighted(ctx->corpus, ctx->source, lines[e], a, strlen(a), b, strlen(b), weight);
        if (err == COA_EINVAL) {
            err = coa_reader_skip(ctx, lines[e], "edge %lld: a vertex name has no letters or digits",
                                  (long long)e + 1);
            continue;
        }
        if (!err)
            ctx->corpus->sources[ctx->source].records++;
    }
    /* a vertex without edges is an author without coauthors, not nothing */
    for (igraph_integer_t v = 0; v < nv && !err; v++) {
        uint32_t author;
        const char *a = vertex_name(&g, v, na, sizeof na);
        if ((err = coa_corpus_author(ctx->corpus, a, strlen(a), NULL, &author)))
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
        snprintf(value, sizeof value, "%lld", (long long)nv);
        err = coa_corpus_add_meta(ctx->corpus, ctx->source, "vertices", value);
    }
cleanup:
    free(lines);
    free(touched);
    igraph_destroy(&g);
    igraph_set_attribute_table(previous);
    free(data);
    return err;
}

int coa_read_graphml(coa_reader_ctx_t *ctx)
{
    return read_graph(ctx, GRAPH_GRAPHML);
}

int coa_read_gml(coa_reader_ctx_t *ctx)
{
    return read_graph(ctx, GRAPH_GML);
}

int coa_read_pajek(coa_reader_ctx_t *ctx)
{
    return read_graph(ctx, GRAPH_PAJEK);
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
