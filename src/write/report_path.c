/* 'coauthor path': the chains found, with the joint papers at every hop,
 * as text, JSON or a table. */
#include <stdlib.h>

#include "coauthor/report.h"

static const char *author_name(const coa_corpus_t *c, uint32_t a)
{
    return coa_corpus_str(c, c->authors[a].display);
}

/* The edge-list record behind a hop without papers, for its identifier. */
static const coa_link_t *find_link(const coa_corpus_t *c, uint32_t a, uint32_t b)
{
    for (uint32_t i = 0; i < c->n_links; i++) {
        const coa_link_t *l = &c->links[i];
        if ((l->a == a && l->b == b) || (l->a == b && l->b == a))
            return l;
    }
    return NULL;
}

void coa_chain_hops_destroy(coa_chain_hops_t *ch)
{
    for (size_t i = 0; i < ch->n; i++)
        coa_hop_destroy(&ch->hops[i]);
    free(ch->hops);
}

int coa_chain_hops_fill(coa_view_t *view, const coa_chains_t *r, coa_chain_hops_t *ch)
{
    ch->n = (size_t)r->n_chains * r->length;
    ch->hops = calloc(ch->n ? ch->n : 1, sizeof *ch->hops);
    if (!ch->hops) {
        ch->n = 0;
        return COA_ENOMEM;
    }
    for (size_t i = 0; i < ch->n; i++)
        coa_hop_init(&ch->hops[i]);
    for (uint32_t i = 0; i < r->n_chains; i++) {
        const uint32_t *chain = r->vertices + (size_t)i * (r->length + 1);
        for (uint32_t k = 0; k < r->length; k++) {
            int err = coa_view_hop(view, chain[k], chain[k + 1], &ch->hops[(size_t)i * r->length + k]);
            if (err)
                return err;
        }
    }
    return COA_OK;
}

/* The marks of a hop ("[inferred]") or of a paper ("(inferred)"), in text. */
static const char *mark(unsigned flags, int paper)
{
    static const char *const marks[2][4] = {{"", " [inferred]", " [homonym?]", " [inferred, homonym?]"},
                                            {"", "  (inferred)", "  (homonym?)", "  (inferred, homonym?)"}};
    return marks[paper][((flags & COA_EVIDENCE_INFERRED) ? 1 : 0) | ((flags & COA_EVIDENCE_HOMONYM) ? 2 : 0)];
}

/* The evidence of one hop in text: a line naming the hop, then its papers. */
static void print_hop_text(FILE *out, const coa_corpus_t *c, uint32_t u, uint32_t v, const coa_hop_t *hop, const char *indent,
                           int name_both)
{
    if (name_both)
        fprintf(out, "%s%s - %s: ", indent, author_name(c, u), author_name(c, v));
    else
        fprintf(out, "%s| ", indent);
    if (hop->n_papers == 0) {
        const coa_link_t *l = find_link(c, u, v);
        if (l) {
            fprintf(out, "linked in %s", coa_corpus_str(c, c->sources[l->source].path));
            if (l->line)
                fprintf(out, ":%u", l->line);
            if (l->weight > 0)
                fprintf(out, " (weight %g in the file: no papers)\n", (double)l->weight);
            else
                fprintf(out, " (an edge list: no papers)\n");
        } else
            fprintf(out, "no papers recorded\n");
        return;
    }
    fprintf(out, "%u joint paper%s%s\n", hop->n_papers, hop->n_papers == 1 ? "" : "s", mark(hop->flags, 0));
    for (uint32_t i = 0; i < hop->n_papers; i++) {
        const coa_paper_t *p = &c->papers[hop->papers[i]];
        char id[512], year[8];
        coa_paper_identifier(c, (uint32_t)(p - c->papers), id, sizeof id);
        if (p->year)
            snprintf(year, sizeof year, "%d", p->year);
        else
            snprintf(year, sizeof year, "----");
        const char *title = coa_corpus_str(c, p->title);
        fprintf(out, "%s|   %s  %s  %s%s\n", name_both ? "  " : indent, year, *title ? title : "(untitled)", id,
               hop->flags ? "" : mark(hop->paper_flags[i], 1));
    }
}

static void print_marks_legend(FILE *out, unsigned hop_flags, unsigned paper_flags)
{
    if (!hop_flags && !paper_flags)
        return;
    fputc('\n', out);
    if (hop_flags & COA_EVIDENCE_INFERRED)
        fprintf(out, "[inferred]  the hop rests only on inferred authorship: on each of its papers,\n"
               "            one of the two authors is not named by the source but inferred\n"
               "            (a profile's owner hidden behind \"et al.\")\n");
    if (paper_flags & COA_EVIDENCE_INFERRED)
        fprintf(out, "(inferred)  one of the two authors is not named on this paper but inferred\n");
    if (hop_flags & COA_EVIDENCE_HOMONYM)
        fprintf(out, "[homonym?]  every paper of the hop may be another person's of the same\n"
               "            name: it shares no coauthor with the author's other papers\n"
               "            and is in another field, or the name is common and its\n"
               "            papers fall apart (see 'coauthor names')\n");
    if (paper_flags & COA_EVIDENCE_HOMONYM)
        fprintf(out, "(homonym?)  this paper may be another person's of the same name\n");
}

