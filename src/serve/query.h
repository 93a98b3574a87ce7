/* The questions coauthor serve answers, each written as a JSON document
 * (or a picture) into a stream: the one file of the serve layer that
 * talks to the library's loading and query functions, so that the HTTP
 * side (server.c) knows nothing of how a corpus is held.
 *
 * Every function returns the HTTP status of its answer: 200, or 400, 404
 * or 503 with {"error": "..."} (and "candidates", the closest names, for
 * an unknown author) written to 'out'.  They may be called from several
 * threads at once. */
#ifndef COAUTHOR_SERVE_QUERY_H
#define COAUTHOR_SERVE_QUERY_H

#include <stdint.h>
#include <stdio.h>

#include "serve/serve.h"

typedef struct serve_data serve_data_t;

/* Limits that keep every answer small and quick. */
#define SERVE_SEARCH_LIMIT 50        /* suggestions at most */
#define SERVE_MAX_RADIUS 2
#define SERVE_EGO_MAX_NODES 1500     /* authors in an ego network, after min_weight */
#define SERVE_MAX_CHAINS 100
#define SERVE_MAX_AVOID 16
#define SERVE_MAX_ROWS 2000          /* coauthor rows of an author */
#define SERVE_CHAIN_MAX_NODES 400    /* authors of the chains' network drawn */
#define SERVE_SEARCH_WAIT 20         /* seconds a search waits for the names to be indexed */
#define SERVE_PICTURE_SECONDS 30     /* a picture's layout and rendering at most */

/* Loads the inputs; NULL with a message in err on failure. */
serve_data_t *serve_data_open(const coa_serve_options_t *o, char *err, size_t errlen);
void serve_data_close(serve_data_t *d);

/* One line on what is served, for the log. */
void serve_data_describe(const serve_data_t *d, char *buf, size_t len);

int serve_q_authors(serve_data_t *d, const char *q, unsigned limit, FILE *out);
/* who: a numeric author id or a name.  with: a coauthor (id or name) whose
 * joint papers to list, or NULL for the table of every coauthor. */
int serve_q_author(serve_data_t *d, const char *who, const char *with, unsigned top, FILE *out);
int serve_q_ego(serve_data_t *d, const char *who, unsigned radius, double min_weight, FILE *out);
/* format "svg" or "png": the picture coauthor draw --ego makes */
int serve_q_ego_picture(serve_data_t *d, const char *who, unsigned radius, double min_weight, const char *format,
                        FILE *out);
int serve_q_path(serve_data_t *d, const char *from, const char *to, const char *const *avoid, unsigned n_avoid,
                 unsigned chains, FILE *out);
int serve_q_stats(serve_data_t *d, FILE *out);

/* Writes {"error": msg} */
void serve_json_error(FILE *out, const char *msg);

#endif
