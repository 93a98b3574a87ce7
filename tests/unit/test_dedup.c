/* Unit tests: papers found in several sources are counted once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "coauthor.h"

typedef struct {
    const char *title, *doi;
    int year;
    unsigned flags; /* COA_PAPER_* */
    const char *authors[4];
    int inferred_last; /* the last author is inferred */
} spec_t;

static void add(coa_corpus_t *c, uint32_t source, const spec_t *s)
{
    coa_paper_t *p;
    assert_int_equal(coa_corpus_paper_begin(c, source, 1, &p), COA_OK);
    if (s->title)
        p->title = coa_corpus_intern(c, s->title, strlen(s->title));
    if (s->doi)
        p->doi = coa_corpus_intern(c, s->doi, strlen(s->doi));
    coa_corpus_open_paper(c)->year = (int16_t)s->year;
    coa_corpus_open_paper(c)->flags = (uint8_t)s->flags;
    int n = 0;
    while (n < 4 && s->authors[n])
        n++;
    for (int i = 0; i < n; i++)
        assert_int_equal(coa_corpus_paper_add_author_ex(c, s->authors[i], strlen(s->authors[i]), NULL,
                                                        (s->inferred_last && i == n - 1) ? COA_ADD_INFERRED : 0,
                                                        NULL),
                         COA_OK);
    coa_corpus_paper_end(c);
}

static void setup_two_sources(coa_corpus_t *c, uint32_t *s1, uint32_t *s2)
{
    assert_int_equal(coa_corpus_init(c), COA_OK);
    assert_int_equal(coa_corpus_add_source(c, "a", "test", s1), COA_OK);
    assert_int_equal(coa_corpus_add_source(c, "b", "test", s2), COA_OK);
}

static void test_doi_and_title(void **state)
{
    (void)state;
    coa_corpus_t c;
    uint32_t s1, s2, merged;
    setup_two_sources(&c, &s1, &s2);
    spec_t a = {"Learning to Parse Sentences.", "10.18653/v1/P19-1001", 2019, 0, {"Ivan Titov", "Ann Smith"}, 0};
    spec_t b = {"Learning to parse sentences: a second look", "https://doi.org/10.18653/V1/P19-1001", 2019, 0,
                {"Titov, Ivan", "Bob Jones"}, 0};
    spec_t t1 = {"Graph Neural Networks for \xC3\x9C" "bersetzung", NULL, 2020, 0, {"Ivan Titov"}, 0};
    spec_t t2 = {"graph neural networks for ubersetzung", NULL, 2020, 0, {"Ivan Titov", "Cem Ak"}, 0};
    spec_t other_year = {"graph neural networks for ubersetzung", NULL, 2021, 0, {"Ivan Titov"}, 0};
    spec_t other_first = {"graph neural networks for ubersetzung", NULL, 2020, 0, {"Cem Ak", "Ivan Titov"}, 0};
    spec_t other_doi1 = {"Same Title Two Venues", "10.1/x", 2019, 0, {"Dan Roe"}, 0};
    spec_t other_doi2 = {"Same Title Two Venues", "10.1/y", 2019, 0, {"Dan Roe"}, 0};
    add(&c, s1, &a);
    add(&c, s1, &t1);
    add(&c, s1, &other_doi1);
    add(&c, s2, &b);
    add(&c, s2, &t2);
    add(&c, s2, &other_year);
    add(&c, s2, &other_first);
    add(&c, s2, &other_doi2);
    assert_int_equal(coa_corpus_dedup(&c, &merged), COA_OK);
    assert_int_equal(merged, 2);
    assert_int_equal(c.n_papers, 6);
    assert_int_equal(c.sources[s2].duplicates, 2);
    assert_int_equal(c.sources[s1].duplicates, 0);
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    /* the first copy survives with the union of the authors */
    assert_string_equal(coa_corpus_str(&c, c.papers[0].title), "Learning to Parse Sentences.");
    assert_int_equal(c.papers[0].n_authorships, 3);
    assert_int_equal(c.papers[1].n_authorships, 2);
    for (uint32_t i = 0; i < c.n_authorships; i++)
        assert_true(c.authorships[i].paper < c.n_papers);
    coa_corpus_destroy(&c);
}

