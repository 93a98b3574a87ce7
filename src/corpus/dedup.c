/*
 * One paper, counted once: papers read from several sources (or twice
 * from one) are merged before the corpus is finalised.
 *
 * Two papers are one when their DOIs are equal (case-insensitive, any
 * resolver prefix dropped) and so are their titles, or when their
 * normalised titles and years are equal and so are their first authors'
 * match keys (a paper without a year, or with one assumed, matches only
 * another such).  A normalised title keeps only letters and digits,
 * case-folded and without accents, so "Learning to Parse." and "Learning
 * to parse" agree; titles shorter than a few letters are too weak to
 * match on.  Matches are transitive (union-find), but two papers with
 * different DOIs are never one by their titles.  The first paper read
 * survives, so paper ids stay in reading order.
 *
 * Records repeated inside one file are merged too (a Google Scholar
 * export concatenated per lab member repeats the papers the members share;
 * a WoS export pasted twice repeats all), but inside one file the record
 * keys decide: two records with one key (BibTeX key, WoS UT, PMID, DBLP
 * key) are one paper when their titles agree, and two records with
 * different keys are two, whatever their titles (Beebe's bibliographies
 * list each issue's "Editorial" by the same editors, and DBLP two
 * technical reports of one title, author and year under two report
 * numbers).  Title, year and first author unite two records of one file
 * only when one of them has no key.
 *
 * A DOI is a strong key but not a perfect one: publishers and
 * aggregators give the same DOI to different papers (a book review and
 * the article beside it).  Two papers with one DOI whose titles disagree
 * (neither title's key starts the other's) stay apart, with a warning that
 * names both records.
 *
 * The survivor takes the author list of its most complete copy (not
 * truncated, most stated authors), then any author the other copies add;
 * an authorship inferred in one copy and stated in another is stated.
 * Empty fields (DOI, venue, year, title) are filled from the other copies.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "coauthor/corpus.h"
#include "corpus/internal.h"

#define MIN_TITLE_KEY COA_TITLE_KEY_MIN /* letters and digits */

typedef struct {
    char *key;
    uint32_t paper;
} keyed_t;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed_t *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->paper > y->paper) - (x->paper < y->paper);
}

static uint32_t find(uint32_t *parent, uint32_t p)
{
    while (parent[p] != p) {
        parent[p] = parent[parent[p]];
        p = parent[p];
    }
    return p;
}

static void unite(uint32_t *parent, uint32_t a, uint32_t b)
{
    a = find(parent, a);
    b = find(parent, b);
    if (a < b)
        parent[b] = a;
    else if (b < a)
        parent[a] = b;
}

/* "https://doi.org/10.1/ABC" -> "10.1/abc"; NULL when it is not a DOI. */
static char *doi_key(const char *doi)
{
    const char *s = strstr(doi, "10.");
    if (!s)
        return NULL;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '.' || s[n - 1] == '/'))
        n--;
    char *k = malloc(n + 1);
    if (!k)
        return NULL;
    for (size_t i = 0; i < n; i++)
        k[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] - 'A' + 'a') : s[i];
    k[n] = '\0';
    return k;
}

/* Letters and digits of the title, case-folded, marks stripped. */
static int title_key(const char *title, char **out, size_t *letters)
{
    utf8proc_uint8_t *mapped = NULL;
    *out = NULL;
    *letters = 0;
    /* ASCII (most titles): the same key without the Unicode machinery, which
     * was a fifth of reading DBLP.  Case folding maps A-Z to a-z, and the
     * only ASCII letters and digits are [A-Za-z0-9]. */
    size_t len = strlen(title), ascii = 0;
    while (ascii < len && !((unsigned char)title[ascii] & 0x80))
        ascii++;
    if (ascii == len) {
        char *k = malloc(len + 1);
        if (!k)
            return COA_ENOMEM;
        size_t w = 0;
        for (size_t j = 0; j < len; j++) {
            char ch = title[j];
            if (ch >= 'A' && ch <= 'Z')
                k[w++] = (char)(ch - 'A' + 'a');
            else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
                k[w++] = ch;
        }
        k[w] = '\0';
        *letters = w;
        *out = k;
        return COA_OK;
    }
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)title, (utf8proc_ssize_t)strlen(title), &mapped,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                          UTF8PROC_STRIPMARK | UTF8PROC_IGNORE | UTF8PROC_STRIPCC);
    if (n < 0)
        return n == UTF8PROC_ERROR_NOMEM ? COA_ENOMEM : COA_OK; /* invalid UTF-8: no key */
    char *k = malloc((size_t)n + 1);
    if (!k) {
        free(mapped);
        return COA_ENOMEM;
    }
    size_t w = 0;
    for (utf8proc_ssize_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t step = utf8proc_iterate(mapped + i, n - i, &cp);
        if (step <= 0)
            break;
        utf8proc_category_t cat = utf8proc_category(cp);
        if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
            (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO)) {
            memcpy(k + w, mapped + i, (size_t)step);
            w += (size_t)step;
            (*letters)++;
        }
        i += step;
    }
    k[w] = '\0';
    free(mapped);
    *out = k;
    return COA_OK;
}

