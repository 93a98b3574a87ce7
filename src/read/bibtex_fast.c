/*
 * The BibTeX fast path: plain entries read without bibutils.
 *
 * bibutils spends about 85% of the time of reading a BibTeX file, most of
 * it looking up LaTeX and tags in linear tables.  Most entries need none of
 * that: an @article or @inproceedings whose authors are "Family, Given" or
 * "Given Family", whose values are braced or quoted text with at most a few
 * accent commands.  This file reads exactly those, and declines anything
 * else, which then goes to bibutils as before.
 *
 * Declining is the safety rule: the fast path must give what bibutils
 * gives, field for field, or nothing.  It accepts only what it has been
 * checked to read the same way:
 *   - the entry types article and inproceedings, with the venue field of
 *     the type (journal, booktitle), and only fields known not to change
 *     what we take (see field_role);
 *   - values that are one braced or quoted piece, or a number, or a month
 *     macro for the month; no '#', no @String macro;
 *   - text of plain characters and UTF-8; no ~ $ ' ` " | % or "--", which
 *     bibutils turns into other characters;
 *   - LaTeX only as a brace group starting with a command ("{\"{o}}",
 *     "{\ss}") or as \& \% \_ \# \$.  What each such piece becomes is
 *     asked of bibutils itself, once per distinct piece, and cached;
 *   - names: "Family, Given Given" or "Given Given Family", where every
 *     given name is a word without full stops or a capital and a full stop
 *     ("T."), the name has no particle ("van", "de") outside the family of
 *     the comma form, and no suffix; no braces other than LaTeX pieces; no
 *     two names alike.
 * COAUTHOR_BIBTEX_CHECK=1 makes the reader run bibutils on every entry too
 * and report any entry where the two disagree (tests/scripts/bibtex-fast.sh
 * and the fuzz_bibtex target run it).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "bibtex_fast.h"
#include "corpus/internal.h"
#include "tex_names.h"

/* ---- an arena for the strings of one batch of records ---- */

typedef struct block {
    struct block *next;
    size_t used, cap;
    char data[];
} block_t;

/* ---- the cache of LaTeX pieces ---- */

#define MAX_PIECES 4096

/* The pieces asked about are interned in a string pool; its dense ids
 * index what bibutils made of each (NULL: declined). */
struct coa_bibfast {
    block_t *blocks;
    coa_strpool_t pieces;
    int have_pieces;
    char **answer;
    uint32_t cap_answer;
    char *scratch;             /* one value being converted */
    size_t scratch_cap;
    coa_bu_rec_t *recs;
    size_t n_recs, cap_recs;
    unsigned long accepted, declined;
    const char *name; /* the input, for what bibutils says if it fails */
};

coa_bibfast_t *coa_bibfast_new(const char *name)
{
    coa_bibfast_t *f = calloc(1, sizeof *f);
    if (f)
        f->name = name;
    return f;
}

void coa_bibfast_reset(coa_bibfast_t *f)
{
    for (block_t *b = f->blocks; b; b = b->next)
        b->used = 0;
    for (size_t i = 0; i < f->n_recs; i++)
        coa_bu_rec_clear(&f->recs[i]);
    f->n_recs = 0;
}

void coa_bibfast_free(coa_bibfast_t *f)
{
    if (!f)
        return;
    while (f->blocks) {
        block_t *n = f->blocks->next;
        free(f->blocks);
        f->blocks = n;
    }
    if (f->have_pieces)
        for (uint32_t i = 1; i < f->pieces.count; i++) /* id 0 is the pool's "" */
            free(f->answer[i]);
    free(f->answer);
    if (f->have_pieces)
        coa_strpool_destroy(&f->pieces);
    free(f->scratch);
    for (size_t i = 0; i < f->cap_recs; i++)
        coa_bu_rec_destroy(&f->recs[i]);
    free(f->recs);
    free(f);
}

