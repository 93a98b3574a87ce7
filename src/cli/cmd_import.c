/* coauthor import: read sources once into a persistent corpus (SQLite). */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "coauthor/report.h"
#include "coauthor/store.h"

static double seconds_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) * 1e-9;
}

/* True when 'path' is an SQLite file (a coauthor database, or damaged). */
static int is_database(const char *path)
{
    unsigned char head[16];
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    return coa_store_detect(head, n);
}

static void print_diag(void *ctx, const coa_diag_t *d)
{
    (void)ctx;
    fprintf(stderr, "%s: %s: %s\n", cli_program, d->file ? d->file : "-", d->message);
}

static const char *output;
static int append;

static const cli_option_t options[] = {
    CLI_TEXT("usage: coauthor import [options] FILE... -o CORPUS.db\n"
             "\n"
             "Reads the inputs once, as every command does, and saves the resulting corpus\n"
             "(papers, authors, authorships, identities, merges and the sources' counts) in\n"
             "an SQLite database.  Every command then takes CORPUS.db as its input, and\n"
             "starts from the saved corpus instead of parsing the sources again:\n"
             "\n"
             "  coauthor import dblp.xml.gz -o dblp.db\n"
             "  coauthor path --from \"A\" --to \"B\" dblp.db\n"
             "\n",
             21),
    {.kind = CLI_OPT_STRING, .name = "output", .short_name = 'o', .arg = "FILE", .target = &output,
     .help = "the database to write (replaced atomically)"},
    CLI_FLAG("append", &append,
             "add the inputs to an existing database: its corpus is read\n"
             "first, so authors are matched and papers found in both\n"
             "are counted once, as when files are read together"),
    CLI_TEXT("\n"
             "Beside the database, import writes its index, CORPUS.db.idx: the same arrays\n"
             "laid out to be mapped into memory, with each author's papers and each paper's\n"
             "authors.  With it, 'path' (shortest chains), 'rank --author' and 'draw --ego'\n"
             "read only the few pages they need instead of the whole corpus, when the\n"
             "database is their only input and no selection option (--years, --avoid,\n"
             "--max-authors, ...) is given; their output is the same either way.  The\n"
             "index is a cache: without it, or with an index of another database, the\n"
             "whole corpus is read.\n"
             "\n"
             "The database is an image of this build's structures: another version refuses\n"
             "it and asks for a new import.  Selection options (--years, --ego, ...) do not\n"
             "apply here; give them to the command that reads the database.\n",
             0),
    CLI_HELP_END,
};

static int check(const cli_common_t *o)
{
    (void)o;
    if (!output)
        return cli_usage_error("import", "no output database; give one with -o");
    if (strcmp(output, "-") == 0)
        return cli_usage_error("import", "the database must be a file, not standard output");
    return EXIT_OK;
}

static int run(cli_common_t *o)
{
    int status;
    /* an input that is the database itself is read whole before the new
     * one replaces it ('import DB -o DB' rewrites DB and its index); any
     * other input named as the output would be destroyed */
    if (!is_database(output) && cli_output_is_input(o, output))
        return EXIT_FAILURE_RUN;
    /* writers take the database's lock before reading it (--append) and
     * hold it past the rename: two imports into one database run one
     * after the other, and neither loses the other's update */
    coa_diag_sink_t sink = {print_diag, NULL};
    int lock_fd = -1, device = 0;
    int lerr = coa_store_lock(output, &lock_fd, 0, &sink);
    if (lerr == COA_ENOTFOUND) {
        if (!o->quiet)
            fprintf(stderr, "%s: %s: another import is writing this database; waiting for it\n", cli_program,
                    output);
        lerr = coa_store_lock(output, &lock_fd, 1, &sink);
    }
    if (lerr)
        return EXIT_FAILURE_RUN;
    /* a directory, or a directory that takes no new file, fails now, not
     * after the whole import */
    if (coa_store_check_target(output, &device, &sink)) {
        coa_store_unlock(lock_fd);
        return EXIT_FAILURE_RUN;
    }
    /* --append: the existing database is simply the first input */
    char **files = NULL;
    if (append && !device && access(output, F_OK) == 0) {
        files = malloc(((size_t)o->n_files + 1) * sizeof *files);
        if (!files) {
            coa_store_unlock(lock_fd);
            cli_error("out of memory");
            return EXIT_FAILURE_RUN;
        }
        files[0] = (char *)output;
        memcpy(files + 1, o->files, (size_t)o->n_files * sizeof *files);
        o->files = files;
        o->n_files++;
    }
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    coa_corpus_t corpus;
    if (coa_corpus_init(&corpus)) {
        coa_store_unlock(lock_fd);
        free(files);
        cli_error("out of memory");
        return EXIT_FAILURE_RUN;
    }
    if ((status = cli_load(o, &corpus)))
        goto cleanup;
    double read_s = seconds_since(&t0);
    /* the identity checks' flags, computed once here, so that a chain read
     * from the index marks possible homonyms as a full load would */
    if (coa_flag_homonyms(&corpus)) {
        cli_error("out of memory");
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }
    uint64_t bytes = 0;
    coa_progress_t progress = {NULL, {0, 0}, {0, 0}, 0, NULL};
    coa_store_options_t sopts = {COA_STORE_HOMONYMS, NULL, NULL};
    if (!o->quiet && isatty(STDERR_FILENO)) {
        sopts.progress = coa_progress_bar;
        sopts.progress_ctx = &progress;
    }
    int err = coa_store_save_ex(&corpus, output, &sopts, &bytes, &sink);
    if (err) {
        if (err == COA_ENOMEM)
            cli_error("%s: out of memory", output);
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }
    if (!o->quiet)
        fprintf(stderr, "%s: wrote %s: %u papers, %u authors, %u authorships, %.1f MB; read %.1f s, saved %.1f s\n",
                cli_program, output, corpus.n_papers, corpus.n_authors, corpus.n_authorships, (double)bytes / 1e6,
                read_s, seconds_since(&t0) - read_s);
    status = EXIT_OK;
cleanup:
    coa_store_unlock(lock_fd);
    coa_corpus_destroy(&corpus);
    free(files);
    return status;
}

const cli_command_t cmd_import = {"import", "read sources once into a corpus database (SQLite) for every command",
                                  options, NULL, check, run};