int coa_doi_key(const char *doi, char **key)
{
    *key = NULL;
    if (!strstr(doi, "10."))
        return COA_OK;
    return (*key = doi_key(doi)) ? COA_OK : COA_ENOMEM;
}

int coa_title_key(const char *title, char **key)
{
    size_t letters;
    int err = title_key(title, key, &letters);
    if (!err && *key && letters < MIN_TITLE_KEY) {
        free(*key);
        *key = NULL;
    }
    return err;
}

/* The copy whose author list leads: complete before truncated, then the
 * most stated authors, then the first read. */
static int better_copy(const coa_corpus_t *c, uint32_t p, uint32_t q)
{
    const coa_paper_t *a = &c->papers[p], *b = &c->papers[q];
    int at = (a->flags & COA_PAPER_TRUNCATED) != 0, bt = (b->flags & COA_PAPER_TRUNCATED) != 0;
    if (at != bt)
        return at < bt;
    uint32_t as = 0, bs = 0;
    for (uint32_t i = 0; i < a->n_authorships; i++)
        as += !c->authorships[a->first_authorship + i].inferred;
    for (uint32_t i = 0; i < b->n_authorships; i++)
        bs += !c->authorships[b->first_authorship + i].inferred;
    if (as != bs)
        return as > bs;
    return p < q;
}

/* Fills the DOI keys, the record keys (source and key), each paper's
 * title key (tkey, by paper; NULL when too weak) and the title+year+first
 * author keys. */
static int collect_keys(coa_corpus_t *c, keyed_t *dois, uint32_t *n_dois, keyed_t *rkeys, uint32_t *n_rkeys,
                        keyed_t *titles, uint32_t *n_titles, char **tkey)
{
    *n_dois = *n_rkeys = *n_titles = 0;
    for (uint32_t p = 0; p < c->n_papers; p++) {
        const coa_paper_t *paper = &c->papers[p];
        if (paper->doi) {
            char *k = doi_key(coa_corpus_str(c, paper->doi));
            if (k)
                dois[(*n_dois)++] = (keyed_t){k, p};
        }
        if (paper->key) {
            const char *key = coa_corpus_str(c, paper->key);
            size_t n = strlen(key) + 16;
            char *k = malloc(n);
            if (!k)
                return COA_ENOMEM;
            snprintf(k, n, "%u\x1f%s", paper->source, key);
            rkeys[(*n_rkeys)++] = (keyed_t){k, p};
        }
        if (!paper->title)
            continue;
        char *tk;
        size_t letters;
        int err = title_key(coa_corpus_str(c, paper->title), &tk, &letters);
        if (err)
            return err;
        if (!tk)
            continue;
        if (letters < MIN_TITLE_KEY) {
            free(tk);
            continue;
        }
        tkey[p] = tk;
        /* the first stated author's match key, or none */
        const char *first = "";
        for (uint32_t i = 0; i < paper->n_authorships; i++) {
            const coa_authorship_t *s = &c->authorships[paper->first_authorship + i];
            if (!s->inferred) {
                first = coa_corpus_str(c, c->authors[coa_corpus_author_root(c, s->author)].key);
                break;
            }
        }
        size_t n = strlen(tk) + strlen(first) + 16;
        char *k = malloc(n);
        if (!k)
            return COA_ENOMEM;
        /* an unknown or assumed year matches only another such */
        int year = (paper->flags & COA_PAPER_YEAR_ASSUMED) ? 0 : paper->year;
        snprintf(k, n, "%s\x1f%d\x1f%s", tk, year, first);
        titles[(*n_titles)++] = (keyed_t){k, p};
    }
    return COA_OK;
}