void coa_bibfast_counts(const coa_bibfast_t *f, unsigned long *accepted, unsigned long *declined)
{
    *accepted = f->accepted;
    *declined = f->declined;
}

/* A copy of s[0..n) that lives until the next coa_bibfast_reset. */
static char *arena_dup(coa_bibfast_t *f, const char *s, size_t n)
{
    block_t *b = f->blocks;
    while (b && b->cap - b->used < n + 1)
        b = b->next;
    if (!b) {
        size_t cap = n + 1 > 1 << 20 ? n + 1 : 1 << 20;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->used = 0;
        b->cap = cap;
        b->next = f->blocks;
        f->blocks = b;
    }
    char *p = b->data + b->used;
    memcpy(p, s, n);
    p[n] = '\0';
    b->used += n + 1;
    return p;
}

/* What bibutils makes of one LaTeX piece, asked once: the piece goes into
 * a title between two X's, and what comes back between them is the
 * answer.  Declined when bibutils complains, leaves a backslash or brace,
 * or gives white space or nothing. */
static char *ask_bibutils(const char *name, const char *piece, size_t n)
{
    static const char head[] = "@misc{p,\n  title = {X";
    static const char tail[] = "X}\n}\n";
    size_t len = sizeof head - 1 + n + sizeof tail - 1;
    char *text = malloc(len + 1);
    if (!text)
        return NULL;
    memcpy(text, head, sizeof head - 1);
    memcpy(text + sizeof head - 1, piece, n);
    memcpy(text + sizeof head - 1 + n, tail, sizeof tail);
    bibl b;
    char *messages = NULL;
    char *answer = NULL;
    if (coa_bu_run(BIBL_BIBTEXIN, text, len, name, &b, &messages) == COA_OK) {
        const char *t = b.n == 1 ? fields_findv(b.ref[0], LEVEL_MAIN, FIELDS_CHRP_NOUSE, "TITLE") : NULL;
        size_t tl = t ? strlen(t) : 0;
        if (messages && !*messages && tl > 2 && t[0] == 'X' && t[tl - 1] == 'X' &&
            !strpbrk(t, "\\{} \t\n\r|~$\"'`")) {
            answer = strndup(t + 1, tl - 2);
            if (answer && (unsigned char)answer[0] < 0x80 && !isalnum((unsigned char)answer[0]) &&
                !strchr("&%_#$", answer[0])) {
                free(answer); /* punctuation that bibutils may treat differently in context */
                answer = NULL;
            }
        }
        bibl_free(&b);
    }
    free(messages);
    free(text);
    return answer;
}

/* The UTF-8 text of a LaTeX piece, or NULL to decline; *err on failure. */
static const char *latex_piece(coa_bibfast_t *f, const char *s, size_t n, size_t *out_len, int *err)
{
    if (n > 32)
        return NULL;
    if (!f->have_pieces) {
        if ((*err = coa_strpool_init(&f->pieces)))
            return NULL;
        f->have_pieces = 1;
    }
    coa_str_t id = coa_strpool_find(&f->pieces, s, n);
    if (id == COA_NONE) {
        /* each new piece costs a run of bibutils (about 0.1 ms): a file of
         * endless distinct pieces is left to bibutils instead */
        if (f->pieces.count > MAX_PIECES)
            return NULL;
        /* room first, so that every piece interned has its answer set */
        if (coa_grow((void **)&f->answer, &f->cap_answer, f->pieces.count + 1, sizeof *f->answer) ||
            (id = coa_strpool_intern(&f->pieces, s, n)) == COA_NONE) {
            *err = COA_ENOMEM;
            return NULL;
        }
        f->answer[id] = ask_bibutils(f->name, s, n);
    }
    *out_len = f->answer[id] ? strlen(f->answer[id]) : 0;
    return f->answer[id];
}

/* ---- values ---- */

static int scratch_reserve(coa_bibfast_t *f, size_t need)
{
    if (need <= f->scratch_cap)
        return COA_OK;
    return coa_grow_array(&f->scratch, &f->scratch_cap, need, 1, 4096);
}

