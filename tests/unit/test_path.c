/* Unit tests: shortest and strongest chains, their evidence, distances.
 * The bidirectional search is checked against igraph's own searches on
 * random graphs: lengths, counts, and the full list of chains in name
 * order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include <cmocka.h>

#include "coauthor.h"

typedef struct {
    coa_corpus_t corpus;
    coa_graph_t graph;
    coa_path_finder_t *finder;
} fixture_t;

static void add_paper(coa_corpus_t *c, const char *const *names, int n, const int *inferred)
{
    coa_paper_t *p;
    assert_int_equal(coa_corpus_paper_begin(c, 0, 1, &p), COA_OK);
    p->year = 2020;
    for (int i = 0; i < n; i++)
        assert_int_equal(coa_corpus_paper_add_author(c, names[i], strlen(names[i]), inferred ? inferred[i] : 0, NULL),
                         COA_OK);
    coa_corpus_paper_end(c);
}

static void fixture_begin(fixture_t *fx)
{
    uint32_t src;
    assert_int_equal(coa_corpus_init(&fx->corpus), COA_OK);
    assert_int_equal(coa_corpus_add_source(&fx->corpus, "t", "test", &src), COA_OK);
}

static void fixture_build(fixture_t *fx)
{
    assert_int_equal(coa_corpus_finalize(&fx->corpus), COA_OK);
    assert_int_equal(coa_graph_build(&fx->graph, &fx->corpus, NULL), COA_OK);
    assert_int_equal(coa_path_finder_new(&fx->graph, &fx->finder), COA_OK);
}

static void fixture_end(fixture_t *fx)
{
    coa_path_finder_free(fx->finder);
    coa_graph_destroy(&fx->graph);
    coa_corpus_destroy(&fx->corpus);
}

static igraph_integer_t vertex(const fixture_t *fx, const char *name)
{
    uint32_t a = coa_corpus_find_author(&fx->corpus, name);
    assert_int_not_equal(a, COA_NONE);
    return coa_graph_vertex_of(&fx->graph, a);
}

static void pair(coa_corpus_t *c, const char *a, const char *b)
{
    const char *names[] = {a, b};
    add_paper(c, names, 2, NULL);
}

/* Writes chain i as names joined by '>' */
static void chain_text(const fixture_t *fx, const coa_path_result_t *r, uint32_t i, char *buf, size_t len)
{
    buf[0] = 0;
    for (uint32_t k = 0; k <= r->length; k++) {
        size_t used = strlen(buf);
        snprintf(buf + used, len - used, "%s%s", k ? ">" : "",
                 coa_graph_vertex_name(&fx->graph, r->vertices[(size_t)i * (r->length + 1) + k]));
    }
}

