/* Papers, authors and authorships. */
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "coauthor/corpus.h"

#include "corpus/internal.h"

int coa_corpus_init(coa_corpus_t *c)
{
    memset(c, 0, sizeof *c);
    return coa_strpool_init(&c->strings);
}

void coa_corpus_destroy(coa_corpus_t *c)
{
    coa_strpool_destroy(&c->strings);
    COA_FREE(c->papers, c->authors, c->authorships, c->links, c->sources, c->meta, c->spelling_author,
             c->spelling_count, c->id_author, c->merges, c->misattributions, c->key_slots, c->row_spelling, c->row_id);
    memset(c, 0, sizeof *c);
}

coa_str_t coa_corpus_intern(coa_corpus_t *c, const char *s, size_t len)
{
    return coa_strpool_intern(&c->strings, s, len);
}

#define GROW(c, arr, count, cap) coa_grow((void **)&(c)->arr, &(c)->cap, (c)->count + 1, sizeof *(c)->arr)

int coa_corpus_add_source(coa_corpus_t *c, const char *path, const char *format, uint32_t *out)
{
    if (GROW(c, sources, n_sources, cap_sources))
        return COA_ENOMEM;
    coa_source_t *s = &c->sources[c->n_sources];
    memset(s, 0, sizeof *s);
    s->path = coa_corpus_intern(c, path, strlen(path));
    s->format = coa_corpus_intern(c, format, strlen(format));
    if (s->path == COA_NONE || s->format == COA_NONE)
        return COA_ENOMEM;
    s->first_meta = c->n_meta;
    *out = c->n_sources++;
    return COA_OK;
}

int coa_corpus_add_meta(coa_corpus_t *c, uint32_t source, const char *label, const char *value)
{
    if (source != c->n_sources - 1)
        return COA_EINVAL; /* meta of a source are contiguous */
    if (GROW(c, meta, n_meta, cap_meta))
        return COA_ENOMEM;
    coa_meta_t *m = &c->meta[c->n_meta];
    m->label = coa_corpus_intern(c, label, strlen(label));
    m->value = coa_corpus_intern(c, value, strlen(value));
    if (m->label == COA_NONE || m->value == COA_NONE)
        return COA_ENOMEM;
    c->n_meta++;
    c->sources[source].n_meta++;
    return COA_OK;
}

uint32_t coa_source_no_authors(const coa_corpus_t *c, uint32_t source)
{
    const coa_source_t *s = &c->sources[source];
    for (uint32_t i = 0; i < s->n_meta; i++) {
        const coa_meta_t *m = &c->meta[s->first_meta + i];
        if (strcmp(coa_corpus_str(c, m->label), COA_META_NO_AUTHORS) == 0)
            return (uint32_t)strtoul(coa_corpus_str(c, m->value), NULL, 10);
    }
    return 0;
}

void coa_skipped_text(char *buf, size_t len, uint32_t malformed, uint32_t no_authors)
{
    if (malformed && no_authors)
        snprintf(buf, len, "%u skipped (%u without authors, %u malformed)", malformed + no_authors, no_authors,
                 malformed);
    else if (no_authors)
        snprintf(buf, len, "%u skipped (without authors)", no_authors);
    else if (malformed)
        snprintf(buf, len, "%u skipped (malformed)", malformed);
    else
        snprintf(buf, len, "0 skipped");
}

/* ---- authors by key ---- */

static uint32_t key_hash(const coa_corpus_t *c, coa_str_t key)
{
    return c->strings.hashes[key];
}

static uint32_t find_by_key(const coa_corpus_t *c, coa_str_t key)
{
    if (!c->key_nslots)
        return COA_NONE;
    uint32_t i = key_hash(c, key) & (c->key_nslots - 1), probes = 0;
    while (c->key_slots[i] && probes++ < c->key_nslots) {
        uint32_t a = c->key_slots[i] - 1;
        if (a < c->n_authors && c->authors[a].key == key)
            return a;
        i = (i + 1) & (c->key_nslots - 1);
    }
    return COA_NONE;
}

