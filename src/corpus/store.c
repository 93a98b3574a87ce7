/*
 * The persistent corpus in SQLite: the corpus's arrays as blobs.
 *
 * Why blobs and not one row per paper: loading 7M papers row by row through
 * SQLite costs about as much as parsing them again, while reading a few
 * large blobs runs at the speed of the disk, and the hash tables (string
 * pool, author keys) come back ready to use.  Two tables:
 *
 *   store(key TEXT PRIMARY KEY, value)          format, version, layout, counts
 *   arrays(name TEXT, chunk INTEGER, data BLOB)  each array in chunks
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "coauthor/store.h"
#include "corpus/internal.h"
#include "store_internal.h"

#define STORE_FORMAT "coauthor-corpus"
#define STORE_VERSION 1
#define CHUNK ((size_t)64 << 20)

size_t coa_store_arrays(coa_corpus_t *c, array_t *a)
{
    size_t n = 0;
#define ARRAY(nm, ptr, cnt)                                                                                \
    a[n++] = (array_t){nm, (void **)&(ptr), sizeof *(ptr), (uint64_t)(cnt)}
    ARRAY("strings.bytes", c->strings.bytes, c->strings.len);
    ARRAY("strings.offsets", c->strings.offsets, c->strings.count);
    ARRAY("strings.hashes", c->strings.hashes, c->strings.count);
    ARRAY("strings.slots", c->strings.slots, c->strings.nslots);
    ARRAY("papers", c->papers, c->n_papers);
    ARRAY("authors", c->authors, c->n_authors);
    ARRAY("authorships", c->authorships, c->n_authorships);
    ARRAY("links", c->links, c->n_links);
    ARRAY("sources", c->sources, c->n_sources);
    ARRAY("meta", c->meta, c->n_meta);
    ARRAY("merges", c->merges, c->n_merges);
    ARRAY("spelling_author", c->spelling_author, c->spelling_cap);
    ARRAY("spelling_count", c->spelling_count, c->spelling_cap);
    ARRAY("id_author", c->id_author, c->spelling_cap);
    ARRAY("key_slots", c->key_slots, c->key_nslots);
#undef ARRAY
    return n;
}

void coa_store_layout(char *buf, size_t size)
{
    uint16_t one = 1;
    unsigned char low;
    memcpy(&low, &one, 1);
    snprintf(buf, size, "le%d paper%zu author%zu authorship%zu link%zu source%zu meta%zu merge%zu", low,
             sizeof(coa_paper_t), sizeof(coa_author_t),
             sizeof(coa_authorship_t), sizeof(coa_link_t), sizeof(coa_source_t), sizeof(coa_meta_t),
             sizeof(coa_merge_t));
}

static int fail(const coa_diag_sink_t *diag, const char *path, sqlite3 *db, const char *what)
{
    coa_diag(diag, COA_DIAG_ERROR, path, 0, "%s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
    return COA_EIO;
}

static int exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? COA_OK : COA_EIO;
}

static int put_value(sqlite3 *db, const char *key, const char *text, int64_t number)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO store(key, value) VALUES (?, ?)", -1, &st, NULL) != SQLITE_OK)
        return COA_EIO;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (text)
        sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
    else
        sqlite3_bind_int64(st, 2, number);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? COA_OK : COA_EIO;
}

/* A number that tells this database from any other written before it,
 * so that an index beside it is never taken for another's. */
