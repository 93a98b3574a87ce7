/* Match keys for author names. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "coauthor/corpus.h"
#include "internal.h"

static int is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

/* Appends s[0..len) to out with '.', '-' and whitespace as single spaces. */
static size_t append_collapsed(char *out, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (is_space(ch) || ch == '.' || ch == '-' || ch == ',') {
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
    *key = out;
    return COA_OK;
}
