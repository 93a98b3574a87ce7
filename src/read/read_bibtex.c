/*
 * BibTeX and biblatex, through bibutils.
 *
 * bibutils does the real work: LaTeX accents and commands, name
 * splitting, "and others", @String macros and crossrefs.  Before handing
 * it the text, we walk the entries ourselves, the way bibutils will cut
 * them (a record starts at each line whose first non-blank character is
 * '@'; lines starting with '%' are dropped; @String and @Comment are not
 * records), for three reasons bibutils cannot serve:
 *   - line numbers: bibutils' record i is our entry i, so each paper and
 *     each bibutils complaint gets the line where its entry starts;
 *   - defects, located: an entry whose braces or quotes do not balance,
 *     or without a key, is reported and skipped (bibutils would read it
 *     into garbage); a macro used but never defined is reported, and the
 *     entry kept, as BibTeX itself does;
 *   - @Preamble, which bibutils reads as an article, is left out; the
 *     name macros it defines (\def\Thanh{...}, also in a file it \inputs)
 *     are expanded in author lists, and other TeX in names made plain
 *     (tex_names.h), by rewriting the author field before either path
 *     reads it.
 */
#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bibtex_fast.h"
#include "corpus/internal.h"
#include "tex_names.h"

/* ---- detection ---- */

/* Counts lines that start a BibTeX entry ("@article{" or "@book("). */
static int count_entries(const unsigned char *head, size_t len, int *biblatex)
{
    int n = 0;
    *biblatex = 0;
    size_t i = 0;
    while (i < len) {
        const char *s = (const char *)head + i;
        const char *nl = memchr(s, '\n', len - i);
        size_t m = nl ? (size_t)(nl - s) : len - i;
        size_t k = 0;
        while (k < m && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (k < m && s[k] == '@') {
            size_t w = ++k;
            while (k < m && isalpha((unsigned char)s[k]))
                k++;
            while (k < m && (s[k] == ' ' || s[k] == '\t'))
                k++;
            if (k > w && k < m && (s[k] == '{' || s[k] == '('))
                n++;
        } else {
            /* fields that only biblatex has */
            static const char *const marks[] = {"journaltitle", "date", "eprinttype", "origdate"};
            for (size_t j = 0; j < sizeof marks / sizeof marks[0]; j++) {
                size_t ml = strlen(marks[j]);
                if (m - k > ml && strncasecmp(s + k, marks[j], ml) == 0) {
                    size_t q = k + ml;
                    while (q < m && (s[q] == ' ' || s[q] == '\t'))
                        q++;
                    if (q < m && s[q] == '=')
                        *biblatex = 1;
                }
            }
        }
        if (!nl)
            break;
        i += m + 1;
    }
    return n;
}

static int has_ext(const char *name, const char *ext)
{
    if (!name)
        return 0;
    size_t n = strlen(name), e = strlen(ext);
    if (n > 3 && strcmp(name + n - 3, ".gz") == 0)
        n -= 3;
    return n > e && strncasecmp(name + n - e, ext, e) == 0;
}

int coa_detect_bibtex(const char *name, const unsigned char *head, size_t len)
{
    int biblatex;
    int n = count_entries(head, len, &biblatex);
    if (n == 0)
        return 0;
    return has_ext(name, ".bib") ? 95 : 85;
}

int coa_detect_biblatex(const char *name, const unsigned char *head, size_t len)
{
    int biblatex;
    int n = count_entries(head, len, &biblatex);
    if (n == 0)
        return 0;
    /* the same syntax: biblatex wins only where its own fields show */
    return biblatex ? 97 : 10 + (has_ext(name, ".bib") ? 5 : 0);
}

/* ---- walking the entries ---- */

typedef struct {
    const coa_bu_text_t *t;
    size_t pos, end;   /* the current chunk is text[pos..end) */
    long line;
} cursor_t;

/* Lines whose first non-blank character is '%' never reach bibutils. */
static int comment_line(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && (s[k] == ' ' || s[k] == '\t'))
        k++;
    return k < n && s[k] == '%';
}

static int cur_peek(const cursor_t *c)
{
    return c->pos < c->end ? (unsigned char)c->t->text[c->pos] : -1;
}

static void cur_next(cursor_t *c)
{
    if (c->pos >= c->end)
        return;
    if (c->t->text[c->pos++] != '\n')
        return;
    /* blank lines left out of the text (runs of them) still count */
    c->line = c->t->n_gaps ? coa_bu_text_line_at(c->t, c->pos) : c->line + 1;
    while (c->pos < c->end) {
        size_t n;
        const char *s = coa_bu_text_line(c->t, c->line, &n);
        if (!comment_line(s, n))
            break;
        c->pos += n + 1;
        c->line++;
    }
}

static void cur_skip_ws(cursor_t *c)
{
    int ch;
    while ((ch = cur_peek(c)) >= 0 && isspace(ch))
        cur_next(c);
}

static int ident_char(int ch)
{
    return ch > ' ' && ch < 127 && ch != '{' && ch != '}' && ch != '(' && ch != ')' && ch != '"' && ch != ',' &&
           ch != '=' && ch != '#' && ch != '%' && ch != '\'';
}

/* The macros defined so far (BibTeX needs a definition before its use,
 * and bibutils expands only those). */
typedef struct {
    char **names;
    size_t n, cap;
    size_t *len;         /* per macro: the length of its text, its own macros expanded */
    unsigned *open;      /* per macro: braces its text leaves open as bibutils reads it (bu_open_braces) */
    size_t *slot;        /* hash table of the names (case folded): index + 1, or 0 */
    size_t n_slots;
    int in_string;       /* read_fields is reading a @String */
    size_t use_len;      /* the chunk's macro uses: bytes of text they bring */
    unsigned use_open;   /* and the braces they leave open */
    unsigned chunk_open; /* the chunk's own: deepest nesting and strays (bu_open_braces) */
    unsigned fields_open; /* the chunk's own, field by field as bibutils cuts them (bu_fields_open) */
    int heavy;           /* the chunk must not reach bibutils (bibutils_cost) */
    size_t input;        /* bytes of input scanned so far */
    size_t expanded;     /* bytes of macro text that bibutils will copy, so far */
    int crossref;   /* some entry has a crossref field */
    int author;     /* the entry being read has an author field */
    size_t author_off, author_end; /* its value, delimiters included, when it is one piece */
    int informat;   /* BIBL_BIBTEXIN or BIBL_BIBLATEXIN */
    size_t *retype; /* offsets of entry types to read as "misc" */
    size_t n_retype, cap_retype;
    size_t *blank;  /* [from, to) pairs of chunks bibutils must not see (@Comment, hide_if_deep) */
    size_t n_blank, cap_blank;
    long hidden;    /* entries left out of bibutils' text by hide_if_deep */
    coa_tex_macros_t tex; /* name macros of the @Preamble */
    struct rewrite {
        size_t off, end; /* the author field's text between its delimiters */
        char *text;      /* what it becomes (as many line ends as it had) */
        size_t len;
    } *rewrites;
    size_t n_rewrites, cap_rewrites;
    size_t *growth, *shrink; /* by rewrite count k: bytes the first k add and remove */
    size_t *text_fields;     /* [from, to) pairs: the entry's title-like values with TeX, for tex_logos */
    size_t n_text_fields, cap_text_fields;
} macros_t;

static size_t macro_hash(const char *s, size_t n)
{
    size_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)tolower((unsigned char)s[i])) * 1099511628211u;
    return h;
}

/* The index of macro s[0..n), or -1; -2 for BibTeX's own month macros.
 * A hash table: a file may define thousands and use each thousands of times. */
static long macros_find(const macros_t *m, const char *s, size_t n)
{
    for (size_t h = m->n_slots ? macro_hash(s, n) & (m->n_slots - 1) : 0; m->n_slots && m->slot[h];
         h = (h + 1) & (m->n_slots - 1)) {
        size_t i = m->slot[h] - 1;
        if (strlen(m->names[i]) == n && strncasecmp(m->names[i], s, n) == 0)
            return (long)i;
    }
    if (n == 3 && coa_bibfast_month(s))
        return -2;
    return -1;
}

/* Defines macro s[0..n) (again: BibTeX keeps the last definition) with
 * the length and the open braces of its text. */
static int macros_add(macros_t *m, const char *s, size_t n, size_t len, unsigned open)
{
    long k = macros_find(m, s, n);
    if (k >= 0) {
        m->len[k] = len;
        m->open[k] = open;
        return COA_OK;
    }
    size_t cap_len = m->cap, cap_open = m->cap;
    if (coa_grow_array(&m->names, &m->cap, m->n + 1, sizeof *m->names, 64) ||
        coa_grow_array(&m->len, &cap_len, m->cap, sizeof *m->len, 64) ||
        coa_grow_array(&m->open, &cap_open, m->cap, sizeof *m->open, 64))
        return COA_ENOMEM;
    if (!(m->names[m->n] = strndup(s, n)))
        return COA_ENOMEM;
    m->len[m->n] = len;
    m->open[m->n] = open;
    m->n++;
    if (2 * m->n > m->n_slots) { /* rebuilt at twice the size: at most half full */
        size_t n_slots = m->n_slots ? m->n_slots * 2 : 256;
        size_t *slot = calloc(n_slots, sizeof *slot);
        if (!slot)
            return COA_ENOMEM;
        free(m->slot);
        m->slot = slot;
        m->n_slots = n_slots;
        for (size_t i = 0; i + 1 < m->n; i++) {
            size_t h = macro_hash(m->names[i], strlen(m->names[i])) & (n_slots - 1);
            while (slot[h])
                h = (h + 1) & (n_slots - 1);
            slot[h] = i + 1;
        }
    }
    size_t h = macro_hash(s, n) & (m->n_slots - 1);
    while (m->slot[h])
        h = (h + 1) & (m->n_slots - 1);
    m->slot[h] = m->n;
    return COA_OK;
}

/* bibutils 7.2 keeps its @String table in a static of the process, from
 * one call to the next and from one file to the next (a file's macros
 * stay defined in the files read after it).  What a macro costs bibutils
 * is what bibutils holds for it: so the @Strings handed to bibutils are
 * kept here too, as long as the process lives (only names, lengths and
 * open braces are used).  Whether a macro is defined, for the warnings, is
 * still a matter of the file (macros_t). */
