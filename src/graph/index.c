/*
 * The query index beside a corpus database (PATH.idx): the corpus's
 * arrays laid out to be mapped into memory as they are, plus a compact
 * author-paper index, so that one author's coauthors or the chains between
 * two authors are answered by touching a few pages of it, without loading
 * the corpus (seconds at DBLP scale) or building the coauthor graph (tens
 * of seconds).
 *
 * Why a file beside the database and not inside it: SQLite keeps a large
 * value in a chain of pages, each with a link in front, so no array stored
 * in it can be mapped and used in place, and reading one element deep in a
 * 64 MiB value walks the chain to it.  The database stays the corpus; the
 * index is a cache tied to it by the store_id both carry, written with it
 * and ignored when it belongs to another.
 *
 * File: a header (magic, version, the layout signature, store_id, counts,
 * a table of sections), then each section aligned to 4096 bytes:
 *   every array of the corpus (as in the database), and
 *   ix.author_start  uint32[authors + 1]  CSR into ix.author_papers
 *   ix.author_papers uint32[]             each author's selected papers, ascending
 *   ix.paper_start   uint32[papers + 1]   CSR into ix.paper_authors
 *   ix.paper_authors uint32[]             each selected paper's authors, in order
 *   ix.degree        uint32[authors]      coauthors in the default graph
 *   ix.coauthor_start uint64[authors + 1] CSR into ix.coauthors (version 4)
 *   ix.coauthors     uint32[]             each author's distinct coauthors, in the
 *                                         order of their first joint paper (as the
 *                                         view found them through the papers)
 * "Selected" is what coa_graph_build keeps by default: papers of at most
 * COA_DEFAULT_MAX_AUTHORS authors.
 *
 * The coauthor lists are what a chain search reads: through the papers, an
 * author's coauthors are found again on every visit, with a mark per author
 * to drop repeats, and that was most of a chain query in serve at 7M papers
 * (issue 21).  Stored, they are one slice of the file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coauthor/graph.h"
#include "coauthor/store.h"
#include "corpus/internal.h"
#include "corpus/store_internal.h"
#include "graph/index.h"

#define INDEX_MAGIC "coauthor-index"
#define INDEX_VERSION 4 /* 4: the coauthor lists */
#define ALIGN 4096
#define MAX_SECTIONS 40

typedef struct {
    char name[32];
    uint64_t offset, bytes;
} section_t;

typedef struct {
    char magic[16];
    uint32_t version, n_sections;
    char layout[200];
    uint64_t store_id;
    uint64_t file_bytes;
    uint32_t flags, max_authors;
    uint32_t vertices, inferred;
    uint32_t duplicate_authorships, duplicate_papers;
    uint32_t skipped;    /* papers with more than max_authors authors, left out */
    uint32_t reserved;
    /* the database file the index was built with: another file, or the
     * same one changed behind the index, makes the index stale (version 3) */
    uint64_t db_bytes, db_mtime_ns;
    section_t sections[MAX_SECTIONS];
} header_t;

/* The author-paper index of a corpus. */
typedef struct {
    uint32_t *a_start, *a_papers, *p_start, *p_authors, *degree;
    uint64_t *c_start;  /* CSR into coauthors */
    uint32_t *coauthors;
    uint32_t total, vertices, inferred, skipped;
} built_t;

static void built_free(built_t *b)
{
    COA_FREE(b->a_start, b->a_papers, b->p_start, b->p_authors, b->degree, b->c_start, b->coauthors);
}

static int selected(const coa_paper_t *p)
{
    return p->n_authorships <= COA_DEFAULT_MAX_AUTHORS;
}

/* The distinct coauthors of a over b's papers, in the order first met,
 * into out when it is not NULL; returns how many.  mark[w] == a marks the
 * ones met: each author is listed once in a pass over mark, which starts
 * all COA_NONE. */
static uint32_t list_coauthors(const built_t *b, uint32_t a, uint32_t *mark, uint32_t *out)
{
    uint32_t n = 0;
    for (uint32_t k = b->a_start[a]; k < b->a_start[a + 1]; k++) {
        uint32_t p = b->a_papers[k];
        for (uint32_t j = b->p_start[p]; j < b->p_start[p + 1]; j++) {
            uint32_t w = b->p_authors[j];
            if (w != a && mark[w] != a) {
                mark[w] = a;
                if (out)
                    out[n] = w;
                n++;
            }
        }
    }
    return n;
}

/* COA_ENOTFOUND for a corpus the index does not serve: edges from edge
 * lists and graph-file vertices are part of the graph but not of papers. */
