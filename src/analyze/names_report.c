/* Likely splits and likely homonyms: the evidence for the name audit. */
#include <stdlib.h>
#include <string.h>

#include "coauthor/names.h"
#include "corpus/names_internal.h"
#include "corpus/internal.h"

/* ---- likely splits ---- */

static uint32_t shared_neighbours(const coa_adjacency_t *adj, uint32_t a, uint32_t b, uint32_t *example)
{
    uint64_t i = adj->offsets[a], j = adj->offsets[b];
    uint32_t n = 0;
    while (i < adj->offsets[a + 1] && j < adj->offsets[b + 1]) {
        uint32_t x = adj->neighbors[i], y = adj->neighbors[j];
        if (x == y) {
            if (!n)
                *example = x;
            n++;
            i++;
            j++;
        } else if (x < y) {
            i++;
        } else {
            j++;
        }
    }
    return n;
}

/* qsort has no context argument; the corpus for name ties goes here */
static const coa_corpus_t *split_sort_corpus;

static int cmp_split(const void *pa, const void *pb)
{
    const coa_split_t *a = pa, *b = pb;
    if (a->shared_coauthors != b->shared_coauthors)
        return a->shared_coauthors > b->shared_coauthors ? -1 : 1;
    const coa_corpus_t *c = split_sort_corpus;
    int d = strcmp(coa_corpus_str(c, c->authors[a->a].display), coa_corpus_str(c, c->authors[b->a].display));
    if (d)
        return d;
    return strcmp(coa_corpus_str(c, c->authors[a->b].display), coa_corpus_str(c, c->authors[b->b].display));
}

#define MAX_SURNAME_GROUP 2000

/* What a pair left apart by merging on evidence lacked (coa_left_why_t). */
static const char *missing_text(unsigned why)
{
    static const char *const text[] = {
        "no shared coauthor, identifier or owner",
        "one of them fits another person too",
        "one shared coauthor, where this rule or a name this common needs two, or a rare name",
        "both are on one paper",
        "two different identifiers",
        "merged, they would hold spellings that do not fit each other",
    };
    return why < sizeof text / sizeof text[0] ? text[why] : "no evidence";
}

static int add_split(coa_split_t **out, uint32_t *count, uint32_t *cap, const coa_graph_t *g, uint32_t a, uint32_t b,
                     const char *why, uint32_t shared, uint32_t example)
{
    if (coa_grow((void **)out, cap, *count + 1, sizeof **out))
        return COA_ENOMEM;
    /* the first of a pair is the one with more papers */
    if (g->vertex_papers[g->author_vertex[b]] > g->vertex_papers[g->author_vertex[a]]) {
        uint32_t t = a;
        a = b;
        b = t;
    }
    (*out)[(*count)++] = (coa_split_t){a, b, why, shared, g->vertex_author[example], NULL, -1};
    return COA_OK;
}

/* Whether key word w is among the given names of p, or the initial of one. */
static int given_word_in(const coa_name_parts_t *p, const char *w, size_t len)
{
    for (int k = 0; k < p->surname; k++)
        if ((p->w.len[k] == len && !memcmp(p->w.w[k], w, len)) || (p->w.len[k] == 1 && p->w.w[k][0] == w[0]))
            return 1;
    return 0;
}

/* A given name written with a hyphen is one name ("Yi-Fan Li", "Thanh-Tung
 * Nguyen"): a spelling that keeps a part of it and drops another ("Yi Li")
 * is most often another person's.  Whether author l's display name has
 * such a given name, of which author s's key keeps some parts, not all. */
static int splits_compound(const coa_corpus_t *c, uint32_t l, uint32_t s)
{
    coa_name_parts_t pl, ps;
    coa_names_parts(coa_corpus_str(c, c->authors[l].key), &pl);
    coa_names_parts(coa_corpus_str(c, c->authors[s].key), &ps);
    const char *d = coa_corpus_str(c, c->authors[l].display);
    int word = 0, found = 0;
    while (*d && word < pl.surname) {
        size_t n = strcspn(d, " ");
        int parts = 1, kept = 0;
        for (size_t i = 0; i < n; i++)
            parts += d[i] == '-';
        if (word + parts == pl.surname + 1) {
            /* joined to the surname ("Mark Hasegawa-Johnson"): a second surname */
            for (int k = word; k < pl.surname; k++)
                found |= !given_word_in(&ps, pl.w.w[k], pl.w.len[k]);
            return found;
        }
        if (word + parts > pl.surname)
            return 0; /* the display does not follow the key */
        for (int k = word; k < word + parts; k++)
            kept += given_word_in(&ps, pl.w.w[k], pl.w.len[k]);
        found |= parts > 1 && kept > 0 && kept < parts;
        word += parts;
        d += n;
        d += strspn(d, " ");
    }
    return found;
}

/* The same given names in another order: "le minh nguyen" and "minh le
 * nguyen" (a Vietnamese name written family name first, then not). */
static int given_reordered(const coa_name_parts_t *a, const coa_name_parts_t *b)
{
    if (a->surname != b->surname || a->surname < 2 || a->suffix >= 0 || b->suffix >= 0)
        return 0;
    int moved = 0;
    uint32_t used = 0;
    for (int i = 0; i < a->surname; i++) {
        int found = 0;
        for (int j = 0; j < b->surname && !found; j++)
            if (!(used & 1u << j) && a->w.len[i] > 1 && coa_names_same_word(&a->w, i, &b->w, j)) {
                used |= 1u << j;
                found = 1;
                moved |= i != j;
            }
        if (!found)
            return 0;
    }
    return moved;
}

/* Given names alike but for one letter replaced in one of them, of three
 * letters or more: "anja belz" and "anya belz".  Merging on evidence has
 * no such rule ("xiaodan", "xiaoyan" are most often two people); listed
 * only under a surname that no other author has. */
