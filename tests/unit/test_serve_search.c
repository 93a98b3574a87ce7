/*
 * The name search of coauthor serve (src/serve/search.c) against a plain
 * reading of its rule (an author matches when each query word starts some
 * word of its folded name): the word masks settle a one-letter word
 * without the name, a word whose mask bits another word sets by a hash
 * collision is still ruled out by the name, a non-ASCII first byte shares
 * one bit, one name word may match two query words, and a word longer
 * than 8 bytes is compared whole.
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
#include "serve/search.h"

typedef struct {
    coa_corpus_t c;
    uint32_t *papers;
    serve_search_t *s;
} fixture_t;

/* One paper for each name; the search ranks by papers[], which the test
 * sets itself (a few distinct values, so that ties go to the author id). */
static void build(fixture_t *f, const char *const *names, size_t n)
{
    uint32_t src;
    assert_int_equal(coa_corpus_init(&f->c), COA_OK);
    assert_int_equal(coa_corpus_add_source(&f->c, "t", "test", &src), COA_OK);
    for (size_t i = 0; i < n; i++) {
        coa_paper_t *p;
        assert_int_equal(coa_corpus_paper_begin(&f->c, src, (uint32_t)i + 1, &p), COA_OK);
        assert_int_equal(coa_corpus_paper_add_author(&f->c, names[i], strlen(names[i]), 0, NULL), COA_OK);
        coa_corpus_paper_end(&f->c);
    }
    assert_int_equal(coa_corpus_finalize(&f->c), COA_OK);
    f->papers = calloc(f->c.n_authors + 1, sizeof *f->papers);
    assert_non_null(f->papers);
    for (uint32_t a = 0; a < f->c.n_authors; a++)
        f->papers[a] = f->c.authors[a].merged_into == COA_NONE ? 1 + (a * 7919u) % 5 : 0;
    assert_int_equal(serve_search_new(&f->c, f->papers, &f->s), COA_OK);
}

static void destroy(fixture_t *f)
{
    serve_search_free(f->s);
    free(f->papers);
    coa_corpus_destroy(&f->c);
}

/* The words of a folded string, at most max. */
static size_t split(char *folded, char **words, size_t max)
{
    size_t n = 0;
    for (char *p = strtok(folded, " "); p && n < max; p = strtok(NULL, " "))
        words[n++] = p;
    return n;
}

static int matches(const char *display, char *const *qw, size_t nq)
{
    char name[512];
    char *nw[256];
    serve_fold(display, name, sizeof name);
    size_t n = split(name, nw, 256);
    for (size_t k = 0; k < nq; k++) {
        int found = 0;
        for (size_t i = 0; i < n && !found; i++)
            found = strncmp(nw[i], qw[k], strlen(qw[k])) == 0;
        if (!found)
            return 0;
    }
    return 1;
}

/* The search's answer must be the best 'limit' of the matching authors
 * (most papers, then lowest id), its total their number when all of them
 * fit in the list (an author with two words in the leading range is then
 * seen as already listed), and never more than the entries. */
static void check_query(const fixture_t *f, const char *query, size_t limit)
{
    char folded[256];
    char *qw[SERVE_SEARCH_MAX_WORDS];
    serve_fold(query, folded, sizeof folded);
    size_t nq = split(folded, qw, SERVE_SEARCH_MAX_WORDS);
    uint32_t *want = malloc((f->c.n_authors + 1) * sizeof *want);
    assert_non_null(want);
    size_t n_want = 0;
    for (uint32_t a = 0; nq && a < f->c.n_authors; a++)
        if (f->papers[a] && matches(coa_corpus_str(&f->c, f->c.authors[a].display), qw, nq)) {
            size_t at = n_want++;
            while (at > 0 && (f->papers[want[at - 1]] < f->papers[a]))
                at--;
            memmove(want + at + 1, want + at, (n_want - 1 - at) * sizeof *want);
            want[at] = a;
        }
    uint32_t got[64];
    uint64_t total;
    int more;
    size_t n = serve_search_query(f->s, query, got, limit, &total, &more);
    size_t expect = n_want < limit ? n_want : limit;
    if (n != expect)
        fail_msg("'%s' (limit %zu): %zu authors, expected %zu", query, limit, n, expect);
    for (size_t i = 0; i < n; i++)
        if (got[i] != want[i])
            fail_msg("'%s' (limit %zu): author %zu is %u, expected %u", query, limit, i, got[i], want[i]);
    assert_false(more);
    if (n_want <= limit && total != n_want)
        fail_msg("'%s' (limit %zu): total %llu, expected %zu", query, limit, (unsigned long long)total, n_want);
    assert_true(total >= n_want);
    free(want);
}

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* Each query at each of two limits on a search of the names. */
static void check_names(const char *const *names, size_t n_names, const char *const *queries, size_t n_queries,
                        size_t limit_a, size_t limit_b)
{
    fixture_t f;
    build(&f, names, n_names);
    for (size_t i = 0; i < n_queries; i++) {
        check_query(&f, queries[i], limit_a);
        if (limit_b != limit_a)
            check_query(&f, queries[i], limit_b);
    }
    destroy(&f);
}