static int insert_key(coa_corpus_t *c, uint32_t author)
{
    if ((uint64_t)(c->n_authors + 1) * 2 > c->key_nslots) {
        uint32_t n = c->key_nslots ? c->key_nslots * 2 : 1024;
        uint32_t *slots = calloc(n, sizeof *slots);
        if (!slots)
            return COA_ENOMEM;
        for (uint32_t a = 0; a < c->n_authors; a++) {
            if (a == author)
                continue;
            slots[coa_slot_free(slots, n, key_hash(c, c->authors[a].key))] = a + 1;
        }
        free(c->key_slots);
        c->key_slots = slots;
        c->key_nslots = n;
    }
    c->key_slots[coa_slot_free(c->key_slots, c->key_nslots, key_hash(c, c->authors[author].key))] = author + 1;
    return COA_OK;
}

/* Keeps the per-spelling arrays as long as the string pool. */
static int grow_spellings(coa_corpus_t *c)
{
    uint32_t need = c->strings.count;
    if (need <= c->spelling_cap)
        return COA_OK;
    uint32_t n = c->spelling_cap ? c->spelling_cap : 1024;
    while (n < need)
        n *= 2;
    uint32_t **arrays[] = {&c->spelling_author, &c->spelling_count, &c->id_author};
    for (size_t k = 0; k < sizeof arrays / sizeof *arrays; k++) {
        uint32_t *a = realloc(*arrays[k], n * sizeof *a);
        if (!a)
            return COA_ENOMEM;
        memset(a + c->spelling_cap, 0, (n - c->spelling_cap) * sizeof *a);
        *arrays[k] = a;
    }
    c->spelling_cap = n;
    return COA_OK;
}

/* Trims and collapses whitespace into buf (at least len + 1 bytes). */
static size_t tidy_spelling(const char *name, size_t len, char *buf)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        char ch = name[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            if (n > 0 && buf[n - 1] != ' ')
                buf[n++] = ' ';
        } else {
            buf[n++] = ch;
        }
    }
    while (n > 0 && buf[n - 1] == ' ')
        n--;
    buf[n] = '\0';
    return n;
}

static int new_author(coa_corpus_t *c, coa_str_t spelling, coa_str_t key, uint32_t *out)
{
    if (GROW(c, authors, n_authors, cap_authors))
        return COA_ENOMEM;
    uint32_t a = c->n_authors;
    coa_author_t *au = &c->authors[a];
    memset(au, 0, sizeof *au);
    au->display = spelling;
    au->key = key;
    au->merged_into = COA_NONE;
    au->last_paper = COA_NONE;
    int err = insert_key(c, a);
    if (err)
        return err;
    c->n_authors++;
    *out = a;
    return COA_OK;
}

/* A name made only of punctuation (";;", "{}", a TeX quote) names nobody. */
static int has_letter_or_digit(const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    while (*p) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
        if (k <= 0)
            return 1; /* not ours to judge: the key is valid UTF-8 */
        utf8proc_category_t cat = utf8proc_category(cp);
        if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
            (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO))
            return 1;
        p += k;
    }
    return 0;
}

/* Finds or adds the author for a spelling.  *author is COA_NONE when the
 * name has an empty key.  *spelling receives the interned spelling. */
static int resolve_author(coa_corpus_t *c, const char *name, size_t len, uint32_t *author, coa_str_t *spelling)
{
    char small[256];
    char *buf = len < sizeof small ? small : malloc(len + 1);
    int err = COA_OK;
    char *keytext = NULL;
    *author = COA_NONE;
    if (!buf)
        return COA_ENOMEM;
    size_t n = tidy_spelling(name, len, buf);
    coa_str_t sp = coa_corpus_intern(c, buf, n);
    if (sp == COA_NONE) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    *spelling = sp;
    if ((err = grow_spellings(c)))
        goto cleanup;
    if (c->spelling_author[sp]) {
        *author = c->spelling_author[sp] - 1;
        goto cleanup;
    }
    if ((err = coa_name_key(buf, n, &keytext)))
        goto cleanup;
    if (keytext[0] == '\0' || !has_letter_or_digit(keytext))
        goto cleanup;
    coa_str_t key = coa_corpus_intern(c, keytext, strlen(keytext));
    if (key == COA_NONE || (err = grow_spellings(c))) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    uint32_t a = find_by_key(c, key);
    if (a == COA_NONE) {
        if (GROW(c, authors, n_authors, cap_authors)) {
            err = COA_ENOMEM;
            goto cleanup;
        }
        a = c->n_authors;
        if ((err = new_author(c, sp, key, &a)))
            goto cleanup;
    }
    c->spelling_author[sp] = a + 1;
    *author = a;
cleanup:
    free(keytext);
    if (buf != small)
        free(buf);
    return err;
}

