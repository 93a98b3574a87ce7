/* The commands' reports, printed as text, JSON or tables (src/write/report_*.c). */
#ifndef COAUTHOR_REPORT_H
#define COAUTHOR_REPORT_H

#include <stdio.h>

#include "coauthor/corpus.h"
#include "coauthor/identity.h"

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

#endif