static uint64_t new_store_id(void)
{
    uint64_t id = 0;
    FILE *f = fopen("/dev/urandom", "rb");
    if (f) {
        if (fread(&id, sizeof id, 1, f) != 1)
            id = 0;
        fclose(f);
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    id ^= (uint64_t)ts.tv_sec * 1000000007u ^ (uint64_t)ts.tv_nsec ^ ((uint64_t)getpid() << 40);
    return id ? id : 1;
}

/* Copies the finished database at 'from' into the device or pipe 'to'. */
static int copy_into(const char *from, const char *to, const coa_diag_sink_t *diag)
{
    FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
    char buf[65536];
    size_t n;
    int err = in && out ? COA_OK : COA_EIO;
    while (!err && (n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            err = COA_EIO;
    if (in && ferror(in))
        err = COA_EIO;
    if (out && fclose(out) != 0)
        err = COA_EIO;
    if (in)
        fclose(in);
    if (err)
        coa_diag(diag, COA_DIAG_ERROR, to, 0, "cannot write the database: %s", strerror(errno ? errno : EIO));
    return err;
}

int coa_store_check_target(const char *path, int *device, const coa_diag_sink_t *diag)
{
    struct stat st;
    *device = 0;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
            *device = 1;
            return COA_OK;
        }
        coa_diag(diag, COA_DIAG_ERROR, path, 0, "cannot write the database: %s",
                 S_ISDIR(st.st_mode) ? "Is a directory" : "not a regular file");
        return COA_EIO;
    }
    /* the directory must take a new file: try one, before any long work */
    char *tmp;
    int fd = coa_temp_create(path, &tmp);
    if (fd < 0) {
        coa_diag(diag, COA_DIAG_ERROR, path, 0, "cannot create the database: %s", strerror(errno));
        return errno == ENOMEM ? COA_ENOMEM : COA_EIO;
    }
    close(fd);
    unlink(tmp);
    coa_temp_forget(tmp);
    free(tmp);
    return COA_OK;
}

int coa_store_lock(const char *path, int *lock_fd, int wait, const coa_diag_sink_t *diag)
{
    *lock_fd = -1;
    struct stat pre;
    if (stat(path, &pre) == 0 && !S_ISREG(pre.st_mode))
        return COA_OK; /* a device, a directory: nothing to lock (coa_store_check_target judges it) */
    for (int tries = 0; tries < 1000; tries++) {
        /* the database is replaced by rename, so the lock is on the file
         * the path names once locked (checked below); a database not yet
         * made is locked through its directory until it exists */
        int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        int on_dir = 0;
        if (fd < 0 && errno == ENOENT) {
            const char *slash = strrchr(path, '/');
            char *dir = slash ? strndup(path, (size_t)(slash - path) + 1) : strdup(".");
            if (!dir)
                return COA_ENOMEM;
            fd = open(dir, O_RDONLY | O_CLOEXEC | O_DIRECTORY);
            free(dir);
            on_dir = 1;
        }
        if (fd < 0) {
            coa_diag(diag, COA_DIAG_ERROR, path, 0, "cannot lock the database: %s", strerror(errno));
            return COA_EIO;
        }
        struct stat locked, now;
        if (fstat(fd, &locked) == 0 && !S_ISREG(locked.st_mode) && !on_dir) {
            close(fd); /* a device: nothing to lock, nothing to lose */
            return COA_OK;
        }
        if (flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
            int e = errno;
            close(fd);
            if (e == EWOULDBLOCK)
                return COA_ENOTFOUND; /* held by another: the caller says so, then waits */
            coa_diag(diag, COA_DIAG_ERROR, path, 0, "cannot lock the database: %s", strerror(e));
            return COA_EIO;
        }
        int same = on_dir ? stat(path, &now) != 0
                          : stat(path, &now) == 0 && now.st_dev == locked.st_dev && now.st_ino == locked.st_ino;
        if (same) {
            *lock_fd = fd;
            return COA_OK;
        }
        close(fd); /* replaced or created meanwhile: lock what is there now */
    }
    coa_diag(diag, COA_DIAG_ERROR, path, 0, "cannot lock the database: it keeps being replaced");
    return COA_EIO;
}

void coa_store_unlock(int lock_fd)
{
    if (lock_fd >= 0)
        close(lock_fd);
}

/* Creates the temporary file the database is written to: beside the
 * target, or for a device (/dev/null) or a pipe, which is written in
 * place, elsewhere (without an index: there is no file for one to stand
 * beside).  Returns its descriptor, or -1 with *err set after reporting. */
static int create_temp(const char *path, int device, char **tmp, int *err, const coa_diag_sink_t *diag)
{
    int fd;
    if (device) {
        const char *dir = getenv("TMPDIR");
        char target[4096];
        snprintf(target, sizeof target, "%s/coauthor.db", dir && *dir && strlen(dir) < 4000 ? dir : "/tmp");
        fd = coa_temp_create(target, tmp);
    } else {
        fd = coa_temp_create(path, tmp);
    }
    if (fd < 0) {
        coa_diag(diag, COA_DIAG_ERROR, path, 0, "cannot create the database: %s", strerror(errno));
        *err = errno == ENOMEM ? COA_ENOMEM : COA_EIO;
        return -1;
    }
    /* an existing database keeps its permissions; a new one gets what a
     * new file would get, not mkstemp's 0600 */
    struct stat old;
    coa_temp_set_mode(fd, !device && stat(path, &old) == 0 ? &old : NULL);
    return fd;
}

/* The store table: format, version, layout and counts. */
static int put_values(sqlite3 *db, const coa_corpus_t *c, uint64_t store_id)
{
    char lay[200];
    coa_store_layout(lay, sizeof lay);
    return put_value(db, "format", STORE_FORMAT, 0) || put_value(db, "version", NULL, STORE_VERSION) ||
           put_value(db, "layout", lay, 0) || put_value(db, "papers", NULL, c->n_papers) ||
           put_value(db, "authors", NULL, c->n_authors) || put_value(db, "authorships", NULL, c->n_authorships) ||
           put_value(db, "strings", NULL, c->strings.count) ||
           put_value(db, "duplicate_authorships", NULL, c->duplicate_authorships) ||
           put_value(db, "duplicate_papers", NULL, c->duplicate_papers) ||
           put_value(db, "store_id", NULL, (int64_t)store_id) || put_value(db, "dedup_papers", NULL, c->dedup_papers) ||
           put_value(db, "dedup_merges", NULL, c->dedup_merges);
}

/* The arrays table: each array of the corpus in chunks of CHUNK bytes,
 * with progress reports. */
static int put_arrays(sqlite3 *db, coa_corpus_t *c, const char *path, const coa_store_options_t *opts,
                      const coa_diag_sink_t *diag)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "INSERT INTO arrays(name, chunk, data) VALUES (?, ?, ?)", -1, &st, NULL) !=
        SQLITE_OK)
        return fail(diag, path, db, "cannot write the database");
    array_t arrays[COA_STORE_MAX_ARRAYS];
    size_t n = coa_store_arrays(c, arrays);
    uint64_t all = 0, written = 0;
    for (size_t i = 0; i < n; i++)
        all += arrays[i].count * arrays[i].elem;
    for (size_t i = 0; i < n; i++) {
        const char *base = *arrays[i].data;
        uint64_t total = arrays[i].count * arrays[i].elem;
        int64_t chunk = 0;
        for (uint64_t off = 0; off < total || (total == 0 && chunk == 0); off += CHUNK, chunk++) {
            size_t len = total - off < CHUNK ? (size_t)(total - off) : CHUNK;
            sqlite3_bind_text(st, 1, arrays[i].name, -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 2, chunk);
            if (len)
                sqlite3_bind_blob64(st, 3, base + off, len, SQLITE_STATIC);
            else
                sqlite3_bind_zeroblob(st, 3, 0);
            int rc = sqlite3_step(st);
            sqlite3_reset(st);
            if (rc != SQLITE_DONE) {
                int err = fail(diag, path, db, "cannot write the database");
                sqlite3_finalize(st);
                return err;
            }
            written += len;
            if (opts->progress)
                opts->progress(opts->progress_ctx, path, written, all);
            if (total == 0)
                break;
        }
    }
    sqlite3_finalize(st);
    return COA_OK;
}