/* The scheme part of "scheme:value" (length up to the colon). */
static size_t scheme_len(const char *id)
{
    const char *colon = strchr(id, ':');
    return colon ? (size_t)(colon - id) : strlen(id);
}

/* Resolves a name and identifier to an author: the identifier's author
 * if it is known; else the name's author, taking the identifier unless
 * that author holds another identifier of the same scheme, in which case
 * a separate author is made for this identifier. */
static int resolve_with_id(coa_corpus_t *c, const char *name, size_t len, const char *id, uint32_t *author,
                           coa_str_t *spelling)
{
    int err = resolve_author(c, name, len, author, spelling);
    if (err || !id || !*id || *author == COA_NONE)
        return err;
    /* the spelling's author already holds this identifier (the usual case
     * of an author seen before): it is the identifier's author, since an
     * author takes an identifier only when the identifier has none */
    if (c->authors[*author].id && strcmp(coa_corpus_str(c, c->authors[*author].id), id) == 0)
        return COA_OK;
    coa_str_t ids = coa_corpus_intern(c, id, strlen(id));
    if (ids == COA_NONE || (err = grow_spellings(c)))
        return COA_ENOMEM;
    if (c->id_author[ids]) {
        *author = c->id_author[ids] - 1;
        return COA_OK;
    }
    coa_author_t *au = &c->authors[*author];
    if (au->id) {
        const char *held = coa_corpus_str(c, au->id);
        size_t sl = scheme_len(id);
        if (scheme_len(held) == sl && memcmp(held, id, sl) == 0) {
            /* same name, another identifier of the same scheme: two people */
            char *k = NULL;
            const char *base = coa_corpus_str(c, au->key);
            size_t klen = strlen(base) + strlen(id) + 3;
            if (!(k = malloc(klen)))
                return COA_ENOMEM;
            snprintf(k, klen, "%s [%s]", base, id);
            coa_str_t key = coa_corpus_intern(c, k, strlen(k));
            free(k);
            if (key == COA_NONE || (err = grow_spellings(c)))
                return COA_ENOMEM;
            uint32_t a = find_by_key(c, key);
            if (a == COA_NONE && (err = new_author(c, *spelling, key, &a)))
                return err;
            c->authors[a].id = ids;
            *author = a;
            c->id_author[ids] = a + 1;
            return COA_OK;
        }
        /* an identifier of another scheme cannot contradict this one */
        c->id_author[ids] = *author + 1;
        return COA_OK;
    }
    au->id = ids;
    c->id_author[ids] = *author + 1;
    return COA_OK;
}

int coa_corpus_set_str(coa_corpus_t *c, coa_str_t *field, const char *s, int unique)
{
    if (*field || !s || !*s)
        return COA_OK;
    coa_str_t id = unique ? coa_strpool_add(&c->strings, s, strlen(s)) : coa_corpus_intern(c, s, strlen(s));
    if (id == COA_NONE)
        return COA_ENOMEM;
    *field = id;
    return COA_OK;
}

int coa_corpus_add_id(coa_corpus_t *c, uint32_t author, const char *id)
{
    if (author >= c->n_authors || !id || !*id)
        return COA_OK;
    coa_str_t ids = coa_corpus_intern(c, id, strlen(id));
    if (ids == COA_NONE || grow_spellings(c))
        return COA_ENOMEM;
    if (!c->id_author[ids])
        c->id_author[ids] = author + 1;
    return COA_OK;
}

int coa_corpus_id_author(const coa_corpus_t *c, const char *id, uint32_t *author)
{
    coa_str_t s = coa_strpool_find(&c->strings, id, strlen(id));
    if (s == COA_NONE || s >= c->spelling_cap || !c->id_author || !c->id_author[s])
        return 0;
    *author = c->id_author[s] - 1;
    return 1;
}

int coa_corpus_id_known(const coa_corpus_t *c, const char *id)
{
    uint32_t a;
    return coa_corpus_id_author(c, id, &a);
}

