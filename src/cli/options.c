/* One parser for every command's option table: parsing (through
 * getopt_long, so the spellings, abbreviations and getopt's messages are
 * those of every GNU program), --help, and through --help the man page
 * (scripts/make-man.py reads it). */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The options every command shares (ids for the callbacks below). */
enum { C_YEARS, C_MAX_AUTHORS, C_MIN_PAPERS, C_COMPONENT, C_FORMAT, C_YEAR, C_SEED, C_AVOID, C_ALIASES, C_RADIUS,
       C_MIN_WEIGHT };

/* Parses a whole non-negative decimal number no larger than max. */
static int parse_uint(const char *s, long max, long *out)
{
    char *end;
    if (!s || !*s || *s == '-' || *s == '+')
        return -1;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < 0 || v > max)
        return -1;
    *out = v;
    return 0;
}

int cli_parse_long(const char *opt, const char *s, long min, long max, long *out)
{
    char *end = NULL;
    long v = 0;
    int ok = s && *s && *s != '+' && (*s != '-' || min < 0);
    if (ok) {
        errno = 0;
        v = strtol(s, &end, 10);
        ok = !*end && !errno && v >= min && v <= max;
    }
    if (!ok) {
        if (max == LONG_MAX)
            cli_error("bad %s '%s': expected a number of at least %ld", opt, s ? s : "", min);
        else
            cli_error("bad %s '%s': expected a number from %ld to %ld", opt, s ? s : "", min, max);
        return -1;
    }
    *out = v;
    return 0;
}

static int parse_years(const char *s, int *from, int *to)
{
    const char *dash = strchr(s, '-');
    char a[16] = "", b[16] = "";
    long fa = 0, fb = 0;
    if (!dash) {
        if (parse_uint(s, 9999, &fa) || fa < 1)
            return -1;
        *from = *to = (int)fa;
        return 0;
    }
    if ((size_t)(dash - s) >= sizeof a || strlen(dash + 1) >= sizeof b)
        return -1;
    memcpy(a, s, (size_t)(dash - s));
    strcpy(b, dash + 1);
    if ((a[0] && parse_uint(a, 9999, &fa)) || (b[0] && parse_uint(b, 9999, &fb)) || (!a[0] && !b[0]))
        return -1;
    if (a[0] && b[0] && fa > fb)
        return -1;
    *from = (int)fa;
    *to = (int)fb;
    return 0;
}

static int unknown_format(const char *arg)
{
    const char *near[3];
    size_t n = coa_format_suggest(arg, near, 3);
    char list[160] = "";
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(list);
        snprintf(list + k, sizeof list - k, "%s'%s'", i == 0 ? "" : i + 1 == n ? " or " : ", ", near[i]);
    }
    if (n)
        cli_error("unknown format '%s'; did you mean %s? (see 'coauthor formats')", arg, list);
    else
        cli_error("unknown format '%s' (see 'coauthor formats')", arg);
    return EXIT_USAGE;
}

/* Appends to one of the shared repeatable options' arrays. */
static int add_name(const char **names, int *n, int max, const char *arg, const char *too_many)
{
    if (*n == max) {
        cli_error("%s", too_many);
        return EXIT_USAGE;
    }
    names[(*n)++] = arg;
    return 0;
}

/* A shared option whose value needs checking; opt->min is its id and
 * opt->bad what a bad value is told. */
