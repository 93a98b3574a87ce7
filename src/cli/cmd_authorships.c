/* coauthor authorships: one TSV row per authorship, as a stage of a
 * distributed pipeline (scripts/dask/). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void print_diag(void *ctx, const coa_diag_t *d)
{
    if (*(const int *)ctx && d->severity != COA_DIAG_ERROR)
        return;
    if (d->file && d->line > 0)
        fprintf(stderr, "%s: %s:%ld: %s\n", cli_program, d->file, d->line, d->message);
    else
        fprintf(stderr, "%s: %s: %s\n", cli_program, d->file ? d->file : "-", d->message);
}

static const char *name;
static long first_line = 1;

static const cli_option_t options[] = {
    CLI_TEXT("usage: coauthor authorships [--format F] [--name NAME] [--first-line N] FILE...\n"
             "\n"
             "Writes one tab-separated row per authorship of the inputs to standard output,\n"
             "after a header line, for a pipeline that spreads the work over many machines\n"
             "(scripts/dask/; the README's \"Beyond one machine\").  Each file is read alone,\n"
             "by the same readers as every command, and written as it was read: no\n"
             "de-duplication of papers and no graph, so memory is that of one file's records.\n"
             "The keys are the library's, so that a paper or an author gets the same key\n"
             "whichever machine reads it:\n"
             "\n"
             "  file, line       the source file and the line where the record starts\n"
             "  record           the record's place in the input read, from 0 (reading order)\n"
             "  paper            the paper as commands name it: doi:DOI, else the source's\n"
             "                   key, else FILE:LINE\n"
             "  doi, doi_key     the DOI as given, and as de-duplication compares it\n"
             "                   (from \"10.\" on, lower-case)\n"
             "  key              the source's own key (BibTeX key, PMID, ...)\n"
             "  title, title_key the title, and its letters and digits case-folded without\n"
             "                   accents (empty when shorter than 8: too weak to match on)\n"
             "  year             0 when unknown; year_assumed is 1 when --year gave it\n"
             "  truncated        1 when the author list was cut (\"et al.\", a cap)\n"
             "  venue            journal, proceedings or series\n"
             "  author_key       the match key of the spelling (equal keys, one author)\n"
             "  spelling         the name as this record spells it\n"
             "  author_id        the identifier the record gives (orcid:, dblp:, openalex:,\n"
             "                   ...), or empty\n"
             "  position         place in the author list, from 0\n"
             "  inferred         1 when the source did not state the authorship\n"
             "  organisation     1 for a corporate author\n"
             "\n"
             "A paper without authors has one row with the author columns empty.  Tabs,\n"
             "newlines, carriage returns and backslashes in a field are written \\t, \\n, \\r\n"
             "and \\\\.  The same rows are an input format ('authorships'): reading them\n"
             "gives the corpus that reading the files gives.\n"
             "\n",
             21),
    CLI_STRING("name", "NAME", &name,
               "the file name rows carry for standard input ('-'), for\na shard cut from a larger file"),
    CLI_LONG("first-line", "N", &first_line, 1, 2000000000L,
             "the line number of the input's first line (default 1),\n"
             "so that a shard of lines N... reports the lines of the\n"
             "whole file"),
    CLI_TEXT("  --format F, --year Y, --strict, -q   as for every command\n", 0),
    CLI_TEXT("\n", 0),
    CLI_TEXT(cli_exit_help, 0),
    CLI_END,
};

static int run(cli_common_t *o)
{
    if (name && (o->n_files != 1 || strcmp(o->files[0], "-") != 0))
        return cli_usage_error("authorships", "--name applies to standard input ('-') alone");
    static char buf[1 << 16];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
    fputs(coa_authorship_rows_header, stdout);
    /* one file at a time, each in a corpus of its own: the rows of a file
     * do not depend on the files read before it, and memory is one file's */
    coa_diag_sink_t sink = {print_diag, &o->quiet};
    for (int f = 0; f < o->n_files; f++) {
        coa_corpus_t c;
        if (coa_corpus_init(&c)) {
            cli_error("out of memory");
            return EXIT_FAILURE_RUN;
        }
        c.keep_rows = 1;
        /* coa_read_file, not cli_load: the rows are the records as read,
         * before de-duplication and merges reorder the authorships */
        int status = EXIT_OK, err = coa_read_file(&c, o->files[f], &o->read, &sink);
        if (err) {
            if (err == COA_EIO)
                cli_error("cannot read '%s'", o->files[f]);
            else if (err == COA_EFORMAT)
                cli_error("'%s': unknown format; give one with --format", o->files[f]);
            else if (err != COA_EPARSE)
                cli_error("'%s': %s", o->files[f], coa_strerror(err));
            status = EXIT_FAILURE_RUN;
        } else {
            coa_corpus_paper_abort(&c);
            const char *label = name ? name : o->files[f];
            if (coa_write_authorship_rows(stdout, &c, name, first_line - 1)) {
                cli_error("'%s': out of memory", o->files[f]);
                status = EXIT_FAILURE_RUN;
            }
            if (!o->quiet)
                fprintf(stderr, "%s: %s: %u records, %u authorships, %u skipped\n", cli_program, label,
                        c.n_papers, c.n_authorships, c.n_sources ? c.sources[0].skipped : 0);
        }
        coa_corpus_destroy(&c);
        if (status != EXIT_OK)
            return status;
    }
    return EXIT_OK;
}

const cli_command_t cmd_authorships = {"authorships", "one row per authorship, for a distributed pipeline (Dask)",
                                       options, NULL, NULL, run};
