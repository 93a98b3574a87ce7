/*
 * coauthor: common definitions shared by every part of the library.
 *
 * Ownership rule, stated once for the whole library: a function that fills
 * a caller-allocated struct is paired as _init/_destroy; a heap handle is
 * paired as _new/_free, and _free(NULL) does nothing.  Strings returned by
 * accessors point into the object that owns them and stay valid until that
 * object is destroyed or modified.  The library never prints and never
 * exits: it returns a coa_err_t and reports located problems through a
 * diagnostic sink that the caller supplies.
 */
#ifndef COAUTHOR_COMMON_H
#define COAUTHOR_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    COA_OK = 0,
    COA_ENOMEM,    /* out of memory */
    COA_EIO,       /* a file could not be opened or read */
    COA_EFORMAT,   /* the input format is unknown or not what was asked */
    COA_EPARSE,    /* a bad record under --strict, or no usable record */
    COA_EINVAL,    /* a bad argument from the caller */
    COA_ENOTFOUND, /* a name or item that is not there */
    COA_EGRAPH     /* igraph reported an error */
} coa_err_t;

/* A short lower-case description of an error code. */
const char *coa_strerror(coa_err_t err);

typedef enum {
    COA_DIAG_NOTE,
    COA_DIAG_WARNING,
    COA_DIAG_ERROR
} coa_severity_t;

/* One located message.  'file' may be NULL, and 'line' is 0 when no line
 * applies.  The strings live only for the duration of the callback. */
typedef struct {
    coa_severity_t severity;
    const char *file;
    long line;
    const char *message;
} coa_diag_t;

typedef void (*coa_diag_fn)(void *ctx, const coa_diag_t *diag);

/* Where the library sends diagnostics.  A NULL fn drops them. */
typedef struct {
    coa_diag_fn fn;
    void *ctx;
} coa_diag_sink_t;

/* Installs an igraph error handler that returns instead of aborting, and
 * seeds igraph's random number generator.  Call once at start-up. */
void coa_library_init(unsigned long seed);

#ifdef __cplusplus
}
#endif

#endif
