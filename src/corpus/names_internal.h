/* Words of match keys, shared by identity merging and the name audit; not installed. */
#ifndef COAUTHOR_CORPUS_NAMES_INTERNAL_H
#define COAUTHOR_CORPUS_NAMES_INTERNAL_H

#include <stddef.h>

#include "coauthor/corpus.h"

#define COA_MAX_WORDS 16

typedef struct {
    const char *w[COA_MAX_WORDS];
    size_t len[COA_MAX_WORDS];
    int n;
} coa_words_t;

/* Splits a match key into words (pointers into the key). */
void coa_names_words(const char *key, coa_words_t *out);
int coa_names_same_word(const coa_words_t *a, int i, const coa_words_t *b, int j);
/* Given names (all words but the last) are all single letters. */
int coa_names_initials_only(const coa_words_t *w);
/* Initials i fit full names f: same surname, each initial starts the given name in its place. */
int coa_names_initials_fit(const coa_words_t *i, const coa_words_t *f);
/* One name is the other plus middle initials: "eduard h hovy" and "eduard hovy". */
int coa_names_middle_initial(const coa_words_t *a, const coa_words_t *b);
/* The surname of a key: its last word, or the word before a suffix
 * ("eric h nyberg iii"); it ends at the next space or the end
 * (coa_names_surname_len).  Compare two with coa_names_surname_cmp. */
const char *coa_names_surname(const char *key);
size_t coa_names_surname_len(const char *surname);
int coa_names_surname_cmp(const char *a, const char *b);

/* A key's words with the surname (and a suffix) located. */
typedef struct {
    coa_words_t w;
    int surname; /* index of the surname; the given names are 0 .. surname-1 */
    int suffix;  /* index of a generational suffix, or -1 */
} coa_name_parts_t;

void coa_names_parts(const char *key, coa_name_parts_t *p);

/* How two spellings with one surname can be one person. */
typedef enum {
    COA_RULE_NONE,
    COA_RULE_INITIALS,      /* "C. P. Rose" / "Carolyn Penstein Rose" */
    COA_RULE_MIDDLE,        /* "Kenneth Church" / "Kenneth Ward Church"; "W. John Hutchins" / "John Hutchins" */
    COA_RULE_NICKNAME,      /* "Mike Rosner" / "Michael Rosner" (nicknames.c) */
    COA_RULE_SPACING,       /* "Junichi" / "Jun ichi" */
    COA_RULE_SUFFIX,        /* "Eric Nyberg" / "Eric Nyberg III" */
    COA_RULE_SURNAME_EDIT,  /* one edit in a long surname: "Nirenburg" / "Nirenberg" */
    COA_RULE_DOUBLE_SURNAME, /* a second surname: "Bhavana Dalvi" / "Bhavana Dalvi Mishra" */
    COA_RULE_GIVEN_EDIT,    /* one edit in a long given name: "Matthieu" / "Mathieu" */
    COA_RULE_SHORT_GIVEN,   /* a given name cut short: "Avi Sil" / "Avirup Sil" */
    COA_RULE_FIRST_DROPPED, /* the first given name left out: "Thang Luong" / "Minh-Thang Luong" */
    COA_RULE_COUNT
} coa_name_rule_t;

/* Whether the given names (and suffixes) of two spellings are compatible,
 * and by which rule; the surnames are the caller's to compare.  Each given
 * name of the shorter list matches one of the longer in order (equal, an
 * initial of it, or a nickname), the first matching the first (or the
 * second after a leading initial); two different suffixes never match. */
coa_name_rule_t coa_names_compatible(const coa_name_parts_t *a, const coa_name_parts_t *b);
const char *coa_names_rule_name(coa_name_rule_t r);
/* Whether two given names are a name and its nickname (nicknames.c). */
int coa_names_nickname(const char *a, size_t la, const char *b, size_t lb);

typedef struct {
    const char *surname;
    uint32_t author;
} coa_by_surname_t;

/* The authors with use[a] set, sorted by surname then id; caller frees. */
coa_by_surname_t *coa_names_by_surname(const coa_corpus_t *c, const uint8_t *use, uint32_t *n);

#endif