static void print_chain_line(FILE *out, const coa_corpus_t *c, const uint32_t *chain, uint32_t length)
{
    for (uint32_t k = 0; k <= length; k++)
        fprintf(out, "%s%s", k ? " -> " : "", author_name(c, chain[k]));
    fputc('\n', out);
}

static void print_total(FILE *out, const coa_chains_t *r, const char *what)
{
    fprintf(out, "%s%llu %s chain%s", r->total_saturated ? "at least " : "", (unsigned long long)r->total_chains, what,
           r->total_chains == 1 && !r->total_saturated ? "" : "s");
}

static void print_text(FILE *out, const coa_path_report_t *po)
{
    const coa_corpus_t *c = po->corpus;
    const coa_chains_t *r = po->chains;
    const coa_chain_hops_t *ch = po->hops;
    unsigned hop_flags = 0, paper_flags = 0;
    if (!po->all) {
        const uint32_t *chain = r->vertices;
        print_chain_line(out, c, chain, r->length);
        fprintf(out, "length %u", r->length);
        if (po->strongest) {
            fprintf(out, ", cost %.4f (the sum of 1/joint papers over the hops); ", r->cost);
            print_total(out, r, "equally strong");
        } else {
            fprintf(out, ", ");
            print_total(out, r, "shortest");
        }
        fprintf(out, "\n\n");
        for (uint32_t k = 0; k <= r->length; k++) {
            fprintf(out, "%s\n", author_name(c, chain[k]));
            if (k == r->length)
                break;
            const coa_hop_t *hop = &ch->hops[k];
            print_hop_text(out, c, chain[k], chain[k + 1], hop, "  ", 0);
            hop_flags |= hop->flags;
            paper_flags |= hop->flags ? 0 : hop->any_flags;
        }
        print_marks_legend(out, hop_flags, paper_flags);
        return;
    }
    fprintf(out, "%s -> %s: length %u, ", author_name(c, r->vertices[0]),
           author_name(c, r->vertices[r->length]), r->length);
    print_total(out, r, "shortest");
    if (r->n_chains < r->total_chains || r->total_saturated)
        fprintf(out, "; the first %u by name", r->n_chains);
    fprintf(out, "\n\n");
    int width = snprintf(NULL, 0, "%u", r->n_chains);
    for (uint32_t i = 0; i < r->n_chains; i++) {
        fprintf(out, "%*u  ", width, i + 1);
        print_chain_line(out, c, r->vertices + (size_t)i * (r->length + 1), r->length);
    }
    if (r->length == 0)
        return;
    /* each distinct hop once, in order of first appearance */
    fprintf(out, "\njoint papers at each hop:\n");
    for (size_t h = 0; h < ch->n; h++) {
        uint32_t i = (uint32_t)(h / r->length), k = (uint32_t)(h % r->length);
        const uint32_t *chain = r->vertices + (size_t)i * (r->length + 1);
        int seen = 0;
        for (size_t h2 = 0; h2 < h && !seen; h2++) {
            const uint32_t *other = r->vertices + (size_t)(h2 / r->length) * (r->length + 1);
            seen = h2 % r->length == k && other[k] == chain[k] && other[k + 1] == chain[k + 1];
        }
        if (seen)
            continue;
        print_hop_text(out, c, chain[k], chain[k + 1], &ch->hops[h], "", 1);
        hop_flags |= ch->hops[h].flags;
        paper_flags |= ch->hops[h].flags ? 0 : ch->hops[h].any_flags;
    }
    print_marks_legend(out, hop_flags, paper_flags);
}

