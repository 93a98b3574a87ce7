/* Unit tests: an author's coauthors (order, counts, years, inferred),
 * and the centrality measures behind 'coauthor rank'.  The hand-written
 * betweenness is checked against igraph_betweenness on weighted graphs
 * with tied path lengths, and its sampled estimate for bias. */
#include <math.h>
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
    coa_corpus_t corpus;
    coa_graph_t graph;
} fixture_t;

/* Adds a paper; a name starting with '?' is an inferred authorship. */
static void paper(fixture_t *fx, int year, const char *title, const char *names)
{
    coa_paper_t *p;
    assert_int_equal(coa_corpus_paper_begin(&fx->corpus, 0, 1, &p), COA_OK);
    p->year = (int16_t)year;
    p->title = coa_corpus_intern(&fx->corpus, title, strlen(title));
    char buf[256];
    snprintf(buf, sizeof buf, "%s", names);
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
        int inferred = tok[0] == '?';
        const char *name = tok + inferred;
        assert_int_equal(coa_corpus_paper_add_author(&fx->corpus, name, strlen(name), inferred, NULL), COA_OK);
    }
    coa_corpus_paper_end(&fx->corpus);
}

static void begin(fixture_t *fx)
{
    uint32_t src;
    assert_int_equal(coa_corpus_init(&fx->corpus), COA_OK);
    assert_int_equal(coa_corpus_add_source(&fx->corpus, "t", "test", &src), COA_OK);
}

static void build(fixture_t *fx, const coa_select_t *sel)
{
    assert_int_equal(coa_corpus_finalize(&fx->corpus), COA_OK);
    assert_int_equal(coa_graph_build(&fx->graph, &fx->corpus, sel), COA_OK);
}

static void end(fixture_t *fx)
{
    coa_graph_destroy(&fx->graph);
    coa_corpus_destroy(&fx->corpus);
}

static uint32_t author(const fixture_t *fx, const char *name)
{
    uint32_t a = coa_corpus_find_author(&fx->corpus, name);
    assert_int_not_equal(a, COA_NONE);
    return a;
}

static igraph_integer_t vertex(const fixture_t *fx, const char *name)
{
    igraph_integer_t v = coa_graph_vertex_of(&fx->graph, author(fx, name));
    assert_true(v >= 0);
    return v;
}

static const char *name_of(const fixture_t *fx, const coa_coauthor_t *it)
{
    return coa_graph_vertex_name(&fx->graph, it->vertex);
}

/* Ada's coauthors, built so that the two orders differ:
 *   joint papers: Bo 2 (1.5), Di 2 (1.3333), Cy 2 (0.8333), Fe 1 (1.0),
 *                 Gu 1 (0.5), Hu 1 (0.5), Ed 1 (0.3333)
 *   fractional:   Bo, Di, Fe, Cy, Gu, Hu, Ed */
static void ada_corpus(fixture_t *fx)
{
    begin(fx);
    paper(fx, 2020, "P1", "Ada,Bo,Cy");
    paper(fx, 2021, "P2", "Ada,Bo");
    paper(fx, 2019, "P3", "Ada,Cy,Di,Ed");
    paper(fx, 2022, "P4", "?Ada,Di");
    paper(fx, 2018, "P5", "Ada,Fe");
    paper(fx, 2023, "P6", "Hu,Gu,Ada");
}

