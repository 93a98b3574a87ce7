/* The questions coauthor serve answers, each written as a JSON document
 * (or a picture) into a stream: the one file of the serve layer that
 * talks to the library's loading and query functions, so that the HTTP
 * side (server.c) knows nothing of how a corpus is held.
 *
 * Every function returns the HTTP status of its answer: 200, or 400, 404
 * or 503 with {"error": "..."} (and "candidates", the closest names, for
 * an unknown author) written to 'out'.  They may be called from several
 * threads at once.
 *
 * Each request carries a time budget (serve_request_t).  Searches, author
 * lookups and chain searches run in parallel, each thread on a view of
 * its own, the chain searches (all CPU) one per core.  Layouts (Graphviz
 * and igraph, neither thread-safe) are jobs of the layout processes, one
 * per core (workers.h).  A request that cannot start a chain search or a
 * layout within its budget is answered 503 with "retry_after" instead of
 * waiting in line.  serve_data_open forks the layout processes: call it
 * before any thread starts. */
#ifndef COAUTHOR_SERVE_QUERY_H
#define COAUTHOR_SERVE_QUERY_H

#include <stdint.h>
#include <stdio.h>

#include "serve/serve.h"

typedef struct serve_data serve_data_t;

/* Limits that keep every answer small and quick. */
#define SERVE_SEARCH_LIMIT 50        /* suggestions at most */
#define SERVE_MAX_RADIUS 2
/* Authors of an ego network laid out: beyond it, the ones most tied to
 * the ego are kept (ego_strongest in query.c) and the answer says how many
 * were left out.  The layout is most of an ego answer's cost: on the 1M-paper corpus neato took 20 to 40 ms of CPU for
 * dense networks of 70 to 100 authors, 10 to 20 ms at 50, about 1 ms for
 * the typical network of a dozen. */
#define SERVE_EGO_MAX_NODES 50
/* Ego answers kept, least recently used out: about 10 KB each at the node
 * limit, so the cache holds a few thousand authors' networks in at most
 * 64 MB, where each costs a layout (milliseconds, one per layout
 * process at a time) to make again. */
#define SERVE_EGO_CACHE 4096
#define SERVE_EGO_CACHE_BYTES (64u << 20)
/* Views of the index (each with its search workspace, about 45 bytes per
 * author) shared by the requests, per core: a request holds one only while
 * it searches or copies, so a few serve any number of threads. */
#define SERVE_VIEWS_PER_CORE 2
#define SERVE_MAX_CHAINS 100
#define SERVE_MAX_AVOID 16
#define SERVE_MAX_ROWS 2000          /* coauthor rows of an author */
#define SERVE_CHAIN_MAX_NODES 400    /* authors of the chains' network drawn */
#define SERVE_SEARCH_WAIT 20         /* seconds a search waits for the names to be indexed */
#define SERVE_PICTURE_SECONDS 30     /* a picture's layout and rendering at most */
#define SERVE_JOB_SECONDS 40         /* a layout process's job at most (a picture's included) */
#define SERVE_BUDGET_MS 2000         /* default time budget of a request */

/* One request's time budget.  deadline: CLOCK_MONOTONIC seconds by which
 * the request's chain search or layout must have started; a chain
 * search that runs past it is answered without its network.  retry_after
 * is set (seconds) when the answer is 503 for the budget; cut_short when
 * an answer of 200 left out what the budget did not allow (not to be
 * cached: another time it may be whole).  queued: the request waited in
 * line for a layout thread (server.c), so that once its deadline has
 * passed it is answered 503 rather than laid out (one that did not wait
 * takes a free layout process whatever the time: the budget bounds the
 * wait, not the work). */
typedef struct {
    double deadline;
    unsigned retry_after;
    int cut_short;
    int queued;
} serve_request_t;

/* A request's budget from now. */
void serve_request_init(serve_request_t *rq, unsigned budget_ms);

/* Loads the inputs; NULL with a message in err on failure. */
serve_data_t *serve_data_open(const coa_serve_options_t *o, char *err, size_t errlen);
void serve_data_close(serve_data_t *d);

/* The layout processes. */
unsigned serve_data_layouts(const serve_data_t *d);

/* One line on what is served, for the log. */
void serve_data_describe(const serve_data_t *d, char *buf, size_t len);
/* Called once the server has written its first lines: the log lines of
 * the work done in the background (the name search) follow them. */
void serve_data_started(serve_data_t *d);

int serve_q_authors(serve_data_t *d, const char *q, unsigned limit, FILE *out);
/* who: a numeric author id or a name.  with: a coauthor (id or name) whose
 * joint papers to list, or NULL for the table of every coauthor. */
int serve_q_author(serve_data_t *d, const char *who, const char *with, unsigned top, FILE *out);
int serve_q_ego(serve_data_t *d, serve_request_t *rq, const char *who, unsigned radius, double min_weight,
                FILE *out);
/* serve_q_ego's answer when it takes no layout (an author unknown, or a
 * network laid out before and kept); 0, with nothing written, when it
 * does. */
int serve_q_ego_known(serve_data_t *d, const char *who, unsigned radius, double min_weight, FILE *out);
/* format "svg" or "png": the picture coauthor draw --ego makes */
int serve_q_ego_picture(serve_data_t *d, serve_request_t *rq, const char *who, unsigned radius, double min_weight,
                        const char *format, FILE *out);
/* The shortest chains with the papers of every hop, as 'path --all --json' */
int serve_q_path(serve_data_t *d, serve_request_t *rq, const char *from, const char *to, const char *const *avoid,
                 unsigned n_avoid, unsigned chains, FILE *out);
/* The network of the chains serve_q_path lists (their authors and every
 * coauthorship among them), laid out as draw lays it out: a request of
 * its own, so that the chains are answered without waiting for a layout */
int serve_q_path_network(serve_data_t *d, serve_request_t *rq, const char *from, const char *to,
                         const char *const *avoid, unsigned n_avoid, unsigned chains, FILE *out);
int serve_q_stats(serve_data_t *d, FILE *out);

/* Writes {"error": msg} */
void serve_json_error(FILE *out, const char *msg);

#endif
