/* The adapter from bibutils records to the corpus (see bibutils_common.h). */
#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <bibutils/bibformats.h>

#include "bibutils_common.h"
#include "corpus/internal.h"

/* ---- the input text ---- */

static int text_reserve(coa_bu_text_t *t, size_t need)
{
    if (need <= t->cap)
        return COA_OK;
    return coa_grow_array(&t->text, &t->cap, need, 1, 1u << 16);
}

static int push_line(coa_bu_text_t *t)
{
    if (t->n_stored == t->stored_cap) {
        long cap = t->stored_cap ? t->stored_cap * 2 : 4096;
        size_t *p = realloc(t->line_off, (size_t)cap * sizeof *p);
        if (!p)
            return COA_ENOMEM;
        t->line_off = p;
        t->stored_cap = cap;
    }
    t->line_off[t->n_stored++] = t->len;
    return COA_OK;
}

static int marked_starts(const coa_bu_starts_t *m, const char *line, size_t len);

/* A BibTeX "crossref =" on the line, in any case. */
static int has_crossref(const char *s, size_t n)
{
    for (size_t i = 0; i + 8 <= n; i++) {
        if ((s[i] | 0x20) != 'c' || strncasecmp(s + i, "crossref", 8) != 0)
            continue;
        size_t k = i + 8;
        while (k < n && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (k < n && s[k] == '=')
            return 1;
    }
    return 0;
}

/* Whether a record starts on a line, as the reader will find them. */
static int record_starts(const coa_bu_cut_t *cut, const char *line, size_t len, const char *prev, size_t prev_len)
{
    if (cut->bibtex) {
        size_t k = 0;
        while (k < len && (line[k] == ' ' || line[k] == '\t'))
            k++;
        return k < len && line[k] == '@';
    }
    if (cut->marks)
        return marked_starts(cut->marks, line, len) > 0;
    return cut->starts(line, len, prev, prev_len) > 0;
}

static int keep_copy(char **buf, size_t *cap, size_t *len, const char *s, size_t n)
{
    if (coa_grow_array(buf, cap, n + 1, 1, 256))
        return COA_ENOMEM;
    memcpy(*buf, s, n);
    (*buf)[n] = '\0';
    *len = n;
    return COA_OK;
}

static int add_gap(coa_bu_text_t *t, long first, long count)
{
    long before = t->n_gaps ? t->gaps[t->n_gaps - 1].count : 0;
    if (coa_grow_array(&t->gaps, &t->gaps_cap, t->n_gaps + 1, sizeof *t->gaps, 16))
        return COA_ENOMEM;
    t->gaps[t->n_gaps++] = (coa_bu_gap_t){t->n_stored, first, before + count};
    return COA_OK;
}

int coa_bu_text_next(coa_bu_text_t *t, coa_reader_ctx_t *ctx, const coa_bu_cut_t *cut)
{
    coa_input_t *in = ctx->in;
    const char *env = getenv("COAUTHOR_BU_CHUNK");
    long v = env ? atol(env) : 0;
    size_t chunk = v > 0 ? (size_t)v : COA_BU_CHUNK;
    /* the lines of the chunks before are one gap */
    t->first = t->n_lines + 1;
    t->len = 0;
    t->n_stored = t->n_long = 0;
    t->n_gaps = 0;
    if (text_reserve(t, 1))
        return COA_ENOMEM;
    t->text[0] = '\0';
    if (t->first > 1 && add_gap(t, 1, t->first - 1))
        return COA_ENOMEM;
    /* the record being read: where it starts, and what came before it */
    size_t rec_off = 0;
    long rec_line = t->first, rec_stored = 0;
    size_t rec_gaps = t->n_gaps, rec_long = 0;
    int prev_blank = 0, prev_skipped = 0, skipping = 0;
    for (;;) {
        const char *line;
        size_t len;
        int too_long = 0;
        if (t->has_pending) {
            line = t->pending;
            len = t->pending_len;
            t->has_pending = 0;
        } else {
            int r = coa_input_next(in, &line, &len);
            if (r < 0)
                return in->error ? in->error : COA_EIO;
            if (r == 0) {
                t->done = 1;
                break;
            }
            too_long = in->too_long;
        }
        t->n_lines++;
        if (t->n_lines == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
            line += 3; /* a byte-order mark */
            len -= 3;
        }
        if (!too_long && t->n_lines > t->first &&
            record_starts(cut, line, len, t->n_lines > 1 ? t->prev : NULL, t->prev_len)) {
            skipping = 0;
            if (!t->whole && t->len >= chunk) {
                /* the chunk ends before this record */
                if (keep_copy(&t->pending, &t->pending_cap, &t->pending_len, line, len))
                    return COA_ENOMEM;
                t->has_pending = 1;
                t->n_lines--;
                break;
            }
            rec_off = t->len;
            rec_line = t->n_lines;
            rec_stored = t->n_stored;
            rec_gaps = t->n_gaps;
            rec_long = t->n_long;
        }
        if (cut->starts && keep_copy(&t->prev, &t->prev_cap, &t->prev_len, line, too_long ? 0 : len))
            return COA_ENOMEM;
        if (skipping) { /* the rest of a record too long to keep */
            t->gaps[t->n_gaps - 1].count++;
            continue;
        }
        if (cut->bibtex == COA_BU_BIBTEX_WHOLE && !t->whole && has_crossref(line, len))
            t->whole = 1; /* bibutils resolves a crossref only within one call */
        if (too_long) {
            if (coa_grow_array(&t->long_lines, &t->long_cap, t->n_long + 1, sizeof *t->long_lines, 16))
                return COA_ENOMEM;
            t->long_lines[t->n_long++] = t->n_lines;
        }
        if (len == 0 && prev_blank && !too_long) {
            /* the second and later blank lines of a run: a gap */
            if (prev_skipped) {
                t->gaps[t->n_gaps - 1].count++;
                continue;
            }
            prev_skipped = 1;
            if (add_gap(t, t->n_lines, 1))
                return COA_ENOMEM;
            continue;
        }
        prev_blank = len == 0;
        prev_skipped = 0;
        if (push_line(t) || text_reserve(t, t->len + len + 2))
            return COA_ENOMEM;
        memcpy(t->text + t->len, line, len);
        t->len += len;
        t->text[t->len++] = '\n';
        t->text[t->len] = '\0';
        if (t->len - rec_off > COA_BU_MAX_RECORD) {
            /* too long a record: left out, its lines a gap, up to the next */
            int err = coa_reader_skip(ctx, rec_line, "record longer than %zu bytes", COA_BU_MAX_RECORD);
            if (err)
                return err;
            t->records_over++;
            t->len = rec_off;
            t->text[t->len] = '\0';
            t->n_stored = rec_stored;
            t->n_gaps = rec_gaps;
            t->n_long = rec_long;
            if (add_gap(t, rec_line, t->n_lines - rec_line + 1))
                return COA_ENOMEM;
            skipping = 1;
            prev_blank = prev_skipped = 0;
        }
    }
    /* a blank line after the last record: bibutils' Copac reader ends a
     * record only at a blank line, and dropped a last record that ran to
     * the end of the file; the other readers ignore it */
    if (text_reserve(t, t->len + 2))
        return COA_ENOMEM;
    t->text[t->len++] = '\n';
    t->text[t->len] = '\0';
    return COA_OK;
}

void coa_bu_text_destroy(coa_bu_text_t *t)
{
    COA_FREE(t->text, t->line_off, t->gaps, t->long_lines, t->pending, t->prev);
    memset(t, 0, sizeof *t);
}

/* The last gap whose lines come before 'line' (or hold it: *inside), or
 * NULL when none does. */
static const coa_bu_gap_t *gap_before_line(const coa_bu_text_t *t, long line, int *inside)
{
    *inside = 0;
    size_t lo = 0, hi = t->n_gaps; /* gaps[lo..hi): first > line from hi on */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->gaps[mid].first <= line)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    const coa_bu_gap_t *g = &t->gaps[lo - 1];
    long size = g->count - (lo > 1 ? g[-1].count : 0);
    *inside = line < g->first + size;
    return g;
}

