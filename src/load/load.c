/*
 * The library loader: read -> settle identity -> de-duplicate -> finalize,
 * or a database's index opened instead (see coauthor/load.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coauthor/load.h"
#include "coauthor/names.h"
#include "corpus/internal.h"

struct coa_loaded {
    coa_corpus_t corpus;
    int have_corpus;
    coa_store_index_t *index;
    coa_load_counts_t counts;
    coa_evidence_report_t evidence;
};

void coa_load_options_init(coa_load_options_t *o)
{
    memset(o, 0, sizeof *o);
    coa_read_options_init(&o->read);
}

/* "refs.txt:bibtex" names a file and its format; only a known format
 * name after the last ':' counts, and never when the whole argument is
 * an existing file, since paths may hold colons.  *path is malloc'ed. */
static int split_format(const char *arg, char **path, const char **format)
{
    const char *colon = strrchr(arg, ':');
    *path = NULL;
    if (!colon || colon == arg || access(arg, F_OK) == 0)
        return 0;
    const char *f = coa_format_lookup(colon + 1);
    if (!f)
        return 0;
    *path = strndup(arg, (size_t)(colon - arg));
    *format = f;
    return *path != NULL;
}

/* True when input i is a corpus database (named so, or by its first
 * bytes); *path receives its path (malloc'ed) when 'path' is not NULL. */
static int is_database(const coa_load_options_t *o, uint32_t i, char **path)
{
    char *split = NULL;
    const char *format = o->read.format;
    const char *file = split_format(o->files[i], &split, &format) ? split : o->files[i];
    int db = 0;
    if (format) {
        db = strcmp(format, "store") == 0;
    } else if (strcmp(file, "-") != 0) {
        unsigned char head[16];
        FILE *f = fopen(file, "rb");
        db = f && fread(head, 1, sizeof head, f) == sizeof head && coa_store_detect(head, sizeof head);
        if (f)
            fclose(f);
    }
    if (db && path) {
        *path = split ? split : strdup(file);
        return *path != NULL;
    }
    free(split);
    return db;
}

/* The path of the corpus database when it is the only input, read as it
 * is (the case COA_LOAD_OPEN_INDEX serves), malloc'ed; NULL otherwise. */
static char *single_database(const coa_load_options_t *o)
{
    char *path = NULL;
    if (o->n_files != 1 || o->n_aliases || o->merge_initials || o->keep_apart || o->split_homonyms)
        return NULL;
    /* a database named by its format is checked by its header too */
    if (!is_database(o, 0, &path))
        return NULL;
    unsigned char head[16];
    FILE *f = fopen(path, "rb");
    int ok = f && fread(head, 1, sizeof head, f) == sizeof head && coa_store_detect(head, sizeof head);
    if (f)
        fclose(f);
    if (!ok) {
        free(path);
        return NULL;
    }
    return path;
}

/* A database holds the identity decided when it was imported: merging
 * again would make it answer otherwise than its index.  True when every
 * input is a corpus database. */
static int only_databases(const coa_load_options_t *o)
{
    for (uint32_t i = 0; i < o->n_files; i++)
        if (!is_database(o, i, NULL))
            return 0;
    return o->n_files > 0;
}

