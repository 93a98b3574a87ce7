/*
 * The tabular readers (CSV and tab-delimited: scopus, wos-tab, zotero-csv,
 * pop, dimensions, lens) and the input layer's encodings, on the hand-written
 * fixtures of tests/data/tabular/ and on small inputs made here: what a user
 * would see of each record (names, identifiers, keys, years, truncation,
 * lines), and that each format is detected as itself and as nothing else.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "coauthor.h"

static int read_file(coa_corpus_t *c, const char *path, const char *format)
{
    coa_read_options_t opts;
    coa_read_options_init(&opts);
    opts.format = format;
    return coa_read_file(c, path, &opts, NULL);
}

static int read_text(coa_corpus_t *c, const char *name, const char *text, size_t len, const char *format)
{
    coa_read_options_t opts;
    coa_read_options_init(&opts);
    opts.format = format;
    return coa_read_buffer(c, name, text, len, &opts, NULL);
}

static uint32_t author_at(const coa_corpus_t *c, uint32_t paper, uint32_t k)
{
    const coa_paper_t *p = &c->papers[paper];
    assert_true(k < p->n_authorships);
    return c->authorships[p->first_authorship + k].author;
}

static const char *name_at(const coa_corpus_t *c, uint32_t paper, uint32_t k)
{
    return coa_corpus_str(c, c->authors[author_at(c, paper, k)].display);
}

static const char *id_at(const coa_corpus_t *c, uint32_t paper, uint32_t k)
{
    coa_str_t id = c->authors[author_at(c, paper, k)].id;
    return id ? coa_corpus_str(c, id) : "";
}

static const char *str(const coa_corpus_t *c, coa_str_t s)
{
    return s ? coa_corpus_str(c, s) : "";
}

static void test_wos_tab(void **state)
{
    (void)state;
    coa_corpus_t c;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_file(&c, "tests/data/tabular/wos-tab-edge.txt", NULL), COA_OK);
    assert_string_equal(str(&c, c.sources[0].format), "wos-tab");
    /* 6 rows: 4 read, the cut last one skipped, the one without authors left out */
    assert_int_equal(c.n_papers, 4);
    assert_int_equal(c.sources[0].records, 4);
    assert_int_equal(c.sources[0].skipped, 1);
    assert_int_equal(c.papers[0].line, 2);
    assert_int_equal(c.papers[3].line, 6);
    assert_string_equal(str(&c, c.papers[0].key), "WOS:000000000000001");
    assert_string_equal(str(&c, c.papers[0].doi), "10.1000/first");
    assert_string_equal(str(&c, c.papers[0].venue), "MARINE BIOLOGY");
    assert_int_equal(c.papers[0].year, 2021);
    assert_string_equal(str(&c, c.papers[2].title), "Third \"quoted\" paper");
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    /* AF over AU; the ORCID wins over the ResearcherID of the same author */
    assert_string_equal(name_at(&c, 0, 0), "Carlos M. Duarte");
    assert_string_equal(id_at(&c, 0, 0), "orcid:0000-0002-1213-1361");
    /* "Staples, Timothy" names "Staples, Timothy L." (last name, first initial) */
    assert_string_equal(id_at(&c, 0, 1), "researcherid:B-1111-2020");
    /* without AF, AU; an ORCID naming nobody on the paper is attached to no one */
    assert_string_equal(name_at(&c, 1, 0), "J Kroymann");
    assert_string_equal(id_at(&c, 1, 0), "");
    assert_string_equal(id_at(&c, 1, 1), "");
    /* two Wangs with initial W: the ORCID is not given to either */
    assert_string_equal(id_at(&c, 3, 0), "");
    assert_string_equal(id_at(&c, 3, 1), "");
    coa_corpus_destroy(&c);
}

