/* The name search of coauthor serve (search.h).
 *
 * Each entry is one word of one author's folded name: its first 8 bytes as
 * a big-endian number (so that numeric order is byte order and a prefix of
 * up to 8 bytes is a range), the author, and the author's papers.  The
 * array is sorted by an LSD radix sort: on 2.8M DBLP-sized authors (8M
 * words) it takes a fraction of a second where qsort took seconds, which
 * is what lets the server answer within a second of starting.  A query
 * takes its most selective word's range and checks the other words (and
 * any word longer than 8 bytes) against the candidate's folded name, kept
 * from the build in one block (so that a check reads a short string and
 * allocates nothing: folding each candidate's name again, with utf8proc
 * for any that is not ASCII, took 140 ms of CPU for "a b" on the 1M-paper
 * corpus; the block is about 15 bytes an author). */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "serve/search.h"

typedef struct {
    uint64_t key;
    uint32_t author;
    uint32_t papers;
} entry_t;

struct serve_search {
    entry_t *e;
    size_t n;
    char *names;       /* every indexed author's folded name, NUL-terminated */
    size_t names_len, names_cap;
    uint32_t *name_at; /* per author: its name's offset in names */
};

static int is_word_byte(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80;
}

size_t serve_fold(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    int ascii = 1;
    for (const unsigned char *p = (const unsigned char *)in; *p; p++)
        if (*p >= 0x80) {
            ascii = 0;
            break;
        }
    utf8proc_uint8_t *mapped = NULL;
    const unsigned char *src = (const unsigned char *)in;
    if (!ascii) {
        /* decomposed, case-folded, marks stripped: "Hàn Thế" is "han the" */
        utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)in, 0, &mapped,
                                            UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                                UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
        if (len < 0)
            mapped = NULL; /* invalid UTF-8: the bytes as they are */
        else
            src = mapped;
    }
    int space = 1; /* drop leading separators */
    for (const unsigned char *p = src; *p && n + 1 < cap; p++) {
        unsigned char ch = *p;
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch - 'A' + 'a');
        if (is_word_byte(ch)) {
            out[n++] = (char)ch;
            space = 0;
        } else if (!space) {
            out[n++] = ' ';
            space = 1;
        }
    }
    if (n && out[n - 1] == ' ')
        n--;
    if (cap)
        out[n] = '\0';
    free(mapped);
    return n;
}

static uint64_t word_key(const char *w, size_t len, uint64_t *mask)
{
    uint64_t k = 0, m = 0;
    for (size_t i = 0; i < 8; i++) {
        k <<= 8;
        m <<= 8;
        if (i < len) {
            k |= (unsigned char)w[i];
            m |= 0xff;
        }
    }
    if (mask)
        *mask = m;
    return k;
}

/* LSD radix sort by key, 16 bits a pass; passes where every entry has the
 * same digit are skipped. */