static macros_t bu_strings;

static void macros_destroy(macros_t *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->names[i]);
    COA_FREE(m->names, m->len, m->open, m->slot, m->retype, m->blank);
    coa_tex_macros_destroy(&m->tex);
    for (size_t i = 0; i < m->n_rewrites; i++)
        free(m->rewrites[i].text);
    COA_FREE(m->rewrites, m->growth, m->shrink, m->text_fields);
}

/* bibutils' type tables have no author for these types, so it drops the
 * authors of, say, Beebe's "@Periodical{Labuz:1985:IDB, author = ...}".
 * Such an entry is handed to bibutils as @Misc instead. */
static int drops_authors(int informat, const char *type, size_t n)
{
    static const char *const bibtex[] = {"periodical"};
    static const char *const biblatex[] = {"periodical", "proceedings", "collection", "reference",
                                           "mvproceedings", "mvcollection", "mvreference"};
    const char *const *list = informat == BIBL_BIBLATEXIN ? biblatex : bibtex;
    size_t len = informat == BIBL_BIBLATEXIN ? sizeof biblatex / sizeof *biblatex : sizeof bibtex / sizeof *bibtex;
    for (size_t i = 0; i < len; i++)
        if (strlen(list[i]) == n && strncasecmp(list[i], type, n) == 0)
            return 1;
    return 0;
}

/* What went wrong in an entry, for one diagnostic. */
typedef struct {
    long line;
    char msg[200];
    char field[48];    /* the last field read, and its line */
    long field_line;
} defect_t;

/* True when the text from the cursor on looks like the start of a new
 * field ("  year = {"), which inside a braced value means its closing
 * brace is missing. */
static int looks_like_field_start(const cursor_t *c)
{
    const char *s = c->t->text;
    size_t i = c->pos;
    while (i < c->end && (s[i] == ' ' || s[i] == '\t'))
        i++;
    size_t w = i;
    while (i < c->end && (isalnum((unsigned char)s[i]) || s[i] == '-' || s[i] == '_'))
        i++;
    if (i == w || !isalpha((unsigned char)s[w]))
        return 0;
    while (i < c->end && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i >= c->end || s[i] != '=')
        return 0;
    i++;
    while (i < c->end && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i < c->end && (s[i] == '{' || s[i] == '"');
}

/* Reads one braced or quoted piece of a value; the cursor is on the
 * opening character.  Returns 0, or -1 with the defect filled in. */
static int read_delimited(cursor_t *c, const char *field, defect_t *d)
{
    int open = cur_peek(c);
    long start = c->line;
    int depth = open == '{' ? 1 : 0;
    int prev = 0, last_solid = 0;
    cur_next(c);
    for (;;) {
        /* a run of ordinary characters at once: only braces, quotes,
         * backslashes and line ends matter below */
        const char *s = c->t->text;
        size_t i = c->pos;
        while (i < c->end) {
            unsigned char u = (unsigned char)s[i];
            if (u == '{' || u == '}' || u == '"' || u == '\\' || u == '\n')
                break;
            if (!isspace(u))
                last_solid = u;
            i++;
        }
        if (i > c->pos) {
            prev = (unsigned char)s[i - 1];
            c->pos = i;
        }
        int ch = cur_peek(c);
        if (ch < 0) {
            d->line = start;
            snprintf(d->msg, sizeof d->msg, "unbalanced %s in field '%s' (no closing %s)",
                     open == '{' ? "brace" : "quote", field, open == '{' ? "'}'" : "'\"'");
            return -1;
        }
        if (ch == '\n' && (open == '"' ? depth == 0 : depth >= 1) &&
            (last_solid == ',' || last_solid == '}' || last_solid == '"')) {
            cursor_t look = *c;
            cur_next(&look);
            if (looks_like_field_start(&look)) {
                d->line = start;
                snprintf(d->msg, sizeof d->msg, "unbalanced %s in field '%s' (no closing %s before line %ld)",
                         open == '{' ? "brace" : "quote", field, open == '{' ? "'}'" : "'\"'", look.line);
                return -1;
            }
        }
        if (prev != '\\') {
            if (ch == '{') {
                depth++;
            } else if (ch == '}') {
                if (depth == 0) {
                    d->line = c->line;
                    snprintf(d->msg, sizeof d->msg, "unbalanced brace in field '%s' (an extra '}')", field);
                    return -1;
                }
                depth--;
                if (open == '{' && depth == 0) {
                    cur_next(c);
                    return 0;
                }
            } else if (ch == '"' && open == '"' && depth == 0) {
                cur_next(c);
                return 0;
            }
        }
        prev = ch == '\\' && prev == '\\' ? 0 : ch;
        if (!isspace(ch))
            last_solid = ch;
        cur_next(c);
    }
}

/* The fields whose text becomes a paper's title or venue. */
static int text_field(const char *field)
{
    static const char *const names[] = {"title", "booktitle", "journal", "journaltitle", "subtitle", "series"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(field, names[i]) == 0)
            return 1;
    return 0;
}

/* Reads "name = value" pieces up to the entry's closing character.
 * Undefined macros are reported as warnings as they are met (the entry is
 * kept); a structural defect fills d and returns -1. */
static int read_fields(coa_reader_ctx_t *ctx, cursor_t *c, int close, macros_t *macros, defect_t *d,
                       const char *key)
{
    for (;;) {
        cur_skip_ws(c);
        int ch = cur_peek(c);
        if (ch < 0) {
            d->line = c->line;
            snprintf(d->msg, sizeof d->msg, "no closing '%c'", close);
            return -1;
        }
        if (ch == close) {
            cur_next(c);
            return 0;
        }
        if (ch == ',') {
            cur_next(c);
            continue;
        }
        char field[48];
        size_t fl = 0;
        long field_line = c->line;
        while ((ch = cur_peek(c)) >= 0 && ident_char(ch)) {
            if (fl < sizeof field - 1)
                field[fl++] = (char)ch;
            cur_next(c);
        }
        field[fl] = '\0';
        snprintf(d->field, sizeof d->field, "%s", field);
        d->field_line = field_line;
        cur_skip_ws(c);
        if (!fl || cur_peek(c) != '=') {
            d->line = c->line;
            if (!fl)
                snprintf(d->msg, sizeof d->msg, "unexpected '%c'", ch > 0 ? ch : '?');
            else
                snprintf(d->msg, sizeof d->msg, "field '%s' has no '=' (a missing comma or brace?)", field);
            return -1;
        }
        cur_next(c);
        if (!macros->in_string && strcasecmp(field, "crossref") == 0)
            macros->crossref = 1;
        int is_author = !macros->in_string && strcasecmp(field, "author") == 0;
        if (is_author)
            macros->author = 1;
        int is_text = !macros->in_string && text_field(field);
        cur_skip_ws(c);
        size_t value_off = c->pos;
        int pieces = 0;
        for (;; pieces++) { /* value: pieces joined by '#' */
            cur_skip_ws(c);
            ch = cur_peek(c);
            size_t a_piece = c->pos;
            if (ch == '{' || ch == '"') {
                if (read_delimited(c, field, d))
                    return -1;
            } else if (ch >= 0 && ident_char(ch)) {
                size_t a = c->pos;
                long l = c->line;
                int digits = 1;
                while ((ch = cur_peek(c)) >= 0 && ident_char(ch)) {
                    digits &= isdigit(ch) != 0;
                    cur_next(c);
                }
                const char *name = c->t->text + a;
                size_t n = c->pos - a;
                long k = digits ? -1 : macros_find(macros, name, n);
                long g = digits ? -1 : macros_find(&bu_strings, name, n);
                if (g >= 0) { /* what bibutils will copy in: saturating sums */
                    macros->use_len += bu_strings.len[g] < SIZE_MAX - macros->use_len ? bu_strings.len[g]
                                                                                      : SIZE_MAX - macros->use_len;
                    macros->use_open += bu_strings.open[g] < UINT_MAX - macros->use_open
                                            ? bu_strings.open[g]
                                            : UINT_MAX - macros->use_open;
                }
                if (!digits && k == -1 && !macros->in_string) {
                    coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, l,
                             "undefined macro '%.*s' in field '%s' of entry '%s'; kept as text", (int)n, name,
                             field, key);
                }
            } else {
                d->line = field_line;
                snprintf(d->msg, sizeof d->msg, "field '%s' has no value", field);
                return -1;
            }
            if (is_author && pieces == 0 && (c->t->text[value_off] == '{' || c->t->text[value_off] == '"')) {
                macros->author_off = value_off;
                macros->author_end = c->pos;
            }
            if (is_text && (c->t->text[a_piece] == '{' || c->t->text[a_piece] == '"') &&
                (memchr(c->t->text + a_piece, '\\', c->pos - a_piece) ||
                 memchr(c->t->text + a_piece, '$', c->pos - a_piece))) {
                if (coa_grow_array(&macros->text_fields, &macros->cap_text_fields, macros->n_text_fields + 2,
                                   sizeof *macros->text_fields, 16))
                    return COA_ENOMEM;
                macros->text_fields[macros->n_text_fields++] = a_piece + 1;
                macros->text_fields[macros->n_text_fields++] = c->pos - 1;
            }
            cur_skip_ws(c);
            if (cur_peek(c) != '#')
                break;
            cur_next(c);
            if (is_author)
                macros->author_end = 0; /* several pieces: not read here */
        }
        cur_skip_ws(c);
        ch = cur_peek(c);
        if (ch != ',' && ch != close && ch >= 0) {
            d->line = c->line;
            snprintf(d->msg, sizeof d->msg, "expected ',' after field '%s'", field);
            return -1;
        }
    }
}

/* One name of an author list as bibutils will compare it: white space
 * folded, "Family, Given" as "Given Family". */