/* The stored index (1-based) of 'line', or of the next stored line when
 * it was left out. */
static long stored_of(const coa_bu_text_t *t, long line)
{
    int inside;
    const coa_bu_gap_t *g = gap_before_line(t, line, &inside);
    if (!g)
        return line;
    if (inside)
        return g->stored + 1;
    return line - g->count;
}

long coa_bu_text_line_at(const coa_bu_text_t *t, size_t off)
{
    long lo = 0, hi = t->n_stored; /* the last stored line starting at or before off */
    if (hi == 0)
        return 0;
    while (hi - lo > 1) {
        long mid = lo + (hi - lo) / 2;
        if (t->line_off[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    long stored = lo + 1;
    /* the file's line: add the lines of the gaps before this stored line */
    size_t glo = 0, ghi = t->n_gaps;
    while (glo < ghi) {
        size_t mid = glo + (ghi - glo) / 2;
        if (t->gaps[mid].stored < stored)
            glo = mid + 1;
        else
            ghi = mid;
    }
    return stored + (glo ? t->gaps[glo - 1].count : 0);
}

const char *coa_bu_text_line(const coa_bu_text_t *t, long line, size_t *len)
{
    int inside = 0;
    if (line >= 1 && line <= t->n_lines && t->n_gaps)
        gap_before_line(t, line, &inside);
    if (line < 1 || line > t->n_lines || inside) {
        *len = 0;
        return "";
    }
    long s = stored_of(t, line);
    size_t a = t->line_off[s - 1];
    size_t b = s < t->n_stored ? t->line_off[s] : t->len;
    *len = b - a - 1; /* without the newline */
    return t->text + a;
}

long coa_bu_text_long_line(const coa_bu_text_t *t, long from, long to)
{
    size_t lo = 0, hi = t->n_long; /* the first at or after 'from' (they are in order) */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->long_lines[mid] < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < t->n_long && (t->long_lines[lo] < to || to <= from))
        return t->long_lines[lo];
    return 0;
}

size_t coa_bu_text_offset(const coa_bu_text_t *t, long line)
{
    if (line < 1)
        return 0;
    long s = line > t->n_lines ? t->n_stored + 1 : stored_of(t, line);
    return s <= t->n_stored ? t->line_off[s - 1] : t->len;
}

int coa_bu_drop_long_lines(coa_reader_ctx_t *ctx, const coa_bu_text_t *t, coa_bu_locs_t *locs)
{
    int err = COA_OK;
    for (size_t i = 0; i < t->n_long && !err; i++) {
        long line = t->long_lines[i];
        /* after a blank line (or first in the file), the line most likely
         * held a record of its own (its start is lost with it): that is
         * the record skipped, and the one before stays */
        size_t prev_len = 0;
        int prev_long = i > 0 && t->long_lines[i - 1] == line - 1;
        if (line == 1 || (coa_bu_text_line(t, line - 1, &prev_len), prev_len == 0 && !prev_long)) {
            err = coa_reader_skip(ctx, line, "line longer than %zu bytes; the record on it", ctx->in->max_line);
            continue;
        }
        /* the record it is in: the last one starting at or before it */
        long lo = 0, hi = locs->n;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (locs->items[mid].line <= line)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo == 0 || locs->items[lo - 1].drop)
            continue; /* before any record, or already left out */
        coa_bu_loc_t *loc = &locs->items[lo - 1];
        loc->drop = 1;
        err = coa_reader_skip(ctx, loc->line, "line %ld of this record is longer than %zu bytes", line,
                              ctx->in->max_line);
    }
    return err;
}

/* ---- record locations ---- */

int coa_bu_locs_add(coa_bu_locs_t *l, long line, const char *key, size_t key_len)
{
    if (l->n == l->cap) {
        long cap = l->cap ? l->cap * 2 : 256;
        coa_bu_loc_t *p = realloc(l->items, (size_t)cap * sizeof *p);
        if (!p)
            return COA_ENOMEM;
        l->items = p;
        l->cap = cap;
    }
    coa_bu_loc_t *loc = &l->items[l->n];
    memset(loc, 0, sizeof *loc);
    loc->line = line;
    loc->ordinal = l->base + l->n + 1;
    if (key && key_len) {
        loc->key = strndup(key, key_len);
        if (!loc->key)
            return COA_ENOMEM;
    }
    l->n++;
    return COA_OK;
}

void coa_bu_locs_destroy(coa_bu_locs_t *l)
{
    for (long i = 0; i < l->n; i++)
        free(l->items[i].key);
    free(l->items);
    memset(l, 0, sizeof *l);
}

/* ---- running bibutils ---- */

static int init_params(param *p, int informat)
{
    const char *prog = "coauthor";
    switch (informat) {
    case BIBL_BIBTEXIN: return bibtexin_initparams(p, prog);
    case BIBL_BIBLATEXIN: return biblatexin_initparams(p, prog);
    case BIBL_RISIN: return risin_initparams(p, prog);
    case BIBL_ENDNOTEIN: return endin_initparams(p, prog);
    case BIBL_ENDNOTEXMLIN: return endxmlin_initparams(p, prog);
    case BIBL_ISIIN: return isiin_initparams(p, prog);
    case BIBL_MEDLINEIN: return medin_initparams(p, prog);
    case BIBL_NBIBIN: return nbibin_initparams(p, prog);
    case BIBL_COPACIN: return copacin_initparams(p, prog);
    case BIBL_MODSIN: return modsin_initparams(p, prog);
    default: return BIBL_ERR_BADINPUT;
    }
}

/* Reads what was written to f since it was created into a new string. */
static char *slurp(FILE *f)
{
    if (fseek(f, 0, SEEK_END) != 0)
        return strdup("");
    long n = ftell(f);
    if (n < 0 || fseek(f, 0, SEEK_SET) != 0)
        return strdup("");
    char *s = malloc((size_t)n + 1);
    if (!s)
        return NULL;
    size_t got = fread(s, 1, (size_t)n, f);
    s[got] = '\0';
    return s;
}


/* While bibutils runs, its stderr goes to a capture file; if it aborts
 * (an assertion in bibutils 7.2, as fuzzing found), this copies what it
 * wrote to the real stderr first.  Only async-signal-safe calls. */
static volatile sig_atomic_t abort_capture = -1, abort_stderr = -1;
static const char *volatile abort_name;
static struct sigaction abort_previous;

static void put(int fd, const char *s)
{
    size_t n = strlen(s);
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

static void on_abort(int sig)
{
    int cap = abort_capture, err = abort_stderr;
    if (cap >= 0 && err >= 0) {
        char buf[4096];
        ssize_t n;
        put(err, "coauthor: ");
        put(err, abort_name ? abort_name : "input");
        put(err, ": bibutils failed inside its reader (an assertion); it said:\n");
        lseek(cap, 0, SEEK_SET);
        while ((n = read(cap, buf, sizeof buf)) > 0)
            if (write(err, buf, (size_t)n) != n)
                break;
        dup2(err, STDERR_FILENO);
    }
    sigaction(sig, &abort_previous, NULL);
    raise(sig);
}

int coa_bu_run(int informat, const char *text, size_t len, const char *name, bibl *out, char **messages)
{
    int err = COA_OK;
    param p;
    memset(&p, 0, sizeof p);
    bibl_init(out);
    *messages = NULL;
    if (init_params(&p, informat) != BIBL_OK) {
        bibl_freeparams(&p);
        return COA_ENOMEM;
    }
    /* the input layer has already made the text valid UTF-8 */
    p.charsetin = BIBL_CHARSET_UNICODE;
    p.charsetin_src = BIBL_SRC_USER;
    p.utf8in = 1;
    /* bibutils 7.2's biblatex reader fails every record with
     * BIBL_ERR_MEMERR when titles are not split (found by fuzzing);
     * a split title comes back as TITLE and SUBTITLE, which we join */
    p.nosplittitle = informat != BIBL_BIBLATEXIN;
    p.verbose = 0;
    if (len == 0) {
        bibl_freeparams(&p);
        *messages = strdup("");
        return *messages ? COA_OK : COA_ENOMEM;
    }
    FILE *fp = fmemopen((void *)text, len, "r");
    FILE *cap = tmpfile();
    struct sigaction abrt, old_abrt;
    int handler_set = 0;
    int saved = -1;
    if (!fp || !cap) {
        err = fp ? COA_EIO : COA_ENOMEM;
        goto cleanup;
    }
    /* bibutils prints its warnings on stderr by itself: point file
     * descriptor 2 at a temporary file for the duration of the call. */
    fflush(stderr);
    saved = dup(STDERR_FILENO);
    if (saved < 0 || dup2(fileno(cap), STDERR_FILENO) < 0) {
        err = COA_EIO;
        goto cleanup;
    }
    /* an assertion inside bibutils aborts the program: show what it said
     * (it went to the capture file) before the program ends */
    abort_capture = fileno(cap);
    abort_stderr = saved;
    abort_name = name;
    memset(&abrt, 0, sizeof abrt);
    abrt.sa_handler = on_abort;
    sigemptyset(&abrt.sa_mask);
    handler_set = sigaction(SIGABRT, &abrt, &old_abrt) == 0;
    abort_previous = old_abrt;
    if (getenv("COAUTHOR_FAULT_BIBUTILS_ABORT")) { /* fault injection for tests/cli/fail-bibutils-abort */
        fputs("bibutils_common.c: simulated assertion failure\n", stderr);
        fflush(stderr);
        abort();
    }
    int status = bibl_read(out, fp, (char *)name, &p);
    if (handler_set)
        sigaction(SIGABRT, &old_abrt, NULL);
    abort_capture = abort_stderr = -1;
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    if (status == BIBL_ERR_MEMERR)
        err = COA_ENOMEM;
    else if (status != BIBL_OK)
        err = COA_EPARSE;
    *messages = slurp(cap);
    if (!*messages && !err)
        err = COA_ENOMEM;
    if (err)
        bibl_free(out); /* records converted before the failure; callers free only on success */
cleanup:
    if (saved >= 0)
        close(saved);
    if (cap)
        fclose(cap);
    if (fp)
        fclose(fp);
    bibl_freeparams(&p);
    return err;
}

/* ---- one record to one paper ---- */

static const char *find_value(fields *f, int level, const char *tag)
{
    const char *v = fields_findv(f, level, FIELDS_CHRP_NOUSE, tag);
    return v && *v ? v : NULL;
}

static int parse_year(const char *s)
{
    for (; s && *s; s++) {
        if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]) &&
            isdigit((unsigned char)s[3]) && !isdigit((unsigned char)s[4])) {
            int y = atoi(s);
            return y >= 1 && y <= 9999 ? y : 0;
        }
        while (isdigit((unsigned char)*s))
            s++;
        if (!*s)
            break;
    }
    return 0;
}

