/* Streaming line input. */
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/input.h"
#include "core/core.h"

#define CHUNK (1u << 16)

/* ---- gzip on the second core ----
 * A gzip file is inflated by a thread beside the parser: inflating is a
 * fifth to a third of reading a compressed XML or BibTeX file, and the two
 * overlap cleanly.  The thread fills a ring of CHUNK-sized blocks; fill()
 * takes them in order.  Everything the thread learns (bytes, the end, a
 * read error, damaged data, its place in the file for the progress bar)
 * travels with the blocks, so the reader reports as without the thread. */

#define RING 8
#define MIN_THREADED ((uint64_t)1 << 18) /* smaller files are inflated in line */

enum { BLOCK_DATA, BLOCK_END, BLOCK_ERRNO, BLOCK_DAMAGE };

struct coa_inflater {
    gzFile gz;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t changed;
    char *data[RING];
    size_t len[RING];
    int kind[RING];
    int err[RING];               /* errno, for BLOCK_ERRNO */
    uint64_t offset[RING];       /* compressed bytes read after the block */
    char damage[128];            /* for BLOCK_DAMAGE */
    unsigned head, tail, count;  /* produced at head, taken at tail */
    int stop;                    /* the reader is done: the thread ends */
};

static void *inflate_thread(void *arg)
{
    struct coa_inflater *z = arg;
    for (;;) {
        pthread_mutex_lock(&z->mu);
        while (z->count == RING && !z->stop)
            pthread_cond_wait(&z->changed, &z->mu);
        int stop = z->stop;
        unsigned slot = z->head;
        pthread_mutex_unlock(&z->mu);
        if (stop)
            return NULL;
        int n = gzread(z->gz, z->data[slot], CHUNK), zerr = Z_OK, kind = BLOCK_DATA, saved = errno;
        const char *msg = n <= 0 ? gzerror(z->gz, &zerr) : NULL;
        if (n < 0 || (n == 0 && zerr != Z_OK && zerr != Z_STREAM_END)) {
            kind = zerr == Z_ERRNO ? BLOCK_ERRNO : BLOCK_DAMAGE;
            if (kind == BLOCK_DAMAGE) {
                const char *colon = msg ? strstr(msg, ": ") : NULL;
                snprintf(z->damage, sizeof z->damage, "%s", colon ? colon + 2 : msg ? msg : "damaged data");
            }
            n = 0;
        } else if (n == 0) {
            kind = BLOCK_END;
        }
        z_off_t done = gzoffset(z->gz);
        pthread_mutex_lock(&z->mu);
        z->len[slot] = (size_t)n;
        z->kind[slot] = kind;
        z->err[slot] = saved;
        z->offset[slot] = done >= 0 ? (uint64_t)done : 0;
        z->head = (z->head + 1) % RING;
        z->count++;
        pthread_cond_broadcast(&z->changed);
        pthread_mutex_unlock(&z->mu);
        if (kind != BLOCK_DATA)
            return NULL;
    }
}

static void inflater_free(struct coa_inflater *z)
{
    for (int i = 0; i < RING; i++)
        free(z->data[i]);
    free(z);
}

/* Starts the thread for a compressed file of some size; on any failure the
 * file is simply inflated in line. */
static void inflater_start(coa_input_t *in)
{
    if (!in->gz || gzdirect(in->gz) || (in->size && in->size < MIN_THREADED))
        return;
    struct coa_inflater *z = calloc(1, sizeof *z);
    if (!z)
        return;
    for (int i = 0; i < RING; i++)
        if (!(z->data[i] = malloc(CHUNK))) {
            inflater_free(z);
            return;
        }
    z->gz = in->gz;
    pthread_mutex_init(&z->mu, NULL);
    pthread_cond_init(&z->changed, NULL);
    if (pthread_create(&z->thread, NULL, inflate_thread, z) != 0) {
        pthread_mutex_destroy(&z->mu);
        pthread_cond_destroy(&z->changed);
        inflater_free(z);
        return;
    }
    in->inflater = z;
}

static void inflater_stop(coa_input_t *in)
{
    struct coa_inflater *z = in->inflater;
    if (!z)
        return;
    pthread_mutex_lock(&z->mu);
    z->stop = 1;
    pthread_cond_broadcast(&z->changed);
    pthread_mutex_unlock(&z->mu);
    pthread_join(z->thread, NULL);
    pthread_mutex_destroy(&z->mu);
    pthread_cond_destroy(&z->changed);
    inflater_free(z);
    in->inflater = NULL;
}

