/*
 * coauthor: the string pool, interned strings with dense ids.  A coa_str_t
 * is an id into its pool, and 0 is the empty string ("absent").
 */
#ifndef COAUTHOR_STRPOOL_H
#define COAUTHOR_STRPOOL_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t coa_str_t;
#define COA_NOSTR ((coa_str_t)0)
#define COA_NONE UINT32_MAX

/* Interned strings: dense ids from 0 (the empty string), one copy each. */
typedef struct {
    char *bytes;
    size_t len, cap;
    uint64_t *offsets;  /* offsets[id] = start of string id in bytes */
    uint32_t *hashes;   /* hashes[id] */
    uint32_t count, count_cap;
    uint32_t *slots;    /* open addressing, id + 1, 0 = empty */
    uint32_t nslots;
} coa_strpool_t;

int coa_strpool_init(coa_strpool_t *pool);
void coa_strpool_destroy(coa_strpool_t *pool);
/* Returns the id of the string, adding it if new; COA_NONE when out of memory. */
coa_str_t coa_strpool_intern(coa_strpool_t *pool, const char *s, size_t len);
/* Returns the id if present, else COA_NONE. */
coa_str_t coa_strpool_find(const coa_strpool_t *pool, const char *s, size_t len);
/* Adds a string that is not looked up by its text (a title, a DOI, a
 * record key: unique by nature), without entering it in the hash table:
 * no probe of a table of millions of strings for it.  A later intern of
 * the same text gets another id. */
coa_str_t coa_strpool_add(coa_strpool_t *pool, const char *s, size_t len);
const char *coa_strpool_get(const coa_strpool_t *pool, coa_str_t id);

#ifdef __cplusplus
}
#endif

#endif