static int is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The length of the brace group that starts at s[0] == '{', or 0. */
static size_t group_len(const char *s, size_t n)
{
    size_t end = coa_tex_group_end(s, n, 0);
    return end < n ? end + 1 : 0;
}

/* Converts raw value text s[0..n) (inside its delimiters) into f->scratch:
 * LaTeX pieces resolved, other braces dropped, white space runs made one
 * space, trimmed.  Returns 1 when done, 0 to decline, or -error. */
static int convert(coa_bibfast_t *f, const char *s, size_t n, size_t *out_len)
{
    if (scratch_reserve(f, 4 * n + 16))
        return -COA_ENOMEM;
    char *o = f->scratch;
    size_t w = 0;
    int space = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\t' || c == '\r')
            return 0; /* bibutils keeps some of them */
        if (is_space(c)) {
            space = w > 0;
            i++;
            continue;
        }
        const char *piece = NULL;
        size_t plen = 0, skip = 1;
        if (c == '{' && i + 1 < n && s[i + 1] == '\\') {
            size_t g = group_len(s + i, n - i);
            if (!g)
                return 0;
            int err = 0;
            piece = latex_piece(f, s + i, g, &plen, &err);
            if (err)
                return -err;
            if (!piece)
                return 0;
            skip = g;
        } else if (c == '\\') {
            if (i + 1 >= n || !strchr("&%_#$", s[i + 1]))
                return 0;
            if (i + 2 < n && (isalnum((unsigned char)s[i + 2]) || s[i + 2] == '{'))
                return 0;
            int err = 0;
            piece = latex_piece(f, s + i, 2, &plen, &err);
            if (err)
                return -err;
            if (!piece)
                return 0;
            skip = 2;
        } else if (c == '{' || c == '}') {
            if (c == '{' && i + 1 < n && s[i + 1] == '}')
                return 0; /* "{}" */
            i++;
            continue;
        } else if (c < 0x20 || c == 0x7f || c == '~' || c == '$' || c == '\'' || c == '`' || c == '"' || c == '|' ||
                   c == '%' || c == '^' || c == '_') {
            return 0;
        } else if (c == '-' && i + 1 < n && s[i + 1] == '-') {
            return 0;
        }
        if (space) {
            o[w++] = ' ';
            space = 0;
        }
        if (w + plen + 2 > f->scratch_cap)
            return 0; /* cannot happen (a piece is never shorter than its text); declined all the same */
        if (piece) {
            memcpy(o + w, piece, plen);
            w += plen;
        } else {
            o[w++] = (char)c;
        }
        i += skip;
    }
    o[w] = '\0';
    *out_len = w;
    return 1;
}

/* ---- names ---- */

/* Whether s[0..n) starts with a capital letter (Unicode Lu or Lt). */
static int starts_upper(const char *s, size_t n)
{
    if (!n)
        return 0;
    if ((unsigned char)s[0] < 0x80)
        return isupper((unsigned char)s[0]);
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp) <= 0)
        return 0;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

/* A given name we read as bibutils does: a word without full stops that
 * starts with a capital, or a capital initial with its full stop. */
static int given_ok(const char *s, size_t n)
{
    if (n == 2 && isupper((unsigned char)s[0]) && s[1] == '.')
        return 1;
    if (!n || memchr(s, '.', n) || memchr(s, ',', n))
        return 0;
    /* hyphenated initials: bibutils makes "J-Y" "J.-Y." (found by
     * fuzz_bibtex in a Google Scholar export), but keeps "Y-Lan" and
     * "Jean-P": a name of one-letter parts only declines the entry */
    if (memchr(s, '-', n)) {
        int all_single = 1;
        for (size_t i = 0, start = 0; i <= n && all_single; i++) {
            if (i < n && s[i] != '-')
                continue;
            size_t letters = 0;
            for (size_t k = start; k < i; k++)
                letters += ((unsigned char)s[k] & 0xC0) != 0x80;
            all_single = letters == 1;
            start = i + 1;
        }
        if (all_single)
            return 0;
    }
    return starts_upper(s, n);
}

