/* The commands' reports, printed as text, JSON or tables (src/write/report_*.c). */
#ifndef COAUTHOR_REPORT_H
#define COAUTHOR_REPORT_H

#include <stdio.h>

#include "coauthor/corpus.h"
#include "coauthor/identity.h"
#include "coauthor/stats.h"
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
/* "S skipped" with its reasons: "3 skipped (1 without authors, 2 malformed)". */
void coa_skipped_text(char *buf, size_t len, uint32_t malformed, uint32_t no_authors);

#endif