/* Writes the whole database into the temporary file 'tmp' (for 'path'). */
static int write_database(coa_corpus_t *c, const char *path, const char *tmp, uint64_t store_id,
                          const coa_store_options_t *opts, const coa_diag_sink_t *diag)
{
    sqlite3 *db = NULL;
    /* mkstemp made the file (O_EXCL); sqlite opens it again by name, and
     * NOFOLLOW refuses a symlink put in its place meanwhile */
    if (sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, NULL) !=
        SQLITE_OK) {
        int err = fail(diag, path, db, "cannot create the database");
        sqlite3_close(db);
        return err;
    }
    /* a fresh temporary file: no journal needed, renamed only when complete */
    int err = COA_OK;
    if (exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=65536;"
                 "CREATE TABLE store(key TEXT PRIMARY KEY, value);"
                 "CREATE TABLE arrays(name TEXT, chunk INTEGER, data BLOB, PRIMARY KEY(name, chunk));"
                 "BEGIN;") ||
        put_values(db, c, store_id))
        err = fail(diag, path, db, "cannot write the database");
    else
        err = put_arrays(db, c, path, opts, diag);
    if (!err && exec(db, "COMMIT;"))
        err = fail(diag, path, db, "cannot write the database");
    if (err) {
        sqlite3_close(db);
        return err;
    }
    if (sqlite3_close(db) != SQLITE_OK)
        return fail(diag, path, NULL, "cannot close the database");
    return COA_OK;
}

