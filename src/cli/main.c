/* coauthor: coauthorship networks from publication lists. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static int cmd_help(int argc, char **argv);
static int cmd_version(int argc, char **argv);

static const cli_command_t commands[] = {
    {"stats", cmd_stats, "summary statistics of the coauthor network"},
    {"rank", cmd_rank, "most frequent coauthors of an author, or centrality rankings"},
    {"communities", cmd_communities, "groups of collaborators (Leiden, Louvain, exact optimum)"},
    {"names", cmd_names, "audit author identity: merges, likely splits and homonyms"},
    {"path", cmd_path, "shortest or strongest chain of coauthors between two authors"},
    {"distance", cmd_distance, "every author's distance from one author (Erdos numbers)"},
    {"draw", cmd_draw, "a picture of the network (PNG, SVG, PDF) through Graphviz"},
    {"export", cmd_export, "the graph as GraphML, DOT, JSON or CSV for other tools"},
    {"import", cmd_import, "read sources once into a corpus database (SQLite) for every command"},
    {"serve", cmd_serve, "a web page and JSON API to explore the network (read-only)"},
    {"authorships", cmd_authorships, "one row per authorship, for a distributed pipeline (Dask)"},
    {"formats", cmd_formats, "list the input formats coauthor reads"},
    {"help", cmd_help, "show this help"},
    {"version", cmd_version, "print the version"},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *out)
{
    fprintf(out,
            "usage: coauthor <command> [options] FILE...\n"
            "\n"
            "Reads publication lists, builds the author-paper graph and its coauthor\n"
            "projection, and answers questions about it.\n"
            "\n"
            "Commands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\nRun 'coauthor <command> --help' for a command's options.\n%s", cli_exit_help);
}

static int cmd_help(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    usage(stdout);
    return EXIT_OK;
}

static int cmd_version(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("coauthor %s\n", COAUTHOR_VERSION);
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0)
        return cmd_help(argc, argv);
    if (strcmp(name, "--version") == 0)
        return cmd_version(argc, argv);
    for (size_t i = 0; i < N_COMMANDS; i++) {
        if (strcmp(commands[i].name, name) == 0) {
            coa_library_init(1);
            cli_signals_install();
            int status = commands[i].run(argc - 1, argv + 1);
            if (fflush(stdout) != 0 || ferror(stdout)) {
                cli_error("cannot write the output: %s", "write error");
                return EXIT_FAILURE_RUN;
            }
            return status;
        }
    }
    fprintf(stderr, "%s: unknown command '%s'\n", cli_program, name);
    usage(stderr);
    return EXIT_USAGE;
}