static int build(const coa_corpus_t *c, built_t *b)
{
    memset(b, 0, sizeof *b);
    if (c->n_links)
        return COA_ENOTFOUND;
    for (uint32_t a = 0; a < c->n_authors; a++)
        if ((c->authors[a].flags & COA_AUTHOR_VERTEX) && c->authors[a].merged_into == COA_NONE)
            return COA_ENOTFOUND;
    uint32_t na = c->n_authors, np = c->n_papers;
    b->a_start = calloc((size_t)na + 1, sizeof *b->a_start);
    b->p_start = malloc(((size_t)np + 1) * sizeof *b->p_start);
    b->degree = calloc(na ? na : 1, sizeof *b->degree);
    if (!b->a_start || !b->p_start || !b->degree)
        goto nomem;
    uint32_t total = 0;
    for (uint32_t p = 0; p < np; p++) {
        const coa_paper_t *paper = &c->papers[p];
        b->p_start[p] = total;
        if (!selected(paper)) {
            b->skipped++;
            continue;
        }
        total += paper->n_authorships;
        for (uint32_t i = 0; i < paper->n_authorships; i++)
            b->a_start[c->authorships[paper->first_authorship + i].author + 1]++;
    }
    b->p_start[np] = total;
    b->total = total;
    for (uint32_t a = 0; a < na; a++) {
        b->vertices += b->a_start[a + 1] > 0;
        b->a_start[a + 1] += b->a_start[a];
    }
    b->p_authors = malloc((total ? total : 1) * sizeof *b->p_authors);
    b->a_papers = malloc((total ? total : 1) * sizeof *b->a_papers);
    uint32_t *fill = malloc((na ? na : 1) * sizeof *fill);
    if (!b->p_authors || !b->a_papers || !fill) {
        free(fill);
        goto nomem;
    }
    memcpy(fill, b->a_start, na * sizeof *fill);
    for (uint32_t p = 0; p < np; p++) {
        const coa_paper_t *paper = &c->papers[p];
        if (!selected(paper))
            continue;
        for (uint32_t i = 0; i < paper->n_authorships; i++) {
            uint32_t a = c->authorships[paper->first_authorship + i].author;
            b->p_authors[b->p_start[p] + i] = a;
            b->a_papers[fill[a]++] = p;
        }
    }
    /* coauthors: distinct authors over the selected papers, counted, then
     * listed in the order they are first met */
    uint32_t *mark = fill;
    for (uint32_t a = 0; a < na; a++)
        mark[a] = COA_NONE;
    for (uint32_t a = 0; a < na; a++)
        b->degree[a] = list_coauthors(b, a, mark, NULL);
    if (!(b->c_start = malloc(((size_t)na + 1) * sizeof *b->c_start))) {
        free(fill);
        goto nomem;
    }
    b->c_start[0] = 0;
    for (uint32_t a = 0; a < na; a++)
        b->c_start[a + 1] = b->c_start[a] + b->degree[a];
    if (!(b->coauthors = malloc((b->c_start[na] ? b->c_start[na] : 1) * sizeof *b->coauthors))) {
        free(fill);
        goto nomem;
    }
    for (uint32_t a = 0; a < na; a++)
        mark[a] = COA_NONE;
    for (uint32_t a = 0; a < na; a++)
        list_coauthors(b, a, mark, b->coauthors + b->c_start[a]);
    free(fill);
    for (uint32_t i = 0; i < c->n_authorships; i++)
        b->inferred += c->authorships[i].inferred;
    return COA_OK;
nomem:
    built_free(b);
    return COA_ENOMEM;
}

/* ---- writing ---- */

/* Where the index's writing stands, for the progress callback. */
typedef struct {
    const coa_store_options_t *opts;
    const char *path;
    uint64_t done, total;
} written_t;

static int put_section(FILE *f, header_t *h, const char *name, const void *data, uint64_t bytes, uint64_t *pos,
                       written_t *wr)
{
    static const char zeros[ALIGN];
    if (h->n_sections >= MAX_SECTIONS)
        return COA_EINVAL;
    uint64_t pad = (ALIGN - *pos % ALIGN) % ALIGN;
    if (pad && fwrite(zeros, 1, (size_t)pad, f) != pad)
        return COA_EIO;
    *pos += pad;
    section_t *s = &h->sections[h->n_sections++];
    snprintf(s->name, sizeof s->name, "%s", name);
    s->offset = *pos;
    s->bytes = bytes;
    /* in pieces of 64 MiB, so that a progress bar moves */
    for (uint64_t off = 0; off < bytes;) {
        size_t piece = bytes - off < ((uint64_t)64 << 20) ? (size_t)(bytes - off) : (size_t)64 << 20;
        if (fwrite((const char *)data + off, 1, piece, f) != piece)
            return COA_EIO;
        off += piece;
        wr->done += piece;
        if (wr->opts->progress)
            wr->opts->progress(wr->opts->progress_ctx, wr->path, wr->done, wr->total);
    }
    *pos += bytes;
    return COA_OK;
}

/* What the index records of the database file, to tell a stale index:
 * size and modification time, which a rename and "cp -a" keep and any
 * rewrite changes (with store_id, which tells another coauthor database);
 * not the device and inode, which a copy or a reboot can change. */