static void test_wos_tab_utf16_mac(void **state)
{
    (void)state;
    coa_corpus_t c;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_file(&c, "tests/data/tabular/wos-tab-utf16-mac.txt", NULL), COA_OK);
    assert_string_equal(str(&c, c.sources[0].format), "wos-tab");
    assert_int_equal(c.n_papers, 2);
    /* CR-only line ends still number the lines */
    assert_int_equal(c.papers[0].line, 2);
    assert_int_equal(c.papers[1].line, 3);
    assert_string_equal(str(&c, c.papers[0].title), "\xC3\x9C" "ber Netzwerke");
    /* a character outside the BMP (a surrogate pair in UTF-16) */
    assert_string_equal(str(&c, c.papers[1].title), "A surrogate pair \xF0\x9D\x92\xB3 in a title");
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    assert_string_equal(name_at(&c, 0, 0), "Hans M\xC3\xBCller");
    assert_string_equal(name_at(&c, 0, 1), "Ay\xC5\x9F" "e \xC3\x87" "elik");
    assert_string_equal(id_at(&c, 0, 1), "orcid:0000-0002-0000-0002");
    coa_corpus_destroy(&c);
}

static void test_zotero_csv(void **state)
{
    (void)state;
    coa_corpus_t c;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_file(&c, "tests/data/tabular/zotero-edge.csv", NULL), COA_OK);
    assert_string_equal(str(&c, c.sources[0].format), "zotero-csv");
    /* the editors-only row is left out, the row with missing columns skipped */
    assert_int_equal(c.n_papers, 3);
    assert_int_equal(c.sources[0].skipped, 1);
    assert_string_equal(str(&c, c.papers[0].key), "AAAA1111");
    assert_string_equal(str(&c, c.papers[0].title), "Ecological literacy, and beyond");
    /* "others" ends a list cut short */
    assert_true(c.papers[0].flags & COA_PAPER_TRUNCATED);
    assert_int_equal(c.papers[0].n_authorships, 2);
    assert_false(c.papers[1].flags & COA_PAPER_TRUNCATED);
    /* a quoted field over two lines; the next record's line is still right */
    assert_string_equal(str(&c, c.papers[1].title), "A title with \"doubled quotes\" and a line break");
    assert_int_equal(c.papers[1].line, 3);
    assert_int_equal(c.papers[2].line, 7);
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    assert_string_equal(name_at(&c, 0, 1), "Jos\xC3\xA9 Luiz Attayde");
    assert_string_equal(name_at(&c, 2, 0), "Paulo In\xC3\xA1" "cio Prado");
    coa_corpus_destroy(&c);
}

static void test_pop(void **state)
{
    (void)state;
    coa_corpus_t c;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_file(&c, "tests/data/tabular/pop-edge.csv", NULL), COA_OK);
    assert_string_equal(str(&c, c.sources[0].format), "pop");
    /* the cut last line (a quote that never closes) is skipped */
    assert_int_equal(c.n_papers, 3);
    assert_int_equal(c.sources[0].skipped, 1);
    assert_true(c.papers[0].flags & COA_PAPER_TRUNCATED); /* "..." */
    assert_true(c.papers[1].flags & COA_PAPER_TRUNCATED); /* "\u2026" */
    assert_false(c.papers[2].flags & COA_PAPER_TRUNCATED);
    assert_int_equal(c.papers[0].n_authorships, 3);
    assert_string_equal(str(&c, c.papers[0].doi), "10.1002/ajp.22243");
    assert_int_equal(c.papers[1].year, 2014);
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    /* Google Scholar's initials, written as other sources write them */
    assert_string_equal(name_at(&c, 0, 0), "C. Kun\xE2\x80\x90Rodrigues");
    assert_string_equal(name_at(&c, 1, 1), "J. S. Smith");
    coa_corpus_destroy(&c);
}

static void test_dimensions(void **state)
{
    (void)state;
    coa_corpus_t c;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_file(&c, "tests/data/tabular/dimensions-edge.csv", NULL), COA_OK);
    assert_string_equal(str(&c, c.sources[0].format), "dimensions");
    /* the "About the data" line is no record; a row with a non-empty
     * extra field is skipped, one without authors left out */
    assert_int_equal(c.n_papers, 2);
    assert_int_equal(c.sources[0].skipped, 1);
    assert_int_equal(c.papers[0].line, 3);
    assert_string_equal(str(&c, c.papers[0].key), "pub.0000000001");
    assert_string_equal(str(&c, c.papers[0].venue), "The Lancet");
    assert_int_equal(c.papers[0].year, 2020);
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    assert_string_equal(name_at(&c, 0, 2), "Ming-Huei Cheng");
    assert_int_equal(author_at(&c, 0, 2), author_at(&c, 1, 0));
    coa_corpus_destroy(&c);
}

