/* The layout processes of coauthor serve (workers.h).
 *
 * Each process has one end of a socket pair.  A job goes to it as
 * [length: 8 bytes][request], and comes back as [status: 4 bytes]
 * [length: 8 bytes][body]; end of file ends the process.  A process
 * closes every other descriptor it was forked with (the server's
 * connections and the other processes' sockets), so that a connection
 * the server closes is closed, and a process sees the end of its socket
 * when the server closes it. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* close_range */
#endif
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "serve/gate.h"
#include "serve/workers.h"

/* A request or an answer larger than this is refused (a picture of the
 * largest network drawn is a few megabytes). */
#define MAX_BYTES ((uint64_t)1 << 30)

typedef struct {
    pid_t pid; /* 0: not running (started by the next job it takes) */
    int fd;    /* the server's end of the socket, -1 when not running */
} worker_t;

struct serve_workers {
    serve_gate_t gate;    /* n slots: a caller inside has a process */
    pthread_mutex_t lock; /* the free list, and a fork */
    worker_t *w;
    unsigned n, *free, n_free;
    unsigned job_seconds;
    serve_job_fn fn;
    void *ctx;
};

/* 0, or -1 on an error (a closed peer is one: no SIGPIPE). */
static int write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len) {
        ssize_t k = send(fd, p, len, MSG_NOSIGNAL);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k;
        len -= (size_t)k;
    }
    return 0;
}

/* 0, or -1 on an error or an end of file before len bytes. */
static int read_all(int fd, void *buf, size_t len)
{
    char *p = buf;
    while (len) {
        ssize_t k = read(fd, p, len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k;
        len -= (size_t)k;
    }
    return 0;
}

/* A layout process: jobs until the end of its socket. */
static void __attribute__((noreturn)) worker_main(serve_workers_t *ws, int fd)
{
    for (;;) {
        uint64_t len;
        if (read_all(fd, &len, sizeof len))
            _exit(0);
        char *req = len <= MAX_BYTES ? malloc(len ? len : 1) : NULL;
        if (!req || read_all(fd, req, len))
            _exit(1);
        char *body = NULL;
        size_t body_len = 0;
        FILE *out = open_memstream(&body, &body_len);
        if (!out)
            _exit(1);
        alarm(ws->job_seconds);
        int32_t status = ws->fn(ws->ctx, req, len, out);
        alarm(0);
        if (fclose(out))
            _exit(1);
        uint64_t blen = body_len;
        if (write_all(fd, &status, sizeof status) || write_all(fd, &blen, sizeof blen) ||
            write_all(fd, body, body_len))
            _exit(1);
        free(req);
        free(body);
    }
}

/* Forks the process of slot w (under ws->lock once other threads run): 0,
 * or an errno value. */
static int spawn(serve_workers_t *ws, worker_t *w)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv))
        return errno;
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(sv[0]);
        close(sv[1]);
        return e;
    }
    if (pid == 0) {
        /* every descriptor but the standard ones and this socket */
        int fd = sv[1];
        if (fd > 3)
            close_range(3, (unsigned)fd - 1, 0);
        close_range((unsigned)fd + 1, ~0U, 0);
        worker_main(ws, fd);
    }
    close(sv[1]);
    w->pid = pid;
    w->fd = sv[0];
    return 0;
}

/* Ends slot w's process: its socket closed, then waited for (killed
 * after 2 s). */
static int reap(worker_t *w)
{
    int status = 0;
    if (w->fd >= 0)
        close(w->fd);
    w->fd = -1;
    if (w->pid <= 0)
        return 0;
    for (int i = 0; i < 200; i++) {
        pid_t r = waitpid(w->pid, &status, WNOHANG);
        if (r == w->pid || (r < 0 && errno != EINTR)) {
            w->pid = 0;
            return status;
        }
        usleep(10000);
    }
    kill(w->pid, SIGKILL);
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
        ;
    w->pid = 0;
    return status;
}

