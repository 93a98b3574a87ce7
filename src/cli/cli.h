/* The command-line program: shared options, loading and exit statuses. */
#ifndef COAUTHOR_CLI_H
#define COAUTHOR_CLI_H

#include <getopt.h>
#include <stdio.h>
#include <time.h>

#include "coauthor.h"
#include "coauthor/report.h"

/* Exit statuses, documented in --help and the man page. */
enum {
    EXIT_OK = 0,
    EXIT_FAILURE_RUN = 1, /* input unreadable or unusable, output not written */
    EXIT_USAGE = 2,       /* bad options or arguments, unknown author */
    EXIT_NO_RESULT = 3    /* a valid question with no answer (no chain) */
};

/* The exit statuses, for each command's help. */
extern const char cli_exit_help[];

typedef struct {
    coa_read_options_t read;
    coa_select_t select;
    coa_output_t output;
    unsigned long seed;
    int quiet;
    const char *avoid_names[64];
    int n_avoid;
    uint32_t avoid[64];
    const char *ego_name;
    int ego_resolved;           /* select.ego is set already (cli_load_indexed) */
    const char *aliases[16];
    int n_aliases;
    int merge_initials;
    int keep_apart;             /* no merging on evidence */
    int split_homonyms;         /* one author per cluster of a likely homonym */
    int radius_given;
    char **files;
    int n_files;
} cli_common_t;

/* One command's option table, read by one parser (src/cli/options.c) for
 * parsing, --help and, through --help, the man page.  Each option is
 * declared once: its long name (without "--"), short name, argument name
 * (NULL: none; "[X]": optional), help text (lines separated by '\n';
 * NULL: not shown) and target.  TEXT entries are help text printed as they
 * are (min, when set, is the column width of the options after them), and
 * COMMON_HELP says where the shared options' help goes. */
typedef enum {
    CLI_OPT_END,
    CLI_OPT_TEXT,
    CLI_OPT_COMMON_HELP,
    CLI_OPT_DOC,      /* a help line for an option parsed elsewhere (a shared one) */
    CLI_OPT_HELP,     /* -h, --help: prints the help; the kinds from here on are options */
    CLI_OPT_ALIAS,    /* another name of option 'arg' */
    CLI_OPT_FLAG,     /* int *target set to max, or 1 when max is 0 */
    CLI_OPT_LONG,     /* long *target, a whole number from min to max (cli_parse_long) */
    CLI_OPT_STRING,   /* const char **target */
    CLI_OPT_CALLBACK  /* fn; for the odd ones */
} cli_opt_kind_t;

typedef struct cli_option cli_option_t;
typedef struct {
    const char *command;
    int argc;
    char **argv; /* a callback may take the next word (optind) */
    cli_common_t *common;
} cli_parser_t;

struct cli_option {
    cli_opt_kind_t kind;
    const char *name;
    int short_name;
    const char *arg;
    const char *help;
    void *target;
    long min, max;
    /* returns 0, or an exit status once the error is reported */
    int (*fn)(const cli_option_t *opt, const char *arg, cli_parser_t *p);
    const char *spec; /* the help's left column, when not "-s, --name ARG" */
    const char *bad;  /* what a bad value is told, for callbacks that use it */
};

#define CLI_END {.kind = CLI_OPT_END}
#define CLI_TEXT(text, width) {.kind = CLI_OPT_TEXT, .help = text, .min = width}
#define CLI_COMMON_HELP {.kind = CLI_OPT_COMMON_HELP}
#define CLI_DOC(spec_, help_) {.kind = CLI_OPT_DOC, .spec = spec_, .help = help_}
#define CLI_ALIAS(name_, of) {.kind = CLI_OPT_ALIAS, .name = name_, .arg = of}
#define CLI_FLAG(name_, var, help_) {.kind = CLI_OPT_FLAG, .name = name_, .target = var, .help = help_}
#define CLI_STRING(name_, arg_, var, help_)                                                              \
    {.kind = CLI_OPT_STRING, .name = name_, .arg = arg_, .target = var, .help = help_}
#define CLI_LONG(name_, arg_, var, lo, hi, help_)                                                        \
    {.kind = CLI_OPT_LONG, .name = name_, .arg = arg_, .target = var, .min = lo, .max = hi, .help = help_}
