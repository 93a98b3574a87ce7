/*
 * The BibTeX reader through bibutils: names in "First Last" order with
 * LaTeX accents decoded, "and others" as a truncated list, corporate
 * authors in braces as organisations, @String macros, each paper at the
 * line where its entry starts, and defects reported at their lines with
 * the good entries around them kept.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "coauthor.h"

typedef struct {
    char lines[16][256];
    int n;
} diags_t;

static void collect(void *ctx, const coa_diag_t *d)
{
    diags_t *st = ctx;
    if (st->n < 16)
        snprintf(st->lines[st->n++], sizeof st->lines[0], "%ld: %s", d->line, d->message);
}

static int read_text(coa_corpus_t *c, const char *text, int strict, diags_t *diags)
{
    coa_read_options_t opts;
    coa_read_options_init(&opts);
    opts.strict = strict;
    coa_diag_sink_t sink = {collect, diags};
    return coa_read_buffer(c, "t.bib", text, strlen(text), &opts, &sink);
}

static const char *author_of(const coa_corpus_t *c, uint32_t paper, uint32_t k)
{
    const coa_paper_t *p = &c->papers[paper];
    uint32_t a = c->authorships[p->first_authorship + k].author;
    return coa_corpus_str(c, c->authors[a].display ? c->authors[a].display : 0);
}

static const char sample[] =
    "@String{j-TUG = \"TUGboat\"}\n"                                       /* 1 */
    "\n"                                                                    /* 2 */
    "@Article{knuth81,\n"                                                   /* 3 */
    "  author = \"Knuth, Donald E. and Plass, Michael F. and others\",\n"
    "  title = \"Breaking {P}aragraphs\",\n"
    "  journal = j-TUG,\n"
    "  year = 1981, month = nov,\n"
    "  doi = {10.1002/spe.4380111102},\n"
    "}\n"                                                                   /* 9 */
    "@Book{bad,\n"                                                          /* 10 */
    "  author = {A. Writer},\n"
    "  title = {Unclosed,\n"                                                /* 12 */
    "  year = {1999},\n"
    "}\n"
    "@Misc{corp,\n"                                                         /* 15 */
    "  author = \"{IEEE Computer Society} and Jos{\\'e} Mart{\\'\\i}nez\",\n"
    "  title = \"Standards\",\n"
    "}\n";

static void test_fields_and_names(void **state)
{
    (void)state;
    coa_corpus_t c;
    diags_t d = {0};
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_text(&c, sample, 0, &d), COA_OK);
    assert_int_equal(c.n_papers, 2);
    assert_int_equal(c.sources[0].records, 2);
    assert_int_equal(c.sources[0].skipped, 1);
    assert_string_equal(coa_corpus_str(&c, c.sources[0].format), "bibtex");

    const coa_paper_t *p = &c.papers[0];
    assert_int_equal(p->line, 3);
    assert_int_equal(p->year, 1981);
    assert_int_equal(p->month, 11);
    assert_true(p->flags & COA_PAPER_TRUNCATED);
    assert_string_equal(coa_corpus_str(&c, p->title), "Breaking Paragraphs");
    assert_string_equal(coa_corpus_str(&c, p->venue), "TUGboat");
    assert_string_equal(coa_corpus_str(&c, p->doi), "10.1002/spe.4380111102");
    assert_string_equal(coa_corpus_str(&c, p->key), "knuth81");
    assert_int_equal(p->n_authorships, 2);

    p = &c.papers[1];
    assert_int_equal(p->line, 15);
    assert_int_equal(p->n_authorships, 2);
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    assert_string_equal(author_of(&c, 0, 0), "Donald E. Knuth");
    assert_string_equal(author_of(&c, 0, 1), "Michael F. Plass");
    assert_string_equal(author_of(&c, 1, 0), "IEEE Computer Society");
    assert_string_equal(author_of(&c, 1, 1), "Jos\xC3\xA9 Mart\xC3\xADnez");
    uint32_t org = c.authorships[p->first_authorship].author;
    uint32_t person = c.authorships[p->first_authorship + 1].author;
    assert_true(c.authors[org].flags & COA_AUTHOR_ORGANISATION);
    assert_false(c.authors[person].flags & COA_AUTHOR_ORGANISATION);

    /* the defect, at the line of its field */
    int found = 0;
    for (int i = 0; i < d.n; i++)
        found |= strstr(d.lines[i], "12: entry 'bad': unbalanced brace in field 'title'") == d.lines[i];
    assert_true(found);
    coa_corpus_destroy(&c);
}

static void test_strict_fails_at_defect(void **state)
{
    (void)state;
    coa_corpus_t c;
    diags_t d = {0};
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_text(&c, sample, 1, &d), COA_EPARSE);
    coa_corpus_destroy(&c);
}

static void test_undefined_macro_kept(void **state)
{
    (void)state;
    coa_corpus_t c;
    diags_t d = {0};
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_text(&c,
                               "@Article{a,\n  author = {One, Ann and Two, Bob},\n"
                               "  journal = j-NOWHERE,\n  year = {2001}\n}\n",
                               0, &d),
                     COA_OK);
    assert_int_equal(c.n_papers, 1);
    assert_int_equal(c.sources[0].skipped, 0);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.lines[0], "3: undefined macro 'j-NOWHERE' in field 'journal' of entry 'a'; kept as text");
    coa_corpus_destroy(&c);
}

static void test_detection(void **state)
{
    (void)state;
    const char bib[] = "% comment\n@inproceedings{x,\n  title = {T},\n}\n";
    const char blx[] = "@article{x,\n  journaltitle = {J},\n  date = {2020-01},\n}\n";
    assert_string_equal(coa_detect_format("refs.bib", (const unsigned char *)bib, sizeof bib - 1), "bibtex");
    assert_string_equal(coa_detect_format(NULL, (const unsigned char *)blx, sizeof blx - 1), "biblatex");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fields_and_names),
        cmocka_unit_test(test_strict_fails_at_defect),
        cmocka_unit_test(test_undefined_macro_kept),
        cmocka_unit_test(test_detection),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
