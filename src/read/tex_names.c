/* TeX in BibTeX author lists (tex_names.h says what and why). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "coauthor/common.h"
#include "tex_names.h"

/* Macros expand inside macros at most this deep (a \def\a{\a} loops). */
#define MAX_DEPTH 8

typedef struct {
    char *s;
    size_t len, cap;
    int oom;
} out_t;

static void put(out_t *o, const char *s, size_t n)
{
    if (o->oom)
        return;
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 64;
        while (cap < o->len + n + 1)
            cap *= 2;
        char *p = realloc(o->s, cap);
        if (!p) {
            o->oom = 1;
            return;
        }
        o->s = p;
        o->cap = cap;
    }
    memcpy(o->s + o->len, s, n);
    o->len += n;
    o->s[o->len] = '\0';
}

static void putc_(out_t *o, char ch)
{
    put(o, &ch, 1);
}

static int in_list(const char *const *list, const char *s, size_t n)
{
    for (; *list; list++)
        if (strlen(*list) == n && memcmp(*list, s, n) == 0)
            return 1;
    return 0;
}

/* Dropped, with the spaces after them. */
static const char *const switches[] = {
    "bf", "it", "sc", "rm", "tt", "sl", "sf", "em", "sltt", "smc", "SMC", "cal", "mit", "bfseries", "mdseries", "itshape", "scshape",
    "upshape", "slshape", "rmfamily", "sffamily", "ttfamily", "normalfont", "tiny", "scriptsize", "footnotesize",
    "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge", "relax", "protect", "null", "unskip",
    "ignorespaces", "noindent", "nobreak", "allowbreak", "smash", "phantom", "strut", NULL};
/* Dropped with a TeX dimension after them ("\raise0.5ex", "\kern -.1em"). */
static const char *const spacing[] = {"raise", "lower", "kern", "hskip", "vskip", "moveleft", "moveright", NULL};
/* Dropped with a braced argument. */
static const char *const argument_dropped[] = {"hspace", "vspace", "noopsort", "cite", "label", NULL};
/* Replaced by their argument. */
static const char *const wrappers[] = {
    "rlap", "llap", "hbox", "mbox", "makebox", "fbox", "textbf", "textit", "textsc", "textrm", "texttt", "textsf",
    "textsl", "textup", "textmd", "textnormal", "emph", "text", "acro", "textsuperscript", "ensuremath", "url",
    "path", NULL};
/* Logos, by name. */
static const char *const logos[][2] = {{"TeX", "TeX"},         {"LaTeX", "LaTeX"},   {"LaTeXe", "LaTeX2e"},
                                       {"BibTeX", "BibTeX"},   {"AmS", "AMS"},       {"AMS", "AMS"},
                                       {"ConTeXt", "ConTeXt"}, {"XeTeX", "XeTeX"},   {"LuaTeX", "LuaTeX"},
                                       {"MF", "Metafont"},     {"MP", "MetaPost"},   {"eTeX", "e-TeX"},
                                       {"PiCTeX", "PiCTeX"},   {"SliTeX", "SliTeX"}, {"METAFONT", "METAFONT"},
                                       {NULL, NULL}};
/* What bibutils decodes itself: special letters and the accents whose
 * command is a letter. */
static const char *const letters[] = {"ss", "SS", "ae", "AE", "oe", "OE", "aa", "AA", "o", "O", "l", "L", "i",
                                      "j", "dh", "DH", "th", "TH", "ng", "NG", "dj", "DJ", "c", "d", "b", "H",
                                      "k", "r", "t", "u", "v", "G", "U", NULL};

/* The combining mark of an accent command, or 0. */
static utf8proc_int32_t accent_mark(const char *cmd, size_t n)
{
    static const struct {
        const char *cmd;
        utf8proc_int32_t mark;
    } marks[] = {{"`", 0x300}, {"'", 0x301}, {"^", 0x302}, {"~", 0x303}, {"=", 0x304}, {"u", 0x306},
                 {".", 0x307}, {"\"", 0x308}, {"r", 0x30A}, {"H", 0x30B}, {"v", 0x30C}, {"d", 0x323},
                 {"c", 0x327}, {"k", 0x328}, {"b", 0x331}};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strlen(marks[i].cmd) == n && memcmp(marks[i].cmd, cmd, n) == 0)
            return marks[i].mark;
    return 0;
}