static void db_identity(const struct stat *sb, uint64_t *bytes, uint64_t *mtime_ns)
{
    *bytes = (uint64_t)sb->st_size;
    *mtime_ns = (uint64_t)sb->st_mtim.tv_sec * 1000000000u + (uint64_t)sb->st_mtim.tv_nsec;
}

int coa_store_index_write(const coa_corpus_t *corpus, const char *idx_path, uint64_t store_id,
                          const char *db_file, const coa_store_options_t *opts, const coa_diag_sink_t *diag)
{
    unsigned flags = opts->flags;
    coa_corpus_t *c = (coa_corpus_t *)corpus; /* only read: coa_store_arrays takes pointers to pointers */
    built_t b;
    int err = build(c, &b);
    if (err)
        return err;
    char *tmp = NULL;
    header_t *h = calloc(1, sizeof *h);
    FILE *f = NULL;
    struct stat db_stat;
    if (!h) {
        err = COA_ENOMEM;
        goto cleanup;
    }
    if (stat(db_file, &db_stat) != 0) {
        coa_diag(diag, COA_DIAG_ERROR, idx_path, 0, "cannot read the new database: %s", strerror(errno));
        err = COA_EIO;
        goto cleanup;
    }
    /* mkstemp (O_EXCL): a file or symlink planted under a predictable
     * name is never followed (it was "IDX.tmp-PID", opened with fopen) */
    int fd = coa_temp_create(idx_path, &tmp);
    if (fd < 0 || !(f = fdopen(fd, "wb"))) {
        coa_diag(diag, COA_DIAG_ERROR, idx_path, 0, "cannot create the index: %s", strerror(errno));
        if (fd >= 0)
            close(fd);
        err = COA_EIO;
        goto cleanup;
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    memcpy(h->magic, INDEX_MAGIC, sizeof INDEX_MAGIC);
    h->version = INDEX_VERSION;
    coa_store_layout(h->layout, sizeof h->layout);
    h->store_id = store_id;
    h->flags = flags;
    h->max_authors = COA_DEFAULT_MAX_AUTHORS;
    h->vertices = b.vertices;
    h->inferred = b.inferred;
    h->duplicate_authorships = c->duplicate_authorships;
    h->duplicate_papers = c->duplicate_papers;
    h->skipped = b.skipped;
    db_identity(&db_stat, &h->db_bytes, &h->db_mtime_ns);
    uint64_t pos = sizeof *h;
    if (fwrite(h, sizeof *h, 1, f) != 1)
        err = COA_EIO;
    array_t arrays[COA_STORE_MAX_ARRAYS];
    size_t n = coa_store_arrays(c, arrays);
    written_t wr = {opts, idx_path, 0, 0};
    for (size_t i = 0; i < n; i++)
        wr.total += arrays[i].count * arrays[i].elem;
    wr.total += (((uint64_t)c->n_authors + 1) + 2 * (uint64_t)b.total + ((uint64_t)c->n_papers + 1) + c->n_authors +
                 b.c_start[c->n_authors]) * 4 + ((uint64_t)c->n_authors + 1) * 8;
    for (size_t i = 0; i < n && !err; i++)
        err = put_section(f, h, arrays[i].name, *arrays[i].data, arrays[i].count * arrays[i].elem, &pos, &wr);
    if (!err)
        err = put_section(f, h, "ix.author_start", b.a_start, ((uint64_t)c->n_authors + 1) * 4, &pos, &wr);
    if (!err)
        err = put_section(f, h, "ix.author_papers", b.a_papers, (uint64_t)b.total * 4, &pos, &wr);
    if (!err)
        err = put_section(f, h, "ix.paper_start", b.p_start, ((uint64_t)c->n_papers + 1) * 4, &pos, &wr);
    if (!err)
        err = put_section(f, h, "ix.paper_authors", b.p_authors, (uint64_t)b.total * 4, &pos, &wr);
    if (!err)
        err = put_section(f, h, "ix.degree", b.degree, (uint64_t)c->n_authors * 4, &pos, &wr);
    if (!err)
        err = put_section(f, h, "ix.coauthor_start", b.c_start, ((uint64_t)c->n_authors + 1) * 8, &pos, &wr);
    if (!err)
        err = put_section(f, h, "ix.coauthors", b.coauthors, b.c_start[c->n_authors] * 4, &pos, &wr);
    h->file_bytes = pos;
    if (!err && (fseek(f, 0, SEEK_SET) != 0 || fwrite(h, sizeof *h, 1, f) != 1))
        err = COA_EIO;
    if (fclose(f) != 0 && !err)
        err = COA_EIO;
    f = NULL;
    if (err == COA_EIO)
        coa_diag(diag, COA_DIAG_ERROR, idx_path, 0, "cannot write the index: %s", strerror(errno));
    if (!err && rename(tmp, idx_path) != 0) {
        coa_diag(diag, COA_DIAG_ERROR, idx_path, 0, "cannot rename the new index into place: %s", strerror(errno));
        err = COA_EIO;
    }
cleanup:
    if (f)
        fclose(f);
    if (tmp) {
        coa_temp_forget(tmp);
        if (err)
            unlink(tmp);
    }
    free(tmp);
    free(h);
    built_free(&b);
    return err;
}

/* ---- reading ---- */

struct coa_store_index {
    void *map;
    size_t map_len;
    built_t *built;       /* an index built in memory (coa_store_index_build), or NULL */
    coa_corpus_t view;
    const uint32_t *a_start, *a_papers, *p_start, *p_authors, *degree;
    const uint64_t *c_start;
    const uint32_t *coauthors;
    uint64_t total, n_coauthors;
    uint32_t flags, vertices, inferred, skipped;
};

static const section_t *find_section(const header_t *h, const char *name)
{
    for (uint32_t i = 0; i < h->n_sections && i < MAX_SECTIONS; i++)
        if (strncmp(h->sections[i].name, name, sizeof h->sections[i].name) == 0)
            return &h->sections[i];
    return NULL;
}

/* The section's place in the map, checked to lie inside it and to hold a
 * whole number of elems; NULL otherwise. */
static void *section(coa_store_index_t *ix, const header_t *h, const char *name, size_t elem, uint64_t *count)
{
    const section_t *s = find_section(h, name);
    if (!s || s->offset % ALIGN || s->offset > ix->map_len || s->bytes > ix->map_len - s->offset ||
        s->bytes % elem)
        return NULL;
    *count = s->bytes / elem;
    return (char *)ix->map + s->offset;
}

int coa_store_index_open(const char *db_path, coa_store_index_t **out)
{
    *out = NULL;
    uint64_t id;
    struct stat db_stat;
    if (stat(db_path, &db_stat) != 0 || coa_store_id(db_path, &id))
        return COA_ENOTFOUND;
    size_t plen = strlen(db_path);
    char *path = malloc(plen + 8);
    if (!path)
        return COA_ENOMEM;
    snprintf(path, plen + 8, "%s.idx", db_path);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    free(path);
    if (fd < 0)
        return COA_ENOTFOUND;
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || (uint64_t)sb.st_size < sizeof(header_t)) {
        close(fd);
        return COA_EFORMAT;
    }
    coa_store_index_t *ix = calloc(1, sizeof *ix);
    if (!ix) {
        close(fd);
        return COA_ENOMEM;
    }
    ix->map_len = (size_t)sb.st_size;
    ix->map = mmap(NULL, ix->map_len, PROT_READ, MAP_SHARED, fd, 0);
    close(fd);
    if (ix->map == MAP_FAILED) {
        free(ix);
        return COA_EIO;
    }
    /* a query reads scattered pages: no read-ahead around each */
    madvise(ix->map, ix->map_len, MADV_RANDOM);
    const header_t *h = ix->map;
    char want[200];
    coa_store_layout(want, sizeof want);
    int err = COA_EFORMAT;
    if (memcmp(h->magic, INDEX_MAGIC, sizeof INDEX_MAGIC) != 0 || h->version != INDEX_VERSION ||
        strncmp(h->layout, want, sizeof h->layout) != 0 || h->file_bytes != ix->map_len ||
        h->n_sections > MAX_SECTIONS)
        goto fail;
    if (h->store_id != id) {
        err = COA_ENOTFOUND; /* another database's index */
        goto fail;
    }
    uint64_t bytes, mtime_ns;
    db_identity(&db_stat, &bytes, &mtime_ns);
    if (h->db_bytes != bytes || h->db_mtime_ns != mtime_ns) {
        err = COA_EINVAL; /* the database was changed behind the index */
        goto fail;
    }
    array_t arrays[COA_STORE_MAX_ARRAYS];
    size_t n = coa_store_arrays(&ix->view, arrays);
    for (size_t k = 0; k < n; k++) {
        void *p = section(ix, h, arrays[k].name, arrays[k].elem, &arrays[k].count);
        if (!p)
            goto fail;
        *arrays[k].data = p;
    }
    coa_store_set_counts(&ix->view, arrays);
    if (!ix->view.n_sources || !coa_store_arrays_fit(&ix->view, arrays))
        goto fail;
    ix->view.duplicate_authorships = h->duplicate_authorships;
    ix->view.duplicate_papers = h->duplicate_papers;
    uint64_t na = ix->view.n_authors, np = ix->view.n_papers, cnt, total;
    if (!(ix->a_start = section(ix, h, "ix.author_start", 4, &cnt)) || cnt != na + 1 ||
        !(ix->p_start = section(ix, h, "ix.paper_start", 4, &cnt)) || cnt != np + 1 ||
        !(ix->degree = section(ix, h, "ix.degree", 4, &cnt)) || cnt != na ||
        !(ix->a_papers = section(ix, h, "ix.author_papers", 4, &total)) ||
        !(ix->p_authors = section(ix, h, "ix.paper_authors", 4, &cnt)) || cnt != total ||
        ix->a_start[na] != total || ix->p_start[np] != total ||
        !(ix->c_start = section(ix, h, "ix.coauthor_start", 8, &cnt)) || cnt != na + 1 ||
        !(ix->coauthors = section(ix, h, "ix.coauthors", 4, &ix->n_coauthors)) || ix->c_start[0] != 0 ||
        ix->c_start[na] != ix->n_coauthors)
        goto fail;
    ix->total = total;
    ix->flags = h->flags;
    ix->vertices = h->vertices;
    ix->inferred = h->inferred;
    ix->skipped = h->skipped;
    *out = ix;
    return COA_OK;
fail:
    munmap(ix->map, ix->map_len);
    free(ix);
    return err;
}

