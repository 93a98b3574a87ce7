/* coauthor authorships: one TSV row per authorship, as a stage of a
 * distributed pipeline (scripts/dask/). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The columns, in order; documented in usage() and read back by the
 * 'authorships' reader (src/read/read_rows.c), which keeps this order. */
static const char header[] = "file\tline\trecord\tpaper\tdoi\tdoi_key\tkey\ttitle\ttitle_key\tyear\tyear_assumed\t"
                             "truncated\tvenue\tauthor_key\tspelling\tauthor_id\tposition\tinferred\torganisation\n";

/* Writes a field with the TSV escapes. */
static void put_field(FILE *out, const char *s)
{
    if (!s)
        return;
    size_t plain = strcspn(s, "\t\n\r\\");
    fwrite(s, 1, plain, out); /* most fields have nothing to escape */
    for (s += plain; *s; s++) {
        switch (*s) {
        case '\t': fputs("\\t", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\\': fputs("\\\\", out); break;
        default: putc(*s, out);
        }
    }
}

static void put_key(FILE *out, int (*keyfn)(const char *, char **), const char *text, int *err)
{
    char *k = NULL;
    if (text && *text && (*err = keyfn(text, &k)) == COA_OK && k)
        put_field(out, k);
    free(k);
}

static int name_key(const char *name, char **key)
{
    int err = coa_name_key(name, strlen(name), key);
    if (err == COA_EINVAL) { /* invalid UTF-8 reaches no author: no key */
        *key = NULL;
        return COA_OK;
    }
    return err;
}

static void print_diag(void *ctx, const coa_diag_t *d)
{
    if (*(const int *)ctx && d->severity != COA_DIAG_ERROR)
        return;
    if (d->file && d->line > 0)
        fprintf(stderr, "%s: %s:%ld: %s\n", cli_program, d->file, d->line, d->message);
    else
        fprintf(stderr, "%s: %s: %s\n", cli_program, d->file ? d->file : "-", d->message);
}

/* A key of a paper's field, computed once for all its rows ("" if none). */
static int field_key(int (*keyfn)(const char *, char **), const coa_corpus_t *c, coa_str_t field, char **key)
{
    *key = NULL;
    int err = field ? keyfn(coa_corpus_str(c, field), key) : COA_OK;
    if (!err && !*key && !(*key = strdup("")))
        err = COA_ENOMEM;
    return err;
}

/* The rows of one file's corpus. */
static int write_rows(FILE *out, const coa_corpus_t *c, const char *name, long line_offset)
{
    int err = COA_OK;
    char ident[1024];
    for (uint32_t p = 0; p < c->n_papers && !err; p++) {
        const coa_paper_t *paper = &c->papers[p];
        char *doi_key = NULL, *title_key = NULL;
        if ((err = field_key(coa_doi_key, c, paper->doi, &doi_key)) ||
            (err = field_key(coa_title_key, c, paper->title, &title_key))) {
            free(doi_key);
            break;
        }
        /* the paper's own file: rows read back name the file they came from */
        const char *file = name ? name : coa_corpus_str(c, c->sources[paper->source].path);
        coa_paper_identifier(c, p, ident, sizeof ident);
        /* a shard read from stdin names the whole file and its lines */
        if (!paper->doi && !paper->key) {
            snprintf(ident, sizeof ident, "%s:%ld", file, (long)paper->line + line_offset);
        }
        uint32_t n = paper->n_authorships ? paper->n_authorships : 1;
        for (uint32_t i = 0; i < n && !err; i++) {
            put_field(out, file);
            fprintf(out, "\t%ld\t%u\t", (long)paper->line + line_offset, p);
            put_field(out, ident);
            putc('\t', out);
            put_field(out, coa_corpus_str(c, paper->doi));
            putc('\t', out);
            put_field(out, doi_key);
            putc('\t', out);
            put_field(out, coa_corpus_str(c, paper->key));
            putc('\t', out);
            put_field(out, coa_corpus_str(c, paper->title));
            putc('\t', out);
            put_field(out, title_key);
            fprintf(out, "\t%d\t%d\t%d\t", paper->year, (paper->flags & COA_PAPER_YEAR_ASSUMED) != 0,
                    (paper->flags & COA_PAPER_TRUNCATED) != 0);
            put_field(out, coa_corpus_str(c, paper->venue));
            putc('\t', out);
            if (!paper->n_authorships) {
                fputs("\t\t\t\t\t\n", out);
                break;
            }
            uint32_t k = paper->first_authorship + i;
            const coa_authorship_t *s = &c->authorships[k];
            coa_str_t sp = c->row_spelling[k];
            const char *spelling = coa_corpus_str(c, sp);
            /* the spelling's match key is the key of the author the spelling
             * resolved to by name (before any identifier).  Computing it
             * again for every row, and the title and DOI keys for every row
             * rather than every paper, took 17.8 s instead of 13.5 s on a
             * generated DBLP XML of 200,000 papers (same bytes out) */
            if (sp < c->spelling_cap && c->spelling_author[sp])
                put_field(out, coa_corpus_str(c, c->authors[c->spelling_author[sp] - 1].key));
            else
                put_key(out, name_key, spelling, &err);
            putc('\t', out);
            put_field(out, spelling);
            putc('\t', out);
            put_field(out, coa_corpus_str(c, c->row_id[k]));
            fprintf(out, "\t%u\t%d\t%d\n", s->position, s->inferred != 0,
                    (c->authors[s->author].flags & COA_AUTHOR_ORGANISATION) != 0);
        }
        free(doi_key);
        free(title_key);
    }
    return err;
}

int cmd_authorships(int argc, char **argv)
{
    cli_common_t o;
    cli_common_init(&o);
    const char *name = NULL;
    long first_line = 1;
    int parse_status;
    const cli_option_t options[] = {
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
    if (cli_parse("authorships", options, &o, argc, argv, &parse_status))
        return parse_status;
    if (cli_common_files(&o, argc, argv))
        return cli_usage_error("authorships", "no input files");
    if (name && (o.n_files != 1 || strcmp(o.files[0], "-") != 0))
        return cli_usage_error("authorships", "--name applies to standard input ('-') alone");
    static char buf[1 << 16];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
    fputs(header, stdout);
    /* one file at a time, each in a corpus of its own: the rows of a file
     * do not depend on the files read before it, and memory is one file's */
    coa_diag_sink_t sink = {print_diag, &o.quiet};
    for (int f = 0; f < o.n_files; f++) {
        coa_corpus_t c;
        if (coa_corpus_init(&c)) {
            cli_error("out of memory");
            return EXIT_FAILURE_RUN;
        }
        c.keep_rows = 1;
        /* coa_read_file, not cli_load: the rows are the records as read,
         * before de-duplication and merges reorder the authorships */
        int status = EXIT_OK, err = coa_read_file(&c, o.files[f], &o.read, &sink);
        if (err) {
            if (err == COA_EIO)
                cli_error("cannot read '%s'", o.files[f]);
            else if (err == COA_EFORMAT)
                cli_error("'%s': unknown format; give one with --format", o.files[f]);
            else if (err != COA_EPARSE)
                cli_error("'%s': %s", o.files[f], coa_strerror(err));
            status = EXIT_FAILURE_RUN;
        } else {
            coa_corpus_paper_abort(&c);
            const char *label = name ? name : o.files[f];
            if (write_rows(stdout, &c, name, first_line - 1)) {
                cli_error("'%s': out of memory", o.files[f]);
                status = EXIT_FAILURE_RUN;
            }
            if (!o.quiet)
                fprintf(stderr, "%s: %s: %u records, %u authorships, %u skipped\n", cli_program, label,
                        c.n_papers, c.n_authorships, c.n_sources ? c.sources[0].skipped : 0);
        }
        coa_corpus_destroy(&c);
        if (status != EXIT_OK)
            return status;
    }
    return EXIT_OK;
}
