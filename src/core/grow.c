/* Growing arrays by doubling, the one way every stage does it. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

int coa_grow(void **items, uint32_t *cap, uint32_t need, size_t size)
{
    if (need <= *cap)
        return COA_OK;
    uint64_t n = *cap ? *cap : 64;
    while (n < need)
        n *= 2;
    if (n > UINT32_MAX - 1)
        n = UINT32_MAX - 1;
    if (n < need)
        return COA_ENOMEM;
    void *p = realloc(*items, (size_t)n * size);
    if (!p)
        return COA_ENOMEM;
    *items = p;
    *cap = (uint32_t)n;
    return COA_OK;
}

int coa_grow_array(void *items, size_t *cap, size_t need, size_t size, size_t first)
{
    if (need <= *cap)
        return COA_OK;
    size_t n = *cap ? *cap : first;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return COA_ENOMEM;
        n *= 2;
    }
    if (n > SIZE_MAX / size)
        return COA_ENOMEM;
    void *old;
    memcpy(&old, items, sizeof old);
    void *p = realloc(old, n * size);
    if (!p)
        return COA_ENOMEM;
    memcpy(items, &p, sizeof p);
    *cap = n;
    return COA_OK;
}

void coa_top_insert(void *list, uint32_t *n, uint32_t cap, uint32_t i, const void *item, size_t size)
{
    if (i >= cap)
        return;
    uint32_t last = *n < cap ? *n : cap - 1;
    char *at = (char *)list + (size_t)i * size;
    memmove(at + size, at, (size_t)(last - i) * size);
    memcpy(at, item, size);
    if (*n < cap)
        (*n)++;
}

void coa_free_all(void *const *ptrs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(ptrs[i]);
}
