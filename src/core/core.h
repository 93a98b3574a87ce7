/* What every stage of the library shares (src/core/): diagnostics, error
 * codes, growth of arrays, temporary files.  It includes nothing from the
 * other stages; not installed. */
#ifndef COAUTHOR_CORE_H
#define COAUTHOR_CORE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "coauthor/common.h"

#if defined(__GNUC__)
#define COA_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define COA_PRINTF(a, b)
#endif

/* Sends a formatted diagnostic to the sink (common.c). */
void coa_diag(const coa_diag_sink_t *sink, coa_severity_t sev, const char *file, long line,
              const char *fmt, ...) COA_PRINTF(5, 6);

/* Converts an igraph error code to ours. */
int coa_from_igraph(int igraph_err);

/* Grows an array of 'size'-byte items to hold at least 'need' (grow.c):
 * the capacity doubles from 64, up to UINT32_MAX - 1 items. */
int coa_grow(void **items, uint32_t *cap, uint32_t need, size_t size);
/* The same for a size_t capacity: 'items' is the address of the array's
 * pointer (a T **), and the capacity doubles from 'first'.  On COA_ENOMEM
 * the array and *cap are as they were. */
int coa_grow_array(void *items, size_t *cap, size_t need, size_t size, size_t first);

/* Puts item at place i of a list of *n items of 'size' bytes that keeps
 * only the first cap (a best-k list, grow.c): the items from i on move
 * down one, the last falling off when the list is full; nothing happens
 * when i >= cap. */
void coa_top_insert(void *list, uint32_t *n, uint32_t cap, uint32_t i, const void *item, size_t size);

/* A table of enum names (common.c): the name of value i, "?" outside the
 * table; and the value named s, COA_EINVAL when none is. */
const char *coa_enum_name(const char *const *names, size_t n, unsigned i);
int coa_enum_parse(const char *const *names, size_t n, const char *s, unsigned *i);
/* The pair of public functions over such a table for an enum type:
 * 'const char *name_fn(type)' and 'int parse_fn(const char *, type *)'. */
#define COA_ENUM_FUNCTIONS(type, name_fn, parse_fn, names)                                  \
    const char *name_fn(type value)                                                         \
    {                                                                                       \
        return coa_enum_name(names, sizeof names / sizeof *names, (unsigned)value);         \
    }                                                                                       \
    int parse_fn(const char *s, type *value)                                                \
    {                                                                                       \
        unsigned i;                                                                         \
        int err = coa_enum_parse(names, sizeof names / sizeof *names, s, &i);               \
        if (!err)                                                                           \
            *value = (type)i;                                                               \
        return err;                                                                         \
    }

/* Frees each pointer given, in order: the arrays of a destroy function,
 * COA_FREE(t->text, t->off, t->raw) (grow.c). */
void coa_free_all(void *const *ptrs, size_t n);
#define COA_FREE(...) \
    coa_free_all((void *const[]){__VA_ARGS__}, sizeof((void *const[]){__VA_ARGS__}) / sizeof(void *))

/* FNV-1a of the bytes, never 0 (the string pool's hash; 0 marks a string
 * kept out of its table; strpool.c). */
uint32_t coa_hash_bytes(const char *s, size_t len);

/* The first free slot (0) for hash h in an open-addressing table of n
 * slots, n a power of two with a free slot left: linear probing, as the
 * string pool's and the corpus's key tables do it. */
static inline uint32_t coa_slot_free(const uint32_t *slots, uint32_t n, uint32_t h)
{
    uint32_t i = h & (n - 1);
    while (slots[i])
        i = (i + 1) & (n - 1);
    return i;
}

/* The first i in [lo, hi) with a[i] >= key, or hi (a[lo .. hi) ascending):
 * the one binary search over sorted id lists. */
static inline size_t coa_lower_bound_u32(const uint32_t *a, size_t lo, size_t hi, uint32_t key)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Turns count[0 .. n) into where each bucket starts (the sum of the
 * counts before it): the middle step of a counting or radix sort. */
static inline void coa_counts_to_starts(size_t *count, size_t n)
{
    size_t sum = 0;
    for (size_t d = 0; d < n; d++) {
        size_t here = count[d];
        count[d] = sum;
        sum += here;
    }
}

/* Temporary files beside a target (tempfile.c).  coa_temp_create removes
 * the leftovers of killed runs on that target, then creates
 * DIR/.BASE.PID.XXXXXX with mkstemp and tracks it for
 * coa_temp_remove_all; returns its descriptor and the malloc'ed name in
 * *tmp, or -1 with errno.  coa_temp_forget stops tracking a temporary
 * (renamed or removed) before its name is freed.  coa_temp_remove_all is
 * async-signal-safe (only unlink). */
int coa_temp_create(const char *target, char **tmp);
void coa_temp_forget(const char *tmp);
void coa_temp_remove_all(void);
void coa_temp_remove_leftovers(const char *target);
/* Gives the temporary the permissions of the file it replaces ('replaced'
 * from stat), or with NULL what a new file would get (0666 less the
 * umask), instead of mkstemp's 0600. */
struct stat;
void coa_temp_set_mode(int fd, const struct stat *replaced);

#endif