/* Two title keys name one paper when one starts the other (a subtitle
 * dropped by one copy); a missing key agrees with anything. */
static int titles_agree(const char *a, const char *b)
{
    if (!a || !b)
        return 1;
    size_t na = strlen(a), nb = strlen(b);
    return strncmp(a, b, na < nb ? na : nb) == 0;
}

static const char *source_path(const coa_corpus_t *c, uint32_t p)
{
    uint32_t s = c->papers[p].source;
    return s < c->n_sources ? coa_corpus_str(c, c->sources[s].path) : "";
}

/* Unites papers with equal keys (DOIs, or a source's record keys) whose
 * titles agree; a paper whose title agrees with none of the earlier papers
 * of its key stays apart, and the conflict is reported with both records'
 * places. */
static uint32_t unite_keyed(const coa_corpus_t *c, keyed_t *keys, uint32_t n, uint32_t *parent, char *const *tkey,
                            const coa_diag_sink_t *sink, int is_doi)
{
    uint32_t conflicts = 0;
    qsort(keys, n, sizeof *keys, cmp_keyed);
    for (uint32_t i = 0; i < n;) {
        uint32_t end = i + 1;
        while (end < n && strcmp(keys[end].key, keys[i].key) == 0)
            end++;
        for (uint32_t j = i + 1; j < end; j++) {
            uint32_t b = keys[j].paper, k;
            for (k = i; k < j; k++)
                if (titles_agree(tkey[keys[k].paper], tkey[b]))
                    break;
            if (k < j) {
                unite(parent, keys[k].paper, b);
                continue;
            }
            uint32_t a = keys[i].paper;
            conflicts++;
            const char *what = is_doi ? keys[j].key : coa_corpus_str(c, c->papers[b].key);
            coa_diag(sink, COA_DIAG_WARNING, source_path(c, b), c->papers[b].line,
                     "%s '%s' is also given at %s:%u to a paper with another title ('%.60s' and '%.60s'); "
                     "kept as two papers",
                     is_doi ? "DOI" : "key", what, source_path(c, a), c->papers[a].line,
                     coa_corpus_str(c, c->papers[a].title), coa_corpus_str(c, c->papers[b].title));
        }
        i = end;
    }
    return conflicts;
}

/* Unites papers with equal title keys, but never two papers whose DOIs
 * differ (two publications, such as one paper printed in two workshops)
 * nor two records of one source with different keys. */
static void unite_titles(const coa_corpus_t *c, keyed_t *keys, uint32_t n, uint32_t *parent, char *const *doi)
{
    qsort(keys, n, sizeof *keys, cmp_keyed);
    for (uint32_t i = 1; i < n; i++) {
        uint32_t j = i;
        while (j > 0 && strcmp(keys[i].key, keys[j - 1].key) == 0) {
            uint32_t a = keys[j - 1].paper, b = keys[i].paper;
            const coa_paper_t *pa = &c->papers[a], *pb = &c->papers[b];
            j--;
            if (doi[a] && doi[b] && strcmp(doi[a], doi[b]) != 0)
                continue;
            if (pa->source == pb->source && pa->key && pb->key &&
                strcmp(coa_corpus_str(c, pa->key), coa_corpus_str(c, pb->key)) != 0)
                continue;
            unite(parent, a, b);
            break;
        }
    }
}

static void fill(coa_str_t *dst, coa_str_t src)
{
    if (!*dst)
        *dst = src;
}

/* The last word of a match key ("karl f bohringer" -> "bohringer"). */
static const char *last_word(const char *key, size_t *len)
{
    const char *sp = strrchr(key, ' ');
    const char *w = sp ? sp + 1 : key;
    *len = strlen(w);
    return w;
}

/* True when two match keys are likely one person's spellings: the same
 * family name (last word) and the same first letter ("karl f bohringer"
 * and "karl friedrich bohringer"). */