/* Words that bibutils may read as a suffix ("Ann Smith III" is
 * Smith|Ann||III), whatever their case: names with them are declined.
 * Capitalised particles ("Van", "De", "Bin") are plain names to bibutils;
 * lower-case ones are declined by starts_upper. */
static int suffix_word(const char *s, size_t n)
{
    static const char *const words[] = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "2nd", "3rd", "4th", "others", "and"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == n && strncasecmp(words[i], s, n) == 0)
            return 1;
    return 0;
}

/* The letter cases in s[0..n) as bibutils' name code sees them
 * (unicode_utf8_classify_str: a table of ASCII, Latin-1 and Latin
 * Extended-A letters, everything else a symbol).  Characters past
 * U+017F are CASE_UNKNOWN here: where their case would matter, the name
 * is declined rather than guessed. */
enum { CASE_UPPER = 1, CASE_LOWER = 2, CASE_UNKNOWN = 4 };

static unsigned letter_cases(const char *s, size_t n)
{
    unsigned m = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            m |= isupper(c) ? CASE_UPPER : islower(c) ? CASE_LOWER : 0;
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0)
            return m | CASE_UNKNOWN;
        if (cp >= 0xC0 && cp <= 0x17F) {
            utf8proc_category_t cat = utf8proc_category(cp);
            m |= cat == UTF8PROC_CATEGORY_LU ? CASE_UPPER : cat == UTF8PROC_CATEGORY_LL ? CASE_LOWER : 0;
        } else {
            m |= CASE_UNKNOWN;
        }
        i += (size_t)k;
    }
    return m;
}

/* Whether bibutils splits the given names into their letters, as
 * initials ("CJ" and "C. J." become C|J): when the given names have
 * capitals and no small letter and the family has both
 * (name_mutlielement_build).  Digits and symbols count as neither, so
 * "F3 Gold" is F|3 but "CJ GOLD" keeps CJ (found by fuzz_bibtex).
 * Returns 1 or 0, or -1 when it cannot be told. */
static int splits_given(const char *family, size_t fl, const char *const *tok, const size_t *tlen, size_t nt)
{
    unsigned given = 0;
    for (size_t i = 0; i < nt; i++)
        given |= letter_cases(tok[i], tlen[i]);
    if (given & CASE_LOWER)
        return 0;
    if (given & CASE_UNKNOWN)
        return -1;
    if (!(given & CASE_UPPER))
        return 0;
    unsigned fam = letter_cases(family, fl);
    if ((fam & CASE_UPPER) && (fam & CASE_LOWER))
        return 1;
    return fam & CASE_UNKNOWN ? -1 : 0;
}

/* Makes bibutils' "Family|Given|Given" from a converted name t[0..n)
 * into the arena.  Returns 1 (and *out), 0 to decline, or -error. */
