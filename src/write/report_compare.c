/* 'coauthor communities --compare': the exact modularity optimum, Leiden
 * and Louvain side by side, with each one's gap to the optimum. */
#include <math.h>

#include "coauthor/report.h"

int coa_write_communities_compare(FILE *out, const coa_graph_t *g, const coa_compare_report_t *r, coa_output_t format)
{
    static const coa_community_method_t methods[] = {COA_COMMUNITY_OPTIMAL, COA_COMMUNITY_LEIDEN,
                                                     COA_COMMUNITY_LOUVAIN};
    const double *q = r->modularity;
    const char *names[] = {"method", "communities", "modularity", "gap", "gap_percent", "note"};
    coa_table_t *t = coa_table_new(6, names);
    if (!t)
        return COA_ENOMEM;
    for (int col = 1; col <= 4; col++)
        coa_table_numeric(t, col);
    int digits = format == COA_OUT_TEXT ? 4 : 6;
    for (int i = 0; i < 3; i++) {
        char note[64] = "";
        if (methods[i] == COA_COMMUNITY_OPTIMAL)
            snprintf(note, sizeof note, "exact (GLPK)");
        else if (methods[i] == COA_COMMUNITY_LEIDEN)
            snprintf(note, sizeof note, "best of %d seed%s", r->runs, r->runs == 1 ? "" : "s");
        else
            snprintf(note, sizeof note, "seed %lu", r->seed);
        coa_table_cell(t, "%s", coa_community_method_name(methods[i]));
        coa_table_cell(t, "%lld", (long long)r->communities[i]);
        if (isnan(q[0])) {
            coa_table_cell(t, "-");
            coa_table_cell(t, "-");
            coa_table_cell(t, "-");
        } else {
            double gap = q[0] - q[i];
            if (fabs(gap) < 1e-12)
                gap = 0; /* no "-0.0000" */
            coa_table_cell(t, "%.*f", digits, q[i]);
            coa_table_cell(t, "%.*f", digits, gap);
            coa_table_cell(t, "%.2f", q[0] != 0 ? 100 * gap / q[0] : 0.0);
        }
        coa_table_cell(t, "%s", note);
    }
    if (format == COA_OUT_TEXT) {
        fprintf(out, "compare on %lld authors, %lld coauthor edges (weight %s)\n", (long long)g->n_vertices,
                (long long)igraph_ecount(&g->graph), coa_community_weight_name(r->weight));
        fprintf(out, "gap = the optimum's modularity minus the method's\n\n");
    }
    int err = coa_table_write(t, out, format) ? COA_EIO : COA_OK;
    coa_table_free(t);
    return err;
}