static int same_person_likely(const char *a, const char *b)
{
    size_t na, nb;
    const char *wa = last_word(a, &na), *wb = last_word(b, &nb);
    return na && na == nb && memcmp(wa, wb, na) == 0 && wa != a && wb != b && a[0] == b[0];
}

/* Adds one copy's fields and authors to the merged paper 'np', whose
 * authorships are out[first..*w).  An author of a later copy whose name is
 * likely another spelling of one already listed (the same family name and
 * first initial: "Bohringer, Karl F" beside "B{\"o}hringer,
 * Karl-Friedrich") is that author listed twice, not a coauthor: it is
 * counted in c->duplicate_authorships and not added. */
static void add_copy(coa_corpus_t *c, uint32_t q, coa_paper_t *merged, coa_authorship_t *out, uint32_t first,
                     uint32_t lead_end, uint32_t *w, uint32_t np, int *truncated)
{
    const coa_paper_t *copy = &c->papers[q];
    if (!(copy->flags & COA_PAPER_TRUNCATED))
        *truncated = 0;
    fill(&merged->title, copy->title);
    fill(&merged->venue, copy->venue);
    fill(&merged->doi, copy->doi);
    fill(&merged->category, copy->category);
    fill(&merged->key, copy->key);
    int assumed = (merged->flags & COA_PAPER_YEAR_ASSUMED) != 0;
    if (copy->year && !(copy->flags & COA_PAPER_YEAR_ASSUMED) && (!merged->year || assumed)) {
        merged->year = copy->year;
        merged->flags &= (uint8_t)~COA_PAPER_YEAR_ASSUMED;
    }
    for (uint32_t i = 0; i < copy->n_authorships; i++) {
        coa_authorship_t s = c->authorships[copy->first_authorship + i];
        uint32_t root = coa_corpus_author_root(c, s.author);
        if (c->authors[root].last_paper == np) {
            /* already listed: a stated copy confirms an inferred one */
            if (!s.inferred)
                for (uint32_t k = first; k < *w; k++)
                    if (coa_corpus_author_root(c, out[k].author) == root)
                        out[k].inferred = 0;
            continue;
        }
        if (lead_end > first) { /* a later copy: compare with the leading copy's authors */
            const char *key = coa_corpus_str(c, c->authors[root].key);
            uint32_t k;
            for (k = first; k < lead_end; k++)
                if (same_person_likely(coa_corpus_str(c, c->authors[coa_corpus_author_root(c, out[k].author)].key),
                                       key))
                    break;
            if (k < lead_end) {
                c->duplicate_authorships++;
                continue;
            }
        }
        c->authors[root].last_paper = np;
        s.paper = np;
        s.position = *w - first;
        out[(*w)++] = s;
    }
}

int coa_corpus_dedup(coa_corpus_t *c, uint32_t *merged)
{
    return coa_corpus_dedup_report(c, merged, NULL);
}

/* Links the members of each set of copies in reading order (next, tail)
 * and chooses the copy whose author list leads (lead, by root); returns
 * how many copies are not roots. */
static uint32_t link_sets(const coa_corpus_t *c, uint32_t *parent, uint32_t *lead, uint32_t *next, uint32_t *tail)
{
    uint32_t dups = 0;
    for (uint32_t p = 0; p < c->n_papers; p++) {
        uint32_t r = find(parent, p);
        next[p] = COA_NONE;
        if (r == p) {
            lead[p] = p;
            tail[p] = p;
        } else {
            dups++;
            next[tail[r]] = p;
            tail[r] = p;
            if (better_copy(c, p, lead[r]))
                lead[r] = p;
        }
    }
    return dups;
}