static void test_lens(void **state)
{
    (void)state;
    coa_corpus_t c;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_file(&c, "tests/data/tabular/lens-edge.csv", NULL), COA_OK);
    assert_string_equal(str(&c, c.sources[0].format), "lens");
    /* a stray quote costs its own record only: the next one is read */
    assert_int_equal(c.n_papers, 3);
    assert_int_equal(c.sources[0].skipped, 1);
    assert_int_equal(c.papers[2].line, 6);
    assert_string_equal(str(&c, c.papers[2].title), "After the stray quote");
    assert_string_equal(str(&c, c.papers[1].key), "000-161-288-122-274");
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    assert_string_equal(name_at(&c, 1, 1), "Thomas J. Peters");
    assert_string_equal(name_at(&c, 2, 0), "Jos\xC3\xA9 Carlos R. Alcantud");
    coa_corpus_destroy(&c);
}

static void test_scopus_other_language(void **state)
{
    (void)state;
    coa_corpus_t c;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_file(&c, "tests/data/tabular/scopus-zh-header.csv", NULL), COA_OK);
    assert_string_equal(str(&c, c.sources[0].format), "scopus");
    assert_int_equal(c.n_papers, 2);
    /* 書名, 年份, 來源出版物名稱; the key from the link's eid= */
    assert_string_equal(str(&c, c.papers[0].title), "A Combined Eulerian-Lagrangian Data Representation");
    assert_int_equal(c.papers[0].year, 2017);
    assert_string_equal(str(&c, c.papers[0].venue), "IEEE TVCG");
    assert_string_equal(str(&c, c.papers[0].key), "2-s2.0-85029184744");
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    /* the column mislabelled "author keywords" holds the authors */
    assert_string_equal(name_at(&c, 0, 0), "F. Sauer");
    assert_string_equal(name_at(&c, 0, 2), "K.-L. Ma");
    assert_int_equal(author_at(&c, 0, 2), author_at(&c, 1, 0));
    coa_corpus_destroy(&c);
}

/* A Latin-1 (Windows-1252) BibTeX file with old-Mac line ends. */
static void test_latin1_cr(void **state)
{
    (void)state;
    coa_corpus_t c;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_file(&c, "tests/data/tabular/latin1-cr.bib", NULL), COA_OK);
    assert_int_equal(c.n_papers, 2);
    assert_int_equal(c.papers[1].line, 7);
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    assert_string_equal(name_at(&c, 0, 0), "Guillermo Mart\xC3\xADnez Fern\xC3\xA1ndez");
    assert_string_equal(name_at(&c, 0, 1), "Sof\xC3\xAD" "a Dronda Merino");
    assert_string_equal(name_at(&c, 1, 1), "Sign \xE2\x82\xAC" "uro"); /* 0x80 is the euro sign in 1252 */
    for (uint32_t a = 0; a < c.n_authors; a++)
        assert_null(strstr(coa_corpus_str(&c, c.authors[a].display), "\xEF\xBF\xBD"));
    coa_corpus_destroy(&c);
}

/* UTF-16BE with a BOM, a character cut by the end of the file, and a
 * field longer than the line limit between two good records. */
static void test_utf16be_and_huge_field(void **state)
{
    (void)state;
    const char *csv = "Lens ID,Title,Publication Year,Author/s\n1,One,2001,Ann Lee; Bo Chan\n";
    size_t n = strlen(csv), len = 2 + 2 * n + 1;
    unsigned char *be = malloc(len);
    assert_non_null(be);
    be[0] = 0xFE;
    be[1] = 0xFF;
    for (size_t i = 0; i < n; i++) {
        be[2 + 2 * i] = 0;
        be[3 + 2 * i] = (unsigned char)csv[i];
    }
    be[len - 1] = 'x'; /* half a character */
    coa_corpus_t c;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_text(&c, "be.csv", (const char *)be, len, NULL), COA_OK);
    assert_string_equal(str(&c, c.sources[0].format), "lens");
    assert_int_equal(c.n_papers, 1);
    assert_int_equal(c.papers[0].n_authorships, 2);
    coa_corpus_destroy(&c);
    free(be);

    /* a 2 MB abstract on one line, over the 1 MB line limit */
    size_t huge = (size_t)2 << 20;
    const char *head = "Lens ID,Title,Abstract,Author/s\n1,Before,short,Ann Lee\n2,Huge,\"";
    const char *tail = "\",Bo Chan\n3,After,short,Cy Dee; Ann Lee\n";
    size_t hl = strlen(head), tl = strlen(tail);
    char *text = malloc(hl + huge + tl);
    assert_non_null(text);
    memcpy(text, head, hl);
    memset(text + hl, 'a', huge);
    memcpy(text + hl + huge, tail, tl);
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_text(&c, "huge.csv", text, hl + huge + tl, NULL), COA_OK);
    assert_int_equal(c.n_papers, 2);
    assert_int_equal(c.sources[0].skipped, 1);
    assert_string_equal(str(&c, c.papers[1].title), "After");
    assert_int_equal(c.papers[1].line, 4);
    coa_corpus_destroy(&c);
    free(text);
}

