/* coauthor names: every identity decision, with its evidence. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "coauthor/report.h"

static const char *name_of(const coa_corpus_t *c, uint32_t a)
{
    return coa_corpus_str(c, c->authors[a].display);
}

/* --limit N: strtol's reading, as before the option table */
static int names_limit(const cli_option_t *opt, const char *arg, cli_parser_t *p)
{
    char *end;
    long *value = opt->target;
    *value = strtol(arg, &end, 10);
    if (*end || *value < 0)
        return cli_usage_error(p->command, "bad --limit '%s'", arg);
    return 0;
}

static long limit = 50; /* lines per section in text (--limit; 0: all) */
static const char *write_aliases;

static const cli_option_t options[] = {
    CLI_TEXT("usage: coauthor names [options] FILE...\n"
             "\n"
             "Audits who is who.  Every line carries its evidence (papers, coauthors, years):\n"
             "  - merges made: spellings joined by the match key, names merged by an alias\n"
             "    file (--aliases), by identifiers, by initials (--merge-initials), and on\n"
             "    evidence (the default; --keep-apart turns it off): two spellings with\n"
             "    one surname and compatible given names (initials of the other's, a\n"
             "    middle name or initial added or dropped, a common nickname such as\n"
             "    Mike/Michael, other spacing or a suffix), or the same given names and\n"
             "    one edit in a surname of seven letters or more, are one author when\n"
             "    they share a coauthor or both are the owner of one export; an initial\n"
             "    that fits two people ('R. Evans': Roger and Richard) joins neither;\n"
             "    each merge names its rule and evidence;\n"
             "  - owners of single-person exports: an author, by first initial and\n"
             "    surname, on 90% of a file's records (at least 5);\n"
             "  - likely splits: different keys that are probably one person and were\n"
             "    not merged: compatible names (as above) that share coauthors, the pairs\n"
             "    merging on evidence left apart with the evidence they lacked (not a\n"
             "    given name cut short, nor a hyphenated one cut in two), spellings of\n"
             "    an umlaut ('Mueller', 'Müller') or pinyin's 'v' for 'ü', given names\n"
             "    in another order, and a letter replaced in a given name under a\n"
             "    surname no other author has;\n"
             "  - likely homonyms, strongest first: one name whose papers fall into\n"
             "    groups that share no coauthors, where a smaller group is in a field\n"
             "    (category, else venue series, with three papers a side, where its\n"
             "    coauthors publish in none of the others' series, and never against\n"
             "    an export's owner) that the others are not; or a common name (more\n"
             "    than 0.3 namesakes expected from how many authors share its given\n"
             "    names and its surname) of 5 papers or more, no group holding three\n"
             "    fifths of them, and either two groups of 3 papers or more, or none\n"
             "    holding two fifths and more than 0.45 namesakes expected;\n"
             "    --split-homonyms makes each group an author;\n"
             "  - likely misattributions in the source: an author slot whose printed name\n"
             "    and the name of the entity the source attached to it (OpenAlex's\n"
             "    disambiguated author) are different people's; the printed name is kept;\n"
             "  - truncated author lists and inferred authorships.\n"
             "\n"
             "Options:\n",
             22),
    CLI_STRING("write-aliases", "FILE", &write_aliases,
               "write the likely splits as an alias file to edit and\npass back with --aliases"),
    CLI_CALLBACK("limit", "N", names_limit, &limit,
                 "at most N lines per section in text output (default 50;\n0 = all)"),
    CLI_HELP_END,
};

static int run(cli_common_t *o)
{
    int status;
    if (!limit)
        limit = 0x7fffffff;
    if (cli_output_is_input(o, write_aliases))
        return EXIT_FAILURE_RUN;
    /* the alias file is opened before the inputs are read, so that an
     * unwritable path fails at once, not after the whole analysis */
    coa_outfile_t aliases_file;
    memset(&aliases_file, 0, sizeof aliases_file);
    char aliases_err[512];
    if (write_aliases && coa_outfile_open(&aliases_file, write_aliases, aliases_err, sizeof aliases_err)) {
        cli_error("%s", aliases_err);
        return EXIT_FAILURE_RUN;
    }

    coa_corpus_t corpus;
    coa_graph_t graph = {0};
    coa_split_t *splits = NULL;
    coa_homonym_t *homonyms = NULL;
    uint32_t n_splits = 0, n_homonyms = 0;
    FILE *out = stdout;
    int json = o->output == COA_OUT_JSON;
    if ((status = cli_open(o, &corpus, &graph)))
        goto cleanup;
    const coa_corpus_t *c = &corpus;
    if (coa_find_homonyms(&corpus, &homonyms, &n_homonyms) ||
        coa_find_splits(&graph, cli_evidence_report(), &splits, &n_splits)) {
        cli_error("out of memory");
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }

    coa_names_report_t report = {c, (long long)graph.n_vertices, splits, n_splits, homonyms, n_homonyms,
                                 cli_evidence_report()};
    if (coa_write_names_report(out, &report, json, limit)) {
        cli_error("out of memory");
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }

    if (write_aliases) {
        coa_outfile_t f = aliases_file;
        char err[512];
        memset(&aliases_file, 0, sizeof aliases_file);
        fprintf(f.fp, "# Suggested merges from 'coauthor names' (likely splits).  Edit, then pass\n"
                      "# back with --aliases.  Each line: alias<TAB>canonical name.\n");
        for (uint32_t i = 0; i < n_splits; i++)
            fprintf(f.fp, "%s\t%s\n", name_of(c, splits[i].b), name_of(c, splits[i].a));
        if (coa_outfile_commit(&f, err, sizeof err)) {
            coa_outfile_abort(&f);
            cli_error("%s", err);
            status = EXIT_FAILURE_RUN;
            goto cleanup;
        }
        if (!o->quiet)
            fprintf(stderr, "%s: wrote %u suggested merges to '%s'\n", cli_program, n_splits, write_aliases);
    }
cleanup:
    coa_outfile_abort(&aliases_file);
    free(splits);
    coa_homonyms_free(homonyms, n_homonyms);
    coa_graph_destroy(&graph);
    coa_corpus_destroy(&corpus);
    return status;
}

const cli_command_t cmd_names = {"names", "audit author identity: merges, likely splits and homonyms", options, NULL,
                                 NULL, run};
