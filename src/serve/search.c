/* The name search of coauthor serve (search.h).
 *
 * Each entry is one word of one author's folded name: its first 8 bytes as
 * a big-endian number (so that numeric order is byte order and a prefix of
 * up to 8 bytes is a range), a mask of the name's words (word_bits), the
 * author, and the author's papers.  The entries are sorted by an LSD radix
 * sort: on 2.8M DBLP-sized authors (8M words) it takes a fraction of a
 * second where qsort took seconds, which is what lets the server answer
 * within a second of starting.  A query takes its most selective word's
 * range and checks the other words (and any word longer than 8 bytes):
 * first against the mask, read in order with the range, which settles a
 * word of one letter or digit and rules out most names that lack a longer
 * word; then against the candidate's folded name, kept from the build in
 * one block (so that a check reads a short string and allocates nothing:
 * folding each candidate's name again took 140 ms of CPU for "a b" on the
 * 1M-paper corpus; the block is about 15 bytes an author), or against a
 * bitmap of the authors of the word's own range once the names read would
 * cost more.  Reading names was what made "Li Y" take 25-44 ms on the
 * 7M-paper corpus (a cache miss or two for each of 200,000 candidates);
 * with the masks it takes 0.3 ms, and no query of up to three short words
 * takes more than about 2 ms there.  The masks cost 8 bytes an entry (53 MB
 * for the 6.6M words of that corpus). */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "serve/search.h"

/* What a scan reads of an entry besides its key and word mask. */
typedef struct {
    uint32_t author;
    uint32_t papers;
} hit_t;

/* The entries as the build sorts them, before they are split into the
 * arrays that a query scans. */
typedef struct {
    uint64_t key, words;
    hit_t hit;
} entry_t;