static void one_letter_words_are_settled_by_the_mask(void **state)
{
    (void)state;
    int exact;
    uint64_t y = serve_search_word_bits("y", 1, &exact);
    assert_true(exact);
    assert_true((serve_search_name_bits("li yang") & y) == y);
    assert_true((serve_search_name_bits("yu li") & y) == y);
    assert_false((serve_search_name_bits("li wei") & y) == y);
    serve_search_word_bits("7", 1, &exact);
    assert_true(exact);
    serve_search_word_bits("li", 2, &exact);
    assert_false(exact);
    serve_search_word_bits("\xd0", 1, &exact); /* a byte of a non-ASCII character */
    assert_false(exact);
    const char *names[] = {"Li Yang", "Li Wei", "Yu Li", "Lu Yan", "Bo Li", "Liang Y. Zhou", "Wei Yi Li", "Y. Lin"};
    const char *queries[] = {"li y", "y li", "Li Y", "l y", "y l", "b l", "l w y", "li z y", "z", "y"};
    check_names(names, COUNT(names), queries, COUNT(queries), 1, 8);
}

static void a_hash_collision_is_ruled_out_by_the_name(void **state)
{
    (void)state;
    /* a word of two letters whose pair bit "ab" shares, with another first
     * letter: a name with an "a" word and that word passes the mask for
     * "ab" without having it */
    int exact;
    uint64_t ab = serve_search_word_bits("ab", 2, &exact), a = serve_search_word_bits("a", 1, &exact);
    char other[3] = {0};
    for (char c0 = 'c'; c0 <= 'z' && !other[0]; c0++)
        for (char c1 = 'a'; c1 <= 'z' && !other[0]; c1++) {
            char w[2] = {c0, c1};
            if (serve_search_word_bits(w, 2, &exact) & ab & ~a) {
                other[0] = c0;
                other[1] = c1;
            }
        }
    assert_true(other[0] != 0);
    char fake[64], real[64], folded[64];
    snprintf(fake, sizeof fake, "Ac %sx Cy", other);
    snprintf(real, sizeof real, "Abe %sx Cy", other);
    serve_fold(fake, folded, sizeof folded);
    assert_true((serve_search_name_bits(folded) & ab) == ab);
    const char *names[] = {fake, real, "Cy Ab", "Cy Ac"};
    const char *queries[] = {"ab c", "c ab", "ab cy", "ab", "ac c", "abe", "ab a", "a ab c"};
    check_names(names, COUNT(names), queries, COUNT(queries), 10, 10);
}

static void non_ascii_first_bytes_share_a_bit(void **state)
{
    (void)state;
    /* ж is d0 b6, ω cf 89, ł c5 82 (not decomposed by the folding) */
    const char *names[] = {"\xd0\x96\xd0\xb0\xd0\xbd Li", "\xce\xa9mega Li", "\xc5\x81ukasz Li", "Li Wang",
                           "\xc3\x89mile Li"};
    const char *queries[] = {"\xd0\xb6 li",     "li \xd0\xb6",     "\xcf\x89 l",     "\xc5\x82u li", "\xc5\x82",
                             "\xd0 li",         "li \xcf",         "e li",           "\xc3\xa9 l",   "li w",
                             "\xd0\xb6\xd0\xb0", "\xd0\xb6 \xcf\x89", "l \xc5\x82ukasz"};
    check_names(names, COUNT(names), queries, COUNT(queries), 10, 10);
}