static int common_value(const cli_option_t *opt, const char *arg, cli_parser_t *p)
{
    cli_common_t *o = p->common;
    long v = 0;
    int bad = 0;
    switch (opt->min) {
    case C_YEARS: bad = parse_years(arg, &o->select.year_from, &o->select.year_to); break;
    case C_MAX_AUTHORS:
        if (!(bad = parse_uint(arg, INT_MAX, &v) || v < 1))
            o->select.max_authors = (uint32_t)v;
        break;
    case C_MIN_PAPERS:
        if (!(bad = parse_uint(arg, INT_MAX, &v)))
            o->select.min_papers = (uint32_t)v;
        break;
    case C_COMPONENT:
        if (!(bad = strcmp(arg, "largest") != 0 && strcmp(arg, "all") != 0))
            o->select.largest_component = strcmp(arg, "largest") == 0;
        break;
    case C_FORMAT:
        if (!(o->read.format = coa_format_lookup(arg)))
            return unknown_format(arg);
        break;
    case C_YEAR:
        if (!(bad = parse_uint(arg, 9999, &v) || v < 1000))
            o->read.assumed_year = (int)v;
        break;
    case C_SEED:
        /* the random generators underneath (Graphviz's "start", igraph's
         * seeding as used here) keep 32 bits: a larger seed would give the
         * same result as a smaller one, so it is refused */
        if (!(bad = parse_uint(arg, 4294967295L, &v)))
            o->seed = (unsigned long)v;
        break;
    case C_AVOID: return add_name(o->avoid_names, &o->n_avoid, 64, arg, "too many --avoid options (at most 64)");
    case C_ALIASES: return add_name(o->aliases, &o->n_aliases, 16, arg, "too many --aliases files (at most 16)");
    case C_RADIUS:
        if (!(bad = parse_uint(arg, 1000, &v))) {
            o->select.radius = (uint32_t)v;
            o->radius_given = 1;
        }
        break;
    case C_MIN_WEIGHT: {
        char *end;
        errno = 0;
        double w = strtod(arg, &end);
        if (!(bad = errno || *end || end == arg || !(w >= 0) || w > 1e9))
            o->select.min_weight = w;
        break;
    }
    }
    if (bad) {
        cli_error("bad --%s '%s': %s", opt->name, arg, opt->bad);
        return EXIT_USAGE;
    }
    return 0;
}

static int common_output(const cli_option_t *opt, const char *arg, cli_parser_t *p)
{
    (void)arg;
    p->common->output = (coa_output_t)opt->min;
    return 0;
}

#define COMMON(name_, arg_, id, bad_, help_)                                                                    \
    {.kind = CLI_OPT_CALLBACK, .name = name_, .arg = arg_, .help = help_, .min = id, .fn = common_value, .bad = bad_}

