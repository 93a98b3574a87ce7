/* The HTTP side of coauthor serve: libmicrohttpd with a thread pool (one
 * thread per core), layout threads to which a request that takes a layout
 * is handed with its connection suspended, routing, parameter checks and
 * limits, the security headers, a cache of the answers that take a layout,
 * and a clean stop on SIGINT or SIGTERM.
 *
 * Only GET and HEAD are answered.  The page and its scripts are files
 * embedded in the binary (assets.h), so nothing is fetched from elsewhere
 * and the Content-Security-Policy can forbid inline script and any other
 * origin.  Every data string reaches the page as JSON and is put into the
 * document as text (web/app.js never assigns innerHTML from data). */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "serve/assets.h"
#include "serve/query.h"
#include "serve/serve.h"

#define MAX_URL 2048             /* bytes of path and query together */
#define MAX_QUERY 300            /* bytes of one parameter */
#define CACHE_SLOTS 256
#define CACHE_MAX_BODY (4u << 20)
#define REQUEST_TIMEOUT 30       /* seconds a connection may stay idle */

static const char csp[] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                          "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

void coa_serve_options_init(coa_serve_options_t *o)
{
    memset(o, 0, sizeof *o);
    o->listen = COA_SERVE_DEFAULT_LISTEN;
    coa_read_options_init(&o->read);
}

/* ---- a cache of answers that take a layout or a picture ---- */

typedef struct {
    char *key;
    char *body;
    size_t len;
    int status;
    const char *type;
    unsigned long used;
} cache_entry_t;

typedef struct {
    pthread_mutex_t lock;
    cache_entry_t slot[CACHE_SLOTS];
    unsigned long clock;
} cache_t;

static int cache_get(cache_t *c, const char *key, char **body, size_t *len, int *status, const char **type)
{
    int hit = 0;
    pthread_mutex_lock(&c->lock);
    for (unsigned i = 0; i < CACHE_SLOTS && !hit; i++) {
        cache_entry_t *e = &c->slot[i];
        if (e->key && !strcmp(e->key, key) && (*body = malloc(e->len ? e->len : 1))) {
            memcpy(*body, e->body, e->len);
            *len = e->len;
            *status = e->status;
            *type = e->type;
            e->used = ++c->clock;
            hit = 1;
        }
    }
    pthread_mutex_unlock(&c->lock);
    return hit;
}

static void cache_put(cache_t *c, const char *key, const char *body, size_t len, int status, const char *type)
{
    if (len > CACHE_MAX_BODY)
        return;
    char *k = strdup(key), *b = malloc(len ? len : 1);
    if (!k || !b) {
        free(k);
        free(b);
        return;
    }
    memcpy(b, body, len);
    pthread_mutex_lock(&c->lock);
    cache_entry_t *victim = &c->slot[0];
    for (unsigned i = 0; i < CACHE_SLOTS; i++) {
        if (!c->slot[i].key) {
            victim = &c->slot[i];
            break;
        }
        if (c->slot[i].used < victim->used)
            victim = &c->slot[i];
    }
    free(victim->key);
    free(victim->body);
    *victim = (cache_entry_t){k, b, len, status, type, ++c->clock};
    pthread_mutex_unlock(&c->lock);
}

static void cache_destroy(cache_t *c)
{
    for (unsigned i = 0; i < CACHE_SLOTS; i++) {
        free(c->slot[i].key);
        free(c->slot[i].body);
    }
    pthread_mutex_destroy(&c->lock);
}

/* ---- requests ---- */

typedef struct job job_t;

typedef struct {
    serve_data_t *data;
    cache_t cache;
    int quiet;
    unsigned budget_ms;
    /* the requests handed to the layout threads, first come first */
    pthread_mutex_t jobs_lock;
    pthread_cond_t jobs_ready;
    job_t *jobs, *jobs_tail;
    unsigned idle;     /* layout threads waiting for a job */
    unsigned pending;  /* handed over and not yet answered */
    pthread_cond_t jobs_done;
    int stopping;
} server_t;

static const char json_type[] = "application/json; charset=utf-8";