static int person(coa_bibfast_t *f, const char *t, size_t n, const char **out)
{
    const char *comma = memchr(t, ',', n);
    char buf[1024];
    size_t w = 0;
    if (n >= sizeof buf / 2)
        return 0;
    const char *tok[64];
    size_t tlen[64];
    size_t nt = 0;
    const char *given = comma ? comma + 1 : t;
    const char *end = t + n;
    for (const char *p = given; p < end;) {
        while (p < end && *p == ' ')
            p++;
        if (p >= end)
            break;
        const char *q = p;
        while (q < end && *q != ' ')
            q++;
        if (nt == 64)
            return 0;
        tok[nt] = p;
        tlen[nt++] = (size_t)(q - p);
        p = q;
    }
    if (comma) {
        /* bibutils cuts at a comma that ends a word and is followed by a
         * space ("Utiyama,X Masao" is given "Masao", family "Utiyama,X") */
        if (memchr(comma + 1, ',', (size_t)(end - comma - 1)) || comma == t || comma[-1] == ' ' ||
            comma + 1 >= end || comma[1] != ' ')
            return 0;
        size_t fl = (size_t)(comma - t);
        while (fl && t[fl - 1] == ' ')
            fl--;
        if (!fl || !nt || memchr(t, '.', fl))
            return 0;
        /* the family: words that are not a suffix, the first a capital
         * or a particle ("de Vries, Johan": bibutils keeps it whole) */
        if (!starts_upper(t, fl) && !islower((unsigned char)t[0]))
            return 0;
        for (const char *p = t; p < t + fl;) {
            const char *q = memchr(p, ' ', (size_t)(t + fl - p));
            size_t wl = q ? (size_t)(q - p) : (size_t)(t + fl - p);
            if (suffix_word(p, wl))
                return 0;
            p += wl + 1;
        }
        memcpy(buf, t, fl);
        w = fl;
    } else {
        if (nt < 2)
            return 0;
        nt--;
        if (memchr(tok[nt], '.', tlen[nt]) || suffix_word(tok[nt], tlen[nt]) || !given_ok(tok[nt], tlen[nt]))
            return 0;
        memcpy(buf, tok[nt], tlen[nt]);
        w = tlen[nt];
    }
    /* initials: bibutils keeps one character each, without the stops */
    int initials = splits_given(buf, w, tok, tlen, nt);
    if (initials < 0)
        return 0;
    for (size_t i = 0; i < nt; i++) {
        if (suffix_word(tok[i], tlen[i]))
            return 0;
        if (initials) {
            if (!starts_upper(tok[i], tlen[i]))
                return 0;
            for (size_t k = 0; k < tlen[i];) {
                char c = tok[i][k];
                if (c == '.' && k + 1 < tlen[i] && tok[i][k + 1] == '.')
                    return 0;
                if (c == '-' || c == ',' || (c == '.' && k + 1 < tlen[i] && tok[i][k + 1] == '-'))
                    return 0; /* bibutils makes "J.-Y." of these */
                size_t len = 1;
                while (k + len < tlen[i] && ((unsigned char)tok[i][k + len] & 0xC0) == 0x80)
                    len++;
                if (c != '.') {
                    buf[w++] = '|';
                    memcpy(buf + w, tok[i] + k, len);
                    w += len;
                }
                k += len;
            }
            continue;
        }
        if (!given_ok(tok[i], tlen[i]))
            return 0;
        buf[w++] = '|';
        memcpy(buf + w, tok[i], tlen[i]);
        w += tlen[i];
    }
    *out = arena_dup(f, buf, w);
    return *out ? 1 : -COA_ENOMEM;
}

/* Splits an author value at " and " outside braces, and reads each name.
 * Returns 1, 0 to decline, or -error. */
static int authors(coa_bibfast_t *f, const char *s, size_t n, coa_bu_rec_t *rec)
{
    size_t a = 0;
    int depth = 0;
    for (size_t i = 0; i <= n; i++) {
        int cut = i == n;
        if (!cut) {
            char c = s[i];
            if (c == '{')
                depth++;
            else if (c == '}')
                depth--;
            else if (depth == 0 && is_space(c) && i + 4 < n && strncasecmp(s + i + 1, "and", 3) == 0 &&
                     is_space(s[i + 4])) {
                if (strncmp(s + i + 1, "and", 3) != 0)
                    return 0; /* "AND": leave it to bibutils */
                cut = 1;
            }
        }
        if (!cut)
            continue;
        const char *name = s + a;
        size_t nl = i - a;
        while (nl && is_space(*name)) {
            name++;
            nl--;
        }
        while (nl && is_space(name[nl - 1]))
            nl--;
        if (!nl)
            return 0;
        /* braces only around LaTeX pieces */
        for (size_t k = 0; k < nl; k++) {
            if (name[k] != '{')
                continue;
            size_t g = k + 1 < nl && name[k + 1] == '\\' ? group_len(name + k, nl - k) : 0;
            if (!g)
                return 0;
            k += g - 1;
        }
        size_t tl;
        int r = convert(f, name, nl, &tl);
        if (r <= 0)
            return r;
        const char *value;
        int kind = 0;
        if (tl == 6 && memcmp(f->scratch, "others", 6) == 0) {
            value = arena_dup(f, "others", 6);
            kind = 1;
            if (!value)
                return -COA_ENOMEM;
        } else {
            r = person(f, f->scratch, tl, &value);
            if (r <= 0)
                return r;
        }
        for (size_t k = 0; k < rec->n_authors; k++)
            if (strcasecmp(rec->author[k], value) == 0)
                return 0;
        if (coa_bu_rec_add_author(rec, value, kind))
            return -COA_ENOMEM;
        i += 4;
        a = i + 1;
    }
    return 1;
}

