/* Finding an author from a name a user typed. */
#include <stdlib.h>
#include <string.h>

#include "coauthor/corpus.h"
#include "corpus/internal.h"

/* Splits a key (already lower-case, single spaces) into words in place. */
static int split_words(char *s, char **words, int max)
{
    int n = 0;
    for (char *tok = strtok(s, " "); tok && n < max; tok = strtok(NULL, " "))
        words[n++] = tok;
    return n;
}

/* True when every query word matches a different word of the key. */
static int contains_words(const char *key, char *const *qwords, int nq)
{
    char buf[512];
    char *kwords[64];
    size_t len = strlen(key);
    if (len >= sizeof buf)
        return 0;
    memcpy(buf, key, len + 1);
    int nk = split_words(buf, kwords, 64);
    uint64_t used = 0;
    for (int i = 0; i < nq; i++) {
        size_t ql = strlen(qwords[i]);
        int found = 0;
        for (int k = 0; k < nk && !found; k++) {
            if (used & ((uint64_t)1 << k))
                continue;
            if (strcmp(kwords[k], qwords[i]) == 0 || (ql == 1 && kwords[k][0] == qwords[i][0])) {
                used |= (uint64_t)1 << k;
                found = 1;
            }
        }
        if (!found)
            return 0;
    }
    return 1;
}

/* Levenshtein distance, bounded by 'limit' (returns limit when larger). */
static unsigned edit_distance(const char *a, const char *b, unsigned limit)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 255 || lb > 255)
        return limit;
    unsigned row[256];
    for (size_t j = 0; j <= lb; j++)
        row[j] = (unsigned)j;
    for (size_t i = 1; i <= la; i++) {
        unsigned prev = row[0], best = row[0] = (unsigned)i;
        for (size_t j = 1; j <= lb; j++) {
            unsigned cur = row[j];
            unsigned v = prev + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < v)
                v = row[j] + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            prev = cur;
            if (v < best)
                best = v;
        }
        if (best >= limit)
            return limit;
    }
    return row[lb] < limit ? row[lb] : limit;
}

typedef struct {
    uint32_t author;
    unsigned score; /* lower is better */
    uint32_t papers;
    const char *name;
} cand_t;

/* Inserts into a short list kept sorted by score, papers (more first), name. */
static void consider(cand_t *list, uint32_t *n, cand_t c)
{
    uint32_t i = *n;
    while (i > 0) {
        const cand_t *p = &list[i - 1];
        int before = c.score != p->score ? c.score < p->score
                     : c.papers != p->papers ? c.papers > p->papers
                                             : strcmp(c.name, p->name) < 0;
        if (!before)
            break;
        i--;
    }
    coa_top_insert(list, n, COA_MATCH_MAX_CANDIDATES, i, &c, sizeof c);
}

int coa_author_match(const coa_corpus_t *c, const char *query, coa_match_t *m)
{
    memset(m, 0, sizeof *m);
    m->kind = COA_MATCH_NONE;
    m->author = COA_NONE;
    char *qkey = NULL;
    int err = coa_name_key(query, strlen(query), &qkey);
    if (err)
        return err;
    uint8_t *has_link = NULL;
    if (c->n_links) {
        has_link = calloc(c->n_authors, 1);
        if (!has_link) {
            free(qkey);
            return COA_ENOMEM;
        }
        for (uint32_t l = 0; l < c->n_links; l++)
            has_link[c->links[l].a] = has_link[c->links[l].b] = 1;
    }
    uint32_t exact = coa_corpus_find_author(c, query);
    if (exact != COA_NONE && (c->authors[exact].n_papers || (has_link && has_link[exact]) ||
                              (c->authors[exact].flags & COA_AUTHOR_VERTEX))) {
        m->kind = COA_MATCH_EXACT;
        m->author = exact;
        goto cleanup;
    }
    char qbuf[512];
    char *qwords[32];
    int nq = 0;
    if (strlen(qkey) < sizeof qbuf) {
        strcpy(qbuf, qkey);
        nq = split_words(qbuf, qwords, 32);
    }
    cand_t partial[COA_MATCH_MAX_CANDIDATES], near[COA_MATCH_MAX_CANDIDATES];
    uint32_t n_partial = 0, n_near = 0, n_matching = 0, only = COA_NONE;
    /* suggestions are names a few typing slips away, relative to length */
    unsigned limit = 2 + (unsigned)strlen(qkey) / 4;
    for (uint32_t a = 0; a < c->n_authors; a++) {
        const coa_author_t *au = &c->authors[a];
        int vertex = (au->flags & COA_AUTHOR_VERTEX) && au->merged_into == COA_NONE;
        if (!au->n_papers && !(has_link && has_link[a]) && !vertex)
            continue;
        const char *key = coa_corpus_str(c, au->key);
        cand_t cd = {a, 0, au->n_papers, coa_corpus_str(c, au->display)};
        if (nq && contains_words(key, qwords, nq)) {
            n_matching++;
            only = a;
            consider(partial, &n_partial, cd);
        } else if (!n_matching) {
            cd.score = edit_distance(qkey, key, limit + 1);
            if (cd.score <= limit)
                consider(near, &n_near, cd);
        }
    }
    if (n_matching == 1) {
        m->kind = COA_MATCH_PARTIAL;
        m->author = only;
    } else if (n_matching > 1) {
        m->kind = COA_MATCH_AMBIGUOUS;
        m->n_matching = n_matching;
        for (uint32_t i = 0; i < n_partial; i++)
            m->candidates[m->n_candidates++] = partial[i].author;
    } else {
        for (uint32_t i = 0; i < n_near; i++)
            m->candidates[m->n_candidates++] = near[i].author;
    }
cleanup:
    free(has_link);
    free(qkey);
    return COA_OK;
}
