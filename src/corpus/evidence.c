/* Merging spellings of one person on evidence (coa_merge_evidence). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coauthor/identity.h"
#include "corpus/names_internal.h"
#include "corpus/internal.h"

/* A surname group larger than this is compared only within the same first
 * letter of the key: "wang" in DBLP has tens of thousands of spellings, and
 * comparing all of them pairwise would be quadratic. */
#define MAX_BLOCK 2000
/* Papers with more authors than this say little about who is who, and
 * would make coauthor lists long. */
#define MAX_EVIDENCE_AUTHORS 100
/* A surname this long may have one edit ("Nirenburg", "Nirenberg");
 * shorter ones are too often other names ("Zhang", "Zhuang"). */
#define MIN_EDIT_SURNAME 7
/* An owner is on this share of a single-person export's records, and the
 * export has at least this many. */
#define OWNER_SHARE 0.9
#define OWNER_MIN_RECORDS 5
/* A rare name is evidence too: when fewer than this many namesakes are
 * expected to share a name by chance (authors with its first given name
 * times authors with its surname, over all authors), two compatible
 * spellings of it, and no third that fits either, are one person. */
#define RARE_EXPECTED 0.02
/* A full given name written in one spelling and left out of the other is
 * often part of one given name ("Jian-Guang Lou", "Jian Lou") or of a
 * double surname ("Mark Hasegawa-Johnson", "Mark Johnson"), another
 * person's: such a pair must be rarer still. */
#define RARE_EXPECTED_WORD 0.005
/* A name that this many namesakes are expected to share (the common-name
 * rule of the homonym report) takes a full given name added ("Yi Yang",
 * "Yi Mang Yang") only on two shared coauthors: one is too easily a
 * namesake's. */
#define COMMON_EXPECTED 0.3

typedef struct {
    uint32_t a, b;           /* indexes into the candidate list */
    coa_name_rule_t rule;
    uint32_t shared;         /* shared coauthors */
    uint32_t example;        /* a shared coauthor (corpus author) */
    uint32_t owner_source;   /* COA_NONE, or the source both belong to as owner */
    double rare;             /* < 0, or the namesakes expected of the commoner spelling */
} pair_t;

typedef struct {
    coa_corpus_t *c;
    uint32_t n;              /* candidate authors */
    uint32_t *author;        /* [n] corpus author (a root) */
    coa_name_parts_t *parts; /* [n] */
    const char **keys;       /* [n] */
    uint8_t *ambiguous;      /* [n] an initial that fits two people */
    uint32_t *close;         /* [n] a spelling with the same given letters, or COA_NONE */
    double *expected;        /* [n] namesakes expected by chance (RARE_EXPECTED) */
    uint32_t *index;         /* [n_authors] candidate index + 1, or 0 */
    pair_t *pairs;
    uint32_t n_pairs, cap_pairs;
} work_t;

/* DBLP's homonym numbers ("Wei Wang 0002") are its curators' decision
 * that a name is one of several people: such a name is never merged. */
static int numbered(const char *key)
{
    const char *last = strrchr(key, ' ');
    if (!last || !last[1])
        return 0;
    for (const char *p = last + 1; *p; p++)
        if (*p < '0' || *p > '9')
            return 0;
    return 1;
}

static int add_pair(work_t *w, uint32_t a, uint32_t b, coa_name_rule_t rule)
{
    if (coa_grow((void **)&w->pairs, &w->cap_pairs, w->n_pairs + 1, sizeof *w->pairs))
        return COA_ENOMEM;
    w->pairs[w->n_pairs++] = (pair_t){a, b, rule, 0, COA_NONE, COA_NONE, -1};
    return COA_OK;
}

static const char *surname_of(const work_t *w, uint32_t i, size_t *len)
{
    const coa_name_parts_t *p = &w->parts[i];
    *len = p->w.len[p->surname];
    return p->w.w[p->surname];
}

/* Makes *a the longer of two words. */
static void longer_first(const char **a, size_t *la, const char **b, size_t *lb)
{
    if (*la < *lb) {
        const char *t = *a;
        *a = *b;
        *b = t;
        size_t tl = *la;
        *la = *lb;
        *lb = tl;
    }
}

/* Levenshtein distance of at most one. */
static int one_edit(const char *a, size_t la, const char *b, size_t lb)
{
    longer_first(&a, &la, &b, &lb);
    if (la - lb > 1)
        return 0;
    size_t i = 0;
    while (i < lb && a[i] == b[i])
        i++;
    if (la == lb)
        return i < la && memcmp(a + i + 1, b + i + 1, la - i - 1) == 0;
    return memcmp(a + i + 1, b + i, lb - i) == 0;
}

/* b is a plus one or two more words, a second surname: "bhavana dalvi"
 * and "bhavana dalvi mishra", "manuel montes" and "manuel montes y gomez".
 * a has a given name and a surname, and neither has a suffix. */
static int double_surname(const coa_name_parts_t *a, const coa_name_parts_t *b)
{
    if (a->w.n > b->w.n) {
        const coa_name_parts_t *t = a;
        a = b;
        b = t;
    }
    if (a->w.n < 2 || b->w.n - a->w.n < 1 || b->w.n - a->w.n > 2 || a->suffix >= 0 || b->suffix >= 0 ||
        a->w.len[0] < 2)
        return 0;
    for (int k = 0; k < a->w.n; k++)
        if (!coa_names_same_word(&a->w, k, &b->w, k))
            return 0;
    return 1;
}

/* How two words one letter apart differ: 0 not so; 1 a letter doubled
 * ("mathieu", "matthieu") or an umlaut written out ("gunter", "guenter"),
 * spellings of one name; 2 another letter added or dropped; 3 a letter
 * replaced, which in a romanised name is most often another name
 * ("xiaodan", "xiaoyan"). */