static int parse_month(const char *s)
{
    static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    if (!s)
        return 0;
    while (*s == ' ')
        s++;
    if (isdigit((unsigned char)*s)) {
        int m = atoi(s);
        return m >= 1 && m <= 12 ? m : 0;
    }
    for (int i = 0; i < 12; i++)
        if (strncasecmp(s, names[i], 3) == 0)
            return i + 1;
    return 0;
}

/* A name in braces ("{IEEE}", "{Arbortext Inc}") reaches us as one
 * element kept as is: an organisation when it has several words or is an
 * acronym; a single ordinary word ("Aristotle") stays a person. */
static int asis_is_organisation(const char *s)
{
    if (strchr(s, ' '))
        return 1;
    int upper = 0;
    for (const char *p = s; *p; p++) {
        if (isupper((unsigned char)*p))
            upper++;
        else if (!isdigit((unsigned char)*p) && *p != '&' && *p != '-')
            return 0;
    }
    return upper >= 2;
}

typedef struct {
    char *s;
    size_t len, cap;
} buf_t;

static int buf_put(buf_t *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 128;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p)
            return COA_ENOMEM;
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return COA_OK;
}

/* "Jr", "III", "3rd" and the like, with or without a full stop. */
static int is_suffix_word(const char *p, size_t n)
{
    char w[8];
    while (n && (p[n - 1] == '.' || p[n - 1] == ','))
        n--; /* "Nyberg, 3rd, Eric H." gives "3rd," */
    if (n == 0 || n >= sizeof w)
        return 0;
    for (size_t i = 0; i < n; i++)
        w[i] = (char)tolower((unsigned char)p[i]);
    return coa_name_suffix(w, n);
}

