/*
 * Graph files that are already projected onto authors: GraphML, GML and
 * Pajek, read by igraph's own readers.  Like SNAP edge lists they have no
 * papers: each edge becomes a direct author-author link, and each edge is
 * a record.  An author's name is the vertex's "name" attribute, else its
 * "label", else its "id" (GraphML's node id, Pajek's label), else its
 * number from 1.  Edge weights are not read: a link stands for one joint
 * paper's worth of evidence, whatever the file says.
 *
 * igraph's readers take a FILE *, so the decompressed input is collected
 * in memory and handed over through fmemopen; igraph builds the whole
 * graph in memory anyway.  igraph names no line for a syntax error, so a
 * broken file fails as a whole with igraph's reason.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <igraph.h>

#include "internal.h"
#include "readers.h"

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

static int has(const unsigned char *head, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(head + i, needle, n) == 0)
            return 1;
    return 0;
}

int coa_detect_graphml(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    size_t n = len < 4096 ? len : 4096;
    return has(head, n, "<graphml") ? 95 : 0;
}

int coa_detect_gml(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    size_t i = skip_comments(head, len);
    /* GML: key-value pairs, "graph [" near the start (after Creator, Version) */
    size_t n = len - i < 4096 ? len - i : 4096;
    const unsigned char *s = head + i;
    if (n >= 5 && (memcmp(s, "graph", 5) == 0 || memcmp(s, "Creator", 7) == 0 || memcmp(s, "Version", 7) == 0))
        return has(s, n, "graph") && has(s, n, "[") ? 85 : 0;
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

/* Collects the whole decompressed input. */
static int slurp(coa_input_t *in, char **data, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return COA_ENOMEM;
    for (;;) {
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return COA_ENOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        long got = coa_input_read_raw(in, buf + n, cap - n);
        if (got < 0) {
            free(buf);
            return in->error ? in->error : COA_EIO;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    *data = buf;
    *len = n;
    return COA_OK;
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

static int read_graph(coa_reader_ctx_t *ctx, graph_kind_t kind)
{
    static const char *const kind_names[] = {"GraphML", "GML", "Pajek"};
    char *data = NULL;
    size_t len = 0;
    int err = slurp(ctx->in, &data, &len);
    if (err)
        return err;
    FILE *f = fmemopen(data, len ? len : 1, "r");
    if (!f) {
        free(data);
        return COA_ENOMEM;
    }
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
    igraph_integer_t m = igraph_ecount(&g);
    char na[48], nb[48];
    for (igraph_integer_t e = 0; e < m && !err; e++) {
        const char *a = vertex_name(&g, IGRAPH_FROM(&g, e), na, sizeof na);
        const char *b = vertex_name(&g, IGRAPH_TO(&g, e), nb, sizeof nb);
        err = coa_corpus_add_link(ctx->corpus, ctx->source, 0, a, strlen(a), b, strlen(b));
        if (err == COA_EINVAL) {
            err = coa_reader_skip(ctx, 0, "edge %lld: a vertex name has no letters or digits", (long long)e + 1);
            continue;
        }
        if (!err)
            ctx->corpus->sources[ctx->source].records++;
    }
    if (!err) {
        char value[32];
        snprintf(value, sizeof value, "%lld", (long long)igraph_vcount(&g));
        err = coa_corpus_add_meta(ctx->corpus, ctx->source, "vertices", value);
    }
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