/* The next block from the thread into buf[end..]: what gzread would have
 * given, with the same reports.  Returns bytes added, 0 at end, -1. */
static long inflater_take(coa_input_t *in)
{
    struct coa_inflater *z = in->inflater;
    pthread_mutex_lock(&z->mu);
    while (z->count == 0)
        pthread_cond_wait(&z->changed, &z->mu);
    unsigned slot = z->tail;
    pthread_mutex_unlock(&z->mu);
    size_t n = z->len[slot];
    int kind = z->kind[slot];
    if (kind == BLOCK_DATA)
        memcpy(in->buf + in->end, z->data[slot], n);
    else if (kind == BLOCK_DAMAGE)
        snprintf(in->damage, sizeof in->damage, "%s", z->damage);
    int saved = z->err[slot];
    uint64_t done = z->offset[slot];
    pthread_mutex_lock(&z->mu);
    z->tail = (z->tail + 1) % RING;
    z->count--;
    pthread_cond_broadcast(&z->changed);
    pthread_mutex_unlock(&z->mu);
    if (kind == BLOCK_ERRNO) {
        in->error = COA_EIO;
        coa_diag(in->diag, COA_DIAG_ERROR, in->name, in->lineno + 1, "read error: %s", strerror(saved));
        return -1;
    }
    if (kind != BLOCK_DATA) {
        in->eof = 1;
        return 0;
    }
    in->compressed = done;
    if (in->progress && done >= in->next_report) {
        in->progress(in->progress_ctx, in->name, done, in->size);
        in->next_report = done + ((uint64_t)4 << 20);
    }
    in->end += n;
    return (long)n;
}

int coa_input_open(coa_input_t *in, const char *path, size_t max_line, const coa_diag_sink_t *diag)
{
    memset(in, 0, sizeof *in);
    in->name = path;
    in->diag = diag;
    in->max_line = max_line ? max_line : COA_INPUT_MAX_LINE;
    int fd;
    if (strcmp(path, "-") == 0) {
        in->name = "<stdin>";
        fd = dup(STDIN_FILENO);
    } else {
        fd = open(path, O_RDONLY);
    }
    if (fd < 0) {
        coa_diag(diag, COA_DIAG_ERROR, in->name, 0, "cannot open: %s", strerror(errno));
        return COA_EIO;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
        in->size = (uint64_t)st.st_size;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        coa_diag(diag, COA_DIAG_ERROR, in->name, 0, "is a directory, not a file");
        return COA_EIO;
    }
    in->gz = gzdopen(fd, "rb");
    if (!in->gz) {
        close(fd);
        coa_diag(diag, COA_DIAG_ERROR, in->name, 0, "cannot open: out of memory");
        return COA_ENOMEM;
    }
    gzbuffer(in->gz, 1u << 17);
    inflater_start(in);
    return COA_OK;
}

void coa_input_open_buffer(coa_input_t *in, const char *name, const void *data, size_t len,
                           size_t max_line, const coa_diag_sink_t *diag)
{
    memset(in, 0, sizeof *in);
    in->name = name;
    in->diag = diag;
    in->max_line = max_line ? max_line : COA_INPUT_MAX_LINE;
    in->mem = data;
    in->mem_len = len;
}

void coa_input_close(coa_input_t *in)
{
    inflater_stop(in);
    if (in->gz)
        gzclose(in->gz);
    COA_FREE(in->buf, in->line, in->u16);
    memset(in, 0, sizeof *in);
}

/* Reads more bytes after buf[end], as they are in the file; returns bytes
 * added, 0 at end, -1 on error. */