static int sort_entries(entry_t *e, size_t n)
{
    entry_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
    size_t *count = malloc(65536 * sizeof *count);
    if (!tmp || !count) {
        free(tmp);
        free(count);
        return -1;
    }
    entry_t *a = e, *b = tmp;
    for (int shift = 0; shift < 64; shift += 16) {
        memset(count, 0, 65536 * sizeof *count);
        for (size_t i = 0; i < n; i++)
            count[(a[i].key >> shift) & 0xffff]++;
        if (n && count[(a[0].key >> shift) & 0xffff] == n)
            continue;
        size_t sum = 0;
        for (size_t d = 0; d < 65536; d++) {
            size_t c = count[d];
            count[d] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            b[count[(a[i].key >> shift) & 0xffff]++] = a[i];
        entry_t *t = a;
        a = b;
        b = t;
    }
    if (a != e)
        memcpy(e, a, n * sizeof *e);
    free(tmp);
    free(count);
    return 0;
}

int serve_search_new(const coa_corpus_t *c, const uint32_t *papers, serve_search_t **out)
{
    *out = NULL;
    serve_search_t *s = calloc(1, sizeof *s);
    size_t cap = (size_t)c->n_authors * 3 + 16;
    if (!s || !(s->e = malloc(cap * sizeof *s->e)) ||
        !(s->name_at = calloc(c->n_authors ? c->n_authors : 1, sizeof *s->name_at)) ||
        !(s->names = malloc(s->names_cap = (size_t)c->n_authors * 16 + 1))) {
        serve_search_free(s);
        return COA_ENOMEM;
    }
    s->names[s->names_len++] = '\0'; /* offset 0: no name */
    char buf[512];
    for (uint32_t a = 0; a < c->n_authors; a++) {
        if (!papers[a])
            continue;
        size_t len = serve_fold(coa_corpus_str(c, c->authors[a].display), buf, sizeof buf);
        if (s->names_len + len + 1 > s->names_cap || s->names_len + len + 1 > UINT32_MAX) {
            size_t grown_cap = s->names_cap * 2 + len + 1;
            char *grown = grown_cap <= UINT32_MAX ? realloc(s->names, grown_cap) : NULL;
            if (!grown) {
                serve_search_free(s);
                return COA_ENOMEM;
            }
            s->names = grown;
            s->names_cap = grown_cap;
        }
        s->name_at[a] = (uint32_t)s->names_len;
        memcpy(s->names + s->names_len, buf, len + 1);
        s->names_len += len + 1;
        for (size_t i = 0; i < len;) {
            size_t j = i;
            while (j < len && buf[j] != ' ')
                j++;
            if (s->n == cap) {
                entry_t *grown = realloc(s->e, cap * 2 * sizeof *grown);
                if (!grown) {
                    serve_search_free(s);
                    return COA_ENOMEM;
                }
                s->e = grown;
                cap *= 2;
            }
            s->e[s->n++] = (entry_t){word_key(buf + i, j - i, NULL), a, papers[a]};
            i = j + 1;
        }
    }
    if (sort_entries(s->e, s->n)) {
        serve_search_free(s);
        return COA_ENOMEM;
    }
    *out = s;
    return COA_OK;
}

void serve_search_free(serve_search_t *s)
{
    if (!s)
        return;
    free(s->e);
    free(s->names);
    free(s->name_at);
    free(s);
}

/* The first entry whose key is at least k. */
static size_t lower(const serve_search_t *s, uint64_t k)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->e[mid].key < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The entries whose key starts with the word's first 8 bytes. */
static void word_range(const serve_search_t *s, const char *w, size_t len, size_t *lo, size_t *hi)
{
    uint64_t mask, k = word_key(w, len, &mask);
    *lo = lower(s, k);
    uint64_t last = k | ~mask;
    *hi = last == UINT64_MAX ? s->n : lower(s, last + 1);
}

/* Whether some word of the folded name starts with w. */
static int has_word(const char *name, const char *w, size_t len)
{
    for (const char *p = name; *p;) {
        if (strncmp(p, w, len) == 0)
            return 1;
        const char *sp = strchr(p, ' ');
        if (!sp)
            break;
        p = sp + 1;
    }
    return 0;
}

/* Candidates are checked and ranked only this many: a one-letter query on
 * DBLP has hundreds of thousands, and the first 'limit' by papers are
 * what a suggestion list shows anyway.  A query of one word of up to 8
 * bytes needs no check, so its whole range is ranked. */
#define CHECK_CAP 200000

/* Most papers first; ties by author id, not by name: on DBLP most authors
 * of a one-letter range have one paper, and comparing their names would
 * read a string for each from the mapped index, in random order. */
static int better(uint32_t pa, uint32_t a, uint32_t pb, uint32_t b)
{
    return pa != pb ? pa > pb : a < b;
}

size_t serve_search_query(const serve_search_t *s, const char *query, uint32_t *out, size_t limit, uint64_t *total,
                          int *more)
{
    char q[256];
    const char *words[SERVE_SEARCH_MAX_WORDS];
    size_t lens[SERVE_SEARCH_MAX_WORDS], nw = 0;
    *total = 0;
    *more = 0;
    size_t qlen = serve_fold(query, q, sizeof q);
    for (size_t i = 0; i < qlen && nw < SERVE_SEARCH_MAX_WORDS;) {
        size_t j = i;
        while (j < qlen && q[j] != ' ')
            j++;
        words[nw] = q + i;
        lens[nw++] = j - i;
        i = j + 1;
    }
    if (!nw || !limit)
        return 0;
    /* the most selective word leads */
    size_t best = 0, blo = 0, bhi = 0;
    for (size_t w = 0; w < nw; w++) {
        size_t lo, hi;
        word_range(s, words[w], lens[w], &lo, &hi);
        if (w == 0 || hi - lo < bhi - blo) {
            best = w;
            blo = lo;
            bhi = hi;
        }
    }
    int check = nw > 1 || lens[best] > 8;
    uint32_t top_papers[64];
    size_t n = 0;
    if (limit > 64)
        limit = 64;
    size_t checked = 0;
    for (size_t i = blo; i < bhi; i++) {
        const entry_t *e = &s->e[i];
        /* an author with two words of the same prefix ("Li Lin") once;
         * the total may count such an author twice */
        int dup = 0;
        for (size_t k = 0; k < n && !dup; k++)
            dup = out[k] == e->author;
        if (dup)
            continue;
        if (check) {
            if (++checked > CHECK_CAP) {
                *more = 1;
                break;
            }
            const char *name = s->names + s->name_at[e->author];
            int ok = 1;
            for (size_t w = 0; w < nw && ok; w++)
                ok = has_word(name, words[w], lens[w]);
            if (!ok)
                continue;
        }
        ++*total;
        if (n == limit && !better(e->papers, e->author, top_papers[n - 1], out[n - 1]))
            continue;
        size_t at = n < limit ? n++ : n - 1;
        while (at > 0 && better(e->papers, e->author, top_papers[at - 1], out[at - 1])) {
            top_papers[at] = top_papers[at - 1];
            out[at] = out[at - 1];
            at--;
        }
        top_papers[at] = e->papers;
        out[at] = e->author;
    }
    return n;
}