static size_t name_form(const char *s, size_t n, char *out, size_t cap)
{
    size_t comma = n, depth = 0, commas = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '{')
            depth++;
        else if (s[i] == '}' && depth)
            depth--;
        else if (s[i] == ',' && !depth && commas++ == 0)
            comma = i;
    }
    size_t w = 0;
    int space = 0;
    /* given names first when there is exactly one comma */
    const char *parts[2] = {s, NULL};
    size_t lens[2] = {n, 0};
    if (commas == 1) {
        parts[0] = s + comma + 1;
        lens[0] = n - comma - 1;
        parts[1] = s;
        lens[1] = comma;
    }
    for (int k = 0; k < 2 && parts[k]; k++) {
        for (size_t i = 0; i < lens[k] && w + 2 < cap; i++) {
            if (isspace((unsigned char)parts[k][i])) {
                space = w > 0;
                continue;
            }
            if (space)
                out[w++] = ' ';
            space = 0;
            out[w++] = parts[k][i];
        }
        space = w > 0;
    }
    out[w] = '\0';
    return w;
}

/* How many names of an author list (the raw value, without its
 * delimiters) repeat a name before them: bibutils keeps one copy of each,
 * without a word, and the corpus must count what was dropped. */
static unsigned repeated_names(const char *s, size_t n)
{
    enum { MAX_NAMES = 64, NAME_CAP = 96 };
    char names[MAX_NAMES][NAME_CAP];
    unsigned count = 0, repeats = 0;
    size_t depth = 0, start = 0;
    for (size_t i = 0; i <= n; i++) {
        int end = i == n;
        if (!end) {
            if (s[i] == '{')
                depth++;
            else if (s[i] == '}' && depth)
                depth--;
            /* " and " at depth 0, in any case */
            end = !depth && i > 0 && isspace((unsigned char)s[i - 1]) && i + 4 <= n &&
                  strncasecmp(s + i, "and", 3) == 0 && isspace((unsigned char)s[i + 3]);
        }
        if (!end)
            continue;
        char form[NAME_CAP];
        size_t len = name_form(s + start, i - start, form, sizeof form);
        if (len && strcmp(form, "others") != 0 && count < MAX_NAMES) {
            unsigned k;
            for (k = 0; k < count; k++)
                if (strcmp(names[k], form) == 0)
                    break;
            if (k < count)
                repeats++;
            else
                memcpy(names[count++], form, len + 1);
        }
        start = i + 3;
        i += 2;
    }
    return repeats;
}

/* After an entry's closing character, anything that looks like a field
 * means a brace closed the entry too early. */
static int trailing_fields(cursor_t *c)
{
    while (cur_peek(c) >= 0) {
        if (cur_peek(c) == '\n') {
            cur_next(c);
            if (looks_like_field_start(c))
                return 1;
            continue;
        }
        cur_next(c);
    }
    return 0;
}

/* A file that a @Preamble \inputs, for its macro definitions: looked for
 * beside the .bib, then where the TeX Directory Structure puts a package's
 * TeX files when the .bib is in one (texmf/bibtex/bib/PKG/x.bib ->
 * texmf/tex/{generic,latex,plain}/PKG/), as for Beebe's tugboat.bib and
 * its tugboat.def.  Only a plain file name is looked up; NULL if none. */
static char *find_input(const char *bib, const char *name, size_t n)
{
    if (!bib || strcmp(bib, "-") == 0 || !n || n > 200 || memchr(name, '/', n) ||
        (n >= 2 && name[0] == '.' && name[1] == '.'))
        return NULL; /* standard input has no place to look beside */
    const char *slash = strrchr(bib, '/');
    size_t dir = slash ? (size_t)(slash - bib) : 0;
    const char *tds = strstr(bib, "/bibtex/bib/");
    const char *pkg = tds ? tds + strlen("/bibtex/bib/") : NULL;
    const char *pkg_end = pkg ? strchr(pkg, '/') : NULL;
    static const char *const trees[] = {"generic", "latex", "plain"};
    size_t cap = strlen(bib) + n + 64;
    char *path = malloc(cap);
    if (!path)
        return NULL;
    for (int k = -1; k < 3; k++) {
        for (int ext = 0; ext < 2; ext++) {
            const char *suffix = ext ? ".tex" : "";
            if (k < 0)
                snprintf(path, cap, "%.*s%s%.*s%s", (int)dir, bib, slash ? "/" : "", (int)n, name, suffix);
            else if (pkg_end)
                snprintf(path, cap, "%.*s/tex/%s/%.*s/%.*s%s", (int)(tds - bib), bib, trees[k],
                         (int)(pkg_end - pkg), pkg, (int)n, name, suffix);
            else
                continue;
            FILE *f = fopen(path, "rb");
            if (f) {
                fclose(f);
                return path;
            }
        }
    }
    free(path);
    return NULL;
}

/* Reads the name macros a @Preamble defines, and those of the files it
 * \inputs (one level, at most 4 MB each). */
static int read_preamble(coa_reader_ctx_t *ctx, macros_t *macros, const char *s, size_t n)
{
    int err = coa_tex_macros_scan(&macros->tex, s, n);
    size_t pos = 0;
    const char *name;
    size_t len;
    while (!err && (len = coa_tex_next_input(s, n, &pos, &name)) > 0) {
        char *path = find_input(ctx->in->name, name, len);
        if (!path)
            continue; /* a macro it would define is reported where a name uses it */
        FILE *f = fopen(path, "rb");
        char *text = malloc(4u << 20);
        if (f && text) {
            size_t got = fread(text, 1, (4u << 20) - 1, f);
            err = coa_tex_macros_scan(&macros->tex, text, got);
        } else if (!text) {
            err = COA_ENOMEM;
        }
        if (f)
            fclose(f);
        free(text);
        free(path);
    }
    return err;
}

/* Keeps text[0..len) (malloc'ed, room for 'pad' more bytes and a NUL;
 * owned from here on) as what text[a..b) of the input becomes, with 'pad'
 * line ends at its end, so that every line after keeps its number. */
static int push_rewrite(macros_t *macros, size_t a, size_t b, char *text, size_t len, size_t pad)
{
    memset(text + len, '\n', pad);
    len += pad;
    text[len] = '\0';
    if (coa_grow_array(&macros->rewrites, &macros->cap_rewrites, macros->n_rewrites + 1, sizeof *macros->rewrites,
                       16)) {
        free(text);
        return COA_ENOMEM;
    }
    macros->rewrites[macros->n_rewrites++] = (struct rewrite){a, b, text, len};
    return COA_OK;
}

/* Makes the TeX of the author field text[a..b) plain (tex_names.h): the
 * new text is kept as a rewrite, applied when the scan is done.  A command
 * that nothing defines is reported at its line. */
static int clean_names(coa_reader_ctx_t *ctx, const coa_bu_text_t *t, macros_t *macros, size_t a, size_t b,
                       const char *key)
{
    char *out = NULL, unknown[64];
    size_t len = 0;
    int err = coa_tex_names_clean(&macros->tex, t->text + a, b - a, &out, &len, unknown, sizeof unknown);
    if (err)
        return err;
    if (unknown[0]) {
        const char *at = memmem(t->text + a, b - a, unknown, strlen(unknown));
        coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, coa_bu_text_line_at(t, at ? (size_t)(at - t->text) : a),
                 "entry '%s': TeX command '\\%s' in the author field is neither an accent nor defined in the "
                 "file's @Preamble; read as '%s'",
                 key ? key : "", unknown, unknown);
    }
    if (!out)
        return COA_OK;
    /* the rewrite must stay one field: balanced braces, and no '"' outside
     * braces when the field is quoted */
    long depth = 0;
    int ok = 1, quoted = t->text[a - 1] == '"';
    for (size_t i = 0; i < len && ok; i++) {
        if (out[i] == '\\' && i + 1 < len) {
            i++;
            continue;
        }
        depth += out[i] == '{';
        depth -= out[i] == '}';
        ok = depth >= 0 && !(quoted && depth == 0 && out[i] == '"');
    }
    size_t lines = 0;
    for (size_t i = a; i < b; i++)
        lines += t->text[i] == '\n';
    char *text = ok && depth == 0 ? realloc(out, len + lines + 1) : NULL;
    if (!text) {
        free(out);
        return ok && depth == 0 ? COA_ENOMEM : COA_OK;
    }
    return push_rewrite(macros, a, b, text, len, lines);
}

/* TeX commands of Beebe's TUGboat bibliography (tugboat.def) that bibutils
 * does not know.  It drops the backslash of such a command, or worse,
 * reads its first letters as an accent or a letter it knows: "\Dash" came
 * out as "Dash" ("The TUG94 ProceedingsDashApologia"), "\LuaTeX" as
 * "ŁuaTeX", "\kern" as "ęrn", "\cs{x}" as "şx", "\acro{CTAN}" as
 * "acroCTAN".  Each is rewritten to what it prints before bibutils reads
 * the field.  A logo takes a "{}" after it along; a markup command leaves
 * its argument. */
static const struct {
    const char *name, *text; /* text NULL: a markup command, dropped */
} tex_logo_table[] = {
    {"Dash", "---"},       {"TUB", "TUGboat"},   {"MF", "METAFONT"},  {"MP", "MetaPost"},
    {"PS", "PostScript"},  {"AllTeX", "(La)TeX"}, {"LaTeXe", "LaTeX2e"}, {"LuaTeX", "LuaTeX"},
    {"LuaLaTeX", "LuaLaTeX"}, {"Omega", "Omega"}, {"OMEGA", "Omega"}, {"PiCTeX", "PiCTeX"},
    {"ldots", "..."},      {"dots", "..."},
    {"acro", NULL},        {"pkg", NULL},        {"pgm", NULL},       {"file", NULL},
    {"booktitle", NULL},   {"macro", NULL},      {"cs", NULL},        {"lib", NULL},
    {"tubissue", NULL},    {"ssf", NULL},        {"sf", NULL},        {"smc", NULL},
    {"slnine", NULL},      {"path", NULL},
};

/* Math that TeX sets with a space on either side: operator names ("$n
 * \log n$" is "n log n"), binary operators and relations. */