static int edit_kind(const char *a, size_t la, const char *b, size_t lb)
{
    if (la == lb)
        return one_edit(a, la, b, lb) ? 3 : 0;
    longer_first(&a, &la, &b, &lb);
    if (la != lb + 1 || !one_edit(a, la, b, lb))
        return 0;
    size_t i = 0; /* a[i] is the letter added */
    while (i < lb && a[i] == b[i])
        i++;
    if ((i > 0 && a[i - 1] == a[i]) || (i + 1 < la && a[i + 1] == a[i]))
        return 1;
    if (a[i] == 'e' && i > 0 && (a[i - 1] == 'a' || a[i - 1] == 'o' || a[i - 1] == 'u'))
        return 1;
    return 2;
}

/* The same surname and given names but for a letter added or dropped in
 * the first, of five letters or more ("eiichro sumita", "eiichiro
 * sumita"): the edit_kind, or 0. */
static int given_edit(const coa_name_parts_t *a, const coa_name_parts_t *b)
{
    /* first given names of one length differ by a replaced letter, or not
     * at all: edit_kind 3 or 0, which this rule refuses either way */
    if (a->surname != b->surname || a->surname < 1 || a->w.len[0] < 5 || b->w.len[0] < 5 ||
        a->w.len[0] == b->w.len[0] || !coa_names_same_word(&a->w, a->surname, &b->w, b->surname))
        return 0;
    for (int k = 1; k < a->w.n; k++)
        if (!coa_names_same_word(&a->w, k, &b->w, k))
            return 0;
    int kind = edit_kind(a->w.w[0], a->w.len[0], b->w.w[0], b->w.len[0]);
    return kind == 3 ? 0 : kind;
}

/* The same surname and later given names, and a first given name of
 * three letters or more that starts the other's, two letters or more
 * longer: "avi sil" and "avirup sil", "prem natarajan" and "premkumar
 * natarajan". */
static int short_given(const coa_name_parts_t *a, const coa_name_parts_t *b)
{
    size_t la = a->w.len[0], lb = b->w.len[0], ls = la < lb ? la : lb;
    if (a->surname != b->surname || a->surname < 1 || la < 3 || lb < 3 || !(la >= lb + 2 || lb >= la + 2) ||
        memcmp(a->w.w[0], b->w.w[0], ls))
        return 0;
    for (int k = 1; k < a->w.n; k++)
        if (!coa_names_same_word(&a->w, k, &b->w, k))
            return 0;
    return 1;
}

/* One name is the other without its first given name, a full one:
 * "thang luong" and "minh thang luong". */
static int first_dropped(const coa_name_parts_t *a, const coa_name_parts_t *b)
{
    if (a->w.n > b->w.n) {
        const coa_name_parts_t *t = a;
        a = b;
        b = t;
    }
    if (b->w.n != a->w.n + 1 || a->surname < 1 || b->w.len[0] < 2 || a->w.len[0] < 2)
        return 0;
    for (int k = 0; k < a->w.n; k++)
        if (!coa_names_same_word(&a->w, k, &b->w, k + 1))
            return 0;
    return 1;
}

/* Compatible but for the first given names, which short_given or
 * given_edit relate: "frank schwing" and "franklin b schwing". */
static int loosely_compatible(const coa_name_parts_t *a, const coa_name_parts_t *b)
{
    if (a->surname < 1 || b->surname < 1 || a->w.len[0] < 3 || b->w.len[0] < 3)
        return 0;
    size_t la = a->w.len[0], lb = b->w.len[0], ls = la < lb ? la : lb;
    int prefix = (la >= lb + 2 || lb >= la + 2) && !memcmp(a->w.w[0], b->w.w[0], ls);
    int edit = la >= 5 && lb >= 5 && (edit_kind(a->w.w[0], la, b->w.w[0], lb) == 1 ||
                                      edit_kind(a->w.w[0], la, b->w.w[0], lb) == 2);
    if (!prefix && !edit)
        return 0;
    coa_name_parts_t t = *a;
    t.w.w[0] = b->w.w[0];
    t.w.len[0] = b->w.len[0];
    return coa_names_compatible(&t, b) != COA_RULE_NONE;
}

/* Name-compatible pairs within one surname (or one first letter of a huge
 * surname), and which of them are an initial that fits two people: a
 * spelling compatible with two spellings that are not compatible with each
 * other ("R. Evans" with "Roger Evans" and "Richard Evans") joins neither. */
static int block_pairs(work_t *w, const uint32_t *members, uint32_t m)
{
    uint32_t *partners = malloc((m ? m : 1) * sizeof *partners);
    if (!partners)
        return COA_ENOMEM;
    int err = COA_OK;
    for (uint32_t x = 0; x < m && !err; x++) {
        uint32_t i = members[x], np = 0, nclose = 0;
        for (uint32_t y = 0; y < m; y++) {
            uint32_t j = members[y];
            if (x == y)
                continue;
            coa_name_rule_t rule = coa_names_compatible(&w->parts[i], &w->parts[j]);
            if (rule == COA_RULE_NONE) {
                if (y > x && given_edit(&w->parts[i], &w->parts[j]))
                    err = add_pair(w, i, j, COA_RULE_GIVEN_EDIT);
                else if (y > x && short_given(&w->parts[i], &w->parts[j]))
                    err = add_pair(w, i, j, COA_RULE_SHORT_GIVEN);
                else if (y > x && first_dropped(&w->parts[i], &w->parts[j]))
                    err = add_pair(w, i, j, COA_RULE_FIRST_DROPPED);
                continue;
            }
            partners[np++] = j;
            /* the same given letters ("wei nan", "weinan") come first */
            if (rule == COA_RULE_SPACING || rule == COA_RULE_SUFFIX) {
                partners[np - 1] = partners[nclose];
                partners[nclose++] = j;
            }
            if (y > x)
                err = add_pair(w, i, j, rule);
        }
        /* a spelling with the same given letters as another is that
         * person's: "Wei-Nan Zhang" is "Weinan Zhang", and is not made
         * ambiguous by "Wei Zhang", whom "Weinan Zhang" does not fit */
        if (nclose) {
            w->close[i] = partners[0];
            np = nclose;
        }
        for (uint32_t p = 0; p < np && !w->ambiguous[i]; p++)
            for (uint32_t q = p + 1; q < np && !w->ambiguous[i]; q++)
                if (coa_names_compatible(&w->parts[partners[p]], &w->parts[partners[q]]) == COA_RULE_NONE)
                    w->ambiguous[i] = 1;
    }
    free(partners);
    return err;
}