int coa_corpus_author(coa_corpus_t *c, const char *name, size_t len, const char *id, uint32_t *author)
{
    coa_str_t sp;
    return resolve_with_id(c, name, len, id, author, &sp);
}

uint32_t coa_corpus_author_root(const coa_corpus_t *c, uint32_t a)
{
    /* at most one step per author: a cycle (only in damaged stored data)
     * cannot hold the program */
    for (uint32_t steps = 0; a != COA_NONE && a < c->n_authors && c->authors[a].merged_into != COA_NONE &&
                             steps < c->n_authors;
         steps++)
        a = c->authors[a].merged_into;
    return a;
}

uint32_t coa_corpus_author_root_compress(coa_corpus_t *c, uint32_t a)
{
    uint32_t root = coa_corpus_author_root(c, a);
    /* point every author on the way straight at the root (path
     * compression), so that a long chain of merges, such as an alias file
     * of 100,000 links a->b, b->c, ..., costs linear time, not quadratic
     * (13.8 s before); only roots and "merged or not" are ever read */
    for (uint32_t steps = 0; a != COA_NONE && a < c->n_authors && a != root && steps < c->n_authors; steps++) {
        uint32_t next = c->authors[a].merged_into;
        c->authors[a].merged_into = root;
        a = next;
    }
    return root;
}

int coa_corpus_merge(coa_corpus_t *c, uint32_t from, uint32_t into, const char *reason)
{
    if (from >= c->n_authors || into >= c->n_authors)
        return COA_EINVAL;
    from = coa_corpus_author_root_compress(c, from);
    into = coa_corpus_author_root_compress(c, into);
    if (from == into)
        return COA_OK;
    if (GROW(c, merges, n_merges, cap_merges))
        return COA_ENOMEM;
    coa_merge_t *m = &c->merges[c->n_merges];
    m->from = from;
    m->into = into;
    m->reason = coa_corpus_intern(c, reason, strlen(reason));
    if (m->reason == COA_NONE)
        return COA_ENOMEM;
    c->n_merges++;
    c->authors[from].merged_into = into;
    return COA_OK;
}

/* The string of name's match key in the corpus, or COA_NONE. */
static coa_str_t key_of(const coa_corpus_t *c, const char *name)
{
    char *keytext = NULL;
    if (coa_name_key(name, strlen(name), &keytext) != COA_OK)
        return COA_NONE;
    coa_str_t key = coa_strpool_find(&c->strings, keytext, strlen(keytext));
    free(keytext);
    return key;
}

uint32_t coa_corpus_find_author_unmerged(const coa_corpus_t *c, const char *name)
{
    coa_str_t key = key_of(c, name);
    return key == COA_NONE ? COA_NONE : find_by_key(c, key);
}

uint32_t coa_corpus_find_author(const coa_corpus_t *c, const char *name)
{
    coa_str_t key = key_of(c, name);
    if (key == COA_NONE)
        return COA_NONE;
    return coa_corpus_author_root(c, find_by_key(c, key));
}

int coa_corpus_add_misattribution(coa_corpus_t *c, uint32_t source, uint32_t line, const char *printed,
                                  const char *entity, const char *entity_id, const char *work)
{
    if (GROW(c, misattributions, n_misattributions, cap_misattributions))
        return COA_ENOMEM;
    coa_misattribution_t *m = &c->misattributions[c->n_misattributions];
    const char *text[4] = {printed, entity, entity_id, work};
    coa_str_t *field[4] = {&m->printed, &m->entity, &m->entity_id, &m->work};
    m->source = source;
    m->line = line;
    for (int i = 0; i < 4; i++) {
        *field[i] = COA_NOSTR;
        if (text[i] && *text[i] && (*field[i] = coa_corpus_intern(c, text[i], strlen(text[i]))) == COA_NONE)
            return COA_ENOMEM;
    }
    c->n_misattributions++;
    return COA_OK;
}

/* ---- papers ---- */

