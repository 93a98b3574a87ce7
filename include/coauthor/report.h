/* The commands' reports, printed as text, JSON or tables (src/write/report_*.c). */
#ifndef COAUTHOR_REPORT_H
#define COAUTHOR_REPORT_H

#include <stdio.h>
#include <time.h>

#include "coauthor/corpus.h"
#include "coauthor/community.h"
#include "coauthor/identity.h"
#include "coauthor/names.h"
#include "coauthor/path.h"
#include "coauthor/rank.h"
#include "coauthor/stats.h"
#include "coauthor/view.h"
#include "coauthor/write.h"

/* The identity audit of 'coauthor names'. */
typedef struct {
    const coa_corpus_t *corpus;
    long long n_authors; /* the graph's authors */
    const coa_split_t *splits;
    uint32_t n_splits;
    const coa_homonym_t *homonyms;
    uint32_t n_homonyms;
    const coa_evidence_report_t *evidence; /* merges on evidence, owners */
} coa_names_report_t;
/* Prints it as JSON, or as text with at most 'limit' lines a section.
 * 0, or COA_ENOMEM. */
int coa_write_names_report(FILE *out, const coa_names_report_t *r, int json, long limit);

/* The summary of 'coauthor stats': the statistics, then (text and JSON)
 * each source of 'whole' and (JSON) the selection.  0, or -1 when a
 * table cannot be written. */
int coa_write_stats_report(FILE *out, const coa_stats_t *st, const coa_corpus_t *whole, const coa_select_t *sel,
                           unsigned long seed, coa_output_t format);
/* A progress bar on a terminal's stderr for long work (reading a file,
 * writing a database, searches): redrawn at most ten times a second once
 * the work has taken a second (COAUTHOR_PROGRESS_AFTER seconds, for
 * tests), with the rate and the time left, and wiped at the end.  Pass
 * coa_progress_bar and a zeroed coa_progress_t as a progress callback and
 * its context, only when stderr is a terminal and output is not quiet. */
typedef struct {
    const char *name;
    struct timespec start, last;
    int shown;
    const char *unit; /* what is counted ("searches"), or NULL for bytes */
} coa_progress_t;
void coa_progress_bar(void *ctx, const char *name, uint64_t done, uint64_t total);
/* Wipes a bar left on the terminal's last line, before a message. */
void coa_progress_wipe(FILE *err);


/* Pieces of JSON that the reports and 'coauthor serve' share: a
 * coauthor's "first_year", "last_year" (null when none is known) and
 * "inferred" keys; a paper's "title", "year" (or null) and "id"
 * (coa_paper_identifier) keys.  No braces around them. */
void coa_json_coauthor_span(FILE *out, const coa_coauthor_t *it);
void coa_json_paper_head(FILE *out, const coa_corpus_t *c, uint32_t paper);

/* 'coauthor rank --author' in JSON: the first 'shown' coauthors of the
 * list, ordered by fractional weight or joint papers, each with its joint
 * papers when 'papers'.  0, or COA_ENOMEM. */
int coa_write_coauthors_json(FILE *out, const coa_graph_t *g, const coa_coauthors_t *list, uint32_t shown, int fractional,
                             int with_papers);
/* The coauthor table t (one row per coauthor) as aligned text, with the
 * joint papers under each of the first 'shown' rows.  0, or COA_ENOMEM. */
int coa_write_coauthors_papers(FILE *out, const coa_graph_t *g, const coa_coauthors_t *list, uint32_t shown,
                               const coa_table_t *t);
/* A paper's year ("-" when unknown), title and identifier: three cells of
 * the tables of 'rank --author --papers' and 'path'. */
void coa_table_paper_cells(coa_table_t *t, const coa_corpus_t *c, uint32_t paper);
/* 'coauthor rank --author': the first 'shown' coauthors of the list as
 * JSON (above), or a table: text (the heading line, then the table, with
 * the joint papers under each row when 'papers'), or TSV/CSV (one row per
 * joint paper when 'papers').  0, or an error code. */