static void say(const coa_diag_sink_t *diag, coa_severity_t severity, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void say(const coa_diag_sink_t *diag, coa_severity_t severity, const char *file, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    coa_diag_t d = {severity, file, 0, msg};
    if (diag && diag->fn)
        diag->fn(diag->ctx, &d);
}

/* The caller's sink, with at most 'max' warnings per file passed on. */
typedef struct {
    const coa_diag_sink_t *to;
    unsigned max;
    const char *file;
    unsigned shown, dropped;
} limiter_t;

static void limited(void *ctx, const coa_diag_t *d)
{
    limiter_t *l = ctx;
    if (d->severity != COA_DIAG_ERROR && l->max) {
        if (l->file != d->file) {
            l->file = d->file;
            l->shown = l->dropped = 0;
        }
        if (l->shown >= l->max) {
            l->dropped++;
            return;
        }
        l->shown++;
    }
    if (l->to && l->to->fn)
        l->to->fn(l->to->ctx, d);
}

static void limiter_reset(limiter_t *l)
{
    l->file = NULL;
    l->shown = l->dropped = 0;
}

/* The figures of the summary line that the corpus itself gives. */
static void count_sources(const coa_corpus_t *c, coa_load_counts_t *n)
{
    for (uint32_t s = 0; s < c->n_sources; s++) {
        n->records += c->sources[s].records;
        n->malformed += c->sources[s].skipped;
        n->no_authors += coa_source_no_authors(c, s);
        n->undated += c->sources[s].undated;
        if (c->sources[s].undated)
            n->assumed_year = c->sources[s].assumed_year;
    }
    n->repeated_authors = c->duplicate_authorships;
}

int coa_load_open_index(const coa_load_options_t *o, const coa_diag_sink_t *diag, coa_store_index_t **ix)
{
    *ix = NULL;
    char *path = single_database(o);
    if (!path)
        return COA_ENOTFOUND;
    int err = coa_store_index_open(path, ix);
    size_t len = strlen(path) + 8;
    char *idx = malloc(len);
    if (idx)
        snprintf(idx, len, "%s.idx", path);
    if (err == COA_EINVAL)
        say(diag, COA_DIAG_WARNING, idx,
            "the index is stale (the database was changed after it was written), so the whole corpus is read; "
            "'coauthor import %s -o %s' writes it again",
            path, path);
    else if (err == COA_EFORMAT)
        say(diag, COA_DIAG_WARNING, idx,
            "the index is damaged or from another version, so the whole corpus is read; "
            "'coauthor import %s -o %s' writes it again",
            path, path);
    free(idx);
    free(path);
    if (err) {
        *ix = NULL;
        return err == COA_ENOMEM ? COA_ENOMEM : COA_ENOTFOUND;
    }
    return COA_OK;
}

void coa_load_index_counts(const coa_store_index_t *ix, coa_load_counts_t *n)
{
    memset(n, 0, sizeof *n);
    n->files = 1;
    count_sources(coa_store_index_corpus(ix), n);
    n->inferred = coa_store_index_inferred(ix);
}

/* Every input read into l->corpus, warnings limited per file. */
static int read_inputs(const coa_load_options_t *o, limiter_t *lim, const coa_diag_sink_t *sink,
                       coa_loaded_t *l)
{
    for (uint32_t i = 0; i < o->n_files; i++) {
        limiter_reset(lim);
        coa_read_options_t read = o->read;
        if (o->progress) {
            read.progress = o->progress;
            read.progress_ctx = o->progress_ctx;
        }
        char *split = NULL;
        const char *path = split_format(o->files[i], &split, &read.format) ? split : o->files[i];
        int err = coa_read_file(&l->corpus, path, &read, sink);
        if (lim->dropped)
            say(lim->to, COA_DIAG_WARNING, strcmp(path, "-") ? path : "<stdin>", "%u more warnings not shown",
                lim->dropped);
        if (err == COA_ENOMEM)
            say(lim->to, COA_DIAG_ERROR, path, "out of memory");
        free(split);
        if (err)
            return err; /* the reader has said why */
    }
    return COA_OK;
}

/* Identity, de-duplication and finalizing, after every source is read
 * (identity merges before names are voted). */
static int settle(const coa_load_options_t *o, limiter_t *lim, const coa_diag_sink_t *sink, coa_loaded_t *l)
{
    coa_corpus_t *c = &l->corpus;
    coa_load_counts_t *n = &l->counts;
    int err;
    for (uint32_t i = 0; i < o->n_aliases; i++) {
        uint32_t applied = 0;
        limiter_reset(lim);
        if ((err = coa_aliases_apply(c, o->aliases[i], sink, &applied))) {
            if (err == COA_ENOMEM)
                say(lim->to, COA_DIAG_ERROR, o->aliases[i], "out of memory");
            return err;
        }
        n->alias_merges += applied;
    }
    if (!o->keep_apart && !only_databases(o)) {
        if ((err = coa_merge_evidence(c, &l->evidence)))
            goto nomem;
        n->evidence_merges = l->evidence.merged;
    }
    if (o->merge_initials && (err = coa_merge_initials(c, &n->initial_merges)))
        goto nomem;
    limiter_reset(lim);
    if ((err = coa_corpus_dedup_report(c, &n->duplicates, sink)) || (err = coa_corpus_finalize(c)))
        goto nomem;
    if (o->split_homonyms && (err = coa_split_homonyms(c, &n->homonym_splits)))
        goto nomem;
    /* inferred authorships of the final corpus: a source's own count is
     * taken before de-duplication, which keeps one authorship per author of
     * a merged paper and makes it stated when another copy states it */
    for (uint32_t i = 0; i < c->n_authorships; i++)
        n->inferred += c->authorships[i].inferred;
    count_sources(c, n);
    return COA_OK;
nomem:
    say(lim->to, COA_DIAG_ERROR, NULL, "out of memory");
    return err;
}

int coa_load(const coa_load_options_t *o, const coa_diag_sink_t *diag, coa_loaded_t **out)
{
    *out = NULL;
    coa_loaded_t *l = calloc(1, sizeof *l);
    if (!l) {
        say(diag, COA_DIAG_ERROR, NULL, "out of memory");
        return COA_ENOMEM;
    }
    l->counts.files = o->n_files;
    int err = COA_ENOTFOUND;
    if (o->flags & COA_LOAD_OPEN_INDEX)
        err = coa_load_open_index(o, diag, &l->index);
    if (err == COA_OK) {
        coa_load_index_counts(l->index, &l->counts);
        l->counts.files = o->n_files;
        *out = l;
        return COA_OK;
    }
    if (err == COA_ENOMEM || (err = coa_corpus_init(&l->corpus))) {
        say(diag, COA_DIAG_ERROR, NULL, "out of memory");
        coa_loaded_free(l);
        return COA_ENOMEM;
    }
    l->have_corpus = 1;
    limiter_t lim = {diag, o->max_warnings_per_file, NULL, 0, 0};
    coa_diag_sink_t sink = {limited, &lim};
    if ((err = read_inputs(o, &lim, &sink, l)) || (err = settle(o, &lim, &sink, l))) {
        coa_loaded_free(l);
        return err;
    }
    *out = l;
    return COA_OK;
}

void coa_loaded_free(coa_loaded_t *l)
{
    if (!l)
        return;
    coa_store_index_close(l->index);
    if (l->have_corpus)
        coa_corpus_destroy(&l->corpus);
    coa_evidence_report_destroy(&l->evidence);
    free(l);
}

const coa_corpus_t *coa_loaded_corpus(const coa_loaded_t *l)
{
    return l->index ? coa_store_index_corpus(l->index) : l->have_corpus ? &l->corpus : NULL;
}

const coa_store_index_t *coa_loaded_index(const coa_loaded_t *l)
{
    return l->index;
}

int coa_loaded_take_corpus(coa_loaded_t *l, coa_corpus_t *out)
{
    if (!l->have_corpus)
        return COA_EINVAL;
    *out = l->corpus;
    memset(&l->corpus, 0, sizeof l->corpus);
    l->have_corpus = 0;
    return COA_OK;
}

const coa_load_counts_t *coa_loaded_counts(const coa_loaded_t *l)
{
    return &l->counts;
}

const coa_evidence_report_t *coa_loaded_evidence(const coa_loaded_t *l)
{
    return &l->evidence;
}
