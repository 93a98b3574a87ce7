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
        /* the JSON family: each shape to its own reader */
        {"[\n\t{\n\t\t\"id\": \"http://zotero.org/users/local/x/items/A\",\n\t\t\"type\": \"article-journal\",\n"
         "\t\t\"author\": [{\"family\": \"A\", \"given\": \"B\"}]}]\n", "csl-json"},
        {"[{\"id\": \"x\", \"type\": \"webpage\", \"title\": \"No author\"}]", "csl-json"},
        /* Crossref's works are CSL-like, but carry Crossref's own keys */
        {"[{\"DOI\": \"10.1/x\", \"type\": \"book\", \"reference-count\": 3, \"member\": \"78\", "
         "\"author\": [{\"family\": \"A\"}]}]", "jsonl"},
        {"{\"meta\": {\"count\": 1}, \"results\": [{\"id\": \"https://openalex.org/W1\", \"authorships\": []}]}",
         "jsonl"},
        {"[{\"paperId\": \"1\", \"authors\": [{\"authorId\": \"2\", \"name\": \"A B\"}]}]", "jsonl"},
        {"{\"last-modified-date\":{\"value\":1},\"group\":[{\"work-summary\":[{\"put-code\":1}]}],"
         "\"path\":\"/0000-0002-1825-0097/works\"}", "orcid"},
        {"{\"orcid-identifier\": {\"path\": \"0000-0002-1825-0097\"}, \"activities-summary\": {}}", "orcid"},
        {"{\"bulk\": [{\"work\": {\"put-code\": 1, \"contributors\": {}}}]}", "orcid"},
        {"<?xml version=\"1.0\"?>\n<activities:works xmlns:activities=\"http://www.orcid.org/ns/activities\">", "orcid-xml"},
        {"<?xml version=\"1.0\"?>\n<bulk:bulk xmlns:bulk=\"http://www.orcid.org/ns/bulk\">", "orcid-xml"},
        {"<?xml version=\"1.0\"?>\n<dblpperson name=\"Di Xu 0001\" pid=\"95/7448-1\" n=\"8\">\n<person key=\"homepages/95/7448-1\">",
         "dblp"},
        {"<?xml version=\"1.0\"?>\n<dblp>\n<article key=\"a/b\" mdate=\"2020-01-01\">", "dblp"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = coa_detect_format(NULL, (const unsigned char *)cases[i].text, strlen(cases[i].text));
        if (!got || strcmp(got, cases[i].format) != 0)
            fail_msg("case %zu: want %s, got %s", i, cases[i].format, got ? got : "(none)");
    }
}

static void test_format_names(void **state)
{
    (void)state;
    /* the names people type, in any case and spelling */
    static const char *const typed[][2] = {
        {"wos", "isi"},           {"Web of Science", "isi"},   {"webofscience", "isi"}, {"pubmed", "medline"},
        {"NBIB", "medline"},      {"json", "jsonl"},           {"openalex", "jsonl"},   {"csljson", "csl-json"},
        {"CSL-JSON", "csl-json"}, {"csl_json", "csl-json"},    {"orcid", "orcid"},      {"bib", "bibtex"},
        {"BibTeX", "bibtex"},     {"endnote", "endnote"},      {"dblp", "dblp"},        {"ris", "ris"},
        {"scopus", "scopus"},     {"medline", "medline"},
    };
    for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++) {
        const char *got = coa_format_lookup(typed[i][0]);
        if (!got || strcmp(got, typed[i][1]) != 0)
            fail_msg("'%s': want %s, got %s", typed[i][0], typed[i][1], got ? got : "(none)");
    }
    assert_null(coa_format_lookup("bibtx"));
    assert_null(coa_format_lookup(""));
    assert_null(coa_format_lookup("-"));
    /* every alias names a reader that exists */
    for (const char *const *f = coa_format_names(); *f; f++) {
        const char *aliases[32];
        size_t n = coa_format_aliases(*f, aliases, 32);
        assert_true(n <= 32);
        for (size_t k = 0; k < n; k++)
            assert_string_equal(coa_format_lookup(aliases[k]), *f);
        assert_non_null(coa_format_typical(*f));
    }
    const char *near[3];
    assert_int_equal(coa_format_suggest("bibtx", near, 3), 1);
    assert_string_equal(near[0], "bibtex");
    assert_int_equal(coa_format_suggest("pubmd", near, 3), 1);
    assert_string_equal(near[0], "pubmed");
    assert_int_equal(coa_format_suggest("zzzzzzzzzz", near, 3), 0);
    assert_true(coa_format_suggest("orc", near, 3) >= 1);
    assert_string_equal(near[0], "orcid");
}

/* OpenAlex: the printed name is the author; a slot whose entity is another
 * person's keeps its printed name, without the entity's identifier, and is
 * recorded as a misattribution. */