void coa_store_discard_temp(coa_store_temp_t *t)
{
    if (t->tmp) {
        coa_temp_forget(t->tmp);
        unlink(t->tmp);
        free(t->tmp);
        t->tmp = NULL;
    }
}

int coa_store_write_temp(const coa_corpus_t *corpus, const char *path, const coa_store_options_t *opts,
                         coa_store_temp_t *t, uint64_t *bytes, const coa_diag_sink_t *diag)
{
    /* the arrays are only read; corpus_arrays takes pointers to pointers */
    coa_corpus_t *c = (coa_corpus_t *)corpus;
    int device = 0, err;
    t->tmp = NULL;
    t->store_id = new_store_id();
    if ((err = coa_store_check_target(path, &device, diag)))
        return err;
    int fd = create_temp(path, device, &t->tmp, &err, diag);
    if (fd < 0) {
        coa_store_discard_temp(t);
        return err;
    }
    err = write_database(c, path, t->tmp, t->store_id, opts, diag);
    if (!err && device) {
        err = copy_into(t->tmp, path, diag);
        if (!err && bytes) {
            struct stat sb;
            *bytes = stat(t->tmp, &sb) == 0 ? (uint64_t)sb.st_size : 0;
        }
    }
    close(fd);
    if (err || device)
        coa_store_discard_temp(t);
    return err;
}

int coa_store_put_in_place(const char *path, coa_store_temp_t *t, uint64_t *bytes, const coa_diag_sink_t *diag)
{
    if (rename(t->tmp, path) != 0) {
        coa_diag(diag, COA_DIAG_ERROR, path, 0, "cannot rename the new database into place: %s",
                 strerror(errno));
        coa_store_discard_temp(t);
        return COA_EIO;
    }
    coa_temp_forget(t->tmp);
    free(t->tmp);
    t->tmp = NULL;
    if (bytes) {
        struct stat sb;
        *bytes = stat(path, &sb) == 0 ? (uint64_t)sb.st_size : 0;
    }
    return COA_OK;
}

static int power_of_two(uint64_t n)
{
    return n && (n & (n - 1)) == 0;
}

void coa_store_set_counts(coa_corpus_t *l, const array_t *arrays)
{
#define COUNT(k) ((uint32_t)arrays[k].count)
    l->strings.len = l->strings.cap = (size_t)arrays[0].count;
    l->strings.count = l->strings.count_cap = COUNT(1);
    l->strings.nslots = COUNT(3);
    l->n_papers = l->cap_papers = COUNT(4);
    l->n_authors = l->cap_authors = COUNT(5);
    l->n_authorships = l->cap_authorships = COUNT(6);
    l->n_links = l->cap_links = COUNT(7);
    l->n_sources = l->cap_sources = COUNT(8);
    l->n_meta = l->cap_meta = COUNT(9);
    l->n_merges = l->cap_merges = COUNT(10);
    l->spelling_cap = COUNT(11);
    l->key_nslots = COUNT(14);
#undef COUNT
}