static void test_coauthors_by_joint(void **state)
{
    (void)state;
    fixture_t fx;
    ada_corpus(&fx);
    build(&fx, NULL);
    coa_coauthors_t list;
    assert_int_equal(coa_coauthors_init(&list, &fx.graph, author(&fx, "Ada"), COA_COAUTHORS_BY_JOINT), COA_OK);
    const char *want[] = {"Bo", "Di", "Cy", "Fe", "Gu", "Hu", "Ed"};
    assert_int_equal(list.n, 7);
    for (uint32_t i = 0; i < list.n; i++)
        assert_string_equal(name_of(&fx, &list.items[i]), want[i]);
    const coa_coauthor_t *bo = &list.items[0], *di = &list.items[1], *cy = &list.items[2];
    assert_true(bo->joint_papers == 2 && fabs(bo->fractional - 1.5) < 1e-12);
    assert_int_equal(bo->first_year, 2020);
    assert_int_equal(bo->last_year, 2021);
    assert_int_equal(bo->inferred, 0);
    assert_true(fabs(di->fractional - (1.0 / 3 + 1)) < 1e-12);
    assert_int_equal(di->first_year, 2019);
    assert_int_equal(di->last_year, 2022);
    assert_int_equal(di->inferred, 1); /* Ada only inferred on P4 */
    assert_true(fabs(cy->fractional - (0.5 + 1.0 / 3)) < 1e-12);

    /* the evidence: Di's papers newest first */
    uint32_t *papers, n;
    assert_int_equal(coa_edge_papers_by_year(&fx.graph, di->edge, &papers, &n), COA_OK);
    assert_int_equal(n, 2);
    assert_string_equal(coa_corpus_str(&fx.corpus, fx.corpus.papers[papers[0]].title), "P4");
    assert_string_equal(coa_corpus_str(&fx.corpus, fx.corpus.papers[papers[1]].title), "P3");
    free(papers);
    coa_coauthors_destroy(&list);
    end(&fx);
}

static void test_coauthors_by_fractional(void **state)
{
    (void)state;
    fixture_t fx;
    ada_corpus(&fx);
    build(&fx, NULL);
    coa_coauthors_t list;
    assert_int_equal(coa_coauthors_init(&list, &fx.graph, author(&fx, "Ada"), COA_COAUTHORS_BY_FRACTIONAL), COA_OK);
    const char *want[] = {"Bo", "Di", "Fe", "Cy", "Gu", "Hu", "Ed"};
    assert_int_equal(list.n, 7);
    for (uint32_t i = 0; i < list.n; i++)
        assert_string_equal(name_of(&fx, &list.items[i]), want[i]);
    coa_coauthors_destroy(&list);
    end(&fx);
}

static void test_coauthors_selection(void **state)
{
    (void)state;
    fixture_t fx;
    ada_corpus(&fx);
    coa_select_t sel;
    coa_select_init(&sel);
    sel.year_from = 2020;
    sel.year_to = 2021;
    build(&fx, &sel);
    coa_coauthors_t list;
    /* only P1 and P2 remain: Bo (2) and Cy (1) */
    assert_int_equal(coa_coauthors_init(&list, &fx.graph, author(&fx, "Ada"), COA_COAUTHORS_BY_JOINT), COA_OK);
    assert_int_equal(list.n, 2);
    assert_string_equal(name_of(&fx, &list.items[0]), "Bo");
    assert_true(list.items[1].joint_papers == 1);
    coa_coauthors_destroy(&list);
    /* Fe wrote only in 2018: not in this graph */
    assert_int_equal(coa_coauthors_init(&list, &fx.graph, author(&fx, "Fe"), COA_COAUTHORS_BY_JOINT), COA_ENOTFOUND);
    end(&fx);
}

static void test_measure_names(void **state)
{
    (void)state;
    for (int m = 0; m < COA_MEASURE_COUNT; m++) {
        coa_measure_t back;
        assert_non_null(coa_measure_name((coa_measure_t)m));
        assert_non_null(coa_measure_weight((coa_measure_t)m));
        assert_int_equal(coa_measure_parse(coa_measure_name((coa_measure_t)m), &back), COA_OK);
        assert_int_equal(back, m);
    }
    coa_measure_t x;
    assert_int_equal(coa_measure_parse("influence", &x), COA_EINVAL);
    assert_null(coa_measure_name(COA_MEASURE_COUNT));
}

static double score(const fixture_t *fx, coa_measure_t m, const coa_rank_options_t *opt, const char *name)
{
    igraph_vector_t s;
    coa_centrality_info_t info;
    assert_int_equal(igraph_vector_init(&s, 0), IGRAPH_SUCCESS);
    assert_int_equal(coa_centrality(&fx->graph, m, opt, &s, &info), COA_OK);
    double v = VECTOR(s)[vertex(fx, name)];
    igraph_vector_destroy(&s);
    return v;
}