/* bibutils keeps a person as "Family|Given|Given||Suffix"; we write
 * "Given Given Family Suffix", with a full stop after a bare initial, so
 * that every source spells names the same way round. */
static int person_name(const char *v, buf_t *b)
{
    b->len = 0;
    const char *bar = strchr(v, '|');
    size_t family_len = bar ? (size_t)(bar - v) : strlen(v);
    const char *p = bar ? bar + 1 : NULL;
    const char *suffix = NULL;
    while (p && *p) {
        const char *e = strchr(p, '|');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 0) { /* "||" starts the suffix */
            suffix = e ? e + 1 : NULL;
            break;
        }
        /* "Nyberg, 3rd, Eric H." reaches us with "3rd" as a given name */
        if (!suffix && e && e[1] && e[1] != '|' && is_suffix_word(p, n)) {
            suffix = p;
            p = e + 1;
            continue;
        }
        if (b->len && buf_put(b, " ", 1))
            return COA_ENOMEM;
        if (buf_put(b, p, n))
            return COA_ENOMEM;
        if (n == 1 && isupper((unsigned char)*p) && buf_put(b, ".", 1))
            return COA_ENOMEM;
        p = e ? e + 1 : NULL;
    }
    /* "Ramakrishnan, IV" reaches us with "IV" as a suffix and no given
     * name: it is the initials I. V. */
    if (!b->len && suffix && *suffix) {
        size_t sl = strcspn(suffix, "|");
        int initials = sl >= 1 && sl <= 3;
        for (size_t i = 0; i < sl && initials; i++)
            initials = isupper((unsigned char)suffix[i]);
        for (size_t i = 0; i < sl && initials; i++) {
            char two[3] = {suffix[i], '.', ' '};
            if (buf_put(b, two, i + 1 < sl ? 3 : 2))
                return COA_ENOMEM;
        }
        if (initials)
            suffix = NULL;
    }
    if (b->len && family_len && buf_put(b, " ", 1))
        return COA_ENOMEM;
    if (buf_put(b, v, family_len))
        return COA_ENOMEM;
    if (suffix && *suffix) {
        if (buf_put(b, " ", 1) || buf_put(b, suffix, strcspn(suffix, "|")))
            return COA_ENOMEM;
    }
    /* a comma kept inside braces ("{Fletcher, III}") would make the name
     * look like "Last, First" to the match key */
    size_t w = 0;
    for (size_t i = 0; i < b->len; i++)
        if (b->s[i] != ',')
            b->s[w++] = b->s[i];
    b->len = w;
    b->s[w] = '\0';
    return COA_OK;
}

/* bibutils turns "and others" into "et al." only in some spellings; the
 * rest reach us as a person named "others". */
static int is_etal(const char *v)
{
    return strcasecmp(v, "et al.") == 0 || strcasecmp(v, "et al") == 0 || strcasecmp(v, "others") == 0 ||
           strcasecmp(v, "others|") == 0;
}

/* Cleans what bibutils leaves of LaTeX it does not know: "\slash" becomes
 * '/', and the backslash of other commands goes ("\TeX" is "TeX"). */
static void untex(char *s)
{
    size_t w = 0;
    for (size_t i = 0; s[i];) {
        if (s[i] == '\\' && strncmp(s + i + 1, "slash", 5) == 0 && !isalpha((unsigned char)s[i + 6])) {
            s[w++] = '/';
            i += 6;
            while (s[i] == ' ')
                i++;
        } else if (s[i] == '\\' && isalpha((unsigned char)s[i + 1])) {
            i++;
        } else {
            s[w++] = s[i++];
        }
    }
    s[w] = '\0';
}

static int is_author_tag(const char *tag, int *kind)
{
    if (strcmp(tag, "AUTHOR") == 0)
        *kind = 0;
    else if (strcmp(tag, "AUTHOR:ASIS") == 0)
        *kind = 1;
    else if (strcmp(tag, "AUTHOR:CORP") == 0)
        *kind = 2;
    else
        return 0;
    return 1;
}

int coa_bu_rec_add_author(coa_bu_rec_t *r, const char *value, int kind)
{
    if (r->n_authors == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        const char **a = realloc(r->author, cap * sizeof *a);
        if (!a)
            return COA_ENOMEM;
        r->author = a;
        unsigned char *k = realloc(r->kind, cap);
        if (!k)
            return COA_ENOMEM;
        r->kind = k;
        r->cap = cap;
    }
    r->author[r->n_authors] = value;
    r->kind[r->n_authors++] = (unsigned char)kind;
    return COA_OK;
}

void coa_bu_rec_clear(coa_bu_rec_t *r)
{
    const char **a = r->author;
    unsigned char *k = r->kind;
    size_t cap = r->cap;
    memset(r, 0, sizeof *r);
    r->author = a;
    r->kind = k;
    r->cap = cap;
}

void coa_bu_rec_destroy(coa_bu_rec_t *r)
{
    free(r->author);
    free(r->kind);
    memset(r, 0, sizeof *r);
}

int coa_bu_rec_from_fields(fields *ref, const char *key, coa_bu_rec_t *r)
{
    coa_bu_rec_clear(r);
    for (int i = 0; i < ref->n; i++) {
        int kind;
        if (ref->entries[i]->level != LEVEL_MAIN)
            continue;
        if (!is_author_tag(ref->entries[i]->tag.data ? ref->entries[i]->tag.data : "", &kind))
            continue;
        const char *v = ref->entries[i]->value.data;
        if (v && *v && coa_bu_rec_add_author(r, v, kind))
            return COA_ENOMEM;
    }
    r->title = find_value(ref, LEVEL_MAIN, "TITLE");
    r->subtitle = find_value(ref, LEVEL_MAIN, "SUBTITLE");
    r->venue = find_value(ref, LEVEL_HOST, "TITLE");
    if (!r->venue)
        r->venue = find_value(ref, LEVEL_HOST, "SHORTTITLE");
    if (!r->venue)
        r->venue = find_value(ref, LEVEL_SERIES, "TITLE");
    r->doi = find_value(ref, LEVEL_ANY, "DOI");
    if (!key)
        key = find_value(ref, LEVEL_ANY, "ISIREFNUM");
    if (!key)
        key = find_value(ref, LEVEL_ANY, "PMID");
    if (!key)
        key = find_value(ref, LEVEL_MAIN, "REFNUM");
    r->key = key;
    r->year = find_value(ref, LEVEL_ANY, "DATE:YEAR");
    if (!r->year)
        r->year = find_value(ref, LEVEL_ANY, "PARTDATE:YEAR");
    r->month = find_value(ref, LEVEL_ANY, "DATE:MONTH");
    if (!r->month)
        r->month = find_value(ref, LEVEL_ANY, "PARTDATE:MONTH");
    return COA_OK;
}

