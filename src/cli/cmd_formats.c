/* coauthor formats: the input formats, the names they answer to, and how
 * each is read. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char formats_help[] =
    "usage: coauthor formats\n"
    "\n"
    "Lists the input formats: the name, the other names --format accepts (in any\n"
    "case, with or without '-', '_' or spaces: 'Web of Science' is 'webofscience'),\n"
    "and the file a user typically has.  The format of each FILE is detected from\n"
    "its content and name; --format NAME overrides it, and an unknown NAME gets the\n"
    "closest known names.\n"
    "\n"
    "";

/* No option table: 'formats' takes no options but its help, and ignores
 * any other word (o->files holds the words as given). */
static int run(cli_common_t *o)
{
    if (o->n_files > 0 && (strcmp(o->files[0], "-h") == 0 || strcmp(o->files[0], "--help") == 0)) {
        fputs(formats_help, stdout);
        coa_formats_help(stdout); /* how each format is read, from the readers */
        return EXIT_OK;
    }
    /* name, the other names it answers to, and the file people have */
    /* a line per format (its name first, for grep and cut), and its other
     * names indented under it: alias lists are too uneven for a column */
    printf("%-12s  %s\n", "format", "typical file (other names --format takes)");
    for (const char *const *f = coa_format_names(); *f; f++) {
        const char *alias[16];
        size_t n = coa_format_aliases(*f, alias, 16);
        printf("%-12s  %s\n", *f, coa_format_typical(*f));
        for (size_t i = 0; i < n && i < 16; i++)
            printf("%s%s", i ? ", " : "              also: ", alias[i]);
        if (n)
            putchar('\n');
    }
    return EXIT_OK;
}

const cli_command_t cmd_formats = {"formats", "list the input formats coauthor reads", NULL, NULL, NULL, run};
