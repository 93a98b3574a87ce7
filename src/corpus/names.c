/* Words of match keys. */
#include <stdlib.h>
#include <string.h>

#include "corpus/names_internal.h"
#include "corpus/internal.h"

void coa_names_words(const char *key, coa_words_t *out)
{
    out->n = 0;
    const char *p = key;
    while (*p && out->n < COA_MAX_WORDS) {
        const char *sp = strchr(p, ' ');
        size_t n = sp ? (size_t)(sp - p) : strlen(p);
        out->w[out->n] = p;
        out->len[out->n++] = n;
        p += n + (sp ? 1 : 0);
    }
}

int coa_names_same_word(const coa_words_t *a, int i, const coa_words_t *b, int j)
{
    return a->len[i] == b->len[j] && memcmp(a->w[i], b->w[j], a->len[i]) == 0;
}

/* Given names (all words but the last) are all single letters. */
int coa_names_initials_only(const coa_words_t *w)
{
    if (w->n < 2)
        return 0;
    for (int i = 0; i < w->n - 1; i++)
        if (w->len[i] != 1)
            return 0;
    return 1;
}

/* Initials i fit full names f: same surname, and each initial starts the
 * given name in the same place. */
int coa_names_initials_fit(const coa_words_t *i, const coa_words_t *f)
{
    if (i->n > f->n || !coa_names_same_word(i, i->n - 1, f, f->n - 1) || coa_names_initials_only(f))
        return 0;
    for (int k = 0; k < i->n - 1; k++)
        if (f->w[k][0] != i->w[k][0])
            return 0;
    return 1;
}

/* One name is the other plus middle initials: "eduard h hovy" and "eduard hovy". */
int coa_names_middle_initial(const coa_words_t *a, const coa_words_t *b)
{
    const coa_words_t *s = a->n < b->n ? a : b, *l = a->n < b->n ? b : a;
    if (s->n == l->n || s->n < 2 || !coa_names_same_word(s, s->n - 1, l, l->n - 1) || !coa_names_same_word(s, 0, l, 0) || s->len[0] < 2)
        return 0;
    /* the longer name's extra given words are initials, the shared ones equal */
    int j = 1;
    for (int k = 1; k < l->n - 1; k++) {
        if (j < s->n - 1 && coa_names_same_word(s, j, l, k))
            j++;
        else if (l->len[k] != 1)
            return 0;
    }
    return j == s->n - 1;
}

const char *coa_names_surname(const char *key)
{
    const char *sp = strrchr(key, ' ');
    if (sp && coa_name_suffix(sp + 1, strlen(sp + 1))) {
        /* "eric h nyberg iii": the surname is the word before the suffix;
         * the caller compares up to the next space or the end */
        const char *p = sp;
        while (p > key && p[-1] != ' ')
            p--;
        if (p > key)
            return p;
    }
    return sp ? sp + 1 : key;
}

size_t coa_names_surname_len(const char *surname)
{
    const char *sp = strchr(surname, ' ');
    return sp ? (size_t)(sp - surname) : strlen(surname);
}

int coa_names_surname_cmp(const char *a, const char *b)
{
    size_t la = coa_names_surname_len(a), lb = coa_names_surname_len(b);
    int d = memcmp(a, b, la < lb ? la : lb);
    return d ? d : (la > lb) - (la < lb);
}

static int cmp_surname(const void *a, const void *b)
{
    const coa_by_surname_t *x = a, *y = b;
    int d = coa_names_surname_cmp(x->surname, y->surname);
    return d ? d : (x->author > y->author) - (x->author < y->author);
}

/* Authors (roots with papers, or all graph vertices) sorted by surname. */
coa_by_surname_t *coa_names_by_surname(const coa_corpus_t *c, const uint8_t *use, uint32_t *n)
{
    coa_by_surname_t *v = malloc((c->n_authors ? c->n_authors : 1) * sizeof *v);
    if (!v)
        return NULL;
    uint32_t k = 0;
    for (uint32_t a = 0; a < c->n_authors; a++)
        if (use[a])
            v[k++] = (coa_by_surname_t){coa_names_surname(coa_corpus_str(c, c->authors[a].key)), a};
    qsort(v, k, sizeof *v, cmp_surname);
    *n = k;
    return v;
}