int coa_corpus_paper_begin(coa_corpus_t *c, uint32_t source, uint32_t line, coa_paper_t **paper)
{
    if (c->open_paper)
        coa_corpus_paper_abort(c);
    if (GROW(c, papers, n_papers, cap_papers))
        return COA_ENOMEM;
    coa_paper_t *p = &c->papers[c->n_papers];
    memset(p, 0, sizeof *p);
    p->source = source;
    p->line = line;
    p->first_authorship = c->n_authorships;
    c->open_paper = 1;
    if (paper)
        *paper = p;
    return COA_OK;
}

coa_paper_t *coa_corpus_open_paper(coa_corpus_t *c)
{
    return c->open_paper ? &c->papers[c->n_papers] : NULL;
}

int coa_corpus_note_row_id(coa_corpus_t *c, const char *id)
{
    c->pending_id = COA_NOSTR;
    if (!c->keep_rows || !id || !*id)
        return COA_OK;
    coa_str_t ids = coa_corpus_intern(c, id, strlen(id));
    if (ids == COA_NONE)
        return COA_ENOMEM;
    c->pending_id = ids;
    return COA_OK;
}

int coa_corpus_resolve(coa_corpus_t *c, const char *name, size_t len, const char *id, uint32_t *author,
                       coa_str_t *spelling)
{
    *spelling = COA_NOSTR;
    int err = resolve_with_id(c, name, len, id, author, spelling);
    return err ? err : coa_corpus_note_row_id(c, id);
}

int coa_corpus_author_fixed(coa_corpus_t *c, const char *key, const char *display, const char *id,
                            uint32_t *author)
{
    coa_str_t k = coa_corpus_intern(c, key, strlen(key));
    coa_str_t d = coa_corpus_intern(c, display, strlen(display));
    coa_str_t ids = id && *id ? coa_corpus_intern(c, id, strlen(id)) : COA_NOSTR;
    if (k == COA_NONE || d == COA_NONE || ids == COA_NONE || grow_spellings(c))
        return COA_ENOMEM;
    uint32_t a = find_by_key(c, k);
    if (a == COA_NONE) {
        int err = new_author(c, d, k, &a);
        if (err)
            return err;
        c->authors[a].flags |= COA_AUTHOR_DISPLAY_FIXED;
        c->authors[a].id = ids;
        if (ids && !c->id_author[ids])
            c->id_author[ids] = a + 1;
    }
    *author = a;
    return COA_OK;
}

/* ---- the name cache of readers (internal.h) ---- */

static coa_name_entry_t *name_slot(const coa_name_cache_t *nc, const char *text, size_t len, uint32_t h)
{
    uint32_t i = h & (nc->cap - 1);
    for (;;) {
        coa_name_entry_t *e = &nc->slots[i];
        if (!e->len || (e->hash == h && e->len == len && memcmp(e->text, text, len) == 0))
            return e;
        i = (i + 1) & (nc->cap - 1);
    }
}

int coa_name_cache_get(const coa_name_cache_t *nc, const char *name, size_t len, uint32_t *author,
                       coa_str_t *spelling)
{
    if (!len || len > COA_NAME_INLINE || !nc->cap)
        return 0;
    const coa_name_entry_t *e = name_slot(nc, name, len, coa_hash_bytes(name, len));
    if (!e->len)
        return 0;
    *author = e->author;
    *spelling = e->spelling;
    return 1;
}

void coa_name_cache_put(coa_name_cache_t *nc, const char *name, size_t len, uint32_t author, coa_str_t spelling)
{
    if (!len || len > COA_NAME_INLINE)
        return;
    if ((nc->n + 1) * 2 > nc->cap) {
        uint32_t cap = nc->cap ? nc->cap * 2 : 4096;
        coa_name_entry_t *slots = calloc(cap, sizeof *slots);
        if (!slots)
            return; /* the cache is only a shortcut */
        coa_name_cache_t grown = {slots, 0, cap};
        for (uint32_t i = 0; i < nc->cap; i++)
            if (nc->slots[i].len)
                *name_slot(&grown, nc->slots[i].text, nc->slots[i].len, nc->slots[i].hash) = nc->slots[i];
        free(nc->slots);
        grown.n = nc->n;
        *nc = grown;
    }
    uint32_t h = coa_hash_bytes(name, len);
    coa_name_entry_t *e = name_slot(nc, name, len, h);
    if (e->len)
        return;
    e->hash = h;
    e->author = author;
    e->spelling = spelling;
    e->len = (uint8_t)len;
    memcpy(e->text, name, len);
    nc->n++;
}

