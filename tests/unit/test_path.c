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

/* Chain i of a result whose vertices are corpus authors, as chain_text. */
static void author_chain_text(const fixture_t *fx, const coa_chains_t *r, uint32_t i, char *buf, size_t len)
{
    buf[0] = 0;
    for (uint32_t k = 0; k <= r->length; k++) {
        size_t used = strlen(buf);
        uint32_t a = r->vertices[(size_t)i * (r->length + 1) + k];
        snprintf(buf + used, len - used, "%s%s", k ? ">" : "",
                 coa_graph_vertex_name(&fx->graph, fx->graph.author_vertex[a]));
    }
}

/* Every shortest chain from s to t on g (fx's graph, or a copy of it with
 * edges removed), by igraph, as chain_text writes them, in name order;
 * *np of them, each to be freed. */
static char **igraph_chains_text(const fixture_t *fx, const igraph_t *g, igraph_integer_t s, igraph_integer_t t,
                                 igraph_integer_t *np)
{
    igraph_vector_int_list_t paths;
    igraph_vector_int_t nrgeo;
    assert_int_equal(igraph_vector_int_list_init(&paths, 0), 0);
    assert_int_equal(igraph_vector_int_init(&nrgeo, 0), 0);
    assert_int_equal(igraph_get_all_shortest_paths(g, &paths, NULL, &nrgeo, s, igraph_vss_1(t), IGRAPH_ALL), 0);
    *np = igraph_vector_int_list_size(&paths);
    assert_int_equal(*np, VECTOR(nrgeo)[t]);
    char **text = calloc((size_t)*np + 1, sizeof *text);
    for (igraph_integer_t i = 0; i < *np; i++) {
        igraph_vector_int_t *p = igraph_vector_int_list_get_ptr(&paths, i);
        text[i] = calloc(1, 1024);
        for (igraph_integer_t k = 0; k < igraph_vector_int_size(p); k++) {
            size_t used = strlen(text[i]);
            snprintf(text[i] + used, 1024 - used, "%s%s", k ? ">" : "",
                     coa_graph_vertex_name(&fx->graph, VECTOR(*p)[k]));
        }
    }
    qsort(text, (size_t)*np, sizeof *text, str_cmp);
    igraph_vector_int_list_destroy(&paths);
    igraph_vector_int_destroy(&nrgeo);
    return text;
}

static void free_texts(char **text, igraph_integer_t n)
{
    for (igraph_integer_t i = 0; i < n; i++)
        free(text[i]);
    free(text);
}

/* A random graph of 20 to 80 authors, with some three-author papers. */
static void random_graph(fixture_t *fx)
{
    fixture_begin(fx);
    uint32_t n = 20 + rnd(60), m = n + rnd(3 * n);
    char a[16], b[16], c3[16];
    for (uint32_t i = 0; i < m; i++) {
        snprintf(a, sizeof a, "n%02u", rnd(n));
        snprintf(b, sizeof b, "n%02u", rnd(n));
        if (rnd(4) == 0) {
            snprintf(c3, sizeof c3, "n%02u", rnd(n));
            const char *names[] = {a, b, c3};
            add_paper(&fx->corpus, names, 3, NULL);
        } else {
            const char *names[] = {a, b};
            add_paper(&fx->corpus, names, 2, NULL);
        }
    }
    fixture_build(fx);
}