static int name_char(int ch)
{
    return isalpha(ch) || ch == '@';
}

/* The end of a command's name that starts at s[j] (just after the
 * backslash, j < n): a run of letters, or one other character. */
static size_t command_end(const char *s, size_t n, size_t j)
{
    if (!name_char((unsigned char)s[j]))
        return j + 1;
    while (j < n && name_char((unsigned char)s[j]))
        j++;
    return j;
}

size_t coa_tex_group_end(const char *s, size_t n, size_t i)
{
    size_t depth = 0;
    for (; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n) {
            i++;
            continue;
        }
        if (s[i] == '{')
            depth++;
        else if (s[i] == '}' && --depth == 0)
            return i;
    }
    return n;
}

/* A command's argument at s[i]: a brace group (its inside in *a..*b) or
 * one character or control sequence.  Returns where the argument ends. */
static size_t argument(const char *s, size_t n, size_t i, size_t *a, size_t *b)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
        i++;
    if (i >= n) {
        *a = *b = n;
        return n;
    }
    if (s[i] == '{') {
        size_t e = coa_tex_group_end(s, n, i);
        *a = i + 1;
        *b = e;
        return e < n ? e + 1 : n;
    }
    *a = i;
    if (s[i] == '\\' && i + 1 < n) {
        *b = command_end(s, n, i + 1);
        return *b;
    }
    /* one character, UTF-8 included */
    size_t j = i + 1;
    while (j < n && ((unsigned char)s[j] & 0xC0) == 0x80)
        j++;
    *b = j;
    return j;
}

/* Skips a TeX dimension: "0.5ex", " -.1em", "2pt plus 1pt". */
static size_t skip_dimension(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '='))
        i++;
    while (i < n && (s[i] == '-' || s[i] == '+'))
        i++;
    while (i < n && (isdigit((unsigned char)s[i]) || s[i] == '.' || s[i] == ','))
        i++;
    while (i < n && s[i] == ' ')
        i++;
    static const char *const units[] = {"pt", "pc", "in", "bp", "cm", "mm", "dd", "cc", "sp", "ex", "em", "mu", NULL};
    if (i + 2 <= n && in_list(units, s + i, 2))
        i += 2;
    else if (i < n && s[i] == '\\') { /* a register: \baselineskip */
        i++;
        while (i < n && name_char((unsigned char)s[i]))
            i++;
    }
    return i;
}

/* The accent of a box that holds only an accent over nothing
 * ("\raise0.5ex\hbox{\'{\relax}}"), or 0. */
static utf8proc_int32_t stacked_accent(const char *s, size_t n)
{
    utf8proc_int32_t mark = 0;
    for (size_t i = 0; i < n;) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '{' || ch == '}' || ch == ' ' || ch == '\n' || ch == '\t') {
            i++;
            continue;
        }
        if (ch != '\\' || i + 1 >= n)
            return 0; /* text in the box: not an accent alone */
        size_t j = command_end(s, n, i + 1);
        const char *cmd = s + i + 1;
        size_t len = j - i - 1;
        utf8proc_int32_t m = accent_mark(cmd, len);
        if (m && !mark)
            mark = m;
        else if (in_list(spacing, cmd, len))
            j = skip_dimension(s, n, j);
        else if (!in_list(wrappers, cmd, len) && !in_list(switches, cmd, len))
            return 0;
        i = j;
    }
    return mark;
}

typedef struct {
    const coa_tex_macros_t *macros;
    char *unknown;
    size_t unknown_cap;
    size_t unit; /* where the output's last letter (or accented letter) starts */
    const char *unit_src;
    size_t unit_len; /* its source text, for an accent stacked on it */
} clean_t;

static const char *find_macro(const coa_tex_macros_t *m, const char *name, size_t n)
{
    for (size_t i = m ? m->n : 0; i-- > 0;)
        if (strlen(m->names[i]) == n && memcmp(m->names[i], name, n) == 0)
            return m->bodies[i];
    return NULL;
}

/* Decodes "e", "\^e", "\^{e}", "{\^e}" or a UTF-8 letter into *cp and a
 * mark (0 for none); 0 when it is none of these. */
