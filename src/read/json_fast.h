/*
 * JSON works as the JSON readers take them (coa_jwork_t): the fields of
 * one OpenAlex work, or of one Crossref work or CSL item, taken either
 * from jansson's tree (read_jsonl.c) or by the fast path (json_fast.c),
 * which reads the plain works straight from their text without building
 * a tree and declines the rest.  Not installed.
 */
#ifndef COAUTHOR_READ_JSON_FAST_H
#define COAUTHOR_READ_JSON_FAST_H

#include <stddef.h>

/* The dialects the fast path reads; the others (arXiv, Semantic Scholar,
 * ORCID, envelopes) are read from jansson's tree only. */
enum { COA_JW_OPENALEX = 1, COA_JW_CROSSREF };

/* The dates whose years a Crossref work or a CSL item gives, in the order
 * tried; of each, date-parts[0][0], then "raw", then "literal". */
#define COA_JW_N_DATES 5
extern const char *const coa_jw_dates[COA_JW_N_DATES];

/* One author; a field is NULL where the work has no string there. */
typedef struct {
    /* Crossref and CSL */
    const char *given, *dropping, *non_dropping, *family, *suffix, *name, *literal, *orcid;
    /* OpenAlex: raw_author_name, and author.{display_name, id, orcid} */
    const char *raw, *entity, *entity_id, *entity_orcid;
} coa_jauthor_t;

typedef struct {
    int dialect;                           /* COA_JW_* */
    const char *title, *display_name;      /* OpenAlex: the title, else display_name */
    const char *doi, *id, *venue;          /* Crossref: DOI; CSL's id is the key */
    long long years[3 * COA_JW_N_DATES];   /* candidates in order (OpenAlex: publication_year first) */
    coa_jauthor_t *authors;                /* one per object in the authors' array */
    size_t n_authors, cap_authors;
} coa_jwork_t;

/* The year a value gives: an integer, or a string's leading digits
 * ("2020": Zotero writes date parts as strings); 0 for anything else. */
long long coa_jw_year_of_string(const char *s);

/* Room for one more author, zeroed; NULL when out of memory.  The array
 * is the caller's to free (free(w->authors)). */
coa_jauthor_t *coa_jw_add_author(coa_jwork_t *w);

/* NULL when a and b are equal, else the field that differs, with
 * details in 'detail'. */
const char *coa_jw_diff(const coa_jwork_t *a, const coa_jwork_t *b, char *detail, size_t size);

/* ---- the fast path ---- */

typedef struct coa_jfast coa_jfast_t;

coa_jfast_t *coa_jfast_new(void);
void coa_jfast_free(coa_jfast_t *f);

/* Reads text[0..len), one JSON value as jansson would be given it, when
 * it is an object that the reader would take as an OpenAlex work or (csl
 * set: always) a Crossref work or CSL item.  Returns 1 with *work filled
 * (its strings live until the next call), 0 when it declines (the text is
 * not such a work, or has anything the fast path does not read exactly as
 * jansson: then jansson reads it), or -1 when out of memory.  It never
 * accepts what jansson would refuse. */
int coa_jfast_work(coa_jfast_t *f, const char *text, size_t len, int csl, const coa_jwork_t **work);

#endif