static void test_diamond(void **state)
{
    (void)state;
    fixture_t fx;
    fixture_begin(&fx);
    /* A-C, A-B, C-D, B-D, D-E, and a separate pair X-Y */
    pair(&fx.corpus, "A", "C");
    pair(&fx.corpus, "A", "B");
    pair(&fx.corpus, "C", "D");
    pair(&fx.corpus, "B", "D");
    pair(&fx.corpus, "B", "D");
    pair(&fx.corpus, "D", "E");
    pair(&fx.corpus, "X", "Y");
    fixture_build(&fx);
    coa_path_result_t r;
    coa_path_result_init(&r);
    char buf[256];

    assert_int_equal(coa_path_shortest(fx.finder, vertex(&fx, "A"), vertex(&fx, "E"), 1, &r), COA_OK);
    assert_true(r.found);
    assert_int_equal(r.length, 3);
    assert_int_equal(r.total_chains, 2);
    assert_int_equal(r.n_chains, 1);
    chain_text(&fx, &r, 0, buf, sizeof buf);
    assert_string_equal(buf, "A>B>D>E"); /* B before C by name */

    /* the other direction: names still decide, from the new start */
    assert_int_equal(coa_path_shortest(fx.finder, vertex(&fx, "E"), vertex(&fx, "A"), 10, &r), COA_OK);
    assert_int_equal(r.n_chains, 2);
    chain_text(&fx, &r, 0, buf, sizeof buf);
    assert_string_equal(buf, "E>D>B>A");
    chain_text(&fx, &r, 1, buf, sizeof buf);
    assert_string_equal(buf, "E>D>C>A");

    /* adjacent, and the same author */
    assert_int_equal(coa_path_shortest(fx.finder, vertex(&fx, "D"), vertex(&fx, "E"), 5, &r), COA_OK);
    assert_int_equal(r.length, 1);
    assert_int_equal(r.total_chains, 1);
    assert_int_equal(coa_path_shortest(fx.finder, vertex(&fx, "D"), vertex(&fx, "D"), 5, &r), COA_OK);
    assert_true(r.found);
    assert_int_equal(r.length, 0);
    assert_int_equal(r.n_chains, 1);

    /* different components: not found, and the smaller side is exhausted */
    assert_int_equal(coa_path_shortest(fx.finder, vertex(&fx, "A"), vertex(&fx, "X"), 1, &r), COA_OK);
    assert_false(r.found);
    assert_int_equal(r.n_chains, 0);
    assert_int_equal(r.exhausted_side, 1);
    assert_int_equal(r.exhausted_size, 2);

    /* strongest: B-D has two papers, so A>B>D>E costs 1 + 1/2 + 1 */
    assert_int_equal(coa_path_strongest(fx.finder, vertex(&fx, "A"), vertex(&fx, "E"), &r), COA_OK);
    assert_true(r.found);
    assert_int_equal(r.length, 3);
    assert_int_equal(r.total_chains, 1);
    assert_true(fabs(r.cost - 2.5) < 1e-12);
    chain_text(&fx, &r, 0, buf, sizeof buf);
    assert_string_equal(buf, "A>B>D>E");
    assert_int_equal(coa_path_strongest(fx.finder, vertex(&fx, "A"), vertex(&fx, "Y"), &r), COA_OK);
    assert_false(r.found);

    /* distances from A */
    coa_distances_t d;
    assert_int_equal(coa_path_distances(fx.finder, vertex(&fx, "A"), &d), COA_OK);
    assert_int_equal(d.max_distance, 3);
    assert_int_equal(d.reachable, 5);
    assert_int_equal(d.unreachable, 2);
    assert_int_equal(d.histogram[0], 1);
    assert_int_equal(d.histogram[1], 2);
    assert_int_equal(d.histogram[2], 1);
    assert_int_equal(d.histogram[3], 1);
    assert_int_equal(d.distance[vertex(&fx, "X")], COA_PATH_UNREACHED);
    assert_true(fabs(d.mean_distance - (1 + 1 + 2 + 3) / 4.0) < 1e-12);
    coa_distances_destroy(&d);

    coa_path_result_destroy(&r);
    fixture_end(&fx);
}

static void test_strongest_prefers_strength(void **state)
{
    (void)state;
    fixture_t fx;
    fixture_begin(&fx);
    /* short and weak A-B-Z, or long and strong A-C-D-Z (3 papers a hop) */
    pair(&fx.corpus, "A", "B");
    pair(&fx.corpus, "B", "Z");
    for (int i = 0; i < 3; i++) {
        pair(&fx.corpus, "A", "C");
        pair(&fx.corpus, "C", "D");
        pair(&fx.corpus, "D", "Z");
    }
    /* and a tie in cost and hops through E (names: C before E) */
    for (int i = 0; i < 3; i++) {
        pair(&fx.corpus, "A", "E");
        pair(&fx.corpus, "E", "D");
    }
    fixture_build(&fx);
    coa_path_result_t r;
    coa_path_result_init(&r);
    char buf[256];
    assert_int_equal(coa_path_strongest(fx.finder, vertex(&fx, "A"), vertex(&fx, "Z"), &r), COA_OK);
    assert_int_equal(r.length, 3);
    assert_true(fabs(r.cost - 1.0) < 1e-12);
    assert_int_equal(r.total_chains, 2);
    chain_text(&fx, &r, 0, buf, sizeof buf);
    assert_string_equal(buf, "A>C>D>Z");
    assert_int_equal(coa_path_shortest(fx.finder, vertex(&fx, "A"), vertex(&fx, "Z"), 1, &r), COA_OK);
    assert_int_equal(r.length, 2);
    coa_path_result_destroy(&r);
    fixture_end(&fx);
}