static int same_str(const char *a, const char *b)
{
    return (!a || !*a) ? (!b || !*b) : (b && strcmp(a, b) == 0);
}

const char *coa_bu_rec_diff(const coa_bu_rec_t *a, const coa_bu_rec_t *b, char *detail, size_t cap)
{
#define DIFF(what, x, y)                                                                                   \
    do {                                                                                                   \
        snprintf(detail, cap, "'%.80s' against '%.80s'", (x) ? (x) : "", (y) ? (y) : "");                    \
        return what;                                                                                       \
    } while (0)
    size_t n = a->n_authors < b->n_authors ? a->n_authors : b->n_authors;
    for (size_t i = 0; i < n; i++)
        if (a->kind[i] != b->kind[i] || strcmp(a->author[i], b->author[i]) != 0)
            DIFF("an author", a->author[i], b->author[i]);
    if (a->n_authors != b->n_authors)
        DIFF("the number of authors", a->n_authors > n ? a->author[n] : "", b->n_authors > n ? b->author[n] : "");
    if (!same_str(a->title, b->title))
        DIFF("the title", a->title, b->title);
    if (!same_str(a->subtitle, b->subtitle))
        DIFF("the subtitle", a->subtitle, b->subtitle);
    if (!same_str(a->venue, b->venue))
        DIFF("the venue", a->venue, b->venue);
    if (!same_str(a->doi, b->doi))
        DIFF("the DOI", a->doi, b->doi);
    if (!same_str(a->key, b->key))
        DIFF("the key", a->key, b->key);
    if (parse_year(a->year) != parse_year(b->year))
        DIFF("the year", a->year, b->year);
    if (parse_month(a->month) != parse_month(b->month))
        DIFF("the month", a->month, b->month);
#undef DIFF
    return NULL;
}

void coa_bu_tally_destroy(coa_bu_tally_t *t)
{
    coa_name_cache_destroy(&t->names);
}

int coa_bu_add_paper(coa_reader_ctx_t *ctx, fields *ref, long line, const char *key, coa_bu_tally_t *tally)
{
    coa_bu_rec_t r = {0};
    int err = coa_bu_rec_from_fields(ref, key, &r);
    if (!err)
        err = coa_bu_add_rec(ctx, &r, line, tally);
    coa_bu_rec_destroy(&r);
    return err;
}

/* Adds a record's authors to the open paper: *stated counts those added,
 * and *truncated says the list ended in "and others". */
static int rec_authors(coa_reader_ctx_t *ctx, const coa_bu_rec_t *r, long line, coa_bu_tally_t *tally, buf_t *name,
                       int *stated, int *truncated)
{
    coa_corpus_t *c = ctx->corpus;
    int err;
    for (size_t i = 0; i < r->n_authors; i++) {
        int kind = r->kind[i];
        const char *v = r->author[i];
        unsigned flags = 0;
        const char *n = v;
        size_t len;
        if (is_etal(v)) { /* "and others" */
            *truncated = 1;
            continue;
        }
        if (kind == 0) {
            if ((err = person_name(v, name)))
                return err;
        } else {
            name->len = 0;
            if ((err = buf_put(name, v, strlen(v))))
                return err;
        }
        untex(name->s);
        n = name->s;
        len = strlen(name->s);
        if (kind == 2 || (kind == 1 && asis_is_organisation(n)))
            flags |= COA_ADD_ORGANISATION;
        if (!len && v && *v) {
            coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, line,
                     "author name '%s' has no letters or digits; left out", v);
            continue;
        }
        if (!len || !coa_utf8_valid(n, len))
            continue;
        int added = 0;
        uint32_t a = COA_NONE;
        coa_str_t sp = COA_NOSTR;
        err = COA_OK;
        if (!coa_name_cache_get(&tally->names, n, len, &a, &sp)) {
            err = coa_corpus_resolve(c, n, len, NULL, &a, &sp);
            if (!err && a != COA_NONE)
                coa_name_cache_put(&tally->names, n, len, a, sp);
        }
        if (!err && a != COA_NONE)
            err = coa_corpus_paper_add_resolved(c, a, sp, flags, &added);
        if (err == COA_EINVAL || (!err && a == COA_NONE)) {
            /* no letters or digits (";;", "{}"): not an author, and said */
            coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, line,
                     "author name '%s' has no letters or digits; left out", n);
            continue;
        }
        if (err)
            return err;
        *stated += added;
    }
    return COA_OK;
}

/* Sets the open paper's title (with its subtitle), venue, DOI and key;
 * 'name' is a buffer to reuse. */
static int rec_strings(coa_corpus_t *c, coa_paper_t *p, const coa_bu_rec_t *r, buf_t *name)
{
    int err = COA_OK;
    const char *title = r->title;
    if (title && r->subtitle) {
        name->len = 0;
        if (buf_put(name, title, strlen(title)) || buf_put(name, ": ", 2) ||
            buf_put(name, r->subtitle, strlen(r->subtitle)))
            return COA_ENOMEM;
        title = name->s;
    }
    /* titles, DOIs and keys are all but unique: they are kept out of the
     * string pool's table (coa_strpool_add), as the DBLP reader does */
    struct {
        coa_str_t *dst;
        const char *s;
        int latex, unique;
    } strs[] = {{&p->title, title, 1, 1}, {&p->venue, r->venue, 1, 0}, {&p->doi, r->doi, 0, 1}, {&p->key, r->key, 0, 1}};
    buf_t text = {0};
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        const char *v = strs[i].s;
        size_t len = v ? strlen(v) : 0;
        if (!v || !coa_utf8_valid(v, len))
            continue;
        if (strs[i].latex) {
            text.len = 0;
            if (buf_put(&text, v, len)) {
                err = COA_ENOMEM;
                break;
            }
            untex(text.s);
            v = text.s;
            len = strlen(v);
        }
        coa_str_t id = strs[i].unique ? coa_strpool_add(&c->strings, v, len) : coa_corpus_intern(c, v, len);
        if (id == COA_NONE) {
            err = COA_ENOMEM;
            break;
        }
        *strs[i].dst = id;
    }
    free(text.s);
    return err;
}

