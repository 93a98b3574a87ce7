/* coauthor path: collaboration chains between two authors, with the
 * papers at every hop. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

#define DEFAULT_LIMIT 100

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}


/* ---- coauthor path ---- */

typedef struct {
    const char *from, *to;
    int all, strongest, search_stats;
    long limit;
    long bench;
} path_opts_t;

/* The edge-list record behind a hop without papers, for its identifier. */
static const char *author_name(const coa_corpus_t *c, uint32_t a)
{
    return coa_corpus_str(c, c->authors[a].display);
}

static const coa_link_t *find_link(const coa_corpus_t *c, uint32_t a, uint32_t b)
{
    for (uint32_t i = 0; i < c->n_links; i++) {
        const coa_link_t *l = &c->links[i];
        if ((l->a == a && l->b == b) || (l->a == b && l->b == a))
            return l;
    }
    return NULL;
}

/* The hops of every listed chain, with their evidence; hop k of chain i is
 * hops[i * length + k].  Hops shared by several chains are looked up again;
 * a chain listing is short. */
typedef struct {
    coa_hop_t *hops;
    size_t n;
} chain_hops_t;

static void chain_hops_destroy(chain_hops_t *ch)
{
    for (size_t i = 0; i < ch->n; i++)
        coa_hop_destroy(&ch->hops[i]);
    free(ch->hops);
}

static int chain_hops_fill(coa_view_t *view, const coa_chains_t *r, chain_hops_t *ch)
{
    ch->n = (size_t)r->n_chains * r->length;
    ch->hops = calloc(ch->n ? ch->n : 1, sizeof *ch->hops);
    if (!ch->hops) {
        ch->n = 0;
        return COA_ENOMEM;
    }
    for (size_t i = 0; i < ch->n; i++)
        coa_hop_init(&ch->hops[i]);
    for (uint32_t i = 0; i < r->n_chains; i++) {
        const uint32_t *chain = r->vertices + (size_t)i * (r->length + 1);
        for (uint32_t k = 0; k < r->length; k++) {
            int err = coa_view_hop(view, chain[k], chain[k + 1], &ch->hops[(size_t)i * r->length + k]);
            if (err)
                return err;
        }
    }
    return COA_OK;
}

/* Marks of a hop and of a paper, in text. */
static const char *hop_mark(unsigned flags)
{
    if ((flags & COA_EVIDENCE_INFERRED) && (flags & COA_EVIDENCE_HOMONYM))
        return " [inferred, homonym?]";
    if (flags & COA_EVIDENCE_INFERRED)
        return " [inferred]";
    if (flags & COA_EVIDENCE_HOMONYM)
        return " [homonym?]";
    return "";
}

static const char *paper_mark(unsigned flags)
{
    if ((flags & COA_EVIDENCE_INFERRED) && (flags & COA_EVIDENCE_HOMONYM))
        return "  (inferred, homonym?)";
    if (flags & COA_EVIDENCE_INFERRED)
        return "  (inferred)";
    if (flags & COA_EVIDENCE_HOMONYM)
        return "  (homonym?)";
    return "";
}

/* The evidence of one hop in text: a line naming the hop, then its papers. */
static void print_hop_text(const coa_corpus_t *c, uint32_t u, uint32_t v, const coa_hop_t *hop, const char *indent,
                           int name_both)
{
    if (name_both)
        printf("%s%s - %s: ", indent, author_name(c, u), author_name(c, v));
    else
        printf("%s| ", indent);
    if (hop->n_papers == 0) {
        const coa_link_t *l = find_link(c, u, v);
        if (l) {
            printf("linked in %s", coa_corpus_str(c, c->sources[l->source].path));
            if (l->line)
                printf(":%u", l->line);
            if (l->weight > 0)
                printf(" (weight %g in the file: no papers)\n", (double)l->weight);
            else
                printf(" (an edge list: no papers)\n");
        } else
            printf("no papers recorded\n");
        return;
    }
    printf("%u joint paper%s%s\n", hop->n_papers, hop->n_papers == 1 ? "" : "s", hop_mark(hop->flags));
    for (uint32_t i = 0; i < hop->n_papers; i++) {
        const coa_paper_t *p = &c->papers[hop->papers[i]];
        char id[512], year[8];
        coa_paper_identifier(c, (uint32_t)(p - c->papers), id, sizeof id);
        if (p->year)
            snprintf(year, sizeof year, "%d", p->year);
        else
            snprintf(year, sizeof year, "----");
        const char *title = coa_corpus_str(c, p->title);
        printf("%s|   %s  %s  %s%s\n", name_both ? "  " : indent, year, *title ? title : "(untitled)", id,
               hop->flags ? "" : paper_mark(hop->paper_flags[i]));
    }
}