static void print_json(FILE *out, const coa_path_report_t *po)
{
    const coa_corpus_t *c = po->corpus;
    const coa_chains_t *r = po->chains;
    const coa_chain_hops_t *ch = po->hops;
    const char *from = po->from, *to = po->to;
    fputs("{\n  \"from\": ", out);
    coa_json_string(out, from);
    fputs(",\n  \"to\": ", out);
    coa_json_string(out, to);
    if (r->found)
        fprintf(out, ",\n  \"length\": %u", r->length);
    else
        fputs(",\n  \"length\": null", out);
    fprintf(out, ",\n  \"total_chains\": %llu", (unsigned long long)r->total_chains);
    if (po->strongest) {
        if (r->found)
            fprintf(out, ",\n  \"cost\": %.10g", r->cost);
        else
            fputs(",\n  \"cost\": null", out);
    }
    fputs(",\n  \"chains\": [", out);
    for (uint32_t i = 0; i < r->n_chains; i++) {
        const uint32_t *chain = r->vertices + (size_t)i * (r->length + 1);
        fputs(i ? ",\n    {\"authors\": [" : "\n    {\"authors\": [", out);
        for (uint32_t k = 0; k <= r->length; k++) {
            if (k)
                fputs(", ", out);
            coa_json_string(out, author_name(c, chain[k]));
        }
        fputs("],\n     \"hops\": [", out);
        for (uint32_t k = 0; k < r->length; k++) {
            const coa_hop_t *hop = &ch->hops[(size_t)i * r->length + k];
            fputs(k ? ",\n       {\"papers\": [" : "\n       {\"papers\": [", out);
            for (uint32_t j = 0; j < hop->n_papers; j++) {
                fputs(j ? ",\n         {" : "\n         {", out);
                coa_json_paper_head(out, c, hop->papers[j]);
                /* the issue fixes these four keys; the homonym flag is in the
                 * text and the TSV/CSV output */
                fprintf(out, ", \"inferred\": %s}", (hop->paper_flags[j] & COA_EVIDENCE_INFERRED) ? "true" : "false");
            }
            fputs("]}", out);
        }
        fputs(r->length ? "]}" : "]}", out);
    }
    fputs(r->n_chains ? "\n  ]\n}\n" : "]\n}\n", out);
}

static int print_table(FILE *out, const coa_path_report_t *po, coa_output_t format)
{
    const coa_corpus_t *c = po->corpus;
    const coa_chains_t *r = po->chains;
    const coa_chain_hops_t *ch = po->hops;
    static const char *const columns[] = {"chain", "hop",   "from",     "to",
                                          "year",  "title", "id", "inferred", "homonym"};
    coa_table_t *t = coa_table_new(9, columns);
    if (!t)
        return COA_ENOMEM;
    for (uint32_t i = 0; i < r->n_chains; i++) {
        const uint32_t *chain = r->vertices + (size_t)i * (r->length + 1);
        for (uint32_t k = 0; k < r->length; k++) {
            const coa_hop_t *hop = &ch->hops[(size_t)i * r->length + k];
            for (uint32_t j = 0; j < (hop->n_papers ? hop->n_papers : 1); j++) {
                coa_table_cell(t, "%u", i + 1);
                coa_table_cell(t, "%u", k + 1);
                coa_table_cell(t, "%s", author_name(c, chain[k]));
                coa_table_cell(t, "%s", author_name(c, chain[k + 1]));
                if (!hop->n_papers) { /* an edge-list link */
                    coa_table_cell(t, "-");
                    coa_table_cell(t, "-");
                    coa_table_cell(t, "-");
                    coa_table_cell(t, "false");
                    coa_table_cell(t, "false");
                    continue;
                }
                coa_table_paper_cells(t, c, hop->papers[j]);
                coa_table_cell(t, "%s", (hop->paper_flags[j] & COA_EVIDENCE_INFERRED) ? "true" : "false");
                coa_table_cell(t, "%s", (hop->paper_flags[j] & COA_EVIDENCE_HOMONYM) ? "true" : "false");
            }
        }
    }
    int err = coa_table_write(t, out, format);
    coa_table_free(t);
    return err;
}

int coa_write_path(FILE *out, const coa_path_report_t *r, coa_output_t format)
{
    if (format == COA_OUT_JSON)
        print_json(out, r);
    else if (format == COA_OUT_TSV || format == COA_OUT_CSV)
        return print_table(out, r, format);
    else if (r->chains->found)
        print_text(out, r);
    return COA_OK;
}

void coa_write_path_bench(FILE *out, const coa_path_bench_t *b)
{
    fprintf(out, "graph                 %lld authors, %lld edges; largest component %lld authors\n", b->vertices,
            b->edges, b->component);
    fprintf(out, "queries               %ld random pairs of the largest component (seed %lu)\n", b->queries, b->seed);
    fprintf(out, "mean length           %.2f hops; mean shortest chains %.1f\n", b->mean_length, b->mean_chains);
    fprintf(out, "touched               mean %.3f%%, median %.3f%%, max %.3f%% of the authors\n",
            100 * b->touched_mean, 100 * b->touched_median, 100 * b->touched_max);
    fprintf(out, "bidirectional search  mean %.4f ms, median %.4f ms, 99th percentile %.4f ms, max %.4f ms\n"
            "                      (each query also counts every shortest chain)\n",
            b->time_mean, b->time_median, b->time_p99, b->time_max);
    fprintf(out, "igraph single-source  mean %.3f ms, median %.3f ms over the first %ld pairs "
            "(igraph_get_shortest_path)\n",
            b->igraph_mean, b->igraph_median, b->igraph_queries);
}