static int decode_letter(const char *s, size_t n, utf8proc_int32_t *cp, utf8proc_int32_t *mark)
{
    while (n >= 2 && s[0] == '{' && s[n - 1] == '}') {
        s++;
        n -= 2;
    }
    *mark = 0;
    if (n >= 2 && s[0] == '\\') {
        size_t j = command_end(s, n, 1);
        if (!(*mark = accent_mark(s + 1, j - 1)))
            return 0;
        s += j;
        n -= j;
        while (n && (s[0] == ' ' || s[0] == '{')) {
            s++;
            n--;
        }
        while (n && s[n - 1] == '}')
            n--;
    }
    utf8proc_ssize_t step = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, cp);
    return step > 0 && (size_t)step == n && utf8proc_category(*cp) >= UTF8PROC_CATEGORY_LU &&
           utf8proc_category(*cp) <= UTF8PROC_CATEGORY_LO;
}

/* Puts 'mark' on the output's last letter: one precomposed character
 * where Unicode has one ("e" + circumflex + acute = U+1EBF). */
static void stack_accent(clean_t *st, out_t *o, utf8proc_int32_t mark)
{
    utf8proc_int32_t cp, first;
    if (!st->unit_src || !decode_letter(st->unit_src, st->unit_len, &cp, &first))
        return; /* nothing to put it on: the accent is dropped */
    utf8proc_int32_t seq[3] = {cp, first, mark};
    utf8proc_uint8_t enc[16];
    size_t w = 0;
    for (int k = 0; k < 3; k++)
        if (seq[k])
            w += (size_t)utf8proc_encode_char(seq[k], enc + w);
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t len = utf8proc_map(enc, (utf8proc_ssize_t)w, &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (len < 0) {
        o->oom |= len == UTF8PROC_ERROR_NOMEM;
        return;
    }
    o->len = st->unit;
    put(o, (const char *)nfc, (size_t)len);
    free(nfc);
    st->unit_src = NULL; /* one stack per letter */
}

static void clean(clean_t *st, out_t *o, const char *s, size_t n, int depth);

/* A control sequence at s[i] ('\'); returns where its use ends. */
static size_t command(clean_t *st, out_t *o, const char *s, size_t n, size_t i, int depth)
{
    size_t j = i + 1;
    if (j >= n) {
        putc_(o, '\\');
        return n;
    }
    if (!name_char((unsigned char)s[j])) {
        /* a control symbol: an accent takes its argument along, as one letter */
        size_t a, b, end = j + 1;
        size_t start = o->len;
        if (accent_mark(s + j, 1)) {
            end = argument(s, n, j + 1, &a, &b);
            put(o, s + i, end - i);
            st->unit = start;
            st->unit_src = s + i;
            st->unit_len = end - i;
            return end;
        }
        if (s[j] == '/' || s[j] == ',' || s[j] == ';' || s[j] == '!')
            return end; /* italic correction, thin spaces */
        if (s[j] == ' ' || s[j] == '\n' || s[j] == '\t') {
            putc_(o, ' '); /* a control space ("Users\ Group") */
            return end;
        }
        put(o, s + i, end - i);
        return end;
    }
    while (j < n && name_char((unsigned char)s[j]))
        j++;
    const char *cmd = s + i + 1;
    size_t len = j - i - 1;
    size_t a, b;
    if (in_list(switches, cmd, len)) {
        while (j < n && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t'))
            j++;
        return j;
    }
    if (in_list(spacing, cmd, len))
        return skip_dimension(s, n, j);
    if (in_list(argument_dropped, cmd, len)) {
        if (j < n && s[j] == '*')
            j++;
        return argument(s, n, j, &a, &b);
    }
    if (in_list(wrappers, cmd, len)) {
        size_t end = argument(s, n, j, &a, &b);
        utf8proc_int32_t mark = stacked_accent(s + a, b - a);
        if (mark)
            stack_accent(st, o, mark);
        else
            clean(st, o, s + a, b - a, depth);
        return end;
    }
    for (size_t k = 0; logos[k][0]; k++) {
        if (strlen(logos[k][0]) == len && memcmp(logos[k][0], cmd, len) == 0) {
            put(o, logos[k][1], strlen(logos[k][1]));
            if (j + 1 < n && s[j] == '{' && s[j + 1] == '}')
                j += 2; /* "\TeX{}" */
            return j;
        }
    }
    const char *body = depth < MAX_DEPTH ? find_macro(st->macros, cmd, len) : NULL;
    if (body) {
        clean(st, o, body, strlen(body), depth + 1);
        if (j + 1 < n && s[j] == '{' && s[j + 1] == '}')
            j += 2; /* "\Thanh{} and ..." */
        return j;
    }
    if (!in_list(letters, cmd, len) && !accent_mark(cmd, len) && st->unknown && !st->unknown[0])
        snprintf(st->unknown, st->unknown_cap, "%.*s", (int)len, cmd);
    size_t start = o->len;
    put(o, s + i, j - i);
    if (in_list(letters, cmd, len) || accent_mark(cmd, len)) {
        /* a letter command or a letter accent: its argument is part of it */
        size_t end = j;
        if (accent_mark(cmd, len)) {
            end = argument(s, n, j, &a, &b);
            put(o, s + j, end - j);
        }
        st->unit = start;
        st->unit_src = s + i;
        st->unit_len = end - i;
        return end;
    }
    return j;
}

static void clean(clean_t *st, out_t *o, const char *s, size_t n, int depth)
{
    for (size_t i = 0; i < n && !o->oom;) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '\\') {
            i = command(st, o, s, n, i, depth);
            continue;
        }
        if (ch == '{') {
            size_t e = coa_tex_group_end(s, n, i);
            /* a group opened by a switch ("{\sltt DVI}") keeps its braces,
             * which keep "DVI" from being read as initials */
            size_t start = o->len;
            putc_(o, '{');
            clean(st, o, s + i + 1, (e < n ? e : n) - i - 1, depth);
            if (e < n)
                putc_(o, '}');
            if (e - i <= 6) { /* "{\'e}", "{e}": a letter the next accent may sit on */
                st->unit = start;
                st->unit_src = s + i;
                st->unit_len = (e < n ? e + 1 : n) - i;
            }
            i = e < n ? e + 1 : n;
            continue;
        }
        if (ch == '\n' || ch == '\t' || ch == '\r') {
            putc_(o, ' ');
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && ((unsigned char)s[j] & 0xC0) == 0x80)
            j++;
        st->unit = o->len;
        st->unit_src = s + i;
        st->unit_len = j - i;
        put(o, s + i, j - i);
        i = j;
    }
}

