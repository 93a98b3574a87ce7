/*
 * The gates of coauthor serve (src/serve/gate.c): at most 'slots' inside,
 * the others let in first come, first served; a waiter whose time runs out
 * leaves the line without taking a slot; a free slot is taken at once even
 * when the time has passed.
 */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "serve/gate.h"

#define WAITERS 8

typedef struct {
    serve_gate_t *gate;
    pthread_mutex_t *lock;
    int *order, *n_in;
    int id;
} waiter_arg_t;

static void *waiter_main(void *p)
{
    waiter_arg_t *a = p;
    if (serve_gate_enter(a->gate, NULL) == 0) {
        pthread_mutex_lock(a->lock);
        a->order[(*a->n_in)++] = a->id;
        pthread_mutex_unlock(a->lock);
        serve_gate_leave(a->gate);
    }
    return NULL;
}

static int queued(serve_gate_t *g)
{
    int n = 0;
    pthread_mutex_lock(&g->lock);
    for (const serve_gate_waiter_t *w = g->head; w; w = w->next)
        n++;
    pthread_mutex_unlock(&g->lock);
    return n;
}

static void in_the_order_they_came(void **state)
{
    (void)state;
    serve_gate_t g;
    serve_gate_init(&g, 1);
    assert_int_equal(serve_gate_enter(&g, NULL), 0); /* the slot is held here */
    pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    int order[WAITERS], n_in = 0;
    pthread_t t[WAITERS];
    waiter_arg_t args[WAITERS];
    for (int i = 0; i < WAITERS; i++) {
        args[i] = (waiter_arg_t){&g, &lock, order, &n_in, i};
        assert_int_equal(pthread_create(&t[i], NULL, waiter_main, &args[i]), 0);
        /* each one in line before the next starts */
        while (queued(&g) != i + 1)
            usleep(1000);
    }
    serve_gate_leave(&g);
    for (int i = 0; i < WAITERS; i++)
        pthread_join(t[i], NULL);
    assert_int_equal(n_in, WAITERS);
    for (int i = 0; i < WAITERS; i++)
        assert_int_equal(order[i], i);
    assert_int_equal(g.busy, 0);
    assert_null(g.head);
    serve_gate_destroy(&g);
}

static void slots_at_once(void **state)
{
    (void)state;
    serve_gate_t g;
    serve_gate_init(&g, 2);
    struct timespec past = {0, 0};
    assert_int_equal(serve_gate_enter(&g, &past), 0);
    assert_int_equal(serve_gate_enter(&g, &past), 0); /* free slots: taken whatever the time */
    assert_int_equal(serve_gate_enter(&g, &past), ETIMEDOUT);
    assert_null(g.head); /* the one that gave up left the line */
    serve_gate_leave(&g);
    assert_int_equal(g.busy, 1);
    serve_gate_leave(&g);
    assert_int_equal(g.busy, 0);
    serve_gate_destroy(&g);
}

typedef struct {
    serve_gate_t *gate;
    int result;
} timed_arg_t;

static void *timed_main(void *p)
{
    timed_arg_t *a = p;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += 50 * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    a->result = serve_gate_enter(a->gate, &until);
    return NULL;
}

/* A waiter that gives up in the middle of the line: the ones behind it
 * keep their turn, and the slot goes to the next one still waiting. */
static void giving_up_in_line(void **state)
{
    (void)state;
    serve_gate_t g;
    serve_gate_init(&g, 1);
    assert_int_equal(serve_gate_enter(&g, NULL), 0);
    pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    int order[2], n_in = 0;
    waiter_arg_t first = {&g, &lock, order, &n_in, 1}, last = {&g, &lock, order, &n_in, 2};
    timed_arg_t middle = {&g, -1};
    pthread_t t1, t2, t3;
    assert_int_equal(pthread_create(&t1, NULL, waiter_main, &first), 0);
    while (queued(&g) != 1)
        usleep(1000);
    assert_int_equal(pthread_create(&t2, NULL, timed_main, &middle), 0);
    while (queued(&g) != 2)
        usleep(1000);
    assert_int_equal(pthread_create(&t3, NULL, waiter_main, &last), 0);
    while (queued(&g) != 3)
        usleep(1000);
    pthread_join(t2, NULL);
    assert_int_equal(middle.result, ETIMEDOUT);
    assert_int_equal(queued(&g), 2);
    serve_gate_leave(&g);
    pthread_join(t1, NULL);
    pthread_join(t3, NULL);
    assert_int_equal(n_in, 2);
    assert_int_equal(order[0], 1);
    assert_int_equal(order[1], 2);
    assert_int_equal(g.busy, 0);
    assert_null(g.head);
    assert_null(g.tail);
    serve_gate_destroy(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(in_the_order_they_came),
        cmocka_unit_test(slots_at_once),
        cmocka_unit_test(giving_up_in_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