static enum MHD_Result send_body(struct MHD_Connection *conn, int status, const char *type, char *body, size_t len,
                                 int cacheable, unsigned retry_after)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(body);
        return MHD_NO;
    }
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(r, "Content-Security-Policy", csp);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Cross-Origin-Resource-Policy", "same-origin");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, cacheable ? "max-age=300" : "no-cache");
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    if (retry_after) {
        char seconds[16];
        snprintf(seconds, sizeof seconds, "%u", retry_after);
        MHD_add_response_header(r, MHD_HTTP_HEADER_RETRY_AFTER, seconds);
    }
    enum MHD_Result ret = MHD_queue_response(conn, (unsigned)status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result send_error(struct MHD_Connection *conn, int status, const char *msg)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return MHD_NO;
    serve_json_error(f, msg);
    fclose(f);
    return send_body(conn, status, json_type, buf, len, 0, 0);
}

/* The parameters of a request, read once from the connection (or copied
 * with a request handed to the layout threads), and the repeated 'avoid'
 * ones apart.  A request has at most MAX_ARGS of them (the most any API
 * takes is 3 and 16 authors to avoid). */
#define MAX_ARGS 32
typedef struct {
    const char *key[MAX_ARGS], *value[MAX_ARGS];
    unsigned n_args;
    const char *values[SERVE_MAX_AVOID + 1]; /* the avoid= ones */
    unsigned n;
    int too_long; /* a parameter longer than MAX_QUERY, or more than MAX_ARGS */
} args_t;

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    args_t *a = cls;
    (void)kind;
    if ((value && strlen(value) > MAX_QUERY) || strlen(key) > 64 || a->n_args == MAX_ARGS)
        a->too_long = 1;
    if (a->n_args < MAX_ARGS) {
        a->key[a->n_args] = key;
        a->value[a->n_args++] = value;
    }
    if (!strcmp(key, "avoid") && value && *value && a->n < SERVE_MAX_AVOID + 1)
        a->values[a->n++] = value;
    return MHD_YES;
}

/* The first value of a parameter, or NULL. */
static const char *arg(const args_t *a, const char *name)
{
    for (unsigned i = 0; i < a->n_args; i++)
        if (!strcmp(a->key[i], name))
            return a->value[i];
    return NULL;
}

/* A whole number from min to max, or the default when absent. */
static int number_arg(const args_t *a, const char *name, long min, long max, long def, long *out, char *err,
                      size_t errlen)
{
    const char *s = arg(a, name);
    if (!s || !*s) {
        *out = def;
        return 0;
    }
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < min || v > max || *s == '+' || *s == ' ') {
        snprintf(err, errlen, "%s must be a whole number from %ld to %ld", name, min, max);
        return -1;
    }
    *out = v;
    return 0;
}

static int weight_arg(const args_t *a, double *out, char *err, size_t errlen)
{
    const char *s = arg(a, "min_weight");
    *out = 0;
    if (!s || !*s)
        return 0;
    char *end;
    errno = 0;
    double w = strtod(s, &end);
    if (errno || *end || end == s || !(w >= 0) || w > 1e6) {
        snprintf(err, errlen, "min_weight must be a number from 0 to 1000000");
        return -1;
    }
    *out = w;
    return 0;
}

/* "/api/ego/ID.svg": the format ("svg", "png") or NULL for JSON, and the
 * author part into who. */
static const char *ego_format(const char *url, char *who, size_t cap)
{
    snprintf(who, cap, "%s", url + 9);
    size_t len = strlen(who);
    const char *format = NULL;
    if (len > 4 && (!strcmp(who + len - 4, ".svg") || !strcmp(who + len - 4, ".png"))) {
        format = who[len - 3] == 's' ? "svg" : "png";
        who[len - 4] = '\0';
    }
    return format;
}

/* What identifies an answer of /api/ego/ID.svg (.png), /api/path and /api/path/network in
 * the cache: the parameters as they are read (so "radius=01" and
 * "radius=1" are one); empty when they are bad (the answer is then an
 * error, not kept).  The JSON of /api/ego is kept by query.c, by author. */