int coa_store_arrays_fit(const coa_corpus_t *l, const array_t *a)
{
    if (a[1].count != a[2].count || a[11].count != a[12].count || a[11].count != a[13].count)
        return 0;
    if (!l->strings.count || !power_of_two(l->strings.nslots) || l->strings.nslots < l->strings.count)
        return 0;
    if (l->key_nslots && (!power_of_two(l->key_nslots) || l->key_nslots < l->n_authors))
        return 0;
    if (l->strings.offsets[l->strings.count - 1] >= l->strings.len || l->strings.bytes[l->strings.len - 1] != '\0')
        return 0;
    for (uint32_t i = 0; i < l->n_sources; i++)
        if (l->sources[i].path >= l->strings.count || l->sources[i].format >= l->strings.count)
            return 0;
    return 1;
}

/* Every id stored in the arrays points inside them: a damaged or truncated
 * database is refused before anything indexes into it (one pass over each
 * array; found by fuzz_store, which damaged a spelling's author id). */
static int str_ok(const coa_corpus_t *l, coa_str_t id)
{
    return id < l->strings.count && l->strings.offsets[id] < l->strings.len;
}

static int consistent(const coa_corpus_t *l)
{
    uint32_t na = l->n_authors;
    for (uint32_t i = 0; i < l->n_papers; i++) {
        const coa_paper_t *p = &l->papers[i];
        if ((uint64_t)p->first_authorship + p->n_authorships > l->n_authorships || p->source >= l->n_sources ||
            !str_ok(l, p->title) || !str_ok(l, p->venue) || !str_ok(l, p->category) || !str_ok(l, p->orgs) ||
            !str_ok(l, p->abstract) || !str_ok(l, p->doi) || !str_ok(l, p->key))
            return 0;
    }
    for (uint32_t i = 0; i < l->n_authorships; i++)
        if (l->authorships[i].author >= na || l->authorships[i].paper >= l->n_papers)
            return 0;
    for (uint32_t a = 0; a < na; a++) {
        const coa_author_t *au = &l->authors[a];
        if (!str_ok(l, au->display) || !str_ok(l, au->key) || !str_ok(l, au->id) ||
            (au->display >= l->spelling_cap && !(au->flags & COA_AUTHOR_DISPLAY_FIXED)) ||
            (au->merged_into != COA_NONE && au->merged_into >= na))
            return 0;
    }
    /* merge chains end: at most as many steps as authors */
    for (uint32_t a = 0; a < na; a++) {
        uint32_t r = a, steps = 0;
        while (l->authors[r].merged_into != COA_NONE && steps++ <= na)
            r = l->authors[r].merged_into;
        if (steps > na)
            return 0;
    }
    for (uint32_t i = 0; i < l->n_merges; i++)
        if (l->merges[i].from >= na || l->merges[i].into >= na || !str_ok(l, l->merges[i].reason))
            return 0;
    for (uint32_t i = 0; i < l->n_links; i++)
        if (l->links[i].a >= na || l->links[i].b >= na || l->links[i].source >= l->n_sources)
            return 0;
    for (uint32_t i = 0; i < l->n_sources; i++) {
        const coa_source_t *s = &l->sources[i];
        if (!str_ok(l, s->path) || !str_ok(l, s->format) || !str_ok(l, s->owner) ||
            (uint64_t)s->first_meta + s->n_meta > l->n_meta)
            return 0;
    }
    for (uint32_t i = 0; i < l->n_meta; i++)
        if (!str_ok(l, l->meta[i].label) || !str_ok(l, l->meta[i].value))
            return 0;
    for (uint32_t sp = 0; sp < l->spelling_cap; sp++)
        if (l->spelling_author[sp] > na || l->id_author[sp] > na)
            return 0;
    for (uint32_t i = 0; i < l->key_nslots; i++)
        if (l->key_slots[i] > na)
            return 0;
    return 1;
}

