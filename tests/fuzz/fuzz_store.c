/*
 * Fuzz target: the corpus database (SQLite) and its query index (DB.idx).
 *
 * Both are binary images that a random input would almost never make
 * valid, so the input is a list of damages to a valid pair, made once from
 * a small corpus: 5-byte records (offset: 4 bytes, little-endian; the top
 * bit picks the index over the database; value: 1 byte) that set one byte
 * each.  The first input byte can also cut either file at an offset taken
 * from the next record.  The damaged pair then goes through everything
 * that reads it: the whole load (coa_read_file with the store reader, then
 * the graph) and the index (open, a chain search between two authors, both
 * kinds of extract, the graph of each extract, and the statistics from the
 * index).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coauthor.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char corpus_text[] =
    "@article{a, author={Ann One and Bo Two and Cy Three}, title={Alpha}, journal={J}, year=2001}\n"
    "@article{b, author={Cy Three and Di Four}, title={Beta}, journal={J}, year=2002}\n"
    "@article{c, author={Di Four and Ed Five and Ann One}, title={Gamma}, journal={K}, year=2003}\n"
    "@article{d, author={Fay Six and Gil Seven}, title={Delta}, journal={L}, year=2004}\n"
    "@article{e, author={Ed Five and Hal Eight}, title={Epsilon}, doi={10.1/e}, journal={J}, year=2005}\n";

static char dir[64], db_path[96], idx_path[104];
static unsigned char *good[2];
static size_t good_len[2];

static int slurp(const char *path, unsigned char **out, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    *out = malloc(n > 0 ? (size_t)n : 1);
    *len = *out && n > 0 && fread(*out, 1, (size_t)n, f) == (size_t)n ? (size_t)n : 0;
    fclose(f);
    return *len ? 0 : -1;
}

static void cleanup(void)
{
    unlink(db_path);
    unlink(idx_path);
    rmdir(dir);
}

static void setup(void)
{
    coa_library_init(1);
    snprintf(dir, sizeof dir, "/tmp/fuzz-store-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    snprintf(db_path, sizeof db_path, "%s/c.db", dir);
    snprintf(idx_path, sizeof idx_path, "%s/c.db.idx", dir);
    atexit(cleanup);
    coa_corpus_t c;
    coa_read_options_t opts;
    coa_read_options_init(&opts);
    opts.format = "bibtex";
    coa_homonym_t *h = NULL;
    uint32_t nh = 0;
    if (coa_corpus_init(&c) || coa_read_buffer(&c, "seed.bib", corpus_text, sizeof corpus_text - 1, &opts, NULL) ||
        coa_corpus_dedup(&c, NULL) || coa_corpus_finalize(&c) || coa_find_homonyms(&c, &h, &nh) ||
        coa_store_save_ex(&c, db_path, &(coa_store_options_t){COA_STORE_HOMONYMS, NULL, NULL}, NULL, NULL))
        abort();
    coa_homonyms_free(h, nh);
    coa_corpus_destroy(&c);
    if (slurp(db_path, &good[0], &good_len[0]) || slurp(idx_path, &good[1], &good_len[1]))
        abort();
}

static void write_damaged(int which, const uint8_t *data, size_t size, size_t cut)
{
    unsigned char *copy = malloc(good_len[which]);
    if (!copy)
        return;
    memcpy(copy, good[which], good_len[which]);
    for (size_t i = 1; i + 5 <= size; i += 5) {
        uint32_t off = (uint32_t)data[i] | (uint32_t)data[i + 1] << 8 | (uint32_t)data[i + 2] << 16 |
                       (uint32_t)data[i + 3] << 24;
        if ((int)(off >> 31) != which)
            continue;
        copy[(off & 0x7fffffffu) % good_len[which]] = data[i + 4];
    }
    FILE *f = fopen(which ? idx_path : db_path, "wb");
    if (f) {
        fwrite(copy, 1, cut < good_len[which] ? cut : good_len[which], f);
        fclose(f);
    }
    free(copy);
}

static void graph_of(const coa_corpus_t *c)
{
    coa_select_t sel;
    coa_select_init(&sel);
    coa_graph_t g;
    if (coa_graph_build(&g, c, &sel) == COA_OK)
        coa_graph_destroy(&g);
}

static void query_index(void)
{
    coa_store_index_t *ix;
    if (coa_store_index_open(db_path, &ix))
        return;
    const coa_corpus_t *view = coa_store_index_corpus(ix);
    uint32_t a = coa_corpus_find_author(view, "Bo Two"), b = coa_corpus_find_author(view, "Hal Eight");
    if (a != COA_NONE && b != COA_NONE && coa_store_index_papers(ix, a) && coa_store_index_papers(ix, b)) {
        uint32_t n = 0, map[2];
        coa_view_t *v = NULL;
        coa_chains_t r;
        coa_chains_init(&r);
        if (coa_view_new_index(ix, &v) == COA_OK && coa_view_chains(v, a, b, 3, NULL, 0, &r) == COA_OK) {
            coa_corpus_t part;
            uint32_t k = r.n_chains * (r.length + 1);
            if (coa_corpus_init(&part) == COA_OK &&
                coa_store_index_extract(ix, r.vertices, k, 0, &part, NULL) == COA_OK)
                graph_of(&part);
            coa_corpus_destroy(&part);
            coa_hop_t hop;
            coa_hop_init(&hop);
            if (r.found && r.length)
                coa_view_hop(v, r.vertices[0], r.vertices[1], &hop);
            coa_hop_destroy(&hop);
        }
        coa_chains_destroy(&r);
        coa_corpus_t part;
        uint32_t both[2] = {a, b};
        if (coa_corpus_init(&part) == COA_OK && coa_store_index_extract(ix, both, 2, 1, &part, map) == COA_OK)
            graph_of(&part);
        coa_corpus_destroy(&part);
        /* draw --ego: the authors within two hops, their papers */
        uint32_t *near = NULL;
        if (v && coa_view_ego(v, a, 2, 0, &near, &n) == COA_OK) {
            if (coa_corpus_init(&part) == COA_OK && coa_store_index_extract(ix, near, n, 1, &part, NULL) == COA_OK)
                graph_of(&part);
            coa_corpus_destroy(&part);
            free(near);
        }
        coa_view_free(v);
    }
    int y0, y1;
    coa_store_index_years(ix, &y0, &y1);
    coa_stats_t st;
    coa_stats_options_t so = {1, 1000, 4, NULL, NULL};
    coa_stats_index(ix, &so, &st);
    coa_store_index_close(ix);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!good[0])
        setup();
    size_t cut[2] = {SIZE_MAX, SIZE_MAX};
    if (size >= 6 && (data[0] & 3)) {
        uint32_t off = (uint32_t)data[1] | (uint32_t)data[2] << 8 | (uint32_t)data[3] << 16;
        cut[(data[0] & 3) == 2] = off;
    }
    write_damaged(0, data, size, cut[0]);
    write_damaged(1, data, size, cut[1]);
    const char *keep = getenv("FUZZ_STORE_KEEP"); /* DIR: keep the damaged pair there, for a regression test */
    if (keep) {
        char cmd[512];
        snprintf(cmd, sizeof cmd, "cp '%s' '%s' '%s'", db_path, idx_path, keep);
        if (system(cmd) != 0)
            fprintf(stderr, "fuzz_store: cannot copy the damaged pair to %s\n", keep);
    }

    coa_read_options_t opts;
    coa_read_options_init(&opts);
    opts.format = "store";
    coa_corpus_t c;
    if (coa_corpus_init(&c) == COA_OK && coa_read_file(&c, db_path, &opts, NULL) == COA_OK &&
        coa_corpus_finalize(&c) == COA_OK)
        graph_of(&c);
    coa_corpus_destroy(&c);
    query_index();
    return 0;
}