void coa_name_cache_prefetch(const coa_name_cache_t *nc, const char *name, size_t len)
{
    if (len && len <= COA_NAME_INLINE && nc->cap)
        __builtin_prefetch(&nc->slots[coa_hash_bytes(name, len) & (nc->cap - 1)]);
}

void coa_name_cache_destroy(coa_name_cache_t *nc)
{
    free(nc->slots);
    memset(nc, 0, sizeof *nc);
}

int coa_corpus_paper_add_author_ex(coa_corpus_t *c, const char *name, size_t len, const char *id,
                                   unsigned flags, int *added)
{
    uint32_t a;
    coa_str_t sp = COA_NOSTR;
    if (added)
        *added = 0;
    if (!c->open_paper)
        return COA_EINVAL;
    int err = resolve_with_id(c, name, len, id, &a, &sp);
    if (!err)
        err = coa_corpus_note_row_id(c, id);
    if (err || a == COA_NONE)
        return err;
    return coa_corpus_paper_add_resolved(c, a, sp, flags, added);
}

int coa_corpus_paper_add_resolved(coa_corpus_t *c, uint32_t a, coa_str_t sp, unsigned flags, int *added)
{
    int inferred = (flags & COA_ADD_INFERRED) != 0;
    coa_str_t row_id = c->pending_id;
    c->pending_id = COA_NOSTR;
    if (added)
        *added = 0;
    if (!c->open_paper || a >= c->n_authors || sp >= c->spelling_cap)
        return COA_EINVAL;
    if (flags & COA_ADD_ORGANISATION)
        c->authors[a].flags |= COA_AUTHOR_ORGANISATION;
    uint32_t pid = c->n_papers;
    if (c->authors[a].last_paper == pid) {
        c->duplicate_authorships++;
        return COA_OK;
    }
    if (GROW(c, authorships, n_authorships, cap_authorships))
        return COA_ENOMEM;
    if (c->keep_rows) {
        uint32_t cap = c->cap_rows;
        if (coa_grow((void **)&c->row_spelling, &cap, c->n_authorships + 1, sizeof *c->row_spelling) ||
            coa_grow((void **)&c->row_id, &c->cap_rows, c->n_authorships + 1, sizeof *c->row_id))
            return COA_ENOMEM;
        c->row_spelling[c->n_authorships] = sp;
        c->row_id[c->n_authorships] = row_id;
    }
    coa_paper_t *p = &c->papers[pid];
    coa_authorship_t *s = &c->authorships[c->n_authorships++];
    s->author = a;
    s->paper = pid;
    s->position = p->n_authorships++;
    s->inferred = inferred ? 1 : 0;
    s->flags = 0;
    c->authors[a].last_paper = pid;
    /* an inferred authorship has no spelling of its own to vote with */
    if (!inferred)
        c->spelling_count[sp]++;
    if (added)
        *added = 1;
    return COA_OK;
}

static int copy_str(coa_corpus_t *c, const coa_corpus_t *from, coa_str_t id, coa_str_t *out)
{
    *out = COA_NOSTR;
    if (id == COA_NOSTR)
        return COA_OK;
    const char *s = coa_corpus_str(from, id);
    if ((*out = coa_corpus_intern(c, s, strlen(s))) == COA_NONE)
        return COA_ENOMEM;
    return COA_OK;
}

int coa_corpus_copy_author(coa_corpus_t *c, const coa_corpus_t *from, uint32_t a, uint32_t *out)
{
    const coa_author_t *src = &from->authors[a];
    coa_str_t display, key, id;
    int err;
    if ((err = copy_str(c, from, src->display, &display)) || (err = copy_str(c, from, src->key, &key)) ||
        (err = copy_str(c, from, src->id, &id)) || (err = grow_spellings(c)) ||
        (err = new_author(c, display, key, out)))
        return err;
    coa_author_t *au = &c->authors[*out];
    au->id = id;
    au->n_papers = src->n_papers;
    au->flags = src->flags;
    return COA_OK;
}