void coa_store_index_close(coa_store_index_t *ix)
{
    if (!ix)
        return;
    if (ix->built) {
        built_free(ix->built);
        free(ix->built);
    } else {
        munmap(ix->map, ix->map_len);
    }
    free(ix);
}

int coa_store_index_build(const coa_corpus_t *c, unsigned flags, coa_store_index_t **out)
{
    *out = NULL;
    coa_store_index_t *ix = calloc(1, sizeof *ix);
    built_t *b = calloc(1, sizeof *b);
    if (!ix || !b) {
        free(ix);
        free(b);
        return COA_ENOMEM;
    }
    int err = build(c, b);
    if (err) {
        free(ix);
        free(b);
        return err;
    }
    ix->built = b;
    ix->view = *c; /* shares c's arrays: c must stay as it is while ix lives */
    ix->a_start = b->a_start;
    ix->a_papers = b->a_papers;
    ix->p_start = b->p_start;
    ix->p_authors = b->p_authors;
    ix->degree = b->degree;
    ix->c_start = b->c_start;
    ix->coauthors = b->coauthors;
    ix->n_coauthors = b->c_start[c->n_authors];
    ix->total = b->total;
    ix->flags = flags;
    ix->vertices = b->vertices;
    ix->inferred = b->inferred;
    ix->skipped = b->skipped;
    *out = ix;
    return COA_OK;
}