/* Ab-Ba 2 papers, Ba-Ca 2 papers, Ab-Ca 1 paper: from Ab to Ca the
 * direct edge (length 1) and the way through Ba (1/2 + 1/2) tie, so Ba
 * lies on half of the shortest paths between Ab and Ca. */
static void test_betweenness_tied_lengths(void **state)
{
    (void)state;
    fixture_t fx;
    begin(&fx);
    paper(&fx, 2020, "x1", "Ab,Ba");
    paper(&fx, 2021, "x2", "Ab,Ba");
    paper(&fx, 2020, "x3", "Ba,Ca");
    paper(&fx, 2021, "x4", "Ba,Ca");
    paper(&fx, 2022, "x5", "Ab,Ca");
    build(&fx, NULL);
    assert_true(fabs(score(&fx, COA_MEASURE_BETWEENNESS, NULL, "Ba") - 0.5) < 1e-12);
    assert_true(fabs(score(&fx, COA_MEASURE_BETWEENNESS, NULL, "Ab")) < 1e-12);
    assert_true(fabs(score(&fx, COA_MEASURE_STRENGTH, NULL, "Ba") - 4) < 1e-12);
    assert_true(fabs(score(&fx, COA_MEASURE_DEGREE, NULL, "Ba") - 2) < 1e-12);
    end(&fx);
}

/* A random weighted corpus: exact betweenness (every vertex a source)
 * equals igraph_betweenness with lengths 1/joint_papers. */
static void test_betweenness_matches_igraph(void **state)
{
    (void)state;
    fixture_t fx;
    begin(&fx);
    unsigned long x = 12345;
    char names[64], title[16];
    for (int p = 0; p < 400; p++) {
        names[0] = 0;
        int k = 2 + (int)((x >> 7) % 3);
        for (int i = 0; i < k; i++) {
            x = x * 6364136223846793005UL + 1442695040888963407UL;
            /* 26 x 5 authors; small groups make repeated pairs and ties */
            char a[8];
            snprintf(a, sizeof a, "%c%c", 'A' + (int)((x >> 33) % 26), 'a' + (int)((x >> 40) % 5));
            if (strstr(names, a))
                continue;
            strcat(names, names[0] ? "," : "");
            strcat(names, a);
        }
        snprintf(title, sizeof title, "t%d", p);
        paper(&fx, 2000 + p % 20, title, names);
    }
    build(&fx, NULL);
    igraph_integer_t m = igraph_ecount(&fx.graph.graph), n = fx.graph.n_vertices;
    igraph_vector_t lengths, want, got;
    assert_int_equal(igraph_vector_init(&lengths, m), IGRAPH_SUCCESS);
    int several = 0;
    for (igraph_integer_t e = 0; e < m; e++) {
        VECTOR(lengths)[e] = 1.0 / VECTOR(fx.graph.joint_papers)[e];
        several += VECTOR(fx.graph.joint_papers)[e] > 1;
    }
    assert_true(several > 10);
    assert_int_equal(igraph_vector_init(&want, 0), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_init(&got, 0), IGRAPH_SUCCESS);
    assert_int_equal(igraph_betweenness(&fx.graph.graph, &want, igraph_vss_all(), 0, &lengths), IGRAPH_SUCCESS);
    coa_rank_options_t opt;
    coa_rank_options_init(&opt);
    opt.exact = 1;
    coa_centrality_info_t info;
    assert_int_equal(coa_centrality(&fx.graph, COA_MEASURE_BETWEENNESS, &opt, &got, &info), COA_OK);
    assert_int_equal(info.sampled, 0);
    assert_int_equal(info.sources, n);
    for (igraph_integer_t v = 0; v < n; v++)
        assert_true(fabs(VECTOR(got)[v] - VECTOR(want)[v]) <= 1e-9 * (1 + fabs(VECTOR(want)[v])));
    /* and a subset of sources agrees with igraph_betweenness_subset */
    igraph_integer_t sources[7] = {0, 3, 5, 17, 40, 41, n - 1};
    igraph_vector_int_t sv;
    igraph_vector_int_view(&sv, sources, 7);
    assert_int_equal(igraph_betweenness_subset(&fx.graph.graph, &want, igraph_vss_all(), 0, igraph_vss_vector(&sv),
                                               igraph_vss_all(), &lengths),
                     IGRAPH_SUCCESS);
    assert_int_equal(coa_betweenness_sources(&fx.graph, sources, 7, COA_BETWEENNESS_PLAIN, &got), COA_OK);
    for (igraph_integer_t v = 0; v < n; v++)
        assert_true(fabs(VECTOR(got)[v] - VECTOR(want)[v]) <= 1e-9 * (1 + fabs(VECTOR(want)[v])));
    /* linear scaling from every source is exact too: a pair's weights
     * from its two ends add up to 1 */
    assert_int_equal(igraph_betweenness(&fx.graph.graph, &want, igraph_vss_all(), 0, &lengths), IGRAPH_SUCCESS);
    igraph_integer_t *all = malloc((size_t)n * sizeof *all);
    assert_non_null(all);
    for (igraph_integer_t v = 0; v < n; v++)
        all[v] = v;
    assert_int_equal(coa_betweenness_sources(&fx.graph, all, n, COA_BETWEENNESS_LINEAR, &got), COA_OK);
    for (igraph_integer_t v = 0; v < n; v++)
        assert_true(fabs(VECTOR(got)[v] - VECTOR(want)[v]) <= 1e-9 * (1 + fabs(VECTOR(want)[v])));
    free(all);
    igraph_vector_destroy(&got);
    igraph_vector_destroy(&want);
    igraph_vector_destroy(&lengths);
    end(&fx);
}

