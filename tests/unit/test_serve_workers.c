/*
 * The layout processes of coauthor serve (src/serve/workers.c): jobs are
 * answered by processes that run at once; a process that dies in a job
 * fails it and is replaced, one that died between jobs is replaced before
 * the next; a job past its time is ended; a caller gives up in
 * line at its deadline; a process holds no descriptor of the server's but
 * its socket; stopping ends every process.
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "serve/workers.h"

/* The jobs: a letter, then an argument. */
static int job(void *ctx, const void *req, size_t len, FILE *out)
{
    const char *dir = ctx, *r = req;
    if (len < 1)
        return 400;
    switch (r[0]) {
    case 'e': /* echo, with the process */
        fprintf(out, "%ld ", (long)getpid());
        fwrite(r + 1, 1, len - 1, out);
        return 200;
    case 'b': { /* a barrier of two: each leaves a file and waits (10 s at most) for the other's */
        char path[512];
        snprintf(path, sizeof path, "%s/%ld", dir, (long)getpid());
        fclose(fopen(path, "w"));
        for (int i = 0; i < 1000; i++) {
            DIR *d = opendir(dir);
            int n = 0;
            for (struct dirent *e; d && (e = readdir(d));)
                n += e->d_name[0] != '.';
            if (d)
                closedir(d);
            if (n >= 2) {
                fprintf(out, "%d", n);
                return 200;
            }
            usleep(10000);
        }
        fputs("alone", out);
        return 200;
    }
    case 'w': /* waits until a file is there (10 s at most) */
        for (int i = 0; i < 1000 && access(r + 1, F_OK); i++)
            usleep(10000);
        return 200;
    case 'k': /* dies */
        raise(SIGKILL);
        return 500;
    case 's': /* runs past its time */
        sleep(5);
        return 200;
    case 'f': { /* its descriptors */
        DIR *d = opendir("/proc/self/fd");
        int n = 0;
        for (struct dirent *e; d && (e = readdir(d));)
            n += e->d_name[0] != '.';
        if (d)
            closedir(d);
        fprintf(out, "%d", n - 1); /* less the directory read */
        return 200;
    }
    }
    return 400;
}

typedef struct {
    serve_workers_t *w;
    char req[700];
    int result, status;
    char body[256];
} call_t;

static int call(serve_workers_t *w, const char *req, const struct timespec *until, int *status, char *body, size_t cap)
{
    char *buf = NULL, why[256] = "";
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    int r = serve_workers_call(w, until, req, strlen(req), status, out, why, sizeof why);
    fclose(out);
    snprintf(body, cap, "%s", r == SERVE_WORKERS_FAILED ? why : buf);
    free(buf);
    return r;
}

static void *call_main(void *p)
{
    call_t *c = p;
    c->result = call(c->w, c->req, NULL, &c->status, c->body, sizeof c->body);
    return NULL;
}

static char dir[] = "/tmp/coauthor-workers-XXXXXX";

static void answered_at_once(void **state)
{
    (void)state;
    serve_workers_t *w;
    assert_int_equal(serve_workers_start(&w, 2, 10, job, dir), 0);
    assert_int_equal(serve_workers_count(w), 2);
    /* 8 callers, 2 processes: every answer its own */
    call_t c[8];
    pthread_t t[8];
    for (int i = 0; i < 8; i++) {
        c[i].w = w;
        snprintf(c[i].req, sizeof c[i].req, "e%d", i * 1111);
        assert_int_equal(pthread_create(&t[i], NULL, call_main, &c[i]), 0);
    }
    for (int i = 0; i < 8; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(c[i].result, SERVE_WORKERS_DONE);
        assert_int_equal(c[i].status, 200);
        char want[32];
        snprintf(want, sizeof want, " %d", i * 1111);
        assert_string_equal(strchr(c[i].body, ' '), want);
    }
    /* two jobs at once, each in its process: each sees the other's file */
    call_t b[2] = {{.w = w, .req = "b"}, {.w = w, .req = "b"}};
    for (int i = 0; i < 2; i++)
        assert_int_equal(pthread_create(&t[i], NULL, call_main, &b[i]), 0);
    for (int i = 0; i < 2; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(b[i].result, SERVE_WORKERS_DONE);
        assert_string_equal(b[i].body, "2");
    }
    serve_workers_stop(w);
}