/* Fills 'table' with the shared options, their targets in o. */
static void common_table(cli_common_t *o, cli_option_t *table, size_t n)
{
    const cli_option_t common[] = {
        CLI_TEXT("Input and selection (every command):\n", 21),
        COMMON("format", "NAME", C_FORMAT, NULL, "read every FILE as NAME (see 'coauthor formats'); default: detect"),
        CLI_ALIAS("input-format", "format"),
        CLI_STRING("weight-attr", "NAME", &o->read.weight_attr,
                   "graph files: the edge attribute that gives joint papers\n(default 'weight', else GML's 'value')"),
        COMMON("year", "YYYY", C_YEAR, "expected a four-digit year",
               "year of profile entries dated without one (default: this year,\n"
               "or the year of SOURCE_DATE_EPOCH when it is set)"),
        CLI_FLAG("strict", &o->read.strict, "fail on the first malformed record instead of skipping it"),
        COMMON("years", "FROM-TO", C_YEARS, "expected FROM-TO, such as 2015-2021",
               "keep papers from these years (FROM- or -TO leave an end open);\n"
               "papers of unknown year are then left out"),
        COMMON("max-authors", "N", C_MAX_AUTHORS, "expected a positive number",
               "ignore papers with more than N authors (default 1000)"),
        COMMON("min-papers", "N", C_MIN_PAPERS, "expected a number",
               "keep authors with at least N papers (edge-list authors have none)"),
        COMMON("component", "largest", C_COMPONENT, "expected 'largest' or 'all'",
               "keep only the largest connected component"),
        COMMON("avoid", "NAME", C_AVOID, NULL, "leave this author out of the graph (repeatable)"),
        CLI_STRING("ego", "NAME", &o->ego_name,
                   "keep only NAME and the authors within --radius hops (default 1)"),
        COMMON("radius", "K", C_RADIUS, "expected a number of hops", "hops around --ego"),
        COMMON("min-weight", "W", C_MIN_WEIGHT, "expected a non-negative number",
               "drop coauthor edges with fewer than W joint papers"),
        CLI_TEXT("Identity (see 'coauthor names'):\n", 0),
        COMMON("aliases", "FILE", C_ALIASES, NULL,
               "merge names by FILE: 'alias<TAB>canonical' lines, or a\n"
               "VOSviewer thesaurus ('label<TAB>replace by'); repeatable"),
        CLI_FLAG("merge-initials", &o->merge_initials,
                 "merge 'I. Titov' into 'Ivan Titov' when exactly one author\n"
                 "with that surname fits the initials, without evidence"),
        CLI_FLAG("keep-apart", &o->keep_apart,
                 "do not merge spellings on evidence (by default compatible\n"
                 "names, such as 'E. M. Bruna' and 'Emilio M. Bruna', are one\n"
                 "author when they share a coauthor or own one export)"),
        CLI_FLAG("split-homonyms", &o->split_homonyms,
                 "make each likely homonym one author per group of papers\n"
                 "('Yang Liu [with Mirella Lapata]'); see 'coauthor names'"),
        COMMON("seed", "N", C_SEED, "expected a number from 0 to 4294967295",
               "seed for every random choice (default 1)"),
        {.kind = CLI_OPT_CALLBACK, .name = "json", .min = COA_OUT_JSON, .fn = common_output,
         .spec = "--json, --tsv, --csv", .help = "machine-readable output instead of aligned text"},
        {.kind = CLI_OPT_CALLBACK, .name = "tsv", .min = COA_OUT_TSV, .fn = common_output},
        {.kind = CLI_OPT_CALLBACK, .name = "csv", .min = COA_OUT_CSV, .fn = common_output},
        {.kind = CLI_OPT_FLAG, .name = "quiet", .short_name = 'q', .target = &o->quiet,
         .help = "no warnings, no summary line and no progress bar on stderr"},
        {.kind = CLI_OPT_HELP, .name = "help", .short_name = 'h', .help = "this help"},
        CLI_TEXT("FILE may be '-' for standard input; gzip-compressed input is read as is.\n"
                 "FILE:NAME reads one file as format NAME (for example refs.txt:bibtex).\n"
                 "A paper found in several inputs (same DOI, or same title, year and first\n"
                 "author) is counted once; the summary line says how many were merged.\n",
                 0),
        CLI_END,
    };
    memcpy(table, common, n < sizeof common ? n : sizeof common);
}

#define MAX_OPTIONS 64

const char cli_exit_help[] =
    "Exit status: 0 success; 1 input unreadable or unusable, or output not written;\n"
    "2 bad usage or unknown author; 3 no answer (for example, no chain).\n";

/* The left column of an option's help: "-o, --output FILE". */
static void option_spec(const cli_option_t *opt, char *buf, size_t len)
{
    if (opt->spec) {
        snprintf(buf, len, "%s", opt->spec);
        return;
    }
    char shortname[8] = "";
    if (opt->short_name)
        snprintf(shortname, sizeof shortname, opt->name ? "-%c, " : "-%c", opt->short_name);
    snprintf(buf, len, "%s%s%s%s%s", shortname, opt->name ? "--" : "", opt->name ? opt->name : "",
             opt->arg ? " " : "", opt->arg ? opt->arg : "");
}

/* Prints one option's help: its spec, then its lines in the column
 * 'width' + 2 (on the next line when the spec does not fit). */
static void print_option(FILE *out, const cli_option_t *opt, int width)
{
    char spec[96];
    option_spec(opt, spec, sizeof spec);
    if ((int)strlen(spec) < width)
        fprintf(out, "  %-*s", width, spec);
    else
        fprintf(out, "  %s\n%*s", spec, width + 2, "");
    for (const char *line = opt->help;;) {
        const char *nl = strchr(line, '\n');
        fprintf(out, "%.*s\n", (int)(nl ? nl - line : (long)strlen(line)), line);
        if (!nl)
            break;
        line = nl + 1;
        fprintf(out, "%*s", width + 2, "");
    }
}