static long fill_block_raw(coa_input_t *in)
{
    if (in->eof || in->error)
        return 0;
    if (in->start > 0 && in->start == in->end) {
        in->start = in->end = 0;
    } else if (in->start > in->cap / 2) {
        memmove(in->buf, in->buf + in->start, in->end - in->start);
        in->end -= in->start;
        in->start = 0;
    }
    if (in->cap - in->end < CHUNK) {
        size_t cap = in->cap ? in->cap * 2 : 4 * CHUNK;
        while (cap - in->end < CHUNK)
            cap *= 2;
        char *buf = realloc(in->buf, cap + 1);
        if (!buf) {
            in->error = COA_ENOMEM;
            coa_diag(in->diag, COA_DIAG_ERROR, in->name, in->lineno, "out of memory");
            return -1;
        }
        in->buf = buf;
        in->cap = cap;
    }
    long got;
    if (in->inflater)
        return inflater_take(in);
    if (in->gz) {
        int n = gzread(in->gz, in->buf + in->end, (unsigned)(in->cap - in->end));
        int zerr = Z_OK;
        const char *msg = n <= 0 ? gzerror(in->gz, &zerr) : NULL;
        if (n < 0 || (n == 0 && zerr != Z_OK && zerr != Z_STREAM_END)) {
            if (zerr == Z_ERRNO) {
                in->error = COA_EIO;
                coa_diag(in->diag, COA_DIAG_ERROR, in->name, in->lineno + 1, "read error: %s", strerror(errno));
                return -1;
            }
            /* A damaged or cut gzip stream: keep what came before it, and
             * report it where the line reader reaches that point. */
            const char *colon = msg ? strstr(msg, ": ") : NULL;
            snprintf(in->damage, sizeof in->damage, "%s", colon ? colon + 2 : msg ? msg : "damaged data");
            in->eof = 1;
            n = 0;
        } else if (n == 0) {
            in->eof = 1;
        }
        got = n;
        if (in->progress) {
            z_off_t done = gzoffset(in->gz);
            if (done >= 0 && (uint64_t)done >= in->next_report) {
                in->progress(in->progress_ctx, in->name, (uint64_t)done, in->size);
                in->next_report = (uint64_t)done + ((uint64_t)4 << 20);
            }
        }
    } else {
        size_t n = in->mem_len - in->mem_pos;
        if (n > in->cap - in->end)
            n = in->cap - in->end;
        memcpy(in->buf + in->end, in->mem + in->mem_pos, n);
        in->mem_pos += n;
        if (n == 0)
            in->eof = 1;
        got = (long)n;
    }
    in->end += (size_t)got;
    return got;
}

/* fill_block_raw, counting the bytes read: past in->max_bytes (when set) the
 * input ends with an error, so that an endless source (/dev/zero as an
 * alias file) or a decompression bomb cannot hold the program for ever. */
static long fill_block(coa_input_t *in)
{
    long got = fill_block_raw(in);
    if (got > 0) {
        in->consumed += (uint64_t)got;
        /* a decompression bomb: no real input inflates a hundredfold (DBLP
         * about 5 times, BibTeX 4), while a gzip file of one repeated
         * byte inflates a thousandfold; checked once the data is past a
         * size that any ratio is harmless at */
        uint64_t packed = in->inflater ? in->compressed : in->gz && !gzdirect(in->gz) ? (uint64_t)gzoffset(in->gz) : 0;
        if (packed && in->consumed > COA_INFLATE_CHECK_AFTER && in->consumed / packed > COA_MAX_INFLATE_RATIO) {
            in->error = COA_EPARSE;
            coa_diag(in->diag, COA_DIAG_ERROR, in->name, in->lineno + 1,
                     "inflates more than %d times (%llu bytes from %llu): a decompression bomb, not read further",
                     COA_MAX_INFLATE_RATIO, (unsigned long long)in->consumed, (unsigned long long)packed);
            in->eof = 1;
            return -1;
        }
        if (in->max_bytes && in->consumed > in->max_bytes) {
            in->error = COA_EPARSE;
            coa_diag(in->diag, COA_DIAG_ERROR, in->name, in->lineno + 1,
                     "longer than %llu bytes, the limit for this input; not read further",
                     (unsigned long long)in->max_bytes);
            in->eof = 1;
            return -1;
        }
    }
    return got;
}

/* UTF-16: the raw block at buf[from..end) (after any bytes carried from
 * the last block) becomes UTF-8 at buf[from..). */
static int decode_utf16(coa_input_t *in, size_t from)
{
    size_t raw = in->n_carry + (in->end - from);
    if (raw > in->u16_cap) {
        unsigned char *p = realloc(in->u16, raw);
        if (!p)
            return COA_ENOMEM;
        in->u16 = p;
        in->u16_cap = raw;
    }
    memcpy(in->u16, in->carry, in->n_carry);
    memcpy(in->u16 + in->n_carry, in->buf + from, in->end - from);
    size_t need = from + raw / 2 * 3 + 4;
    if (need > in->cap) {
        char *buf = realloc(in->buf, need + 1);
        if (!buf)
            return COA_ENOMEM;
        in->buf = buf;
        in->cap = need;
    }
    size_t used;
    in->end = from + coa_utf16_decode(in->encoding, in->u16, raw, &used, in->buf + from);
    in->n_carry = raw - used; /* at most 3 bytes: a cut unit or surrogate pair */
    memcpy(in->carry, in->u16 + used, in->n_carry);
    if (in->eof && in->n_carry) {
        memcpy(in->buf + in->end, "\xEF\xBF\xBD", 3); /* half a character at the very end */
        in->end += 3;
        in->n_carry = 0;
    }
    return COA_OK;
}

