/* Unit tests: community detection (Leiden's quality, the exact optimum
 * per component, numbering, the size guard, determinism). */
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
#include "coauthor/community.h"

typedef struct {
    coa_corpus_t corpus;
    coa_graph_t graph;
} fixture_t;

/* A graph from an edge list of member numbers, as SNAP sources give them:
 * names "m01", "m02", ... */
static void build_links(fixture_t *f, const igraph_integer_t *edges, igraph_integer_t m)
{
    uint32_t src;
    assert_int_equal(coa_corpus_init(&f->corpus), COA_OK);
    assert_int_equal(coa_corpus_add_source(&f->corpus, "t", "test", &src), COA_OK);
    for (igraph_integer_t e = 0; e < m; e++) {
        char a[16], b[16];
        snprintf(a, sizeof a, "m%02d", (int)edges[2 * e]);
        snprintf(b, sizeof b, "m%02d", (int)edges[2 * e + 1]);
        assert_int_equal(coa_corpus_add_link(&f->corpus, src, (uint32_t)e + 1, a, strlen(a), b, strlen(b)), COA_OK);
    }
    assert_int_equal(coa_corpus_finalize(&f->corpus), COA_OK);
    coa_select_t sel;
    coa_select_init(&sel);
    assert_int_equal(coa_graph_build(&f->graph, &f->corpus, &sel), COA_OK);
}

/* A graph from papers, each given as a list of member numbers ending in -1,
 * so that edges carry joint-paper weights above 1. */
static void build_papers(fixture_t *f, const int *papers)
{
    uint32_t src;
    assert_int_equal(coa_corpus_init(&f->corpus), COA_OK);
    assert_int_equal(coa_corpus_add_source(&f->corpus, "t", "test", &src), COA_OK);
    for (const int *p = papers; *p >= 0; p++) {
        coa_paper_t *paper;
        assert_int_equal(coa_corpus_paper_begin(&f->corpus, src, 1, &paper), COA_OK);
        for (; *p >= 0; p++) {
            char a[16];
            snprintf(a, sizeof a, "m%02d", *p);
            assert_int_equal(coa_corpus_paper_add_author(&f->corpus, a, strlen(a), 0, NULL), COA_OK);
        }
        coa_corpus_paper_end(&f->corpus);
    }
    assert_int_equal(coa_corpus_finalize(&f->corpus), COA_OK);
    coa_select_t sel;
    coa_select_init(&sel);
    assert_int_equal(coa_graph_build(&f->graph, &f->corpus, &sel), COA_OK);
}

static void fixture_destroy(fixture_t *f)
{
    coa_graph_destroy(&f->graph);
    coa_corpus_destroy(&f->corpus);
}

static void build_karate(fixture_t *f)
{
    igraph_t k;
    igraph_vector_int_t edges;
    assert_int_equal(igraph_famous(&k, "Zachary"), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_int_init(&edges, 0), IGRAPH_SUCCESS);
    assert_int_equal(igraph_get_edgelist(&k, &edges, 0), IGRAPH_SUCCESS);
    build_links(f, VECTOR(edges), igraph_ecount(&k));
    assert_int_equal(f->graph.n_vertices, 34);
    assert_int_equal(igraph_ecount(&f->graph.graph), 78);
    igraph_vector_int_destroy(&edges);
    igraph_destroy(&k);
}

static double modularity_of(const fixture_t *f, const coa_communities_t *c, const igraph_vector_t *w, double gamma)
{
    igraph_real_t q;
    assert_int_equal(igraph_modularity(&f->graph.graph, &c->membership, w, gamma, 0, &q), IGRAPH_SUCCESS);
    return q;
}

