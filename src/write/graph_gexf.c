/* GEXF 1.3, Gephi's own format (https://gexf.net/schema.html): the
 * coauthor graph with its attributes, and time: an author spans their
 * first to last dated paper, a link its first to last joint one, as
 * start and end attributes of a dynamic graph (timeformat "integer":
 * years), so that Gephi's timeline plays the network's growth. */
#include <stdio.h>
#include <string.h>

#include "write/graph_view.h"

static const char *gexf_type(coa_col_type_t t)
{
    return t == COA_COL_INT ? "long" : t == COA_COL_DOUBLE ? "double" : "string";
}

static void attributes(FILE *out, const char *cls, const coa_col_t *cols, int n, int skip)
{
    fprintf(out, "    <attributes class=\"%s\" mode=\"static\">\n", cls);
    for (int c = 0; c < n; c++) {
        if (c == skip)
            continue;
        fputs("      <attribute id=\"", out);
        coa_view_xml_text(out, cols[c].name);
        fputs("\" title=\"", out);
        coa_view_xml_text(out, cols[c].name);
        fprintf(out, "\" type=\"%s\"/>\n", gexf_type(cols[c].type));
    }
    fputs("    </attributes>\n", out);
}

static void attvalue(FILE *out, const coa_view_t *v, const coa_col_t *col, const coa_value_t *val, uint64_t edge)
{
    fputs("          <attvalue for=\"", out);
    coa_view_xml_text(out, col->name);
    fputs("\" value=\"", out);
    coa_view_xml_value(out, v, col, val, edge);
    fputs("\"/>\n", out);
}

static void interval(FILE *out, int first, int last)
{
    if (first)
        fprintf(out, " start=\"%d\" end=\"%d\"", first, last);
}

int coa_export_gexf(FILE *out, const coa_graph_t *g, const coa_export_options_t *opts)
{
    if (opts && opts->bipartite)
        return COA_EINVAL;
    coa_view_t v;
    coa_years_t years;
    int err = coa_view_init(&v, g, opts);
    if (err)
        return err;
    if ((err = coa_view_years(g, &years))) {
        coa_view_destroy(&v);
        return err;
    }
    int name_col = 0; /* the node's label, not an attribute again */
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "      xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
          "  <meta>\n    <creator>coauthor</creator>\n"
          "    <description>coauthor network: an author spans the years of their first to last paper, a link "
          "those of the first to last joint paper</description>\n  </meta>\n"
          "  <graph defaultedgetype=\"undirected\" mode=\"dynamic\" timeformat=\"integer\" "
          "timerepresentation=\"interval\">\n",
          out);
    attributes(out, "node", v.node_cols, v.n_node_cols, name_col);
    attributes(out, "edge", v.edge_cols, v.n_edge_cols, -1);
    fputs("    <nodes>\n", out);
    char id[32], id2[32];
    for (uint32_t n = 0; n < v.n_nodes; n++) {
        coa_view_node_id(&v, n, id, sizeof id);
        fprintf(out, "      <node id=\"%s\" label=\"", id);
        coa_view_xml_text(out, coa_graph_vertex_name(g, n));
        fputc('"', out);
        interval(out, years.vertex_first[n], years.vertex_last[n]);
        fputs(">\n        <attvalues>\n", out);
        coa_view_write_node_values(out, &v, n, name_col, attvalue);
        fputs("        </attvalues>\n      </node>\n", out);
    }
    fputs("    </nodes>\n    <edges>\n", out);
    for (uint64_t e = 0; e < v.n_edges; e++) {
        coa_view_edge_ids(&v, e, id, id2, sizeof id);
        fprintf(out, "      <edge id=\"%llu\" source=\"%s\" target=\"%s\" weight=\"%lld\"", (unsigned long long)e, id,
                id2, (long long)VECTOR(g->joint_papers)[(igraph_integer_t)e]);
        interval(out, years.edge_first[e], years.edge_last[e]);
        fputs(">\n        <attvalues>\n", out);
        coa_view_write_edge_values(out, &v, e, attvalue);
        fputs("        </attvalues>\n      </edge>\n", out);
    }
    fputs("    </edges>\n  </graph>\n</gexf>\n", out);
    coa_view_years_destroy(&years);
    coa_view_destroy(&v);
    return ferror(out) ? COA_EIO : COA_OK;
}