/* ---- entries ---- */

enum { F_IGNORE, F_AUTHOR, F_TITLE, F_VENUE, F_YEAR, F_MONTH, F_DOI, F_URL, F_DECLINE };

/* What a field is to us in an entry of type 'type' (0 article, 1
 * inproceedings).  Unknown fields decline: bibutils might take a DOI, a
 * title or names from them. */
static int field_role(const char *name, size_t n, int type)
{
    static const struct {
        const char *name;
        int role;
    } fields[] = {
        {"author", F_AUTHOR},      {"title", F_TITLE},         {"year", F_YEAR},         {"month", F_MONTH},
        {"doi", F_DOI},            {"url", F_URL},             {"volume", F_IGNORE},     {"number", F_IGNORE},
        {"pages", F_IGNORE},       {"publisher", F_IGNORE},    {"address", F_IGNORE},    {"isbn", F_IGNORE},
        {"issn", F_IGNORE},        {"bibsource", F_IGNORE},    {"biburl", F_IGNORE},     {"timestamp", F_IGNORE},
        {"numpages", F_IGNORE},    {"language", F_IGNORE},     {"location", F_IGNORE},   {"keywords", F_IGNORE},
        {"abstract", F_IGNORE},    {"editor", F_IGNORE},       {"organization", F_IGNORE},
    };
    if (n == 7 && strncasecmp(name, "journal", 7) == 0)
        return type == 0 ? F_VENUE : F_DECLINE;
    if (n == 9 && strncasecmp(name, "booktitle", 9) == 0)
        return type == 1 ? F_VENUE : F_DECLINE;
    if (n == 6 && strncasecmp(name, "series", 6) == 0)
        return type == 1 ? F_IGNORE : F_DECLINE;
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (strlen(fields[i].name) == n && strncasecmp(fields[i].name, name, n) == 0)
            return fields[i].role;
    return F_DECLINE;
}

static void skip_ws(const char *s, size_t n, size_t *i)
{
    while (*i < n && is_space(s[*i]))
        (*i)++;
}

/* The head of an entry, "@article{KEY ,", with the key as the scan read
 * it: 1 with *i past the comma and *type 0 (article) or 1
 * (inproceedings), or 0 for one the fast path declines. */
static int entry_head(const char *s, size_t n, const char *key, size_t *pos, int *type)
{
    size_t i = 0;
    skip_ws(s, n, &i);
    if (i >= n || s[i] != '@')
        return 0;
    i++;
    size_t ta = i;
    while (i < n && isalpha((unsigned char)s[i]))
        i++;
    if (i - ta == 7 && strncasecmp(s + ta, "article", 7) == 0)
        *type = 0;
    else if (i - ta == 13 && strncasecmp(s + ta, "inproceedings", 13) == 0)
        *type = 1;
    else
        return 0;
    if (i >= n || s[i] != '{')
        return 0;
    i++;
    /* the key, as the scan read it */
    size_t kl = strlen(key);
    if (!kl || n - i < kl || memcmp(s + i, key, kl) != 0)
        return 0;
    i += kl;
    skip_ws(s, n, &i);
    if (i >= n || s[i] != ',')
        return 0;
    *pos = i;
    return 1;
}