static void assert_numbered(const fixture_t *f, const coa_communities_t *c)
{
    /* sizes never grow; equal sizes are ordered by the smallest member name */
    igraph_integer_t n = igraph_vector_int_size(&c->membership);
    const char **smallest = calloc((size_t)c->n_communities, sizeof *smallest);
    assert_non_null(smallest);
    for (igraph_integer_t v = 0; v < n; v++) {
        igraph_integer_t k = VECTOR(c->membership)[v];
        assert_true(k >= 0 && k < c->n_communities);
        const char *name = coa_graph_vertex_name(&f->graph, v);
        if (!smallest[k] || strcmp(name, smallest[k]) < 0)
            smallest[k] = name;
    }
    for (igraph_integer_t k = 1; k < c->n_communities; k++) {
        assert_true(VECTOR(c->sizes)[k - 1] >= VECTOR(c->sizes)[k]);
        if (VECTOR(c->sizes)[k - 1] == VECTOR(c->sizes)[k])
            assert_true(strcmp(smallest[k - 1], smallest[k]) < 0);
    }
    free(smallest);
}

static void test_karate_optimum(void **state)
{
    (void)state;
    fixture_t f;
    build_karate(&f);
    coa_community_options_t o;
    coa_community_options_init(&o);
    o.method = COA_COMMUNITY_OPTIMAL;
    coa_communities_t c;
    assert_int_equal(coa_communities_detect(&c, &f.graph, &o), COA_OK);
    /* Q = 0.4198 (Brandes et al. 2008; igraph's documentation) */
    assert_true(fabs(c.modularity - 0.4197896) < 1e-6);
    double optimum = c.modularity;
    assert_int_equal(c.n_communities, 4);
    assert_int_equal(c.optimal_largest, 34);
    assert_numbered(&f, &c);
    igraph_integer_t internal = 0, external = 0, size = 0;
    for (igraph_integer_t k = 0; k < c.n_communities; k++) {
        internal += VECTOR(c.internal_edges)[k];
        external += VECTOR(c.external_edges)[k];
        size += VECTOR(c.sizes)[k];
    }
    assert_int_equal(size, 34);
    assert_int_equal(internal + external / 2, 78);
    coa_communities_destroy(&c);

    /* Leiden, best of 10 seeds, stays at or below the optimum */
    o.method = COA_COMMUNITY_LEIDEN;
    o.runs = 10;
    assert_int_equal(coa_communities_detect(&c, &f.graph, &o), COA_OK);
    assert_true(c.modularity <= optimum + 1e-12);
    assert_true(c.modularity > 0.40);
    coa_communities_destroy(&c);
    fixture_destroy(&f);
}

static void test_leiden_quality_is_modularity(void **state)
{
    (void)state;
    fixture_t f;
    build_karate(&f);
    coa_community_options_t o;
    coa_community_options_init(&o);
    const double gammas[] = {1.0, 0.5, 2.0};
    for (size_t i = 0; i < sizeof gammas / sizeof *gammas; i++) {
        o.resolution = gammas[i];
        coa_communities_t c;
        assert_int_equal(coa_communities_detect(&c, &f.graph, &o), COA_OK);
        assert_true(fabs(c.quality - modularity_of(&f, &c, &f.graph.joint_papers, gammas[i])) < 1e-9);
        assert_true(fabs(c.modularity - modularity_of(&f, &c, &f.graph.joint_papers, 1.0)) < 1e-12);
        assert_numbered(&f, &c);
        coa_communities_destroy(&c);
    }
    /* a higher resolution gives more communities on this graph */
    coa_communities_t lo, hi;
    o.resolution = 0.3;
    assert_int_equal(coa_communities_detect(&lo, &f.graph, &o), COA_OK);
    o.resolution = 3.0;
    assert_int_equal(coa_communities_detect(&hi, &f.graph, &o), COA_OK);
    assert_true(lo.n_communities < hi.n_communities);
    coa_communities_destroy(&lo);
    coa_communities_destroy(&hi);
    fixture_destroy(&f);
}