static int get_value(sqlite3 *db, const char *key, char *text, size_t size, int64_t *number)
{
    sqlite3_stmt *st = NULL;
    int found = 0;
    if (sqlite3_prepare_v2(db, "SELECT value FROM store WHERE key = ?", -1, &st, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        found = 1;
        if (text) {
            const unsigned char *v = sqlite3_column_text(st, 0);
            snprintf(text, size, "%s", v ? (const char *)v : "");
        }
        if (number)
            *number = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return found;
}

int coa_store_detect(const unsigned char *head, size_t len)
{
    return len >= 16 && memcmp(head, "SQLite format 3", 16) == 0;
}

/* True when the file is shorter than its SQLite header says it is (a copy
 * cut short, a full disk): *have and *want in bytes.  The header's page
 * count is trusted only when its "version-valid-for" number matches the
 * change counter, as SQLite itself does. */
static int truncated(const char *path, uint64_t *have, uint64_t *want)
{
    unsigned char h[100];
    struct stat sb;
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t n = fread(h, 1, sizeof h, f);
    int ok = fstat(fileno(f), &sb) == 0;
    fclose(f);
    if (!ok || n < sizeof h || !coa_store_detect(h, n))
        return 0;
    uint32_t page = (uint32_t)h[16] << 8 | h[17];
    if (page == 1)
        page = 65536;
    uint32_t pages = (uint32_t)h[28] << 24 | (uint32_t)h[29] << 16 | (uint32_t)h[30] << 8 | h[31];
    if (!pages || memcmp(h + 24, h + 92, 4) != 0)
        return 0;
    *have = (uint64_t)sb.st_size;
    *want = (uint64_t)pages * page;
    return *have < *want;
}

/* The database's format, version and layout are this build's. */
static int check_header(sqlite3 *db, const char *path, const coa_diag_sink_t *diag)
{
    char fmt[64] = "", lay[200] = "", want[200];
    int64_t version = 0;
    coa_store_layout(want, sizeof want);
    if (!get_value(db, "format", fmt, sizeof fmt, NULL) && sqlite3_errcode(db) == SQLITE_CORRUPT) {
        coa_diag(diag, COA_DIAG_ERROR, path, 0, "the database is damaged (%s); run 'coauthor import' again",
                 sqlite3_errmsg(db));
        return COA_EFORMAT;
    }
    if (strcmp(fmt, STORE_FORMAT) != 0) {
        coa_diag(diag, COA_DIAG_ERROR, path, 0, "an SQLite database, but not a coauthor corpus (coauthor import)");
        return COA_EFORMAT;
    }
    get_value(db, "version", NULL, 0, &version);
    get_value(db, "layout", lay, sizeof lay, NULL);
    if (version != STORE_VERSION || strcmp(lay, want) != 0) {
        coa_diag(diag, COA_DIAG_ERROR, path, 0,
                 "a coauthor corpus written by another version (%s); run 'coauthor import' again", lay);
        return COA_EFORMAT;
    }
    return COA_OK;
}

/* Reads the arrays' chunks into arrays[0 .. n) and sets their counts; on
 * failure the caller frees what was read. */
static int read_arrays(sqlite3 *db, const char *path, array_t *arrays, size_t n, const coa_diag_sink_t *diag)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT name, data FROM arrays ORDER BY name, chunk", -1, &st, NULL) != SQLITE_OK)
        return fail(diag, path, db, "cannot read the database");
    uint64_t have[32] = {0}, cap[32] = {0};
    int rc, err = COA_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        size_t k = 0;
        while (k < n && strcmp(arrays[k].name, name ? name : "") != 0)
            k++;
        if (k == n)
            continue; /* an array this build does not know: layout already matched, so none */
        const void *blob = sqlite3_column_blob(st, 1);
        size_t len = (size_t)sqlite3_column_bytes(st, 1);
        if (have[k] + len > cap[k]) {
            /* the first chunk's size, then doubling: a small database gets
             * small arrays, a chunked one a few reallocations */
            uint64_t ncap = cap[k] ? cap[k] : len;
            while (ncap < have[k] + len)
                ncap *= 2;
            void *p = realloc(*arrays[k].data, ncap);
            if (!p) {
                err = COA_ENOMEM;
                break;
            }
            *arrays[k].data = p;
            cap[k] = ncap;
        }
        if (len)
            memcpy((char *)*arrays[k].data + have[k], blob, len);
        have[k] += len;
    }
    if (!err && rc != SQLITE_DONE)
        err = fail(diag, path, db, "cannot read the database");
    sqlite3_finalize(st);
    if (err)
        return err;
    /* counts from the array sizes; every array needs at least one element */
    for (size_t k = 0; k < n; k++) {
        if (have[k] % arrays[k].elem) {
            coa_diag(diag, COA_DIAG_ERROR, path, 0, "array '%s' is damaged", arrays[k].name);
            return COA_EFORMAT;
        }
        arrays[k].count = have[k] / arrays[k].elem;
        if (!*arrays[k].data && !(*arrays[k].data = calloc(1, arrays[k].elem)))
            return COA_ENOMEM;
    }
    return COA_OK;
}