int coa_bu_add_rec(coa_reader_ctx_t *ctx, const coa_bu_rec_t *r, long line, coa_bu_tally_t *tally)
{
    coa_corpus_t *c = ctx->corpus;
    coa_paper_t *p;
    buf_t name = {0};
    int err = coa_corpus_paper_begin(c, ctx->source, (uint32_t)(line > 0 ? line : 0), &p);
    if (err)
        return err;
    int stated = 0, truncated = 0;
    if ((err = rec_authors(ctx, r, line, tally, &name, &stated, &truncated)))
        goto cleanup;
    if (!stated) {
        coa_corpus_paper_abort(c);
        tally->no_authors++;
        ctx->no_authors++;
        goto cleanup;
    }
    p = coa_corpus_open_paper(c);
    if ((err = rec_strings(c, p, r, &name)))
        goto cleanup;
    p->year = (int16_t)parse_year(r->year);
    p->month = (uint8_t)parse_month(r->month);
    if (truncated)
        p->flags |= COA_PAPER_TRUNCATED;
    coa_corpus_paper_end(c);
    c->sources[ctx->source].records++;
cleanup:
    if (err)
        coa_corpus_paper_abort(c);
    free(name.s);
    return err;
}

/* ---- bibutils' messages ---- */

/* A message starts with bibutils' program prefix, or is one of the few
 * that bibutils prints without it; anything else continues the previous
 * message (a quoted field value that spans lines, a tab-indented tail). */
static int message_start(const char *s)
{
    static const char *const starts[] = {"coauthor: ", "Unmatched ", ": warning", "Warning", "Cannot ",
                                         "Did not ", "Bibutils: "};
    for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++)
        if (strncmp(s, starts[i], strlen(starts[i])) == 0)
            return 1;
    return 0;
}

/* Where a word next occurs in bibutils' output, at or after the message
 * being read.  The searches below look from a message to the end of the
 * output, as they always have (a message without a record number takes
 * the next one named), but each word is looked for once per occurrence,
 * not once per message: searching the rest of the output for each message
 * grew with the square of the messages, and with the cube of the braces
 * left open in a value, which bibutils quotes once per open brace. */
typedef struct {
    const char *word;
    const char *at;  /* the next occurrence found, or NULL */
    int none;        /* no occurrence after 'at' */
    const char *end; /* the end of the output */
} next_word_t;

/* The first w[0..wl) in s[0..end): memchr and memcmp, not strstr or
 * memmem, whose sanitizer interceptors check the whole rest of the text
 * at every call (fuzz_any timed out on that, 115 s, under ASan). */
static const char *find_word(const char *s, const char *end, const char *w, size_t wl)
{
    while (s < end && (size_t)(end - s) >= wl) {
        const char *p = memchr(s, w[0], (size_t)(end - s) - wl + 1);
        if (!p)
            return NULL;
        if (memcmp(p, w, wl) == 0)
            return p;
        s = p + 1;
    }
    return NULL;
}

static const char *next_word(next_word_t *w, const char *s)
{
    if (!w->none && (!w->at || w->at < s)) {
        w->at = find_word(s, w->end, w->word, strlen(w->word));
        w->none = !w->at;
    }
    return w->none ? NULL : w->at;
}

static long find_loc_by_number(const char *msg, next_word_t *word, const coa_bu_locs_t *locs)
{
    const char *s = next_word(word, msg);
    if (!s)
        return -1;
    s += strlen(word->word);
    if (!isdigit((unsigned char)*s))
        return -1;
    long n = strtol(s, NULL, 10);
    return n >= 1 && n <= locs->n ? n - 1 : -1;
}

static long find_loc_by_key(const char *msg, next_word_t *lead, const coa_bu_locs_t *locs)
{
    const char *s = next_word(lead, msg);
    if (!s)
        return -1;
    s += strlen(lead->word);
    const char *e = memchr(s, '\'', (size_t)(lead->end - s));
    if (!e)
        return -1;
    for (long i = 0; i < locs->n; i++)
        if (locs->items[i].key && strlen(locs->items[i].key) == (size_t)(e - s) &&
            memcmp(locs->items[i].key, s, (size_t)(e - s)) == 0)
            return i;
    return -1;
}

/* bibutils 7.2 knows one Web of Science header, "FN ISI Export Format",
 * and warns about every other; the headers of current exports ("FN
 * Clarivate Analytics Web of Science", "FN Thomson Reuters Web of
 * Science") name the same format, and their records read the same. */
static int known_wos_header(const char *msg, size_t n)
{
    static const char *const names[] = {"Web of Science", "Web of Knowledge", "Clarivate", "Thomson Reuters"};
    const char *q = memmem(msg, n, "file FN type not '", 18);
    if (!q)
        return 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (memmem(q, n - (size_t)(q - msg), names[i], strlen(names[i])))
            return 1;
    return 0;
}

/* The line of the field text quoted in a message ("... encoding 'TEXT'").
 * bibutils quotes a value once per brace left open in it, one message
 * after another: the text quoted last, and its line, are kept. */
typedef struct {
    char quoted[64];
    size_t len;
    long line;
} quote_memo_t;

static long find_quoted_text(const char *msg, next_word_t *lead, const coa_bu_text_t *t, quote_memo_t *memo)
{
    const char *q = next_word(lead, msg);
    if (!q)
        return 0;
    q += strlen(lead->word);
    size_t n = 0;
    while (n < 61 && q[n] && q[n] != '\n') /* strcspn, but only as far as is used */
        n++;
    if (n > 60)
        n = 60;
    if (n < 8)
        return 0;
    if (n == memo->len && memcmp(q, memo->quoted, n) == 0)
        return memo->line;
    const char *hit = memmem(t->text, t->len, q, n);
    memcpy(memo->quoted, q, n);
    memo->len = n;
    memo->line = hit ? coa_bu_text_line_at(t, (size_t)(hit - t->text)) : 0;
    return memo->line;
}

/* Makes one line of a message: drops the program name and the record
 * number (the diagnostic's line says where), folds white space, starts in
 * lower case, no full stop, at most 160 bytes. */
static void tidy(const char *in, size_t n, char *out, size_t cap)
{
    size_t w = 0;
    if (n >= 10 && memcmp(in, "coauthor: ", 10) == 0) {
        in += 10;
        n -= 10;
    }
    while (n && (*in == ':' || *in == ' ')) {
        in++;
        n--;
    }
    int space = 0;
    for (size_t i = 0; i < n && w + 4 < cap; i++) {
        unsigned char ch = (unsigned char)in[i];
        if (ch == '\n' || ch == '\t' || ch == ' ' || ch == '\r') {
            space = 1;
            continue;
        }
        if (space && w)
            out[w++] = ' ';
        space = 0;
        out[w++] = (char)ch;
    }
    out[w] = '\0';
    char *cut = strstr(out, " in file ");
    if (cut)
        *cut = '\0';
    w = strlen(out);
    if (w > 160) {
        w = 157;
        while (w > 0 && ((unsigned char)out[w] & 0xC0) == 0x80)
            w--; /* do not cut a character */
        memcpy(out + w, "...", 4);
        w += 3;
    }
    while (w && (out[w - 1] == '.' || out[w - 1] == ' '))
        out[--w] = '\0';
    if (isupper((unsigned char)out[0]) && islower((unsigned char)out[1]))
        out[0] = (char)tolower((unsigned char)out[0]);
}

