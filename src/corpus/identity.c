/* Alias files and merging initials into full names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coauthor/identity.h"
#include "corpus/internal.h"
#include "core/input.h"
#include "corpus/names_internal.h"

/* ---- alias files ---- */

int coa_aliases_apply(coa_corpus_t *c, const char *path, const coa_diag_sink_t *diag, uint32_t *applied)
{
    coa_input_t in;
    int err = coa_input_open(&in, path, COA_ALIASES_MAX_LINE, diag);
    *applied = 0;
    if (err)
        return err;
    /* an alias file is written by people or by 'names --write-aliases':
     * one that never ends (/dev/zero) is stopped, not read for ever */
    in.max_bytes = COA_ALIASES_MAX_BYTES;
    /* the authors the sources named: the canonical side of a line may add
     * an author (a new display name), and chains through such names merge
     * nothing the sources named (100,000 links were counted as 100,001
     * names merged when one was) */
    uint32_t named = c->n_authors;
    uint8_t *was_root = malloc(named ? named : 1);
    if (!was_root) {
        coa_input_close(&in);
        return COA_ENOMEM;
    }
    for (uint32_t a = 0; a < named; a++)
        was_root[a] = c->authors[a].merged_into == COA_NONE;
    const char *line;
    size_t len;
    int r;
    while ((r = coa_input_next(&in, &line, &len)) > 0) {
        if (len == 0 || line[0] == '#')
            continue;
        const char *tab = memchr(line, '\t', len);
        if (!tab) {
            coa_diag(diag, COA_DIAG_WARNING, in.name, in.lineno, "expected 'alias<TAB>canonical'; line ignored");
            continue;
        }
        size_t alen = (size_t)(tab - line);
        const char *canon = tab + 1;
        size_t clen = len - alen - 1;
        const char *tab2 = memchr(canon, '\t', clen);
        if (tab2)
            clen = (size_t)(tab2 - canon);
        /* VOSviewer's thesaurus header */
        if (in.lineno == 1 && alen == 5 && !memcmp(line, "label", 5) && clen == 10 && !memcmp(canon, "replace by", 10))
            continue;
        char *alias = strndup(line, alen), *target = strndup(canon, clen);
        if (!alias || !target) {
            free(alias);
            free(target);
            err = COA_ENOMEM;
            break;
        }
        uint32_t from = coa_corpus_find_author(c, alias), into, from_author = COA_NONE;
        if (from != COA_NONE)
            from_author = coa_corpus_find_author_unmerged(c, alias); /* before its merges */
        if (from == COA_NONE) {
            coa_diag(diag, COA_DIAG_WARNING, in.name, in.lineno, "alias '%s' names no author; ignored", alias);
        } else if ((err = coa_corpus_author(c, target, strlen(target), NULL, &into))) {
            free(alias);
            free(target);
            break;
        } else if (into == COA_NONE) {
            coa_diag(diag, COA_DIAG_WARNING, in.name, in.lineno, "empty canonical name; line ignored");
        } else if (into != coa_corpus_author_root(c, into) && from_author == coa_corpus_author_root(c, from_author) &&
                   coa_corpus_author_root(c, into) == from_author) {
            /* "b<TAB>a" after "a<TAB>b": the canonical name is already an
             * alias of this one; following it would turn the merge round */
            coa_diag(diag, COA_DIAG_WARNING, in.name, in.lineno,
                     "alias '%s' -> '%s' closes a cycle ('%s' is already an alias of '%s'); line ignored", alias,
                     target, target, alias);
        } else {
            into = coa_corpus_author_root_compress(c, into);
            coa_author_t *au = &c->authors[into];
            au->display = coa_corpus_intern(c, target, strlen(target));
            au->flags |= COA_AUTHOR_DISPLAY_FIXED;
            if (au->display == COA_NONE) {
                err = COA_ENOMEM;
            } else if (coa_corpus_author_root_compress(c, from) != into) {
                err = coa_corpus_merge(c, from, into, "alias file");
            }
        }
        free(alias);
        free(target);
        if (err)
            break;
    }
    if (!err && r < 0)
        err = in.error ? in.error : COA_EIO;
    coa_input_close(&in);
    /* names merged: authors the sources named that were their own and now
     * lead to another */
    for (uint32_t a = 0; !err && a < named; a++)
        *applied += was_root[a] && coa_corpus_author_root(c, a) != a;
    free(was_root);
    return err;
}

/* ---- initials ---- */

int coa_merge_initials(coa_corpus_t *c, uint32_t *merged)
{
    *merged = 0;
    uint8_t *use = calloc(c->n_authors ? c->n_authors : 1, 1);
    if (!use)
        return COA_ENOMEM;
    for (uint32_t i = 0; i < c->n_authorships; i++)
        use[coa_corpus_author_root(c, c->authorships[i].author)] = 1;
    uint32_t n;
    coa_by_surname_t *v = coa_names_by_surname(c, use, &n);
    free(use);
    if (!v)
        return COA_ENOMEM;
    int err = COA_OK;
    for (uint32_t s = 0; s < n && !err;) {
        uint32_t e = s;
        while (e < n && coa_names_surname_cmp(v[e].surname, v[s].surname) == 0)
            e++;
        for (uint32_t i = s; i < e && !err; i++) {
            coa_words_t wi;
            coa_names_words(coa_corpus_str(c, c->authors[v[i].author].key), &wi);
            if (!coa_names_initials_only(&wi))
                continue;
            uint32_t fit = COA_NONE, fits = 0;
            for (uint32_t j = s; j < e; j++) {
                coa_words_t wj;
                coa_names_words(coa_corpus_str(c, c->authors[v[j].author].key), &wj);
                if (j != i && coa_names_initials_fit(&wi, &wj)) {
                    fits++;
                    fit = v[j].author;
                }
            }
            if (fits == 1 && !(err = coa_corpus_merge(c, v[i].author, fit, "initials")))
                (*merged)++;
        }
        s = e;
    }
    free(v);
    return err;
}

