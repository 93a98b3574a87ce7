/* Unit tests: every field of the profile listing, on the real file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "coauthor.h"

static coa_corpus_t corpus;

static int setup(void **state)
{
    (void)state;
    coa_read_options_t opts;
    coa_read_options_init(&opts);
    opts.assumed_year = 2026;
    if (coa_corpus_init(&corpus) || coa_read_file(&corpus, "data/ivan-titov.txt", &opts, NULL) ||
        coa_corpus_finalize(&corpus))
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    coa_corpus_destroy(&corpus);
    return 0;
}

static const char *str(coa_str_t id)
{
    return coa_corpus_str(&corpus, id);
}

static const char *author_at(const coa_paper_t *p, uint32_t i)
{
    return str(corpus.authors[corpus.authorships[p->first_authorship + i].author].display);
}

static const char *meta(const char *label)
{
    const coa_source_t *s = &corpus.sources[0];
    for (uint32_t i = 0; i < s->n_meta; i++)
        if (!strcmp(str(corpus.meta[s->first_meta + i].label), label))
            return str(corpus.meta[s->first_meta + i].value);
    return NULL;
}

static void test_header(void **state)
{
    (void)state;
    const coa_source_t *s = &corpus.sources[0];
    assert_string_equal(str(s->format), "profile");
    assert_string_equal(str(s->owner), "Ivan Titov");
    assert_string_equal(meta("field"), "CL");
    assert_string_equal(meta("h-index"), "86");
    assert_string_equal(meta("papers"), "109");
    assert_string_equal(meta("citations"), "53844");
    assert_string_equal(meta("Novelty"), "52%");
    assert_string_equal(meta("AI Score"), "63");
    assert_int_equal(s->records, 50);
    assert_int_equal(s->skipped, 0);
    assert_int_equal(s->inferred, 18);
    assert_int_equal(s->undated, 7);
    assert_int_equal(s->assumed_year, 2026);
}

static void test_first_entries(void **state)
{
    (void)state;
    /* 85.4LGMay 27: score, category, a date without a year */
    const coa_paper_t *p = &corpus.papers[0];
    assert_true(p->flags & COA_PAPER_HAS_SCORE);
    assert_true(p->score > 85.39f && p->score < 85.41f);
    assert_string_equal(str(p->category), "LG");
    assert_int_equal(p->month, 5);
    assert_int_equal(p->day, 27);
    assert_int_equal(p->year, 2026);
    assert_true(p->flags & COA_PAPER_YEAR_ASSUMED);
    assert_string_equal(str(p->title), "Knowledge Offloading: Decomposing LLMs into Sparse Backbones and Memory Modules");
    assert_int_equal(p->n_authorships, 3);
    assert_string_equal(author_at(p, 2), "Ivan Titov");
    assert_true(strncmp(str(p->abstract), "LLMs encode both general capabilities", 37) == 0);
    assert_int_equal(p->line, 12);

    /* CLNov 15, 2022 ... et al. · microsoft-research, mit */
    p = &corpus.papers[1];
    assert_false(p->flags & COA_PAPER_HAS_SCORE);
    assert_int_equal(p->year, 2022);
    assert_int_equal(p->month, 11);
    assert_int_equal(p->day, 15);
    assert_true(p->flags & COA_PAPER_TRUNCATED);
    assert_string_equal(str(p->orgs), "microsoft-research, mit");
    assert_int_equal(p->n_authorships, 3); /* the owner is shown: nothing inferred */

    /* AISep 25, 2024Code ... Zeyu Huang, Zihan Qiu, Zili Wang et al. */
    p = &corpus.papers[2];
    assert_true(p->flags & COA_PAPER_CODE);
    assert_true(p->flags & COA_PAPER_TRUNCATED);
    assert_int_equal(p->n_authorships, 4);
    assert_string_equal(author_at(p, 3), "Ivan Titov");
    assert_int_equal(corpus.authorships[p->first_authorship + 3].inferred, 1);
    assert_int_equal(corpus.authorships[p->first_authorship + 0].inferred, 0);
}

static void test_counts(void **state)
{
    (void)state;
    uint32_t truncated = 0, code = 0, scored = 0;
    for (uint32_t i = 0; i < corpus.n_papers; i++) {
        truncated += (corpus.papers[i].flags & COA_PAPER_TRUNCATED) != 0;
        code += (corpus.papers[i].flags & COA_PAPER_CODE) != 0;
        scored += (corpus.papers[i].flags & COA_PAPER_HAS_SCORE) != 0;
    }
    assert_int_equal(corpus.n_papers, 50);
    assert_int_equal(corpus.n_authorships, 161);
    assert_int_equal(truncated, 22);
    assert_true(code > 0);
    assert_true(scored > 0);
    uint32_t owner = coa_corpus_find_author(&corpus, "Ivan Titov");
    assert_int_not_equal(owner, COA_NONE);
    assert_int_equal(corpus.authors[owner].n_papers, 50);
}

static void test_malformed_buffer(void **state)
{
    (void)state;
    static const char text[] = "Owner Name\n\nCL\n\n"
                               "CLJan 5, 2020\nGood One\n\nOwner Name, A B\n\nabs\n\n"
                               "CLFeb 31, 2020\nBad Day\n\nA B\n\nabs\n\n"
                               "CLMar 3, 2021Code\nGood Two\n\nC D et al.\n\nabs\n";
    coa_corpus_t c;
    coa_read_options_t opts;
    coa_read_options_init(&opts);
    opts.assumed_year = 2026;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(coa_read_buffer(&c, "mem", text, sizeof text - 1, &opts, NULL), COA_OK);
    assert_int_equal(c.sources[0].records, 2);
    assert_int_equal(c.sources[0].skipped, 1);
    assert_int_equal(c.sources[0].inferred, 1);
    opts.strict = 1;
    coa_corpus_destroy(&c);
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(coa_read_buffer(&c, "mem", text, sizeof text - 1, &opts, NULL), COA_EPARSE);
    coa_corpus_destroy(&c);
}

int main(void)
{
    coa_library_init(1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header),
        cmocka_unit_test(test_first_entries),
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_malformed_buffer),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