static void cache_key(const char *url, const args_t *args, char *key, size_t keylen)
{
    long radius, chains;
    double w;
    char err[256], who[MAX_URL + 1];
    key[0] = '\0';
    if (!strncmp(url, "/api/ego/", 9)) {
        if (number_arg(args, "radius", 1, SERVE_MAX_RADIUS, 1, &radius, err, sizeof err) ||
            weight_arg(args, &w, err, sizeof err))
            return;
        const char *format = ego_format(url, who, sizeof who);
        snprintf(key, keylen, "ego\n%s\n%ld\n%g\n%s", who, radius, w, format ? format : "json");
        return;
    }
    if (number_arg(args, "chains", 1, SERVE_MAX_CHAINS, 1, &chains, err, sizeof err))
        return;
    const char *from = arg(args, "from"), *to = arg(args, "to");
    int n = snprintf(key, keylen, "%s\n%s\n%s\n%ld", url, from ? from : "", to ? to : "", chains);
    for (unsigned i = 0; i < args->n && n > 0 && (size_t)n < keylen; i++)
        n += snprintf(key + n, keylen - (size_t)n, "\n%s", args->values[i]);
    if (n < 0 || (size_t)n >= keylen)
        key[0] = '\0';
}

/* Routes one API request; writes the answer to out and sets *type. */
static int api(server_t *s, const char *url, const args_t *args, FILE *out, const char **type, serve_request_t *rq)
{
    char err[256];
    long radius, limit, top, chains;
    double min_weight;
    *type = json_type;
    if (!strcmp(url, "/api/authors")) {
        if (number_arg(args, "limit", 1, SERVE_SEARCH_LIMIT, 10, &limit, err, sizeof err))
            goto bad;
        return serve_q_authors(s->data, arg(args, "q"), (unsigned)limit, out);
    }
    if (!strcmp(url, "/api/stats"))
        return serve_q_stats(s->data, out);
    if (!strcmp(url, "/api/path") || !strcmp(url, "/api/path/network")) {
        if (number_arg(args, "chains", 1, SERVE_MAX_CHAINS, 1, &chains, err, sizeof err))
            goto bad;
        if (args->n > SERVE_MAX_AVOID) {
            snprintf(err, sizeof err, "at most %d authors to avoid", SERVE_MAX_AVOID);
            goto bad;
        }
        int network = !strcmp(url, "/api/path/network");
        return (network ? serve_q_path_network : serve_q_path)(s->data, rq, arg(args, "from"), arg(args, "to"),
                                                                args->values, args->n, (unsigned)chains, out);
    }
    if (!strncmp(url, "/api/author/", 12)) {
        if (number_arg(args, "top", 1, SERVE_MAX_ROWS, 500, &top, err, sizeof err))
            goto bad;
        return serve_q_author(s->data, url + 12, arg(args, "with"), (unsigned)top, out);
    }
    if (!strncmp(url, "/api/ego/", 9)) {
        if (number_arg(args, "radius", 1, SERVE_MAX_RADIUS, 1, &radius, err, sizeof err) ||
            weight_arg(args, &min_weight, err, sizeof err))
            goto bad;
        char who[MAX_URL + 1];
        const char *format = ego_format(url, who, sizeof who);
        if (!format)
            return serve_q_ego(s->data, rq, who, (unsigned)radius, min_weight, out);
        *type = format[0] == 's' ? "image/svg+xml" : "image/png";
        int status = serve_q_ego_picture(s->data, rq, who, (unsigned)radius, min_weight, format, out);
        if (status != 200)
            *type = json_type;
        return status;
    }
    snprintf(err, sizeof err, "no such API: %s (see /api/stats, /api/authors?q=, /api/author/ID, /api/ego/ID, "
                              "/api/path?from=&to=, /api/path/network?from=&to=)", url);
    serve_json_error(out, err);
    return 404;
bad:
    serve_json_error(out, err);
    return 400;
}

/* ---- requests that take a layout, answered off the HTTP threads ---- */

/* A request handed to the layout threads, its connection suspended
 * meanwhile: its address and parameters copied, then its answer.  The
 * HTTP threads (one per core) so never wait for a layout process: a
 * layout took a thread and every connection it served with it. */