static void a_dead_process_is_replaced(void **state)
{
    (void)state;
    serve_workers_t *w;
    int status;
    char body[256];
    assert_int_equal(serve_workers_start(&w, 1, 1, job, dir), 0);
    assert_int_equal(call(w, "e", NULL, &status, body, sizeof body), SERVE_WORKERS_DONE);
    long before = atol(body);
    assert_int_equal(call(w, "k", NULL, &status, body, sizeof body), SERVE_WORKERS_FAILED);
    assert_non_null(strstr(body, "signal 9"));
    assert_int_equal(call(w, "e", NULL, &status, body, sizeof body), SERVE_WORKERS_DONE);
    assert_int_not_equal(atol(body), before);
    assert_int_equal(kill((pid_t)before, 0), -1); /* reaped */
    /* past its time (1 s): ended by its alarm, and replaced */
    assert_int_equal(call(w, "s", NULL, &status, body, sizeof body), SERVE_WORKERS_FAILED);
    assert_non_null(strstr(body, "out of time"));
    assert_int_equal(call(w, "e", NULL, &status, body, sizeof body), SERVE_WORKERS_DONE);
    long last = atol(body);
    /* killed between jobs: the next job goes to its replacement */
    assert_int_equal(kill((pid_t)last, SIGKILL), 0);
    usleep(50000);
    assert_int_equal(call(w, "e", NULL, &status, body, sizeof body), SERVE_WORKERS_DONE);
    assert_int_not_equal(atol(body), last);
    last = atol(body);
    serve_workers_stop(w);
    assert_int_equal(kill((pid_t)last, 0), -1); /* stopped and reaped */
}

static void giving_up_in_line(void **state)
{
    (void)state;
    serve_workers_t *w;
    int status;
    char body[256], flag[100];
    assert_int_equal(serve_workers_start(&w, 1, 20, job, dir), 0);
    snprintf(flag, sizeof flag, "%s/go", dir);
    call_t busy = {.w = w};
    snprintf(busy.req, sizeof busy.req, "w%s", flag);
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, call_main, &busy), 0);
    usleep(100000);
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += 50000000;
    if (until.tv_nsec >= 1000000000) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000;
    }
    assert_int_equal(call(w, "e", &until, &status, body, sizeof body), SERVE_WORKERS_BUSY);
    fclose(fopen(flag, "w"));
    pthread_join(t, NULL);
    assert_int_equal(busy.result, SERVE_WORKERS_DONE);
    unlink(flag);
    /* free: taken at once, though the time has passed */
    assert_int_equal(call(w, "e", &until, &status, body, sizeof body), SERVE_WORKERS_DONE);
    serve_workers_stop(w);
}

static void no_descriptor_of_the_server(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    serve_workers_t *w;
    int status;
    char body[256];
    assert_int_equal(serve_workers_start(&w, 2, 10, job, dir), 0);
    /* 0, 1, 2 and its socket: not the pipe, not the other's socket */
    assert_int_equal(call(w, "f", NULL, &status, body, sizeof body), SERVE_WORKERS_DONE);
    assert_string_equal(body, "4");
    serve_workers_stop(w);
    close(fds[0]);
    close(fds[1]);
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        char path[600];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (e->d_name[0] != '.')
            unlink(path);
    }
    if (d)
        closedir(d);
    return rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(answered_at_once),
        cmocka_unit_test(a_dead_process_is_replaced),
        cmocka_unit_test(giving_up_in_line),
        cmocka_unit_test(no_descriptor_of_the_server),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
