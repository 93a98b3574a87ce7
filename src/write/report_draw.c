/* What 'coauthor draw' says: the picture's default title, and on stderr
 * what was drawn. */
#include <string.h>

#include "coauthor/draw.h"

void coa_write_draw_report(FILE *out, const char *program, const coa_draw_report_t *rep, const char *format,
                           double dpi, const coa_graph_t *graph, const uint32_t *chain, uint32_t chain_len)
{
    fprintf(out, "%s: drew %u authors and %u links with %s in %.1f s", program, rep->nodes, rep->edges,
            coa_engine_name(rep->engine), rep->layout_seconds + rep->render_seconds);
    if (rep->labels) {
        fprintf(out, "; %u of %u labels placed (%u of the %u always shown", rep->labels_placed, rep->labels,
                rep->must_placed, rep->must_labels);
        if (rep->shrunk)
            fprintf(out, ", %u shrunk", rep->shrunk);
        if (rep->forced)
            fprintf(out, ", %u with no free place", rep->forced);
        if (rep->nodes_moved)
            fprintf(out, ", %u small node%s moved aside", rep->nodes_moved, rep->nodes_moved == 1 ? "" : "s");
        fprintf(out, "), %s", rep->label_overlaps ? "some overlapping" : "none overlapping");
        if (rep->nodes_covered)
            fprintf(out, " (%u small nodes covered)", rep->nodes_covered);
        fprintf(out, ", %u with a leader line, the others at most %.2f label heights from their node",
                rep->leaders, rep->max_distance);
    }
    fprintf(out, "; %.1f x %.1f in", rep->width_in, rep->height_in);
    if (!strcmp(format, "png"))
        fprintf(out, " (%.0f x %.0f px)", rep->width_in * dpi, rep->height_in * dpi);
    fputc('\n', out);
    if (chain) {
        fprintf(out, "%s: chain:", program);
        for (uint32_t i = 0; i < chain_len; i++)
            fprintf(out, "%s %s", i ? " -" : "", coa_graph_vertex_name(graph, chain[i]));
        fputc('\n', out);
    }
}

const char *coa_draw_title(char *heading, size_t len, const coa_corpus_t *corpus, const coa_graph_t *graph,
                           const uint32_t *chain, uint32_t chain_len, const coa_select_t *sel)
{
    if (chain)
        snprintf(heading, len, "Shortest chain from %s to %s", coa_graph_vertex_name(graph, chain[0]),
                 coa_graph_vertex_name(graph, chain[chain_len - 1]));
    else if (sel->ego != COA_NONE)
        snprintf(heading, len, "Coauthors of %s within %u hop%s",
                 coa_corpus_str(corpus, corpus->authors[sel->ego].display), sel->radius,
                 sel->radius == 1 ? "" : "s");
    else if (corpus->n_sources == 1 && corpus->sources[0].owner)
        snprintf(heading, len, "Coauthor network of %s",
                 coa_corpus_str(corpus, corpus->sources[0].owner));
    else
        snprintf(heading, len, "Coauthor network");
    if (sel->min_weight > 1) {
        size_t l = strlen(heading);
        snprintf(heading + l, len - l, ", pairs with at least %g joint papers", sel->min_weight);
    }
    return heading;
}