struct job {
    struct job *next;
    struct MHD_Connection *conn;
    char *url, *strings; /* url, and the copies args points into */
    args_t args;
    serve_request_t rq;
    /* the answer, once done */
    int status;
    const char *type;
    char *body;
    size_t len;
};

static void job_free(job_t *j)
{
    if (!j)
        return;
    free(j->url);
    free(j->strings);
    free(j->body);
    free(j);
}

/* A job for the request, with copies of what the connection holds. */
static job_t *job_new(struct MHD_Connection *conn, const char *url, const args_t *args, const serve_request_t *rq)
{
    job_t *j = calloc(1, sizeof *j);
    size_t need = 0;
    for (unsigned i = 0; i < args->n_args; i++)
        need += strlen(args->key[i]) + 1 + (args->value[i] ? strlen(args->value[i]) + 1 : 0);
    if (!j || !(j->url = strdup(url)) || !(j->strings = malloc(need ? need : 1))) {
        job_free(j);
        return NULL;
    }
    j->conn = conn;
    j->rq = *rq;
    char *at = j->strings;
    for (unsigned i = 0; i < args->n_args; i++) {
        size_t n = strlen(args->key[i]) + 1;
        const char *key = memcpy(at, args->key[i], n), *value = NULL;
        at += n;
        if (args->value[i]) {
            n = strlen(args->value[i]) + 1;
            value = memcpy(at, args->value[i], n);
            at += n;
        }
        collect_arg(&j->args, MHD_GET_ARGUMENT_KIND, key, value);
    }
    return j;
}

/* Runs one API request: the answer's status, type and body. */
static int run_api(server_t *s, const char *url, const args_t *args, serve_request_t *rq, const char **type,
                   char **body, size_t *len)
{
    *body = NULL;
    *len = 0;
    *type = json_type;
    FILE *out = open_memstream(body, len);
    if (!out)
        return -1;
    int status = api(s, url, args, out, type, rq);
    if (fclose(out)) {
        free(*body);
        *body = NULL;
        return -1;
    }
    return status;
}

static int same_request(const job_t *a, const job_t *b)
{
    if (strcmp(a->url, b->url) || a->args.n_args != b->args.n_args)
        return 0;
    for (unsigned i = 0; i < a->args.n_args; i++) {
        const char *x = a->args.value[i], *y = b->args.value[i];
        if (strcmp(a->args.key[i], b->args.key[i]) || (x && y ? strcmp(x, y) : x != y))
            return 0;
    }
    return 1;
}

/* After an ego network has been laid out (and kept: query.c), the
 * requests for it waiting in line go first: they take no layout now, and
 * should not wait for the others' (under jobs_lock). */
static void promote_same(server_t *s, const job_t *done)
{
    char who[MAX_URL + 1];
    if (strncmp(done->url, "/api/ego/", 9) || ego_format(done->url, who, sizeof who) || done->status != 200)
        return;
    /* the line split in two, the same requests then the rest, in order */
    job_t *first[2] = {NULL, NULL}, *last[2] = {NULL, NULL};
    for (job_t *j = s->jobs, *next; j; j = next) {
        next = j->next;
        j->next = NULL;
        int k = !same_request(j, done);
        if (last[k])
            last[k]->next = j;
        else
            first[k] = j;
        last[k] = j;
    }
    if (last[0])
        last[0]->next = first[1];
    s->jobs = first[0] ? first[0] : first[1];
    s->jobs_tail = last[1] ? last[1] : last[0];
}

static void *layout_main(void *arg)
{
    server_t *s = arg;
    pthread_mutex_lock(&s->jobs_lock);
    for (;;) {
        s->idle++;
        while (!s->jobs && !s->stopping)
            pthread_cond_wait(&s->jobs_ready, &s->jobs_lock);
        s->idle--;
        job_t *j = s->jobs;
        if (!j)
            break; /* stopping, and every job done */
        s->jobs = j->next;
        if (!s->jobs)
            s->jobs_tail = NULL;
        pthread_mutex_unlock(&s->jobs_lock);
        j->status = run_api(s, j->url, &j->args, &j->rq, &j->type, &j->body, &j->len);
        pthread_mutex_lock(&s->jobs_lock);
        promote_same(s, j);
        pthread_mutex_unlock(&s->jobs_lock);
        MHD_resume_connection(j->conn); /* j is the HTTP thread's from here */
        pthread_mutex_lock(&s->jobs_lock);
    }
    pthread_mutex_unlock(&s->jobs_lock);
    return NULL;
}