static void test_evidence_inferred(void **state)
{
    (void)state;
    fixture_t fx;
    fixture_begin(&fx);
    const char *p1[] = {"Zihan Qiu", "Owner"};
    const int inf1[] = {0, 1};
    const char *p2[] = {"Verna Dankers", "Owner"};
    add_paper(&fx.corpus, p1, 2, inf1);
    add_paper(&fx.corpus, p1, 2, inf1);
    add_paper(&fx.corpus, p2, 2, NULL);
    add_paper(&fx.corpus, p2, 2, inf1);
    fixture_build(&fx);
    coa_hop_t hop;
    coa_hop_init(&hop);
    assert_int_equal(coa_path_hop(fx.finder, vertex(&fx, "Zihan Qiu"), vertex(&fx, "Owner"), &hop), COA_OK);
    assert_int_equal(hop.n_papers, 2);
    assert_int_equal(hop.flags, COA_EVIDENCE_INFERRED);
    assert_int_equal(hop.paper_flags[0], COA_EVIDENCE_INFERRED);
    /* one stated paper is enough to clear the hop */
    assert_int_equal(coa_path_hop(fx.finder, vertex(&fx, "Owner"), vertex(&fx, "Verna Dankers"), &hop), COA_OK);
    assert_int_equal(hop.n_papers, 2);
    assert_int_equal(hop.flags, 0);
    assert_int_equal(hop.any_flags, COA_EVIDENCE_INFERRED);
    assert_int_equal(coa_path_hop(fx.finder, vertex(&fx, "Zihan Qiu"), vertex(&fx, "Verna Dankers"), &hop),
                     COA_ENOTFOUND);
    coa_hop_destroy(&hop);
    fixture_end(&fx);
}