/* bibutils numbers records from 1 in each call; a reader that hands it
 * batches, or leaves entries out, gives each entry its number in the file:
 * the number after 'word' in msg becomes 'ordinal'. */
static void renumber(char *msg, size_t cap, const char *word, long ordinal)
{
    char *p = strstr(msg, word);
    if (!p || ordinal <= 0)
        return;
    p += strlen(word);
    char *q = p;
    while (isdigit((unsigned char)*q))
        q++;
    char num[24];
    int n = snprintf(num, sizeof num, "%ld", ordinal);
    size_t tail = strlen(q);
    if ((size_t)(p - msg) + (size_t)n + tail + 1 > cap)
        return;
    memmove(p + n, q, tail + 1);
    memcpy(p, num, (size_t)n);
}

void coa_bu_report(coa_reader_ctx_t *ctx, const char *messages, const coa_bu_text_t *t,
                   const coa_bu_locs_t *locs)
{
    const char *s = messages;
    const char *all = messages ? messages + strlen(messages) : NULL;
    next_word_t reference = {"reference ", NULL, 0, all}, refnum = {"refnum ", NULL, 0, all};
    next_word_t for_reference = {"for reference '", NULL, 0, all}, encoding = {"encoding '", NULL, 0, all};
    quote_memo_t memo = {"", 0, 0};
    while (s && *s) {
        /* a message runs to the next line that starts a message */
        const char *e = s;
        int latex = strncmp(s, "Unmatched ", 10) == 0 && next_word(&encoding, s);
        if (latex) {
            const char *end = find_word(s, all, "'.\n", 3);
            e = end ? end + 3 : all;
        } else {
            for (;;) {
                const char *nl = memchr(e, '\n', (size_t)(all - e));
                e = nl ? nl + 1 : all;
                if (!*e || message_start(e))
                    break;
            }
        }
        const char *word = "reference ";
        long i = find_loc_by_number(s, &reference, locs);
        if (i < 0) {
            i = find_loc_by_number(s, &refnum, locs);
            word = "refnum ";
        }
        int numbered = i >= 0;
        if (i < 0)
            i = find_loc_by_key(s, &for_reference, locs);
        long line = 0;
        int drop = 0;
        if (i >= 0) {
            line = locs->items[i].line;
            drop = locs->items[i].drop;
        } else if (latex) {
            line = find_quoted_text(s, &encoding, t, &memo);
        }
        if (!drop && known_wos_header(s, (size_t)(e - s)))
            drop = 1;
        if (!drop) {
            char msg[200];
            tidy(s, (size_t)(e - s), msg, sizeof msg);
            if (numbered)
                renumber(msg, sizeof msg, word, locs->items[i].ordinal);
            if (msg[0])
                coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, line, "bibutils: %s", msg);
        }
        s = e;
    }
}

/* ---- the whole read, for line-based formats ---- */

int coa_bu_count_lines(const unsigned char *head, size_t len, const char *prefix)
{
    size_t pl = strlen(prefix), i = 0;
    int n = 0, lines = 0;
    if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && lines < 200) {
        const char *s = (const char *)head + i;
        const char *nl = memchr(s, '\n', len - i);
        size_t m = nl ? (size_t)(nl - s) : len - i;
        if (m >= pl && memcmp(s, prefix, pl) == 0)
            n++;
        lines++;
        if (!nl)
            break;
        i += m + 1;
    }
    return n;
}

int coa_bu_count_in(const char *line, size_t len, const char *needle)
{
    size_t nl = strlen(needle);
    int n = 0;
    const char *p = line, *end = line + len;
    while (p < end && (p = memmem(p, (size_t)(end - p), needle, nl)) != NULL) {
        n++;
        p += nl;
    }
    return n;
}

/* bibutils 7.2's NBIB reader loops for ever (printing "Tagged line not in
 * properly started reference" and growing the record) when a "PMID- " line
 * follows a record's line instead of a blank line; "PMID- 1\nPMID- 2" is
 * enough (found by fuzzing).  Records are separated by blank lines in the
 * format, so a copy with a blank line before every "PMID- " line reads the
 * same records and cannot loop.  NULL when out of memory. */
static char *nbib_separate(const char *text, size_t len, size_t *out_len)
{
    size_t extra = 0;
    for (size_t i = 1; i + 6 <= len; i++)
        extra += text[i - 1] == '\n' && memcmp(text + i, "PMID- ", 6) == 0;
    char *out = malloc(len + extra + 1);
    if (!out)
        return NULL;
    size_t w = 0;
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && text[i - 1] == '\n' && i + 6 <= len && memcmp(text + i, "PMID- ", 6) == 0)
            out[w++] = '\n';
        out[w++] = text[i];
    }
    out[w] = '\0';
    *out_len = w;
    return out;
}

/* Offsets of every case-insensitive occurrence of 'pat' in t. */
static size_t *find_all(const coa_bu_text_t *t, const char *pat, size_t *n)
{
    size_t plen = strlen(pat), cap = 16, count = 0;
    size_t *at = malloc(cap * sizeof *at);
    if (!at)
        return NULL;
    const char *end = t->text + t->len;
    for (const char *p = t->text; p + plen <= end && (p = memchr(p, '<', (size_t)(end - p))) != NULL; p++) {
        if ((size_t)(end - p) < plen || strncasecmp(p, pat, plen) != 0)
            continue;
        if (count == cap) {
            size_t *grown = realloc(at, 2 * cap * sizeof *at);
            if (!grown) {
                free(at);
                return NULL;
            }
            at = grown;
            cap *= 2;
        }
        at[count++] = (size_t)(p - t->text);
    }
    *n = count;
    return at;
}

/* bibutils 7.2's EndNote XML reader takes a record from the first "<record "
 * in its buffer (else the first "<record>") to the first "</record>", and
 * asserts, aborting the process, when that end comes before that start (a
 * stray "</record>", "<record</record>", "<records></record>", or a
 * "<record>" followed by a later "<record " with attributes; found by
 * fuzz_endnote_xml).  This follows the same rule over the whole text, one
 * record after another, and blanks each end tag that would come first,
 * keeping every byte's line, with a warning at its line.  Files whose
 * records bibutils can read are not changed. */