static void test_inferred_confirmed_and_truncation(void **state)
{
    (void)state;
    coa_corpus_t c;
    uint32_t s1, s2, merged;
    setup_two_sources(&c, &s1, &s2);
    /* a profile entry cut by "et al." with the owner inferred, then the full list */
    spec_t cut = {"Highly Parallel Entity Linking", NULL, 2021, COA_PAPER_TRUNCATED,
                  {"Nicola De Cao", "Wilker Aziz", "Ivan Titov"}, 1};
    spec_t full = {"Highly parallel entity linking", NULL, 2021, 0,
                   {"De Cao, Nicola", "Aziz, Wilker", "Titov, Ivan", "Extra Person"}, 0};
    add(&c, s1, &cut);
    add(&c, s2, &full);
    assert_int_equal(coa_corpus_dedup(&c, &merged), COA_OK);
    assert_int_equal(merged, 1);
    assert_int_equal(c.n_papers, 1);
    assert_int_equal(c.papers[0].n_authorships, 4);
    assert_false(c.papers[0].flags & COA_PAPER_TRUNCATED);
    for (uint32_t i = 0; i < c.n_authorships; i++) {
        assert_false(c.authorships[i].inferred);
        assert_int_equal(c.authorships[i].position, i); /* the complete copy's order */
    }
    coa_corpus_destroy(&c);
}

typedef struct {
    int warnings;
    char last[400];
    char file[40];
    long line;
} seen_t;

static void count_diag(void *ctx, const coa_diag_t *d)
{
    seen_t *seen = ctx;
    seen->warnings++;
    snprintf(seen->last, sizeof seen->last, "%s", d->message);
    snprintf(seen->file, sizeof seen->file, "%s", d->file ? d->file : "");
    seen->line = d->line;
}

static void add_keyed(coa_corpus_t *c, uint32_t source, uint32_t line, const char *key, const spec_t *s)
{
    add(c, source, s);
    coa_paper_t *p = &c->papers[c->n_papers - 1];
    p->line = line;
    if (key)
        p->key = coa_corpus_intern(c, key, strlen(key));
}

/* A record repeated inside one file (a Google Scholar export concatenated
 * per lab member) is one paper, as it would be across files; inside one
 * file the keys decide: one key is one paper when the titles agree, and
 * two keys are two papers (Beebe's per-issue "Editorial", DBLP's two
 * reports).  A repeated key's second author list adds no spelling
 * variant of an author already listed. */