static int math_spaced(const char *s, size_t len, int command)
{
    static const char *const ops[] = {
        "approx", "arg", "ast", "cap", "cdot", "circ", "cong", "cos", "cup", "deg", "det", "dim", "div",
        "equiv", "exp", "gcd", "ge", "geq", "hookrightarrow", "in", "inf", "ker", "le", "leftarrow", "leq",
        "lg", "lim", "ln", "log", "mapsto", "max", "min", "mp", "ne", "neq", "oplus", "otimes", "pm", "Pr",
        "rightarrow", "Rightarrow", "sim", "simeq", "sin", "subset", "subseteq", "sup", "supset", "tan",
        "times", "to", "vee", "wedge"};
    if (!command)
        return len == 1 && strchr("+-*=<>", s[0]);
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++)
        if (strlen(ops[k]) == len && memcmp(ops[k], s, len) == 0)
            return 1;
    return 0;
}

/* Rewrites the commands of tex_logo_table in the field value text[a..b)
 * (between its delimiters) as a rewrite, like clean_names; and drops the
 * spaces of math mode, which TeX does not print: bibutils kept them,
 * "{$ \Omega $}-Babel" read as "Omega -Babel".  A space that ends a
 * command before a letter ("$\alpha b$") becomes "{}", which ends it
 * too; beside an operator or a relation, where TeX puts space of its own,
 * one space stays ("$x + y$"). */
static int tex_logos(const coa_bu_text_t *t, macros_t *macros, size_t a, size_t b)
{
    const char *s = t->text;
    char *out = NULL;
    size_t len = 0, cap = 0, done = a, lines = 0;
    /* math mode only where every '$' has its pair: TeX stops at a lone one */
    int math = 0, dollars = 0;
    for (size_t i = a; i < b; i++) {
        dollars += s[i] == '$';
        i += s[i] == '\\';
    }
    const size_t n_logos = sizeof tex_logo_table / sizeof tex_logo_table[0];
    for (size_t i = a; i < b; i++) {
        const char *text;
        size_t from = i, to, k = n_logos;
        if (s[i] == '$') {
            math = dollars % 2 == 0 && !math;
            i += i + 1 < b && s[i + 1] == '$'; /* display math, "$$" */
            continue;
        } else if (math && isspace((unsigned char)s[i])) {
            to = i;
            while (to < b && isspace((unsigned char)s[to]))
                to++;
            size_t w = i; /* the command that the space ends, s[w..i) */
            while (w > done && isalpha((unsigned char)s[w - 1]))
                w--;
            int after_command = w < i && w > a && s[w - 1] == '\\';
            size_t next = to + (to < b && s[to] == '\\'), end = next; /* the command after, s[next..end) */
            while (end < b && isalpha((unsigned char)s[end]))
                end++;
            text = "";
            if (i > a && s[i - 1] != '$' && to < b && s[to] != '$' &&
                (math_spaced(s + w, i - w, after_command) || math_spaced(s + i - 1, 1, 0) ||
                 (next > to && math_spaced(s + next, end - next, 1)) || math_spaced(s + to, 1, 0)))
                text = " ";
            else if (after_command && to < b && isalpha((unsigned char)s[to]))
                text = "{}";
        } else if (s[i] != '\\' || i + 1 >= b) {
            continue;
        } else if (!isalpha((unsigned char)s[i + 1])) {
            i++; /* "\$" is a dollar sign, not math */
            continue;
        } else {
            size_t w = i + 1;
            while (w < b && isalpha((unsigned char)s[w]))
                w++;
            for (k = 0; k < n_logos; k++)
                if (strlen(tex_logo_table[k].name) == w - i - 1 &&
                    memcmp(tex_logo_table[k].name, s + i + 1, w - i - 1) == 0)
                    break;
            if (k == n_logos) {
                i = w - 1;
                continue;
            }
            text = tex_logo_table[k].text;
            to = w;
            if (text && to + 1 < b && s[to] == '{' && s[to + 1] == '}')
                to += 2; /* "\TUB{}" */
        }
        int dash = k < n_logos && strcmp(tex_logo_table[k].name, "Dash") == 0;
        if (dash && from > done && s[from - 1] == '{' && to < b && s[to] == '}') {
            from--; /* "{\Dash}" as a whole */
            to++;
        }
        if (dash) { /* tugboat.def: \unskip\thinspace---\thinspace\ignorespaces */
            while (from > done && (s[from - 1] == ' ' || s[from - 1] == '\t'))
                from--;
            while (to < b && (s[to] == ' ' || s[to] == '\t'))
                to++;
        }
        size_t n = text ? strlen(text) : 0;
        if (coa_grow_array(&out, &cap, len + (from - done) + n + 1, 1, 256)) {
            free(out);
            return COA_ENOMEM;
        }
        memcpy(out + len, s + done, from - done);
        len += from - done;
        memcpy(out + len, text ? text : "", n);
        len += n;
        done = to;
        i = to - 1;
    }
    if (!out)
        return COA_OK;
    for (size_t i = a; i < b; i++)
        lines += s[i] == '\n';
    if (coa_grow_array(&out, &cap, len + (b - done) + lines + 1, 1, 256)) {
        free(out);
        return COA_ENOMEM;
    }
    memcpy(out + len, s + done, b - done);
    len += b - done;
    size_t kept = 0;
    for (size_t i = 0; i < len; i++)
        kept += out[i] == '\n';
    return push_rewrite(macros, a, b, out, len, lines - kept);
}

static int rewrite_cmp(const void *x, const void *y)
{
    const struct rewrite *p = x, *q = y;
    return p->off < q->off ? -1 : p->off > q->off;
}

/* Where offset 'off' of the text is after the rewrites. */
static size_t moved(const macros_t *macros, size_t off)
{
    size_t lo = 0, hi = macros->n_rewrites; /* rewrites [0, lo) end at or before off */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (macros->rewrites[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return off + macros->growth[lo] - macros->shrink[lo];
}

/* Applies the rewrites to the text (in order of offset, each inside one
 * entry): entries after one move by the change of length; every line keeps
 * its number, since a rewrite keeps its line ends. */
static int apply_rewrites(coa_bu_text_t *t, macros_t *macros, coa_bu_locs_t *locs)
{
    if (!macros->n_rewrites)
        return COA_OK;
    /* an entry's author field is rewritten after its title-like ones */
    qsort(macros->rewrites, macros->n_rewrites, sizeof *macros->rewrites, rewrite_cmp);
    macros->growth = malloc((macros->n_rewrites + 1) * sizeof *macros->growth);
    macros->shrink = malloc((macros->n_rewrites + 1) * sizeof *macros->shrink);
    if (!macros->growth || !macros->shrink)
        return COA_ENOMEM;
    macros->growth[0] = macros->shrink[0] = 0;
    for (size_t i = 0; i < macros->n_rewrites; i++) {
        macros->growth[i + 1] = macros->growth[i] + macros->rewrites[i].len;
        macros->shrink[i + 1] = macros->shrink[i] + (macros->rewrites[i].end - macros->rewrites[i].off);
    }
    size_t len = t->len;
    for (size_t i = 0; i < macros->n_rewrites; i++)
        len = len - (macros->rewrites[i].end - macros->rewrites[i].off) + macros->rewrites[i].len;
    char *text = malloc(len + 1);
    if (!text)
        return COA_ENOMEM;
    size_t w = 0, r = 0;
    for (size_t i = 0; i < macros->n_rewrites; i++) {
        const struct rewrite *x = &macros->rewrites[i];
        memcpy(text + w, t->text + r, x->off - r);
        w += x->off - r;
        memcpy(text + w, x->text, x->len);
        w += x->len;
        r = x->end;
    }
    memcpy(text + w, t->text + r, t->len - r);
    w += t->len - r;
    text[w] = '\0';
    /* an entry's bounds are never inside a rewrite: each moves by the
     * rewrites that end before it */
    for (long i = 0; i < locs->n; i++) {
        coa_bu_loc_t *loc = &locs->items[i];
        loc->off = moved(macros, loc->off);
        loc->end = moved(macros, loc->end);
    }
    free(t->text);
    t->text = text;
    t->len = w;
    t->cap = w + 1;
    long line = 1;
    t->line_off[0] = 0;
    for (size_t i = 0; i < w && line < t->n_stored; i++)
        if (text[i] == '\n')
            t->line_off[line++] = i + 1;
    return COA_OK;
}

/* Marks text[from..to) to be blanked (line ends kept) before bibutils
 * reads it, so that bibutils sees no record there. */
static int blank_chunk(macros_t *macros, size_t from, size_t to)
{
    if (coa_grow_array(&macros->blank, &macros->cap_blank, macros->n_blank + 2, sizeof *macros->blank, 16))
        return COA_ENOMEM;
    macros->blank[macros->n_blank++] = from;
    macros->blank[macros->n_blank++] = to;
    return COA_OK;
}

static int braces_balance(const char *s, size_t n)
{
    size_t depth = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '{')
            depth++;
        else if (s[i] == '}' && depth-- == 0)
            return 0;
    }
    return depth == 0;
}

/* ---- what bibutils is given ----
 *
 * bibutils' LaTeX decoder prints a value whole once for each brace left
 * open at its end, and once for each '}' that closes nothing, so a value
 * with k of them costs k times its length (and cost the cube of k before
 * coa_bu_report looked for each word once); a @String's text is copied
 * into every value that uses it, and into every @String defined with it,
 * so twenty definitions that each double the one before make a megabyte
 * of text out of a line.  The rule: no chunk of the text (from an '@' line
 * to the next) reaches bibutils if its braces, with those of the macros it
 * uses, nest deeper than BU_OPEN_MAX or close more than BU_OPEN_MAX times
 * beyond what they open, as bibutils counts them, or if the macro text it
 * makes bibutils copy would bring the total past BU_EXPAND_FACTOR times
 * the input read so far (plus BU_EXPAND_BASE); nor does a @String whose
 * text, macros expanded, is longer than BU_MACRO_MAX.  Such an entry, or
 * @String, is reported at its line and skipped; a chunk skipped for
 * another reason, or a @Preamble, is just kept from bibutils.  Real
 * entries nest a few levels; a shallow defect still goes to bibutils, as
 * before, so its messages stay the same. */
#define BU_OPEN_MAX 64
#define BU_EXPAND_FACTOR 8
#define BU_EXPAND_BASE ((size_t)8 << 20)
#define BU_MACRO_MAX ((size_t)1 << 20)