const coa_corpus_t *coa_store_index_corpus(const coa_store_index_t *ix)
{
    return &ix->view;
}

uint32_t coa_store_index_inferred(const coa_store_index_t *ix)
{
    return ix->inferred;
}

uint32_t coa_store_index_vertices(const coa_store_index_t *ix)
{
    return ix->vertices;
}

unsigned coa_store_index_flags(const coa_store_index_t *ix)
{
    return ix->flags;
}

uint32_t coa_store_index_skipped(const coa_store_index_t *ix)
{
    return ix->skipped;
}

uint64_t coa_store_index_edges(const coa_store_index_t *ix)
{
    uint64_t sum = 0;
    for (uint32_t a = 0; a < ix->view.n_authors; a++)
        sum += ix->degree[a];
    return sum / 2;
}

void coa_store_index_csr(const coa_store_index_t *ix, coa_store_csr_t *csr)
{
    csr->a_start = ix->a_start;
    csr->a_papers = ix->a_papers;
    csr->p_start = ix->p_start;
    csr->p_authors = ix->p_authors;
    csr->degree = ix->degree;
    csr->n_authors = ix->view.n_authors;
    csr->n_papers = ix->view.n_papers;
    csr->total = ix->total;
}

void coa_store_index_coauthor_csr(const coa_store_index_t *ix, const uint64_t **start, const uint32_t **coauthors,
                                  uint64_t *n)
{
    *start = ix->c_start;
    *coauthors = ix->coauthors;
    *n = ix->n_coauthors;
}

/* An author's papers, checked against the index's bounds. */
static int author_papers(const coa_store_index_t *ix, uint32_t a, uint32_t *lo, uint32_t *hi)
{
    if (a >= ix->view.n_authors)
        return COA_EINVAL;
    *lo = ix->a_start[a];
    *hi = ix->a_start[a + 1];
    return *lo <= *hi && *hi <= ix->total ? COA_OK : COA_EFORMAT;
}

static int paper_authors(const coa_store_index_t *ix, uint32_t p, uint32_t *lo, uint32_t *hi)
{
    if (p >= ix->view.n_papers)
        return COA_EFORMAT;
    *lo = ix->p_start[p];
    *hi = ix->p_start[p + 1];
    return *lo <= *hi && *hi <= ix->total ? COA_OK : COA_EFORMAT;
}

uint32_t coa_store_index_papers(const coa_store_index_t *ix, uint32_t author)
{
    uint32_t lo, hi;
    return author_papers(ix, author, &lo, &hi) ? 0 : hi - lo;
}

/* Sorts ids ascending (qsort may not be given NULL, even for none). */
static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static void sort_ids(uint32_t *ids, uint32_t n)
{
    if (n > 1)
        qsort(ids, n, sizeof *ids, cmp_u32);
}

/* ---- extracting part of the corpus ---- */

static int push(uint32_t **items, uint32_t *n, uint32_t *cap, uint32_t v)
{
    if (coa_grow((void **)items, cap, *n + 1, sizeof **items))
        return COA_ENOMEM;
    (*items)[(*n)++] = v;
    return COA_OK;
}