int coa_corpus_copy_paper_fields(coa_corpus_t *c, const coa_corpus_t *from, uint32_t p)
{
    if (!c->open_paper)
        return COA_EINVAL;
    const coa_paper_t *src = &from->papers[p];
    coa_paper_t f = *src;
    int err;
    if ((err = copy_str(c, from, src->title, &f.title)) || (err = copy_str(c, from, src->venue, &f.venue)) ||
        (err = copy_str(c, from, src->category, &f.category)) || (err = copy_str(c, from, src->orgs, &f.orgs)) ||
        (err = copy_str(c, from, src->abstract, &f.abstract)) || (err = copy_str(c, from, src->doi, &f.doi)) ||
        (err = copy_str(c, from, src->key, &f.key)))
        return err;
    coa_paper_t *dst = &c->papers[c->n_papers];
    f.first_authorship = dst->first_authorship;
    f.n_authorships = dst->n_authorships;
    *dst = f;
    return COA_OK;
}

int coa_corpus_copy_authorship(coa_corpus_t *c, uint32_t author, const coa_authorship_t *src)
{
    if (!c->open_paper || author >= c->n_authors)
        return COA_EINVAL;
    if (GROW(c, authorships, n_authorships, cap_authorships))
        return COA_ENOMEM;
    uint32_t pid = c->n_papers;
    coa_authorship_t *s = &c->authorships[c->n_authorships++];
    *s = *src;
    s->author = author;
    s->paper = pid;
    c->papers[pid].n_authorships++;
    c->authors[author].last_paper = pid;
    return COA_OK;
}

int coa_corpus_paper_add_author(coa_corpus_t *c, const char *name, size_t len, int inferred, int *added)
{
    return coa_corpus_paper_add_author_ex(c, name, len, NULL, inferred ? COA_ADD_INFERRED : 0, added);
}

int coa_corpus_paper_has_author(coa_corpus_t *c, const char *name, size_t len)
{
    uint32_t a;
    coa_str_t sp;
    if (!c->open_paper || resolve_author(c, name, len, &a, &sp) || a == COA_NONE)
        return 0;
    return c->authors[a].last_paper == c->n_papers;
}

void coa_corpus_paper_end(coa_corpus_t *c)
{
    if (!c->open_paper)
        return;
    c->open_paper = 0;
    c->n_papers++;
}

void coa_corpus_paper_abort(coa_corpus_t *c)
{
    if (!c->open_paper)
        return;
    coa_paper_t *p = &c->papers[c->n_papers];
    for (uint32_t i = p->first_authorship; i < c->n_authorships; i++) {
        coa_authorship_t *s = &c->authorships[i];
        c->authors[s->author].last_paper = COA_NONE;
    }
    /* spelling votes of the dropped paper are left: they only choose
     * between spellings of names that exist anyway */
    c->n_authorships = p->first_authorship;
    c->open_paper = 0;
}

int coa_corpus_add_link(coa_corpus_t *c, uint32_t source, uint32_t line,
                        const char *a, size_t alen, const char *b, size_t blen)
{
    return coa_corpus_add_link_weighted(c, source, line, a, alen, b, blen, 0);
}

int coa_corpus_add_link_weighted(coa_corpus_t *c, uint32_t source, uint32_t line, const char *a, size_t alen,
                                 const char *b, size_t blen, double weight)
{
    uint32_t va, vb;
    coa_str_t sa, sb;
    int err = resolve_author(c, a, alen, &va, &sa);
    if (!err)
        err = resolve_author(c, b, blen, &vb, &sb);
    if (err)
        return err;
    if (va == COA_NONE || vb == COA_NONE)
        return COA_EINVAL;
    if (GROW(c, links, n_links, cap_links))
        return COA_ENOMEM;
    c->spelling_count[sa]++;
    c->spelling_count[sb]++;
    coa_link_t *l = &c->links[c->n_links++];
    l->a = va;
    l->b = vb;
    l->source = source;
    l->line = line;
    l->weight = weight > 0 && weight <= FLT_MAX ? (float)weight : 0;
    return COA_OK;
}

void coa_paper_identifier(const coa_corpus_t *c, uint32_t paper, char *buf, size_t len)
{
    const coa_paper_t *p = &c->papers[paper];
    if (p->doi)
        snprintf(buf, len, "doi:%s", coa_corpus_str(c, p->doi));
    else if (p->key)
        snprintf(buf, len, "%s", coa_corpus_str(c, p->key));
    else
        snprintf(buf, len, "%s:%u", p->source < c->n_sources ? coa_corpus_str(c, c->sources[p->source].path) : "",
                 p->line);
}