/* The deepest nesting of braces in s[0..n), plus the '}' that close
 * nothing, as bibutils counts them (a brace after a backslash is a
 * character), up to a little past BU_OPEN_MAX. */
static unsigned bu_open_braces(const char *s, size_t n)
{
    size_t depth = 0, deepest = 0, strays = 0;
    for (size_t i = 0; i < n && deepest + strays <= BU_OPEN_MAX; i++) {
        if (i == 0 || s[i - 1] == '\n') { /* bibutils drops a line that starts with '%' */
            const char *nl = memchr(s + i, '\n', n - i);
            size_t len = nl ? (size_t)(nl - (s + i)) : n - i;
            if (comment_line(s + i, len)) {
                i += len;
                continue;
            }
        }
        if ((s[i] != '{' && s[i] != '}') || (i > 0 && s[i - 1] == '\\'))
            continue;
        if (s[i] == '{' && ++depth > deepest)
            deepest = depth;
        else if (s[i] == '}' && depth)
            depth--;
        else if (s[i] == '}')
            strays++;
    }
    return (unsigned)(deepest + strays);
}

/* The braces that bibutils' LaTeX decoder would find open at the end of
 * each field's value, or closing nothing, summed over the fields of the
 * chunk s[0..n), which starts at its '@'; up to a little past
 * BU_OPEN_MAX.  bibutils cuts the fields its own way (bibtexin.c: a quote
 * is a delimiter only outside braces, and braces inside quotes do not
 * count), so a value that BibTeX reads balanced may not be balanced for
 * bibutils: "{{{" , x = }}}" is one field for BibTeX, two for bibutils. */