static void blank_stray_record_ends(coa_reader_ctx_t *ctx, coa_bu_text_t *t)
{
    /* bibutils also deletes an XML declaration, "<?xml" to the next "?>",
     * from its buffer whenever it meets one (to read its encoding, which
     * the text's UTF-8 overrides here), tags inside it included, even after
     * it took its record's start from there (fuzz_endnote_xml).  Blank the
     * declarations first, newlines kept, so that the rule below sees what
     * bibutils will. */
    char *end = t->text + t->len;
    for (char *p = t->text; p + 5 <= end && (p = memchr(p, '<', (size_t)(end - p))) != NULL; p++) {
        if ((size_t)(end - p) < 5 || (memcmp(p, "<?xml", 5) != 0 && memcmp(p, "<?XML", 5) != 0))
            continue;
        char *q = p + 5;
        while (q + 1 < end && !(q[0] == '?' && q[1] == '>'))
            q++;
        if (q + 1 >= end)
            break; /* no end: bibutils deletes nothing */
        for (char *x = p; x < q + 2; x++)
            if (*x != '\n')
                *x = ' ';
        p = q + 1;
    }
    size_t n_spaced = 0, n_plain = 0, n_ends = 0;
    size_t *spaced = find_all(t, "<record ", &n_spaced), *plain = find_all(t, "<record>", &n_plain);
    size_t *ends = find_all(t, "</record>", &n_ends);
    size_t pos = 0, i = 0, j = 0, k = 0;
    while (spaced && plain && ends) {
        while (i < n_spaced && spaced[i] < pos)
            i++;
        while (j < n_plain && plain[j] < pos)
            j++;
        while (k < n_ends && ends[k] < pos)
            k++;
        if (k == n_ends || (i == n_spaced && j == n_plain))
            break;
        size_t start = i < n_spaced ? spaced[i] : plain[j];
        if (ends[k] < start) {
            coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, coa_bu_text_line_at(t, ends[k]),
                     "'</record>' without its '<record>'; ignored");
            memset(t->text + ends[k], ' ', 9);
            k++;
            continue;
        }
        pos = ends[k] + 9;
    }
    COA_FREE(spaced, plain, ends);
}

/* How many records start on a line, by the marks of coa_bu_read_marked. */
static int marked_starts(const coa_bu_starts_t *m, const char *line, size_t len)
{
    if (m->prefix) {
        size_t n = strlen(m->prefix);
        return len >= n && memcmp(line, m->prefix, n) == 0;
    }
    int k = 0;
    for (size_t i = 0; i < 2 && m->tags[i]; i++)
        k += coa_bu_count_in(line, len, m->tags[i]);
    return k;
}

static int read_simple(coa_reader_ctx_t *ctx, int informat, coa_bu_start_fn starts, const coa_bu_starts_t *marks);

int coa_bu_read_simple(coa_reader_ctx_t *ctx, int informat, coa_bu_start_fn starts)
{
    return read_simple(ctx, informat, starts, NULL);
}

int coa_bu_read_marked(coa_reader_ctx_t *ctx, int informat, const coa_bu_starts_t *marks)
{
    return read_simple(ctx, informat, NULL, marks);
}

/* Reads one chunk of a file whose records start where 'starts' or 'marks'
 * says (one of them NULL). */
static int read_chunk(coa_reader_ctx_t *ctx, int informat, coa_bu_start_fn starts, const coa_bu_starts_t *marks,
                      coa_bu_text_t *t, coa_bu_locs_t *locs, coa_bu_tally_t *tally)
{
    bibl b;
    char *messages = NULL;
    int ran = 0, err = COA_OK;
    const char *prev = NULL;
    size_t prev_len = 0;
    for (long l = t->first; l <= t->n_lines; l++) {
        size_t len;
        const char *s = coa_bu_text_line(t, l, &len);
        for (int k = starts ? starts(s, len, prev, prev_len) : marked_starts(marks, s, len); k > 0; k--)
            if ((err = coa_bu_locs_add(locs, l, NULL, 0)))
                goto cleanup;
        prev = s;
        prev_len = len;
    }
    if ((err = coa_bu_drop_long_lines(ctx, t, locs)))
        goto cleanup;
    if (informat == BIBL_ENDNOTEXMLIN)
        blank_stray_record_ends(ctx, t);
    if (informat == BIBL_NBIBIN) {
        size_t n;
        char *sep = nbib_separate(t->text, t->len, &n);
        if (!sep) {
            err = COA_ENOMEM;
            goto cleanup;
        }
        err = coa_bu_run(informat, sep, n, ctx->in->name, &b, &messages);
        free(sep);
    } else {
        err = coa_bu_run(informat, t->text, t->len, ctx->in->name, &b, &messages);
    }
    if (err)
        goto cleanup;
    ran = 1;
    coa_bu_report(ctx, messages, t, locs);
    if (b.n != locs->n)
        coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, 0,
                 "bibutils read %ld records where %ld start; record lines may be wrong", b.n, locs->n);
    for (long i = 0; i < b.n; i++) {
        long line = i < locs->n ? locs->items[i].line : 0;
        if (i < locs->n && locs->items[i].drop && b.n == locs->n)
            continue; /* reported already (a line too long) */
        unsigned long before = tally->no_authors;
        if ((err = coa_bu_add_paper(ctx, b.ref[i], line, NULL, tally)))
            goto cleanup;
        /* unusual in these formats (a record cut short, an anonymous
         * editorial): say where */
        if (tally->no_authors != before)
            coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, line, "record has no authors; left out");
    }
cleanup:
    if (ran)
        bibl_free(&b);
    free(messages);
    return err;
}

/* Reads a file a chunk of whole records at a time (coa_bu_text_next). */
static int read_simple(coa_reader_ctx_t *ctx, int informat, coa_bu_start_fn starts, const coa_bu_starts_t *marks)
{
    coa_bu_text_t t = {0};
    coa_bu_locs_t locs = {0};
    coa_bu_tally_t tally = {0};
    const coa_bu_cut_t cut = {starts, marks, 0};
    int err = COA_OK;
    while (!err && !t.done) {
        if ((err = coa_bu_text_next(&t, ctx, &cut)))
            break;
        err = read_chunk(ctx, informat, starts, marks, &t, &locs, &tally);
        long base = locs.base + locs.n;
        coa_bu_locs_destroy(&locs);
        locs.base = base;
    }
    coa_bu_tally_destroy(&tally);
    coa_bu_locs_destroy(&locs);
    coa_bu_text_destroy(&t);
    return err;
}

/* What 'coauthor formats --help' says of the reference-manager formats read through bibutils (coa_formats_help). */
const char coa_help_bibutils[] =
    "How the reference-manager formats are read (through bibutils: BibTeX,\n"
    "biblatex, RIS, EndNote, EndNote XML, ISI, MEDLINE, PubMed XML, Copac, MODS):\n"
    "  - names are written 'First Last' with LaTeX accents decoded; 'and others'\n"
    "    marks the author list as truncated; a name in braces such as {IEEE} is\n"
    "    one author, an organisation;\n"
    "  - a record without authors (a proceedings volume, editors only) is not a\n"
    "    paper of the network: it is left out with a note, and counted in the\n"
    "    summary line as skipped without authors;\n"
    "  - an author listed twice on one paper is counted once; the repeat is\n"
    "    counted as a duplicate authorship (summary line, 'stats');\n";