#define CLI_CALLBACK(name_, arg_, fn_, var, help_)                                                       \
    {.kind = CLI_OPT_CALLBACK, .name = name_, .arg = arg_, .fn = fn_, .target = var, .help = help_}
/* The end of most commands' help: the shared options and the exit statuses. */
#define CLI_HELP_TAIL CLI_TEXT("\n", 0), CLI_COMMON_HELP, CLI_TEXT("\n", 0), CLI_TEXT(cli_exit_help, 0)
#define CLI_HELP_END CLI_HELP_TAIL, CLI_END
/* A number in a help text, from its macro: CLI_STR(COA_STATS_DISTANCE_SAMPLE). */
#define CLI_STR_(x) #x
#define CLI_STR(x) CLI_STR_(x)

/* Parses the command's options and the shared ones.  Returns 0 to go on
 * (optind at the first operand), or 1 with *status the exit status when
 * the command is done: --help printed (EXIT_OK) or a bad option (reported,
 * EXIT_USAGE). */
int cli_parse(const char *command, const cli_option_t *options, cli_common_t *o, int argc, char **argv,
              int *status);

/* A command, as git's builtins are: its name, its line in 'coauthor help',
 * its option table and what it does.  Its own options are static in its
 * file, targets of the table.  The one entry (main.c) runs every command
 * the same way: defaults, then cli_parse (--help, bad options), then
 * check, then the remaining words as the input files ("no input files"
 * when there are none), then run. */
typedef struct {
    const char *name;
    const char *summary;
    const cli_option_t *options; /* NULL: nothing parsed, the words are o->files as given */
    void (*defaults)(void);      /* or NULL: the option targets that start from a library's _init */
    int (*check)(const cli_common_t *o); /* or NULL: options that need or exclude each other, before the
                                          * input files are looked at; 0 or an exit status */
    int (*run)(cli_common_t *o); /* an exit status */
} cli_command_t;

extern const cli_command_t cmd_stats, cmd_names, cmd_rank, cmd_communities, cmd_path, cmd_distance, cmd_draw,
    cmd_export, cmd_formats, cmd_import, cmd_authorships, cmd_serve;

extern const char *cli_program;

void cli_common_init(cli_common_t *o);
/* Takes the remaining arguments as input files; reports their absence. */
int cli_common_files(cli_common_t *o, int argc, char **argv);

/* Makes SIGINT, SIGTERM, SIGHUP and SIGQUIT remove the temporary files of
 * unfinished outputs before the program ends (src/cli/signals.c). */
void cli_signals_install(void);

/* Parses a whole decimal number from min to max for option 'opt'; on a
 * bad value reports it ("bad --top 'x': ...") and returns -1. */
int cli_parse_long(const char *opt, const char *s, long min, long max, long *out);

/* True, with an error printed, when 'output' is the same file (device and
 * inode) as one of the inputs or alias files: writing it would destroy
 * the input.  Checked before any work. */
int cli_output_is_input(const cli_common_t *o, const char *output);

/* What the last cli_load merged on evidence (owners found, counts by
 * rule); empty with --keep-apart or a database.  Valid until the next load. */
const coa_evidence_report_t *cli_evidence_report(void);

/* Prints an error (one line, prefixed with the program name) to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints a usage error and a hint to stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Reads every input file; prints diagnostics and a one-line summary to
 * stderr.  Returns an exit status. */
int cli_load(const cli_common_t *o, coa_corpus_t *c);
/* The start of a query that needs only part of the corpus ('rank
 * --author' and 'draw --ego' without selection options).  When the only
 * input is a corpus database with its index beside it (coauthor import
 * writes both), the inputs are not read at all: the summary cli_load would
 * print comes from the index.  Otherwise the inputs are read as by
 * cli_load and indexed in memory, which costs less than the coauthor
 * graph (COA_QUERY_EGO: only with a database's index, -1 otherwise).
 * Then c (initialised, empty) is filled as coa_index_query says, with the
 * radius --radius (default 1), so that the command runs on it as on the
 * whole corpus and prints the same.  Returns an exit status; -1 when a
 * selection option is given (nothing done: read the inputs with
 * cli_load); -2 when the inputs, once read, hold edge-list links or
 * graph-file vertices, which the index does not serve: c then holds the
 * whole corpus as cli_load leaves it. */
