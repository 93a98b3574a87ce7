/*
 * Reports on author identity that need the graph or the whole finalised
 * corpus (src/analyze/names_report.c): likely splits (one person under two
 * keys) and likely homonyms (two people under one key).
 */
#ifndef COAUTHOR_NAMES_H
#define COAUTHOR_NAMES_H

#include "graph.h"
#include "identity.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Two keys that are probably one person. */
typedef struct {
    uint32_t a, b;             /* corpus authors */
    const char *why;           /* "middle initial", "initials" */
    uint32_t shared_coauthors; /* evidence */
    uint32_t example_coauthor; /* one shared coauthor */
    const char *missing;       /* why merging on evidence left them apart, or NULL */
    double expected;           /* namesakes expected of the commoner spelling, or < 0 */
} coa_split_t;

/* Likely splits among the graph's authors: same surname, compatible given
 * names (one with and one without a middle initial, or initials against a
 * full name), and at least one shared coauthor; and the compatible pairs
 * that merging on evidence left apart (ev, or NULL), with what evidence
 * they lacked.  Sorted by evidence, then names.  The caller frees *splits. */
int coa_find_splits(const coa_graph_t *g, const coa_evidence_report_t *ev, coa_split_t **splits, uint32_t *n);

/* One author's papers that look like another person's. */
typedef struct {
    uint32_t author;
    uint32_t *papers;          /* the suspicious group */
    uint32_t n_papers;
    uint32_t other_papers;     /* the author's remaining papers */
    int by_category;           /* fields are field codes, not venue series */
    coa_str_t fields[4];       /* the group's fields */
    uint32_t n_fields;
    coa_str_t other_fields[8]; /* the fields of the author's other papers */
    uint32_t n_other_fields;
    /* the common-name rule: papers holds all of the author's papers and
     * cluster[i] the group of papers[i] (0 the largest); fields are unset */
    int by_name;
    double expected;           /* namesakes expected by chance */
    uint32_t *cluster;
    uint32_t n_clusters;
} coa_homonym_t;

/* Likely homonyms: an author whose papers fall into groups that share no
 * coauthors, where a group other than the largest has fields (category,
 * else the venue's series: "Proceedings of the 58th Annual Meeting of the
 * ACL (Volume 1)" is "annual meeting of the acl") that appear in none of
 * the author's other papers.  Venue series are weaker evidence than field
 * codes, so with venues only each side needs two papers.  Marks those authorships
 * COA_AUTHORSHIP_POSSIBLE_HOMONYM.  Call after finalize.  Free the result
 * with coa_homonyms_free. */
int coa_find_homonyms(coa_corpus_t *c, coa_homonym_t **homonyms, uint32_t *n);
void coa_homonyms_free(coa_homonym_t *homonyms, uint32_t n);

/* Makes each likely homonym's suspicious group (coa_find_homonyms) an
 * author of its own, named by the group's most frequent coauthor: "Yang
 * Liu [with Mirella Lapata]".  Call after finalize, before building
 * graphs.  *split counts the new authors. */
int coa_split_homonyms(coa_corpus_t *c, uint32_t *split);

/* Sets exactly the COA_AUTHORSHIP_POSSIBLE_HOMONYM flags coa_find_homonyms
 * finds (clearing any set before, as a database may hold them), without
 * keeping the report: what a chain's [homonym?] marks need. */
int coa_flag_homonyms(coa_corpus_t *c);
/* The same for the authorships of authors[0 .. n) only, which get exactly
 * the flags coa_flag_homonyms would give them: for a chain, whose hops
 * show only its own authors' authorships, without the whole corpus's work.
 * An author listed twice is examined twice, to the same result. */
int coa_flag_homonyms_of(coa_corpus_t *c, const uint32_t *authors, uint32_t n);

#ifdef __cplusplus
}
#endif

#endif