static unsigned bu_fields_open(const char *s, size_t n)
{
    size_t i = 0, sum = 0;
    while (i < n && s[i] != '{' && s[i] != '(') /* the type */
        i++;
    i++;
    while (i < n && sum <= BU_OPEN_MAX) {
        while (i < n && isspace((unsigned char)s[i]))
            i++;
        size_t tag = i;
        while (i < n && s[i] != '=' && s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            i++;
        while (i < n && isspace((unsigned char)s[i]))
            i++;
        if (i == tag || i >= n || s[i] != '=') {
            if (i == tag) { /* no tag: bibutils skips the line */
                while (i < n && s[i] != '\n')
                    i++;
            }
            continue;
        }
        i++;
        size_t start = i;
        unsigned nbracket = 0; /* unsigned, as in bibutils: a stray '}' makes it huge */
        int nquotes = 0;
        for (; i < n; i++) {
            char ch = s[i];
            if (!nquotes && !nbracket && (ch == ',' || ch == '=' || ch == '}' || ch == ')'))
                break;
            int escaped = i > start && s[i - 1] == '\\';
            if (ch == '"' && !nbracket && !escaped)
                nquotes = !nquotes;
            else if (ch == '{' && !nquotes && !escaped)
                nbracket++;
            else if (ch == '}' && !nquotes && !escaped)
                nbracket--;
        }
        /* the value as the decoder reads it: text[start..i), tokens joined */
        size_t depth = 0, strays = 0;
        for (size_t k = start; k < i; k++) {
            if ((s[k] != '{' && s[k] != '}') || (k > start && s[k - 1] == '\\'))
                continue;
            if (s[k] == '{')
                depth++;
            else if (depth)
                depth--;
            else
                strays++;
        }
        sum += depth + strays;
    }
    return sum > UINT_MAX ? UINT_MAX : (unsigned)sum;
}

/* Why the chunk being scanned, with the macros it uses (macros->use_*),
 * must not reach bibutils, or NULL. */
static const char *bibutils_cost(const macros_t *m)
{
    if (m->use_open > BU_OPEN_MAX || m->fields_open + m->use_open > BU_OPEN_MAX)
        return "more than 64 braces left open, or closing nothing, as bibutils reads its fields (its time "
               "would grow with their square)";
    size_t budget = m->input < (SIZE_MAX - BU_EXPAND_BASE) / BU_EXPAND_FACTOR
                        ? BU_EXPAND_FACTOR * m->input + BU_EXPAND_BASE
                        : SIZE_MAX;
    if (m->use_len > budget || m->expanded > budget - m->use_len)
        return "the @String macros it uses would expand the file more than 8 times";
    return NULL;
}

/* Handles one chunk (from an '@' line to the next); adds a location for
 * each chunk that bibutils will return as a record. */
static int scan_chunk(coa_reader_ctx_t *ctx, cursor_t *c, macros_t *macros, coa_bu_locs_t *locs)
{
    long start = c->line;
    const char *s = c->t->text;
    cur_skip_ws(c);
    cur_next(c); /* '@' */
    size_t a = c->pos;
    /* bibutils tests these prefixes on the raw text, right after '@' */
    int is_string = c->end - a >= 6 && strncasecmp(s + a, "string", 6) == 0;
    int is_comment = c->end - a >= 7 && strncasecmp(s + a, "comment", 7) == 0;
    cur_skip_ws(c);
    size_t ta = c->pos;
    while (cur_peek(c) >= 0 && isalnum(cur_peek(c)))
        cur_next(c);
    size_t tl = c->pos - ta;
    char type[32];
    snprintf(type, sizeof type, "%.*s", (int)(tl < 31 ? tl : 31), s + ta);
    cur_skip_ws(c);
    int open = cur_peek(c);
    int close = open == '(' ? ')' : '}';
    if (is_comment) {
        /* bibutils' biblatex reader takes @Comment for an entry (JabRef
         * writes its settings in them): nobody reads them but BibTeX */
        return blank_chunk(macros, coa_bu_text_offset(c->t, start), c->end);
    }
    if (is_string) {
        if (open != '{' && open != '(') {
            macros->heavy = macros->chunk_open > BU_OPEN_MAX;
            return COA_OK;
        }
        cur_next(c);
        cur_skip_ws(c);
        cursor_t at_name = *c;
        size_t na = c->pos;
        while (cur_peek(c) >= 0 && ident_char(cur_peek(c)))
            cur_next(c);
        size_t nl = c->pos - na;
        if (!nl) {
            macros->heavy = macros->chunk_open > BU_OPEN_MAX;
            return COA_OK;
        }
        /* its value is read as an entry's field is: a defect, or a value
         * too costly for bibutils, leaves the macro undefined */
        *c = at_name;
        defect_t d = {0, "", "", 0};
        macros->in_string = 1;
        int bad = read_fields(ctx, c, close, macros, &d, "");
        macros->in_string = 0;
        if (bad > 0)
            return bad; /* out of memory */
        size_t len = c->end - na;
        len = macros->use_len < SIZE_MAX - len ? len + macros->use_len : SIZE_MAX;
        const char *why = bad ? d.msg : bibutils_cost(macros);
        if (!why && len > BU_MACRO_MAX)
            why = "its text, macros expanded, is longer than a megabyte";
        if (why) {
            macros->heavy = 1;
            return coa_reader_skip(ctx, bad ? d.line : start, "@String '%.*s': %s", (int)(nl < 40 ? nl : 40), s + na,
                                   why);
        }
        macros->expanded += macros->use_len;
        unsigned own = macros->fields_open + macros->use_open; /* both at most BU_OPEN_MAX here */
        int err = macros_add(macros, s + na, nl, len, own);
        return err ? err : macros_add(&bu_strings, s + na, nl, len, own);
    }
    int err;
    int preamble = strcasecmp(type, "preamble") == 0;
    /* the key: up to the first comma */
    size_t ka = 0, kl = 0;
    if (open == '{' || open == '(') {
        cur_next(c);
        cur_skip_ws(c);
        ka = c->pos;
        while (cur_peek(c) >= 0 && cur_peek(c) != ',' && cur_peek(c) != close && !isspace(cur_peek(c)))
            cur_next(c);
        kl = c->pos - ka;
    }
    const char *key = s + ka;
    if (kl && memchr(key, '=', kl))
        kl = 0; /* "@misc{title = ...": no key */
    if ((err = coa_bu_locs_add(locs, start, key, kl)))
        return err;
    coa_bu_loc_t *loc = &locs->items[locs->n - 1];
    loc->off = coa_bu_text_offset(c->t, start);
    loc->end = c->end;
    if (preamble) {
        loc->drop = 1;
        return read_preamble(ctx, macros, s + ka, c->end - ka); /* from after its '{' */
    }
    if (!tl || (open != '{' && open != '(')) {
        loc->drop = 1;
        return coa_reader_skip(ctx, start, "malformed entry start '%.40s'", s + a - 1);
    }
    if (!kl) {
        loc->drop = 1;
        return coa_reader_skip(ctx, start, "@%s entry has no key", type);
    }
    if (!braces_balance(key, kl)) {
        /* the braces of "@article{{{{..." never close: bibutils would
         * decode them as TeX, in time that grows with their cube */
        loc->drop = 1;
        return coa_reader_skip(ctx, start, "entry key '%.40s' has unbalanced braces", loc->key);
    }
    defect_t d = {0, "", "", 0};
    cur_skip_ws(c);
    if (cur_peek(c) == ',')
        cur_next(c);
    macros->author = 0;
    macros->author_end = 0;
    macros->n_text_fields = 0;
    int bad = read_fields(ctx, c, close, macros, &d, loc->key);
    if (bad > 0)
        return bad; /* out of memory */
    const char *why = bad ? NULL : bibutils_cost(macros);
    if (why) {
        bad = -1;
        d.line = start;
        snprintf(d.msg, sizeof d.msg, "%s", why);
    } else if (!bad) {
        macros->expanded += macros->use_len;
    }
    if (!bad && macros->author_end > macros->author_off + 1) {
        size_t va = macros->author_off + 1, vb = macros->author_end - 1;
        const char *names = s + va;
        size_t len = vb - va;
        if ((err = clean_names(ctx, c->t, macros, va, vb, loc->key)))
            return err;
        if (macros->n_rewrites && macros->rewrites[macros->n_rewrites - 1].off == va) {
            names = macros->rewrites[macros->n_rewrites - 1].text;
            len = macros->rewrites[macros->n_rewrites - 1].len;
        }
        loc->repeated_authors = repeated_names(names, len);
    }
    for (size_t i = 0; !bad && i + 1 < macros->n_text_fields; i += 2)
        if ((err = tex_logos(c->t, macros, macros->text_fields[i], macros->text_fields[i + 1])))
            return err;
    if (!bad && macros->author && drops_authors(macros->informat, s + ta, tl)) {
        if (coa_grow_array(&macros->retype, &macros->cap_retype, macros->n_retype + 1, sizeof *macros->retype, 16))
            return COA_ENOMEM;
        macros->retype[macros->n_retype++] = ta;
    }
    if (!bad && trailing_fields(c)) {
        bad = 1;
        d.line = d.field_line ? d.field_line : start;
        if (d.field[0])
            snprintf(d.msg, sizeof d.msg, "unbalanced brace in field '%s' (an extra '}' ends the entry early)",
                     d.field);
        else
            snprintf(d.msg, sizeof d.msg, "an extra '}' ends the entry early");
    }
    if (bad) {
        loc->drop = 1;
        return coa_reader_skip(ctx, d.line, "entry '%s': %s", loc->key, d.msg);
    }
    return COA_OK;
}

/* Empties what macros holds for one chunk of the input; the macros
 * themselves, and the @Preamble's, live on. */
static void macros_new_chunk(macros_t *m)
{
    m->crossref = 0;
    m->n_retype = m->n_blank = 0;
    for (size_t i = 0; i < m->n_rewrites; i++)
        free(m->rewrites[i].text);
    m->n_rewrites = 0;
    free(m->growth);
    free(m->shrink);
    m->growth = m->shrink = NULL;
}

/* Finds the entries of a chunk as bibutils' reader cuts them. */
static int scan(coa_reader_ctx_t *ctx, coa_bu_text_t *t, macros_t *macros, coa_bu_locs_t *locs)
{
    int err = COA_OK;
    long chunk_start = 0;
    macros_new_chunk(macros);
    for (long l = t->first; l <= t->n_lines + 1 && !err; l++) {
        size_t n = 0;
        const char *s = l <= t->n_lines ? coa_bu_text_line(t, l, &n) : NULL;
        size_t k = 0;
        while (s && k < n && (s[k] == ' ' || s[k] == '\t'))
            k++;
        int at = s && k < n && s[k] == '@';
        if (!at && s)
            continue;
        if (chunk_start) {
            size_t from = coa_bu_text_offset(t, chunk_start), to = s ? (size_t)(s - t->text) : t->len;
            cursor_t c = {t, from, to, chunk_start};
            long before = locs->n;
            size_t rewrites = macros->n_rewrites, retypes = macros->n_retype;
            macros->chunk_open = bu_open_braces(t->text + from, to - from);
            macros->fields_open = bu_fields_open(t->text + from, to - from);
            macros->use_len = 0;
            macros->use_open = 0;
            macros->heavy = 0;
            err = scan_chunk(ctx, &c, macros, locs);
            macros->input += to - from;
            int left_out = locs->n > before && locs->items[locs->n - 1].drop;
            if (!err && left_out && !macros->heavy)
                macros->heavy = macros->chunk_open > BU_OPEN_MAX || bibutils_cost(macros) != NULL;
            if (!err && macros->heavy) {
                /* nothing of it is rewritten or retyped in bibutils' text */
                for (size_t i = rewrites; i < macros->n_rewrites; i++)
                    free(macros->rewrites[i].text);
                macros->n_rewrites = rewrites;
                macros->n_retype = retypes;
                size_t blank_from = from;
                if (left_out && coa_bu_text_long_line(t, chunk_start, l)) {
                    /* coa_bu_drop_long_lines finds the record of a long
                     * line among the locations: this one stays, and so
                     * does its '@', for bibutils to count a record there */
                    while (blank_from < to && t->text[blank_from] != '@')
                        blank_from++;
                    blank_from += blank_from < to;
                } else if (left_out) {
                    locs->n--; /* the next record takes its ordinal, as bibutils will number it */
                    free(locs->items[locs->n].key);
                    macros->hidden++;
                }
                err = blank_chunk(macros, blank_from, to);
            }
        }
        chunk_start = l;
    }
    for (size_t i = 0; i < macros->n_retype; i++) {
        char *type = t->text + macros->retype[i];
        size_t n = 0;
        while (isalnum((unsigned char)type[n]))
            n++;
        memcpy(type, "misc", 4); /* same length: every offset stays right */
        memset(type + 4, ' ', n - 4);
    }
    for (size_t i = 0; i + 1 < macros->n_blank; i += 2)
        for (size_t k = macros->blank[i]; k < macros->blank[i + 1]; k++)
            if (t->text[k] != '\n')
                t->text[k] = ' ';
    if (!err)
        err = apply_rewrites(t, macros, locs);
    return err;
}

/* ---- the entries that crossrefs name ----
 *
 * bibutils resolves a crossref only among the records of one call, and
 * the parent (an @Proceedings, an @Book) usually comes after its children,
 * often at the end of the file: BibTeX requires it.  So when a chunk first
 * holds a crossref, the input is read twice more, on the side, a line at a
 * time: once for the keys that crossrefs name, once for the text of the
 * first entry with each of those keys.  Each call of bibutils on a chunk
 * with a crossref then gets those entries before the chunk's own, and
 * their records are dropped (a parent is read at its own place in the
 * file, as any entry).  bibutils takes the first record with the key, as
 * it did when the rest of the file was one call.  Memory is bounded by
 * XREF_MAX_BYTES of parents (about 10,000 @Proceedings), and a call gets
 * only those its batch names (and theirs in turn): at worst bibutils
 * reads a chunk and 4 MiB of parents at once (73 MB at the peak, where
 * the old single call took 141 MB on an 18 MB file of children that all
 * named 9 KB parents).  Past the limit, crossrefs to the entries left out
 * are reported unresolved, by bibutils, at their lines.  An input that
 * cannot be read again (standard input) is read as before: from its first
 * crossref to its end in one call (COA_BU_BIBTEX_WHOLE). */
#define XREF_MAX_BYTES ((size_t)4 << 20)

typedef struct {
    int built;            /* the side reads are done */
    char **keys;          /* what crossrefs name, sorted, once each */
    size_t n_keys, cap_keys, key_bytes;
    char *text;           /* the first entry of each of those keys, in the order of the file */
    size_t len, cap;
    long n;               /* entries in text */
    size_t *off;          /* entry i is text[off[i] .. off[i + 1]) */
    size_t off_cap;
    long *parent;         /* per entry: the key its own crossref names, or -1 */
    size_t parent_cap;
    long *entry;          /* per key: its entry, or -1 */
    char *need;           /* per entry: a batch needs it (run_bibutils) */
} xref_t;

static void xref_destroy(xref_t *x)
{
    for (size_t i = 0; i < x->n_keys; i++)
        free(x->keys[i]);
    COA_FREE(x->keys, x->text, x->off, x->parent, x->entry, x->need);
}

static int key_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The crossref value on a line ("crossref = {KEY}", "= \"KEY\"" or
 * "= KEY"), or NULL; *n gets its length. */
static const char *crossref_value(const char *s, size_t len, size_t *n)
{
    for (size_t i = 0; i + 8 <= len; i++) {
        if ((s[i] | 0x20) != 'c' || strncasecmp(s + i, "crossref", 8) != 0 || (i && ident_char(s[i - 1])))
            continue;
        size_t k = i + 8;
        while (k < len && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (k >= len || s[k] != '=')
            continue;
        k++;
        while (k < len && (s[k] == ' ' || s[k] == '\t'))
            k++;
        char close = k < len && s[k] == '{' ? '}' : k < len && s[k] == '"' ? '"' : 0;
        if (close)
            k++;
        size_t a = k;
        while (k < len && (close ? s[k] != close : ident_char((unsigned char)s[k])))
            k++;
        if (close && k >= len)
            return NULL;
        *n = k - a;
        return *n ? s + a : NULL;
    }
    return NULL;
}

/* The key of an entry starting on the line ("@Proceedings{KEY,"), or
 * NULL for no key, @String, @Comment and @Preamble. */
static const char *entry_key(const char *s, size_t len, size_t *n)
{
    size_t k = 0;
    while (k < len && (s[k] == ' ' || s[k] == '\t'))
        k++;
    if (k >= len || s[k] != '@')
        return NULL;
    size_t ta = ++k;
    while (k < len && isalnum((unsigned char)s[k]))
        k++;
    size_t tl = k - ta;
    if ((tl == 6 && strncasecmp(s + ta, "string", 6) == 0) || (tl == 7 && strncasecmp(s + ta, "comment", 7) == 0) ||
        (tl == 8 && strncasecmp(s + ta, "preamble", 8) == 0))
        return NULL;
    while (k < len && (s[k] == ' ' || s[k] == '\t'))
        k++;
    if (k >= len || (s[k] != '{' && s[k] != '('))
        return NULL;
    char close = s[k] == '(' ? ')' : '}';
    k++;
    while (k < len && (s[k] == ' ' || s[k] == '\t'))
        k++;
    size_t a = k;
    while (k < len && s[k] != ',' && s[k] != close && !isspace((unsigned char)s[k]))
        k++;
    *n = k - a;
    return *n ? s + a : NULL;
}

/* The index of key[0..n) among x->keys, or -1. */
static long xref_find(const xref_t *x, const char *key, size_t n)
{
    char *k = strndup(key, n);
    if (!k)
        return -1;
    char **hit = x->n_keys ? bsearch(&k, x->keys, x->n_keys, sizeof *x->keys, key_cmp) : NULL;
    free(k);
    return hit ? (long)(hit - x->keys) : -1;
}

/* Whether the input can be read again from its start, for the side reads
 * (not standard input). */
static int can_reread(const coa_input_t *in)
{
    return in->mem || (in->size && strcmp(in->name, "<stdin>") != 0);
}

static int reopen(const coa_input_t *in, coa_input_t *again, const coa_diag_sink_t *quiet)
{
    if (in->mem) {
        coa_input_open_buffer(again, in->name, in->mem, in->mem_len, in->max_line, quiet);
        return 1;
    }
    return can_reread(in) && coa_input_open(again, in->name, in->max_line, quiet) == COA_OK;
}

/* Forgets the last entry kept, that of key 'kept', when bibutils must not
 * read it (bu_open_braces): its crossrefs are left unresolved, as if it
 * were missing (the main read reports it at its place). */
static void xref_check_cost(xref_t *x, long kept)
{
    const char *e = x->text + (x->n ? x->off[x->n - 1] : 0);
    size_t n = x->n ? x->len - x->off[x->n - 1] : 0;
    if (!x->n || (bu_open_braces(e, n) <= BU_OPEN_MAX && bu_fields_open(e, n) <= BU_OPEN_MAX))
        return;
    x->len = x->off[--x->n];
    x->entry[kept] = -1;
}

/* The two side reads.  What they would report (a line too long, a bad
 * byte) the main read reports at its place; an input error ends them,
 * with what they found so far. */
static int xref_build(coa_reader_ctx_t *ctx, xref_t *x)
{
    const coa_diag_sink_t quiet = {NULL, NULL};
    coa_input_t in;
    const char *line;
    size_t len, n;
    int err = COA_OK, full = 0;
    x->built = 1;
    if (!reopen(ctx->in, &in, &quiet))
        return COA_OK;
    while (coa_input_next(&in, &line, &len) > 0) {
        const char *v = crossref_value(line, len, &n);
        if (!v || x->key_bytes + n > XREF_MAX_BYTES)
            continue;
        if (coa_grow_array(&x->keys, &x->cap_keys, x->n_keys + 1, sizeof *x->keys, 64) ||
            !(x->keys[x->n_keys] = strndup(v, n))) {
            err = COA_ENOMEM;
            break;
        }
        x->n_keys++;
        x->key_bytes += n + 1;
    }
    coa_input_close(&in);
    if (err || !x->n_keys)
        return err;
    qsort(x->keys, x->n_keys, sizeof *x->keys, key_cmp);
    size_t w = 0;
    for (size_t i = 0; i < x->n_keys; i++) {
        if (w && strcmp(x->keys[w - 1], x->keys[i]) == 0)
            free(x->keys[i]);
        else
            x->keys[w++] = x->keys[i];
    }
    x->n_keys = w;
    if (!(x->entry = malloc(x->n_keys * sizeof *x->entry)))
        return COA_ENOMEM;
    for (size_t i = 0; i < x->n_keys; i++)
        x->entry[i] = -1;
    if (!reopen(ctx->in, &in, &quiet))
        return COA_OK;
    int keep = 0;
    long first_line = 0, kept = -1;
    while (!err && coa_input_next(&in, &line, &len) > 0) {
        size_t k = 0;
        while (k < len && (line[k] == ' ' || line[k] == '\t'))
            k++;
        if (k < len && line[k] == '@') {
            if (keep)
                xref_check_cost(x, kept);
            const char *key = entry_key(line, len, &n);
            kept = key ? xref_find(x, key, n) : -1;
            keep = !full && kept >= 0 && x->entry[kept] < 0;
            if (keep && (coa_grow_array(&x->off, &x->off_cap, (size_t)x->n + 2, sizeof *x->off, 64) ||
                         coa_grow_array(&x->parent, &x->parent_cap, (size_t)x->n + 1, sizeof *x->parent, 64))) {
                err = COA_ENOMEM;
                break;
            }
            if (keep) {
                x->entry[kept] = x->n;
                x->off[x->n] = x->len;
                x->parent[x->n++] = -1;
            }
        }
        if (!keep)
            continue;
        if (x->len + len + 1 > XREF_MAX_BYTES) { /* the entry goes, and the rest too */
            x->len = x->off[--x->n];
            x->entry[kept] = -1;
            keep = 0;
            if (!full++)
                first_line = in.lineno;
            continue;
        }
        const char *v = crossref_value(line, len, &n);
        if (v && x->parent[x->n - 1] < 0)
            x->parent[x->n - 1] = xref_find(x, v, n);
        if (coa_grow_array(&x->text, &x->cap, x->len + len + 2, 1, 4096)) {
            err = COA_ENOMEM;
            break;
        }
        memcpy(x->text + x->len, line, len);
        x->len += len;
        x->text[x->len++] = '\n';
        x->text[x->len] = '\0';
    }
    if (!err && keep)
        xref_check_cost(x, kept);
    if (x->off)
        x->off[x->n] = x->len;
    if (!err && x->n && !(x->need = malloc((size_t)x->n)))
        err = COA_ENOMEM;
    coa_input_close(&in);
    if (full)
        coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, first_line,
                 "the entries that crossrefs name take more than %zu bytes; from this one on they are not "
                 "kept, and crossrefs to them are not resolved",
                 XREF_MAX_BYTES);
    return err;
}

/* ---- reading ---- */

/* bibutils makes every key unique by comparing each with all the others,
 * which grows with the square of the entries (30% of the time on 11,000
 * entries).  So we hand it a chunk's entries in batches, unless an entry
 * of the chunk has a crossref: such a chunk is one call, with the entries
 * that crossrefs name before it (xref_t).  Its @String table lives on between calls, as macros do in a file.
 *
 * In each batch, the entries the fast path reads (bibtex_fast.c) are
 * blanked out of bibutils' copy of the text, with every line kept, and the
 * papers are added in the order of the file. */
#define BATCH 2000

typedef struct {
    coa_bibfast_t *fast;  /* NULL: bibutils reads everything */
    int check;            /* COAUTHOR_BIBTEX_CHECK: bibutils reads everything too, and must agree */
    long *index;          /* per entry of the batch: its fast record, or -1 */
    char *copy;           /* bibutils' copy of the batch's text */
    size_t copy_cap;
    coa_bu_loc_t *slow;   /* the entries bibutils reads, in order */
    unsigned long mismatches;
} fastpath_t;

/* Finds which entries of locs[i0..i1) the fast path reads; returns how
 * many it does not, or -error. */
static long classify(fastpath_t *fp, const coa_bu_text_t *t, const coa_bu_loc_t *locs, long n)
{
    long slow = 0;
    coa_bibfast_reset(fp->fast);
    for (long i = 0; i < n; i++) {
        size_t idx;
        int r = 0;
        if (!locs[i].drop && locs[i].key && locs[i].end > locs[i].off)
            r = coa_bibfast_entry(fp->fast, t->text + locs[i].off, locs[i].end - locs[i].off, locs[i].key, &idx);
        if (r < 0)
            return r;
        fp->index[i] = r ? (long)idx : -1;
        slow += !r;
    }
    return slow;
}

/* Compares the fast path's records with bibutils' (check mode). */
static void compare(coa_reader_ctx_t *ctx, fastpath_t *fp, const coa_bu_locs_t *view, const bibl *b)
{
    coa_bu_rec_t r = {0};
    for (long i = 0; i < view->n && i < b->n; i++) {
        if (fp->index[i] < 0)
            continue;
        if (coa_bu_rec_from_fields(b->ref[i], view->items[i].key, &r))
            break;
        char detail[200];
        const char *what = coa_bu_rec_diff(coa_bibfast_rec(fp->fast, (size_t)fp->index[i]), &r, detail, sizeof detail);
        if (what) {
            fp->mismatches++;
            coa_diag(ctx->diag, COA_DIAG_ERROR, ctx->in->name, view->items[i].line,
                     "internal error: the BibTeX fast path and bibutils differ in %s of entry '%s': %s", what,
                     view->items[i].key, detail);
        }
    }
    coa_bu_rec_destroy(&r);
}

/* The fast path for batches of 'batch' entries; COAUTHOR_BIBTEX_CHECK=1
 * runs bibutils too and compares. */
static int fastpath_open(fastpath_t *fp, const char *name, long batch)
{
    fp->fast = coa_bibfast_new(name);
    fp->index = malloc((size_t)batch * sizeof *fp->index);
    fp->slow = malloc((size_t)batch * sizeof *fp->slow);
    if (!fp->fast || !fp->index || !fp->slow)
        return COA_ENOMEM;
    const char *env = getenv("COAUTHOR_BIBTEX_CHECK");
    fp->check = env && strcmp(env, "1") == 0;
    return COA_OK;
}

/* Copies text[0 .. to - from) into fp->copy with the entries the fast
 * path read blanked out (line ends kept), and lists the others in
 * fp->slow, for bibutils. */
static int blank_fast_entries(fastpath_t *fp, const coa_bu_locs_t *view, const char *text, size_t from, size_t to)
{
    if (to - from + 1 > fp->copy_cap) {
        char *p = realloc(fp->copy, to - from + 1);
        if (!p)
            return COA_ENOMEM;
        fp->copy = p;
        fp->copy_cap = to - from + 1;
    }
    memcpy(fp->copy, text, to - from);
    fp->copy[to - from] = '\0';
    long k = 0;
    for (long i = 0; i < view->n; i++) {
        if (fp->index[i] < 0) {
            fp->slow[k++] = view->items[i];
            continue;
        }
        char *s = fp->copy + (view->items[i].off - from);
        for (size_t j = 0; j < view->items[i].end - view->items[i].off; j++)
            if (s[j] != '\n')
                s[j] = ' ';
    }
    return COA_OK;
}

/* Adds a batch's entries to the corpus in the order of the file: those
 * the fast path read from its records, the others from bibutils' (b). */
static int add_batch(coa_reader_ctx_t *ctx, const fastpath_t *fp, const coa_bu_locs_t *view, bibl *b,
                     coa_bu_tally_t *tally)
{
    int err;
    long j = 0; /* the next bibutils record */
    for (long i = 0; i < view->n; i++) {
        coa_bu_loc_t *loc = &view->items[i];
        uint32_t kept = ctx->corpus->sources[ctx->source].records;
        if (fp->fast && !fp->check && fp->index[i] >= 0) {
            coa_bu_rec_t *r = coa_bibfast_rec(fp->fast, (size_t)fp->index[i]);
            if ((err = coa_bu_add_rec(ctx, r, loc->line, tally)))
                return err;
        } else {
            if (j >= b->n)
                continue;
            fields *ref = b->ref[j++];
            if (loc->drop)
                continue;
            if ((err = coa_bu_add_paper(ctx, ref, loc->line, loc->key, tally)))
                return err;
        }
        /* bibutils keeps one copy of a repeated name without a word */
        if (ctx->corpus->sources[ctx->source].records != kept)
            ctx->corpus->duplicate_authorships += loc->repeated_authors;
    }
    for (; j < b->n; j++) /* more records than entries: as before, without a line */
        if ((err = coa_bu_add_paper(ctx, b->ref[j], 0, NULL, tally)))
            return err;
    return COA_OK;
}

/* Marks in x->need the entries that the crossrefs of text[0..len) name,
 * and those that theirs name in turn; returns how many, and their bytes
 * in *bytes. */
static long xref_select(xref_t *x, const char *text, size_t len, size_t *bytes)
{
    memset(x->need, 0, (size_t)x->n);
    long count = 0;
    *bytes = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t line_len = nl ? (size_t)(nl - (text + i)) : len - i, n;
        const char *v = crossref_value(text + i, line_len, &n);
        /* a parent's own crossref: followed up the chain, each entry once */
        for (long key = v ? xref_find(x, v, n) : -1; key >= 0;) {
            long e = x->entry[key];
            if (e < 0 || x->need[e])
                break;
            x->need[e] = 1;
            count++;
            *bytes += x->off[e + 1] - x->off[e];
            key = x->parent[e];
        }
        i += line_len + 1;
    }
    return count;
}