/* A count kept in the store table, 0 when absent. */
static uint32_t get_count(sqlite3 *db, const char *key)
{
    int64_t v = 0;
    get_value(db, key, NULL, 0, &v);
    return (uint32_t)v;
}

int coa_store_load(coa_corpus_t *c, const char *path, const coa_diag_sink_t *diag)
{
    uint64_t file_bytes, header_bytes;
    if (truncated(path, &file_bytes, &header_bytes)) {
        coa_diag(diag, COA_DIAG_ERROR, path, 0,
                 "the database is truncated (%llu of its %llu bytes); run 'coauthor import' again",
                 (unsigned long long)file_bytes, (unsigned long long)header_bytes);
        return COA_EFORMAT;
    }
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        int err = fail(diag, path, db, "cannot open the database");
        sqlite3_close(db);
        return err;
    }
    int err = check_header(db, path, diag);
    if (err) {
        sqlite3_close(db);
        return err;
    }
    /* the scalar counts first, so that the arrays' sizes are known */
    coa_corpus_t loaded;
    memset(&loaded, 0, sizeof loaded);
    array_t arrays[COA_STORE_MAX_ARRAYS];
    size_t n = coa_store_arrays(&loaded, arrays);
    err = read_arrays(db, path, arrays, n, diag);
    if (!err) {
        coa_store_set_counts(&loaded, arrays);
        if (!coa_store_arrays_fit(&loaded, arrays) || !consistent(&loaded)) {
            coa_diag(diag, COA_DIAG_ERROR, path, 0, "the corpus arrays do not agree; run 'coauthor import' again");
            err = COA_EFORMAT;
        }
    }
    if (err) {
        for (size_t k = 0; k < n; k++)
            free(*arrays[k].data);
        sqlite3_close(db);
        return err;
    }
    loaded.duplicate_authorships = get_count(db, "duplicate_authorships");
    loaded.duplicate_papers = get_count(db, "duplicate_papers");
    /* de-duplicated at import: not again when read alone (absent: again) */
    loaded.dedup_papers = get_count(db, "dedup_papers");
    loaded.dedup_merges = get_count(db, "dedup_merges");
    sqlite3_close(db);
    coa_corpus_destroy(c);
    *c = loaded;
    return COA_OK;
}

int coa_store_id(const char *path, uint64_t *id)
{
    sqlite3 *db = NULL;
    int64_t v = 0;
    *id = 0;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sqlite3_close(db);
        return COA_EIO;
    }
    int found = get_value(db, "store_id", NULL, 0, &v);
    sqlite3_close(db);
    if (!found)
        return COA_ENOTFOUND;
    *id = (uint64_t)v;
    return COA_OK;
}
