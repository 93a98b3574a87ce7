/* Match keys for author names. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "coauthor/corpus.h"
#include "corpus/internal.h"

static int is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

/* Apostrophes, quotes and dashes join or separate parts of a name in one
 * source and are missing in the next ("Jun'ichi", "Jun-ichi", "Jun ichi"),
 * so all of them are a word break in the key.  utf8proc's lumping has
 * already made '\'' of U+2018, U+2019 and U+02BC, '"' of the double
 * quotes and '-' of the dashes; U+00B4 (acute accent) decomposes to a space
 * and a mark; '`' and U+02BB, U+2032 are taken here. */
static int is_break(char ch)
{
    return is_space(ch) || ch == '.' || ch == '-' || ch == ',' || ch == '\'' || ch == '`' || ch == '"';
}

/* Latin letters that have no decomposition, so that stripping marks
 * leaves them as they are: "Dayanık" and "Dayanik", "Chrupała" and
 * "Chrupala" are one name written with and without the letter.  Each is
 * two bytes of UTF-8 (after case folding) and becomes its usual ASCII
 * spelling, of at most two letters, so the key never grows. */
static const struct {
    unsigned char b0, b1;
    const char *ascii;
} plain_letters[] = {
    {0xC4, 0xB1, "i"},  /* U+0131 dotless i */
    {0xC5, 0x82, "l"},  /* U+0142 l with stroke */
    {0xC3, 0xB8, "o"},  /* U+00F8 o with stroke */
    {0xC3, 0xA6, "ae"}, /* U+00E6 ae */
    {0xC5, 0x93, "oe"}, /* U+0153 oe */
    {0xC4, 0x91, "d"},  /* U+0111 d with stroke */
    {0xC3, 0xB0, "d"},  /* U+00F0 eth */
    {0xC3, 0xBE, "th"}, /* U+00FE thorn */
    {0xC4, 0xA7, "h"},  /* U+0127 h with stroke */
    {0xC5, 0xA7, "t"},  /* U+0167 t with stroke */
};

/* Appends s[0..len) to out with every break (is_break) as a single space. */
static size_t append_collapsed(char *out, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (((unsigned char)ch == 0xC3 || (unsigned char)ch == 0xC4 || (unsigned char)ch == 0xC5) && i + 1 < len) {
            size_t k = 0, nk = sizeof plain_letters / sizeof plain_letters[0];
            while (k < nk && !(plain_letters[k].b0 == (unsigned char)ch && plain_letters[k].b1 == (unsigned char)s[i + 1]))
                k++;
            if (k < nk) {
                for (const char *a = plain_letters[k].ascii; *a; a++)
                    out[n++] = *a;
                i++;
                continue;
            }
        }
        if ((unsigned char)ch == 0xCA && i + 1 < len && (unsigned char)s[i + 1] == 0xBB) { /* U+02BB */
            ch = ' ';
            i++;
        } else if ((unsigned char)ch == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                   (unsigned char)s[i + 2] == 0xB2) { /* U+2032, prime, a typed apostrophe */
            ch = ' ';
            i += 2;
        }
        if (is_break(ch)) {
            if (n > 0 && out[n - 1] != ' ')
                out[n++] = ' ';
        } else {
            out[n++] = ch;
        }
    }
    return n;
}

/* The mapping of a name before its key is made (internal.h). */
const int coa_name_key_map_options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                     UTF8PROC_STRIPMARK | UTF8PROC_LUMP | UTF8PROC_IGNORE | UTF8PROC_STRIPCC;

/* Printable ASCII: what the mapping below makes of it is its lower case
 * (tests/unit/test_corpus.c checks every character), without utf8proc's
 * decomposition, which was a tenth of reading DBLP.  Returns 0 when name
 * is not printable ASCII. */
static int map_ascii(const char *name, size_t len, utf8proc_uint8_t **mapped, utf8proc_ssize_t *n)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)name[i] < 0x20 || (unsigned char)name[i] > 0x7e)
            return 0;
    char *m = malloc(len + 1);
    if (!m) {
        *n = UTF8PROC_ERROR_NOMEM;
        return 1;
    }
    for (size_t i = 0; i < len; i++)
        m[i] = name[i] >= 'A' && name[i] <= 'Z' ? (char)(name[i] + ('a' - 'A')) : name[i];
    m[len] = '\0';
    *mapped = (utf8proc_uint8_t *)m;
    *n = (utf8proc_ssize_t)len;
    return 1;
}

