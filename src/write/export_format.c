/* The export formats by name and by a file's extension, the files each
 * writes, and one entry point that writes any of them. */
#include <stdlib.h>
#include <string.h>

#include "coauthor/export.h"

static const char *const format_names[] = {"graphml", "dot", "json", "csv", "gexf", "vosviewer", "pajek"};
#define N_FORMATS (int)(sizeof format_names / sizeof format_names[0])

const char *coa_export_format_name(coa_export_format_t f)
{
    return (int)f >= 0 && (int)f < N_FORMATS ? format_names[f] : "?";
}

int coa_export_format_parse(const char *name, coa_export_format_t *f)
{
    for (int i = 0; i < N_FORMATS; i++)
        if (!strcmp(name, format_names[i])) {
            *f = (coa_export_format_t)i;
            return 0;
        }
    return -1;
}

int coa_export_format_of_path(const char *path, coa_export_format_t *f)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return -1;
    if (!strcmp(dot, ".gv"))
        return coa_export_format_parse("dot", f);
    if (!strcmp(dot, ".net"))
        return coa_export_format_parse("pajek", f);
    return coa_export_format_parse(dot + 1, f);
}

int coa_export_n_files(coa_export_format_t f)
{
    return f == COA_EXPORT_CSV || f == COA_EXPORT_VOSVIEWER ? 2 : 1;
}

/* "out.csv" -> "out-nodes.csv"; "out" -> "out-nodes.csv"; likewise
 * "out.txt" -> "out-map.txt". */
static char *pair_path(const char *out, const char *which, const char *ext)
{
    size_t len = strlen(out), elen = strlen(ext);
    if (len > elen && !strcmp(out + len - elen, ext))
        len -= elen;
    size_t cap = len + strlen(which) + elen + 4;
    char *p = malloc(cap);
    if (p)
        snprintf(p, cap, "%.*s-%s%s", (int)len, out, which, ext);
    return p;
}

char *coa_export_path(coa_export_format_t f, const char *output, int i)
{
    if (f == COA_EXPORT_CSV)
        return pair_path(output, i ? "edges" : "nodes", ".csv");
    if (f == COA_EXPORT_VOSVIEWER)
        return pair_path(output, i ? "network" : "map", ".txt");
    return strdup(output);
}

int coa_export(coa_export_format_t f, FILE *first, FILE *second, const coa_graph_t *g, const coa_export_options_t *opts)
{
    switch (f) {
    case COA_EXPORT_GRAPHML: return coa_export_graphml(first, g, opts);
    case COA_EXPORT_DOT: return coa_export_dot(first, g, opts);
    case COA_EXPORT_JSON: return coa_export_json(first, g, opts);
    case COA_EXPORT_CSV: return coa_export_csv(first, second, g, opts);
    case COA_EXPORT_GEXF: return coa_export_gexf(first, g, opts);
    case COA_EXPORT_VOSVIEWER: return coa_export_vosviewer(first, second, g, opts);
    case COA_EXPORT_PAJEK: return coa_export_pajek(first, g, opts);
    }
    return COA_EINVAL;
}