/* A job's request has ended. */
static void job_done(server_t *s, job_t *j)
{
    job_free(j);
    pthread_mutex_lock(&s->jobs_lock);
    s->pending--;
    pthread_cond_broadcast(&s->jobs_done);
    pthread_mutex_unlock(&s->jobs_lock);
}

/* Lets the layout threads finish the requests handed to them, then end;
 * returns once the HTTP threads have sent their answers too (or after
 * 10 s). */
static void stop_layout(server_t *s, pthread_t *threads, unsigned n)
{
    pthread_mutex_lock(&s->jobs_lock);
    s->stopping = 1;
    pthread_cond_broadcast(&s->jobs_ready);
    pthread_mutex_unlock(&s->jobs_lock);
    for (unsigned i = 0; i < n; i++)
        pthread_join(threads[i], NULL);
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += 10;
    pthread_mutex_lock(&s->jobs_lock);
    while (s->pending && pthread_cond_timedwait(&s->jobs_done, &s->jobs_lock, &until) != ETIMEDOUT)
        ;
    pthread_mutex_unlock(&s->jobs_lock);
}

/* A request ended: its job, if it had one, answered and sent or its
 * connection closed while it waited. */
static void completed(void *cls, struct MHD_Connection *conn, void **state, enum MHD_RequestTerminationCode toe)
{
    (void)conn;
    (void)toe;
    if (*state)
        job_done(cls, *state);
    *state = NULL;
}

/* Hands the request to the layout threads: 0, or -1 when it must run
 * here (out of memory, or the server stopping). */
static int hand_over(server_t *s, struct MHD_Connection *conn, const char *url, const args_t *args,
                     const serve_request_t *rq, void **state)
{
    job_t *j = job_new(conn, url, args, rq);
    if (!j)
        return -1;
    pthread_mutex_lock(&s->jobs_lock);
    if (s->stopping) {
        pthread_mutex_unlock(&s->jobs_lock);
        job_free(j);
        return -1;
    }
    *state = j;
    s->pending++;
    /* behind others, or no layout thread free: it waits in line, and takes
     * no layout once its deadline has passed (query.h) */
    j->rq.queued = s->jobs || !s->idle;
    MHD_suspend_connection(conn);
    if (s->jobs_tail)
        s->jobs_tail->next = j;
    else
        s->jobs = j;
    s->jobs_tail = j;
    pthread_cond_signal(&s->jobs_ready);
    pthread_mutex_unlock(&s->jobs_lock);
    return 0;
}

/* Whether a request's answer takes a layout, when not cached: an ego
 * network whose JSON query.c has not kept (*status then holds an answer
 * that needs none, written to body), a picture, a chains' network. */
static int takes_layout(server_t *s, const char *url, const args_t *args, int *status, char **body, size_t *len)
{
    *status = 0;
    if (!strcmp(url, "/api/path/network"))
        return 1;
    if (strncmp(url, "/api/ego/", 9))
        return 0;
    char who[MAX_URL + 1], err[256];
    if (ego_format(url, who, sizeof who))
        return 1;
    long radius;
    double w;
    if (number_arg(args, "radius", 1, SERVE_MAX_RADIUS, 1, &radius, err, sizeof err) ||
        weight_arg(args, &w, err, sizeof err))
        return 0; /* a bad request: answered at once */
    FILE *out = open_memstream(body, len);
    if (!out)
        return 0;
    *status = serve_q_ego_known(s->data, who, (unsigned)radius, w, out);
    if (fclose(out) || !*status) {
        free(*body);
        *body = NULL;
        *len = 0;
        return !*status;
    }
    return 0;
}