int serve_workers_start(serve_workers_t **out, unsigned n, unsigned job_seconds, serve_job_fn fn, void *ctx)
{
    *out = NULL;
    serve_workers_t *ws = calloc(1, sizeof *ws);
    if (!ws || !n || !(ws->w = calloc(n, sizeof *ws->w)) || !(ws->free = malloc(n * sizeof *ws->free))) {
        if (ws)
            free(ws->w);
        free(ws);
        return n ? ENOMEM : EINVAL;
    }
    serve_gate_init(&ws->gate, n);
    pthread_mutex_init(&ws->lock, NULL);
    ws->n = n;
    ws->job_seconds = job_seconds;
    ws->fn = fn;
    ws->ctx = ctx;
    for (unsigned i = 0; i < n; i++)
        ws->w[i].fd = -1;
    for (unsigned i = 0; i < n; i++) {
        int e = spawn(ws, &ws->w[i]);
        if (e) {
            ws->n = i; /* the ones started */
            serve_workers_stop(ws);
            return e;
        }
        ws->free[ws->n_free++] = i;
    }
    *out = ws;
    return 0;
}

unsigned serve_workers_count(const serve_workers_t *ws)
{
    return ws->n;
}

/* What ended a process, for the caller's message. */
static void died(int status, char *why, size_t whylen)
{
    if (WIFSIGNALED(status))
        snprintf(why, whylen, "the layout process was ended by signal %d (%s)", WTERMSIG(status),
                 WTERMSIG(status) == SIGALRM ? "out of time" : strsignal(WTERMSIG(status)));
    else
        snprintf(why, whylen, "the layout process ended (status %d)", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

/* Starts slot w's process if it has none: 0, or -1 with why set. */
static int ensure(serve_workers_t *ws, worker_t *w, char *why, size_t whylen)
{
    if (w->pid > 0)
        return 0;
    pthread_mutex_lock(&ws->lock); /* no other fork copies a socket half made */
    int e = spawn(ws, w);
    pthread_mutex_unlock(&ws->lock);
    if (e)
        snprintf(why, whylen, "cannot start a layout process: %s", strerror(e));
    return e ? -1 : 0;
}

/* The job on process w: DONE or FAILED (why set, the process ended).  A
 * process found dead before it took the job (it died between jobs) is
 * replaced and the job sent again, once. */
static int run(serve_workers_t *ws, worker_t *w, const void *req, size_t len, int *status, FILE *out, char *why,
               size_t whylen)
{
    if (len > MAX_BYTES) {
        snprintf(why, whylen, "the layout job is too large");
        return SERVE_WORKERS_FAILED;
    }
    uint64_t n = len;
    for (int sent = 0, tries = 0; !sent; tries++) {
        if (ensure(ws, w, why, whylen))
            return SERVE_WORKERS_FAILED;
        sent = !write_all(w->fd, &n, sizeof n) && !write_all(w->fd, req, len);
        if (!sent) {
            died(reap(w), why, whylen);
            if (tries)
                return SERVE_WORKERS_FAILED;
        }
    }
    uint64_t blen = 0;
    int32_t st = 0;
    char *body = NULL;
    if (!read_all(w->fd, &st, sizeof st) && !read_all(w->fd, &blen, sizeof blen) && blen <= MAX_BYTES &&
        (body = malloc(blen ? blen : 1)) && !read_all(w->fd, body, blen)) {
        fwrite(body, 1, blen, out);
        free(body);
        *status = st;
        return SERVE_WORKERS_DONE;
    }
    free(body);
    died(reap(w), why, whylen);
    return SERVE_WORKERS_FAILED;
}

int serve_workers_call(serve_workers_t *ws, const struct timespec *until, const void *req, size_t len, int *status,
                       FILE *out, char *why, size_t whylen)
{
    if (serve_gate_enter(&ws->gate, until))
        return SERVE_WORKERS_BUSY;
    pthread_mutex_lock(&ws->lock);
    unsigned i = ws->free[--ws->n_free]; /* the gate let in as many as there are */
    pthread_mutex_unlock(&ws->lock);
    int r = run(ws, &ws->w[i], req, len, status, out, why, whylen);
    pthread_mutex_lock(&ws->lock);
    ws->free[ws->n_free++] = i;
    pthread_mutex_unlock(&ws->lock);
    serve_gate_leave(&ws->gate);
    return r;
}

void serve_workers_stop(serve_workers_t *ws)
{
    if (!ws)
        return;
    /* every socket closed first: the processes end together */
    for (unsigned i = 0; i < ws->n; i++) {
        if (ws->w[i].fd >= 0)
            close(ws->w[i].fd);
        ws->w[i].fd = -1;
    }
    for (unsigned i = 0; i < ws->n; i++)
        reap(&ws->w[i]);
    serve_gate_destroy(&ws->gate);
    pthread_mutex_destroy(&ws->lock);
    free(ws->w);
    free(ws->free);
    free(ws);
}
