/* Tables as aligned text, TSV, CSV or JSON. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "coauthor/write.h"
#include "internal.h"

struct coa_table {
    int ncols;
    char **names;
    uint8_t *numeric;
    char **cells;
    uint32_t n_cells, cap_cells;
};

coa_table_t *coa_table_new(int ncols, const char *const *names)
{
    coa_table_t *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->ncols = ncols;
    t->names = calloc((size_t)ncols, sizeof *t->names);
    t->numeric = calloc((size_t)ncols, 1);
    if (!t->names || !t->numeric) {
        coa_table_free(t);
        return NULL;
    }
    for (int i = 0; i < ncols; i++) {
        if (!(t->names[i] = strdup(names[i]))) {
            coa_table_free(t);
            return NULL;
        }
    }
    return t;
}

void coa_table_free(coa_table_t *t)
{
    if (!t)
        return;
    for (int i = 0; t->names && i < t->ncols; i++)
        free(t->names[i]);
    for (uint32_t i = 0; i < t->n_cells; i++)
        free(t->cells[i]);
    COA_FREE(t->names, t->numeric, t->cells, t);
}

void coa_table_numeric(coa_table_t *t, int col)
{
    if (col >= 0 && col < t->ncols)
        t->numeric[col] = 1;
}

int coa_table_cell(coa_table_t *t, const char *fmt, ...)
{
    if (coa_grow((void **)&t->cells, &t->cap_cells, t->n_cells + 1, sizeof *t->cells))
        return COA_ENOMEM;
    va_list ap;
    va_start(ap, fmt);
    char *s = NULL;
    int n = vasprintf(&s, fmt, ap);
    va_end(ap);
    if (n < 0)
        return COA_ENOMEM;
    t->cells[t->n_cells++] = s;
    return COA_OK;
}

int coa_table_rows(const coa_table_t *t)
{
    return (int)(t->n_cells / (uint32_t)t->ncols);
}

size_t coa_display_width(const char *s)
{
    size_t w = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    while (*p) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
        if (k <= 0) {
            p++;
            w++;
            continue;
        }
        int cw = utf8proc_charwidth(cp);
        w += cw > 0 ? (size_t)cw : 0;
        p += k;
    }
    return w;
}

void coa_json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

void coa_csv_field(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

/* Code points a terminal would act on rather than show: C0 and C1
 * controls, DEL, and the bidirectional embeddings, overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069, and the marks U+200E, U+200F, U+061C),
 * with which a name could reverse or hide the text after it ("U+202E"
 * printed raw turned the rest of a row around). */
static int terminal_unsafe(utf8proc_int32_t cp)
{
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f || cp == 0x061c;
}

/* s with every unsafe code point written as "\u202E" (a visible escape),
 * malloc'ed; NULL when s needs none (or out of memory: s is then shown as
 * it is, which is no worse than before). */
static char *terminal_escape(const char *s)
{
    size_t n = 0, len = strlen(s);
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0)
            k = 1, cp = 0xfffd;
        n += terminal_unsafe(cp);
        i += (size_t)k;
    }
    if (!n)
        return NULL;
    char *out = malloc(len + 6 * n + 1), *w = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0)
            k = 1, cp = 0xfffd;
        if (terminal_unsafe(cp))
            w += sprintf(w, "\\u%04X", (unsigned)cp);
        else
            memcpy(w, s + i, (size_t)k), w += k;
        i += (size_t)k;
    }
    *w = '\0';
    return out;
}

/* TSV has no quoting: tabs and newlines inside a cell become spaces. */
static void write_tsv_field(FILE *out, const char *s)
{
    for (; *s; s++)
        fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

int coa_table_write(const coa_table_t *t, FILE *out, coa_output_t format)
{
    int rows = coa_table_rows(t), nc = t->ncols;
    if (format == COA_OUT_JSON) {
        fputs("[", out);
        for (int r = 0; r < rows; r++) {
            fputs(r ? ",\n  {" : "\n  {", out);
            for (int col = 0; col < nc; col++) {
                const char *cell = t->cells[r * nc + col];
                if (col)
                    fputs(", ", out);
                coa_json_string(out, t->names[col]);
                fputs(": ", out);
                if (t->numeric[col] && cell[0] && strcmp(cell, "-") != 0)
                    fputs(cell, out);
                else if (t->numeric[col])
                    fputs("null", out);
                else
                    coa_json_string(out, cell);
            }
            fputs("}", out);
        }
        fputs(rows ? "\n]\n" : "]\n", out);
    } else if (format == COA_OUT_TSV || format == COA_OUT_CSV) {
        void (*field)(FILE *, const char *) = format == COA_OUT_TSV ? write_tsv_field : coa_csv_field;
        char sep = format == COA_OUT_TSV ? '\t' : ',';
        for (int r = -1; r < rows; r++) {
            for (int col = 0; col < nc; col++) {
                if (col)
                    fputc(sep, out);
                field(out, r < 0 ? t->names[col] : t->cells[r * nc + col]);
            }
            fputc('\n', out);
        }
    } else {
        size_t *width = calloc((size_t)nc, sizeof *width);
        char **shown = calloc((size_t)rows * (size_t)nc + 1, sizeof *shown);
        if (!width || !shown) {
            free(width);
            free(shown);
            return COA_ENOMEM;
        }
        for (int i = 0; i < rows * nc; i++)
            shown[i] = terminal_escape(t->cells[i]);
#define CELL(r, col) (shown[(r) * nc + (col)] ? shown[(r) * nc + (col)] : t->cells[(r) * nc + (col)])
        for (int col = 0; col < nc; col++)
            width[col] = coa_display_width(t->names[col]);
        for (int r = 0; r < rows; r++)
            for (int col = 0; col < nc; col++) {
                size_t w = coa_display_width(CELL(r, col));
                if (w > width[col])
                    width[col] = w;
            }
        for (int r = -1; r < rows; r++) {
            for (int col = 0; col < nc; col++) {
                const char *cell = r < 0 ? t->names[col] : CELL(r, col);
                size_t pad = width[col] - coa_display_width(cell);
                if (col)
                    fputs("  ", out);
                if (t->numeric[col])
                    fprintf(out, "%*s%s", (int)pad, "", cell);
                else if (col == nc - 1)
                    fputs(cell, out);
                else
                    fprintf(out, "%s%*s", cell, (int)pad, "");
            }
            fputc('\n', out);
        }
#undef CELL
        for (int i = 0; i < rows * nc; i++)
            free(shown[i]);
        free(shown);
        free(width);
    }
    return ferror(out) ? COA_EIO : COA_OK;
}