static void one_name_word_matches_two_query_words(void **state)
{
    (void)state;
    const char *names[] = {"Li Wang", "Lin Wu", "Wang Li", "Ma Lin", "Lu Ma", "Li Li", "Wa Ng"};
    const char *queries[] = {"li li",     "l li",  "li l", "li lin", "lin li",
                             "wa wang",   "wang wa w", "l l l", "m ma", "ma mal"};
    check_names(names, COUNT(names), queries, COUNT(queries), 1, 10);
    /* two words of one name in the leading range: the author counts once
     * while it is listed, even as the last of a full list */
    fixture_t f;
    const char *one[] = {"Li Lin", "Bo Wu"};
    build(&f, one, 2);
    for (size_t limit = 1; limit <= 2; limit++)
        check_query(&f, "li", limit);
    check_query(&f, "l b", 1);
    destroy(&f);
}

static void words_longer_than_8_bytes_are_compared_whole(void **state)
{
    (void)state;
    const char *names[] = {"Christopher Li", "Christophe Li", "Christoph Wang", "Christopherson Ma", "Li Christopher",
                           "Ma Christophe Christian"};
    const char *queries[] = {"christopher", "christophe", "christoph", "christophers", "li christopher",
                             "christopher li", "christophe ma", "ma christophe", "christian christophe",
                             "christo christopher", "christopherson m", "c christopher"};
    check_names(names, COUNT(names), queries, COUNT(queries), 10, 10);
}

/* Many names of a few syllables, so that short words have large ranges:
 * enough names read for the search to switch to bitmaps of the ranges. */
static void many_names_agree_with_the_rule(void **state)
{
    (void)state;
    static const char *syl[] = {"li", "lin", "ma", "mi", "wang", "wa", "yu", "y", "ab", "ac", "bo", "ji",
                                "christopher", "christophe", "\xd0\x96", "an", "ka", "j", "smith", "zh"};
    enum { N_SYL = sizeof syl / sizeof *syl, N = 30000 };
    char **names = malloc(N * sizeof *names);
    assert_non_null(names);
    unsigned seed = 12345;
    for (size_t i = 0; i < N; i++) {
        char buf[96] = "";
        size_t words = 2 + (i % 3);
        for (size_t w = 0; w < words; w++) {
            seed = seed * 1103515245u + 12345u;
            const char *a = syl[(seed >> 16) % N_SYL];
            seed = seed * 1103515245u + 12345u;
            const char *b = syl[(seed >> 16) % N_SYL];
            strcat(buf, w ? " " : "");
            strcat(buf, a);
            if (strlen(a) < 4)
                strcat(buf, b);
        }
        names[i] = strdup(buf);
        assert_non_null(names[i]);
    }

    const char *queries[] = {"ma mi", "mi ma",  "li y",  "y li",   "wa wang", "li lin",       "ab ac", "ka an",
                             "j sm",  "sm j",   "bo l",  "li li",  "ma",      "y",            "\xd0\xb6 ma",
                             "christopher ma",  "ma christophe", "christophe", "l m a b", "li ma wa yu ji an ka bo",
                             "lima", "mali", "ji ji", "an an a", "ab li li", "zh ma ma", "y wa wa"};
    check_names((const char *const *)names, N, queries, COUNT(queries), 1, 50);
    for (size_t i = 0; i < N; i++)
        free(names[i]);
    free(names);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_letter_words_are_settled_by_the_mask),
        cmocka_unit_test(a_hash_collision_is_ruled_out_by_the_name),
        cmocka_unit_test(non_ascii_first_bytes_share_a_bit),
        cmocka_unit_test(one_name_word_matches_two_query_words),
        cmocka_unit_test(words_longer_than_8_bytes_are_compared_whole),
        cmocka_unit_test(many_names_agree_with_the_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
