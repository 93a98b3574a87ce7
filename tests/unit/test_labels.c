/*
 * Label placement (src/write/labels.c) on small pictures made by hand:
 * a free node gets its label beside it, on the right; a node whose
 * neighbourhood is full of nodes gets it further out with a leader line
 * when it must be shown, and none when it need not; two labels never
 * overlap; a label may cover an unlabelled node only in a large map.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "coauthor.h"
#include "write/labels.h"

static int boxes_overlap(const coa_label_t *a, const coa_label_t *b)
{
    double aw = a->w * a->shrink / 2, ah = a->h * a->shrink / 2, bw = b->w * b->shrink / 2, bh = b->h * b->shrink / 2;
    return fabs(a->x - b->x) < aw + bw && fabs(a->y - b->y) < ah + bh;
}

static int covers(const coa_label_t *l, const coa_disc_t *d)
{
    double w = l->w * l->shrink / 2, h = l->h * l->shrink / 2;
    double cx = fmax(l->x - w, fmin(d->x, l->x + w)), cy = fmax(l->y - h, fmin(d->y, l->y + h));
    return hypot(d->x - cx, d->y - cy) < d->r;
}

static void free_node_label_on_the_right(void **state)
{
    (void)state;
    coa_disc_t discs[] = {{0, 0, 5}, {200, 0, 5}};
    coa_label_t l = {.node = 0, .w = 60, .h = 12};
    uint32_t forced, moved;
    assert_int_equal(coa_labels_place(&l, 1, discs, 2, NULL, 0, 0, NULL, &moved, &forced), COA_OK);
    assert_true(l.placed);
    assert_false(l.leader);
    assert_true(l.x > 5 + 30 - 1e-9 && fabs(l.y) < 1e-9);
    assert_true(coa_label_distance(&l, &discs[0]) <= 1);
    assert_int_equal(forced, 0);
}

/* node 0 in the middle of a tight ring of 24 nodes, a free area beyond */
static uint32_t crowded(coa_disc_t *discs)
{
    uint32_t n = 0;
    discs[n++] = (coa_disc_t){0, 0, 6};
    for (int k = 0; k < 24; k++)
        discs[n++] = (coa_disc_t){cos(k * M_PI / 12) * 14, sin(k * M_PI / 12) * 14, 4};
    discs[n++] = (coa_disc_t){400, 400, 4}; /* stretches the picture */
    discs[n++] = (coa_disc_t){-400, -400, 4};
    return n;
}

static void crowded_must_label_gets_a_leader(void **state)
{
    (void)state;
    coa_disc_t discs[32];
    uint32_t n = crowded(discs), forced, moved;
    coa_label_t l = {.node = 0, .w = 60, .h = 12, .must = 1};
    assert_int_equal(coa_labels_place(&l, 1, discs, n, NULL, 0, 0, NULL, &moved, &forced), COA_OK);
    assert_true(l.placed);
    assert_true(l.leader);
    assert_int_equal(forced, 0);
    for (uint32_t i = 0; i < n; i++)
        assert_false(covers(&l, &discs[i]));
    /* a label that need not be shown, in a grid of nodes with no gap a
     * label fits in: left out; in a large map, over unlabelled nodes */
    coa_disc_t full[2000];
    uint32_t m = 0;
    for (int i = -20; i <= 20; i++)
        for (int j = -20; j <= 20; j++)
            if (m < 2000)
                full[m++] = (coa_disc_t){i * 14.0, j * 14.0, 5};
    coa_label_t opt = {.node = 20 * 41 + 20, .w = 60, .h = 12, .must = 0};
    assert_int_equal(coa_labels_place(&opt, 1, full, m, NULL, 0, 0, NULL, &moved, &forced), COA_OK);
    assert_false(opt.placed);
    /* in a large map it may cover the unlabelled nodes, and does */
    assert_int_equal(coa_labels_place(&opt, 1, full, m, NULL, 0, 1, NULL, &moved, &forced), COA_OK);
    assert_true(opt.placed);
    assert_false(covers(&opt, &full[opt.node]));
}

static void labels_never_overlap_and_prefer_uncrossed_places(void **state)
{
    (void)state;
    /* five nodes in a row, close together: their labels cannot all sit
     * on the right; an edge runs just right of node 0 */
    coa_disc_t discs[7] = {[5] = {-200, 0, 3}, [6] = {200, 0, 3}}; /* the picture's width */
    coa_label_t labels[5];
    for (int i = 0; i < 5; i++) {
        discs[i] = (coa_disc_t){0, i * 10.0, 3};
        labels[i] = (coa_label_t){.node = (uint32_t)i, .w = 50, .h = 10, .must = i < 2};
    }
    coa_segment_t edge = {20, -30, 20, 30};
    uint32_t forced, moved;
    assert_int_equal(coa_labels_place(labels, 5, discs, 7, &edge, 1, 0, NULL, &moved, &forced), COA_OK);
    for (int i = 0; i < 5; i++) {
        if (!labels[i].placed)
            continue;
        for (int j = 0; j < i; j++)
            assert_false(labels[j].placed && boxes_overlap(&labels[i], &labels[j]));
        for (int k = 0; k < 7; k++)
            assert_false(covers(&labels[i], &discs[k]));
        assert_true(labels[i].leader || coa_label_distance(&labels[i], &discs[i]) <= 1);
    }
    assert_true(labels[0].placed && labels[1].placed);
    /* node 0's label avoids the edge: on the left */
    assert_true(labels[0].x < 0);
    assert_int_equal(labels[0].edges_covered, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(free_node_label_on_the_right),
        cmocka_unit_test(crowded_must_label_gets_a_leader),
        cmocka_unit_test(labels_never_overlap_and_prefer_uncrossed_places),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