static int given_letter_replaced(const coa_name_parts_t *a, const coa_name_parts_t *b)
{
    if (a->surname != b->surname || a->surname < 1)
        return 0;
    int replaced = 0;
    for (int k = 0; k < a->surname; k++) {
        if (coa_names_same_word(&a->w, k, &b->w, k))
            continue;
        size_t n = a->w.len[k], diff = 0;
        if (n < 3 || n != b->w.len[k] || replaced)
            return 0;
        for (size_t i = 0; i < n; i++)
            diff += a->w.w[k][i] != b->w.w[k][i];
        if (diff != 1)
            return 0;
        replaced = 1;
    }
    return replaced;
}

/* Same surname, compatible given names and a shared coauthor; given names
 * in another order, or (under a surname only the two hold) one letter
 * apart, whatever their evidence. */
static int splits_by_surname(const coa_graph_t *g, const coa_adjacency_t *adj, coa_split_t **out, uint32_t *count,
                             uint32_t *cap)
{
    const coa_corpus_t *c = g->corpus;
    uint8_t *use = calloc(c->n_authors ? c->n_authors : 1, 1);
    if (!use)
        return COA_ENOMEM;
    for (igraph_integer_t v = 0; v < g->n_vertices; v++)
        use[g->vertex_author[v]] = 1;
    uint32_t n;
    coa_by_surname_t *v = coa_names_by_surname(c, use, &n);
    free(use);
    if (!v)
        return COA_ENOMEM;
    int err = COA_OK;
    for (uint32_t s = 0; s < n && !err;) {
        uint32_t e = s;
        while (e < n && coa_names_surname_cmp(v[e].surname, v[s].surname) == 0)
            e++;
        if (e - s > MAX_SURNAME_GROUP) { /* "wang": too many to compare pairwise */
            s = e;
            continue;
        }
        for (uint32_t i = s; i < e && !err; i++) {
            coa_name_parts_t pi;
            coa_names_parts(coa_corpus_str(c, c->authors[v[i].author].key), &pi);
            for (uint32_t j = i + 1; j < e && !err; j++) {
                coa_name_parts_t pj;
                coa_names_parts(coa_corpus_str(c, c->authors[v[j].author].key), &pj);
                coa_name_rule_t rule = coa_names_compatible(&pi, &pj);
                uint32_t va = g->author_vertex[v[i].author], vb = g->author_vertex[v[j].author], ex = 0;
                if (rule == COA_RULE_NONE) {
                    int reordered = given_reordered(&pi, &pj);
                    if (!reordered && !(e - s == 2 && given_letter_replaced(&pi, &pj)))
                        continue;
                    uint32_t shared = shared_neighbours(adj, va, vb, &ex);
                    err = add_split(out, count, cap, g, v[i].author, v[j].author,
                                    reordered ? "given names reordered" : "given name letter replaced", shared, ex);
                    if (!err)
                        (*out)[*count - 1].missing =
                            reordered ? "merging on evidence has no rule for given names in another order"
                                      : "merging on evidence has no rule for a letter replaced in a given name; "
                                        "no other author has this surname";
                    continue;
                }
                uint32_t shared = shared_neighbours(adj, va, vb, &ex);
                if (shared && !(rule == COA_RULE_MIDDLE && (splits_compound(c, v[i].author, v[j].author) ||
                                                            splits_compound(c, v[j].author, v[i].author))))
                    err = add_split(out, count, cap, g, v[i].author, v[j].author, coa_names_rule_name(rule), shared,
                                    ex);
            }
        }
        s = e;
    }
    free(v);
    return err;
}

/* A key with the letters that spell an umlaut written as one: "ue" and
 * "oe" between consonants ("mueller", "schroeder"; not pinyin's "yue",
 * "xue", "jue" or "que") and, in the surname, "ae"; and pinyin's "lv" and
 * "nv" for "lü" and "nü".  The match key
 * folds "ü" to "u", so "Thomas Mueller" becomes "thomas muller", as
 * "Thomas Müller" is.  0 when nothing changes. */
static int umlaut_key(const char *key, char *out, size_t cap)
{
    size_t n = strlen(key), k = 0;
    if (n >= cap)
        return 0;
    const char *sur = coa_names_surname(key);
    int changed = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = key[i];
        int start = i == 0 || key[i - 1] == ' ';
        if (ch == 'e' && i >= 2 && !strchr("aeiouqjxy ", key[i - 2]) && key[i + 1] && !strchr("aeiou ", key[i + 1]) &&
            (key[i - 1] == 'u' || key[i - 1] == 'o' || (key[i - 1] == 'a' && key + i > sur))) {
            changed = 1;
            continue;
        }
        if (start && (ch == 'l' || ch == 'n') && key[i + 1] == 'v' && (key[i + 2] == ' ' || !key[i + 2])) {
            out[k++] = ch;
            out[k++] = 'u';
            i++;
            changed = 1;
            continue;
        }
        out[k++] = ch;
    }
    out[k] = '\0';
    return changed;
}

static int cmp_key_author(const void *pa, const void *pb)
{
    const coa_corpus_t *c = split_sort_corpus;
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    return strcmp(coa_corpus_str(c, c->authors[a].key), coa_corpus_str(c, c->authors[b].key));
}

/* Two spellings whose keys umlaut_key makes one: a rule merging on
 * evidence does not have, so they are listed whatever their evidence. */