/* Line ends: decided at the first one in the file.  A lone CR there means
 * an old-Mac file, where every CR ends a line (a CRLF still ends one). */
static void translate_cr(coa_input_t *in, size_t from)
{
    if (in->line_ends == 0) {
        if (from > in->start && in->buf[from - 1] == '\r' && from < in->end) {
            /* the last block ended on the file's first line end, a CR */
            in->line_ends = in->buf[from] == '\n' ? 1 : 2;
            if (in->line_ends == 2) {
                in->buf[from - 1] = '\n';
                in->prev_cr = 1;
            }
        }
        for (size_t i = from; in->line_ends == 0 && i < in->end; i++) {
            if (in->buf[i] == '\n')
                in->line_ends = 1;
            else if (in->buf[i] == '\r' && i + 1 < in->end)
                in->line_ends = in->buf[i + 1] == '\n' ? 1 : 2;
            else if (in->buf[i] == '\r')
                return; /* decided by the next block */
        }
        if (in->line_ends != 2)
            return;
    }
    if (in->line_ends != 2)
        return;
    size_t w = from;
    int prev = in->prev_cr;
    for (size_t i = from; i < in->end; i++) {
        char ch = in->buf[i];
        if (ch == '\n' && prev) {
            prev = 0;
            continue;
        }
        prev = ch == '\r';
        in->buf[w++] = prev ? '\n' : ch;
    }
    in->prev_cr = prev;
    in->end = w;
}

/* Reads the next block and hands it on as UTF-8 text with LF line ends
 * (see src/core/encoding.c); returns bytes added, 0 at end, -1 on error. */
static long fill(coa_input_t *in)
{
    for (;;) {
        long got = fill_block(in);
        if (got < 0)
            return got;
        size_t from = in->end - (size_t)got; /* fill_block may have moved the bytes before */
        if (!in->sniffed && (got > 0 || in->eof)) {
            in->sniffed = 1;
            size_t bom;
            in->encoding = coa_encoding_sniff((unsigned char *)in->buf + from, (size_t)got, &bom);
            if (bom) {
                memmove(in->buf + from, in->buf + from + bom, (size_t)got - bom);
                in->end -= bom;
            }
        }
        if (in->encoding != COA_ENC_UTF8 && (in->end > from || in->n_carry)) {
            if (decode_utf16(in, from)) {
                in->error = COA_ENOMEM;
                coa_diag(in->diag, COA_DIAG_ERROR, in->name, in->lineno, "out of memory");
                return -1;
            }
        }
        translate_cr(in, from);
        long added = (long)(in->end - from);
        /* a block can shrink to nothing (a BOM alone, a cut character):
         * read on, so that 0 still means the end */
        if (added > 0 || in->eof || in->error)
            return added;
    }
}

int coa_input_peek(coa_input_t *in, size_t want, const unsigned char **data, size_t *len)
{
    while (in->end - in->start < want && !in->eof) {
        if (fill(in) < 0)
            return in->error;
    }
    *data = (const unsigned char *)in->buf + in->start;
    *len = in->end - in->start;
    if (!in->buf)
        *data = (const unsigned char *)"";
    return COA_OK;
}

size_t coa_utf8_seq(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c >= 0x01 && c < 0x80)
        return 1;
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

