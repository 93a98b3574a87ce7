/*
 * Author identity beyond the match key: alias files and merging initials
 * into full names (the reports of likely splits and likely homonyms are in
 * names.h).  Every merge is recorded in the corpus (c->merges, with its
 * reason) so that a user can see it.
 */
#ifndef COAUTHOR_IDENTITY_H
#define COAUTHOR_IDENTITY_H

#include "corpus.h"

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

/* Why coa_merge_evidence left a pair of compatible spellings apart. */
typedef enum {
    COA_LEFT_NO_EVIDENCE,  /* no shared coauthor, identifier or owner, and not a rare name */
    COA_LEFT_AMBIGUOUS,    /* one of them fits two people ("R. Evans": Roger and Richard) */
    COA_LEFT_NEEDS_MORE,   /* a shared coauthor, but the rule or a common name asks for two, or a rare name */
    COA_LEFT_TOGETHER,     /* both on one paper: two people */
    COA_LEFT_IDENTIFIERS,  /* two different identifiers: two people */
    COA_LEFT_INCONSISTENT  /* the author made would hold two spellings that do not fit */
} coa_left_why_t;

/* A pair of compatible spellings left apart, with what evidence it had. */
typedef struct {
    uint32_t a, b;    /* corpus authors (merged since, perhaps: take their roots) */
    uint8_t rule;     /* how the names fit (coa_evidence_rule_name) */
    uint8_t why;      /* coa_left_why_t */
    uint32_t shared;  /* shared coauthors found */
    double expected;  /* namesakes expected of the commoner spelling (1e9: no full given name) */
} coa_left_apart_t;

/* What coa_merge_evidence did. */
typedef struct {
    uint32_t merged;              /* merges made */
    uint32_t by_rule[16];         /* merges by rule (coa_evidence_rule_name) */
    uint32_t ambiguous;           /* compatible pairs left apart: an initial that fits two people */
    uint32_t without_evidence;    /* compatible pairs left apart: no evidence of one person */
    coa_owner_t *owners;          /* owners found, by source */
    uint32_t n_owners;
    coa_left_apart_t *left;       /* every compatible pair left apart, and why */
    uint32_t n_left;
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

#ifdef __cplusplus
}
#endif

#endif