/* A star of five authors: the centre's betweenness is C(4,2) = 6.  The
 * estimate from 2 sampled sources scales by n/k; over many seeds its
 * mean approaches 6 (it is unbiased).  With linear scaling a leaf source
 * gives the hub 3 x 1/2 (the hub is half-way to each other leaf). */
static void test_betweenness_sampled(void **state)
{
    (void)state;
    fixture_t fx;
    begin(&fx);
    paper(&fx, 2020, "s1", "Hub,Ann");
    paper(&fx, 2020, "s2", "Hub,Bea");
    paper(&fx, 2020, "s3", "Hub,Cid");
    paper(&fx, 2020, "s4", "Hub,Dov");
    build(&fx, NULL);
    coa_rank_options_t opt;
    coa_rank_options_init(&opt);
    opt.exact_limit = 0;
    opt.sample = 2;
    igraph_vector_t s;
    coa_centrality_info_t info;
    assert_int_equal(igraph_vector_init(&s, 0), IGRAPH_SUCCESS);
    double sum = 0;
    int runs = 2000;
    igraph_integer_t hub = vertex(&fx, "Hub");
    for (int seed = 1; seed <= runs; seed++) {
        opt.seed = (unsigned long)seed;
        assert_int_equal(coa_centrality(&fx.graph, COA_MEASURE_BETWEENNESS, &opt, &s, &info), COA_OK);
        assert_int_equal(info.sampled, 1);
        assert_int_equal(info.sources, 2);
        double v = VECTOR(s)[hub];
        /* two leaves: 2 x 3/2 x 5/2 = 7.5; a leaf and the hub: 3.75 */
        assert_true(fabs(v - 7.5) < 1e-12 || fabs(v - 3.75) < 1e-12);
        sum += v;
    }
    assert_true(fabs(sum / runs - 6) < 0.15);
    /* the same seed gives the same estimate */
    opt.seed = 7;
    assert_int_equal(coa_centrality(&fx.graph, COA_MEASURE_BETWEENNESS, &opt, &s, &info), COA_OK);
    double first = VECTOR(s)[hub];
    assert_int_equal(coa_centrality(&fx.graph, COA_MEASURE_BETWEENNESS, &opt, &s, &info), COA_OK);
    assert_true(VECTOR(s)[hub] == first);
    /* exact wins over the limit */
    opt.exact = 1;
    assert_int_equal(coa_centrality(&fx.graph, COA_MEASURE_BETWEENNESS, &opt, &s, &info), COA_OK);
    assert_int_equal(info.sampled, 0);
    assert_true(fabs(VECTOR(s)[hub] - 6) < 1e-12);
    igraph_vector_destroy(&s);
    end(&fx);
}