/* Sends an API answer: keeps it in the cache when cacheable and whole,
 * logs a failure.  Takes body. */
static enum MHD_Result answer(server_t *s, struct MHD_Connection *conn, const char *url, const char *key,
                              int cacheable, const serve_request_t *rq, int status, const char *type, char *body,
                              size_t len)
{
    if (status < 0)
        return send_error(conn, MHD_HTTP_SERVICE_UNAVAILABLE, "out of memory");
    if (cacheable && key[0] && !rq->cut_short && (status == 200 || status == 400 || status == 404))
        cache_put(&s->cache, key, body, len, status, type);
    /* a request turned away for its budget is the server working as
     * meant, not a failure to log */
    if (status >= 500 && !rq->retry_after && !s->quiet)
        fprintf(stderr, "coauthor serve: %s: %d %.*s\n", url, status, (int)(len < 300 ? len : 300), body);
    return send_body(conn, status, type, body, len, (cacheable || !strncmp(url, "/api/ego/", 9)) && status == 200,
                     rq->retry_after);
}

/* What identifies a request's answer in the cache ("" when it is not
 * cached there), and whether it is one that is cached. */
static int cacheable_key(const char *url, const args_t *args, char *key, size_t keylen)
{
    char who[MAX_URL + 1];
    key[0] = '\0';
    int cacheable = (!strncmp(url, "/api/ego/", 9) && ego_format(url, who, sizeof who)) || !strcmp(url, "/api/path") ||
                    !strcmp(url, "/api/path/network");
    if (cacheable)
        cache_key(url, args, key, keylen);
    return cacheable;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                              const char *version, const char *upload_data, size_t *upload_data_size, void **state)
{
    server_t *s = cls;
    char key[(SERVE_MAX_AVOID + 3) * (MAX_QUERY + 1) + 64];
    (void)version;
    (void)upload_data;
    if (*state) {
        /* resumed: the layout threads have answered */
        job_t *j = *state; /* freed when the request is complete (completed) */
        int cacheable = cacheable_key(j->url, &j->args, key, sizeof key);
        enum MHD_Result r =
            answer(s, conn, j->url, key, cacheable, &j->rq, j->status, j->type, j->body, j->len);
        j->body = NULL;
        return r;
    }
    if (strcmp(method, MHD_HTTP_METHOD_GET) && strcmp(method, MHD_HTTP_METHOD_HEAD))
        return send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET and HEAD: this server is read-only");
    if (*upload_data_size)
        return send_error(conn, MHD_HTTP_BAD_REQUEST, "a GET request has no body");
    args_t args;
    memset(&args, 0, sizeof args);
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_arg, &args);
    if (strlen(url) > MAX_URL || args.too_long) {
        char msg[128];
        snprintf(msg, sizeof msg, "the address or one of its parameters is too long, or it has more than %d parameters",
                 MAX_ARGS);
        return send_error(conn, MHD_HTTP_URI_TOO_LONG, msg);
    }
    if (strncmp(url, "/api/", 5) != 0) {
        for (size_t i = 0; i < serve_n_assets; i++)
            if (!strcmp(url, serve_assets[i].path)) {
                struct MHD_Response *r = MHD_create_response_from_buffer(
                    serve_assets[i].len, (void *)serve_assets[i].data, MHD_RESPMEM_PERSISTENT);
                if (!r)
                    return MHD_NO;
                MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, serve_assets[i].type);
                MHD_add_response_header(r, "Content-Security-Policy", csp);
                MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
                MHD_add_response_header(r, "X-Frame-Options", "DENY");
                MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
                MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
                enum MHD_Result ret = MHD_queue_response(conn, MHD_HTTP_OK, r);
                MHD_destroy_response(r);
                return ret;
            }
        return send_error(conn, MHD_HTTP_NOT_FOUND, "no such page: the page is at /");
    }
    const char *type = json_type;
    char *body = NULL;
    size_t len = 0;
    int status;
    int cacheable = cacheable_key(url, &args, key, sizeof key);
    if (key[0] && cache_get(&s->cache, key, &body, &len, &status, &type))
        return send_body(conn, status, type, body, len, status == 200, 0);
    serve_request_t rq;
    serve_request_init(&rq, s->budget_ms);
    if (takes_layout(s, url, &args, &status, &body, &len)) {
        if (hand_over(s, conn, url, &args, &rq, state) == 0)
            return MHD_YES;
    } else if (status) {
        return answer(s, conn, url, key, cacheable, &rq, status, type, body, len);
    }
    status = run_api(s, url, &args, &rq, &type, &body, &len);
    return answer(s, conn, url, key, cacheable, &rq, status, type, body, len);
}

