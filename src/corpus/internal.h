/* The corpus's helpers shared with the stages above it (src/corpus/);
 * not installed. */
#ifndef COAUTHOR_CORPUS_INTERNAL_H
#define COAUTHOR_CORPUS_INTERNAL_H

#include "core/core.h"
#include "coauthor/corpus.h"

/* The utf8proc options with which coa_name_key maps a name (name.c). */
extern const int coa_name_key_map_options;
/* True when word[0 .. len) of a key is a generational suffix ("jr", "iii", "3rd"). */
int coa_name_suffix(const char *word, size_t len);

/* Copying part of a finalised corpus into another, as it is: no name
 * matching, no spelling votes (src/corpus/corpus.c, for the store index, src/graph/index.c). */
/* Appends author a of 'from' (display, key, identifier, paper count, flags). */
int coa_corpus_copy_author(coa_corpus_t *c, const coa_corpus_t *from, uint32_t a, uint32_t *out);
/* Sets the open paper's fields (strings, year, flags, source, line...) from paper p of 'from'. */
int coa_corpus_copy_paper_fields(coa_corpus_t *c, const coa_corpus_t *from, uint32_t p);
/* The two halves of coa_corpus_paper_add_author_ex, for a reader that
 * remembers what a name resolved to: a name (and identifier) resolves to
 * the same author and spelling until the corpus is finalised. */
int coa_corpus_resolve(coa_corpus_t *c, const char *name, size_t len, const char *id, uint32_t *author,
                       coa_str_t *spelling);
int coa_corpus_paper_add_resolved(coa_corpus_t *c, uint32_t author, coa_str_t spelling, unsigned flags, int *added);
/* Makes 'id' ("scheme:value") a second identifier of 'author', one that
 * resolves to it from then on (a DBLP pid beside the DBLP name).  An
 * identifier that already names another author is left to that one. */
int coa_corpus_add_id(coa_corpus_t *c, uint32_t author, const char *id);
/* Sets a paper's string field once: an empty or missing s, or a field set
 * already, leaves it as it is.  'unique' strings (titles, DOIs) are kept
 * out of the string pool's table (coa_strpool_add), where they would only
 * cost lookups. */
int coa_corpus_set_str(coa_corpus_t *c, coa_str_t *field, const char *s, int unique);
/* Does an author hold this identifier already?  The second sets *author. */
int coa_corpus_id_known(const coa_corpus_t *c, const char *id);
int coa_corpus_id_author(const coa_corpus_t *c, const char *id, uint32_t *author);
/* The identifier the next authorship was given by its source, for
 * c->keep_rows: a reader that resolved a name from its cache says it here
 * (resolving a name through the corpus says it already). */
int coa_corpus_note_row_id(coa_corpus_t *c, const char *id);
/* The author with this match key, made if new with this display name
 * (fixed: no spelling votes) and identifier, without name matching: for
 * authors already resolved elsewhere (the pipeline's author table). */
int coa_corpus_author_fixed(coa_corpus_t *c, const char *key, const char *display, const char *id,
                            uint32_t *author);
/* A reader's memory of what the names it read resolved to, so that a name
 * seen before costs one probe instead of string-pool lookups, each a cache
 * miss in tables of millions of strings.  Short names are kept inline; a
 * zeroed struct is an empty cache.  It changes nothing in the result: a
 * name resolves to the same author and spelling until the corpus is
 * finalised, and the cache lives no longer than one read. */
#define COA_NAME_INLINE 35
typedef struct {
    uint32_t hash, author;
    coa_str_t spelling;
    uint8_t len; /* 0: an empty slot */
    char text[COA_NAME_INLINE];
} coa_name_entry_t;
typedef struct {
    coa_name_entry_t *slots;
    uint32_t n, cap;
} coa_name_cache_t;
/* 1 and the author and spelling when 'name' is in the cache, else 0. */
int coa_name_cache_get(const coa_name_cache_t *nc, const char *name, size_t len, uint32_t *author,
                       coa_str_t *spelling);
/* Remembers a resolution (names too long to keep inline are not). */
void coa_name_cache_put(coa_name_cache_t *nc, const char *name, size_t len, uint32_t author, coa_str_t spelling);
void coa_name_cache_destroy(coa_name_cache_t *nc);
/* Starts fetching the slot where 'name' would be, for a get soon after. */
void coa_name_cache_prefetch(const coa_name_cache_t *nc, const char *name, size_t len);
/* The author-paper index of a store index (src/graph/index.c): each author's
 * selected papers (ascending) and each selected paper's authors, as CSR
 * arrays, and each author's coauthors in the default graph. */
typedef struct {
    const uint32_t *a_start, *a_papers, *p_start, *p_authors, *degree;
    uint32_t n_authors, n_papers;
    uint64_t total; /* entries of a_papers and of p_authors */
} coa_store_csr_t;
struct coa_store_index;
void coa_store_index_csr(const struct coa_store_index *ix, coa_store_csr_t *csr);
/* Appends an authorship to the open paper: src's position and flags, for 'author' of c. */
int coa_corpus_copy_authorship(coa_corpus_t *c, uint32_t author, const coa_authorship_t *src);

/* The author a's merges lead to, pointing every author on the way straight
 * at it (union-find's path compression): chains of merges stay short. */
uint32_t coa_corpus_author_root_compress(coa_corpus_t *c, uint32_t a);
/* The author whose key the name has, before any merge (COA_NONE if none). */
uint32_t coa_corpus_find_author_unmerged(const coa_corpus_t *c, const char *name);

#endif
