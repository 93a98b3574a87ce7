/* A gate of coauthor serve: at most 'slots' requests inside at once, the
 * others let in first come, first served.  The chain searches (one per
 * core) and the jobs of the layout processes (one per process) pass one:
 * a mutex or a condition variable wakes its waiters in no set order, and
 * under load some requests then waited many turns while others took none,
 * which is what the slowest answers measured. */
#ifndef COAUTHOR_SERVE_GATE_H
#define COAUTHOR_SERVE_GATE_H

#include <pthread.h>
#include <time.h>

/* One request in line, on its own stack. */
typedef struct serve_gate_waiter {
    pthread_cond_t cond;
    struct serve_gate_waiter *next;
    int admitted;
} serve_gate_waiter_t;

typedef struct {
    pthread_mutex_t lock;
    unsigned busy, slots;
    serve_gate_waiter_t *head, *tail; /* the queue, first come first */
} serve_gate_t;

void serve_gate_init(serve_gate_t *g, unsigned slots);
void serve_gate_destroy(serve_gate_t *g);
/* Enters, waiting in line until 'until' (CLOCK_REALTIME), or for as long
 * as it takes when until is NULL: 0, or ETIMEDOUT (then the waiter has
 * left the line).  A free slot with nobody waiting is taken at once,
 * whatever the time. */
int serve_gate_enter(serve_gate_t *g, const struct timespec *until);
/* Leaves: the slot goes to the first in line. */
void serve_gate_leave(serve_gate_t *g);

#endif