static void print_marks_legend(unsigned hop_flags, unsigned paper_flags)
{
    if (!hop_flags && !paper_flags)
        return;
    fputc('\n', stdout);
    if (hop_flags & COA_EVIDENCE_INFERRED)
        printf("[inferred]  the hop rests only on inferred authorship: on each of its papers,\n"
               "            one of the two authors is not named by the source but inferred\n"
               "            (a profile's owner hidden behind \"et al.\")\n");
    if (paper_flags & COA_EVIDENCE_INFERRED)
        printf("(inferred)  one of the two authors is not named on this paper but inferred\n");
    if (hop_flags & COA_EVIDENCE_HOMONYM)
        printf("[homonym?]  every paper of the hop may be another person's of the same\n"
               "            name: it shares no coauthor with the author's other papers\n"
               "            and is in another field, or the name is common and its\n"
               "            papers fall apart (see 'coauthor names')\n");
    if (paper_flags & COA_EVIDENCE_HOMONYM)
        printf("(homonym?)  this paper may be another person's of the same name\n");
}

static void print_chain_line(const coa_corpus_t *c, const uint32_t *chain, uint32_t length)
{
    for (uint32_t k = 0; k <= length; k++)
        printf("%s%s", k ? " -> " : "", author_name(c, chain[k]));
    fputc('\n', stdout);
}

static void print_total(const coa_path_result_t *r, const char *what)
{
    printf("%s%llu %s chain%s", r->total_saturated ? "at least " : "", (unsigned long long)r->total_chains, what,
           r->total_chains == 1 && !r->total_saturated ? "" : "s");
}

static void print_path_text(const coa_corpus_t *c, const coa_path_result_t *r, const chain_hops_t *ch,
                            const path_opts_t *po)
{
    unsigned hop_flags = 0, paper_flags = 0;
    if (!po->all) {
        const uint32_t *chain = r->vertices;
        print_chain_line(c, chain, r->length);
        printf("length %u", r->length);
        if (po->strongest) {
            printf(", cost %.4f (the sum of 1/joint papers over the hops); ", r->cost);
            print_total(r, "equally strong");
        } else {
            printf(", ");
            print_total(r, "shortest");
        }
        printf("\n\n");
        for (uint32_t k = 0; k <= r->length; k++) {
            printf("%s\n", author_name(c, chain[k]));
            if (k == r->length)
                break;
            const coa_hop_t *hop = &ch->hops[k];
            print_hop_text(c, chain[k], chain[k + 1], hop, "  ", 0);
            hop_flags |= hop->flags;
            paper_flags |= hop->flags ? 0 : hop->any_flags;
        }
        print_marks_legend(hop_flags, paper_flags);
        return;
    }
    printf("%s -> %s: length %u, ", author_name(c, r->vertices[0]),
           author_name(c, r->vertices[r->length]), r->length);
    print_total(r, "shortest");
    if (r->n_chains < r->total_chains || r->total_saturated)
        printf("; the first %u by name", r->n_chains);
    printf("\n\n");
    int width = snprintf(NULL, 0, "%u", r->n_chains);
    for (uint32_t i = 0; i < r->n_chains; i++) {
        printf("%*u  ", width, i + 1);
        print_chain_line(c, r->vertices + (size_t)i * (r->length + 1), r->length);
    }
    if (r->length == 0)
        return;
    /* each distinct hop once, in order of first appearance */
    printf("\njoint papers at each hop:\n");
    for (size_t h = 0; h < ch->n; h++) {
        uint32_t i = (uint32_t)(h / r->length), k = (uint32_t)(h % r->length);
        const uint32_t *chain = r->vertices + (size_t)i * (r->length + 1);
        int seen = 0;
        for (size_t h2 = 0; h2 < h && !seen; h2++) {
            const uint32_t *other = r->vertices + (size_t)(h2 / r->length) * (r->length + 1);
            seen = h2 % r->length == k && other[k] == chain[k] && other[k + 1] == chain[k + 1];
        }
        if (seen)
            continue;
        print_hop_text(c, chain[k], chain[k + 1], &ch->hops[h], "", 1);
        hop_flags |= ch->hops[h].flags;
        paper_flags |= ch->hops[h].flags ? 0 : ch->hops[h].any_flags;
    }
    print_marks_legend(hop_flags, paper_flags);
}