/* ---- finalisation ---- */

static unsigned non_ascii_letters(const char *s)
{
    unsigned n = 0;
    for (; *s; s++)
        if ((unsigned char)*s >= 0xC0) /* lead bytes of multi-byte characters */
            n++;
    return n;
}

/* Moves authorships of merged authors to the survivors, keeping one
 * authorship per author and paper (positions are kept). */
static void apply_merges(coa_corpus_t *c)
{
    /* every author straight at its root first: the lookups below are then
     * one step each, where a chain of n merges cost n steps per author */
    for (uint32_t a = 0; a < c->n_authors; a++)
        coa_corpus_author_root_compress(c, a);
    for (uint32_t a = 0; a < c->n_authors; a++)
        c->authors[a].last_paper = COA_NONE;
    uint32_t w = 0;
    for (uint32_t p = 0; p < c->n_papers; p++) {
        coa_paper_t *paper = &c->papers[p];
        uint32_t first = w;
        for (uint32_t i = 0; i < paper->n_authorships; i++) {
            coa_authorship_t s = c->authorships[paper->first_authorship + i];
            s.author = coa_corpus_author_root(c, s.author);
            if (c->authors[s.author].last_paper == p) {
                c->duplicate_authorships++;
                continue;
            }
            c->authors[s.author].last_paper = p;
            c->authorships[w++] = s;
        }
        paper->first_authorship = first;
        paper->n_authorships = w - first;
    }
    c->n_authorships = w;
    for (uint32_t a = 0; a < c->n_authors; a++)
        if (c->authors[a].flags & COA_AUTHOR_VERTEX)
            c->authors[coa_corpus_author_root(c, a)].flags |= COA_AUTHOR_VERTEX;
    for (uint32_t l = 0; l < c->n_links; l++) {
        c->links[l].a = coa_corpus_author_root(c, c->links[l].a);
        c->links[l].b = coa_corpus_author_root(c, c->links[l].b);
    }
    for (uint32_t sp = 0; sp < c->spelling_cap && sp < c->strings.count; sp++)
        if (c->spelling_author[sp])
            c->spelling_author[sp] = coa_corpus_author_root(c, c->spelling_author[sp] - 1) + 1;
}

int coa_corpus_finalize(coa_corpus_t *c)
{
    if (c->n_merges)
        apply_merges(c);
    for (uint32_t a = 0; a < c->n_authors; a++)
        c->authors[a].n_papers = 0;
    for (uint32_t i = 0; i < c->n_authorships; i++)
        c->authors[c->authorships[i].author].n_papers++;
    /* spelling ids grow in order of first sight, so the scan is stable */
    uint32_t *best = calloc(c->n_authors ? c->n_authors : 1, sizeof *best);
    if (!best)
        return COA_ENOMEM;
    for (uint32_t sp = 0; sp < c->spelling_cap && sp < c->strings.count; sp++) {
        if (!c->spelling_author[sp])
            continue;
        uint32_t a = c->spelling_author[sp] - 1;
        if (c->authors[a].flags & COA_AUTHOR_DISPLAY_FIXED)
            continue;
        uint32_t cur = c->authors[a].display;
        uint32_t cn = c->spelling_count[sp], bn = c->spelling_count[cur];
        int better = 0;
        if (!best[a]) {
            better = 1;
        } else if (cn != bn) {
            better = cn > bn;
        } else {
            const char *s1 = coa_corpus_str(c, sp), *s0 = coa_corpus_str(c, cur);
            unsigned d1 = non_ascii_letters(s1), d0 = non_ascii_letters(s0);
            size_t l1 = strlen(s1), l0 = strlen(s0);
            /* more diacritics, then the fuller spelling ("Ivan" over "I."), then bytes */
            better = d1 != d0 ? d1 > d0 : l1 != l0 ? l1 > l0 : strcmp(s1, s0) < 0;
        }
        if (better) {
            c->authors[a].display = sp;
            best[a] = 1;
        }
    }
    free(best);
    return COA_OK;
}
