/* coauthor serve: the web page and JSON API over one corpus (src/serve/). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "serve/query.h"
#include "serve/serve.h"

/* a limit of serve/query.h in the help text */
#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

static coa_serve_options_t so;
static long threads, budget;

static void defaults(void)
{
    coa_serve_options_init(&so);
}

static const cli_option_t options[] = {
    CLI_TEXT("usage: coauthor serve [--listen HOST:PORT] [options] DATABASE-or-FILE...\n"
             "\n"
             "Loads the inputs once and serves, read-only, a page to explore the network\n"
             "(find an author with suggestions as you type; their coauthors and joint\n"
             "papers, their network and identity notes; the shortest chain between two\n"
             "authors with the papers at every hop) and the JSON API behind it:\n"
             "\n"
             "  /api/authors?q=TEXT&limit=N       authors whose names have words starting\n"
             "                                     with each word of TEXT, most papers first\n"
             "  /api/author/ID[?with=ID2&top=N]   an author's coauthors (rank --author), or\n"
             "                                     the joint papers with ID2\n"
             "  /api/ego/ID?radius=R&min_weight=W  the ego network with Graphviz positions,\n"
             "                                     at most " STRINGIFY(SERVE_EGO_MAX_NODES) " authors (the most tied to ID;\n"
             "                                     \"left_out\" counts the others); ID.svg and\n"
             "                                     ID.png: the picture draw makes\n"
             "  /api/path?from=&to=&avoid=&chains=N  shortest chains, with papers (path)\n"
             "  /api/path/network?from=&to=&avoid=&chains=N  their network with Graphviz\n"
             "                                     positions, the first chain highlighted\n"
             "  /api/stats                        counts, then the network's statistics\n"
             "\n"
             "ID is an author's number, or a name as --from takes it.  A bad request gets\n"
             "400 and an unknown author 404, with {\"error\": ...} and the closest names.\n"
             "A database (coauthor import) is served through its index: the server starts\n"
             "in a second and reads only the pages each question touches.  The selection\n"
             "options (--years, --ego, ...) do not apply: the server answers on the whole\n"
             "corpus.\n"
             "\n",
             21),
    CLI_STRING("listen", "HOST:PORT", &so.listen,
               "the address (default " COA_SERVE_DEFAULT_LISTEN "; [::1]:PORT for IPv6,\n"
               "port 0 for any free port).  Another address than loopback\n"
               "opens the corpus to the network, with a warning"),
    CLI_LONG("threads", "N", &threads, 1, 256, "HTTP threads (default one per core); the requests that take a\n"
             "layout are handed to layout processes, one per core"),
    CLI_LONG("budget", "MS", &budget, 1, 600000,
             "a request's time budget in milliseconds (default " STRINGIFY(SERVE_BUDGET_MS) ").  The\n"
             "layouts run one per layout process (Graphviz and igraph are\n"
             "not thread-safe) and the chain searches one per core: a request\n"
             "that cannot start its layout or its chain search within its\n"
             "budget gets 503 with Retry-After, and a chain search that used\n"
             "it all is answered without its network (/api/path/network)"),
    CLI_STRING("port-file", "FILE", &so.ready_file, "write the port to FILE once listening (for scripts)"),
    CLI_TEXT("\nSIGINT (Ctrl-C) or SIGTERM stops the server cleanly: it finishes the requests\n"
             "in flight and exits 0.\n",
             0),
    CLI_HELP_END,
};

static int check(const cli_common_t *o)
{
    coa_select_t none;
    coa_select_init(&none);
    if (memcmp(&o->select, &none, sizeof none) != 0 || o->n_avoid || o->ego_name || o->radius_given)
        return cli_usage_error("serve", "the selection options (--years, --ego, --avoid, ...) do not apply: "
                                        "the server answers on the whole corpus");
    return EXIT_OK;
}

static int run(cli_common_t *o)
{
    so.files = o->files;
    so.n_files = o->n_files;
    so.read = o->read;
    so.quiet = o->quiet;
    so.aliases = o->aliases;
    so.n_aliases = o->n_aliases;
    so.merge_initials = o->merge_initials;
    so.keep_apart = o->keep_apart;
    so.split_homonyms = o->split_homonyms;
    so.threads = (unsigned)threads;
    so.budget_ms = (unsigned)budget;
    int status = coa_serve_run(&so);
    return status == 2 ? EXIT_USAGE : status ? EXIT_FAILURE_RUN : EXIT_OK;
}

const cli_command_t cmd_serve = {"serve", "a web page and JSON API to explore the network (read-only)", options,
                                 defaults, check, run};