static void print_path_json(const coa_corpus_t *c, const char *from, const char *to, const coa_path_result_t *r,
                            const chain_hops_t *ch, const path_opts_t *po)
{
    fputs("{\n  \"from\": ", stdout);
    coa_json_string(stdout, from);
    fputs(",\n  \"to\": ", stdout);
    coa_json_string(stdout, to);
    if (r->found)
        printf(",\n  \"length\": %u", r->length);
    else
        fputs(",\n  \"length\": null", stdout);
    printf(",\n  \"total_chains\": %llu", (unsigned long long)r->total_chains);
    if (po->strongest) {
        if (r->found)
            printf(",\n  \"cost\": %.10g", r->cost);
        else
            fputs(",\n  \"cost\": null", stdout);
    }
    fputs(",\n  \"chains\": [", stdout);
    for (uint32_t i = 0; i < r->n_chains; i++) {
        const uint32_t *chain = r->vertices + (size_t)i * (r->length + 1);
        fputs(i ? ",\n    {\"authors\": [" : "\n    {\"authors\": [", stdout);
        for (uint32_t k = 0; k <= r->length; k++) {
            if (k)
                fputs(", ", stdout);
            coa_json_string(stdout, author_name(c, chain[k]));
        }
        fputs("],\n     \"hops\": [", stdout);
        for (uint32_t k = 0; k < r->length; k++) {
            const coa_hop_t *hop = &ch->hops[(size_t)i * r->length + k];
            fputs(k ? ",\n       {\"papers\": [" : "\n       {\"papers\": [", stdout);
            for (uint32_t j = 0; j < hop->n_papers; j++) {
                const coa_paper_t *p = &c->papers[hop->papers[j]];
                char id[512];
                coa_paper_identifier(c, (uint32_t)(p - c->papers), id, sizeof id);
                fputs(j ? ",\n         {\"title\": " : "\n         {\"title\": ", stdout);
                coa_json_string(stdout, coa_corpus_str(c, p->title));
                if (p->year)
                    printf(", \"year\": %d", p->year);
                else
                    fputs(", \"year\": null", stdout);
                fputs(", \"id\": ", stdout);
                coa_json_string(stdout, id);
                /* the issue fixes these four keys; the homonym flag is in the
                 * text and the TSV/CSV output */
                printf(", \"inferred\": %s}", (hop->paper_flags[j] & COA_EVIDENCE_INFERRED) ? "true" : "false");
            }
            fputs("]}", stdout);
        }
        fputs(r->length ? "]}" : "]}", stdout);
    }
    fputs(r->n_chains ? "\n  ]\n}\n" : "]\n}\n", stdout);
}