/* A triangle (leading eigenvalue 2), a pair (1) and a single author (0):
 * each component's own eigenvector, scaled by its eigenvalue over the
 * largest. */
static void test_eigenvector_per_component(void **state)
{
    (void)state;
    fixture_t fx;
    begin(&fx);
    paper(&fx, 2020, "e1", "Tia,Tob");
    paper(&fx, 2020, "e2", "Tob,Tum");
    paper(&fx, 2020, "e3", "Tum,Tia");
    paper(&fx, 2020, "e4", "Pam,Pol");
    paper(&fx, 2020, "e5", "Solo");
    build(&fx, NULL);
    assert_true(fabs(score(&fx, COA_MEASURE_EIGENVECTOR, NULL, "Tia") - 1) < 1e-9);
    assert_true(fabs(score(&fx, COA_MEASURE_EIGENVECTOR, NULL, "Tum") - 1) < 1e-9);
    assert_true(fabs(score(&fx, COA_MEASURE_EIGENVECTOR, NULL, "Pam") - 0.5) < 1e-9);
    assert_true(fabs(score(&fx, COA_MEASURE_EIGENVECTOR, NULL, "Solo")) < 1e-12);
    end(&fx);
}

/* PageRank sums to 1, and a weight vector of the wrong length is refused
 * (PRPACK would take it without a word). */
static void test_pagerank(void **state)
{
    (void)state;
    fixture_t fx;
    ada_corpus(&fx);
    build(&fx, NULL);
    igraph_vector_t s;
    coa_centrality_info_t info;
    assert_int_equal(igraph_vector_init(&s, 0), IGRAPH_SUCCESS);
    assert_int_equal(coa_centrality(&fx.graph, COA_MEASURE_PAGERANK, NULL, &s, &info), COA_OK);
    assert_true(fabs(igraph_vector_sum(&s) - 1) < 1e-9);
    assert_int_equal(igraph_vector_which_max(&s), vertex(&fx, "Ada"));
    coa_graph_t broken = fx.graph;
    igraph_vector_t short_weights;
    assert_int_equal(igraph_vector_init(&short_weights, igraph_ecount(&fx.graph.graph) - 1), IGRAPH_SUCCESS);
    broken.joint_papers = short_weights;
    assert_int_equal(coa_centrality(&broken, COA_MEASURE_PAGERANK, NULL, &s, &info), COA_EINVAL);
    igraph_vector_destroy(&short_weights);
    igraph_vector_destroy(&s);
    end(&fx);
}

/* Highest first, equal scores by name, undefined (NaN) scores last. */
static void test_rank_order(void **state)
{
    (void)state;
    fixture_t fx;
    begin(&fx);
    paper(&fx, 2020, "o1", "Zed,Amy");
    paper(&fx, 2020, "o2", "Max");
    paper(&fx, 2020, "o3", "Bob,Amy");
    build(&fx, NULL);
    coa_ranking_t r;
    assert_int_equal(coa_ranking_init(&r, &fx.graph, COA_MEASURE_CLOSENESS, NULL), COA_OK);
    const char *want[] = {"Amy", "Bob", "Zed", "Max"};
    assert_int_equal(r.n, 4);
    for (int i = 0; i < 4; i++)
        assert_string_equal(coa_graph_vertex_name(&fx.graph, r.order[i]), want[i]);
    assert_true(isnan(VECTOR(r.scores)[vertex(&fx, "Max")]));
    coa_ranking_destroy(&r);
    coa_ranking_destroy(&r); /* twice is harmless */
    end(&fx);
}

int main(void)
{
    coa_library_init(1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_coauthors_by_joint),
        cmocka_unit_test(test_coauthors_by_fractional),
        cmocka_unit_test(test_coauthors_selection),
        cmocka_unit_test(test_measure_names),
        cmocka_unit_test(test_betweenness_tied_lengths),
        cmocka_unit_test(test_betweenness_matches_igraph),
        cmocka_unit_test(test_betweenness_sampled),
        cmocka_unit_test(test_eigenvector_per_component),
        cmocka_unit_test(test_pagerank),
        cmocka_unit_test(test_rank_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