static int splits_by_umlaut(const coa_graph_t *g, const coa_adjacency_t *adj, coa_split_t **out, uint32_t *count,
                            uint32_t *cap)
{
    const coa_corpus_t *c = g->corpus;
    uint32_t n = (uint32_t)g->n_vertices;
    uint32_t *by_key = malloc((n ? n : 1) * sizeof *by_key);
    if (!by_key)
        return COA_ENOMEM;
    for (uint32_t v = 0; v < n; v++)
        by_key[v] = g->vertex_author[v];
    split_sort_corpus = c;
    qsort(by_key, n, sizeof *by_key, cmp_key_author);
    int err = COA_OK;
    char loose[256];
    for (uint32_t v = 0; v < n && !err; v++) {
        uint32_t a = g->vertex_author[v];
        if (!umlaut_key(coa_corpus_str(c, c->authors[a].key), loose, sizeof loose))
            continue;
        uint32_t lo = 0, hi = n;
        while (lo < hi) {
            uint32_t mid = lo + (hi - lo) / 2;
            if (strcmp(coa_corpus_str(c, c->authors[by_key[mid]].key), loose) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (; lo < n && !strcmp(coa_corpus_str(c, c->authors[by_key[lo]].key), loose) && !err; lo++) {
            uint32_t b = by_key[lo], ex = 0;
            uint32_t shared = shared_neighbours(adj, g->author_vertex[a], g->author_vertex[b], &ex);
            if (!(err = add_split(out, count, cap, g, a, b, "umlaut spelling", shared, ex)))
                (*out)[*count - 1].missing = "merging on evidence has no rule for this spelling";
        }
    }
    free(by_key);
    return err;
}

static int same_pair(const coa_split_t *x, const coa_split_t *y)
{
    return (x->a == y->a && x->b == y->b) || (x->a == y->b && x->b == y->a);
}

static int cmp_split_pair(const void *pa, const void *pb)
{
    const coa_split_t *a = pa, *b = pb;
    uint32_t a0 = a->a < a->b ? a->a : a->b, a1 = a->a ^ a->b ^ a0;
    uint32_t b0 = b->a < b->b ? b->a : b->b, b1 = b->a ^ b->b ^ b0;
    if (a0 != b0)
        return a0 < b0 ? -1 : 1;
    if (a1 != b1)
        return a1 < b1 ? -1 : 1;
    return (a->missing != NULL) - (b->missing != NULL); /* the one with its evidence last */
}

int coa_find_splits(const coa_graph_t *g, const coa_evidence_report_t *ev, coa_split_t **splits, uint32_t *n_splits)
{
    const coa_corpus_t *c = g->corpus;
    *splits = NULL;
    *n_splits = 0;
    coa_adjacency_t adj;
    int err = coa_adjacency_init(&adj, &g->graph);
    if (err)
        return err;
    coa_split_t *out = NULL;
    uint32_t count = 0, cap = 0;
    err = splits_by_surname(g, &adj, &out, &count, &cap);
    if (!err)
        err = splits_by_umlaut(g, &adj, &out, &count, &cap);
    /* the pairs merging on evidence left apart, still two authors; those
     * of a given name respelled, or where a spelling fits two people, only
     * with a shared coauthor, and not those of a given name cut short or a
     * hyphenated given name cut in two ("Wei-Fan Chen", "Wei Fan" is no
     * second surname), as such names are most often two people's */
    for (uint32_t k = 0; ev && k < ev->n_left && !err; k++) {
        const coa_left_apart_t *l = &ev->left[k];
        uint32_t a = coa_corpus_author_root(c, l->a), b = coa_corpus_author_root(c, l->b);
        if (a == b || g->author_vertex[a] == COA_NONE || g->author_vertex[b] == COA_NONE)
            continue;
        uint32_t ex = 0, shared = shared_neighbours(&adj, g->author_vertex[a], g->author_vertex[b], &ex);
        int two = l->why == COA_LEFT_TOGETHER || l->why == COA_LEFT_IDENTIFIERS; /* kept to be left out */
        int looser = l->rule == COA_RULE_GIVEN_EDIT || l->why == COA_LEFT_AMBIGUOUS;
        if (!two && ((looser && !shared) || l->rule == COA_RULE_SHORT_GIVEN))
            continue;
        if ((l->rule == COA_RULE_MIDDLE || l->rule == COA_RULE_FIRST_DROPPED || l->rule == COA_RULE_DOUBLE_SURNAME) &&
            (splits_compound(c, a, b) || splits_compound(c, b, a)))
            continue;
        if ((err = add_split(&out, &count, &cap, g, a, b, coa_evidence_rule_name(l->rule), shared, ex)))
            break;
        out[count - 1].missing = missing_text(l->why);
        out[count - 1].expected = l->expected < 1e9 ? l->expected : -1;
    }
    coa_adjacency_destroy(&adj);
    if (err) {
        free(out);
        return err;
    }
    if (count)
        qsort(out, count, sizeof *out, cmp_split_pair);
    /* one entry a pair, the last (which says what evidence was missing);
     * none for two people: on one paper, or with two identifiers */
    uint32_t kept = 0;
    for (uint32_t i = 0; i < count;) {
        uint32_t e = i + 1, two = 0;
        while (e < count && same_pair(&out[e], &out[i]))
            e++;
        for (uint32_t k = i; k < e; k++)
            two |= out[k].missing == missing_text(COA_LEFT_TOGETHER) ||
                   out[k].missing == missing_text(COA_LEFT_IDENTIFIERS);
        if (!two)
            out[kept++] = out[e - 1];
        i = e;
    }
    count = kept;
    split_sort_corpus = c;
    if (count)
        qsort(out, count, sizeof *out, cmp_split);
    *splits = out;
    *n_splits = count;
    return COA_OK;
}

/* ---- likely homonyms ---- */

static uint32_t uf_find(uint32_t *parent, uint32_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

/* A venue reduced to its series: "Proceedings of the 58th Annual Meeting of
 * the Association for Computational Linguistics (Volume 1: Long Papers)"
 * becomes "annual meeting of the association for computational
 * linguistics".  Years, editions, volumes and tracks vary within a series
 * and say nothing about who wrote the paper. */
static size_t venue_series(const char *venue, char *buf, size_t cap)
{
    static const char *const prefixes[] = {"proceedings of the ", "proceedings of ", "findings of the ", "the "};
    size_t k = 0;
    for (const char *v = venue; *v && k < cap - 1; v++) {
        if (*v == '(' || *v == ':' || *v == ',' || *v == ';')
            break;
        char ch = *v;
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (ch >= '0' && ch <= '9')
            continue;
        /* ordinal endings left behind by the digits: "58th" -> "th" */
        if (k == 0 || buf[k - 1] == ' ') {
            if ((!strncmp(v, "th ", 3) || !strncmp(v, "st ", 3) || !strncmp(v, "nd ", 3) || !strncmp(v, "rd ", 3)) &&
                v > venue && v[-1] >= '0' && v[-1] <= '9') {
                v += 2;
                continue;
            }
        }
        if (ch == ' ' && (k == 0 || buf[k - 1] == ' '))
            continue;
        buf[k++] = ch;
    }
    while (k > 0 && buf[k - 1] == ' ')
        k--;
    buf[k] = '\0';
    /* a joint event belongs to its first series: "emnlp and the ijcnlp" */
    char *joint = strstr(buf, " and the ");
    if (joint) {
        *joint = '\0';
        k = (size_t)(joint - buf);
    }
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t n = strlen(prefixes[i]);
        if (k > n && strncmp(buf, prefixes[i], n) == 0) {
            memmove(buf, buf + n, k - n + 1);
            k -= n;
        }
    }
    return k;
}

/* The field of a paper: its category, else its venue's series. */
static int paper_fields(coa_corpus_t *c, coa_str_t *field, int *by_category)
{
    char buf[512];
    *by_category = 0;
    for (uint32_t p = 0; p < c->n_papers; p++) {
        const coa_paper_t *pp = &c->papers[p];
        if (pp->category) {
            field[p] = pp->category;
            *by_category = 1;
            continue;
        }
        size_t k = venue_series(coa_corpus_str(c, pp->venue), buf, sizeof buf);
        field[p] = k ? coa_corpus_intern(c, buf, k) : COA_NOSTR;
        if (field[p] == COA_NONE)
            return COA_ENOMEM;
    }
    return COA_OK;
}

/* Adds a field to a short list kept sorted by name, without repeats. */
static void add_field(const coa_corpus_t *c, coa_str_t *list, uint32_t *n, uint32_t cap, coa_str_t f)
{
    if (!f)
        return;
    const char *name = coa_corpus_str(c, f);
    uint32_t i = 0;
    while (i < *n && strcmp(coa_corpus_str(c, list[i]), name) < 0)
        i++;
    if ((i < *n && list[i] == f) || i >= cap)
        return;
    uint32_t last = *n < cap ? *n : cap - 1;
    memmove(&list[i + 1], &list[i], (last - i) * sizeof *list);
    list[i] = f;
    if (*n < cap)
        (*n)++;
}

void coa_homonyms_free(coa_homonym_t *h, uint32_t n)
{
    for (uint32_t i = 0; h && i < n; i++) {
        free(h[i].papers);
        free(h[i].cluster);
    }
    free(h);
}

/* Venue series are weak evidence: each side of a split needs this many papers. */
#define VENUE_MIN_GROUP 3
/* The common-name rule: an author of at least this many papers, whose
 * name more than this many namesakes are expected to share, and whose
 * papers fall apart: no group of coauthors holds more than three fifths of
 * them, and either none holds more than two fifths (they scatter) or two
 * groups or more are substantial, of this many papers each. */
#define COMMON_MIN_PAPERS 5
#define COMMON_EXPECTED 0.3
#define COMMON_SUBSTANTIAL 3
/* Papers that scatter over small groups, with no two substantial ones, are
 * weaker evidence: one person's first papers often each have their own
 * coauthors.  They count only for a name this much commoner (on the ACL
 * Anthology 2015-2021 this left apart ten names its curators hold to be
 * one person each, Qi Li or Yi Yang among them, and kept Bo Li, 0.49, whom
 * they split). */
#define COMMON_SCATTER_EXPECTED 0.45

/* How common each given name (all the given names of a key, "yun nung" of
 * "yun nung chen") and each surname is among the authors with papers: two
 * sorted lists of them. */
typedef struct {
    const char **given, **surname;
    uint32_t n;
} name_counts_t;

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void names_destroy(name_counts_t *nc)
{
    for (uint32_t i = 0; i < nc->n; i++) {
        free((void *)nc->given[i]);
        free((void *)nc->surname[i]);
    }
    free(nc->given);
    free(nc->surname);
    memset(nc, 0, sizeof *nc);
}

static int names_init(const coa_corpus_t *c, name_counts_t *nc)
{
    memset(nc, 0, sizeof *nc);
    uint32_t n = 0;
    for (uint32_t a = 0; a < c->n_authors; a++)
        n += c->authors[a].n_papers > 0 && c->authors[a].merged_into == COA_NONE;
    nc->given = calloc(n ? n : 1, sizeof *nc->given);
    nc->surname = calloc(n ? n : 1, sizeof *nc->surname);
    if (!nc->given || !nc->surname) {
        names_destroy(nc);
        return COA_ENOMEM;
    }
    for (uint32_t a = 0; a < c->n_authors && nc->n < n; a++) {
        if (!c->authors[a].n_papers || c->authors[a].merged_into != COA_NONE)
            continue;
        const char *key = coa_corpus_str(c, c->authors[a].key);
        const char *sur = coa_names_surname(key);
        size_t gl = sur > key ? (size_t)(sur - key - 1) : 0;
        char *g = strndup(key, gl), *s = strndup(sur, coa_names_surname_len(sur));
        if (!g || !s) {
            free(g);
            free(s);
            names_destroy(nc);
            return COA_ENOMEM;
        }
        nc->given[nc->n] = g;
        nc->surname[nc->n++] = s;
    }
    qsort(nc->given, nc->n, sizeof *nc->given, cmp_cstr);
    qsort(nc->surname, nc->n, sizeof *nc->surname, cmp_cstr);
    return COA_OK;
}

/* The first entry of a sorted list that is above word (above_equal: or
 * equal to it). */
static uint32_t bound(const char **list, uint32_t n, const char *word, int above_equal)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        int d = strcmp(list[mid], word);
        if (d < 0 || (d == 0 && !above_equal))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Entries of a sorted list equal to w[0 .. len), in two binary searches:
 * a common given name stands tens of thousands of times at DBLP scale,
 * and counting its run for every author made the load quadratic. */
static uint32_t count_equal(const char **list, uint32_t n, const char *w, size_t len)
{
    char word[128];
    if (len >= sizeof word)
        return 0;
    memcpy(word, w, len);
    word[len] = '\0';
    return bound(list, n, word, 0) - bound(list, n, word, 1);
}

/* qsort has no context argument; the corpus for name ties goes here */
static const coa_corpus_t *homonym_sort_corpus;

/* Strongest evidence first: field codes, then a common name (the more
 * namesakes expected, the stronger), then venue series; then the larger
 * group, then by name. */
static int cmp_homonym(const void *pa, const void *pb)
{
    const coa_homonym_t *a = pa, *b = pb;
    int ra = a->by_category ? 0 : a->by_name ? 1 : 2, rb = b->by_category ? 0 : b->by_name ? 1 : 2;
    if (ra != rb)
        return ra < rb ? -1 : 1;
    if (a->expected != b->expected)
        return a->expected > b->expected ? -1 : 1;
    if (a->n_papers != b->n_papers)
        return a->n_papers > b->n_papers ? -1 : 1;
    const coa_corpus_t *c = homonym_sort_corpus;
    int d = strcmp(coa_corpus_str(c, c->authors[a->author].display), coa_corpus_str(c, c->authors[b->author].display));
    return d ? d : (a->author > b->author) - (a->author < b->author);
}

/* The namesakes expected to share an author's name by chance: authors
 * with its given names times authors with its surname, over all authors
 * (the share of each, multiplied, for every author).  "Yang Liu" in the
 * ACL Anthology: 0.4; "Ivan Titov": about none.  The given names are taken
 * whole: "Yun-Nung Chen" is not as common as "Yun Chen". */
static double expected_namesakes(const coa_corpus_t *c, const name_counts_t *nc, uint32_t a)
{
    const char *key = coa_corpus_str(c, c->authors[a].key);
    const char *sur = coa_names_surname(key);
    size_t gl = sur > key ? (size_t)(sur - key - 1) : 0, sl = coa_names_surname_len(sur);
    if (sur == key || strcspn(key, " ") < 2)
        return 0; /* one word, or an initial: nothing to say */
    double g = count_equal(nc->given, nc->n, key, gl);
    double s = count_equal(nc->surname, nc->n, sur, sl);
    return nc->n ? g * s / nc->n : 0;
}


static int find_homonyms(coa_corpus_t *c, const uint32_t *only, uint32_t n_only, coa_homonym_t **homonyms,
                         uint32_t *n_homonyms);

int coa_flag_homonyms(coa_corpus_t *c)
{
    for (uint32_t i = 0; i < c->n_authorships; i++)
        c->authorships[i].flags &= (uint8_t)~COA_AUTHORSHIP_POSSIBLE_HOMONYM;
    coa_homonym_t *homonyms = NULL;
    uint32_t n = 0;
    int err = coa_find_homonyms(c, &homonyms, &n);
    coa_homonyms_free(homonyms, n);
    return err;
}

int coa_flag_homonyms_of(coa_corpus_t *c, const uint32_t *authors, uint32_t n_authors)
{
    for (uint32_t i = 0; i < c->n_authorships; i++)
        for (uint32_t k = 0; k < n_authors; k++)
            if (c->authorships[i].author == authors[k])
                c->authorships[i].flags &= (uint8_t)~COA_AUTHORSHIP_POSSIBLE_HOMONYM;
    coa_homonym_t *homonyms = NULL;
    uint32_t n = 0;
    int err = find_homonyms(c, authors, n_authors, &homonyms, &n);
    coa_homonyms_free(homonyms, n);
    return err;
}

int coa_find_homonyms(coa_corpus_t *c, coa_homonym_t **homonyms, uint32_t *n_homonyms)
{
    return find_homonyms(c, NULL, 0, homonyms, n_homonyms);
}

/* What find_homonyms works on, author after author. */
typedef struct {
    coa_corpus_t *c;
    int only;                 /* only some authors: their fields are in a pool of our own */
    int by_category;
    const uint32_t *start;    /* authorships by author: owned[start[a] .. start[a + 1]) */
    const uint32_t *owned;    /* indexes into c->authorships */
    const coa_str_t *field;   /* per paper */
    uint32_t *seen, *touched; /* per author: the first paper shared with them */
    uint32_t *parent, *group; /* per paper of the author: union-find, then its group */
    coa_str_t *other_fields;  /* per paper of the author: fields_meet's list */
    coa_homonym_t *out;
    uint32_t count, cap;
} homonym_work_t;

/* The authorship of the author's i-th paper. */
static coa_authorship_t *owned_authorship(const homonym_work_t *w, uint32_t a, uint32_t i)
{
    return &w->c->authorships[w->owned[w->start[a] + i]];
}

/* Authorships by author: start[] (na + 1) and owned[], with seen[] as
 * fill positions (left all COA_NONE). */
static void index_authorships(const coa_corpus_t *c, uint32_t *start, uint32_t *owned, uint32_t *seen)
{
    uint32_t na = c->n_authors;
    for (uint32_t i = 0; i < c->n_authorships; i++)
        start[c->authorships[i].author + 1]++;
    for (uint32_t a = 0; a < na; a++)
        start[a + 1] += start[a];
    for (uint32_t a = 0; a < na; a++)
        seen[a] = start[a];
    for (uint32_t i = 0; i < c->n_authorships; i++)
        owned[seen[c->authorships[i].author]++] = i;
    for (uint32_t a = 0; a < na; a++)
        seen[a] = COA_NONE;
}

/* A paper's field (as paper_fields finds it) in a pool of our own. */
static coa_str_t local_field(const coa_corpus_t *c, uint32_t paper, coa_strpool_t *local)
{
    char buf[512];
    const coa_paper_t *pp = &c->papers[paper];
    if (pp->category) {
        const char *cat = coa_corpus_str(c, pp->category);
        return coa_strpool_intern(local, cat, strlen(cat));
    }
    size_t len = venue_series(coa_corpus_str(c, pp->venue), buf, sizeof buf);
    return len ? coa_strpool_intern(local, buf, len) : COA_NOSTR;
}

/* The fields of the listed authors' papers and of their coauthors' papers
 * (field_suspects asks where the coauthors publish), and whether any
 * paper of the corpus has a category (as paper_fields finds).  The ids
 * are of a pool of our own: the corpus may be shared with an index
 * (coa_store_index_build) and must not change, and only the equality of
 * two fields matters for the flags. */
static int only_fields(homonym_work_t *w, const uint32_t *only, uint32_t n_only, coa_str_t *field,
                       coa_strpool_t *local)
{
    const coa_corpus_t *c = w->c;
    for (uint32_t p = 0; p < c->n_papers && !w->by_category; p++)
        w->by_category = c->papers[p].category != 0;
    for (uint32_t k = 0; k < n_only; k++) {
        uint32_t a = only[k];
        if (a >= c->n_authors)
            continue;
        for (uint32_t i = 0; i < w->start[a + 1] - w->start[a]; i++) {
            const coa_paper_t *pp = &c->papers[owned_authorship(w, a, i)->paper];
            for (uint32_t s = 0; s < pp->n_authorships; s++) {
                uint32_t b = c->authorships[pp->first_authorship + s].author;
                for (uint32_t j = 0; j < w->start[b + 1] - w->start[b]; j++) {
                    uint32_t paper = owned_authorship(w, b, j)->paper;
                    if ((field[paper] = local_field(c, paper, local)) == COA_NONE)
                        return COA_ENOMEM;
                }
            }
        }
    }
    return COA_OK;
}

/* Groups author a's np papers by shared coauthors (group[i], the group's
 * first paper); returns the largest group (the earliest on ties) and its
 * size in *main_size, and in *substantial the groups of COMMON_SUBSTANTIAL
 * papers or more. */
static uint32_t group_papers(homonym_work_t *w, uint32_t a, uint32_t np, uint32_t *main_size, uint32_t *substantial)
{
    const coa_corpus_t *c = w->c;
    uint32_t *parent = w->parent, *group = w->group, nt = 0;
    for (uint32_t i = 0; i < np; i++)
        parent[i] = i;
    for (uint32_t i = 0; i < np; i++) {
        const coa_paper_t *paper = &c->papers[owned_authorship(w, a, i)->paper];
        for (uint32_t k = 0; k < paper->n_authorships; k++) {
            uint32_t b = c->authorships[paper->first_authorship + k].author;
            if (b == a)
                continue;
            if (w->seen[b] == COA_NONE) {
                w->seen[b] = i;
                w->touched[nt++] = b;
            } else {
                uint32_t x = uf_find(parent, i), y = uf_find(parent, w->seen[b]);
                if (x != y)
                    parent[x < y ? y : x] = x < y ? x : y;
            }
        }
    }
    for (uint32_t t = 0; t < nt; t++)
        w->seen[w->touched[t]] = COA_NONE;
    for (uint32_t i = 0; i < np; i++)
        group[i] = uf_find(parent, i);
    uint32_t main_group = 0;
    *main_size = *substantial = 0;
    for (uint32_t r = 0; r < np; r++) {
        if (group[r] != r)
            continue;
        uint32_t size = 0;
        for (uint32_t i = 0; i < np; i++)
            size += group[i] == r;
        *substantial += size >= COMMON_SUBSTANTIAL;
        if (size > *main_size) {
            *main_size = size;
            main_group = r;
        }
    }
    return main_group;
}

/* A new entry of the report for author a (zeroed). */
static coa_homonym_t *new_homonym(homonym_work_t *w, uint32_t a)
{
    if (coa_grow((void **)&w->out, &w->cap, w->count + 1, sizeof *w->out))
        return NULL;
    coa_homonym_t *h = &w->out[w->count];
    memset(h, 0, sizeof *h);
    h->author = a;
    return h;
}

/* Whether a coauthor on group r's papers has a paper of their own (without
 * author a) in a field of a's other papers.  Series of one field share
 * their authors: the ACL's annual meeting and its North American chapter
 * are two series, and Bernd Bohnet's coauthors at the one publish at the
 * other too.  Two people's fields do not meet through their coauthors. */
static int cmp_str_id(const void *x, const void *y)
{
    coa_str_t a = *(const coa_str_t *)x, b = *(const coa_str_t *)y;
    return (a > b) - (a < b);
}

static int fields_meet(homonym_work_t *w, uint32_t a, uint32_t np, uint32_t r)
{
    const coa_corpus_t *c = w->c;
    const uint32_t *group = w->group;
    /* the other groups' fields, sorted; a coauthor's papers with author a
     * are all in group r (a shared coauthor joins groups), whose fields
     * are not among them, so they need no exception */
    coa_str_t *other = w->other_fields;
    uint32_t n_other = 0, nt = 0;
    for (uint32_t j = 0; j < np; j++)
        if (group[j] != r && w->field[owned_authorship(w, a, j)->paper])
            other[n_other++] = w->field[owned_authorship(w, a, j)->paper];
    qsort(other, n_other, sizeof *other, cmp_str_id);
    int meet = 0;
    for (uint32_t i = 0; i < np && !meet; i++) {
        if (group[i] != r)
            continue;
        const coa_paper_t *pp = &c->papers[owned_authorship(w, a, i)->paper];
        for (uint32_t s = 0; s < pp->n_authorships && !meet; s++) {
            uint32_t b = c->authorships[pp->first_authorship + s].author;
            if (b == a || w->seen[b] != COA_NONE)
                continue;
            w->seen[b] = i;
            w->touched[nt++] = b;
            for (uint32_t k = 0; k < w->start[b + 1] - w->start[b] && !meet; k++) {
                coa_str_t f = w->field[owned_authorship(w, b, k)->paper];
                meet = f && bsearch(&f, other, n_other, sizeof *other, cmp_str_id);
            }
        }
    }
    for (uint32_t t = 0; t < nt; t++)
        w->seen[w->touched[t]] = COA_NONE;
    return meet;
}

/* The field rule: a group other than the main one whose fields are all
 * known and shared with no other group of the author's papers is likely
 * another person's; its authorships are flagged. */
static int field_suspects(homonym_work_t *w, uint32_t a, uint32_t np, uint32_t main_group)
{
    const coa_corpus_t *c = w->c;
    const uint32_t *group = w->group;
    for (uint32_t r = 0; r < np; r++) {
        if (group[r] != r || r == main_group)
            continue;
        uint32_t size = 0, known = 0, shared = 0;
        for (uint32_t i = 0; i < np; i++) {
            if (group[i] != r)
                continue;
            size++;
            coa_str_t f = w->field[owned_authorship(w, a, i)->paper];
            if (!f)
                continue;
            known++;
            for (uint32_t j = 0; j < np && !shared; j++)
                if (group[j] != r && w->field[owned_authorship(w, a, j)->paper] == f)
                    shared = 1;
        }
        if (size == np || shared || known < size || 2 * size > np)
            continue;
        /* venues are weak evidence (one field's papers appear in many
         * series): ask for three papers on each side, and never against
         * the owner of an export, which says the papers are theirs */
        if (!w->by_category && (size < VENUE_MIN_GROUP || np - size < VENUE_MIN_GROUP ||
                                (c->authors[a].flags & COA_AUTHOR_OWNER) || fields_meet(w, a, np, r)))
            continue;
        coa_homonym_t *h = new_homonym(w, a);
        if (!h || !(h->papers = malloc(size * sizeof *h->papers)))
            return COA_ENOMEM;
        w->count++;
        h->other_papers = np - size;
        h->by_category = w->by_category;
        for (uint32_t i = 0; i < np; i++) {
            coa_authorship_t *s = owned_authorship(w, a, i);
            coa_str_t f = w->field[s->paper];
            coa_str_t *list = group[i] == r ? h->fields : h->other_fields;
            uint32_t *n = group[i] == r ? &h->n_fields : &h->n_other_fields;
            uint32_t cap_list = group[i] == r ? 4 : 8;
            if (!w->only) /* the report's names: not with our own pool's ids */
                add_field(c, list, n, cap_list, f);
            if (group[i] != r)
                continue;
            s->flags |= COA_AUTHORSHIP_POSSIBLE_HOMONYM;
            h->papers[h->n_papers++] = s->paper;
        }
    }
    return COA_OK;
}

/* The name rule: a common name whose papers fall apart into groups of
 * coauthors; the groups replace what the field rule found for author a,
 * and every group but the largest is flagged. */
static int name_clusters(homonym_work_t *w, uint32_t a, uint32_t np, double expected)
{
    const uint32_t *group = w->group;
    while (w->count > 0 && w->out[w->count - 1].author == a) {
        w->count--;
        free(w->out[w->count].papers);
        free(w->out[w->count].cluster);
    }
    coa_homonym_t *h = new_homonym(w, a);
    if (!h)
        return COA_ENOMEM;
    h->by_name = 1;
    h->expected = expected;
    h->papers = malloc(np * sizeof *h->papers);
    h->cluster = malloc(np * sizeof *h->cluster);
    if (!h->papers || !h->cluster) {
        free(h->papers);
        free(h->cluster);
        return COA_ENOMEM;
    }
    w->count++;
    /* clusters numbered by size (largest 0), ties by first paper */
    for (uint32_t r = 0; r < np; r++)
        h->n_clusters += group[r] == r;
    uint32_t *rank = malloc(np * sizeof *rank), *size = calloc(np, sizeof *size);
    if (!rank || !size) {
        free(rank);
        free(size);
        return COA_ENOMEM;
    }
    for (uint32_t i = 0; i < np; i++)
        size[group[i]]++;
    for (uint32_t r = 0; r < np; r++) {
        if (group[r] != r)
            continue;
        uint32_t before = 0;
        for (uint32_t o = 0; o < np; o++)
            if (group[o] == o && o != r && (size[o] > size[r] || (size[o] == size[r] && o < r)))
                before++;
        rank[r] = before;
    }
    for (uint32_t i = 0; i < np; i++) {
        coa_authorship_t *s = owned_authorship(w, a, i);
        h->papers[h->n_papers] = s->paper;
        h->cluster[h->n_papers++] = rank[group[i]];
        if (rank[group[i]] > 0)
            s->flags |= COA_AUTHORSHIP_POSSIBLE_HOMONYM;
    }
    h->other_papers = 0;
    free(rank);
    free(size);
    return COA_OK;
}

/* The work of both: every author, or only[0 .. n_only) (whose papers'
 * fields are then the only ones worked out; an author's verdict depends on
 * nothing else but whether any paper of the corpus has a category). */
static int find_homonyms(coa_corpus_t *c, const uint32_t *only, uint32_t n_only, coa_homonym_t **homonyms,
                         uint32_t *n_homonyms)
{
    int err = COA_OK, have_local = 0;
    name_counts_t names = {0};
    uint32_t na = c->n_authors;
    coa_strpool_t local;
    homonym_work_t w = {.c = c, .only = only != NULL};
    uint32_t *start = calloc((size_t)na + 1, sizeof *start);
    uint32_t *owned = malloc((c->n_authorships ? c->n_authorships : 1) * sizeof *owned);
    coa_str_t *field = malloc((c->n_papers ? c->n_papers : 1) * sizeof *field);
    w.seen = malloc((na ? na : 1) * sizeof *w.seen);
    w.touched = malloc((na ? na : 1) * sizeof *w.touched);
    w.start = start;
    w.owned = owned;
    w.field = field;
    *homonyms = NULL;
    *n_homonyms = 0;
    if (!start || !owned || !w.seen || !w.touched || !field) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    if ((err = names_init(c, &names)))
        goto cleanup;
    if (!only && (err = paper_fields(c, field, &w.by_category)))
        goto cleanup;
    index_authorships(c, start, owned, w.seen);
    if (only) {
        if ((err = coa_strpool_init(&local)))
            goto cleanup;
        have_local = 1;
        if ((err = only_fields(&w, only, n_only, field, &local)))
            goto cleanup;
    }
    for (uint32_t q = 0; q < (only ? n_only : na) && !err; q++) {
        uint32_t a = only ? only[q] : q;
        if (a >= na)
            continue;
        uint32_t np = start[a + 1] - start[a], main_size, substantial;
        if (np < 2)
            continue;
        uint32_t *pp = realloc(w.parent, 3 * np * sizeof *pp);
        if (!pp) {
            err = COA_ENOMEM;
            break;
        }
        w.parent = pp;
        w.group = pp + np;
        w.other_fields = pp + 2 * np;
        uint32_t main_group = group_papers(&w, a, np, &main_size, &substantial);
        if ((err = field_suspects(&w, a, np, main_group)))
            break;
        if (!names.n || np < COMMON_MIN_PAPERS || main_size * 5 > np * 3 ||
            (main_size * 5 > np * 2 && substantial < 2))
            continue;
        /* a common name whose papers fall apart (COMMON_SUBSTANTIAL), and
         * more than COMMON_EXPECTED namesakes expected among the corpus's
         * authors (COMMON_SCATTER_EXPECTED where they only scatter) */
        double expected = expected_namesakes(c, &names, a);
        if (expected >= (substantial >= 2 ? COMMON_EXPECTED : COMMON_SCATTER_EXPECTED))
            err = name_clusters(&w, a, np, expected);
    }
cleanup:
    names_destroy(&names);
    if (have_local)
        coa_strpool_destroy(&local);
    COA_FREE(start, owned, w.seen, w.touched, field, w.parent);
    if (err) {
        coa_homonyms_free(w.out, w.count);
        return err;
    }
    homonym_sort_corpus = c;
    if (w.count && !only)
        qsort(w.out, w.count, sizeof *w.out, cmp_homonym);
    *homonyms = w.out;
    *n_homonyms = w.count;
    return COA_OK;
}

/* Moves the author's authorships on papers[i] with cluster[i] == k (all
 * of papers[] when cluster is NULL) to a new author named after the
 * group's most frequent coauthor ("Yang Liu [with Mirella Lapata]"; ties
 * to the first seen).  A group without coauthors stays. */
static int split_group(coa_corpus_t *c, uint32_t author, const uint32_t *papers, const uint32_t *cluster,
                       uint32_t n, uint32_t k, uint32_t *count, int *made)
{
    *made = 0;
    uint32_t label = COA_NONE, best = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (cluster && cluster[i] != k)
            continue;
        const coa_paper_t *p = &c->papers[papers[i]];
        for (uint32_t s = 0; s < p->n_authorships; s++) {
            uint32_t b = c->authorships[p->first_authorship + s].author;
            if (b != author && ++count[b] > best) {
                best = count[b];
                label = b;
            }
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        const coa_paper_t *p = &c->papers[papers[i]];
        for (uint32_t s = 0; s < p->n_authorships; s++)
            count[c->authorships[p->first_authorship + s].author] = 0;
    }
    if (label == COA_NONE)
        return COA_OK;
    /* a coauthor split before is named by its name alone, not its label */
    const char *with = coa_corpus_str(c, c->authors[label].display);
    const char *bracket = strstr(with, " [with ");
    int with_len = bracket ? (int)(bracket - with) : (int)strlen(with);
    char name[512];
    snprintf(name, sizeof name, "%s [with %.*s]", coa_corpus_str(c, c->authors[author].display), with_len, with);
    uint32_t into;
    int err = coa_corpus_author(c, name, strlen(name), NULL, &into);
    if (err)
        return err;
    coa_author_t *au = &c->authors[into];
    au->display = coa_corpus_intern(c, name, strlen(name));
    if (au->display == COA_NONE)
        return COA_ENOMEM;
    au->flags |= COA_AUTHOR_DISPLAY_FIXED;
    for (uint32_t i = 0; i < n; i++) {
        if (cluster && cluster[i] != k)
            continue;
        const coa_paper_t *p = &c->papers[papers[i]];
        for (uint32_t s = 0; s < p->n_authorships; s++) {
            coa_authorship_t *as = &c->authorships[p->first_authorship + s];
            if (as->author != author)
                continue;
            as->author = into;
            as->flags &= (uint8_t)~COA_AUTHORSHIP_POSSIBLE_HOMONYM;
            c->authors[author].n_papers--;
            c->authors[into].n_papers++;
        }
    }
    *made = 1;
    return COA_OK;
}

int coa_split_homonyms(coa_corpus_t *c, uint32_t *split)
{
    *split = 0;
    coa_homonym_t *h = NULL;
    uint32_t n = 0;
    int err = coa_find_homonyms(c, &h, &n);
    if (err)
        return err;
    /* the authors made here are counted too, as coauthors of later groups */
    size_t room = c->n_authors + 1;
    for (uint32_t k = 0; k < n; k++)
        room += h[k].by_name ? h[k].n_clusters : 1;
    uint32_t *count = calloc(room, sizeof *count);
    if (!count) {
        coa_homonyms_free(h, n);
        return COA_ENOMEM;
    }
    for (uint32_t k = 0; k < n && !err; k++) {
        /* the common-name rule makes an author of every group; the field
         * rules, of the group in another field */
        uint32_t groups = h[k].by_name ? h[k].n_clusters : 1, made_any = 0;
        for (uint32_t g = 0; g < groups && !err; g++) {
            int made;
            err = split_group(c, h[k].author, h[k].papers, h[k].by_name ? h[k].cluster : NULL, h[k].n_papers, g,
                              count, &made);
            made_any |= (uint32_t)made;
        }
        *split += made_any;
    }
    free(count);
    coa_homonyms_free(h, n);
    return err;
}