static void test_openalex_raw_names(void **state)
{
    (void)state;
    const char text[] =
        "{\"meta\": {\"count\": 2}, \"results\": [\n"
        "{\"id\": \"https://openalex.org/W1\", \"title\": \"One\", \"publication_year\": 2020, \"authorships\": [\n"
        " {\"author\": {\"id\": \"https://openalex.org/A1\", \"display_name\": \"K. Cohen\"}, "
        "\"raw_author_name\": \"G D Marijn Veerman\"},\n"
        " {\"author\": {\"id\": \"https://openalex.org/A2\", \"display_name\": \"Fernando Muro\", "
        "\"orcid\": \"https://orcid.org/0000-0001-8457-9889\"}, \"raw_author_name\": \"Muro Jim\u00e9nez, Fernando\"}]},\n"
        "{\"id\": \"https://openalex.org/W2\", \"title\": \"Two\", \"authorships\": [\n"
        " {\"author\": {\"id\": \"https://openalex.org/A1\", \"display_name\": \"K. Cohen\"}, \"raw_author_name\": \"K. Cohen\"},\n"
        " {\"author\": {\"id\": \"https://openalex.org/A2\", \"display_name\": \"Fernando Muro\"}, \"raw_author_name\": \"F. Muro\"}]}\n"
        "]}\n";
    coa_corpus_t c;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_text(&c, "works.json", text), COA_OK);
    assert_string_equal(coa_corpus_str(&c, c.sources[0].format), "jsonl");
    assert_int_equal(c.sources[0].records, 2);
    assert_int_equal(c.n_misattributions, 1);
    assert_string_equal(coa_corpus_str(&c, c.misattributions[0].printed), "G D Marijn Veerman");
    assert_string_equal(coa_corpus_str(&c, c.misattributions[0].entity), "K. Cohen");
    assert_string_equal(coa_corpus_str(&c, c.misattributions[0].entity_id), "openalex:A1");
    assert_string_equal(coa_corpus_str(&c, c.misattributions[0].work), "https://openalex.org/W1");
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    assert_string_equal(author_of(&c, 0, 0), "G D Marijn Veerman");
    /* Veerman is not K. Cohen: he has no identifier, and K. Cohen is apart */
    uint32_t veerman = c.authorships[c.papers[0].first_authorship].author;
    uint32_t cohen = c.authorships[c.papers[1].first_authorship].author;
    assert_int_not_equal(coa_corpus_author_root(&c, veerman), coa_corpus_author_root(&c, cohen));
    assert_int_equal(c.authors[veerman].id, COA_NOSTR);
    /* the two spellings of Muro are one author, through the identifiers */
    uint32_t muro0 = c.authorships[c.papers[0].first_authorship + 1].author;
    uint32_t muro1 = c.authorships[c.papers[1].first_authorship + 1].author;
    assert_int_equal(coa_corpus_author_root(&c, muro0), coa_corpus_author_root(&c, muro1));
    assert_string_equal(coa_corpus_str(&c, c.authors[muro0].id), "orcid:0000-0001-8457-9889");
    coa_corpus_destroy(&c);
}

/* ORCID: a /works summary's groups are papers, each with the owner,
 * inferred, identified by the owner's iD. */
static void test_orcid_summary(void **state)
{
    (void)state;
    const char text[] =
        "{\"group\": [\n"
        " {\"external-ids\": {\"external-id\": [{\"external-id-type\": \"doi\", \"external-id-value\": \"10.1/a\", "
        "\"external-id-relationship\": \"self\"}]},\n"
        "  \"work-summary\": [{\"put-code\": 1, \"title\": {\"title\": {\"value\": \"A\"}}, \"display-index\": \"0\", "
        "\"path\": \"/0000-0002-1825-0097/work/1\", \"publication-date\": {\"year\": {\"value\": \"2019\"}}},\n"
        "   {\"put-code\": 2, \"title\": {\"title\": {\"value\": \"A, preferred\"}}, \"display-index\": \"1\", "
        "\"source\": {\"source-orcid\": {\"path\": \"0000-0002-1825-0097\"}, \"source-name\": {\"value\": \"Josiah Carberry\"}}, "
        "\"path\": \"/0000-0002-1825-0097/work/2\"}]},\n"
        " {\"work-summary\": [{\"put-code\": 3, \"title\": {\"title\": {\"value\": \"B\"}}}]}],\n"
        " \"path\": \"/0000-0002-1825-0097/works\"}\n";
    coa_corpus_t c;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_text(&c, "works.json", text), COA_OK);
    assert_string_equal(coa_corpus_str(&c, c.sources[0].format), "orcid");
    assert_string_equal(coa_corpus_str(&c, c.sources[0].owner), "Josiah Carberry");
    assert_int_equal(c.n_papers, 2);
    assert_string_equal(coa_corpus_str(&c, c.papers[0].title), "A, preferred");
    assert_string_equal(coa_corpus_str(&c, c.papers[0].doi), "10.1/a");
    assert_int_equal(c.papers[0].year, 0); /* the preferred summary has no date */
    assert_int_equal(c.sources[0].inferred, 2);
    for (uint32_t p = 0; p < 2; p++) {
        const coa_authorship_t *s = &c.authorships[c.papers[p].first_authorship];
        assert_int_equal(c.papers[p].n_authorships, 1);
        assert_int_equal(s->inferred, 1);
        assert_string_equal(coa_corpus_str(&c, c.authors[s->author].id), "orcid:0000-0002-1825-0097");
    }
    coa_corpus_destroy(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_medline_full_names),
        cmocka_unit_test(test_isi_keys_and_names),
        cmocka_unit_test(test_scopus_ids),
        cmocka_unit_test(test_detection),
        cmocka_unit_test(test_format_names),
        cmocka_unit_test(test_openalex_raw_names),
        cmocka_unit_test(test_orcid_summary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
