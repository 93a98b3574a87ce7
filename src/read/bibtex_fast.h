/*
 * The BibTeX fast path (bibtex_fast.c): plain @article and @inproceedings
 * entries read without bibutils, giving what bibutils gives, or declined.
 * Not installed.
 */
#ifndef COAUTHOR_READ_BIBTEX_FAST_H
#define COAUTHOR_READ_BIBTEX_FAST_H

#include "bibutils_common.h"

typedef struct coa_bibfast coa_bibfast_t;

/* 'name' (the input's, kept by reference) names it if bibutils fails. */
coa_bibfast_t *coa_bibfast_new(const char *name);
void coa_bibfast_free(coa_bibfast_t *f);
/* Forgets the records read since the last reset (their strings too). */
void coa_bibfast_reset(coa_bibfast_t *f);
/* Entries read and declined so far. */
void coa_bibfast_counts(const coa_bibfast_t *f, unsigned long *accepted, unsigned long *declined);

/* Reads one entry, s[0..n) from its '@' to where the next entry starts,
 * whose key the scan found to be 'key'.  Returns 1 and sets *index when
 * the entry is read, 0 when it needs bibutils, or -COA_ENOMEM. */
int coa_bibfast_entry(coa_bibfast_t *f, const char *s, size_t n, const char *key, size_t *index);
/* Record 'index' read since the last reset. */
coa_bu_rec_t *coa_bibfast_rec(coa_bibfast_t *f, size_t index);

/* 1 to 12 for a month macro ("jan", "Feb"), else 0. */
int coa_bibfast_month(const char *s);

#endif
