/* The search behind the suggestions: every word of every author's name,
 * folded (case, accents and compatibility forms), in one sorted array of
 * 8-byte word prefixes, so that a query word finds its authors by binary
 * search instead of a scan of millions of names. */
#ifndef COAUTHOR_SERVE_SEARCH_H
#define COAUTHOR_SERVE_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "coauthor/corpus.h"

typedef struct serve_search serve_search_t;

/* papers[a] ranks author a (0 leaves it out of the search). */
int serve_search_new(const coa_corpus_t *c, const uint32_t *papers, serve_search_t **s);
void serve_search_free(serve_search_t *s);

/* Folds 'in' for matching: lower case, marks removed, every run of
 * characters other than letters and digits one space, trimmed.  Writes at
 * most cap - 1 bytes and a NUL; returns the length. */
size_t serve_fold(const char *in, char *out, size_t cap);

#define SERVE_SEARCH_MAX_WORDS 8

/* The authors whose names have, for every word of the query, a word that
 * starts with it: at most 'limit' of them into out[], most papers first,
 * then by author id.  *total counts the matches seen (a lower bound when
 * *more is set: the scan stopped at its cap). */
size_t serve_search_query(const serve_search_t *s, const char *query, uint32_t *out, size_t limit, uint64_t *total,
                          int *more);

/* The word masks that the search keeps for each name (exposed for the
 * tests): the bits of a folded name's words, and the bits that a name must
 * have to have a word starting with w (*exact: and that it does when it
 * has them: w is one ASCII byte). */
uint64_t serve_search_name_bits(const char *folded);
uint64_t serve_search_word_bits(const char *w, size_t len, int *exact);

#endif