static void test_repeats_within_one_source(void **state)
{
    (void)state;
    coa_corpus_t c;
    uint32_t bib, dblp, merged;
    seen_t seen = {0, "", "", 0};
    coa_diag_sink_t sink = {count_diag, &seen};
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(coa_corpus_add_source(&c, "scholar.bib", "bibtex", &bib), COA_OK);
    assert_int_equal(coa_corpus_add_source(&c, "dblp.xml", "dblp", &dblp), COA_OK);
    spec_t r1 = {"Convergence Results on Proximal Methods", NULL, 1998, 0, {"Abdelouahed Hamdi"}, 0};
    spec_t d1 = {"One paper listed twice", "10.5/z", 2000, 0, {"Eve Doe"}, 0};
    spec_t b1 = {"Part orientation with one or two stable equilibria.", NULL, 2000, 0,
                 {"B\xc3\xb6hringer, Karl-Friedrich", "Donald, Bruce Randall"}, 0};
    spec_t b2 = {"Part orientation with one or two stable equilibria", NULL, 2000, 0,
                 {"Bohringer, Karl F", "Donald, Bruce Randall"}, 0};
    spec_t e1 = {"Editorial", NULL, 1989, 0, {"David F. Brailsford", "Richard J. Beach"}, 0};
    spec_t k2 = {"Another paper under a reused key", NULL, 2000, 0, {"Eve Doe"}, 0};
    spec_t nokey = {"Convergence Results on Proximal Methods", NULL, 1998, 0, {"Abdelouahed Hamdi"}, 0};
    add_keyed(&c, bib, 1, "bohringer2000part", &b1);
    add_keyed(&c, bib, 9, "bohringer2000part", &b2);   /* one key, titles agree: one paper */
    add_keyed(&c, bib, 20, "d1", &d1);
    add_keyed(&c, bib, 30, "d1", &d1);                 /* one DOI twice: one paper */
    add_keyed(&c, bib, 40, "Brailsford:EPODD-2-1-1", &e1);
    add_keyed(&c, bib, 50, "Brailsford:EPODD-2-2-63", &e1); /* two keys: two editorials */
    add_keyed(&c, bib, 60, "d1", &k2);                 /* one key, another title: apart, warned */
    add_keyed(&c, dblp, 1, "tr/hamdi98a", &r1);
    add_keyed(&c, dblp, 9, "tr/hamdi98b", &r1);        /* two reports in DBLP: kept apart */
    add_keyed(&c, dblp, 20, "tr/hamdi98b", &r1);       /* one DBLP key twice: one */
    add_keyed(&c, dblp, 30, NULL, &nokey);             /* no key: title, year and first author */
    assert_int_equal(coa_corpus_dedup_report(&c, &merged, &sink), COA_OK);
    assert_int_equal(merged, 4);
    assert_int_equal(c.n_papers, 7);
    assert_int_equal(c.sources[bib].duplicates, 2);
    assert_int_equal(c.sources[dblp].duplicates, 2);
    assert_int_equal(seen.warnings, 1);
    assert_int_equal(seen.line, 60);
    assert_non_null(strstr(seen.last, "key 'd1'"));
    assert_non_null(strstr(seen.last, "scholar.bib:20"));
    /* the merged paper lists Karl-Friedrich Boehringer once */
    assert_int_equal(c.papers[0].n_authorships, 2);
    assert_int_equal(c.duplicate_authorships, 1);
    coa_corpus_destroy(&c);
}

/* Two different papers given one DOI (a book review and the article
 * beside it) stay two papers, and the warning names both records. */
static void test_doi_shared_by_different_titles(void **state)
{
    (void)state;
    coa_corpus_t c;
    uint32_t s1, merged;
    seen_t seen = {0, "", "", 0};
    coa_diag_sink_t sink = {count_diag, &seen};
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(coa_corpus_add_source(&c, "refs.bib", "bibtex", &s1), COA_OK);
    spec_t review = {"Book Review: Semantic Relations Between Nominals", "10.1162/coli_r_00001", 2014, 0,
                     {"Frank Schilder"}, 0};
    spec_t article = {"Learning Semantic Relations from Text", "10.1162/COLI_r_00001", 2014, 0,
                      {"Stan Szpakowicz", "Vivi Nastase"}, 0};
    spec_t again = {"Book review: semantic relations between nominals.", "doi:10.1162/coli_r_00001", 2014, 0,
                    {"Frank Schilder"}, 0};
    add_keyed(&c, s1, 3, "review", &review);
    add_keyed(&c, s1, 12, "article", &article);
    add_keyed(&c, s1, 21, "review-again", &again);
    assert_int_equal(coa_corpus_dedup_report(&c, &merged, &sink), COA_OK);
    assert_int_equal(merged, 1); /* the review's second copy only */
    assert_int_equal(c.n_papers, 2);
    assert_int_equal(seen.warnings, 1);
    assert_string_equal(seen.file, "refs.bib");
    assert_int_equal(seen.line, 12);
    assert_non_null(strstr(seen.last, "refs.bib:3"));
    assert_non_null(strstr(seen.last, "10.1162/coli_r_00001"));
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    /* no coauthorship invented between the reviewer and the authors */
    assert_int_equal(c.papers[0].n_authorships, 1);
    assert_int_equal(c.papers[1].n_authorships, 2);
    coa_corpus_destroy(&c);
}