/* A spelling that has one with the same given letters ("wei nan zhang",
 * "weinan zhang") joins no spelling that the other does not fit. */
static int closer_spelling(const work_t *w, uint32_t a, uint32_t b)
{
    return w->close[a] != COA_NONE && w->close[a] != b &&
           coa_names_compatible(&w->parts[w->close[a]], &w->parts[b]) == COA_RULE_NONE;
}

/* One spelling has a full given name (not an initial) more than the other
 * has given names: "mark hasegawa johnson" and "mark johnson". */
static int full_word_dropped(const coa_name_parts_t *a, const coa_name_parts_t *b)
{
    const coa_name_parts_t *s = a->surname <= b->surname ? a : b, *l = s == a ? b : a;
    int full = 0;
    for (int k = 0; k < l->surname; k++)
        full += l->w.len[k] > 1;
    return l->surname > s->surname && full > s->surname;
}

/* Candidates by a string of theirs (a key, or a first given name), in an
 * open-addressing table: sorting the candidates by it and searching took
 * as long as the rules that use it (issue 20).  Slots hold candidate + 1;
 * the first candidate put in stays for its string. */
typedef struct {
    uint32_t *slots;
    uint32_t size; /* a power of two, at least twice the candidates */
    const char *const *text;
    const size_t *len;
} by_text_t;

static int by_text_init(by_text_t *t, uint32_t n, const char *const *text, const size_t *len)
{
    t->size = 16;
    while (t->size < 2 * (uint64_t)n)
        t->size *= 2;
    t->slots = calloc(t->size, sizeof *t->slots);
    t->text = text;
    t->len = len;
    return t->slots ? COA_OK : COA_ENOMEM;
}

/* The slot of the candidate whose string is s[0 .. len), or the free slot
 * where it goes. */
static uint32_t by_text_slot(const by_text_t *t, const char *s, size_t len)
{
    uint32_t i = coa_hash_bytes(s, len) & (t->size - 1);
    while (t->slots[i]) {
        uint32_t c = t->slots[i] - 1;
        if (t->len[c] == len && !memcmp(t->text[c], s, len))
            break;
        i = (i + 1) & (t->size - 1);
    }
    return i;
}

static const work_t *sort_work;

/* The namesakes expected to share each candidate's name by chance: the
 * candidates with its first full given name times those with its surname,
 * over all candidates; "infinitely many" for a name with no full given
 * name.  order and block_start are the surname blocks. */
static int namesakes(work_t *w, const uint32_t *order, const uint32_t *block_start, uint32_t n_blocks)
{
    size_t n = w->n ? w->n : 1;
    const char **given = malloc(n * sizeof *given);
    size_t *given_len = malloc(n * sizeof *given_len);
    uint32_t *group = malloc(n * sizeof *group), *count = calloc(n, sizeof *count);
    by_text_t t = {NULL, 0, NULL, NULL};
    int err = given && given_len && group && count ? by_text_init(&t, w->n, given, given_len) : COA_ENOMEM;
    /* each group of one first given name counted under its first candidate */
    for (uint32_t i = 0; !err && i < w->n; i++) {
        w->expected[i] = 1e9;
        group[i] = COA_NONE;
        if (w->parts[i].surname < 1 || w->parts[i].w.len[0] < 2)
            continue;
        given[i] = w->parts[i].w.w[0];
        given_len[i] = w->parts[i].w.len[0];
        uint32_t slot = by_text_slot(&t, given[i], given_len[i]);
        if (!t.slots[slot])
            t.slots[slot] = i + 1;
        group[i] = t.slots[slot] - 1;
        count[group[i]]++;
    }
    for (uint32_t i = 0; !err && i < w->n; i++)
        if (group[i] != COA_NONE)
            w->expected[i] = count[group[i]];
    for (uint32_t b = 0; !err && b < n_blocks; b++)
        for (uint32_t k = block_start[b]; k < block_start[b + 1]; k++)
            if (w->expected[order[k]] < 1e9)
                w->expected[order[k]] *= (double)(block_start[b + 1] - block_start[b]) / w->n;
    COA_FREE(t.slots, given, given_len, group, count);
    return err;
}

typedef struct {
    char variant[64];
    uint32_t block; /* first candidate of the surname block */
} variant_t;

static const variant_t *sort_variants;

/* Variants sorted through their indexes: moving the 68-byte entries
 * themselves was most of the sort (issue 20). */
static int cmp_variant(const void *a, const void *b)
{
    const variant_t *x = &sort_variants[*(const uint32_t *)a], *y = &sort_variants[*(const uint32_t *)b];
    int d = strcmp(x->variant, y->variant);
    return d ? d : (x->block > y->block) - (x->block < y->block);
}

/* Long surnames one edit apart, with the same given names: found through
 * the surnames' one-letter deletions (two strings one edit apart share
 * one), so the work grows with the number of surnames, not its square. */