static int print_path_table(const coa_corpus_t *c, const coa_path_result_t *r, const chain_hops_t *ch,
                            coa_output_t format)
{
    static const char *const columns[] = {"chain", "hop",   "from",     "to",
                                          "year",  "title", "id", "inferred", "homonym"};
    coa_table_t *t = coa_table_new(9, columns);
    if (!t)
        return COA_ENOMEM;
    for (uint32_t i = 0; i < r->n_chains; i++) {
        const uint32_t *chain = r->vertices + (size_t)i * (r->length + 1);
        for (uint32_t k = 0; k < r->length; k++) {
            const coa_hop_t *hop = &ch->hops[(size_t)i * r->length + k];
            for (uint32_t j = 0; j < (hop->n_papers ? hop->n_papers : 1); j++) {
                coa_table_cell(t, "%u", i + 1);
                coa_table_cell(t, "%u", k + 1);
                coa_table_cell(t, "%s", author_name(c, chain[k]));
                coa_table_cell(t, "%s", author_name(c, chain[k + 1]));
                if (!hop->n_papers) { /* an edge-list link */
                    coa_table_cell(t, "-");
                    coa_table_cell(t, "-");
                    coa_table_cell(t, "-");
                    coa_table_cell(t, "false");
                    coa_table_cell(t, "false");
                    continue;
                }
                const coa_paper_t *p = &c->papers[hop->papers[j]];
                char id[512];
                coa_paper_identifier(c, (uint32_t)(p - c->papers), id, sizeof id);
                if (p->year)
                    coa_table_cell(t, "%d", p->year);
                else
                    coa_table_cell(t, "-");
                coa_table_cell(t, "%s", coa_corpus_str(c, p->title));
                coa_table_cell(t, "%s", id);
                coa_table_cell(t, "%s", (hop->paper_flags[j] & COA_EVIDENCE_INFERRED) ? "true" : "false");
                coa_table_cell(t, "%s", (hop->paper_flags[j] & COA_EVIDENCE_HOMONYM) ? "true" : "false");
            }
        }
    }
    int err = coa_table_write(t, stdout, format);
    coa_table_free(t);
    return err;
}

/* One line on stderr for a chain that does not exist. */
static void explain_no_chain(const char *from, const char *to, const coa_path_result_t *r, const cli_common_t *o)
{
    const char *inside = r->exhausted_side ? to : from, *outside = r->exhausted_side ? from : to;
    fprintf(stderr, "%s: no chain from '%s' to '%s': the component of %s has %llu author%s and %s is not one of them",
            cli_program, from, to, inside, (unsigned long long)r->exhausted_size, r->exhausted_size == 1 ? "" : "s",
            outside);
    if (o->n_avoid || o->select.year_from || o->select.year_to || o->select.max_authors || o->select.min_papers ||
        o->select.min_weight > 0)
        fputs(" (in this selection)", stderr);
    fputc('\n', stderr);
}