/* A blank line between records does not move the next one's line; a
 * Latin-1 author list dense in accented letters is text, not binary data. */
static void test_blank_lines_and_dense_latin1(void **state)
{
    (void)state;
    const char blank[] = "Lens ID,Title,Publication Year,Author/s\r\n\r\n\r\n1,One,2001,\"Ann Lee\"\r\n";
    coa_corpus_t c;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_text(&c, "blank.csv", blank, strlen(blank), NULL), COA_OK);
    assert_int_equal(c.n_papers, 1);
    assert_int_equal(c.papers[0].line, 4);
    coa_corpus_destroy(&c);

    char text[8192];
    size_t n = (size_t)snprintf(text, sizeof text, "Key,Publication Year,Author,Title\nK1,2015,\"");
    for (int i = 0; i < 40; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "%sMu\xF1oz P\xE9rez, Jos\xE9 Mar\xED" "a %d; N\xFA\xF1""ez, Bego\xF1""a",
                              i ? "; " : "", i);
    n += (size_t)snprintf(text + n, sizeof text - n, "\",T\xEDtulo\n");
    assert_true(n < sizeof text);
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_text(&c, "latin1.csv", text, n, NULL), COA_OK);
    assert_string_equal(str(&c, c.sources[0].format), "zotero-csv");
    assert_int_equal(c.n_papers, 1);
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    assert_string_equal(name_at(&c, 0, 0), "Jos\xC3\xA9 Mar\xC3\xAD" "a 0 Mu\xC3\xB1oz P\xC3\xA9rez");
    coa_corpus_destroy(&c);
}

/* Two exports pasted into one file: the second header row (with its
 * byte-order mark) is no record. */
static void test_header_pasted_again(void **state)
{
    (void)state;
    const char text[] = "\xEF\xBB\xBFLens ID,Title,Publication Year,Author/s\r\n1,One,2001,Ann Lee; Bo Chan\r\n"
                        "\xEF\xBB\xBFLens ID,Title,Publication Year,Author/s\r\n2,Two,2002,Ann Lee\r\n";
    coa_corpus_t c;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_text(&c, "twice.csv", text, strlen(text), NULL), COA_OK);
    assert_int_equal(c.n_papers, 2);
    assert_int_equal(c.sources[0].records, 2);
    assert_int_equal(c.sources[0].skipped, 0);
    assert_int_equal(c.papers[1].line, 4);
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    for (uint32_t a = 0; a < c.n_authors; a++)
        assert_null(strstr(coa_corpus_str(&c, c.authors[a].display), "Author"));
    coa_corpus_destroy(&c);
}

/* Each format is detected as itself, and each tabular reader refuses
 * every other format's file. */