static uint64_t rng_state;
static uint32_t rnd(uint32_t n)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)((rng_state >> 33) % n);
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Random graphs: every answer agrees with igraph's single-source searches. */
static void test_against_igraph(void **state)
{
    (void)state;
    rng_state = 7;
    for (int round = 0; round < 12; round++) {
        fixture_t fx;
        fixture_begin(&fx);
        uint32_t n = 20 + rnd(60), m = n + rnd(3 * n);
        char a[16], b[16], c3[16];
        for (uint32_t i = 0; i < m; i++) {
            snprintf(a, sizeof a, "n%02u", rnd(n));
            snprintf(b, sizeof b, "n%02u", rnd(n));
            if (rnd(4) == 0) {
                snprintf(c3, sizeof c3, "n%02u", rnd(n));
                const char *names[] = {a, b, c3};
                add_paper(&fx.corpus, names, 3, NULL);
            } else {
                const char *names[] = {a, b};
                add_paper(&fx.corpus, names, 2, NULL);
            }
        }
        fixture_build(&fx);
        const igraph_t *g = &fx.graph.graph;
        igraph_integer_t nv = igraph_vcount(g);
        igraph_vector_t cost;
        igraph_matrix_t hops, dij;
        assert_int_equal(igraph_vector_init(&cost, igraph_ecount(g)), 0);
        for (igraph_integer_t e = 0; e < igraph_ecount(g); e++)
            VECTOR(cost)[e] = 1.0 / VECTOR(fx.graph.joint_papers)[e];
        assert_int_equal(igraph_matrix_init(&hops, 0, 0), 0);
        assert_int_equal(igraph_matrix_init(&dij, 0, 0), 0);
        assert_int_equal(igraph_distances(g, &hops, igraph_vss_all(), igraph_vss_all(), IGRAPH_ALL), 0);
        assert_int_equal(igraph_distances_dijkstra(g, &dij, igraph_vss_all(), igraph_vss_all(), &cost, IGRAPH_ALL), 0);
        coa_path_result_t r;
        coa_path_result_init(&r);
        for (int q = 0; q < 25; q++) {
            igraph_integer_t s = rnd((uint32_t)nv), t = rnd((uint32_t)nv);
            assert_int_equal(coa_path_shortest(fx.finder, s, t, 100000, &r), COA_OK);
            double want = MATRIX(hops, s, t);
            if (!isfinite(want)) {
                assert_false(r.found);
                assert_int_equal(coa_path_strongest(fx.finder, s, t, &r), COA_OK);
                assert_false(r.found);
                continue;
            }
            assert_true(r.found);
            assert_int_equal(r.length, (uint32_t)want);
            /* every shortest chain, by igraph, sorted by names */
            igraph_vector_int_list_t paths;
            igraph_vector_int_t nrgeo;
            assert_int_equal(igraph_vector_int_list_init(&paths, 0), 0);
            assert_int_equal(igraph_vector_int_init(&nrgeo, 0), 0);
            assert_int_equal(igraph_get_all_shortest_paths(g, &paths, NULL, &nrgeo, s, igraph_vss_1(t), IGRAPH_ALL),
                             0);
            igraph_integer_t np = igraph_vector_int_list_size(&paths);
            assert_int_equal(r.total_chains, (uint64_t)VECTOR(nrgeo)[t]);
            assert_int_equal(r.total_chains, (uint64_t)np);
            assert_int_equal(r.n_chains, (uint32_t)np);
            char **want_text = calloc((size_t)np, sizeof *want_text);
            for (igraph_integer_t i = 0; i < np; i++) {
                igraph_vector_int_t *p = igraph_vector_int_list_get_ptr(&paths, i);
                want_text[i] = calloc(1, 1024);
                for (igraph_integer_t k = 0; k < igraph_vector_int_size(p); k++) {
                    size_t used = strlen(want_text[i]);
                    snprintf(want_text[i] + used, 1024 - used, "%s%s", k ? ">" : "",
                             coa_graph_vertex_name(&fx.graph, VECTOR(*p)[k]));
                }
            }
            qsort(want_text, (size_t)np, sizeof *want_text, str_cmp);
            char buf[1024];
            for (igraph_integer_t i = 0; i < np; i++) {
                chain_text(&fx, &r, (uint32_t)i, buf, sizeof buf);
                assert_string_equal(buf, want_text[i]);
                free(want_text[i]);
            }
            free(want_text);
            igraph_vector_int_list_destroy(&paths);
            igraph_vector_int_destroy(&nrgeo);

            /* a limit lists the first chains only; one chain is found
             * without the listing, and must be the same */
            char first[1024];
            chain_text(&fx, &r, 0, first, sizeof first);
            assert_int_equal(coa_path_shortest(fx.finder, s, t, 1, &r), COA_OK);
            assert_int_equal(r.n_chains, 1);
            chain_text(&fx, &r, 0, buf, sizeof buf);
            assert_string_equal(buf, first);
            if (np > 2) {
                assert_int_equal(coa_path_shortest(fx.finder, s, t, 2, &r), COA_OK);
                assert_int_equal(r.n_chains, 2);
                chain_text(&fx, &r, 0, buf, sizeof buf);
                assert_string_equal(buf, first);
            }

            /* strongest: igraph's Dijkstra cost, and a real chain of that cost */
            assert_int_equal(coa_path_strongest(fx.finder, s, t, &r), COA_OK);
            assert_true(r.found);
            assert_true(fabs(r.cost - MATRIX(dij, s, t)) < 1e-9);
            assert_true(r.total_chains >= 1);
            double sum = 0;
            for (uint32_t k = 0; k < r.length; k++) {
                igraph_integer_t eid;
                assert_int_equal(igraph_get_eid(g, &eid, r.vertices[k], r.vertices[k + 1], IGRAPH_UNDIRECTED, 1), 0);
                sum += VECTOR(cost)[eid];
            }
            assert_true(fabs(sum - r.cost) < 1e-9);
            assert_int_equal(r.vertices[0], s);
            assert_int_equal(r.vertices[r.length], t);
        }
        /* distances agree with igraph's BFS */
        coa_distances_t d;
        igraph_integer_t root = rnd((uint32_t)nv);
        assert_int_equal(coa_path_distances(fx.finder, root, &d), COA_OK);
        for (igraph_integer_t v = 0; v < nv; v++) {
            double want = MATRIX(hops, root, v);
            if (isfinite(want))
                assert_int_equal(d.distance[v], (uint32_t)want);
            else
                assert_int_equal(d.distance[v], COA_PATH_UNREACHED);
        }
        coa_distances_destroy(&d);
        coa_path_result_destroy(&r);
        igraph_matrix_destroy(&hops);
        igraph_matrix_destroy(&dij);
        igraph_vector_destroy(&cost);
        fixture_end(&fx);
    }
}

int main(void)
{
    coa_library_init(1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diamond),
        cmocka_unit_test(test_strongest_prefers_strength),
        cmocka_unit_test(test_evidence_inferred),
        cmocka_unit_test(test_against_igraph),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