int coa_utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (p[i] >= 0x01 && p[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = coa_utf8_seq(p + i, len - i);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

static int ensure_line(coa_input_t *in, size_t need)
{
    return coa_grow_array(&in->line, &in->line_cap, need, 1, 256);
}

/* Copies raw[0..len) into in->line: a byte that is not part of valid
 * UTF-8 is read as Windows-1252 (src/core/encoding.c says why), reported
 * once for the file; a NUL byte becomes U+FFFD, reported on its line. */
static int sanitise(coa_input_t *in, const char *raw, size_t len)
{
    if (ensure_line(in, len * 3 + 1))
        return COA_ENOMEM;
    const unsigned char *p = (const unsigned char *)raw;
    size_t i = 0, w = 0;
    int nul = 0, legacy = 0;
    while (i < len) {
        size_t k = coa_utf8_seq(p + i, len - i);
        if (k) {
            memcpy(in->line + w, p + i, k);
            w += k;
            i += k;
        } else if (p[i] == 0) {
            memcpy(in->line + w, "\xEF\xBF\xBD", 3);
            w += 3;
            i++;
            nul = 1;
        } else {
            w += coa_cp1252_put(p[i], in->line + w);
            i++;
            legacy = 1;
        }
    }
    in->line[w] = '\0';
    in->bad_lines++;
    if (legacy && !in->legacy_line) {
        in->legacy_line = in->lineno;
        coa_diag(in->diag, COA_DIAG_WARNING, in->name, in->lineno,
                 "not valid UTF-8: read as Windows-1252 (Latin-1), first on this line; later lines not reported");
    }
    if (nul)
        coa_diag(in->diag, COA_DIAG_WARNING, in->name, in->lineno, "NUL byte replaced by U+FFFD");
    return (int)w;
}

int coa_input_next(coa_input_t *in, const char **line, size_t *len)
{
    in->too_long = 0;
    size_t scanned = 0;
    for (;;) {
        /* no pointer arithmetic before the first fill: buf is NULL then */
        size_t avail = in->end - in->start - scanned;
        char *nl = avail ? memchr(in->buf + in->start + scanned, '\n', avail) : NULL;
        size_t linelen;
        if (nl) {
            linelen = (size_t)(nl - (in->buf + in->start));
        } else if (in->end - in->start > in->max_line) {
            /* discard the rest of an over-long line without keeping it */
            in->lineno++;
            in->too_long = 1;
            in->long_lines++;
            coa_diag(in->diag, COA_DIAG_WARNING, in->name, in->lineno,
                     "line longer than %zu bytes skipped", in->max_line);
            for (;;) {
                in->start = in->end = 0;
                if (fill(in) <= 0)
                    break;
                nl = memchr(in->buf, '\n', in->end);
                if (nl) {
                    in->start = (size_t)(nl - in->buf) + 1;
                    break;
                }
            }
            if (in->error)
                return -1;
            if (ensure_line(in, 1))
                return -1;
            in->line[0] = '\0';
            *line = in->line;
            *len = 0;
            return 1;
        } else if (in->eof) {
            if (in->end == in->start) {
                if (in->damage[0] && !in->damaged) {
                    in->damaged = 1;
                    coa_diag(in->diag, COA_DIAG_WARNING, in->name, in->lineno + 1,
                             "compressed data ends early (%s); records before this line kept", in->damage);
                }
                return 0;
            }
            linelen = in->end - in->start;
        } else {
            scanned = in->end - in->start;
            if (fill(in) < 0)
                return -1;
            continue;
        }
        char *raw = in->buf + in->start;
        in->start += linelen + (nl ? 1 : 0);
        in->lineno++;
        if (linelen > in->max_line) {
            in->too_long = 1;
            in->long_lines++;
            coa_diag(in->diag, COA_DIAG_WARNING, in->name, in->lineno,
                     "line longer than %zu bytes skipped", in->max_line);
            linelen = 0;
        }
        if (linelen > 0 && raw[linelen - 1] == '\r')
            linelen--;
        if (coa_utf8_valid(raw, linelen)) {
            raw[linelen] = '\0'; /* the newline's place, or the spare byte at the end */
            *line = raw;
            *len = linelen;
            return 1;
        }
        int w = sanitise(in, raw, linelen);
        if (w < 0) {
            in->error = COA_ENOMEM;
            return -1;
        }
        *line = in->line;
        *len = (size_t)w;
        return 1;
    }
}

long coa_input_read_raw(coa_input_t *in, void *dst, size_t n)
{
    if (in->start == in->end && fill(in) < 0)
        return -1;
    size_t have = in->end - in->start;
    if (have > n)
        have = n;
    if (have)
        memcpy(dst, in->buf + in->start, have);
    in->start += have;
    return (long)have;
}

int coa_input_slurp(coa_input_t *in, char **data, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return COA_ENOMEM;
    for (;;) {
        if (n == cap) {
            char *nb = cap <= SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
            if (!nb) {
                free(buf);
                return COA_ENOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        long got = coa_input_read_raw(in, buf + n, cap - n);
        if (got < 0) {
            free(buf);
            return in->error ? in->error : COA_EIO;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    *data = buf;
    *len = n;
    return COA_OK;
}