int coa_write_coauthors(FILE *out, const coa_graph_t *g, const coa_coauthors_t *list, uint32_t shown, int fractional,
                        int papers, coa_output_t format);
/* A ranking's one-line description: measure, weights, and how
 * betweenness was computed. */
void coa_ranking_describe(const coa_graph_t *g, const coa_ranking_t *r, unsigned long seed, char *buf, size_t len);
/* 'coauthor rank --by MEASURE': rank, author, score, papers, degree for
 * the first 'top' authors (0: all); the description above the text
 * table.  0, or an error code. */
int coa_write_ranking(FILE *out, const coa_graph_t *g, const coa_ranking_t *r, long top, unsigned long seed,
                      coa_output_t format);

/* 'coauthor communities': text (the method, the counts and each
 * community's most central members, at most 'top' of them, 0 for all),
 * JSON (every member with its strength) or a table of author and
 * community.  COA_OK, COA_ENOMEM, or COA_EIO when the output fails. */
int coa_write_communities(FILE *out, const coa_graph_t *g, const coa_communities_t *c,
                          const coa_community_options_t *d, int top, coa_output_t format);

/* 'coauthor communities --compare': the communities and modularity of the
 * exact optimum, Leiden and Louvain, in that order, and the options
 * their notes name.  A table (text with two heading lines) of each
 * method's gap to the optimum.  COA_OK, COA_ENOMEM, or COA_EIO when the
 * output fails. */
typedef struct {
    double modularity[3];
    igraph_integer_t communities[3];
    int runs;           /* Leiden's */
    unsigned long seed; /* Louvain's */
    coa_community_weight_t weight;
} coa_compare_report_t;
int coa_write_communities_compare(FILE *out, const coa_graph_t *g, const coa_compare_report_t *r, coa_output_t format);

/* 'coauthor distance': the distances from 'root', and the authors within
 * 'limit' hops in order (n of them; 'beyond' more are further); max_distance
 * is the option's value, -1 when not given. */
typedef struct {
    uint32_t root;                      /* corpus author ids, as coa_view_distances */
    const coa_distances_t *distances;
    const uint32_t *order;
    uint32_t n, limit;
    uint64_t beyond;
    long max_distance;
} coa_distance_report_t;
/* Text (with 'list' the authors too), JSON, or a table of the authors or
 * (with 'histogram') of the histogram.  0, or -1 when a table cannot be
 * written. */
int coa_write_distances(FILE *out, const coa_corpus_t *c, const coa_distance_report_t *r, int list, int histogram,
                        coa_output_t format);

/* 'coauthor authorships': the header line, and the rows of one file's
 * corpus (its papers named 'name' when given, their lines moved by
 * line_offset).  0 or an error code. */
extern const char coa_authorship_rows_header[];
int coa_write_authorship_rows(FILE *out, const coa_corpus_t *c, const char *name, long line_offset);

/* 'coauthor path': the evidence of every listed chain's hops, hop k of
 * chain i in hops[i * length + k] (hops shared by several chains are
 * looked up again: a chain listing is short).  Owned by the caller:
 * zeroed, filled, _destroy. */
typedef struct {
    coa_hop_t *hops;
    size_t n;
} coa_chain_hops_t;
int coa_chain_hops_fill(coa_view_t *view, const coa_chains_t *chains, coa_chain_hops_t *ch);
void coa_chain_hops_destroy(coa_chain_hops_t *ch);

/* The chains of 'coauthor path' (corpus author ids) with their hops. */
typedef struct {
    const coa_corpus_t *corpus;
    const coa_chains_t *chains;
    const coa_chain_hops_t *hops;
    const char *from, *to; /* the two authors' names */
    int all, strongest;    /* the options that shape the text and JSON */
} coa_path_report_t;
/* JSON, a table (one row per joint paper), or text when a chain was
 * found.  0, or an error code when a table cannot be written. */
int coa_write_path(FILE *out, const coa_path_report_t *r, coa_output_t format);
/* The figures of 'coauthor path --bench', as text. */
void coa_write_path_bench(FILE *out, const coa_path_bench_t *b);

#endif
