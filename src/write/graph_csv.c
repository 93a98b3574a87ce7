/* Two CSV files, nodes and edges, with the column names Gephi's
 * spreadsheet import recognises (Id, Label; Source, Target, Type, Weight);
 * Cytoscape takes them as a network table and a node table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coauthor/write.h"
#include "write/graph_view.h"

static void cell(FILE *out, const coa_view_t *v, const coa_col_t *col, const coa_value_t *val, uint64_t edge)
{
    char buf[256];
    fputc(',', out);
    if (!val->present)
        return;
    if (col->type == COA_COL_STRING) {
        coa_csv_field(out, val->s ? val->s : "");
    } else if (col->type == COA_COL_LIST) {
        /* one field: identifiers joined by "; " (quoted when needed) */
        size_t cap = 0;
        char *joined = NULL;
        FILE *mem = open_memstream(&joined, &cap);
        if (!mem)
            return;
        for (uint32_t k = 0; k < val->n_items; k++) {
            coa_view_list_item(v, edge, k, buf, sizeof buf);
            fprintf(mem, "%s%s", k ? "; " : "", buf);
        }
        fclose(mem);
        coa_csv_field(out, joined ? joined : "");
        free(joined);
    } else {
        coa_view_format_number(col, val, buf, sizeof buf);
        fputs(buf, out);
    }
}

/* A header line: the fixed columns, then the view's own. */
static void header(FILE *out, const char *fixed, const coa_col_t *cols, int n_cols)
{
    fputs(fixed, out);
    for (int c = 0; c < n_cols; c++) {
        fputc(',', out);
        coa_csv_field(out, cols[c].name);
    }
    fputs("\n", out);
}

int coa_export_csv(FILE *nodes, FILE *edges, const coa_graph_t *g, const coa_export_options_t *opts)
{
    coa_view_t v;
    int err = coa_view_init(&v, g, opts);
    if (err)
        return err;
    coa_value_t val;
    char id[32], id2[32];
    header(nodes, "Id,Label", v.node_cols, v.n_node_cols);
    for (uint32_t n = 0; n < v.n_nodes; n++) {
        coa_view_node_id(&v, n, id, sizeof id);
        fputs(id, nodes);
        fputc(',', nodes);
        if (coa_view_is_paper(&v, n)) {
            int ident_col = -1;
            for (int c = 0; c < v.n_node_cols; c++)
                if (!strcmp(v.node_cols[c].name, "ident"))
                    ident_col = c;
            coa_view_node_value(&v, n, ident_col, &val);
        } else {
            coa_view_node_value(&v, n, v.bipartite ? 2 : 0, &val); /* the name */
        }
        coa_csv_field(nodes, val.s ? val.s : "");
        for (int c = 0; c < v.n_node_cols; c++) {
            coa_view_node_value(&v, n, c, &val);
            cell(nodes, &v, &v.node_cols[c], &val, 0);
        }
        fputs("\n", nodes);
    }
    header(edges, "Source,Target,Type,Weight", v.edge_cols, v.n_edge_cols);
    for (uint64_t e = 0; e < v.n_edges; e++) {
        coa_view_edge_ids(&v, e, id, id2, sizeof id);
        fprintf(edges, "%s,%s,Undirected,%lld", id, id2,
                v.bipartite ? 1LL : (long long)VECTOR(g->joint_papers)[(igraph_integer_t)e]);
        for (int c = 0; c < v.n_edge_cols; c++) {
            coa_view_edge_value(&v, e, c, &val);
            cell(edges, &v, &v.edge_cols[c], &val, e);
        }
        fputs("\n", edges);
    }
    coa_view_destroy(&v);
    return ferror(nodes) || ferror(edges) ? COA_EIO : COA_OK;
}