static const struct {
    const char *text, *format;
} samples[] = {
    {"\xEF\xBB\xBFPT\tAU\tBA\tBE\tGP\tAF\tBF\tCA\tTI\tSO\tSE\r\nJ\tHammerman, NM\t\t\t\tHammerman, N\t\t\tT\tS\t\r\n",
     "wos-tab"},
    {"Key,Item Type,Publication Year,Author,Title,Publication Title\nK1,journalArticle,2015,\"A, B\",T,J\n",
     "zotero-csv"},
    {"Key,Publication Year,Author,Title,Publication Title,ISSN,DOI\nK1,2015,\"A, B; C, D\",T,J,,\n", "zotero-csv"},
    {"\xEF\xBB\xBF" "Cites,Authors,Title,Year,Source,Publisher,ArticleURL,CitesURL,GSRank\n39,\"C Kun, ...\",T,2014,S,P,u,c,1\n",
     "pop"},
    {"\"About the data: Exported on Aug 27, 2020. Criteria: \"\"x\"\", y.\",,,\n"
     "Rank,Publication ID,DOI,Title,Source title,PubYear,Authors\n1,pub.1,,T,S,2020,\"A, B\"\n",
     "dimensions"},
    {"Rank,Publication ID,DOI,Title,PubYear,Authors,Dimensions URL\n1,pub.1,,T,2020,\"A, B\",u\n", "dimensions"},
    {"\xEF\xBB\xBFLens ID,Title,Date Published,Publication Year,Publication Type,Source Title,ISSNs,Author/s\r\n"
     "000-1,T,,2006,journal article,S,,HE Sheng-zhong\r\n",
     "lens"},
    {"\xEF\xBB\xBF" "Authors,Author full names,Author(s) ID,Title,Year,Source title,Link,EID\n\"A B.\",,,T,2020,S,l,e\n",
     "scopus"},
    {"\xEF\xBB\xBF\xE4\xBD\x9C\xE8\x80\x85\xE9\x97\x9C\xE9\x8D\xB5\xE5\xAD\x97,\xE6\x9B\xB8\xE5\x90\x8D,\xE5\xB9\xB4\xE4\xBB\xBD,"
     "DOI,\xE9\x80\xA3\xE7\xB5\x90\n\"Sauer F.\",T,2017,,\"https://www.scopus.com/inward/record.uri?eid=2-s2.0-1\"\n",
     "scopus"},
    {"FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU A, B\nTI T\nER\n\nEF\n", "isi"},
    {"TY  - JOUR\nAU  - Titov, Ivan\nTI  - X\nER  - \n", "ris"},
    {"%0 Journal Article\n%A Titov, Ivan\n%T X\n", "endnote"},
    {"PMID- 1\nTI  - X\nFAU - A, B\n", "medline"},
    {"@article{k,\n  author = {Titov, Ivan},\n  title = {X},\n  year = {2020}\n}\n", "bibtex"},
    {"{\"id\": \"https://openalex.org/W1\", \"authorships\": [{\"author\": {\"display_name\": \"A B\"}}]}\n", "jsonl"},
    {"<?xml version=\"1.0\"?>\n<modsCollection xmlns=\"http://www.loc.gov/mods/v3\">\n", "mods"},
};

static void test_detection_matrix(void **state)
{
    (void)state;
    static const char *const tabular[] = {"wos-tab", "zotero-csv", "pop", "dimensions", "lens", "scopus"};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        const char *text = samples[i].text;
        const char *got = coa_detect_format("input", (const unsigned char *)text, strlen(text));
        if (!got || strcmp(got, samples[i].format) != 0)
            fail_msg("sample %zu: want %s, got %s", i, samples[i].format, got ? got : "(none)");
        for (size_t k = 0; k < sizeof tabular / sizeof tabular[0]; k++) {
            if (strcmp(tabular[k], samples[i].format) == 0)
                continue;
            coa_corpus_t c;
            assert_int_equal(coa_corpus_init(&c), COA_OK);
            int err = read_text(&c, "input", text, strlen(text), tabular[k]);
            if (err != COA_EFORMAT)
                fail_msg("sample %zu (%s) read as %s: %d", i, samples[i].format, tabular[k], err);
            coa_corpus_destroy(&c);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wos_tab),
        cmocka_unit_test(test_wos_tab_utf16_mac),
        cmocka_unit_test(test_zotero_csv),
        cmocka_unit_test(test_pop),
        cmocka_unit_test(test_dimensions),
        cmocka_unit_test(test_lens),
        cmocka_unit_test(test_scopus_other_language),
        cmocka_unit_test(test_latin1_cr),
        cmocka_unit_test(test_utf16be_and_huge_field),
        cmocka_unit_test(test_blank_lines_and_dense_latin1),
        cmocka_unit_test(test_header_pasted_again),
        cmocka_unit_test(test_detection_matrix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