/* Rebuilds the papers and authorships with one paper a set of copies. */
static int rebuild(coa_corpus_t *c, uint32_t *parent, const uint32_t *lead, const uint32_t *next, uint32_t dups)
{
    /* rebuild papers and authorships: each survivor's authorships stay
     * contiguous, its leading copy's first */
    uint32_t n = c->n_papers;
    coa_authorship_t *out = malloc((c->n_authorships ? c->n_authorships : 1) * sizeof *out);
    coa_paper_t *papers = malloc(n * sizeof *papers);
    if (!out || !papers) {
        free(out);
        free(papers);
        return COA_ENOMEM;
    }
    for (uint32_t a = 0; a < c->n_authors; a++)
        c->authors[a].last_paper = COA_NONE;
    uint32_t np = 0, w = 0;
    for (uint32_t p = 0; p < n; p++) {
        if (find(parent, p) != p) {
            c->sources[c->papers[p].source].duplicates++;
            continue;
        }
        coa_paper_t merged_paper = c->papers[p];
        uint32_t first = w;
        int truncated = 1;
        /* the leading copy, then the others in reading order */
        add_copy(c, lead[p], &merged_paper, out, first, first, &w, np, &truncated);
        uint32_t lead_end = w;
        for (uint32_t q = p; q != COA_NONE; q = next[q])
            if (q != lead[p])
                add_copy(c, q, &merged_paper, out, first, lead_end, &w, np, &truncated);
        if (truncated)
            merged_paper.flags |= COA_PAPER_TRUNCATED;
        else
            merged_paper.flags &= (uint8_t)~COA_PAPER_TRUNCATED;
        merged_paper.first_authorship = first;
        merged_paper.n_authorships = w - first;
        papers[np++] = merged_paper;
    }
    memcpy(c->papers, papers, np * sizeof *papers);
    memcpy(c->authorships, out, w * sizeof *out);
    c->n_papers = np;
    c->n_authorships = w;
    c->duplicate_papers += dups;
    c->dedup_papers = np;
    c->dedup_merges = c->n_merges;
    for (uint32_t a = 0; a < c->n_authors; a++)
        c->authors[a].last_paper = COA_NONE;
    free(papers);
    free(out);
    return COA_OK;
}

int coa_corpus_dedup_report(coa_corpus_t *c, uint32_t *merged, const coa_diag_sink_t *sink)
{
    int err = COA_OK;
    uint32_t n = c->n_papers, n_dois = 0, n_titles = 0;
    if (merged)
        *merged = 0;
    if (n < 2 || (n == c->dedup_papers && c->n_merges == c->dedup_merges))
        return COA_OK;
    coa_corpus_paper_abort(c);
    uint32_t *parent = malloc(n * sizeof *parent);
    uint32_t *lead = malloc(n * sizeof *lead);       /* by root: the copy whose list leads */
    uint32_t *next = malloc(n * sizeof *next);       /* members of a set, linked in order */
    uint32_t *tail = malloc(n * sizeof *tail);
    keyed_t *dois = malloc(n * sizeof *dois), *titles = malloc(n * sizeof *titles);
    char **doi_by_paper = malloc(n * sizeof *doi_by_paper);
    char **tkey = calloc(n, sizeof *tkey);
    keyed_t *rkeys = malloc(n * sizeof *rkeys);
    uint32_t n_rkeys = 0;
    if (!parent || !lead || !next || !tail || !dois || !titles || !doi_by_paper || !tkey || !rkeys) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    for (uint32_t p = 0; p < n; p++)
        parent[p] = p;
    if ((err = collect_keys(c, dois, &n_dois, rkeys, &n_rkeys, titles, &n_titles, tkey)))
        goto cleanup;
    for (uint32_t p = 0; p < n; p++)
        doi_by_paper[p] = NULL;
    for (uint32_t i = 0; i < n_dois; i++)
        doi_by_paper[dois[i].paper] = dois[i].key;
    unite_keyed(c, dois, n_dois, parent, tkey, sink, 1);
    unite_keyed(c, rkeys, n_rkeys, parent, tkey, sink, 0);
    unite_titles(c, titles, n_titles, parent, doi_by_paper);

    uint32_t dups = link_sets(c, parent, lead, next, tail);
    if (merged)
        *merged = dups;
    if (!dups) {
        c->dedup_papers = n;
        c->dedup_merges = c->n_merges;
        goto cleanup;
    }

    err = rebuild(c, parent, lead, next, dups);
cleanup:
    for (uint32_t i = 0; dois && i < n_dois; i++)
        free(dois[i].key);
    for (uint32_t i = 0; titles && i < n_titles; i++)
        free(titles[i].key);
    for (uint32_t i = 0; tkey && i < n; i++)
        free(tkey[i]);
    free(tkey);
    for (uint32_t i = 0; rkeys && i < n_rkeys; i++)
        free(rkeys[i].key);
    COA_FREE(rkeys, doi_by_paper, titles, dois, tail, next, lead, parent);
    return err;
}