/* A field's value at s[*i]: braced, quoted, or a bare number (or a month
 * macro, for the month): 1 with v[0 .. vl) and *i past it, or 0 to
 * decline. */
static int field_value(const char *s, size_t n, size_t *pos, int role, const char **v, size_t *vl,
                       int *month_macro)
{
    size_t i = *pos;
    *month_macro = 0;
    if (s[i] == '{') {
        size_t g = group_len(s + i, n - i);
        if (!g)
            return 0;
        *v = s + i + 1;
        *vl = g - 2;
        i += g;
    } else if (s[i] == '"') {
        size_t j = i + 1;
        int depth = 0;
        while (j < n && (s[j] != '"' || depth > 0)) {
            if (s[j] == '{')
                depth++;
            else if (s[j] == '}')
                depth--;
            else if (s[j] == '\\')
                j++;
            j++;
        }
        if (j >= n)
            return 0;
        *v = s + i + 1;
        *vl = j - i - 1;
        i = j + 1;
    } else if (isalnum((unsigned char)s[i])) {
        size_t j = i;
        while (j < n && isalnum((unsigned char)s[j]))
            j++;
        *v = s + i;
        *vl = j - i;
        i = j;
        int digits = 1;
        for (size_t k = 0; k < *vl; k++)
            digits &= isdigit((unsigned char)(*v)[k]) != 0;
        if (!digits) {
            if (role != F_MONTH || *vl != 3 || !coa_bibfast_month(*v))
                return 0;
            *month_macro = 1;
        }
    } else {
        return 0;
    }
    *pos = i;
    return 1;
}

/* Sets a field other than the authors from its value as bibutils would
 * give it: 1, 0 to decline the entry, or a negative error. */
static int put_field(coa_bibfast_t *f, coa_bu_rec_t *rec, int role, const char *v, size_t vl, int month_macro)
{
    const char *text;
    size_t tl;
    if (role == F_DOI || role == F_URL) {
        /* bibutils keeps these as written, without LaTeX */
        for (size_t k = 0; k < vl; k++)
            if ((unsigned char)v[k] <= ' ' || (unsigned char)v[k] >= 0x7f || strchr("{}\\\"", v[k]))
                return 0;
        text = v;
        tl = vl;
    } else if (month_macro) {
        static const char *const numbers[] = {"01", "02", "03", "04", "05", "06",
                                              "07", "08", "09", "10", "11", "12"};
        text = numbers[coa_bibfast_month(v) - 1];
        tl = 2;
    } else {
        int r = convert(f, v, vl, &tl);
        if (r <= 0)
            return r;
        text = f->scratch;
    }
    if (role == F_URL) {
        /* bibutils takes a DOI (and more) out of some URLs */
        for (size_t k = 0; k + 2 < tl; k++)
            if (strncasecmp(text + k, "doi", 3) == 0 || strncmp(text + k, "10.", 3) == 0 ||
                strncasecmp(text + k, "arxiv", 3) == 0)
                return 0;
        return 1;
    }
    if (role == F_DOI && (memchr(text, ' ', tl) || strncasecmp(text, "doi", 3) == 0 ||
                          strncasecmp(text, "http", 4) == 0))
        return 0;
    if (role == F_MONTH && !month_macro)
        return 0; /* "{February}", "{2}": bibutils' own rules */
    if (!tl)
        return 0;
    const char *copy = arena_dup(f, text, tl);
    if (!copy)
        return -COA_ENOMEM;
    switch (role) {
    case F_TITLE: rec->title = copy; break;
    case F_VENUE: rec->venue = copy; break;
    case F_YEAR: rec->year = copy; break;
    case F_MONTH: rec->month = copy; break;
    case F_DOI: rec->doi = copy; break;
    default: break;
    }
    return 1;
}

/* Past white space and the comment lines after an entry, which bibutils
 * drops. */
