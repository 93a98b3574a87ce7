/* Error strings, diagnostics and library start-up. */
#include <stdio.h>
#include <string.h>

#include <igraph.h>

#include "core/core.h"

const char *coa_strerror(coa_err_t err)
{
    switch (err) {
    case COA_OK: return "success";
    case COA_ENOMEM: return "out of memory";
    case COA_EIO: return "input/output error";
    case COA_EFORMAT: return "unknown or unexpected format";
    case COA_EPARSE: return "malformed input";
    case COA_EINVAL: return "invalid argument";
    case COA_ENOTFOUND: return "not found";
    case COA_EGRAPH: return "graph computation failed";
    }
    return "unknown error";
}

void coa_diag(const coa_diag_sink_t *sink, coa_severity_t sev, const char *file, long line,
              const char *fmt, ...)
{
    if (!sink || !sink->fn)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    coa_diag_t d = {sev, file, line, msg};
    sink->fn(sink->ctx, &d);
}

const char *coa_enum_name(const char *const *names, size_t n, unsigned i)
{
    return i < n ? names[i] : "?";
}

int coa_enum_parse(const char *const *names, size_t n, const char *s, unsigned *i)
{
    for (unsigned k = 0; k < n; k++)
        if (strcmp(s, names[k]) == 0) {
            *i = k;
            return COA_OK;
        }
    return COA_EINVAL;
}

int coa_from_igraph(int igraph_err)
{
    if (igraph_err == IGRAPH_SUCCESS)
        return COA_OK;
    if (igraph_err == IGRAPH_ENOMEM)
        return COA_ENOMEM;
    return COA_EGRAPH;
}

void coa_library_init(unsigned long seed)
{
    /* igraph's default handler aborts the process; ours returns the code. */
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    igraph_rng_seed(igraph_rng_default(), seed);
}
