/* The layout processes of coauthor serve.  igraph (Debian builds it
 * without thread-local storage) and Graphviz keep global state, so in one
 * process they lay out one network at a time: on 2 cores, 50 clients
 * asking for ego networks not yet laid out waited in that one line, and
 * the slowest waited 150 ms.  Each layout process is forked from the
 * server with the corpus loaded (shared copy-on-write, the index mapped
 * by both), and runs one job at a time in its one thread: n processes lay
 * out n networks at once.
 *
 * A job is a request of bytes answered with an HTTP status and a body,
 * both made by the job function in the process.  A caller takes a free
 * process, first come first served (gate.h), waiting in line only until
 * its deadline.  A process that dies (a crash, or its alarm: a job has at
 * most job_seconds) fails the job it had, and the next job that takes its
 * place forks a new one.  The server's own threads never enter igraph or
 * Graphviz, so a process forked while they run starts with those
 * libraries as they were. */
#ifndef COAUTHOR_SERVE_WORKERS_H
#define COAUTHOR_SERVE_WORKERS_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

/* Runs one job in a layout process: the request (len bytes), its answer
 * written to out; returns the answer's HTTP status. */
typedef int (*serve_job_fn)(void *ctx, const void *req, size_t len, FILE *out);

typedef struct serve_workers serve_workers_t;

/* Forks n processes that run fn(ctx, ...) for each job: 0, or an errno
 * value (nothing is left running then).  ctx is the forking process's
 * memory, as each process gets its copy of it: what fn reads there must
 * not change after the start. */
int serve_workers_start(serve_workers_t **w, unsigned n, unsigned job_seconds, serve_job_fn fn, void *ctx);

enum {
    SERVE_WORKERS_DONE = 0, /* *status and the body written to out */
    SERVE_WORKERS_BUSY,     /* no process was free before 'until' */
    SERVE_WORKERS_FAILED    /* the process died or could not start: why says so */
};

/* Runs a job on a free process, waiting in line until 'until'
 * (CLOCK_REALTIME; NULL: as long as it takes): SERVE_WORKERS_*.  A free
 * process is taken at once whatever the time.  Thread-safe. */
int serve_workers_call(serve_workers_t *w, const struct timespec *until, const void *req, size_t len, int *status,
                       FILE *out, char *why, size_t whylen);

unsigned serve_workers_count(const serve_workers_t *w);

/* Ends the processes (each finishes its job first) and frees w.  No call
 * may be running. */
void serve_workers_stop(serve_workers_t *w);

#endif
