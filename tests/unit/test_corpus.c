/* Unit tests: match keys, authors, identifiers, merges, the projection. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <utf8proc.h>

#include "coauthor.h"
#include "internal.h"

static void assert_key(const char *name, const char *want)
{
    char *key = NULL;
    assert_int_equal(coa_name_key(name, strlen(name), &key), COA_OK);
    assert_string_equal(key, want);
    free(key);
}

static void test_name_key(void **state)
{
    (void)state;
    assert_key("Ivan Titov", "ivan titov");
    assert_key("Titov, Ivan", "ivan titov");
    assert_key("  Ivan   Titov ", "ivan titov");
    assert_key("Sanja \xC5\xA0tajner", "sanja stajner");       /* Š */
    assert_key("Eduard H. Hovy", "eduard h hovy");
    assert_key("Thai-Son Nguyen", "thai son nguyen");
    assert_key("Max M\xC3\xBCller-Eberstein", "max muller eberstein");
    assert_key("Steele, Jr., Guy L.", "guy l steele jr");
    assert_key("\xEF\xBC\xA1lice", "alice");                      /* fullwidth A, NFKC */
    assert_key("...", "");
    /* apostrophes, quotes and dashes are one word break (issue 18) */
    assert_key("Jun\xE2\x80\x99ichi Tsujii", "jun ichi tsujii"); /* U+2019 */
    assert_key("Jun-ichi Tsujii", "jun ichi tsujii");
    assert_key("Jun'ichi Tsujii", "jun ichi tsujii");
    assert_key("Jun`ichi Tsujii", "jun ichi tsujii");
    assert_key("Jun\xCA\xBCichi Tsujii", "jun ichi tsujii"); /* U+02BC */
    /* a generational suffix goes last, in one spelling */
    assert_key("Nyberg, 3rd, Eric H.", "eric h nyberg iii");
    assert_key("Eric H. Nyberg III", "eric h nyberg iii");
    assert_key("Smith, John Jr.", "john smith jr");
    /* but a lone given name is never a suffix: I. V. Ramakrishnan */
    assert_key("Ramakrishnan, IV", "iv ramakrishnan");
    char *key = NULL;
    assert_int_equal(coa_name_key("Bad \xFF name", 10, &key), COA_EINVAL);
    assert_null(key);
}

/* coa_name_key lower-cases printable ASCII itself instead of calling
 * utf8proc: that must be exactly what utf8proc's mapping gives, for every
 * character alone and among others. */
static void test_name_key_ascii(void **state)
{
    (void)state;
    char all[96];
    for (int ch = 0x20; ch <= 0x7e; ch++) {
        char s[4] = {'Q', (char)ch, 'z', '\0'};
        utf8proc_uint8_t *m = NULL;
        utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 3, &m, (utf8proc_option_t)coa_name_key_map_options);
        char want[4] = {'q', (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch), 'z', '\0'};
        assert_int_equal(n, 3);
        assert_string_equal((const char *)m, want);
        free(m);
        all[ch - 0x20] = (char)ch;
    }
    all[95] = '\0';
    utf8proc_uint8_t *m = NULL;
    assert_int_equal(utf8proc_map((const utf8proc_uint8_t *)all, 95, &m, (utf8proc_option_t)coa_name_key_map_options),
                     95);
    for (int i = 0; i < 95; i++)
        assert_int_equal(m[i], all[i] >= 'A' && all[i] <= 'Z' ? all[i] + 32 : all[i]);
    free(m);
    /* and the key of a name is the same through either route */
    assert_key("O'Brien-Smith, J.R.R. (Jr)", "j r r (jr) o brien smith");
    assert_key("\xC3\x89mile O'Brien", "emile o brien");
}

static void add_paper(coa_corpus_t *c, const char *const *names, int n)
{
    coa_paper_t *p;
    assert_int_equal(coa_corpus_paper_begin(c, 0, 1, &p), COA_OK);
    for (int i = 0; i < n; i++)
        assert_int_equal(coa_corpus_paper_add_author(c, names[i], strlen(names[i]), 0, NULL), COA_OK);
    coa_corpus_paper_end(c);
}

static void test_authors_and_display(void **state)
{
    (void)state;
    coa_corpus_t c;
    uint32_t src;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(coa_corpus_add_source(&c, "t", "test", &src), COA_OK);
    const char *p1[] = {"Sanja Stajner", "Ann Lee", "ann  lee"};
    const char *p2[] = {"Sanja \xC5\xA0tajner", "Bob Roe"};
    add_paper(&c, p1, 3);
    add_paper(&c, p2, 2);
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    assert_int_equal(c.n_authors, 3);
    assert_int_equal(c.duplicate_authorships, 1); /* "Ann Lee" twice on one paper */
    uint32_t s = coa_corpus_find_author(&c, "sanja stajner");
    assert_int_not_equal(s, COA_NONE);
    assert_int_equal(c.authors[s].n_papers, 2);
    /* a tie between spellings goes to the one with diacritics */
    assert_string_equal(coa_corpus_str(&c, c.authors[s].display), "Sanja \xC5\xA0tajner");
    coa_corpus_destroy(&c);
}

