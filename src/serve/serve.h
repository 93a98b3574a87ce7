/*
 * coauthor serve: a read-only web server over one corpus, with the page
 * that explores it (search, an author's coauthors and network, chains)
 * and the JSON API behind the page.
 *
 * The layer sits above the library (core, corpus, read, graph, analyze,
 * write) and below the command line: src/cli/cmd_serve.c parses the
 * options and calls coa_serve_run, which loads the inputs once, listens,
 * and returns when SIGINT or SIGTERM asks it to stop.
 */
#ifndef COAUTHOR_SERVE_H
#define COAUTHOR_SERVE_H

#include "coauthor/read.h"

#define COA_SERVE_DEFAULT_LISTEN "127.0.0.1:8080"

typedef struct {
    const char *listen;        /* "HOST:PORT", "[V6]:PORT" or "PORT"; default COA_SERVE_DEFAULT_LISTEN */
    char **files;              /* a database, or files any reader reads */
    int n_files;
    coa_read_options_t read;
    const char *const *aliases;  /* identity, as for every command (coa_load) */
    int n_aliases;
    int merge_initials, keep_apart, split_homonyms;
    unsigned threads;          /* HTTP threads; 0 = one per core */
    unsigned budget_ms;        /* a request's time budget; 0 = SERVE_BUDGET_MS */
    int quiet;                 /* no log lines on stderr */
    const char *ready_file;    /* written with the bound port once listening (tests) */
} coa_serve_options_t;

void coa_serve_options_init(coa_serve_options_t *o);

/* Loads, serves until a signal, and cleans up.  Returns 0 after a clean
 * shutdown, 1 when the inputs cannot be loaded or the address cannot be
 * bound (with a message on stderr), 2 for a bad --listen. */
int coa_serve_run(const coa_serve_options_t *o);

#endif