/* ASCII titles take a fast path to their key; it must agree with the
 * Unicode path (case folding, marks stripped, compatibility forms), so a
 * title with accents or full-width letters still meets its ASCII twin. */
static void test_ascii_and_unicode_titles_agree(void **state)
{
    (void)state;
    coa_corpus_t c;
    uint32_t s1, s2, merged;
    setup_two_sources(&c, &s1, &s2);
    spec_t a1 = {"Learning to Parse: a Study, 2nd ed.", NULL, 2010, 0, {"Ana Pires"}, 0};
    spec_t u1 = {"L\xc3\xa9" "arning to PARSE \xe2\x80\x94 a study 2nd Ed", NULL, 2010, 0, {"Ana Pires"}, 0};
    spec_t a2 = {"Graph Kernels for Chemistry", NULL, 2011, 0, {"Bo Li"}, 0};
    spec_t u2 = {"\xef\xbc\xa7raph kernels for chemistry", NULL, 2011, 0, {"Bo Li"}, 0}; /* full-width G */
    spec_t other = {"Learning to Parse: a Study, 3rd ed.", NULL, 2010, 0, {"Ana Pires"}, 0};
    add(&c, s1, &a1);
    add(&c, s2, &u1);
    add(&c, s1, &a2);
    add(&c, s2, &u2);
    add(&c, s2, &other);
    assert_int_equal(coa_corpus_dedup(&c, &merged), COA_OK);
    assert_int_equal(merged, 2);
    assert_int_equal(c.n_papers, 3);
    coa_corpus_destroy(&c);
}

/* The keys a distributed pipeline matches papers on are those dedup uses:
 * two titles or DOIs with equal keys are one paper here too. */
static void test_exported_keys(void **state)
{
    (void)state;
    char *k = NULL;
    assert_int_equal(coa_doi_key("https://doi.org/10.18653/V1/P19-1001.", &k), COA_OK);
    assert_string_equal(k, "10.18653/v1/p19-1001");
    free(k);
    assert_int_equal(coa_doi_key("not a doi", &k), COA_OK);
    assert_null(k);
    assert_int_equal(coa_title_key("Learning to Parse, Again.", &k), COA_OK);
    assert_string_equal(k, "learningtoparseagain");
    free(k);
    assert_int_equal(coa_title_key("Étude des réseaux", &k), COA_OK);
    assert_string_equal(k, "etudedesreseaux");
    free(k);
    /* fewer than COA_TITLE_KEY_MIN letters: too weak to match on */
    assert_int_equal(coa_title_key("A B-C", &k), COA_OK);
    assert_null(k);

    /* equal keys are one paper to coa_corpus_dedup */
    coa_corpus_t c;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    uint32_t s1, s2, merged;
    assert_int_equal(coa_corpus_add_source(&c, "a.bib", "bibtex", &s1), COA_OK);
    assert_int_equal(coa_corpus_add_source(&c, "b.bib", "bibtex", &s2), COA_OK);
    add(&c, s1, &(spec_t){"Étude des réseaux", NULL, 2001, 0, {"Ann Lee", NULL}, 0});
    add(&c, s2, &(spec_t){"ETUDE des Reseaux!", NULL, 2001, 0, {"Lee, Ann", NULL}, 0});
    add(&c, s1, &(spec_t){"Other", "https://doi.org/10.1/X.", 2001, 0, {"Bo Chen", NULL}, 0});
    add(&c, s1, &(spec_t){"Other two", "10.1/x", 2001, 0, {"Bo Chen", NULL}, 0});
    assert_int_equal(coa_corpus_dedup(&c, &merged), COA_OK);
    assert_int_equal(merged, 2);
    coa_corpus_destroy(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_doi_and_title),
        cmocka_unit_test(test_inferred_confirmed_and_truncation),
        cmocka_unit_test(test_repeats_within_one_source),
        cmocka_unit_test(test_doi_shared_by_different_titles),
        cmocka_unit_test(test_ascii_and_unicode_titles_agree),
        cmocka_unit_test(test_exported_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