static uint64_t bench_rng(uint64_t *state)
{
    /* splitmix64: seeded from --seed, independent of igraph's generator */
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Times queries between random pairs of the largest component, after
 * loading; compares with igraph's single-source search on the same pairs. */
static int run_bench(const coa_graph_t *g, coa_path_finder_t *finder, long n_queries, unsigned long seed)
{
    int status = EXIT_OK;
    igraph_vector_int_t membership, csize, path;
    igraph_integer_t ncomp;
    double *times = NULL, *fractions = NULL, *ig_times = NULL;
    uint32_t *pool = NULL;
    coa_path_result_t r;
    coa_path_result_init(&r);
    if (igraph_vector_int_init(&membership, 0)) {
        cli_error("out of memory");
        return EXIT_FAILURE_RUN;
    }
    if (igraph_vector_int_init(&csize, 0)) {
        igraph_vector_int_destroy(&membership);
        cli_error("out of memory");
        return EXIT_FAILURE_RUN;
    }
    if (igraph_vector_int_init(&path, 0)) {
        igraph_vector_int_destroy(&membership);
        igraph_vector_int_destroy(&csize);
        cli_error("out of memory");
        return EXIT_FAILURE_RUN;
    }
    if (igraph_connected_components(&g->graph, &membership, &csize, &ncomp, IGRAPH_WEAK) || ncomp == 0) {
        cli_error("cannot find the components");
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }
    igraph_integer_t best = igraph_vector_int_which_max(&csize), size = VECTOR(csize)[best];
    pool = malloc((size_t)size * sizeof *pool);
    times = malloc((size_t)n_queries * sizeof *times);
    fractions = malloc((size_t)n_queries * sizeof *fractions);
    ig_times = malloc((size_t)n_queries * sizeof *ig_times);
    if (!pool || !times || !fractions || !ig_times) {
        cli_error("out of memory");
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }
    uint32_t np = 0;
    for (igraph_integer_t v = 0; v < g->n_vertices; v++)
        if (VECTOR(membership)[v] == best)
            pool[np++] = (uint32_t)v;
    uint64_t state = seed;
    double sum_len = 0, sum_chains = 0;
    long n_ig = n_queries < 200 ? n_queries : 200; /* igraph's search is slower: fewer of them */
    for (long q = 0; q < n_queries; q++) {
        uint32_t s = pool[bench_rng(&state) % np], t = pool[bench_rng(&state) % np];
        double t0 = now_ms();
        if (coa_path_shortest(finder, s, t, 1, &r)) {
            cli_error("out of memory");
            status = EXIT_FAILURE_RUN;
            goto cleanup;
        }
        times[q] = now_ms() - t0;
        fractions[q] = (double)r.touched / (double)g->n_vertices;
        sum_len += r.length;
        sum_chains += (double)r.total_chains;
        if (q < n_ig) {
            t0 = now_ms();
            if (igraph_get_shortest_path(&g->graph, &path, NULL, s, t, IGRAPH_ALL)) {
                cli_error("igraph_get_shortest_path failed");
                status = EXIT_FAILURE_RUN;
                goto cleanup;
            }
            ig_times[q] = now_ms() - t0;
            if ((uint32_t)igraph_vector_int_size(&path) != r.length + 1) {
                cli_error("bench: igraph finds length %ld from %u to %u, the search %u",
                          (long)igraph_vector_int_size(&path) - 1, s, t, r.length);
                status = EXIT_FAILURE_RUN;
                goto cleanup;
            }
        }
    }
    double mean_frac = 0, mean_time = 0, mean_ig = 0;
    for (long q = 0; q < n_queries; q++) {
        mean_frac += fractions[q] / n_queries;
        mean_time += times[q] / n_queries;
    }
    for (long q = 0; q < n_ig; q++)
        mean_ig += ig_times[q] / n_ig;
    qsort(times, (size_t)n_queries, sizeof *times, cmp_double);
    qsort(fractions, (size_t)n_queries, sizeof *fractions, cmp_double);
    qsort(ig_times, (size_t)n_ig, sizeof *ig_times, cmp_double);
    printf("graph                 %lld authors, %lld edges; largest component %lld authors\n",
           (long long)g->n_vertices, (long long)igraph_ecount(&g->graph), (long long)size);
    printf("queries               %ld random pairs of the largest component (seed %lu)\n", n_queries, seed);
    printf("mean length           %.2f hops; mean shortest chains %.1f\n", sum_len / n_queries,
           sum_chains / n_queries);
    printf("touched               mean %.3f%%, median %.3f%%, max %.3f%% of the authors\n", 100 * mean_frac,
           100 * fractions[n_queries / 2], 100 * fractions[n_queries - 1]);
    printf("bidirectional search  mean %.4f ms, median %.4f ms, 99th percentile %.4f ms, max %.4f ms\n"
           "                      (each query also counts every shortest chain)\n",
           mean_time, times[n_queries / 2], times[n_queries * 99 / 100], times[n_queries - 1]);
    printf("igraph single-source  mean %.3f ms, median %.3f ms over the first %ld pairs "
           "(igraph_get_shortest_path)\n",
           mean_ig, ig_times[n_ig / 2], n_ig);
cleanup:
    coa_path_result_destroy(&r);
    igraph_vector_int_destroy(&membership);
    igraph_vector_int_destroy(&csize);
    igraph_vector_int_destroy(&path);
    free(pool);
    free(times);
    free(fractions);
    free(ig_times);
    return status;
}

/* --limit N: at most N chains, and implies --all */
static int path_limit(const cli_option_t *opt, const char *arg, cli_parser_t *p)
{
    (void)p;
    path_opts_t *po = opt->target;
    po->all = 1;
    return cli_parse_long("--limit", arg, 1, 1000000, &po->limit) ? EXIT_USAGE : 0;
}

/* The options of 'coauthor path'; 1 with *status when the command is done (cli_parse). */
static int path_options(path_opts_t *po, cli_common_t *o, int argc, char **argv, int *status)
{
    const cli_option_t options[] = {
        CLI_TEXT("usage: coauthor path --from NAME --to NAME [--all [--limit N] | --strongest] [options] FILE...\n"
                 "       coauthor path --bench N [options] FILE...\n"
                 "\n"
                 "Finds the shortest chain of coauthorships from one author to another (an\n"
                 "Erdos number for any pair) and lists the joint papers at every hop: year,\n"
                 "title and identifier (DOI, else the source's key, else file:line), newest\n"
                 "first, then by title.  Among chains of equal length the one shown comes first by the names\n"
                 "along it, so the answer does not depend on input order.  The total number\n"
                 "of shortest chains is always given; it is counted, not listed, so it is\n"
                 "cheap however large it is.\n"
                 "\n"
                 "A hop is marked [inferred] when every joint paper of the two authors names\n"
                 "one of them only by inference (for example, a profile's owner hidden behind\n"
                 "\"et al.\"), so the hop rests on no stated authorship.  Such papers are\n"
                 "marked (inferred) one by one.  Likewise [homonym?] and (homonym?) mark\n"
                 "papers that the identity checks of 'coauthor names' flag as possibly\n"
                 "another person of the same name (papers that share no coauthor with the\n"
                 "author's others, in another field; or, for a common name whose papers\n"
                 "fall apart, those outside its largest group).  With --split-homonyms\n"
                 "each group is an author of its own instead.  The marks are explained\n"
                 "under the chain.\n"
                 "\n"
                 "The search is a bidirectional breadth-first search that grows the cheaper\n"
                 "side first, so a query on a large network looks at a small part of it.\n"
                 "\n"
                 "Options:\n",
                 17),
        CLI_STRING("from", "NAME", &po->from,
                   "the first author: an exact name, or a part that only one\n"
                   "author's name contains (the choice is reported)"),
        CLI_STRING("to", "NAME", &po->to, "the last author, likewise"),
        CLI_FLAG("all", &po->all, "list every shortest chain, in name order, up to --limit"),
        CLI_CALLBACK("limit", "N", path_limit, po,
                     "with --all, list at most N chains (default " CLI_STR(DEFAULT_LIMIT) "; implies --all)"),
        CLI_FLAG("strongest", &po->strongest,
                 "the strongest chain instead: the least total cost, where a\n"
                 "hop costs 1/joint_papers (ties: fewer hops, then names).\n"
                 "Prints its length in hops and its cost"),
        CLI_DOC("--avoid NAME", "find a chain that does not pass through NAME (repeatable)"),
        CLI_FLAG("search-stats", &po->search_stats,
                 "report on stderr how many authors the search touched and\nhow long it took"),
        CLI_LONG("bench", "N", &po->bench, 1, 10000000,
                 "time N queries between seeded random pairs of authors of\n"
                 "the largest component, after loading: the bidirectional\n"
                 "search against igraph's single-source search"),
        CLI_TEXT("\n"
                 "With --json: {\"from\", \"to\", \"length\", \"total_chains\", \"chains\": [{\"authors\":\n"
                 "[...], \"hops\": [{\"papers\": [{\"title\", \"year\", \"id\", \"inferred\"}]}]}]}, plus\n"
                 "\"cost\" with --strongest.  With --tsv or --csv: one row per joint paper: chain,\n"
                 "hop, from, to, year, title, id, inferred, homonym.\n",
                 0),
        CLI_HELP_TAIL,
        CLI_TEXT("Exit status 3 when no chain joins the two authors (they are in different\n"
                 "components, perhaps after --avoid or --years), with a one-line explanation on\n"
                 "stderr; 2 also when --from or --to names no author, or one outside the selection.\n",
                 0),
        CLI_END,
    };
    return cli_parse("path", options, o, argc, argv, status);
}

int cmd_path(int argc, char **argv)
{
    cli_common_t o;
    path_opts_t po = {NULL, NULL, 0, 0, 0, DEFAULT_LIMIT, 0};
    int status;
    cli_common_init(&o);
    if (path_options(&po, &o, argc, argv, &status))
        return status;
    if (!po.bench && (!po.from || !po.to))
        return cli_usage_error("path", "--from and --to are required");
    if (po.all && po.strongest)
        return cli_usage_error("path", "--all and --strongest cannot be combined");
    if (cli_common_files(&o, argc, argv))
        return cli_usage_error("path", "no input files");

    cli_network_t net;
    coa_view_t *view = NULL;
    coa_path_finder_t *finder = NULL;
    coa_chains_t r;
    chain_hops_t ch = {NULL, 0};
    int err;
    coa_chains_init(&r);
    const char *what[2] = {"--from", "--to"}, *names[2] = {po.from, po.to};
    uint32_t ends[2];
    /* shortest chains on the index (a database's, or one built in memory)
     * unless a selection asks for the graph */
    if ((status = cli_open_network(&o, !po.bench && !po.strongest, what, names, po.bench ? 0 : 2, 1, &net, ends)))
        goto cleanup;
    if (net.have_graph) {
        if ((err = coa_path_finder_new(&net.graph, &finder))) {
            cli_error("cannot prepare the search: %s", coa_strerror(err));
            status = EXIT_FAILURE_RUN;
            goto cleanup;
        }
        view = coa_path_finder_view(finder);
    } else if ((err = coa_view_new_index(net.index, &view))) {
        cli_error("cannot prepare the search: %s", coa_strerror(err));
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }
    if (po.bench) {
        status = run_bench(&net.graph, finder, po.bench, o.seed);
        goto cleanup;
    }
    double t0 = now_ms();
    if (po.strongest) {
        const coa_graph_t *g = &net.graph;
        err = coa_path_strongest(finder, g->author_vertex[ends[0]], g->author_vertex[ends[1]], &r);
        for (uint32_t i = 0; !err && i < r.n_chains * (r.length + 1); i++)
            r.vertices[i] = g->vertex_author[r.vertices[i]];
    } else {
        err = coa_view_chains(view, ends[0], ends[1], po.all ? (uint32_t)po.limit : 1, NULL, 0, &r);
    }
    double elapsed = now_ms() - t0;
    if (err) {
        cli_error("cannot search for a chain: %s", coa_strerror(err));
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }
    /* an index built in memory: the [homonym?] marks of the chains' authors */
    if (net.index_built && r.n_chains && coa_flag_homonyms_of(&net.corpus, r.vertices, r.n_chains * (r.length + 1))) {
        cli_error("out of memory");
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }
    long long n_vertices = (long long)coa_view_vertices(view);
    if (po.search_stats)
        fprintf(stderr, "%s: the %s touched %llu of %lld authors (%.3f%%) in %.3f ms\n", cli_program,
                po.strongest ? "Dijkstra search" : "bidirectional search", (unsigned long long)r.touched,
                n_vertices, 100.0 * (double)r.touched / (double)(n_vertices ? n_vertices : 1), elapsed);
    const coa_corpus_t *c = net.c;
    const char *from = author_name(c, ends[0]), *to = author_name(c, ends[1]);
    if ((err = chain_hops_fill(view, &r, &ch))) {
        cli_error("cannot collect the papers of the chain: %s", coa_strerror(err));
        status = EXIT_FAILURE_RUN;
        goto cleanup;
    }
    if (o.output == COA_OUT_JSON)
        print_path_json(c, from, to, &r, &ch, &po);
    else if (o.output == COA_OUT_TSV || o.output == COA_OUT_CSV) {
        if (print_path_table(c, &r, &ch, o.output)) {
            cli_error("cannot write the output");
            status = EXIT_FAILURE_RUN;
            goto cleanup;
        }
    } else if (r.found)
        print_path_text(c, &r, &ch, &po);
    if (!r.found) {
        explain_no_chain(from, to, &r, &o);
        status = EXIT_NO_RESULT;
    }
cleanup:
    chain_hops_destroy(&ch);
    coa_chains_destroy(&r);
    if (finder)
        coa_path_finder_free(finder);
    else
        coa_view_free(view);
    cli_network_destroy(&net);
    return status;
}