static void print_help(FILE *out, const cli_option_t *table, const cli_option_t *common)
{
    int width = 21;
    for (const cli_option_t *opt = table; opt->kind != CLI_OPT_END; opt++) {
        if (opt->kind == CLI_OPT_COMMON_HELP) {
            print_help(out, common, NULL);
        } else if (opt->kind == CLI_OPT_TEXT) {
            if (opt->min)
                width = (int)opt->min;
            fputs(opt->help, out);
        } else if (opt->help && opt->kind != CLI_OPT_ALIAS) {
            print_option(out, opt, width);
        }
    }
}

/* Gives the option its value; 0 or an exit status. */
static int take(const cli_option_t *opt, const char *arg, cli_parser_t *p)
{
    switch (opt->kind) {
    case CLI_OPT_FLAG: *(int *)opt->target = opt->max ? (int)opt->max : 1; return 0;
    case CLI_OPT_STRING: *(const char **)opt->target = arg; return 0;
    case CLI_OPT_LONG: {
        char name[64];
        snprintf(name, sizeof name, "--%s", opt->name);
        return cli_parse_long(name, arg, opt->min, opt->max, opt->target) ? EXIT_USAGE : 0;
    }
    case CLI_OPT_CALLBACK: return opt->fn(opt, arg, p);
    default: return 0;
    }
}

int cli_parse(const char *command, const cli_option_t *options, cli_common_t *o, int argc, char **argv, int *status)
{
    cli_option_t common[40];
    const cli_option_t *all[MAX_OPTIONS];
    struct option longopts[MAX_OPTIONS + 1];
    char shortopts[32] = "";
    int n = 0;
    common_table(o, common, sizeof common);
    for (int pass = 0; pass < 2; pass++)
        for (const cli_option_t *opt = pass ? options : common; opt->kind != CLI_OPT_END; opt++)
            if (opt->kind >= CLI_OPT_HELP && n < MAX_OPTIONS)
                all[n++] = opt;
    for (int i = 0; i < n; i++) {
        const cli_option_t *opt = all[i];
        int k = i; /* an alias takes its target's value */
        if (opt->kind == CLI_OPT_ALIAS)
            for (k = 0; k < n && !(all[k]->name && strcmp(all[k]->name, opt->arg) == 0); k++)
                ;
        const cli_option_t *target = k < n ? all[k] : opt;
        int val = target->short_name ? target->short_name : 256 + k;
        int has_arg = !target->arg ? no_argument : target->arg[0] == '[' ? optional_argument : required_argument;
        if (opt->short_name) {
            size_t len = strlen(shortopts);
            shortopts[len] = (char)opt->short_name;
            if (has_arg == required_argument)
                shortopts[++len] = ':';
            shortopts[len + 1] = '\0';
        }
        longopts[i] = (struct option){opt->name, has_arg, NULL, val};
    }
    /* a short-only option is no long option: drop it from the list */
    int m = 0;
    for (int i = 0; i < n; i++)
        if (longopts[i].name)
            longopts[m++] = longopts[i];
    longopts[m] = (struct option){NULL, 0, NULL, 0};

    cli_parser_t p = {command, argc, argv, o};
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        const cli_option_t *found = opt >= 256 && opt - 256 < n ? all[opt - 256] : NULL;
        for (int i = 0; i < n && !found && opt < 256; i++)
            if (all[i]->short_name == opt)
                found = all[i];
        if (!found) {
            *status = cli_usage_error(command, "unknown option");
            return 1;
        }
        if (found->kind == CLI_OPT_HELP) {
            print_help(stdout, options, common);
            *status = EXIT_OK;
            return 1;
        }
        if ((*status = take(found, optarg, &p)))
            return 1;
    }
    return 0;
}