static void test_identifiers(void **state)
{
    (void)state;
    coa_corpus_t c;
    uint32_t src, a, b, d, e;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(coa_corpus_add_source(&c, "t", "test", &src), COA_OK);
    assert_int_equal(coa_corpus_author(&c, "Wei Wang", 8, "dblp:Wei Wang 0001", &a), COA_OK);
    assert_int_equal(coa_corpus_author(&c, "Wei Wang", 8, "dblp:Wei Wang 0002", &b), COA_OK);
    assert_int_not_equal(a, b); /* one name, two identifiers: two people */
    assert_int_equal(coa_corpus_author(&c, "W. Wang", 7, "dblp:Wei Wang 0002", &d), COA_OK);
    assert_int_equal(d, b);     /* one identifier, another spelling: one person */
    assert_int_equal(coa_corpus_author(&c, "Wei Wang", 8, "orcid:0000-0001", &e), COA_OK);
    assert_int_equal(e, a);     /* another scheme cannot contradict the name */
    coa_corpus_destroy(&c);
}

static void test_merge(void **state)
{
    (void)state;
    coa_corpus_t c;
    uint32_t src;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(coa_corpus_add_source(&c, "t", "test", &src), COA_OK);
    const char *p1[] = {"I. Titov", "Ann Lee"};
    const char *p2[] = {"Ivan Titov", "I. Titov", "Bob Roe"};
    add_paper(&c, p1, 2);
    add_paper(&c, p2, 3);
    uint32_t from = coa_corpus_find_author(&c, "I. Titov"), into = coa_corpus_find_author(&c, "Ivan Titov");
    assert_int_equal(coa_corpus_merge(&c, from, into, "alias file"), COA_OK);
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    assert_int_equal(coa_corpus_find_author(&c, "I. Titov"), into);
    assert_int_equal(c.authors[into].n_papers, 2);
    assert_int_equal(c.papers[1].n_authorships, 2); /* both listings on paper 2 became one */
    assert_int_equal(c.n_merges, 1);

    coa_graph_t g;
    assert_int_equal(coa_graph_build(&g, &c, NULL), COA_OK);
    assert_int_equal(g.n_vertices, 3);
    assert_int_equal(igraph_ecount(&g.graph), 2);
    coa_graph_destroy(&g);
    coa_corpus_destroy(&c);
}

static void test_projection_weights(void **state)
{
    (void)state;
    coa_corpus_t c;
    uint32_t src;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(coa_corpus_add_source(&c, "t", "test", &src), COA_OK);
    const char *p1[] = {"A", "B", "C"};
    const char *p2[] = {"A", "B"};
    add_paper(&c, p1, 3);
    add_paper(&c, p2, 2);
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    coa_graph_t g;
    assert_int_equal(coa_graph_build(&g, &c, NULL), COA_OK);
    assert_int_equal(igraph_ecount(&g.graph), 3);
    /* edge A-B is edge 0: two joint papers, fractional 1/2 + 1/1 */
    assert_int_equal(VECTOR(g.joint_papers)[0], 2);
    assert_true(VECTOR(g.fractional)[0] > 1.4999 && VECTOR(g.fractional)[0] < 1.5001);
    assert_int_equal(g.edge_paper_start[1] - g.edge_paper_start[0], 2);
    coa_graph_destroy(&g);

    coa_select_t sel;
    coa_select_init(&sel);
    sel.min_weight = 2;
    assert_int_equal(coa_graph_build(&g, &c, &sel), COA_OK);
    assert_int_equal(igraph_ecount(&g.graph), 1);
    coa_graph_destroy(&g);

    igraph_t bip;
    igraph_vector_bool_t types;
    assert_int_equal(coa_graph_build(&g, &c, NULL), COA_OK);
    assert_int_equal(coa_bipartite_build(&g, &bip, &types, NULL), COA_OK);
    assert_int_equal(igraph_vcount(&bip), 5);
    assert_int_equal(igraph_ecount(&bip), 5);
    igraph_destroy(&bip);
    igraph_vector_bool_destroy(&types);
    coa_graph_destroy(&g);
    coa_corpus_destroy(&c);
}

/* keep_rows: each authorship's own spelling and identifier, although the
 * author they resolve to shows one display name and one identifier. */
static void test_keep_rows(void **state)
{
    (void)state;
    coa_corpus_t c;
    uint32_t src;
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    c.keep_rows = 1;
    assert_int_equal(coa_corpus_add_source(&c, "x", "test", &src), COA_OK);
    const char *names[] = {"Lee, Ann", "Ann Lee", "Ann Lee"};
    const char *ids[] = {NULL, "orcid:0000-0001", NULL};
    for (int p = 0; p < 3; p++) {
        assert_int_equal(coa_corpus_paper_begin(&c, src, (uint32_t)p + 1, NULL), COA_OK);
        assert_int_equal(coa_corpus_paper_add_author_ex(&c, names[p], strlen(names[p]), ids[p], 0, NULL), COA_OK);
        coa_corpus_paper_end(&c);
    }
    assert_int_equal(c.n_authors, 1);
    for (int p = 0; p < 3; p++) {
        assert_string_equal(coa_corpus_str(&c, c.row_spelling[p]), names[p]);
        assert_string_equal(coa_corpus_str(&c, c.row_id[p]), ids[p] ? ids[p] : "");
    }
    coa_corpus_destroy(&c);
}

int main(void)
{
    coa_library_init(1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_name_key),
        cmocka_unit_test(test_name_key_ascii),
        cmocka_unit_test(test_authors_and_display),
        cmocka_unit_test(test_identifiers),
        cmocka_unit_test(test_merge),
        cmocka_unit_test(test_projection_weights),
        cmocka_unit_test(test_keep_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
