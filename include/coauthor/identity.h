/*
 * Author identity beyond the match key: alias files, merging initials into
 * full names, and reports of likely splits and likely homonyms.  Every
 * merge is recorded in the corpus (c->merges, with its reason) so that a
 * user can see it.
 */
#ifndef COAUTHOR_IDENTITY_H
#define COAUTHOR_IDENTITY_H

#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Limits on an alias file: a line (longer ones are skipped with a warning)
 * and the whole file (past it, the file is refused with an error). */
#define COA_ALIASES_MAX_LINE ((size_t)64 << 10)
#define COA_ALIASES_MAX_BYTES ((uint64_t)256 << 20)

/* Reads an alias file and records its merges (call before
 * coa_corpus_finalize).  Lines are "alias<TAB>canonical"; VOSviewer's
 * thesaurus files (header "label<TAB>replace by") work unchanged; '#'
 * starts a comment.  The canonical spelling becomes the display name.
 * An alias that names no author is reported and ignored, and so is a line
 * that would close a cycle ("b<TAB>a" after "a<TAB>b").  *applied counts
 * the authors named by the sources that were merged into another. */
int coa_aliases_apply(coa_corpus_t *c, const char *path, const coa_diag_sink_t *diag, uint32_t *applied);

/* Merges an author written with initials only ("I. Titov") into the one
 * author with the same surname whose given names fit those initials
 * ("Ivan Titov"), when there is exactly one.  Call before finalize.
 * *merged counts the merges; each is recorded with reason "initials". */
int coa_merge_initials(coa_corpus_t *c, uint32_t *merged);

/* The owner found for a single-person export (a WoS, PubMed, DBLP or
 * ORCID export of one person's papers, or a profile). */
typedef struct {
    uint32_t source;   /* index into the corpus's sources */
    uint32_t author;   /* a spelling of the owner (corpus author) */
    uint32_t on;       /* records with the owner */
    uint32_t records;  /* records of the source */
} coa_owner_t;

/* What coa_merge_evidence did. */
typedef struct {
    uint32_t merged;              /* merges made */
    uint32_t by_rule[8];          /* merges by rule (coa_evidence_rule_name) */
    uint32_t ambiguous;           /* compatible pairs left apart: an initial that fits two people */
    uint32_t without_evidence;    /* compatible pairs left apart: no evidence of one person */
    coa_owner_t *owners;          /* owners found, by source */
    uint32_t n_owners;
} coa_evidence_report_t;

/* Merges spellings that are probably one person, on evidence (call before
 * coa_corpus_finalize; each merge is recorded with its rule and evidence
 * as the reason, "middle name: 2 shared coauthors, e.g. Mirella Lapata").
 * Two spellings merge when both hold:
 *  - their names are compatible: same surname, and given names that are
 *    initials of the other's, add or drop a middle name or initial, are a
 *    common nickname (src/corpus/nicknames.c), differ only in spacing or a
 *    suffix; or the same given names with one edit in a surname of seven or
 *    more letters;
 *  - there is evidence of one person: a coauthor shared by both (other than
 *    the pair; two spellings on one paper are two people), or both are the
 *    owner of one single-person export (an author, by first initial and
 *    surname, on 90% of its records, at least 5).
 * A spelling compatible with two spellings that are not compatible with
 * each other ("R. Evans" with "Roger Evans" and "Richard Evans") joins
 * neither, and a merge that would put two incompatible spellings into one
 * author is not made.  Free the report with coa_evidence_report_destroy. */
int coa_merge_evidence(coa_corpus_t *c, coa_evidence_report_t *report);
void coa_evidence_report_destroy(coa_evidence_report_t *report);
/* The name of rule r of coa_evidence_report_t.by_rule ("initials", ...). */
const char *coa_evidence_rule_name(unsigned r);

/* Two keys that are probably one person. */
typedef struct {
    uint32_t a, b;             /* corpus authors */
    const char *why;           /* "middle initial", "initials" */
    uint32_t shared_coauthors; /* evidence */
    uint32_t example_coauthor; /* one shared coauthor */
} coa_split_t;

/* Likely splits among the graph's authors: same surname, compatible given
 * names (one with and one without a middle initial, or initials against a
 * full name), and at least one shared coauthor.  Sorted by evidence, then
 * names.  The caller frees *splits. */
int coa_find_splits(const coa_graph_t *g, coa_split_t **splits, uint32_t *n);

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
