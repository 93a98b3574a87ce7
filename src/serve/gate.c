/* First come, first served gates (gate.h): each waiter waits on a
 * condition variable of its own, so that a slot given back wakes exactly
 * the first in line. */
#include <errno.h>

#include "serve/gate.h"

void serve_gate_init(serve_gate_t *g, unsigned slots)
{
    pthread_mutex_init(&g->lock, NULL);
    g->busy = 0;
    g->slots = slots ? slots : 1;
    g->head = g->tail = NULL;
}

void serve_gate_destroy(serve_gate_t *g)
{
    pthread_mutex_destroy(&g->lock);
}

/* Takes w out of the line (it gave up waiting). */
static void unlink_waiter(serve_gate_t *g, serve_gate_waiter_t *w)
{
    serve_gate_waiter_t **at = &g->head, *prev = NULL;
    while (*at && *at != w) {
        prev = *at;
        at = &(*at)->next;
    }
    if (!*at)
        return;
    *at = w->next;
    if (g->tail == w)
        g->tail = prev;
}

int serve_gate_enter(serve_gate_t *g, const struct timespec *until)
{
    pthread_mutex_lock(&g->lock);
    if (g->busy < g->slots && !g->head) {
        g->busy++;
        pthread_mutex_unlock(&g->lock);
        return 0;
    }
    serve_gate_waiter_t w;
    pthread_cond_init(&w.cond, NULL);
    w.next = NULL;
    w.admitted = 0;
    if (g->tail)
        g->tail->next = &w;
    else
        g->head = &w;
    g->tail = &w;
    int e = 0;
    while (!w.admitted && e != ETIMEDOUT)
        e = until ? pthread_cond_timedwait(&w.cond, &g->lock, until) : pthread_cond_wait(&w.cond, &g->lock);
    if (!w.admitted)
        unlink_waiter(g, &w);
    pthread_mutex_unlock(&g->lock);
    pthread_cond_destroy(&w.cond);
    return w.admitted ? 0 : ETIMEDOUT;
}

void serve_gate_leave(serve_gate_t *g)
{
    pthread_mutex_lock(&g->lock);
    serve_gate_waiter_t *w = g->head;
    if (w) {
        /* the slot passes to w as it is: busy stays */
        g->head = w->next;
        if (!g->head)
            g->tail = NULL;
        w->admitted = 1;
        pthread_cond_signal(&w->cond);
    } else {
        g->busy--;
    }
    pthread_mutex_unlock(&g->lock);
}