/* Random graphs: every answer agrees with igraph's single-source searches. */
static void test_against_igraph(void **state)
{
    (void)state;
    rng_state = 7;
    for (int round = 0; round < 12; round++) {
        fixture_t fx;
        random_graph(&fx);
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
            igraph_integer_t np;
            char **want_text = igraph_chains_text(&fx, g, s, t, &np);
            assert_int_equal(r.total_chains, (uint64_t)np);
            assert_int_equal(r.n_chains, (uint32_t)np);
            char buf[1024];
            for (igraph_integer_t i = 0; i < np; i++) {
                chain_text(&fx, &r, (uint32_t)i, buf, sizeof buf);
                assert_string_equal(buf, want_text[i]);
            }
            free_texts(want_text, np);

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

/* Random graphs with an author avoided: the chains are igraph's on the
 * graph without that author's edges, listed whole, one at a time and two
 * at a time. */
static void test_avoid_against_igraph(void **state)
{
    (void)state;
    rng_state = 11;
    for (int round = 0; round < 12; round++) {
        fixture_t fx;
        random_graph(&fx);
        const igraph_t *g = &fx.graph.graph;
        igraph_integer_t nv = igraph_vcount(g);
        coa_view_t *v;
        assert_int_equal(coa_view_new_graph(&fx.graph, &v), COA_OK);
        coa_chains_t r;
        coa_chains_init(&r);
        for (int q = 0; q < 25; q++) {
            igraph_integer_t s = rnd((uint32_t)nv), t = rnd((uint32_t)nv), x = rnd((uint32_t)nv);
            if (x == s || x == t)
                continue;
            igraph_t without;
            igraph_vector_int_t eids;
            assert_int_equal(igraph_copy(&without, g), 0);
            assert_int_equal(igraph_vector_int_init(&eids, 0), 0);
            assert_int_equal(igraph_incident(g, &eids, x, IGRAPH_ALL), 0);
            assert_int_equal(igraph_delete_edges(&without, igraph_ess_vector(&eids)), 0);
            igraph_matrix_t hops;
            assert_int_equal(igraph_matrix_init(&hops, 0, 0), 0);
            assert_int_equal(igraph_distances(&without, &hops, igraph_vss_1(s), igraph_vss_1(t), IGRAPH_ALL), 0);
            uint32_t from = fx.graph.vertex_author[s], to = fx.graph.vertex_author[t],
                     avoid = fx.graph.vertex_author[x];
            assert_int_equal(coa_view_chains(v, from, to, 100000, &avoid, 1, &r), COA_OK);
            if (!isfinite(MATRIX(hops, 0, 0))) {
                assert_false(r.found);
            } else {
                assert_true(r.found);
                assert_int_equal(r.length, (uint32_t)MATRIX(hops, 0, 0));
                igraph_integer_t np;
                char **want = igraph_chains_text(&fx, &without, s, t, &np);
                assert_int_equal(r.total_chains, (uint64_t)np);
                assert_false(r.total_saturated);
                assert_int_equal(r.n_chains, (uint32_t)np);
                char buf[1024];
                for (igraph_integer_t i = 0; i < np; i++) {
                    author_chain_text(&fx, &r, (uint32_t)i, buf, sizeof buf);
                    assert_string_equal(buf, want[i]);
                }
                for (uint32_t limit = 1; limit <= 2; limit++) {
                    assert_int_equal(coa_view_chains(v, from, to, limit, &avoid, 1, &r), COA_OK);
                    assert_int_equal(r.total_chains, (uint64_t)np);
                    assert_int_equal(r.n_chains, np < limit ? (uint32_t)np : limit);
                    for (uint32_t i = 0; i < r.n_chains; i++) {
                        author_chain_text(&fx, &r, i, buf, sizeof buf);
                        assert_string_equal(buf, want[i]);
                    }
                }
                free_texts(want, np);
            }
            igraph_matrix_destroy(&hops);
            igraph_vector_int_destroy(&eids);
            igraph_destroy(&without);
        }
        coa_chains_destroy(&r);
        coa_view_free(v);
        fixture_end(&fx);
    }
}

/* Layers of 16 authors, each author coauthor of every author of the next
 * layer, between A and Z: 16^layers chains, which a uint64_t holds up to
 * 15 layers.  Each side's levels hold many slots that meet the other side
 * through many steps each. */
static void ladder(fixture_t *fx, int layers)
{
    char a[32], b[32];
    fixture_begin(fx);
    for (int k = 0; k < 16; k++) {
        snprintf(a, sizeof a, "L01_%02d", k);
        pair(&fx->corpus, "A", a);
        snprintf(a, sizeof a, "L%02d_%02d", layers, k);
        pair(&fx->corpus, a, "Z");
    }
    for (int i = 1; i < layers; i++)
        for (int k = 0; k < 16; k++)
            for (int j = 0; j < 16; j++) {
                snprintf(a, sizeof a, "L%02d_%02d", i, k);
                snprintf(b, sizeof b, "L%02d_%02d", i + 1, j);
                pair(&fx->corpus, a, b);
            }
    fixture_build(fx);
}

static void test_many_chains(void **state)
{
    (void)state;
    for (int layers = 15; layers <= 16; layers++) {
        fixture_t fx;
        ladder(&fx, layers);
        coa_path_result_t r;
        coa_path_result_init(&r);
        char buf[512], want[512];
        for (int from_a = 0; from_a < 2; from_a++) {
            igraph_integer_t s = vertex(&fx, from_a ? "A" : "Z"), t = vertex(&fx, from_a ? "Z" : "A");
            assert_int_equal(coa_path_shortest(fx.finder, s, t, 3, &r), COA_OK);
            assert_true(r.found);
            assert_int_equal(r.length, layers + 1);
            if (layers == 15) {
                assert_false(r.total_saturated);
                assert_int_equal(r.total_chains, (uint64_t)1 << 60);
            } else {
                /* 2^64: at least UINT64_MAX */
                assert_true(r.total_saturated);
                assert_int_equal(r.total_chains, UINT64_MAX);
            }
            assert_int_equal(r.n_chains, 3);
            /* the names decide at every step: _00 first, then _01 at the
             * last layer before the end */
            for (uint32_t i = 0; i < 3; i++) {
                snprintf(want, sizeof want, "%s", from_a ? "A" : "Z");
                for (int l = 1; l <= layers; l++) {
                    int layer = from_a ? l : layers + 1 - l;
                    size_t used = strlen(want);
                    snprintf(want + used, sizeof want - used, ">L%02d_%02u", layer, l == layers ? i : 0);
                }
                strcat(want, from_a ? ">Z" : ">A");
                chain_text(&fx, &r, i, buf, sizeof buf);
                assert_string_equal(buf, want);
            }
            assert_int_equal(coa_path_shortest(fx.finder, s, t, 1, &r), COA_OK);
            assert_int_equal(r.n_chains, 1);
            assert_int_equal(r.total_saturated, layers == 16);
        }
        coa_path_result_destroy(&r);
        fixture_end(&fx);
    }
}

/* An overflow of the path counts is reported whenever the search met
 * one, even on a slot no chain passes: here the 16-layer ladder from A
 * ends in 8 authors P0..P7 with 8 * 16^15 = 2^63 chains each, P0 and P1
 * both lead to W (2^64: overflow), and only P0 leads on, through M, to
 * Z.  Z's side has one level of many edges, so A's side does the rest,
 * and its last level both meets Z's side at M and overflows at W. */
static void test_overflow_off_the_chains(void **state)
{
    (void)state;
    fixture_t fx;
    char a[32], b[32];
    fixture_begin(&fx);
    for (int k = 0; k < 16; k++) {
        snprintf(a, sizeof a, "L01_%02d", k);
        pair(&fx.corpus, "A", a);
    }
    for (int i = 1; i < 16; i++)
        for (int k = 0; k < 16; k++)
            for (int j = 0; j < 16; j++) {
                snprintf(a, sizeof a, "L%02d_%02d", i, k);
                snprintf(b, sizeof b, "L%02d_%02d", i + 1, j);
                pair(&fx.corpus, a, b);
            }
    for (int j = 0; j < 8; j++)
        for (int m = 0; m < 8; m++) {
            snprintf(a, sizeof a, "P%d", j);
            snprintf(b, sizeof b, "L16_%02d", (2 * j + m) % 16);
            pair(&fx.corpus, a, b);
        }
    pair(&fx.corpus, "P0", "W");
    pair(&fx.corpus, "P1", "W");
    pair(&fx.corpus, "P0", "M");
    pair(&fx.corpus, "M", "Z");
    for (int k = 1; k <= 14; k++) {
        snprintf(a, sizeof a, "K%02d", k);
        pair(&fx.corpus, "Z", a);
        for (int j = 0; j < 40; j++) {
            snprintf(b, sizeof b, "K%02d_%02d", k, j);
            pair(&fx.corpus, a, b);
        }
    }
    fixture_build(&fx);
    coa_path_result_t r;
    coa_path_result_init(&r);
    char buf[512];
    for (uint32_t limit = 1; limit <= 2; limit++) {
        assert_int_equal(coa_path_shortest(fx.finder, vertex(&fx, "A"), vertex(&fx, "Z"), limit, &r), COA_OK);
        assert_true(r.found);
        assert_int_equal(r.length, 19);
        assert_int_equal(r.total_chains, (uint64_t)1 << 63);
        assert_true(r.total_saturated);
        assert_int_equal(r.n_chains, limit);
        chain_text(&fx, &r, limit - 1, buf, sizeof buf);
        assert_string_equal(buf, limit == 1 ? "A>L01_00>L02_00>L03_00>L04_00>L05_00>L06_00>L07_00>L08_00>L09_00"
                                              ">L10_00>L11_00>L12_00>L13_00>L14_00>L15_00>L16_00>P0>M>Z"
                                            : "A>L01_00>L02_00>L03_00>L04_00>L05_00>L06_00>L07_00>L08_00>L09_00"
                                              ">L10_00>L11_00>L12_00>L13_00>L14_00>L15_00>L16_01>P0>M>Z");
    }
    coa_path_result_destroy(&r);
    fixture_end(&fx);
}

int main(void)
{
    coa_library_init(1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diamond),
        cmocka_unit_test(test_strongest_prefers_strength),
        cmocka_unit_test(test_evidence_inferred),
        cmocka_unit_test(test_against_igraph),
        cmocka_unit_test(test_avoid_against_igraph),
        cmocka_unit_test(test_many_chains),
        cmocka_unit_test(test_overflow_off_the_chains),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