/* ---- the address ---- */

/* "HOST:PORT", "[V6]:PORT", ":PORT" or "PORT"; host "localhost" and names
 * resolve through getaddrinfo.  *loopback tells whether it is 127.0.0.0/8
 * or ::1. */
static int parse_listen(const char *spec, struct sockaddr_storage *sa, socklen_t *salen, int *loopback, char *err,
                        size_t errlen)
{
    char host[256] = "127.0.0.1", port[16];
    const char *colon;
    if (spec[0] == '[') {
        const char *close = strchr(spec, ']');
        if (!close || close[1] != ':' || (size_t)(close - spec - 1) >= sizeof host) {
            snprintf(err, errlen, "bad --listen '%s': expected [ADDRESS]:PORT", spec);
            return -1;
        }
        memcpy(host, spec + 1, (size_t)(close - spec - 1));
        host[close - spec - 1] = '\0';
        colon = close + 1;
    } else if ((colon = strrchr(spec, ':'))) {
        if ((size_t)(colon - spec) >= sizeof host) {
            snprintf(err, errlen, "bad --listen '%s': the host is too long", spec);
            return -1;
        }
        if (colon > spec) {
            memcpy(host, spec, (size_t)(colon - spec));
            host[colon - spec] = '\0';
        }
    }
    const char *p = colon ? colon + 1 : spec;
    char *end;
    long v = strtol(p, &end, 10);
    if (!*p || *end || v < 0 || v > 65535) {
        snprintf(err, errlen, "bad --listen '%s': expected HOST:PORT with a port from 0 to 65535", spec);
        return -1;
    }
    snprintf(port, sizeof port, "%ld", v);
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    int e = getaddrinfo(host, port, &hints, &res);
    if (e || !res) {
        snprintf(err, errlen, "bad --listen '%s': %s", spec, e ? gai_strerror(e) : "no address");
        return -1;
    }
    memcpy(sa, res->ai_addr, res->ai_addrlen);
    *salen = res->ai_addrlen;
    freeaddrinfo(res);
    if (sa->ss_family == AF_INET)
        *loopback = (ntohl(((struct sockaddr_in *)sa)->sin_addr.s_addr) >> 24) == 127;
    else if (sa->ss_family == AF_INET6)
        *loopback = IN6_IS_ADDR_LOOPBACK(&((struct sockaddr_in6 *)sa)->sin6_addr);
    else
        *loopback = 0;
    return 0;
}

/* libmicrohttpd's messages, with its own printf format. */
__attribute__((format(printf, 2, 0))) static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    const server_t *s = cls;
    if (s->quiet)
        return;
    fputs("coauthor serve: libmicrohttpd: ", stderr);
    vfprintf(stderr, fmt, ap);
}