static void test_every_method(void **state)
{
    (void)state;
    fixture_t f;
    build_karate(&f);
    coa_community_options_t o;
    coa_community_options_init(&o);
    for (int m = COA_COMMUNITY_LEIDEN; m <= COA_COMMUNITY_OPTIMAL; m++) {
        for (int w = COA_COMMUNITY_WEIGHT_JOINT; w <= COA_COMMUNITY_WEIGHT_NONE; w++) {
            o.method = (coa_community_method_t)m;
            o.weight = (coa_community_weight_t)w;
            coa_communities_t a, b;
            assert_int_equal(coa_communities_detect(&a, &f.graph, &o), COA_OK);
            assert_int_equal(coa_communities_detect(&b, &f.graph, &o), COA_OK);
            /* the same seed gives the same partition */
            assert_true(igraph_vector_int_all_e(&a.membership, &b.membership));
            assert_true(a.n_communities >= 1 && a.n_communities <= 34);
            /* label propagation settles for less (about 0.13 here) */
            assert_true(a.modularity > 0.1 && a.modularity < 0.4198);
            assert_numbered(&f, &a);
            coa_communities_destroy(&a);
            coa_communities_destroy(&b);
        }
    }
    fixture_destroy(&f);
}

/* Two components, with joint-paper weights: solving each on its own, padded
 * to the whole graph's weight, must give igraph's optimum of the whole. */
static void test_optimum_per_component(void **state)
{
    (void)state;
    static const int papers[] = {
        /* component A: two triangles bridged, one pair strong */
        1, 2, 3, -1, 1, 2, -1, 1, 2, -1, 3, 4, -1, 4, 5, 6, -1, 5, 6, -1, 6, 7, -1, 7, 8, -1, 8, 4, -1,
        /* component B: a star and a pair */
        10, 11, -1, 10, 12, -1, 10, 13, -1, 13, 14, -1, 14, 15, -1, 15, 13, -1, 14, 15, -1,
        /* component C: one edge; D: an author alone */
        20, 21, -1, 30, -1, -1};
    fixture_t f;
    build_papers(&f, papers);
    coa_community_options_t o;
    coa_community_options_init(&o);
    o.method = COA_COMMUNITY_OPTIMAL;
    for (int w = COA_COMMUNITY_WEIGHT_JOINT; w <= COA_COMMUNITY_WEIGHT_NONE; w++) {
        o.weight = (coa_community_weight_t)w;
        const igraph_vector_t *weights = coa_community_weights(&f.graph, o.weight);
        coa_communities_t c;
        assert_int_equal(coa_communities_detect(&c, &f.graph, &o), COA_OK);
        igraph_real_t q;
        igraph_vector_int_t whole;
        assert_int_equal(igraph_vector_int_init(&whole, 0), IGRAPH_SUCCESS);
        assert_int_equal(igraph_community_optimal_modularity(&f.graph.graph, &q, &whole, weights), IGRAPH_SUCCESS);
        assert_true(fabs(c.modularity - q) < 1e-9);
        assert_true(fabs(c.modularity - modularity_of(&f, &c, weights, 1.0)) < 1e-12);
        assert_int_equal(c.optimal_largest, 8);
        assert_numbered(&f, &c);
        igraph_vector_int_destroy(&whole);
        coa_communities_destroy(&c);
    }
    fixture_destroy(&f);
}

static void test_size_guard(void **state)
{
    (void)state;
    igraph_integer_t edges[2 * 60];
    for (int i = 0; i < 60; i++) {
        edges[2 * i] = i;
        edges[2 * i + 1] = i + 1;
    }
    fixture_t f;
    build_links(&f, edges, 60);
    coa_community_options_t o;
    coa_community_options_init(&o);
    o.method = COA_COMMUNITY_OPTIMAL;
    coa_communities_t c;
    assert_int_equal(coa_communities_detect(&c, &f.graph, &o), COA_EINVAL);
    assert_int_equal(c.optimal_largest, 61);
    coa_communities_destroy(&c);
    coa_communities_destroy(&c); /* safe twice */
    fixture_destroy(&f);
}