int cli_load_indexed(const cli_common_t *o, coa_query_mode_t mode, const char *what, const char *name,
                     coa_corpus_t *c, coa_index_answer_t *answer);
/* The inputs of a question about one author ('name', given to option
 * 'what'; NULL when there is none): through cli_load_indexed when it can
 * answer (answer->author is then the author in c), else read whole by
 * cli_load (answer->author COA_NONE).  Initialises c: whatever happens,
 * coa_corpus_destroy may then be called.  Exit status. */
int cli_load_about(const cli_common_t *o, coa_query_mode_t mode, const char *what, const char *name,
                   coa_corpus_t *c, coa_index_answer_t *answer);
/* Opens the index of the input when it is a single corpus database read
 * with the default selection: 0 and *ix, or -1 when there is none to use
 * (a damaged one is reported).  cli_index_summary prints the line that
 * reading the inputs would have printed. */
int cli_open_index(const cli_common_t *o, coa_store_index_t **ix);
int cli_index_summary(const cli_common_t *o, const coa_store_index_t *ix);

/* The network a query about a few authors runs on: a corpus database's
 * index or, when the inputs are read, an index built over them in memory
 * (cheaper than the coauthor graph), with the default selection; the
 * coauthor graph built with the shared selection otherwise.  Queries run
 * through a coa_view_t of either (coa_view_new_index or coa_view_new_graph),
 * by corpus author id. */
typedef struct {
    coa_corpus_t corpus;       /* the inputs as read (empty when the index was opened) */
    coa_store_index_t *index;  /* the database's index, one built over corpus, or NULL */
    int index_built;           /* over corpus: homonyms flagged only where asked */
    coa_graph_t graph;
    int have_graph;
    const coa_corpus_t *c;     /* the corpus author and paper ids refer to */
} cli_network_t;
/* Loads the inputs and resolves names[0 .. n) to authors[] (corpus ids),
 * each with papers in the selection (or a vertex of the graph).  On an
 * index only when 'indexed' and the selection is the default; with
 * flag_homonyms, a database's index must hold the import's homonym flags,
 * and a corpus read is flagged whole for a graph (for an index built in
 * memory the caller flags its chain's authors: coa_flag_homonyms_of).
 * Exit status; cli_network_destroy whatever happens. */
int cli_open_network(cli_common_t *o, int indexed, const char *const *what, const char *const *names, int n,
                     int flag_homonyms, cli_network_t *net, uint32_t *authors);
void cli_network_destroy(cli_network_t *net);

/* Resolves a user's author name (exact key, then a unique partial match).
 * A partial match is reported on stderr ("'Titov' is Ivan Titov") unless
 * quiet; a failed one is reported with up to five suggestions.  Returns
 * EXIT_OK or EXIT_USAGE.  'what' names the option, such as "--author". */
int cli_resolve_author(const cli_common_t *o, const coa_corpus_t *c, const char *what, const char *query,
                       uint32_t *author);
/* Builds the coauthor graph with the shared selection (resolving --avoid
 * and --ego first).  Exit status. */
int cli_build(const cli_common_t *o, const coa_corpus_t *c, coa_graph_t *g);

/* The start of a command that works on the coauthor graph: initialises
 * the corpus, reads the inputs and builds the graph.  Whatever happens,
 * coa_graph_destroy and coa_corpus_destroy may then be called on both
 * (they are zeroed on failure).  Returns an exit status. */
int cli_open(const cli_common_t *o, coa_corpus_t *c, coa_graph_t *g);

/* Loads the inputs (unless 'loaded') and builds the graph; resolves the
 * named authors to vertices.  An author given to --avoid, or outside the
 * selection, is a usage error.  With flag_homonyms, runs the identity
 * checks that flag authorships of possibly another person of the same
 * name.  *have_graph is set once the graph is built.  Exit status. */
int cli_load_authors(cli_common_t *o, coa_corpus_t *corpus, coa_graph_t *graph, int *have_graph,
                     const char *const *what, const char *const *names, int n, igraph_integer_t *vertices,
                     int flag_homonyms, int loaded);

#endif