int coa_serve_run(const coa_serve_options_t *o)
{
    struct sockaddr_storage sa;
    socklen_t salen;
    int loopback;
    char err[512];
    if (parse_listen(o->listen ? o->listen : COA_SERVE_DEFAULT_LISTEN, &sa, &salen, &loopback, err, sizeof err)) {
        fprintf(stderr, "coauthor serve: %s\n", err);
        return 2;
    }
    /* the signals that stop the server are taken by sigwait below; blocked
     * now, before any thread starts, so that no worker gets them */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    server_t s;
    memset(&s, 0, sizeof s);
    s.quiet = o->quiet;
    s.budget_ms = o->budget_ms;
    pthread_mutex_init(&s.cache.lock, NULL);
    if (!(s.data = serve_data_open(o, err, sizeof err))) {
        fprintf(stderr, "coauthor serve: %s\n", err);
        cache_destroy(&s.cache);
        return 1;
    }
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    /* one HTTP thread per core: every request they run is CPU from start
     * to end (searches, chain searches, answers from the caches), since
     * those that take a layout are handed to the layout threads.  More
     * threads only share the cores and let some connections wait behind
     * others: at 7M papers and 50 connections on 2 cores, search p99 was
     * 13 ms with 2 threads, 22 with 4 and 28 with 16, path 19, 28 and 45. */
    unsigned threads = o->threads ? o->threads : (unsigned)(cores > 1 ? cores : 1);
    /* two layout threads for each layout process: while one waits for the
     * process's answer, the other finds its next network's authors or
     * keeps and sends its last answer, so that the process does not wait */
    unsigned n_layout = 2 * serve_data_layouts(s.data);
    pthread_t layout_threads[64];
    if (n_layout > 64)
        n_layout = 64;
    pthread_mutex_init(&s.jobs_lock, NULL);
    pthread_cond_init(&s.jobs_ready, NULL);
    pthread_cond_init(&s.jobs_done, NULL);
    unsigned started = 0;
    while (started < n_layout && pthread_create(&layout_threads[started], NULL, layout_main, &s) == 0)
        started++;
    if (!started)
        s.stopping = 1; /* no layout thread: every request runs where it arrives */
    struct MHD_Daemon *daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG |
            (sa.ss_family == AF_INET6 ? MHD_USE_IPv6 : 0),
        0, NULL, NULL, handle, &s, MHD_OPTION_EXTERNAL_LOGGER, mhd_log, &s, MHD_OPTION_NOTIFY_COMPLETED, completed,
        &s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa, MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)REQUEST_TIMEOUT,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 << 10), MHD_OPTION_END);
    if (!daemon) {
        fprintf(stderr, "coauthor serve: cannot listen on %s: %s\n", o->listen ? o->listen : COA_SERVE_DEFAULT_LISTEN,
                errno ? strerror(errno) : "the address is in use or not this machine's");
        stop_layout(&s, layout_threads, started);
        serve_data_close(s.data);
        cache_destroy(&s.cache);
        return 1;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    unsigned port = info ? info->port : 0;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    char host[INET6_ADDRSTRLEN] = "?";
    if (sa.ss_family == AF_INET)
        inet_ntop(AF_INET, &((struct sockaddr_in *)&sa)->sin_addr, host, sizeof host);
    else
        inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&sa)->sin6_addr, host, sizeof host);
    if (!o->quiet) {
        char what[1024];
        serve_data_describe(s.data, what, sizeof what);
        fprintf(stderr, "coauthor serve: %s\n", what);
        fprintf(stderr,
                "coauthor serve: ready in %.2f s: http://%s%s%s:%u/ (%u threads, %u layout processes; Ctrl-C stops)\n",
                (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9,
                sa.ss_family == AF_INET6 ? "[" : "", host, sa.ss_family == AF_INET6 ? "]" : "", port, threads,
                serve_data_layouts(s.data));
    }
    if (!loopback)
        fprintf(stderr, "coauthor serve: warning: listening on %s, not on loopback: anyone who can reach this "
                        "machine can read the whole corpus\n", host);
    serve_data_started(s.data);
    if (o->ready_file) {
        FILE *f = fopen(o->ready_file, "w");
        if (f) {
            fprintf(f, "%u\n", port);
            fclose(f);
        }
    }
    int sig = 0;
    while (sigwait(&stop, &sig) != 0)
        ;
    if (!o->quiet)
        fprintf(stderr, "coauthor serve: %s: stopping\n", sig == SIGINT ? "interrupted" : "terminated");
    /* the requests handed over are answered first (their connections are
     * suspended until then); any that comes meanwhile runs where it arrives */
    stop_layout(&s, layout_threads, started);
    MHD_stop_daemon(daemon);
    serve_data_close(s.data);
    cache_destroy(&s.cache);
    pthread_mutex_destroy(&s.jobs_lock);
    pthread_cond_destroy(&s.jobs_ready);
    pthread_cond_destroy(&s.jobs_done);
    return 0;
}