static size_t skip_trailing_comments(const char *s, size_t n, size_t i)
{
    for (;;) {
        skip_ws(s, n, &i);
        if (i >= n || s[i] != '%' || (i > 0 && s[i - 1] != '\n' && s[i - 1] != ' ' && s[i - 1] != '\t'))
            break;
        size_t b = i;
        while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '\t'))
            b--;
        if (b > 0 && s[b - 1] != '\n')
            break;
        while (i < n && s[i] != '\n')
            i++;
    }
    return i;
}

/* The fields of an entry, from its head to its closing brace: 1, 0 to
 * decline, or a negative error. */
static int entry_fields(coa_bibfast_t *f, coa_bu_rec_t *rec, const char *s, size_t n, size_t *pos, int type,
                        int *seen)
{
    size_t i = *pos, head = *pos; /* s[head] is the comma after the key */
    for (;;) {
        skip_ws(s, n, &i);
        if (i < n && s[i] == ',') {
            i++;
            continue;
        }
        if (i < n && s[i] == '}') {
            i++;
            break;
        }
        size_t na = i;
        /* bibutils takes a field's name from the first character after
         * the value before it, its comma included, to a blank or '=': so
         * ",title" (a comma, then the name, as in "},\n ,title =") is a
         * field of another name, and the entry has no title (found by
         * fuzz_bibtex).  Only the key's comma is skipped before a name. */
        if (na > 0 && s[na - 1] == ',' && na - 1 != head)
            return 0;
        while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '-'))
            i++;
        size_t nl = i - na;
        if (!nl)
            return 0;
        int role = field_role(s + na, nl, type);
        if (role == F_DECLINE)
            return 0;
        skip_ws(s, n, &i);
        if (i >= n || s[i] != '=')
            return 0;
        i++;
        skip_ws(s, n, &i);
        if (i >= n)
            return 0;
        const char *v;
        size_t vl;
        int month_macro;
        if (!field_value(s, n, &i, role, &v, &vl, &month_macro))
            return 0;
        skip_ws(s, n, &i);
        if (i < n && s[i] == '#')
            return 0;
        if (role == F_IGNORE)
            continue;
        if (seen[role]++)
            return 0;
        int r = role == F_AUTHOR ? authors(f, v, vl, rec) : put_field(f, rec, role, v, vl, month_macro);
        if (r <= 0)
            return r;
    }
    *pos = i;
    return 1;
}

int coa_bibfast_entry(coa_bibfast_t *f, const char *s, size_t n, const char *key, size_t *index)
{
    if (f->n_recs == f->cap_recs) {
        size_t cap = f->cap_recs ? f->cap_recs * 2 : 256;
        coa_bu_rec_t *r = realloc(f->recs, cap * sizeof *r);
        if (!r)
            return -COA_ENOMEM;
        memset(r + f->cap_recs, 0, (cap - f->cap_recs) * sizeof *r);
        f->recs = r;
        f->cap_recs = cap;
    }
    coa_bu_rec_t *rec = &f->recs[f->n_recs];
    coa_bu_rec_clear(rec);
    size_t i;
    int type, r;
    int seen[F_DECLINE] = {0};
    if (!entry_head(s, n, key, &i, &type))
        goto decline;
    if ((r = entry_fields(f, rec, s, n, &i, type, seen)) < 0)
        return r;
    if (!r)
        goto decline;
    i = skip_trailing_comments(s, n, i);
    if (i < n || !seen[F_AUTHOR] || !seen[F_VENUE] || !rec->n_authors)
        goto decline;
    rec->key = key;
    *index = f->n_recs++;
    f->accepted++;
    return 1;
decline:
    f->declined++;
    return 0;
}

coa_bu_rec_t *coa_bibfast_rec(coa_bibfast_t *f, size_t index)
{
    return index < f->n_recs ? &f->recs[index] : NULL;
}

int coa_bibfast_month(const char *s)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; i++)
        if (strncasecmp(s, months[i], 3) == 0)
            return i + 1;
    return 0;
}