int coa_tex_names_clean(const coa_tex_macros_t *m, const char *s, size_t n, char **out, size_t *out_len,
                        char *unknown, size_t cap)
{
    *out = NULL;
    *out_len = 0;
    if (unknown && cap)
        unknown[0] = '\0';
    if (!memchr(s, '\\', n))
        return COA_OK; /* no command: nothing to do (almost every name) */
    out_t o = {NULL, 0, 0, 0};
    clean_t st = {m, unknown, cap, 0, NULL, 0};
    clean(&st, &o, s, n, 0);
    if (o.oom) {
        free(o.s);
        return COA_ENOMEM;
    }
    /* unchanged but for line ends: leave the text as it is */
    int same = o.len == n;
    for (size_t i = 0; same && i < n; i++)
        same = o.s[i] == s[i] || (o.s[i] == ' ' && (s[i] == '\n' || s[i] == '\t' || s[i] == '\r'));
    if (same || !o.s) {
        free(o.s);
        return COA_OK;
    }
    *out = o.s;
    *out_len = o.len;
    return COA_OK;
}

/* ---- macro definitions ---- */

void coa_tex_macros_destroy(coa_tex_macros_t *m)
{
    for (size_t i = 0; i < m->n; i++) {
        free(m->names[i]);
        free(m->bodies[i]);
    }
    free(m->names);
    free(m->bodies);
    memset(m, 0, sizeof *m);
}

