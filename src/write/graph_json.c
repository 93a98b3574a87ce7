/* Node-link JSON, the shape D3's force layout and networkx's
 * node_link_graph read: {"nodes": [{"id": ...}], "links": [{"source",
 * "target", ...}]}. */
#include <stdio.h>
#include <string.h>

#include "coauthor/write.h"
#include "write/graph_view.h"

static void value(FILE *out, const coa_view_t *v, const coa_col_t *col, const coa_value_t *val, uint64_t edge)
{
    char buf[256];
    fputs(", ", out);
    coa_json_string(out, col->name);
    fputs(": ", out);
    switch (col->type) {
    case COA_COL_STRING: coa_json_string(out, val->s ? val->s : ""); break;
    case COA_COL_LIST:
        fputc('[', out);
        for (uint32_t k = 0; k < val->n_items; k++) {
            coa_view_list_item(v, edge, k, buf, sizeof buf);
            if (k)
                fputs(", ", out);
            coa_json_string(out, buf);
        }
        fputc(']', out);
        break;
    case COA_COL_INT:
    case COA_COL_DOUBLE:
        coa_view_format_number(col, val, buf, sizeof buf);
        fputs(buf, out);
        break;
    }
}

int coa_export_json(FILE *out, const coa_graph_t *g, const coa_export_options_t *opts)
{
    coa_view_t v;
    int err = coa_view_init(&v, g, opts);
    if (err)
        return err;
    fprintf(out, "{\"directed\": false, \"multigraph\": false, \"graph\": {\"kind\": \"%s\"},\n\"nodes\": [",
            v.bipartite ? "authors-papers" : "coauthors");
    char id[32], id2[32];
    for (uint32_t n = 0; n < v.n_nodes; n++) {
        coa_view_node_id(&v, n, id, sizeof id);
        fprintf(out, "%s\n{\"id\": \"%s\"", n ? "," : "", id);
        coa_view_write_node_values(out, &v, n, -1, value);
        fputc('}', out);
    }
    fputs("\n],\n\"links\": [", out);
    for (uint64_t e = 0; e < v.n_edges; e++) {
        coa_view_edge_ids(&v, e, id, id2, sizeof id);
        fprintf(out, "%s\n{\"source\": \"%s\", \"target\": \"%s\"", e ? "," : "", id, id2);
        coa_view_write_edge_values(out, &v, e, value);
        fputc('}', out);
    }
    fputs("\n]}\n", out);
    coa_view_destroy(&v);
    return ferror(out) ? COA_EIO : COA_OK;
}