/* Checks what a copy reads of a paper: its authorships and their authors,
 * and its strings. */
/* Whether paper p of the index's corpus can be copied: its authorships,
 * source and, with text, its strings in range. */
static int paper_ok(const coa_corpus_t *c, uint32_t p, int text)
{
    const coa_paper_t *pp = &c->papers[p];
    if ((uint64_t)pp->first_authorship + pp->n_authorships > c->n_authorships || pp->source >= c->n_sources)
        return 0;
    const coa_str_t strs[] = {pp->title, pp->venue, pp->category, pp->orgs, pp->abstract, pp->doi, pp->key};
    for (size_t i = 0; text && i < sizeof strs / sizeof *strs; i++)
        if (strs[i] >= c->strings.count || c->strings.offsets[strs[i]] >= c->strings.len)
            return 0;
    for (uint32_t i = 0; i < pp->n_authorships; i++)
        if (c->authorships[pp->first_authorship + i].author >= c->n_authors)
            return 0;
    return 1;
}

static int author_ok(const coa_corpus_t *c, uint32_t a)
{
    const coa_author_t *au = &c->authors[a];
    const coa_str_t strs[] = {au->display, au->key, au->id};
    for (size_t i = 0; i < 3; i++)
        if (strs[i] >= c->strings.count || c->strings.offsets[strs[i]] >= c->strings.len)
            return 0;
    return 1;
}

void coa_store_index_years(const coa_store_index_t *ix, int *year_min, int *year_max)
{
    const coa_corpus_t *c = &ix->view;
    int lo = 0, hi = 0;
    for (uint32_t p = 0; p < c->n_papers; p++) {
        const coa_paper_t *pp = &c->papers[p];
        if (!selected(pp) || !pp->year || (pp->flags & COA_PAPER_YEAR_ASSUMED))
            continue;
        if (!lo || pp->year < lo)
            lo = pp->year;
        if (pp->year > hi)
            hi = pp->year;
    }
    *year_min = lo;
    *year_max = hi;
}

/* Sorts ids ascending and drops repeats. */
static void sort_unique(uint32_t *ids, uint32_t *n)
{
    sort_ids(ids, *n);
    uint32_t u = 0;
    for (uint32_t i = 0; i < *n; i++)
        if (!u || ids[u - 1] != ids[i])
            ids[u++] = ids[i];
    *n = u;
}

/* A list of ids that grows. */
typedef struct {
    uint32_t *ids, n, cap;
} ids_t;

/* What an extract knows of the authors it meets, by author id, in a hash
 * table: an extract costs what it copies, not the corpus's size.  (Two
 * arrays over all 2.8M authors, zeroed on each call, were a third of a
 * chain query's time in serve at 7M papers.) */
typedef struct {
    uint32_t *id;     /* author id + 1; 0 free */
    uint32_t *newid;  /* the author's id in the extract + 1; 0 not copied */
    uint8_t *listed;  /* 1 asked for, 2 kept */
    uint32_t cap, n;  /* cap a power of two, n < cap / 2 */
} seen_t;

static void seen_destroy(seen_t *t)
{
    COA_FREE(t->id, t->newid, t->listed);
    memset(t, 0, sizeof *t);
}

/* The place of author a, or of the free slot where it would go. */
static uint32_t seen_slot(const seen_t *t, uint32_t a)
{
    uint32_t i = (a * 2654435761u) & (t->cap - 1);
    while (t->id[i] && t->id[i] != a + 1)
        i = (i + 1) & (t->cap - 1);
    return i;
}

static int seen_resize(seen_t *t, uint32_t cap)
{
    seen_t bigger = {calloc(cap, sizeof *t->id), calloc(cap, sizeof *t->newid), calloc(cap, 1), cap, t->n};
    if (!bigger.id || !bigger.newid || !bigger.listed) {
        seen_destroy(&bigger);
        return COA_ENOMEM;
    }
    for (uint32_t i = 0; i < t->cap; i++)
        if (t->id[i]) {
            uint32_t j = seen_slot(&bigger, t->id[i] - 1);
            bigger.id[j] = t->id[i];
            bigger.newid[j] = t->newid[i];
            bigger.listed[j] = t->listed[i];
        }
    seen_destroy(t);
    *t = bigger;
    return COA_OK;
}

/* The place of author a, added if it is not there. */
static int seen_add(seen_t *t, uint32_t a, uint32_t *at)
{
    if (2 * (t->n + 1) > t->cap) {
        if (t->cap > UINT32_MAX / 4)
            return COA_ENOMEM;
        int err = seen_resize(t, t->cap ? 2 * t->cap : 1024);
        if (err)
            return err;
    }
    uint32_t i = seen_slot(t, a);
    if (!t->id[i]) {
        t->id[i] = a + 1;
        t->n++;
    }
    *at = i;
    return COA_OK;
}

static uint8_t seen_listed(const seen_t *t, uint32_t a)
{
    return t->cap ? t->listed[seen_slot(t, a)] : 0;
}

