/* coauthor: coauthorship networks from publication lists. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static int run_help(cli_common_t *o);
static int run_version(cli_common_t *o);

static const cli_command_t cmd_help = {"help", "show this help", NULL, NULL, NULL, run_help};
static const cli_command_t cmd_version = {"version", "print the version", NULL, NULL, NULL, run_version};

/* In the order 'coauthor help' lists them. */
static const cli_command_t *const commands[] = {
    &cmd_stats, &cmd_rank,   &cmd_communities, &cmd_names,       &cmd_path,    &cmd_distance, &cmd_draw,
    &cmd_export, &cmd_import, &cmd_serve,       &cmd_authorships, &cmd_formats, &cmd_help,     &cmd_version,
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
        fprintf(out, "  %-12s %s\n", commands[i]->name, commands[i]->summary);
    fprintf(out, "\nRun 'coauthor <command> --help' for a command's options.\n%s", cli_exit_help);
}

static int run_help(cli_common_t *o)
{
    (void)o;
    usage(stdout);
    return EXIT_OK;
}

static int run_version(cli_common_t *o)
{
    (void)o;
    printf("coauthor %s\n", COAUTHOR_VERSION);
    return EXIT_OK;
}

/* Every command's way in: its options, then its input files, then its work. */
static int run_command(const cli_command_t *cmd, int argc, char **argv)
{
    cli_common_t o;
    int status;
    cli_common_init(&o);
    if (!cmd->options) {
        o.files = argv + 1;
        o.n_files = argc - 1;
        return cmd->run(&o);
    }
    if (cmd->defaults)
        cmd->defaults();
    if (cli_parse(cmd->name, cmd->options, &o, argc, argv, &status))
        return status;
    if (cmd->check && (status = cmd->check(&o)))
        return status;
    if (cli_common_files(&o, argc, argv))
        return cli_usage_error(cmd->name, "no input files");
    return cmd->run(&o);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0)
        return run_help(NULL);
    if (strcmp(name, "--version") == 0)
        return run_version(NULL);
    for (size_t i = 0; i < N_COMMANDS; i++) {
        if (strcmp(commands[i]->name, name) == 0) {
            coa_library_init(1);
            cli_signals_install();
            int status = run_command(commands[i], argc - 1, argv + 1);
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