static int edit_pairs(work_t *w, const uint32_t *order, const uint32_t *block_start, uint32_t n_blocks)
{
    variant_t *v = NULL;
    uint32_t nv = 0, cap = 0;
    int err = COA_OK;
    for (uint32_t b = 0; b < n_blocks && !err; b++) {
        size_t len;
        const char *s = surname_of(w, order[block_start[b]], &len);
        if (len < MIN_EDIT_SURNAME || len >= sizeof v->variant)
            continue;
        for (size_t d = 0; d <= len && !err; d++) { /* d == len: the surname itself */
            if (coa_grow((void **)&v, &cap, nv + 1, sizeof *v)) {
                err = COA_ENOMEM;
                break;
            }
            size_t k = 0;
            for (size_t i = 0; i < len; i++)
                if (i != d)
                    v[nv].variant[k++] = s[i];
            v[nv].variant[k] = '\0';
            v[nv++].block = b;
        }
    }
    uint32_t *by_variant = err ? NULL : malloc((nv ? nv : 1) * sizeof *by_variant);
    if (!err && !by_variant)
        err = COA_ENOMEM;
    for (uint32_t k = 0; !err && k < nv; k++)
        by_variant[k] = k;
    sort_variants = v;
    if (!err && nv)
        qsort(by_variant, nv, sizeof *by_variant, cmp_variant);
    for (uint32_t s = 0; s < nv && !err;) {
        uint32_t e = s;
        while (e < nv && strcmp(v[by_variant[e]].variant, v[by_variant[s]].variant) == 0)
            e++;
        for (uint32_t x = s; x < e && !err; x++)
            for (uint32_t y = x + 1; y < e && !err; y++) {
                uint32_t ba = v[by_variant[x]].block, bb = v[by_variant[y]].block;
                if (ba == bb)
                    continue;
                size_t la, lb;
                const char *sa = surname_of(w, order[block_start[ba]], &la);
                const char *sb = surname_of(w, order[block_start[bb]], &lb);
                if (!one_edit(sa, la, sb, lb))
                    continue;
                /* the same given names, written out in full */
                for (uint32_t i = block_start[ba]; i < block_start[ba + 1] && !err; i++)
                    for (uint32_t j = block_start[bb]; j < block_start[bb + 1] && !err; j++) {
                        const coa_name_parts_t *pa = &w->parts[order[i]], *pb = &w->parts[order[j]];
                        if (pa->surname != pb->surname || pa->surname < 1)
                            continue;
                        int same = 1, full = 0;
                        for (int k = 0; k < pa->surname && same; k++) {
                            same = coa_names_same_word(&pa->w, k, &pb->w, k);
                            full |= pa->w.len[k] > 1;
                        }
                        if (same && full)
                            err = add_pair(w, order[i], order[j], COA_RULE_SURNAME_EDIT);
                    }
            }
        s = e;
    }
    free(by_variant);
    free(v);
    return err;
}

/* Spellings with a second surname (double_surname): each name of three
 * words or more, without its last one or two, looked up among the keys. */
static int double_pairs(work_t *w)
{
    size_t *key_len = malloc((w->n ? w->n : 1) * sizeof *key_len);
    by_text_t t = {NULL, 0, NULL, NULL};
    int err = key_len ? by_text_init(&t, w->n, w->keys, key_len) : COA_ENOMEM;
    for (uint32_t i = 0; !err && i < w->n; i++) {
        key_len[i] = strlen(w->keys[i]);
        uint32_t slot = by_text_slot(&t, w->keys[i], key_len[i]);
        if (!t.slots[slot])
            t.slots[slot] = i + 1;
    }
    for (uint32_t i = 0; i < w->n && !err; i++) {
        const coa_name_parts_t *p = &w->parts[i];
        for (int drop = 1; drop <= 2 && p->w.n - drop >= 2 && p->suffix < 0; drop++) {
            const coa_words_t *wd = &p->w;
            size_t len = (size_t)(wd->w[wd->n - drop - 1] + wd->len[wd->n - drop - 1] - wd->w[0]);
            uint32_t found = t.slots[by_text_slot(&t, w->keys[i], len)];
            if (found && double_surname(&w->parts[found - 1], p))
                err = add_pair(w, found - 1, i, COA_RULE_DOUBLE_SURNAME);
        }
    }
    free(t.slots);
    free(key_len);
    return err;
}

static int cmp_by_surname(const void *pa, const void *pb)
{
    const work_t *w = sort_work;
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    size_t la, lb;
    const char *sa = surname_of(w, a, &la), *sb = surname_of(w, b, &lb);
    int d = memcmp(sa, sb, la < lb ? la : lb);
    if (d || la != lb)
        return d ? d : la < lb ? -1 : 1;
    return (a > b) - (a < b);
}