void coa_names_parts(const char *key, coa_name_parts_t *p)
{
    coa_names_words(key, &p->w);
    p->suffix = -1;
    p->surname = p->w.n - 1;
    if (p->w.n >= 3 && coa_name_suffix(p->w.w[p->w.n - 1], p->w.len[p->w.n - 1])) {
        p->suffix = p->w.n - 1;
        p->surname = p->w.n - 2;
    }
}

enum { MATCH_NONE, MATCH_EQUAL, MATCH_INITIAL, MATCH_NICKNAME };

static int match_word(const coa_words_t *a, int i, const coa_words_t *b, int j)
{
    if (coa_names_same_word(a, i, b, j))
        return MATCH_EQUAL;
    if ((a->len[i] == 1 || b->len[j] == 1) && a->w[i][0] == b->w[j][0])
        return MATCH_INITIAL;
    if (coa_names_nickname(a->w[i], a->len[i], b->w[j], b->len[j]))
        return MATCH_NICKNAME;
    return MATCH_NONE;
}

/* The given names, without spaces, are the same ("jun ichi", "junichi"). */
static int same_letters(const coa_name_parts_t *a, const coa_name_parts_t *b)
{
    int i = 0, j = 0;
    size_t x = 0, y = 0;
    for (;;) {
        while (i < a->surname && x == a->w.len[i]) {
            i++;
            x = 0;
        }
        while (j < b->surname && y == b->w.len[j]) {
            j++;
            y = 0;
        }
        if (i == a->surname || j == b->surname)
            return i == a->surname && j == b->surname;
        if (a->w.w[i][x++] != b->w.w[j][y++])
            return 0;
    }
}

coa_name_rule_t coa_names_compatible(const coa_name_parts_t *a, const coa_name_parts_t *b)
{
    int na = a->surname, nb = b->surname;
    if (na < 1 || nb < 1)
        return COA_RULE_NONE;
    if (a->suffix >= 0 && b->suffix >= 0 && !coa_names_same_word(&a->w, a->suffix, &b->w, b->suffix))
        return COA_RULE_NONE;
    if (same_letters(a, b))
        return na == nb ? COA_RULE_SUFFIX : COA_RULE_SPACING;
    const coa_name_parts_t *s = na <= nb ? a : b, *l = na <= nb ? b : a;
    int ns = s->surname, nl = l->surname;
    int li = 0, initial = 0, nickname = 0, extra = 0;
    /* the first given name matches the other's first, or its second after
     * a leading initial ("W. John Hutchins" and "John Hutchins") */
    if (!match_word(&s->w, 0, &l->w, 0)) {
        if (!(nl > ns && l->w.len[0] == 1 && match_word(&s->w, 0, &l->w, 1)))
            return COA_RULE_NONE;
        li = 1;
        extra = 1;
    }
    for (int k = 0; k < ns; k++) {
        int m = MATCH_NONE;
        while (li < nl && (m = match_word(&s->w, k, &l->w, li)) == MATCH_NONE) {
            if (k == 0)
                return COA_RULE_NONE;
            li++;
            extra = 1;
        }
        if (li == nl)
            return COA_RULE_NONE;
        initial |= m == MATCH_INITIAL;
        nickname |= m == MATCH_NICKNAME;
        li++;
    }
    extra |= li < nl;
    if (nickname)
        return COA_RULE_NICKNAME;
    if (initial)
        return COA_RULE_INITIALS;
    if (extra)
        return COA_RULE_MIDDLE;
    return COA_RULE_SUFFIX; /* equal given names: only a suffix differs */
}

const char *coa_names_rule_name(coa_name_rule_t r)
{
    switch (r) {
    case COA_RULE_INITIALS: return "initials";
    case COA_RULE_MIDDLE: return "middle name";
    case COA_RULE_NICKNAME: return "nickname";
    case COA_RULE_SPACING: return "spacing";
    case COA_RULE_SUFFIX: return "suffix";
    case COA_RULE_SURNAME_EDIT: return "surname spelling";
    case COA_RULE_DOUBLE_SURNAME: return "double surname";
    case COA_RULE_GIVEN_EDIT: return "given name spelling";
    case COA_RULE_SHORT_GIVEN: return "short given name";
    case COA_RULE_FIRST_DROPPED: return "first name dropped";
    case COA_RULE_NONE:
    case COA_RULE_COUNT: break;
    }
    return "none";
}