static int macros_put(coa_tex_macros_t *m, const char *name, size_t nl, const char *body, size_t bl)
{
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 16;
        char **a = realloc(m->names, cap * sizeof *a);
        if (!a)
            return COA_ENOMEM;
        m->names = a;
        char **b = realloc(m->bodies, cap * sizeof *b);
        if (!b)
            return COA_ENOMEM;
        m->bodies = b;
        m->cap = cap;
    }
    char *nm = strndup(name, nl), *bd = strndup(body, bl);
    if (!nm || !bd) {
        free(nm);
        free(bd);
        return COA_ENOMEM;
    }
    m->names[m->n] = nm;
    m->bodies[m->n] = bd;
    m->n++;
    return COA_OK;
}

static size_t skip_space(const char *s, size_t n, size_t i)
{
    while (i < n && isspace((unsigned char)s[i]))
        i++;
    return i;
}

/* A copy of the text without '%' comments (to the end of their line). */
static char *strip_comments(const char *s, size_t n, size_t *len)
{
    char *t = malloc(n + 1);
    if (!t)
        return NULL;
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n) {
            t[w++] = s[i++];
            t[w++] = s[i];
            continue;
        }
        if (s[i] == '%') {
            while (i < n && s[i] != '\n')
                i++;
            if (i < n)
                t[w++] = '\n';
            continue;
        }
        t[w++] = s[i];
    }
    t[w] = '\0';
    *len = w;
    return t;
}

int coa_tex_macros_scan(coa_tex_macros_t *m, const char *text, size_t len)
{
    static const char *const defs[] = {"def", "gdef", "edef", "xdef", NULL};
    static const char *const commands[] = {"newcommand", "renewcommand", "providecommand", "DeclareRobustCommand",
                                           NULL};
    size_t n;
    char *s = strip_comments(text, len, &n);
    if (!s)
        return COA_ENOMEM;
    int err = COA_OK;
    for (size_t i = 0; i < n && !err; i++) {
        if (s[i] != '\\')
            continue;
        size_t j = i + 1;
        while (j < n && name_char((unsigned char)s[j]))
            j++;
        const char *cmd = s + i + 1;
        size_t cl = j - i - 1;
        int is_def = in_list(defs, cmd, cl);
        int is_command = in_list(commands, cmd, cl);
        int is_provide = cl > 8 && memcmp(cmd + cl - 8, "@provide", 8) == 0; /* tugboat.def's \td@provide */
        if (!is_def && !is_command && !is_provide) {
            i = j > i + 1 ? j - 1 : i + 1;
            continue;
        }
        size_t k = skip_space(s, n, j);
        if (is_command && k < n && s[k] == '*')
            k = skip_space(s, n, k + 1);
        int braced = is_command && k < n && s[k] == '{';
        if (braced)
            k = skip_space(s, n, k + 1);
        if (k >= n || s[k] != '\\') {
            i = j - 1;
            continue;
        }
        size_t na = k + 1, nb = na;
        while (nb < n && name_char((unsigned char)s[nb]))
            nb++;
        if (nb == na) {
            i = j - 1;
            continue;
        }
        k = nb;
        if (braced) {
            k = skip_space(s, n, k);
            if (k >= n || s[k] != '}') {
                i = j - 1;
                continue;
            }
            k++;
        }
        k = skip_space(s, n, k);
        /* parameters ("#1", "[1]") : not a name macro */
        if (k < n && (s[k] == '#' || s[k] == '[')) {
            i = k;
            continue;
        }
        if (k >= n || s[k] != '{') {
            i = j - 1;
            continue;
        }
        size_t e = coa_tex_group_end(s, n, k);
        if (e >= n)
            break;
        err = macros_put(m, s + na, nb - na, s + k + 1, e - k - 1);
        i = e;
    }
    free(s);
    return err;
}

size_t coa_tex_next_input(const char *text, size_t len, size_t *pos, const char **name)
{
    for (size_t i = *pos; i + 6 <= len; i++) {
        if (memcmp(text + i, "\\input", 6) != 0 || (i + 6 < len && isalpha((unsigned char)text[i + 6])))
            continue;
        size_t k = skip_space(text, len, i + 6);
        int braced = k < len && text[k] == '{';
        if (braced)
            k++;
        size_t a = k;
        while (k < len && !isspace((unsigned char)text[k]) && text[k] != '}' && text[k] != '"' && text[k] != '\\')
            k++;
        *pos = k;
        if (k > a) {
            *name = text + a;
            return k - a;
        }
    }
    *pos = len;
    return 0;
}