/* Runs bibutils over text[0..len), a batch of the chunk t whose entries
 * bu_view lists, and reports what it says.  With xref (a chunk holding a
 * crossref), the entries that the batch's crossrefs name come first, in
 * the order of the file, and their records first in b (*n_parents). */
static int run_bibutils(coa_reader_ctx_t *ctx, int informat, xref_t *xref, const char *text, size_t len,
                        const coa_bu_text_t *t, const coa_bu_locs_t *bu_view, bibl *b, long *n_parents)
{
    char *messages = NULL, *joined = NULL;
    coa_bu_locs_t view = *bu_view;
    int err = COA_OK;
    size_t bytes = 0;
    long n = xref && xref->n ? xref_select(xref, text, len, &bytes) : 0;
    *n_parents = n;
    if (n) {
        joined = malloc(bytes + len + 1);
        view.items = calloc((size_t)(n + bu_view->n), sizeof *view.items);
        if (!joined || !view.items) {
            err = COA_ENOMEM;
            goto cleanup;
        }
        size_t w = 0;
        for (long e = 0; e < xref->n; e++) {
            if (!xref->need[e])
                continue;
            memcpy(joined + w, xref->text + xref->off[e], xref->off[e + 1] - xref->off[e]);
            w += xref->off[e + 1] - xref->off[e];
        }
        memcpy(joined + w, text, len);
        joined[w + len] = '\0';
        text = joined;
        len += w;
        for (long i = 0; i < n; i++)
            view.items[i].drop = 1; /* read at its own place in the file */
        if (bu_view->n)
            memcpy(view.items + n, bu_view->items, (size_t)bu_view->n * sizeof *view.items);
        view.n = view.cap = n + bu_view->n;
    }
    if ((err = coa_bu_run(informat, text, len, ctx->in->name, b, &messages)))
        goto cleanup;
    if (b->n != view.n) {
        /* should not happen: our cut follows bibutils' reader */
        coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, 0,
                 "bibutils read %ld records where %ld entries start; entry lines may be wrong", b->n, view.n);
    }
    coa_bu_report(ctx, messages, t, &view);
