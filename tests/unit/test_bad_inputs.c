/*
 * Regression inputs: every file in tests/data/bad/ (malformed samples and
 * the inputs fuzzing found crashes with) goes through every reader, and
 * through format detection, in lenient and strict mode and with a short
 * line limit.  Under the sanitizer build (make check runs both builds) a
 * memory error or undefined behaviour fails the run; in both builds the
 * library must return a known error code, explain every failure with a
 * located one-line diagnostic, and leave a corpus that finalises and
 * projects.  One cmocka test per file, named after it.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "coauthor.h"

#define BAD_DIR "tests/data/bad"

typedef struct {
    const char *file;
    unsigned errors, messages;
    int bad_message; /* a diagnostic that spans lines or names no file */
} diag_check_t;

static void check_diag(void *ctx, const coa_diag_t *d)
{
    diag_check_t *st = ctx;
    st->messages++;
    if (d->severity == COA_DIAG_ERROR)
        st->errors++;
    if (!d->message || strchr(d->message, '\n') || !d->file || !d->file[0]) {
        if (!st->bad_message)
            print_error("%s: bad diagnostic: %s\n", st->file, d->message ? d->message : "(null)");
        st->bad_message = 1;
    }
}

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n, fp)) > 0;) {
        n += got;
        if (n == cap) {
            char *more = realloc(buf, cap * 2);
            if (!more) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = more;
            cap *= 2;
        }
    }
    fclose(fp);
    *len = n;
    return buf;
}

/* The corpus a read leaves must be usable whatever the read returned. */
static void finish(coa_corpus_t *c)
{
    if (coa_corpus_finalize(c) != COA_OK)
        return;
    coa_select_t sel;
    coa_select_init(&sel);
    sel.max_authors = 1000;
    coa_graph_t g;
    int err = coa_graph_build(&g, c, &sel);
    assert_int_equal(err, COA_OK);
    if (!err)
        coa_graph_destroy(&g);
}

static void check_result(const char *what, int err, const diag_check_t *st)
{
    /* the inputs are small: "out of memory" here is a bug (the biblatex
     * reader once failed every record that way) */
    if (!(err == COA_OK || err == COA_EIO || err == COA_EFORMAT || err == COA_EPARSE))
        fail_msg("%s: unexpected result %d (%s)", what, err, coa_strerror((coa_err_t)err));
    if (err && st->errors == 0)
        fail_msg("%s: failed (%s) without an error diagnostic", what, coa_strerror((coa_err_t)err));
    if (st->bad_message)
        fail_msg("%s: a diagnostic spans lines or names no file", what);
}

static void test_bad_input(void **state)
{
    const char *name = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/%s", BAD_DIR, name);
    size_t len = 0;
    char *whole = slurp(path, &len);
    assert_non_null(whole);
    /* an exact-size copy, so that AddressSanitizer sees a read past the end
     * (slurp's buffer has spare room after the data) */
    char *data = malloc(len ? len : 1);
    assert_non_null(data);
    memcpy(data, whole, len);
    free(whole);

    /* detection on the head, with and without the name */
    coa_detect_format(name, (const unsigned char *)data, len);
    coa_detect_format(NULL, (const unsigned char *)data, len < 100 ? len : 100);

    const char *const *formats = coa_format_names();
    size_t nformats = 0;
    while (formats[nformats])
        nformats++;
    for (size_t f = 0; f <= nformats; f++) {
        for (int mode = 0; mode < 4; mode++) {
            coa_read_options_t opts;
            coa_read_options_init(&opts);
            opts.format = f < nformats ? formats[f] : NULL;
            opts.assumed_year = 2026;
            opts.strict = mode & 1;
            if (mode & 2)
                opts.max_line = 64;
            diag_check_t st = {name, 0, 0, 0};
            coa_diag_sink_t sink = {check_diag, &st};
            coa_corpus_t c;
            assert_int_equal(coa_corpus_init(&c), COA_OK);
            int err = coa_read_buffer(&c, name, data, len, &opts, &sink);
            char what[300];
            snprintf(what, sizeof what, "%s as %s%s%s", name, opts.format ? opts.format : "detected",
                     opts.strict ? ", strict" : "", opts.max_line == 64 ? ", short lines" : "");
            check_result(what, err, &st);
            finish(&c);
            coa_corpus_destroy(&c);
        }
    }

    /* and from the file, where gzip is decompressed */
    for (int strict = 0; strict < 2; strict++) {
        coa_read_options_t opts;
        coa_read_options_init(&opts);
        opts.assumed_year = 2026;
        opts.strict = strict;
        diag_check_t st = {name, 0, 0, 0};
        coa_diag_sink_t sink = {check_diag, &st};
        coa_corpus_t c;
        assert_int_equal(coa_corpus_init(&c), COA_OK);
        int err = coa_read_file(&c, path, &opts, &sink);
        check_result(path, err, &st);
        finish(&c);
        coa_corpus_destroy(&c);
    }
    free(data);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
    coa_library_init(1);
    DIR *dir = opendir(BAD_DIR);
    if (!dir) {
        fprintf(stderr, "test_bad_inputs: cannot open %s (run from the repository root)\n", BAD_DIR);
        return 1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dir))) {
        char path[512];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", BAD_DIR, de->d_name);
        if (de->d_name[0] == '.' || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            names = realloc(names, cap * sizeof *names);
            assert_non_null(names);
        }
        names[n++] = strdup(de->d_name);
    }
    closedir(dir);
    qsort(names, n, sizeof *names, by_name);
    struct CMUnitTest *tests = calloc(n ? n : 1, sizeof *tests);
    for (size_t i = 0; i < n; i++) {
        tests[i].name = names[i];
        tests[i].test_func = test_bad_input;
        tests[i].initial_state = names[i];
    }
    int failed = _cmocka_run_group_tests("bad_inputs", tests, n, NULL, NULL);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    free(tests);
    return failed;
}