struct serve_search {
    uint64_t *key;   /* sorted; one block with words and hit */
    uint64_t *words; /* the word mask of the entry's name (word_bits) */
    hit_t *hit;
    size_t n;
    uint32_t n_authors;
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

/* The word mask of a name: for each word, one bit for the class of its
 * first byte (a letter, a digit, or any byte of a non-ASCII character:
 * CLASS_BITS in all) and one of the other bits for its first two bytes,
 * hashed.  A query word of one ASCII byte is then answered by its bit
 * alone, and a longer one is ruled out for most names that lack it without
 * reading them.  The hash multiplies the first byte by a number prime to
 * the 27 pair bits, so that two words with the same first letter (the
 * leading word of a query and another one, often) never share a bit. */
#define CLASS_BITS 37
#define PAIR_BITS (64 - CLASS_BITS)

static uint64_t word_bits(const char *w, size_t len)
{
    unsigned char c0 = (unsigned char)w[0];
    unsigned cls = c0 >= 'a' && c0 <= 'z'   ? (unsigned)(c0 - 'a')
                   : c0 >= '0' && c0 <= '9' ? 26u + (unsigned)(c0 - '0')
                                            : 36u;
    uint64_t b = (uint64_t)1 << cls;
    if (len > 1)
        b |= (uint64_t)1 << (CLASS_BITS + (c0 * 31u + (unsigned char)w[1]) % PAIR_BITS);
    return b;
}

uint64_t serve_search_name_bits(const char *folded)
{
    uint64_t m = 0;
    for (const char *p = folded; *p;) {
        const char *end = strchr(p, ' ');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        m |= word_bits(p, len);
        if (!end)
            break;
        p = end + 1;
    }
    return m;
}

uint64_t serve_search_word_bits(const char *w, size_t len, int *exact)
{
    *exact = len == 1 && (unsigned char)w[0] < 0x80;
    return word_bits(w, len);
}

/* Sorts the entries by key and splits them into the arrays of s: a scan
 * reads the word masks, and the authors and papers only of the entries
 * that pass, so each is an array of its own.  An LSD radix sort, 16 bits
 * a pass, the four counts taken in one read; a pass where every entry has
 * the same digit is skipped, and the last one writes the arrays, into the
 * buffer that it would have written the entries to (already in memory:
 * fresh pages would cost a fault each).  Frees e; -1 when out of memory. */
static int sort_and_split(serve_search_t *s, entry_t *e)
{
    size_t n = s->n;
    entry_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
    size_t(*count)[65536] = calloc(4, sizeof *count);
    if (!tmp || !count) {
        free(tmp);
        free(count);
        free(e);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        for (int d = 0; d < 4; d++)
            count[d][(e[i].key >> (16 * d)) & 0xffff]++;
    int pass[4], n_pass = 0;
    for (int d = 0; d < 4; d++) {
        if (n && count[d][(e[0].key >> (16 * d)) & 0xffff] == n)
            continue;
        size_t sum = 0;
        for (size_t v = 0; v < 65536; v++) {
            size_t c = count[d][v];
            count[d][v] = sum;
            sum += c;
        }
        pass[n_pass++] = d;
    }
    entry_t *a = e, *b = tmp;
    for (int p = 0; p + 1 < n_pass; p++) {
        int shift = 16 * pass[p];
        size_t *at = count[pass[p]];
        for (size_t i = 0; i < n; i++)
            b[at[(a[i].key >> shift) & 0xffff]++] = a[i];
        entry_t *t = a;
        a = b;
        b = t;
    }
    /* the arrays, in one block of the size of n entries */
    s->key = (uint64_t *)(void *)b;
    s->words = s->key + n;
    s->hit = (hit_t *)(void *)(s->words + n);
    if (n_pass) {
        int shift = 16 * pass[n_pass - 1];
        size_t *at = count[pass[n_pass - 1]];
        for (size_t i = 0; i < n; i++) {
            size_t to = at[(a[i].key >> shift) & 0xffff]++;
            s->key[to] = a[i].key;
            s->words[to] = a[i].words;
            s->hit[to] = a[i].hit;
        }
    } else {
        for (size_t i = 0; i < n; i++) {
            s->key[i] = a[i].key;
            s->words[i] = a[i].words;
            s->hit[i] = a[i].hit;
        }
    }
    free(a);
    free(count);
    return 0;
}

int serve_search_new(const coa_corpus_t *c, const uint32_t *papers, serve_search_t **out)
{
    *out = NULL;
    serve_search_t *s = calloc(1, sizeof *s);
    size_t cap = (size_t)c->n_authors * 3 + 16;
    entry_t *e = NULL;
    if (!s || !(e = malloc(cap * sizeof *e)) ||
        !(s->name_at = calloc(c->n_authors ? c->n_authors : 1, sizeof *s->name_at)) ||
        !(s->names = malloc(s->names_cap = (size_t)c->n_authors * 16 + 1))) {
        free(e);
        serve_search_free(s);
        return COA_ENOMEM;
    }
    s->n_authors = c->n_authors;
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
                free(e);
                serve_search_free(s);
                return COA_ENOMEM;
            }
            s->names = grown;
            s->names_cap = grown_cap;
        }
        s->name_at[a] = (uint32_t)s->names_len;
        memcpy(s->names + s->names_len, buf, len + 1);
        s->names_len += len + 1;
        size_t first = s->n;
        uint64_t words = 0;
        for (size_t i = 0; i < len;) {
            size_t j = i;
            while (j < len && buf[j] != ' ')
                j++;
            if (s->n == cap) {
                entry_t *grown = realloc(e, cap * 2 * sizeof *grown);
                if (!grown) {
                    free(e);
                    serve_search_free(s);
                    return COA_ENOMEM;
                }
                e = grown;
                cap *= 2;
            }
            e[s->n++] = (entry_t){word_key(buf + i, j - i, NULL), 0, {a, papers[a]}};
            words |= word_bits(buf + i, j - i);
            i = j + 1;
        }
        for (size_t i = first; i < s->n; i++)
            e[i].words = words;
    }
    if (sort_and_split(s, e)) {
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
    free(s->key); /* and the words and hits of the same block */
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
        if (s->key[mid] < k)
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

/* Names are read (has_word) for at most this many candidates: the scan
 * stops there and says that there may be more.  Most candidates never get
 * that far (the word masks and the bitmaps below answer for them), so a
 * query reaches it only with a long word shared by very many names. */
#define CHECK_CAP 200000

/* Most papers first; ties by author id, not by name: on DBLP most authors
 * of a one-letter range have one paper, and comparing their names would
 * read a string for each from the mapped index, in random order. */
static int better(uint32_t pa, uint32_t a, uint32_t pb, uint32_t b)
{
    return pa != pb ? pa > pb : a < b;
}

/* A query word that a candidate must have, beyond its leading word. */
typedef struct {
    const char *w;
    size_t len;
    size_t lo, hi;     /* its range */
    uint64_t *authors; /* a bitmap of the authors of its range, once made */
} need_t;

/* The authors that have a word in the range of nd, as a bitmap: testing a
 * bit costs a few nanoseconds where reading a name costs a cache miss or
 * two.  For a word of up to 8 bytes the bitmap is the exact answer. */
static int make_bitmap(const serve_search_t *s, need_t *nd)
{
    nd->authors = calloc(((size_t)s->n_authors + 63) / 64 + 1, sizeof *nd->authors);
    if (!nd->authors)
        return -1;
    for (size_t i = nd->lo; i < nd->hi; i++) {
        uint32_t a = s->hit[i].author;
        nd->authors[a / 64] |= (uint64_t)1 << (a % 64);
    }
    return 0;
}

/* Names read between two looks at whether bitmaps would be cheaper. */
#define READS_BETWEEN_LOOKS 256

/* Whether the author has every needed word: 1, 0, or -1 when the names
 * read reached CHECK_CAP. */
static int has_needed(const serve_search_t *s, uint32_t author, need_t *need, size_t n_need, size_t *reads)
{
    const char *name = NULL;
    for (size_t k = 0; k < n_need; k++) {
        const need_t *nd = &need[k];
        if (nd->authors) {
            if (!(nd->authors[author / 64] >> (author % 64) & 1))
                return 0;
            if (nd->len <= 8)
                continue;
        }
        if (!name) {
            if (++*reads > CHECK_CAP)
                return -1;
            name = s->names + s->name_at[author];
        }
        if (!has_word(name, nd->w, nd->len))
            return 0;
    }
    return 1;
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
    size_t best = 0, blo = 0, bhi = 0, lo[SERVE_SEARCH_MAX_WORDS], hi[SERVE_SEARCH_MAX_WORDS];
    for (size_t w = 0; w < nw; w++) {
        word_range(s, words[w], lens[w], &lo[w], &hi[w]);
        if (w == 0 || hi[w] - lo[w] < bhi - blo) {
            best = w;
            blo = lo[w];
            bhi = hi[w];
        }
    }
    /* What each candidate must have: every word but the leading one when it
     * has at most 8 bytes (its range holds only names that have it), and
     * but a word that another one starts with (a name that has "lin" has
     * "li"; of two equal words, the first stays).  Of those, the mask
     * answers a word of one ASCII byte; the others are looked up. */
    need_t need[SERVE_SEARCH_MAX_WORDS];
    size_t n_need = 0;
    uint64_t need_bits = 0;
    int read_all = 0; /* the leading word is longer than 8 bytes */
    for (size_t w = 0; w < nw; w++) {
        if (w == best && lens[w] <= 8)
            continue;
        int implied = 0;
        for (size_t v = 0; v < nw && !implied; v++)
            implied = v != w && (lens[v] > lens[w] || (lens[v] == lens[w] && v < w)) &&
                      memcmp(words[v], words[w], lens[w]) == 0;
        if (implied)
            continue;
        int exact;
        need_bits |= serve_search_word_bits(words[w], lens[w], &exact);
        if (!exact)
            need[n_need++] = (need_t){words[w], lens[w], lo[w], hi[w], NULL};
        read_all |= w == best;
    }
    uint32_t top_papers[64];
    size_t n = 0, reads = 0, next_look = READS_BETWEEN_LOOKS;
    if (limit > 64)
        limit = 64;
    for (size_t i = blo; i < bhi; i++) {
        /* Then the name of nearly every entry is read, each a cache miss
         * or two in random places: those of the entries a little ahead
         * are fetched meanwhile. */
        if (read_all && i + 16 < bhi) {
            __builtin_prefetch(&s->name_at[s->hit[i + 16].author]);
            __builtin_prefetch(s->names + s->name_at[s->hit[i + 8].author]);
        }
        if (need_bits && (s->words[i] & need_bits) != need_bits)
            continue;
        hit_t e = s->hit[i];
        /* An author with two words of the same prefix ("Li Lin") is listed
         * once; the total may count it twice.  The list is sorted and an
         * author's papers are the same in each of its entries, so one that
         * ranks after the last of a full list is not in it, unless it is
         * that last one: the common case costs one comparison. */
        int ranked = n < limit || better(e.papers, e.author, top_papers[n - 1], out[n - 1]);
        if (ranked) {
            int dup = 0;
            for (size_t k = 0; k < n && !dup; k++)
                dup = out[k] == e.author;
            if (dup)
                continue;
        } else if (e.author == out[n - 1]) {
            continue;
        }
        if (n_need) {
            int ok = has_needed(s, e.author, need, n_need, &reads);
            if (ok < 0) {
                *more = 1;
                break;
            }
            if (reads >= next_look) {
                /* Bitmaps for the words still read, when the reads that
                 * the rest of the range promises at this rate (about 100
                 * ns each) would cost more than marking their ranges (a
                 * few ns an entry).  A word whose range is the leading
                 * one (a leading word of more than 8 bytes) gains
                 * nothing from one. */
                next_look = reads + READS_BETWEEN_LOOKS;
                size_t mark = 0;
                for (size_t k = 0; k < n_need; k++)
                    if (!need[k].authors && !(need[k].lo == blo && need[k].hi == bhi))
                        mark += need[k].hi - need[k].lo;
                double ahead = (double)reads * (double)(bhi - i) / (double)(i - blo + 1);
                if (mark && ahead * 30 > (double)mark)
                    for (size_t k = 0; k < n_need; k++)
                        if (!need[k].authors && !(need[k].lo == blo && need[k].hi == bhi) &&
                            make_bitmap(s, &need[k]))
                            break; /* out of memory: the names are read */
            }
            if (!ok)
                continue;
        }
        ++*total;
        if (!ranked)
            continue;
        size_t at = n < limit ? n++ : n - 1;
        while (at > 0 && better(e.papers, e.author, top_papers[at - 1], out[at - 1])) {
            top_papers[at] = top_papers[at - 1];
            out[at] = out[at - 1];
            at--;
        }
        top_papers[at] = e.papers;
        out[at] = e.author;
    }
    for (size_t k = 0; k < n_need; k++)
        free(need[k].authors);
    return n;
}