static uint32_t seen_newid(const seen_t *t, uint32_t a)
{
    return t->cap ? t->newid[seen_slot(t, a)] : 0;
}

/* Marks author a: listed becomes 'level' (1 or 2). */
static int seen_mark(seen_t *t, uint32_t a, uint8_t level)
{
    uint32_t i;
    int err = seen_add(t, a, &i);
    if (!err)
        t->listed[i] = level;
    return err;
}

/* The papers of at least two of the authors (or one author twice), into
 * papers, ascending: each author's papers counted in a hash table by paper
 * id, which reads only the authors' own lists (the authors of each of a
 * hub's thousands of papers, read and looked up one by one, were half of
 * an ego answer's time in serve at 7M papers). */
static int shared_papers(const coa_store_index_t *ix, const uint32_t *authors, uint32_t n, ids_t *papers)
{
    uint32_t *who = malloc((n ? n : 1) * sizeof *who), u = n;
    uint64_t total = 0;
    if (!who)
        return COA_ENOMEM;
    memcpy(who, authors, (size_t)n * sizeof *who);
    sort_unique(who, &u);
    int err = COA_OK;
    for (uint32_t i = 0; i < u && !err; i++) {
        uint32_t lo, hi;
        if (!(err = author_papers(ix, who[i], &lo, &hi)))
            total += hi - lo;
    }
    uint64_t cap = 16;
    while (cap < 2 * total)
        cap *= 2;
    uint32_t *key = err || cap > UINT32_MAX ? NULL : calloc(cap, sizeof *key), *count = NULL;
    if (!err && (!key || !(count = calloc(cap, sizeof *count))))
        err = COA_ENOMEM;
    for (uint32_t i = 0; i < u && !err; i++) {
        uint32_t lo = 0, hi = 0;
        err = author_papers(ix, who[i], &lo, &hi);
        for (uint32_t k = lo; k < hi && !err; k++) {
            uint32_t p = ix->a_papers[k];
            if (p >= ix->view.n_papers) {
                err = COA_EFORMAT;
                break;
            }
            uint64_t at = (p * 2654435761u) & (cap - 1);
            while (key[at] && key[at] != p + 1)
                at = (at + 1) & (cap - 1);
            key[at] = p + 1;
            if (++count[at] == 2)
                err = push(&papers->ids, &papers->n, &papers->cap, p);
            if (err)
                break;
        }
    }
    if (!err)
        sort_ids(papers->ids, papers->n);
    free(who);
    free(key);
    free(count);
    return err;
}

/* The papers an extract copies (see coa_store_index_extract), ascending. */
static int extract_papers(const coa_store_index_t *ix, const uint32_t *authors, uint32_t n, int whole_papers,
                          ids_t *papers)
{
    if (!whole_papers)
        return shared_papers(ix, authors, n, papers);
    int err = COA_OK;
    for (uint32_t i = 0; i < n && !err; i++) {
        uint32_t lo, hi;
        if ((err = author_papers(ix, authors[i], &lo, &hi)))
            break;
        for (uint32_t k = lo; k < hi && !err; k++) {
            uint32_t p = ix->a_papers[k], plo, phi;
            if (!(err = paper_authors(ix, p, &plo, &phi)))
                err = push(&papers->ids, &papers->n, &papers->cap, p);
        }
    }
    if (!err)
        sort_unique(papers->ids, &papers->n);
    return err;
}

/* The authors kept (listed 2 in 'seen'): every author of the papers, or
 * the listed ones; a listed author without a paper so far gets its first
 * one, added to papers.  The papers' text is checked unless bare (not
 * copied then). */
static int extract_authors(const coa_store_index_t *ix, const uint32_t *authors, uint32_t n, int whole_papers,
                           int bare, seen_t *seen, ids_t *papers, ids_t *keep)
{
    const coa_corpus_t *c = &ix->view;
    int err = COA_OK;
    for (uint32_t i = 0; i < papers->n && !err; i++) {
        if (!paper_ok(c, papers->ids[i], !bare))
            return COA_EFORMAT;
        const coa_paper_t *pp = &c->papers[papers->ids[i]];
        for (uint32_t k = 0; k < pp->n_authorships && !err; k++) {
            uint32_t a = c->authorships[pp->first_authorship + k].author;
            uint8_t listed = seen_listed(seen, a);
            if ((whole_papers || listed) && listed != 2 && !(err = seen_mark(seen, a, 2)))
                err = push(&keep->ids, &keep->n, &keep->cap, a);
        }
    }
    uint32_t extra_from = papers->n;
    for (uint32_t i = 0; i < n && !err; i++) {
        uint32_t a = authors[i], lo, hi;
        if (seen_listed(seen, a) == 2)
            continue;
        if ((err = seen_mark(seen, a, 2)) || (err = push(&keep->ids, &keep->n, &keep->cap, a)))
            break;
        if (!author_papers(ix, a, &lo, &hi) && lo < hi) {
            if (!paper_ok(c, ix->a_papers[lo], !bare))
                return COA_EFORMAT;
            err = push(&papers->ids, &papers->n, &papers->cap, ix->a_papers[lo]);
        }
    }
    if (err)
        return err;
    if (papers->n > extra_from)
        sort_unique(papers->ids, &papers->n);
    sort_ids(keep->ids, keep->n);
    return COA_OK;
}