static int cmp_first_letter(const void *pa, const void *pb)
{
    const work_t *w = sort_work;
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    unsigned char x = (unsigned char)w->keys[a][0], y = (unsigned char)w->keys[b][0];
    if (x != y)
        return x < y ? -1 : 1;
    return (a > b) - (a < b);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Coauthors of each candidate (corpus roots, sorted, once each), from
 * papers of at most MAX_EVIDENCE_AUTHORS authors.  An author listed on a
 * paper with the other spelling gets the other in its list: two names on
 * one paper are two people. */
static int coauthor_lists(const work_t *w, uint32_t **offsets_out, uint32_t **list_out)
{
    coa_corpus_t *c = w->c;
    uint32_t *count = calloc((size_t)w->n + 1, sizeof *count);
    if (!count)
        return COA_ENOMEM;
    for (uint32_t p = 0; p < c->n_papers; p++) {
        const coa_paper_t *pp = &c->papers[p];
        if (pp->n_authorships > MAX_EVIDENCE_AUTHORS)
            continue;
        for (uint32_t k = 0; k < pp->n_authorships; k++) {
            uint32_t r = coa_corpus_author_root(c, c->authorships[pp->first_authorship + k].author);
            if (w->index[r])
                count[w->index[r]] += pp->n_authorships - 1;
        }
    }
    for (uint32_t i = 0; i < w->n; i++)
        count[i + 1] += count[i];
    uint32_t *list = malloc((count[w->n] ? count[w->n] : 1) * sizeof *list);
    uint32_t *fill = malloc(((size_t)w->n + 1) * sizeof *fill);
    if (!list || !fill) {
        COA_FREE(count, list, fill);
        return COA_ENOMEM;
    }
    memcpy(fill, count, ((size_t)w->n + 1) * sizeof *fill);
    for (uint32_t p = 0; p < c->n_papers; p++) {
        const coa_paper_t *pp = &c->papers[p];
        if (pp->n_authorships > MAX_EVIDENCE_AUTHORS)
            continue;
        for (uint32_t k = 0; k < pp->n_authorships; k++) {
            uint32_t r = coa_corpus_author_root(c, c->authorships[pp->first_authorship + k].author);
            if (!w->index[r])
                continue;
            for (uint32_t q = 0; q < pp->n_authorships; q++)
                if (q != k)
                    list[fill[w->index[r] - 1]++] =
                        coa_corpus_author_root(c, c->authorships[pp->first_authorship + q].author);
        }
    }
    /* sort and de-duplicate each list in place; offsets become [start, end) */
    uint32_t out = 0;
    for (uint32_t i = 0; i < w->n; i++) {
        uint32_t s = count[i], e = fill[i];
        qsort(list + s, e - s, sizeof *list, cmp_u32);
        count[i] = out;
        for (uint32_t k = s; k < e; k++)
            if (k == s || list[k] != list[k - 1])
                list[out++] = list[k];
    }
    count[w->n] = out;
    free(fill);
    *offsets_out = count;
    *list_out = list;
    return COA_OK;
}

static uint32_t shared_coauthors(const uint32_t *off, const uint32_t *list, uint32_t a, uint32_t b,
                                 uint32_t ra, uint32_t rb, uint32_t *example, int *together)
{
    uint32_t i = off[a], j = off[b], n = 0;
    *together = 0;
    for (uint32_t k = off[a]; k < off[a + 1]; k++)
        *together |= list[k] == rb;
    for (uint32_t k = off[b]; k < off[b + 1]; k++)
        *together |= list[k] == ra;
    while (i < off[a + 1] && j < off[b + 1]) {
        if (list[i] == list[j]) {
            if (!n)
                *example = list[i];
            n++;
            i++;
            j++;
        } else if (list[i] < list[j]) {
            i++;
        } else {
            j++;
        }
    }
    return n;
}

/* The owner of each single-person export: an author (by first initial and
 * surname, so that "E. M. Bruna" and "Emilio M. Bruna" count as one) on
 * OWNER_SHARE of its records, or the owner a profile names.  owner[i] is
 * the source a candidate owns, or COA_NONE. */
static int find_owners(work_t *w, uint32_t *owner, coa_owner_t **owners, uint32_t *n_owners)
{
    coa_corpus_t *c = w->c;
    for (uint32_t i = 0; i < w->n; i++)
        owner[i] = COA_NONE;
    uint32_t *first = malloc(((size_t)c->n_sources + 1) * sizeof *first);
    uint32_t *records = calloc((size_t)c->n_sources + 1, sizeof *records);
    int err = COA_OK;
    uint32_t cap = 0;
    if (!first || !records) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    for (uint32_t s = 0; s < c->n_sources; s++)
        first[s] = COA_NONE;
    for (uint32_t p = 0; p < c->n_papers; p++) {
        uint32_t s = c->papers[p].source;
        if (s >= c->n_sources)
            continue;
        if (first[s] == COA_NONE)
            first[s] = p;
        records[s]++;
    }
    for (uint32_t s = 0; s < c->n_sources && !err; s++) {
        if (records[s] < OWNER_MIN_RECORDS || first[s] == COA_NONE)
            continue;
        /* the owner is on (nearly) every record, so on one of the first two */
        const coa_paper_t *fp = &c->papers[first[s]];
        uint32_t best = COA_NONE, best_count = 0;
        for (uint32_t k = 0; k < fp->n_authorships && k < MAX_EVIDENCE_AUTHORS; k++) {
            uint32_t r = coa_corpus_author_root(c, c->authorships[fp->first_authorship + k].author);
            if (!w->index[r])
                continue;
            uint32_t ci = w->index[r] - 1;
            size_t ls;
            const char *sur = surname_of(w, ci, &ls);
            char initial = w->keys[ci][0];
            uint32_t on = 0, missed = 0, limit = records[s] - (uint32_t)(OWNER_SHARE * records[s]);
            for (uint32_t p = first[s]; p < c->n_papers && missed <= limit; p++) {
                const coa_paper_t *pp = &c->papers[p];
                if (pp->source != s)
                    continue;
                int found = 0;
                for (uint32_t q = 0; q < pp->n_authorships && !found; q++) {
                    uint32_t rq = coa_corpus_author_root(c, c->authorships[pp->first_authorship + q].author);
                    if (!w->index[rq])
                        continue;
                    size_t lq;
                    const char *sq = surname_of(w, w->index[rq] - 1, &lq);
                    found = lq == ls && !memcmp(sq, sur, ls) && w->keys[w->index[rq] - 1][0] == initial;
                }
                on += found;
                missed += !found;
            }
            if (missed <= limit && on > best_count) {
                best = ci;
                best_count = on;
            }
        }
        if (best == COA_NONE)
            continue;
        /* every spelling of the owner in this source */
        size_t ls;
        const char *sur = surname_of(w, best, &ls);
        char initial = w->keys[best][0];
        for (uint32_t p = first[s]; p < c->n_papers; p++) {
            const coa_paper_t *pp = &c->papers[p];
            if (pp->source != s)
                continue;
            for (uint32_t q = 0; q < pp->n_authorships; q++) {
                uint32_t rq = coa_corpus_author_root(c, c->authorships[pp->first_authorship + q].author);
                if (!w->index[rq])
                    continue;
                uint32_t ci = w->index[rq] - 1;
                size_t lq;
                const char *sq = surname_of(w, ci, &lq);
                if (lq == ls && !memcmp(sq, sur, ls) && w->keys[ci][0] == initial && owner[ci] == COA_NONE)
                    owner[ci] = s;
            }
        }
        if (coa_grow((void **)owners, &cap, *n_owners + 1, sizeof **owners)) {
            err = COA_ENOMEM;
            break;
        }
        (*owners)[(*n_owners)++] = (coa_owner_t){s, w->author[best], best_count, records[s]};
    }
cleanup:
    free(first);
    free(records);
    return err;
}

static int cmp_pair(const void *pa, const void *pb)
{
    const pair_t *a = pa, *b = pb;
    int oa = a->owner_source != COA_NONE, ob = b->owner_source != COA_NONE;
    if (oa != ob)
        return oa ? -1 : 1;
    if (a->shared != b->shared)
        return a->shared > b->shared ? -1 : 1;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return (a->b > b->b) - (a->b < b->b);
}

static uint32_t find(uint32_t *parent, uint32_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

/* Every two members of the joined cluster are compatible spellings. */
static int consistent(const work_t *w, const uint32_t *next, uint32_t ra, uint32_t rb)
{
    for (uint32_t x = ra; x != COA_NONE; x = next[x])
        for (uint32_t y = rb; y != COA_NONE; y = next[y]) {
            const coa_name_parts_t *px = &w->parts[x], *py = &w->parts[y];
            if (double_surname(px, py) || given_edit(px, py) || short_given(px, py) || first_dropped(px, py) ||
                loosely_compatible(px, py))
                continue;
            size_t lx = px->w.len[px->surname], ly = py->w.len[py->surname];
            const char *sx = px->w.w[px->surname], *sy = py->w.w[py->surname];
            int same_surname = lx == ly && !memcmp(sx, sy, lx);
            if (!same_surname && !(lx >= MIN_EDIT_SURNAME && one_edit(sx, lx, sy, ly)))
                return 0;
            if (coa_names_compatible(px, py) == COA_RULE_NONE) {
                /* the same given names under two surname spellings */
                if (same_surname || px->surname != py->surname)
                    return 0;
                for (int k = 0; k < px->surname; k++)
                    if (!coa_names_same_word(&px->w, k, &py->w, k))
                        return 0;
            }
        }
    return 1;
}

void coa_evidence_report_destroy(coa_evidence_report_t *r)
{
    if (!r)
        return;
    free(r->owners);
    free(r->left);
    memset(r, 0, sizeof *r);
}

/* The pairs of spellings of each surname (block_pairs), in the order of
 * 'order' (sorted by surname); block_start gets where each surname's
 * block starts, and one more entry, w->n. */
static int surname_blocks(work_t *w, const uint32_t *order, uint32_t *block_start, uint32_t *n_blocks)
{
    int err = COA_OK;
    for (uint32_t s = 0; s < w->n && !err;) {
        uint32_t e = s + 1;
        size_t ls, le;
        const char *ss = surname_of(w, order[s], &ls);
        while (e < w->n) {
            const char *se = surname_of(w, order[e], &le);
            if (le != ls || memcmp(se, ss, ls))
                break;
            e++;
        }
        block_start[(*n_blocks)++] = s;
        if (e - s <= MAX_BLOCK) {
            err = block_pairs(w, order + s, e - s);
        } else {
            /* a huge surname: only spellings that start alike are compared */
            uint32_t *sub = malloc((e - s) * sizeof *sub);
            if (!sub) {
                err = COA_ENOMEM;
                break;
            }
            memcpy(sub, order + s, (e - s) * sizeof *sub);
            qsort(sub, e - s, sizeof *sub, cmp_first_letter);
            for (uint32_t x = 0; x < e - s && !err;) {
                uint32_t y = x + 1;
                while (y < e - s && w->keys[sub[y]][0] == w->keys[sub[x]][0])
                    y++;
                if (y - x <= MAX_BLOCK)
                    err = block_pairs(w, sub + x, y - x);
                x = y;
            }
            free(sub);
        }
        s = e;
    }
    block_start[*n_blocks] = w->n;
    return err;
}

/* Keeps the pairs with evidence of one person (a shared coauthor, or one
 * owner), sorted by cmp_pair, and counts the others in the report. */
/* Rules of spellings that are as often two people's names as one's
 * (given names one letter apart, cut short or with the first dropped):
 * the pairs they find are not counted as left apart. */
static int looser_rule(coa_name_rule_t rule)
{
    return rule == COA_RULE_GIVEN_EDIT || rule == COA_RULE_SHORT_GIVEN || rule == COA_RULE_FIRST_DROPPED;
}

/* Records pair p as left apart, for the likely splits of 'names'. */
static int left_apart(const work_t *w, const pair_t *p, coa_left_why_t why, uint32_t shared,
                      coa_evidence_report_t *report, uint32_t *cap)
{
    if (coa_grow((void **)&report->left, cap, report->n_left + 1, sizeof *report->left))
        return COA_ENOMEM;
    double e = w->expected[p->a] > w->expected[p->b] ? w->expected[p->a] : w->expected[p->b];
    report->left[report->n_left++] =
        (coa_left_apart_t){w->author[p->a], w->author[p->b], (uint8_t)p->rule, (uint8_t)why, shared, e};
    return COA_OK;
}

static int keep_pairs_with_evidence(work_t *w, const uint32_t *offsets, const uint32_t *list, const uint32_t *owner,
                                    coa_evidence_report_t *report, uint32_t *cap_left)
{
    /* evidence for each pair; an initial that fits two people joins neither */
    uint32_t kept = 0;
    int err = COA_OK;
    for (uint32_t k = 0; k < w->n_pairs && !err; k++) {
        pair_t *p = &w->pairs[k];
        if (w->ambiguous[p->a] || w->ambiguous[p->b]) {
            report->ambiguous += !looser_rule(p->rule);
            err = left_apart(w, p, COA_LEFT_AMBIGUOUS, 0, report, cap_left);
            continue;
        }
        /* identifiers win over names: two of them are two people */
        coa_str_t ia = w->c->authors[w->author[p->a]].id, ib = w->c->authors[w->author[p->b]].id;
        if (ia && ib && ia != ib) {
            err = left_apart(w, p, COA_LEFT_IDENTIFIERS, 0, report, cap_left);
            continue;
        }
        int together;
        p->shared = shared_coauthors(offsets, list, p->a, p->b, w->author[p->a], w->author[p->b], &p->example,
                                     &together);
        if (together) {
            err = left_apart(w, p, COA_LEFT_TOGETHER, p->shared, report, cap_left);
            continue;
        }
        if (p->rule != COA_RULE_SPACING && p->rule != COA_RULE_SUFFIX &&
            (closer_spelling(w, p->a, p->b) || closer_spelling(w, p->b, p->a))) {
            report->ambiguous += !looser_rule(p->rule);
            err = left_apart(w, p, COA_LEFT_AMBIGUOUS, p->shared, report, cap_left);
            continue;
        }
        uint32_t found = p->shared;
        if (owner[p->a] != COA_NONE && owner[p->a] == owner[p->b])
            p->owner_source = owner[p->a];
        /* a rare name, under one surname */
        double rare = w->expected[p->a] > w->expected[p->b] ? w->expected[p->a] : w->expected[p->b];
        if (p->rule != COA_RULE_SURNAME_EDIT &&
            rare < (p->rule == COA_RULE_DOUBLE_SURNAME || p->rule == COA_RULE_GIVEN_EDIT ||
                            full_word_dropped(&w->parts[p->a], &w->parts[p->b])
                        ? RARE_EXPECTED_WORD
                        : RARE_EXPECTED))
            p->rare = rare;
        /* a letter added to a given name, not a doubled one or an umlaut,
         * is as often another person: two shared coauthors, or the owner */
        if (p->shared == 1 && full_word_dropped(&w->parts[p->a], &w->parts[p->b]) &&
            (w->expected[p->a] < 1e9 && w->expected[p->b] < 1e9) &&
            (w->expected[p->a] < w->expected[p->b] ? w->expected[p->a] : w->expected[p->b]) >= COMMON_EXPECTED)
            p->shared = 0;
        if (p->rule == COA_RULE_GIVEN_EDIT && given_edit(&w->parts[p->a], &w->parts[p->b]) == 2) {
            p->rare = -1;
            if (p->shared < 2)
                p->shared = 0;
        }
        /* a given name cut short, or a first one dropped, is as often
         * another's ("Xin", "Xinyu"): a shared coauthor and a rare name */
        if (p->rule == COA_RULE_SHORT_GIVEN || p->rule == COA_RULE_FIRST_DROPPED) {
            double r = w->expected[p->a] > w->expected[p->b] ? w->expected[p->a] : w->expected[p->b];
            if (!(r < RARE_EXPECTED)) {
                p->shared = 0;
            } else if (p->shared) {
                p->rare = r;
            }
            if (!p->shared)
                p->rare = -1;
        }
        if (p->shared || p->owner_source != COA_NONE || p->rare >= 0) {
            w->pairs[kept++] = *p;
        } else {
            report->without_evidence += !looser_rule(p->rule);
            err = left_apart(w, p, found ? COA_LEFT_NEEDS_MORE : COA_LEFT_NO_EVIDENCE, found, report, cap_left);
        }
    }
    w->n_pairs = kept;
    if (w->n_pairs)
        qsort(w->pairs, w->n_pairs, sizeof *w->pairs, cmp_pair);
    return err;
}

/* Merges the pairs kept, strongest first, as long as every author made
 * stays consistent; the spelling with more papers survives. */
static int merge_pairs(work_t *w, uint32_t *weight, coa_evidence_report_t *report, uint32_t *cap_left)
{
    coa_corpus_t *c = w->c;
    size_t n = w->n ? w->n : 1;
    uint32_t *parent = malloc(n * sizeof *parent);
    uint32_t *next = malloc(n * sizeof *next);
    uint32_t *tail = malloc(n * sizeof *tail);
    int err = COA_OK;
    if (!parent || !next || !tail) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    for (uint32_t i = 0; i < w->n; i++) {
        parent[i] = tail[i] = i;
        next[i] = COA_NONE;
    }
    for (uint32_t k = 0; k < w->n_pairs && !err; k++) {
        const pair_t *p = &w->pairs[k];
        uint32_t ra = find(parent, p->a), rb = find(parent, p->b);
        if (ra == rb)
            continue;
        if (!consistent(w, next, ra, rb)) {
            err = left_apart(w, p, COA_LEFT_INCONSISTENT, p->shared, report, cap_left);
            continue;
        }
        /* the spelling with more papers survives */
        /* on a tie, the longer (fuller) key, which the display vote also prefers */
        size_t ka = strlen(w->keys[ra]), kb = strlen(w->keys[rb]);
        uint32_t into = weight[ra] != weight[rb] ? (weight[ra] > weight[rb] ? ra : rb)
                        : ka != kb                ? (ka > kb ? ra : rb)
                        : strcmp(coa_corpus_str(c, c->authors[w->author[ra]].display),
                                 coa_corpus_str(c, c->authors[w->author[rb]].display)) <= 0
                            ? ra
                            : rb;
        uint32_t from = into == ra ? rb : ra;
        char reason[512];
        if (p->owner_source != COA_NONE)
            snprintf(reason, sizeof reason, "%s: owner of %s", coa_names_rule_name(p->rule),
                     coa_corpus_str(c, c->sources[p->owner_source].path));
        else if (!p->shared)
            snprintf(reason, sizeof reason,
                     "%s: a rare name (%.3f namesakes expected by chance), and no other spelling fits",
                     coa_names_rule_name(p->rule), p->rare);
        else if (p->rare >= 0 && looser_rule(p->rule))
            snprintf(reason, sizeof reason,
                     "%s: %u shared coauthor%s, e.g. %s, and a rare name (%.3f namesakes expected by chance)",
                     coa_names_rule_name(p->rule), p->shared, p->shared == 1 ? "" : "s",
                     coa_corpus_str(c, c->authors[p->example].display), p->rare);
        else
            snprintf(reason, sizeof reason, "%s: %u shared coauthor%s, e.g. %s", coa_names_rule_name(p->rule),
                     p->shared, p->shared == 1 ? "" : "s", coa_corpus_str(c, c->authors[p->example].display));
        if ((err = coa_corpus_merge(c, w->author[from], w->author[into], reason)))
            break;
        report->by_rule[p->rule]++;
        report->merged++;
        parent[from] = into;
        weight[into] += weight[from];
        next[tail[into]] = from;
        tail[into] = tail[from];
    }
cleanup:
    COA_FREE(parent, next, tail);
    return err;
}

int coa_merge_evidence(coa_corpus_t *c, coa_evidence_report_t *report)
{
    memset(report, 0, sizeof *report);
    work_t w = {0};
    w.c = c;
    uint32_t *order = NULL, *block_start = NULL, *offsets = NULL, *list = NULL, *owner = NULL;
    uint32_t *weight = NULL, n_blocks = 0;
    int err = COA_OK;
    w.index = calloc(c->n_authors ? c->n_authors : 1, sizeof *w.index);
    if (!w.index)
        return COA_ENOMEM;
    for (uint32_t i = 0; i < c->n_authorships; i++) {
        uint32_t r = coa_corpus_author_root(c, c->authorships[i].author);
        if (!w.index[r] && !(c->authors[r].flags & COA_AUTHOR_ORGANISATION) &&
            !numbered(coa_corpus_str(c, c->authors[r].key)))
            w.index[r] = ++w.n;
    }
    size_t n = w.n ? w.n : 1;
    w.author = malloc(n * sizeof *w.author);
    w.parts = malloc(n * sizeof *w.parts);
    w.keys = malloc(n * sizeof *w.keys);
    w.ambiguous = calloc(n, 1);
    w.close = malloc(n * sizeof *w.close);
    w.expected = malloc(n * sizeof *w.expected);
    order = malloc(n * sizeof *order);
    block_start = malloc((n + 1) * sizeof *block_start);
    owner = malloc(n * sizeof *owner);
    weight = calloc(n, sizeof *weight);
    if (!w.author || !w.parts || !w.keys || !w.ambiguous || !w.close || !w.expected || !order || !block_start || !owner || !weight) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    for (uint32_t a = 0; a < c->n_authors; a++)
        if (w.index[a]) {
            uint32_t i = w.index[a] - 1;
            w.author[i] = a;
            w.keys[i] = coa_corpus_str(c, c->authors[a].key);
            coa_names_parts(w.keys[i], &w.parts[i]);
            order[i] = i;
            w.close[i] = COA_NONE;
        }
    for (uint32_t i = 0; i < c->n_authorships; i++) {
        uint32_t r = coa_corpus_author_root(c, c->authorships[i].author);
        if (w.index[r])
            weight[w.index[r] - 1]++;
    }
    sort_work = &w;
    qsort(order, w.n, sizeof *order, cmp_by_surname);
    err = surname_blocks(&w, order, block_start, &n_blocks);
    if (!err)
        err = edit_pairs(&w, order, block_start, n_blocks);
    if (!err)
        err = double_pairs(&w);
    if (!err)
        err = namesakes(&w, order, block_start, n_blocks);
    if (!err)
        err = coauthor_lists(&w, &offsets, &list);
    if (!err)
        err = find_owners(&w, owner, &report->owners, &report->n_owners);
    if (err)
        goto cleanup;
    uint32_t cap_left = 0;
    if (!(err = keep_pairs_with_evidence(&w, offsets, list, owner, report, &cap_left)))
        err = merge_pairs(&w, weight, report, &cap_left);
    /* an owner's export says its papers are the owner's: only field codes,
     * not venues, may still call some of them another person's */
    for (uint32_t k = 0; k < report->n_owners; k++)
        c->authors[coa_corpus_author_root(c, report->owners[k].author)].flags |= COA_AUTHOR_OWNER;
cleanup:
    COA_FREE(w.index, w.author, w.parts, w.keys, w.ambiguous, w.close, w.expected, w.pairs, order, block_start, offsets,
             list, owner, weight);
    if (err)
        coa_evidence_report_destroy(report);
    return err;
}

const char *coa_evidence_rule_name(unsigned r)
{
    return r < COA_RULE_COUNT ? coa_names_rule_name((coa_name_rule_t)r) : "none";
}
