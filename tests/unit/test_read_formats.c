/*
 * The other bibutils readers and the Scopus CSV reader, on small inputs:
 * full names over short ones (MEDLINE FAU, WoS AF), record keys (PMID,
 * WoS UT, Scopus EID), Scopus author ids as identifiers, each record at
 * its line, and format detection.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "coauthor.h"

static int read_text(coa_corpus_t *c, const char *name, const char *text)
{
    coa_read_options_t opts;
    coa_read_options_init(&opts);
    return coa_read_buffer(c, name, text, strlen(text), &opts, NULL);
}

static const char *author_of(const coa_corpus_t *c, uint32_t paper, uint32_t k)
{
    const coa_paper_t *p = &c->papers[paper];
    uint32_t a = c->authorships[p->first_authorship + k].author;
    return coa_corpus_str(c, c->authors[a].display);
}

static void test_medline_full_names(void **state)
{
    (void)state;
    const char text[] = "\nPMID- 26524502\nOWN - NLM\nDP  - 2016 Jan 15\n"
                        "TI  - Bioinformatic survey of ABC transporters in\n      dermatophytes.\n"
                        "FAU - Gadzalski, Marek\nAU  - Gadzalski M\nFAU - Ciesielska, Anita\nAU  - Ciesielska A\n"
                        "PT  - Journal Article\nTA  - Gene\nJT  - Gene\n\n"
                        "PMID- 25802386\nDP  - 2015 Mar\nTI  - Second.\nFAU - Hu, Ting-Ting\nAU  - Hu TT\n"
                        "PT  - Journal Article\nJT  - Biological research for nursing\n";
    coa_corpus_t c;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_text(&c, "t.medline", text), COA_OK);
    assert_string_equal(coa_corpus_str(&c, c.sources[0].format), "medline");
    assert_int_equal(c.n_papers, 2);
    assert_int_equal(c.papers[0].line, 2);
    assert_int_equal(c.papers[1].line, 15);
    assert_int_equal(c.papers[0].year, 2016);
    assert_int_equal(c.papers[0].n_authorships, 2);
    assert_string_equal(coa_corpus_str(&c, c.papers[0].key), "26524502");
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    assert_string_equal(author_of(&c, 0, 0), "Marek Gadzalski");
    assert_string_equal(author_of(&c, 1, 0), "Ting-Ting Hu");
    coa_corpus_destroy(&c);
}

static void test_isi_keys_and_names(void **state)
{
    (void)state;
    const char text[] = "FN Clarivate Analytics Web of Science\nVR 1.0\n"
                        "PT J\nAU Pillon, F\n   Gilles, H\nAF Pillon, Florence\n   Gilles, Herve\n"
                        "TI Experimental observation\nSO OPTICS LETTERS\nPY 2004\nUT WOS:000221393400012\nER\n\n"
                        "PT J\nAU Gilles, H\nAF Gilles, Herve\nTI Another\nSO OPTICS LETTERS\nPY 2002\n"
                        "UT WOS:000175000000001\nER\n\nEF\n";
    coa_corpus_t c;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_text(&c, "t.txt", text), COA_OK);
    assert_string_equal(coa_corpus_str(&c, c.sources[0].format), "isi");
    assert_int_equal(c.n_papers, 2);
    assert_int_equal(c.papers[0].line, 3);
    assert_int_equal(c.papers[1].line, 14);
    assert_string_equal(coa_corpus_str(&c, c.papers[0].key), "WOS:000221393400012");
    assert_string_equal(coa_corpus_str(&c, c.papers[0].venue), "OPTICS LETTERS");
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    assert_string_equal(author_of(&c, 0, 0), "Florence Pillon");
    assert_string_equal(author_of(&c, 0, 1), "Herve Gilles");
    assert_int_equal(c.papers[1].n_authorships, 1);
    coa_corpus_destroy(&c);
}

static void test_scopus_ids(void **state)
{
    (void)state;
    const char text[] = "\xEF\xBB\xBF"
                        "Authors,Author full names,Author(s) ID,Title,Year,Source title,DOI,Link,EID\n"
                        "\"Yagai T., Kimura Y.\",\"Yagai, Tsuyoshi (57188801000); Kimura, Yuki (7402626263)\","
                        "\"57188801000;7402626263;\",\"Strain, in \"\"coils\"\"\",2016,\"IEEE TAS\",10.1/x,\"l\",2-s2.0-1\n"
                        "\"Kimura Y., Harrell Jr. F.E.\",,\"7402626263;7005297830;\",\"Two\nlines\",2017,C,,,2-s2.0-2\n";
    coa_corpus_t c;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_text(&c, "t.csv", text), COA_OK);
    assert_string_equal(coa_corpus_str(&c, c.sources[0].format), "scopus");
    assert_int_equal(c.n_papers, 2);
    assert_int_equal(c.papers[1].line, 3);
    assert_string_equal(coa_corpus_str(&c, c.papers[0].title), "Strain, in \"coils\"");
    assert_string_equal(coa_corpus_str(&c, c.papers[1].title), "Two lines");
    assert_string_equal(coa_corpus_str(&c, c.papers[0].key), "2-s2.0-1");
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    assert_string_equal(author_of(&c, 0, 0), "Tsuyoshi Yagai");
    assert_string_equal(author_of(&c, 1, 1), "F.E. Harrell Jr.");
    /* one Scopus id, one author, whatever the spelling */
    uint32_t a0 = c.authorships[c.papers[0].first_authorship + 1].author;
    uint32_t a1 = c.authorships[c.papers[1].first_authorship].author;
    assert_int_equal(coa_corpus_author_root(&c, a0), coa_corpus_author_root(&c, a1));
    assert_string_equal(coa_corpus_str(&c, c.authors[a0].id), "scopus:7402626263");
    coa_corpus_destroy(&c);
}

static void test_detection(void **state)
{
    (void)state;
    struct {
        const char *text, *format;
    } cases[] = {
        {"TY  - JOUR\nAU  - Titov, Ivan\nTI  - X\nER  - \n", "ris"},
        {"%0 Journal Article\n%A Titov, Ivan\n%T X\n", "endnote"},
        {"PMID- 1\nTI  - X\nFAU - A, B\n", "medline"},
        {"FN Thomson Reuters Web of Science\nVR 1.0\nPT J\nAU A, B\n", "isi"},
        {"\xEF\xBB\xBF" "Authors,Title,Year,Source title,Link,EID\n", "scopus"},
        {"<?xml version=\"1.0\"?>\n<modsCollection xmlns=\"http://www.loc.gov/mods/v3\">\n", "mods"},
        {"<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n<PubmedArticle>\n", "pubmed-xml"},
        {"<?xml version=\"1.0\"?><xml><records><record><ref-type>17</ref-type>", "endnote-xml"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = coa_detect_format(NULL, (const unsigned char *)cases[i].text, strlen(cases[i].text));
        if (!got || strcmp(got, cases[i].format) != 0)
            fail_msg("case %zu: want %s, got %s", i, cases[i].format, got ? got : "(none)");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_medline_full_names),
        cmocka_unit_test(test_isi_keys_and_names),
        cmocka_unit_test(test_scopus_ids),
        cmocka_unit_test(test_detection),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