cleanup:
    free(messages);
    free(joined);
    if (view.items != bu_view->items)
        free(view.items);
    return err;
}

/* Reads one chunk of the input (coa_bu_text_next) in batches of entries. */
static int read_chunk(coa_reader_ctx_t *ctx, int informat, coa_bu_text_t *t, macros_t *macros, fastpath_t *fp,
                      xref_t *xref, coa_bu_locs_t *locs, coa_bu_tally_t *tally)
{
    bibl b;
    int ran = 0, err;
    if ((err = scan(ctx, t, macros, locs)) || (err = coa_bu_drop_long_lines(ctx, t, locs)))
        return err;
    int crossref = macros->crossref, strings = macros->n > 0;
    if (crossref && !xref->built && (err = xref_build(ctx, xref)))
        return err;
    long batch = crossref ? (locs->n ? locs->n : 1) : BATCH;
    const char *env = getenv("COAUTHOR_BIBTEX_FAST");
    if (!fp->fast && informat == BIBL_BIBTEXIN && !crossref && locs->n && !(env && strcmp(env, "0") == 0) &&
        (err = fastpath_open(fp, ctx->in->name, BATCH)))
        return err;
    /* a chunk with a crossref is read by bibutils alone, in one call */
    fastpath_t none = {0};
    if (crossref)
        fp = &none;
    for (long i0 = 0; i0 < locs->n || (i0 == 0 && locs->n == 0); i0 += batch) {
        long i1 = i0 + batch < locs->n ? i0 + batch : locs->n;
        size_t from = i0 == 0 ? 0 : coa_bu_text_offset(t, locs->items[i0].line);
        size_t to = i1 < locs->n ? coa_bu_text_offset(t, locs->items[i1].line) : t->len;
        coa_bu_locs_t view = {locs->items ? locs->items + i0 : NULL, i1 - i0, i1 - i0, 0}; /* NULL + 0 is UB */
        const char *text = t->text + from;
        long slow = view.n;
        if (fp->fast) {
            if ((slow = classify(fp, t, view.items, view.n)) < 0)
                return (int)-slow;
        }
        if (fp->fast && !fp->check && slow < view.n) {
            /* bibutils reads the rest, from a copy without the fast entries */
            if ((err = blank_fast_entries(fp, &view, text, from, to)))
                return err;
            text = fp->copy;
        }
        coa_bu_locs_t bu_view = view;
        if (text != t->text + from)
            bu_view = (coa_bu_locs_t){fp->slow, slow, slow, 0};
        int need_bibutils = !fp->fast || fp->check || slow > 0 || strings;
        b.n = 0;
        bibl mine = {0, 0, NULL}; /* b without the parents' records */
        if (need_bibutils) {
            long parents = 0;
            if ((err = run_bibutils(ctx, informat, crossref ? xref : NULL, text, to - from, t, &bu_view, &b,
                                    &parents)))
                return err;
            ran = 1;
            mine = b;
            if (parents) {
                long skip = b.n < parents ? b.n : parents;
                mine.ref += skip;
                mine.n -= skip;
            }
            if (fp->check && mine.n == view.n) /* else the records cannot be paired */
                compare(ctx, fp, &view, &mine);
        }
        err = add_batch(ctx, fp, &view, &mine, tally);
        if (ran)
            bibl_free(&b);
        ran = 0;
        if (err)
            return err;
        if (locs->n == 0)
            break;
    }
    return COA_OK;
}

/* Reads the input a chunk of whole entries at a time: @String and the
 * @Preamble's macros live on from one chunk to the next (bibutils keeps
 * its @String table between calls too), and the entries that crossrefs
 * name are handed to bibutils with every chunk that needs them (xref_t). */
static int read_bib(coa_reader_ctx_t *ctx, int informat)
{
    coa_bu_text_t t = {0};
    coa_bu_locs_t locs = {0};
    coa_bu_tally_t tally = {0};
    fastpath_t fp = {0};
    macros_t macros = {0};
    macros.informat = informat;
    xref_t xref = {0};
    const coa_bu_cut_t cut = {NULL, NULL, can_reread(ctx->in) ? COA_BU_BIBTEX : COA_BU_BIBTEX_WHOLE};
    int err = COA_OK;
    while (!t.done) {
        if ((err = coa_bu_text_next(&t, ctx, &cut)) || (err = read_chunk(ctx, informat, &t, &macros, &fp, &xref, &locs, &tally)))
            goto cleanup;
        long base = locs.base + locs.n;
        coa_bu_locs_destroy(&locs);
        locs.base = base;
    }
    if (fp.mismatches)
        err = COA_EPARSE;
    if (fp.check) {
        unsigned long accepted, declined;
        coa_bibfast_counts(fp.fast, &accepted, &declined);
        coa_diag(ctx->diag, COA_DIAG_NOTE, ctx->in->name, 0,
                 "check mode: the fast path read %lu entr%s (%lu differ from bibutils), bibutils alone %lu",
                 accepted, accepted == 1 ? "y" : "ies", fp.mismatches, declined);
    }
    if (tally.no_authors)
        coa_diag(ctx->diag, COA_DIAG_NOTE, ctx->in->name, 0,
                 "%lu entr%s without authors (proceedings, editors only) left out", tally.no_authors,
                 tally.no_authors == 1 ? "y" : "ies");
    if (locs.base == 0 && !t.records_over && !macros.hidden)
        coa_diag(ctx->diag, COA_DIAG_WARNING, ctx->in->name, 0, "no BibTeX entries found");
cleanup:
    coa_bibfast_free(fp.fast);
    COA_FREE(fp.index, fp.copy, fp.slow);
    macros_destroy(&macros);
    xref_destroy(&xref);
    coa_bu_tally_destroy(&tally);
    coa_bu_locs_destroy(&locs);
    coa_bu_text_destroy(&t);
    return err;
}

int coa_read_bibtex(coa_reader_ctx_t *ctx)
{
    return read_bib(ctx, BIBL_BIBTEXIN);
}

int coa_read_biblatex(coa_reader_ctx_t *ctx)
{
    return read_bib(ctx, BIBL_BIBLATEXIN);
}

/* What 'coauthor formats --help' says of BibTeX (coa_formats_help). */
const char coa_help_bibtex[] =
    "  - BibTeX: an entry with unbalanced braces or quotes, or without a key, is\n"
    "    skipped with its line; an undefined @String macro is reported at its\n"
    "    line and the entry kept (the macro's name stands for its text);\n"
    "    @Preamble is not an entry;\n"
    "  - BibTeX names: TeX is made plain before they are split: font switches\n"
    "    and spacing dropped, boxes keep their text (\\rlap{Lutz Birkhahn}),\n"
    "    accent stacks decoded (Th\\^e\\llap{\\raise0.5ex\\hbox{\\'{}}} is Th\xe1\xba\xbf); name\n"
    "    macros defined in the @Preamble, or in a file it \\inputs (beside the\n"
    "    .bib, or in its TeX tree), are expanded; a command nothing defines is\n"
    "    reported at its line;\n";