/* The sources, whole, so that papers keep their source and line. */
static int copy_sources(const coa_corpus_t *c, coa_corpus_t *out)
{
    int err = COA_OK;
    for (uint32_t s = 0; s < c->n_sources && !err; s++) {
        const coa_source_t *src = &c->sources[s];
        uint32_t k;
        if ((err = coa_corpus_add_source(out, coa_corpus_str(c, src->path), coa_corpus_str(c, src->format), &k)))
            break;
        coa_source_t *dst = &out->sources[k];
        if (src->owner && src->owner < c->strings.count) {
            const char *owner = coa_corpus_str(c, src->owner);
            if ((dst->owner = coa_corpus_intern(out, owner, strlen(owner))) == COA_NONE)
                err = COA_ENOMEM;
        }
        dst->records = src->records;
        dst->skipped = src->skipped;
        dst->inferred = src->inferred;
        dst->undated = src->undated;
        dst->assumed_year = src->assumed_year;
        dst->duplicates = src->duplicates;
    }
    return err;
}

/* The papers, with the authorships of the authors copied, all of them or
 * the listed ones'; without their text (title, venue, ...) when bare. */
static int copy_papers(const coa_corpus_t *c, coa_corpus_t *out, const ids_t *papers, const seen_t *seen,
                       int whole_papers, int bare)
{
    int err = COA_OK;
    for (uint32_t i = 0; i < papers->n && !err; i++) {
        const coa_paper_t *pp = &c->papers[papers->ids[i]];
        coa_paper_t *dst;
        if ((err = coa_corpus_paper_begin(out, pp->source, pp->line, &dst)))
            break;
        if (bare) {
            dst->year = pp->year;
            dst->month = pp->month;
            dst->day = pp->day;
            dst->flags = pp->flags;
            dst->score = pp->score;
        } else if ((err = coa_corpus_copy_paper_fields(out, c, papers->ids[i]))) {
            break;
        }
        for (uint32_t k = 0; k < pp->n_authorships && !err; k++) {
            const coa_authorship_t *as = &c->authorships[pp->first_authorship + k];
            uint32_t at = seen_slot(seen, as->author);
            if (seen->id[at] && seen->newid[at] && (whole_papers || seen->listed[at]))
                err = coa_corpus_copy_authorship(out, seen->newid[at] - 1, as);
        }
        if (err)
            coa_corpus_paper_abort(out);
        else
            coa_corpus_paper_end(out);
    }
    return err;
}

int coa_store_index_extract(const coa_store_index_t *ix, const uint32_t *authors, uint32_t n, int whole_papers,
                            coa_corpus_t *out, uint32_t *map)
{
    return coa_store_index_extract_ex(ix, authors, n, whole_papers ? COA_EXTRACT_WHOLE : 0, out, map);
}

int coa_store_index_extract_ex(const coa_store_index_t *ix, const uint32_t *authors, uint32_t n, unsigned flags,
                               coa_corpus_t *out, uint32_t *map)
{
    int whole_papers = (flags & COA_EXTRACT_WHOLE) != 0, bare = (flags & COA_EXTRACT_BARE) != 0;
    const coa_corpus_t *c = &ix->view;
    seen_t seen = {0};
    ids_t papers = {NULL, 0, 0}, keep = {NULL, 0, 0};
    int err = COA_OK;
    for (uint32_t i = 0; i < n && !err; i++)
        err = authors[i] >= c->n_authors ? COA_EINVAL : seen_mark(&seen, authors[i], 1);
    if (err || (err = extract_papers(ix, authors, n, whole_papers, &papers)) ||
        (err = extract_authors(ix, authors, n, whole_papers, bare, &seen, &papers, &keep)) ||
        (err = copy_sources(c, out)))
        goto cleanup;
    for (uint32_t i = 0; i < keep.n && !err; i++) {
        uint32_t a;
        if (!author_ok(c, keep.ids[i]))
            err = COA_EFORMAT;
        else if (!(err = coa_corpus_copy_author(out, c, keep.ids[i], &a)))
            seen.newid[seen_slot(&seen, keep.ids[i])] = a + 1;
    }
    if (!err)
        err = copy_papers(c, out, &papers, &seen, whole_papers, bare);
    out->duplicate_authorships = c->duplicate_authorships;
    out->duplicate_papers = c->duplicate_papers;
    for (uint32_t i = 0; map && i < n && !err; i++)
        map[i] = seen_newid(&seen, authors[i]) - 1;
cleanup:
    seen_destroy(&seen);
    free(papers.ids);
    free(keep.ids);
    return err;
}