int coa_name_suffix(const char *word, size_t len)
{
    static const char *const suffixes[] = {"jr", "sr", "ii", "iii", "iv", "2nd", "3rd", "4th"};
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
        if (strlen(suffixes[i]) == len && memcmp(suffixes[i], word, len) == 0)
            return 1;
    return 0;
}

/* A generational suffix ("Jr.", "III", "3rd") is the last word of a key,
 * in one spelling ("3rd" is "iii"), wherever the source put it: "Nyberg,
 * 3rd, Eric H.", "Nyberg, Eric H., 3rd", "Eric H. Nyberg 3rd" and "Eric H.
 * Nyberg III" all give "eric h nyberg iii".  Only a name of three or more
 * words has one: in "Ramakrishnan, IV" the "IV" is the given name (the
 * initials I. V.), not a suffix.  Returns the new length (the same). */
static size_t move_suffix(char *key, size_t len)
{
    size_t starts[64], lens[64];
    size_t n = 0;
    for (size_t i = 0; i < len && n < 64; i++)
        if (i == 0 || key[i - 1] == ' ') {
            size_t e = i;
            while (e < len && key[e] != ' ')
                e++;
            starts[n] = i;
            lens[n++] = e - i;
        }
    if (n < 3 || n >= 64)
        return len;
    for (size_t k = 1; k < n; k++) {
        const char *w = key + starts[k];
        size_t wl = lens[k];
        if (!coa_name_suffix(w, wl))
            continue;
        const char *canon = wl == 3 && w[0] == '2' ? "ii" : wl == 3 && w[0] == '3' ? "iii"
                                                    : wl == 3 && w[0] == '4' ? "iv" : NULL;
        char suffix[4];
        size_t sl = canon ? strlen(canon) : wl;
        memcpy(suffix, canon ? canon : w, sl);
        /* the words after it move up, and the suffix goes last; the key
         * cannot grow ("3rd" and "iii" are as long) */
        size_t out = starts[k];
        for (size_t j = k + 1; j < n; j++) {
            memmove(key + out, key + starts[j], lens[j]);
            out += lens[j];
            key[out++] = ' ';
        }
        memcpy(key + out, suffix, sl);
        out += sl;
        key[out] = '\0';
        return out;
    }
    return len;
}

int coa_name_key(const char *name, size_t len, char **key)
{
    *key = NULL;
    utf8proc_uint8_t *mapped = NULL;
    /* NFKC with compatibility lumping (odd spaces, dashes), case folding
     * and marks stripped: "Štajner" and "Stajner" get one key. */
    utf8proc_ssize_t n;
    if (!map_ascii(name, len, &mapped, &n))
        n = utf8proc_map((const utf8proc_uint8_t *)name, (utf8proc_ssize_t)len, &mapped,
                         (utf8proc_option_t)coa_name_key_map_options);
    if (n < 0)
        return n == UTF8PROC_ERROR_NOMEM ? COA_ENOMEM : COA_EINVAL;
    const char *m = (const char *)mapped;
    size_t mlen = (size_t)n;
    char *out = malloc(mlen + 2);
    if (!out) {
        free(mapped);
        return COA_ENOMEM;
    }
    /* "Last, First" becomes "First Last"; "Last, Jr, First" (BibTeX's
     * three-part form) becomes "First Last Jr". */
    const char *c1 = memchr(m, ',', mlen);
    const char *c2 = c1 ? memchr(c1 + 1, ',', mlen - (size_t)(c1 + 1 - m)) : NULL;
    size_t k = 0;
    if (c1 && c2) {
        k = append_collapsed(out, k, c2 + 1, mlen - (size_t)(c2 + 1 - m));
        out[k++] = ' ';
        k = append_collapsed(out, k, m, (size_t)(c1 - m));
        out[k++] = ' ';
        k = append_collapsed(out, k, c1 + 1, (size_t)(c2 - c1 - 1));
    } else if (c1) {
        k = append_collapsed(out, k, c1 + 1, mlen - (size_t)(c1 + 1 - m));
        out[k++] = ' ';
        k = append_collapsed(out, k, m, (size_t)(c1 - m));
    } else {
        k = append_collapsed(out, k, m, mlen);
    }
    free(mapped);
    /* collapse again (the joins may have doubled spaces) and trim */
    size_t w = 0;
    for (size_t i = 0; i < k; i++) {
        if (out[i] == ' ' && (w == 0 || out[w - 1] == ' '))
            continue;
        out[w++] = out[i];
    }
    while (w > 0 && out[w - 1] == ' ')
        w--;
    out[w] = '\0';
    w = move_suffix(out, w);
    *key = out;
    return COA_OK;
}
