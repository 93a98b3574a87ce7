/* Interned strings with dense ids, one copy of each. */
#include <stdlib.h>
#include <string.h>

#include "coauthor/strpool.h"
#include "core/core.h"

uint32_t coa_hash_bytes(const char *s, size_t len)
{
    /* FNV-1a: short author names dominate, where it is as fast as anything. */
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h ? h : 1; /* 0 marks a string kept out of the table (coa_strpool_add) */
}

static int grow_slots(coa_strpool_t *pool)
{
    uint32_t nslots = pool->nslots ? pool->nslots * 2 : 1024;
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return COA_ENOMEM;
    for (uint32_t id = 0; id < pool->count; id++) {
        if (!pool->hashes[id])
            continue; /* not in the table */
        slots[coa_slot_free(slots, nslots, pool->hashes[id])] = id + 1;
    }
    free(pool->slots);
    pool->slots = slots;
    pool->nslots = nslots;
    return COA_OK;
}

int coa_strpool_init(coa_strpool_t *pool)
{
    memset(pool, 0, sizeof *pool);
    if (coa_strpool_intern(pool, "", 0) != 0) {
        coa_strpool_destroy(pool);
        return COA_ENOMEM;
    }
    return COA_OK;
}

void coa_strpool_destroy(coa_strpool_t *pool)
{
    COA_FREE(pool->bytes, pool->offsets, pool->hashes, pool->slots);
    memset(pool, 0, sizeof *pool);
}

static coa_str_t lookup(const coa_strpool_t *pool, const char *s, size_t len, uint32_t h, uint32_t *slot)
{
    if (!pool->nslots)
        return COA_NONE;
    uint32_t i = h & (pool->nslots - 1), probes = 0;
    /* the bounds checks hold against a damaged table read from a corpus
     * database or its index; they cost nothing measurable here */
    while (pool->slots[i] && probes++ < pool->nslots) {
        uint32_t id = pool->slots[i] - 1;
        if (id < pool->count && pool->hashes[id] == h && pool->offsets[id] < pool->len) {
            const char *t = pool->bytes + pool->offsets[id];
            if (strlen(t) == len && memcmp(t, s, len) == 0)
                return id;
        }
        i = (i + 1) & (pool->nslots - 1);
    }
    if (slot)
        *slot = i;
    return COA_NONE;
}

coa_str_t coa_strpool_find(const coa_strpool_t *pool, const char *s, size_t len)
{
    return lookup(pool, s, len, coa_hash_bytes(s, len), NULL);
}

/* Stores the bytes of a new string with hash h (0: kept out of the
 * table) and returns its id; COA_NONE when out of memory. */
static coa_str_t append(coa_strpool_t *pool, const char *s, size_t len, uint32_t h)
{
    if (pool->len + len + 1 > pool->cap && coa_grow_array(&pool->bytes, &pool->cap, pool->len + len + 1, 1, 4096))
        return COA_NONE;
    if (pool->count == pool->count_cap) {
        uint32_t cap = pool->count_cap ? pool->count_cap * 2 : 1024;
        uint64_t *offsets = realloc(pool->offsets, cap * sizeof *offsets);
        if (!offsets)
            return COA_NONE;
        pool->offsets = offsets;
        uint32_t *hashes = realloc(pool->hashes, cap * sizeof *hashes);
        if (!hashes)
            return COA_NONE;
        pool->hashes = hashes;
        pool->count_cap = cap;
    }
    coa_str_t id = pool->count++;
    pool->offsets[id] = pool->len;
    pool->hashes[id] = h;
    if (len)
        memcpy(pool->bytes + pool->len, s, len);
    pool->bytes[pool->len + len] = '\0';
    pool->len += len + 1;
    return id;
}

coa_str_t coa_strpool_intern(coa_strpool_t *pool, const char *s, size_t len)
{
    uint32_t h = coa_hash_bytes(s, len);
    uint32_t slot = 0;
    coa_str_t id = lookup(pool, s, len, h, &slot);
    if (id != COA_NONE)
        return id;
    if (memchr(s, '\0', len))
        return COA_NONE; /* callers sanitise input; an embedded NUL is a bug */
    if (pool->count + 1 >= COA_NONE)
        return COA_NONE;
    /* keep the table at most half full */
    if ((uint64_t)(pool->count + 1) * 2 > pool->nslots) {
        if (grow_slots(pool) != COA_OK)
            return COA_NONE;
        lookup(pool, s, len, h, &slot);
    }
    if ((id = append(pool, s, len, h)) != COA_NONE)
        pool->slots[slot] = id + 1;
    return id;
}

coa_str_t coa_strpool_add(coa_strpool_t *pool, const char *s, size_t len)
{
    if (memchr(s, '\0', len) || pool->count + 1 >= COA_NONE)
        return COA_NONE;
    return append(pool, s, len, 0);
}

const char *coa_strpool_get(const coa_strpool_t *pool, coa_str_t id)
{
    if (id >= pool->count || pool->offsets[id] >= pool->len)
        return "";
    return pool->bytes + pool->offsets[id];
}