static void test_no_edges(void **state)
{
    (void)state;
    static const int papers[] = {1, -1, 2, -1, 3, -1, -1};
    fixture_t f;
    build_papers(&f, papers);
    coa_community_options_t o;
    coa_community_options_init(&o);
    coa_communities_t c;
    assert_int_equal(coa_communities_detect(&c, &f.graph, &o), COA_OK);
    assert_int_equal(c.n_communities, 3);
    assert_true(isnan(c.modularity));
    assert_string_equal(coa_graph_vertex_name(&f.graph, VECTOR(c.membership)[0] == 0 ? 0 : 1), "m01");
    coa_communities_destroy(&c);
    fixture_destroy(&f);
}

static void test_members_and_names(void **state)
{
    (void)state;
    fixture_t f;
    build_karate(&f);
    coa_community_options_t o;
    coa_community_options_init(&o);
    o.method = COA_COMMUNITY_OPTIMAL;
    coa_communities_t c;
    assert_int_equal(coa_communities_detect(&c, &f.graph, &o), COA_OK);
    igraph_vector_int_t members;
    assert_int_equal(igraph_vector_int_init(&members, 0), IGRAPH_SUCCESS);
    for (igraph_integer_t k = 0; k < c.n_communities; k++) {
        assert_int_equal(coa_communities_members(&c, &f.graph, k, &members), COA_OK);
        assert_int_equal(igraph_vector_int_size(&members), VECTOR(c.sizes)[k]);
        for (igraph_integer_t i = 1; i < igraph_vector_int_size(&members); i++)
            assert_true(VECTOR(c.internal_strength)[VECTOR(members)[i - 1]] >=
                        VECTOR(c.internal_strength)[VECTOR(members)[i]]);
    }
    /* the instructor (vertex 0 of igraph's graph, m00) and the president
     * (m33) lead different communities */
    assert_int_equal(coa_communities_members(&c, &f.graph, VECTOR(c.membership)[0], &members), COA_OK);
    igraph_integer_t v00 = -1, v33 = -1;
    for (igraph_integer_t v = 0; v < 34; v++) {
        if (!strcmp(coa_graph_vertex_name(&f.graph, v), "m00"))
            v00 = v;
        if (!strcmp(coa_graph_vertex_name(&f.graph, v), "m33"))
            v33 = v;
    }
    assert_true(v00 >= 0 && v33 >= 0);
    assert_true(VECTOR(c.membership)[v00] != VECTOR(c.membership)[v33]);
    assert_int_equal(coa_communities_members(&c, &f.graph, VECTOR(c.membership)[v00], &members), COA_OK);
    assert_string_equal(coa_graph_vertex_name(&f.graph, VECTOR(members)[0]), "m00");
    assert_int_equal(coa_communities_members(&c, &f.graph, c.n_communities, &members), COA_EINVAL);
    igraph_vector_int_destroy(&members);
    coa_communities_destroy(&c);
    fixture_destroy(&f);

    coa_community_method_t m;
    coa_community_weight_t w;
    assert_int_equal(coa_community_method_parse("walktrap", &m), COA_OK);
    assert_int_equal(m, COA_COMMUNITY_WALKTRAP);
    assert_string_equal(coa_community_method_name(COA_COMMUNITY_OPTIMAL), "optimal");
    assert_int_equal(coa_community_method_parse("spinglass", &m), COA_EINVAL);
    assert_int_equal(coa_community_weight_parse("fractional", &w), COA_OK);
    assert_int_equal(w, COA_COMMUNITY_WEIGHT_FRACTIONAL);
    assert_string_equal(coa_community_weight_name(COA_COMMUNITY_WEIGHT_NONE), "none");
}

int main(void)
{
    coa_library_init(1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_karate_optimum),
        cmocka_unit_test(test_leiden_quality_is_modularity),
        cmocka_unit_test(test_every_method),
        cmocka_unit_test(test_optimum_per_component),
        cmocka_unit_test(test_size_guard),
        cmocka_unit_test(test_no_edges),
        cmocka_unit_test(test_members_and_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
