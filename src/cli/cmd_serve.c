/* coauthor serve: the web page and JSON API over one corpus (src/serve/). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "serve/serve.h"

enum { OPT_LISTEN = OPT_COMMON_END, OPT_THREADS, OPT_PORT_FILE };

static void usage(FILE *out)
{
    fprintf(out,
            "usage: coauthor serve [--listen HOST:PORT] [options] DATABASE-or-FILE...\n"
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
            "  /api/ego/ID?radius=R&min_weight=W  the ego network with Graphviz positions;\n"
            "                                     ID.svg and ID.png: the picture draw makes\n"
            "  /api/path?from=&to=&avoid=&chains=N  shortest chains, with papers (path)\n"
            "  /api/stats                        counts, then the network's statistics\n"
            "\n"
            "ID is an author's number, or a name as --from takes it.  A bad request gets\n"
            "400 and an unknown author 404, with {\"error\": ...} and the closest names.\n"
            "A database (coauthor import) is served through its index: the server starts\n"
            "in a second and reads only the pages each question touches.\n"
            "\n"
            "Options:\n"
            "  --listen HOST:PORT  the address (default %s; [::1]:PORT for IPv6,\n"
            "                      port 0 for any free port).  Another address than\n"
            "                      loopback opens the corpus to the network, with a warning\n"
            "  --threads N         worker threads (default twice the cores, at least 4)\n"
            "  --port-file FILE    write the port to FILE once listening (for scripts)\n"
            "  --format NAME       read every FILE as NAME; --year YYYY and --strict as\n"
            "                      for every command\n"
            "  -q, --quiet         no log lines on stderr\n"
            "  -h, --help          this help\n"
            "\n"
            "SIGINT (Ctrl-C) or SIGTERM stops the server cleanly; exit status 0.\n"
            "%s",
            COA_SERVE_DEFAULT_LISTEN, cli_exit_help);
}

int cmd_serve(int argc, char **argv)
{
    static const struct option longopts[] = {{"listen", required_argument, NULL, OPT_LISTEN},
                                             {"threads", required_argument, NULL, OPT_THREADS},
                                             {"port-file", required_argument, NULL, OPT_PORT_FILE},
                                             {"format", required_argument, NULL, OPT_FORMAT},
                                             {"year", required_argument, NULL, OPT_YEAR},
                                             {"strict", no_argument, NULL, OPT_STRICT},
                                             {"quiet", no_argument, NULL, OPT_QUIET},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    cli_common_t o;
    coa_serve_options_t so;
    cli_common_init(&o);
    coa_serve_options_init(&so);
    int opt;
    long threads;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "hq", longopts, NULL)) != -1) {
        switch (opt) {
        case 'h': usage(stdout); return EXIT_OK;
        case OPT_LISTEN: so.listen = optarg; continue;
        case OPT_THREADS:
            if (cli_parse_long("--threads", optarg, 1, 256, &threads))
                return EXIT_USAGE;
            so.threads = (unsigned)threads;
            continue;
        case OPT_PORT_FILE: so.ready_file = optarg; continue;
        }
        int r = cli_common_option(&o, opt, optarg);
        if (r < 0)
            return EXIT_USAGE;
        if (r == 0)
            return cli_usage_error("serve", "unknown option");
    }
    if (cli_common_files(&o, argc, argv))
        return cli_usage_error("serve", "no input files");
    so.files = o.files;
    so.n_files = o.n_files;
    so.read = o.read;
    so.quiet = o.quiet;
    int status = coa_serve_run(&so);
    return status == 2 ? EXIT_USAGE : status ? EXIT_FAILURE_RUN : EXIT_OK;
}
