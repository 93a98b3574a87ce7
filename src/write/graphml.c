/* GraphML with typed keys, as networkx, python-igraph and Gephi read it. */
#include <stdio.h>
#include <string.h>

#include "write/graph_view.h"

static const char *graphml_type(coa_col_type_t t)
{
    switch (t) {
    case COA_COL_INT: return "long";
    case COA_COL_DOUBLE: return "double";
    case COA_COL_STRING:
    case COA_COL_LIST: break;
    }
    return "string";
}

static void keys(FILE *out, const coa_col_t *cols, int n, const char *domain, char prefix)
{
    for (int i = 0; i < n; i++) {
        fprintf(out, "  <key id=\"%c_", prefix);
        coa_view_xml_text(out, cols[i].name);
        fprintf(out, "\" for=\"%s\" attr.name=\"", domain);
        coa_view_xml_text(out, cols[i].name);
        fprintf(out, "\" attr.type=\"%s\"/>\n", graphml_type(cols[i].type));
    }
}

static void data(FILE *out, const coa_view_t *v, const coa_col_t *col, char prefix, const coa_value_t *val,
                 uint64_t edge)
{
    if (!val->present)
        return;
    fprintf(out, "      <data key=\"%c_", prefix);
    coa_view_xml_text(out, col->name);
    fputs("\">", out);
    coa_view_xml_value(out, v, col, val, edge);
    fputs("</data>\n", out);
}

int coa_export_graphml(FILE *out, const coa_graph_t *g, const coa_export_options_t *opts)
{
    coa_view_t v;
    int err = coa_view_init(&v, g, opts);
    if (err)
        return err;
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
          "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
          out);
    keys(out, v.node_cols, v.n_node_cols, "node", 'v');
    keys(out, v.edge_cols, v.n_edge_cols, "edge", 'e');
    /* Gephi and Cytoscape look for these two names: 'label' is shown on
     * the node (else the id, "a12"), 'weight' sets the edge's thickness
     * and weighted measures (else every edge weighs 1) */
    int name_col = -1, joint_col = -1;
    for (int c = 0; c < v.n_node_cols; c++)
        if (!strcmp(v.node_cols[c].name, "name"))
            name_col = c;
    for (int c = 0; c < v.n_edge_cols; c++)
        if (!strcmp(v.edge_cols[c].name, "joint_papers"))
            joint_col = c;
    if (name_col >= 0)
        fputs("  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n", out);
    if (joint_col >= 0)
        fputs("  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n", out);
    fprintf(out, "  <graph id=\"%s\" edgedefault=\"undirected\">\n", v.bipartite ? "authors-papers" : "coauthors");
    char id[32], id2[32];
    coa_value_t val;
    for (uint32_t n = 0; n < v.n_nodes; n++) {
        coa_view_node_id(&v, n, id, sizeof id);
        fprintf(out, "    <node id=\"%s\">\n", id);
        for (int c = 0; c < v.n_node_cols; c++) {
            coa_view_node_value(&v, n, c, &val);
            data(out, &v, &v.node_cols[c], 'v', &val, 0);
            if (c == name_col && val.present) {
                fputs("      <data key=\"label\">", out);
                coa_view_xml_text(out, val.s ? val.s : "");
                fputs("</data>\n", out);
            }
        }
        fputs("    </node>\n", out);
    }
    for (uint64_t e = 0; e < v.n_edges; e++) {
        coa_view_edge_ids(&v, e, id, id2, sizeof id);
        fprintf(out, "    <edge source=\"%s\" target=\"%s\">\n", id, id2);
        for (int c = 0; c < v.n_edge_cols; c++) {
            coa_view_edge_value(&v, e, c, &val);
            data(out, &v, &v.edge_cols[c], 'e', &val, e);
            if (c == joint_col && val.present)
                fprintf(out, "      <data key=\"weight\">%lld</data>\n", val.i);
        }
        fputs("    </edge>\n", out);
    }
    fputs("  </graph>\n</graphml>\n", out);
    coa_view_destroy(&v);
    return ferror(out) ? COA_EIO : COA_OK;
}
