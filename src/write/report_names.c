/* The identity audit of 'coauthor names' as text or JSON: every merge,
 * likely split, homonym and misattribution, with its evidence. */
#include <stdlib.h>
#include <string.h>

#include "coauthor/report.h"
#include "coauthor/write.h"

static const char *name_of(const coa_corpus_t *c, uint32_t a)
{
    return coa_corpus_str(c, c->authors[a].display);
}

/* First and last year of an author's papers. */
static void years_of(const coa_corpus_t *c, uint32_t a, int *first, int *last)
{
    *first = *last = 0;
    for (uint32_t i = 0; i < c->n_authorships; i++) {
        const coa_authorship_t *s = &c->authorships[i];
        if (s->author != a)
            continue;
        int y = c->papers[s->paper].year;
        if (!y)
            continue;
        if (!*first || y < *first)
            *first = y;
        if (y > *last)
            *last = y;
    }
}

static void print_years(FILE *out, int first, int last)
{
    if (!first)
        fputs("years unknown", out);
    else if (first == last)
        fprintf(out, "%d", first);
    else
        fprintf(out, "%d-%d", first, last);
}

/* "1 paper", "2 papers" (a static buffer: use before the next call) */
static const char *papers_text(uint32_t n)
{
    static char buf[32];
    snprintf(buf, sizeof buf, "%u paper%s", n, n == 1 ? "" : "s");
    return buf;
}

static const char *paper_field(const coa_corpus_t *c, const coa_paper_t *p)
{
    return p->category ? coa_corpus_str(c, p->category) : p->venue ? coa_corpus_str(c, p->venue) : "?";
}

/* Spellings of each author: (author, spelling) pairs sorted. */
typedef struct {
    uint32_t author, spelling, count;
} spelling_t;

/* qsort has no context argument; the corpus for the order goes here */
static const coa_corpus_t *sort_corpus;

/* Authors with more papers first, then by name; an author's spellings
 * most used first, then in the order first seen. */
static int cmp_spelling(const void *pa, const void *pb)
{
    const spelling_t *a = pa, *b = pb;
    const coa_corpus_t *c = sort_corpus;
    if (a->author != b->author) {
        uint32_t na = c->authors[a->author].n_papers, nb = c->authors[b->author].n_papers;
        if (na != nb)
            return na > nb ? -1 : 1;
        int d = strcmp(coa_corpus_str(c, c->authors[a->author].display), coa_corpus_str(c, c->authors[b->author].display));
        if (d)
            return d;
        return a->author < b->author ? -1 : 1;
    }
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return a->spelling < b->spelling ? -1 : a->spelling > b->spelling;
}

static spelling_t *collect_spellings(const coa_corpus_t *c, uint32_t *n)
{
    uint32_t k = 0;
    uint32_t limit = c->spelling_cap < c->strings.count ? c->spelling_cap : c->strings.count;
    spelling_t *v = malloc((limit ? limit : 1) * sizeof *v);
    if (!v)
        return NULL;
    for (uint32_t sp = 0; sp < limit; sp++) {
        if (!c->spelling_author[sp] || !c->spelling_count[sp])
            continue;
        uint32_t a = coa_corpus_author_root(c, c->spelling_author[sp] - 1);
        if (!c->authors[a].n_papers)
            continue;
        v[k++] = (spelling_t){a, sp, c->spelling_count[sp]};
    }
    sort_corpus = c;
    qsort(v, k, sizeof *v, cmp_spelling);
    *n = k;
    return v;
}

/* A likely homonym by the common-name rule: its groups of papers, each
 * with its size, years and most frequent coauthors. */
static void print_common_name(FILE *out, const coa_corpus_t *c, const coa_homonym_t *h, int json, uint32_t index,
                              int text)
{
    if (json) {
        fprintf(out, "%s\n    {\"author\": ", index ? "," : "");
        coa_json_string(out, name_of(c, h->author));
        fprintf(out, ", \"rule\": \"common name\", \"expected_namesakes\": %.2f, \"groups\": [", h->expected);
    } else if (text) {
        fprintf(out, "  %s: %u papers in %u groups that share no coauthor; a common name (%.2f namesakes "
                     "expected by chance)\n",
                name_of(c, h->author), h->n_papers, h->n_clusters, h->expected);
    }
    for (uint32_t g = 0; g < h->n_clusters; g++) {
        uint32_t n = 0;
        int y0 = 0, y1 = 0;
        /* the group's three most frequent coauthors, ties to the first seen */
        uint32_t top[3] = {COA_NONE, COA_NONE, COA_NONE}, topn[3] = {0, 0, 0};
        for (uint32_t i = 0; i < h->n_papers; i++) {
            if (h->cluster[i] != g)
                continue;
            const coa_paper_t *p = &c->papers[h->papers[i]];
            n++;
            if (p->year && (!y0 || p->year < y0))
                y0 = p->year;
            if (p->year > y1)
                y1 = p->year;
            for (uint32_t s = 0; s < p->n_authorships; s++) {
                uint32_t b = c->authorships[p->first_authorship + s].author;
                if (b == h->author)
                    continue;
                uint32_t k = 0;
                for (uint32_t j = 0; j < h->n_papers; j++) {
                    if (h->cluster[j] != g)
                        continue;
                    const coa_paper_t *q = &c->papers[h->papers[j]];
                    for (uint32_t t = 0; t < q->n_authorships; t++)
                        k += c->authorships[q->first_authorship + t].author == b;
                }
                int known = 0;
                for (int t = 0; t < 3; t++)
                    known |= top[t] == b;
                for (int t = 0; t < 3 && !known; t++)
                    if (k > topn[t]) {
                        for (int u = 2; u > t; u--) {
                            top[u] = top[u - 1];
                            topn[u] = topn[u - 1];
                        }
                        top[t] = b;
                        topn[t] = k;
                        break;
                    }
            }
        }
        if (json) {
            fprintf(out, "%s{\"papers\": %u, \"first_year\": %d, \"last_year\": %d, \"coauthors\": [", g ? ", " : "", n,
                    y0, y1);
            for (int t = 0; t < 3 && top[t] != COA_NONE; t++) {
                fputs(t ? ", " : "", out);
                coa_json_string(out, name_of(c, top[t]));
            }
            fputs("]}", out);
        } else if (text) {
            fprintf(out, "    %s, ", papers_text(n));
            print_years(out, y0, y1);
            fputs(top[0] == COA_NONE ? ", alone" : ", with ", out);
            for (int t = 0; t < 3 && top[t] != COA_NONE; t++)
                fprintf(out, "%s%s (%u)", t ? ", " : "", name_of(c, top[t]), topn[t]);
            fputc('\n', out);
        }
    }
    if (json)
        fputs("]}", out);
}

/* What every section needs: where, what, how and how many lines. */
typedef struct {
    FILE *out;
    const coa_corpus_t *c;
    int json;
    long limit;
    uint32_t inferred, truncated;
} names_out_t;

/* The summary and the authors written more than one way; returns how
 * many such authors, or -1 when out of memory. */
static long print_spellings(const names_out_t *x, const coa_names_report_t *r)
{
    FILE *out = x->out;
    const coa_corpus_t *c = x->c;
    int json = x->json;
    long limit = x->limit;
    uint32_t n_spellings;
    spelling_t *spellings = collect_spellings(c, &n_spellings);
    if (!spellings)
        return -1;
    /* authors written more than one way */
    uint32_t multi = 0;
    for (uint32_t i = 0; i < n_spellings;) {
        uint32_t j = i;
        while (j < n_spellings && spellings[j].author == spellings[i].author)
            j++;
        multi += j - i > 1;
        i = j;
    }
    if (json) {
        fprintf(out, "{\n  \"authors\": %lld,\n  \"merges_by_key\": [", (long long)r->n_authors);
    } else {
        fprintf(out, "%lld authors, %u authorships (%u inferred), %u papers (%u with truncated author lists)\n",
                (long long)r->n_authors, c->n_authorships, x->inferred, c->n_papers, x->truncated);
        fprintf(out, "\nAuthors written more than one way (joined by the match key or the merges below): %u\n",
                multi);
    }
    uint32_t shown = 0;
    for (uint32_t i = 0; i < n_spellings;) {
        uint32_t j = i;
        while (j < n_spellings && spellings[j].author == spellings[i].author)
            j++;
        if (j - i > 1) {
            uint32_t a = spellings[i].author;
            int y0, y1;
            years_of(c, a, &y0, &y1);
            if (json) {
                fprintf(out, "%s\n    {\"author\": ", shown ? "," : "");
                coa_json_string(out, name_of(c, a));
                fputs(", \"spellings\": {", out);
                for (uint32_t k = i; k < j; k++) {
                    fputs(k > i ? ", " : "", out);
                    coa_json_string(out, coa_corpus_str(c, spellings[k].spelling));
                    fprintf(out, ": %u", spellings[k].count);
                }
                fprintf(out, "}, \"papers\": %u, \"first_year\": %d, \"last_year\": %d}", c->authors[a].n_papers, y0, y1);
            } else if (shown < limit) {
                fprintf(out, "  %s:", name_of(c, a));
                for (uint32_t k = i; k < j; k++)
                    fprintf(out, "%s \"%s\" x%u", k > i ? "," : "", coa_corpus_str(c, spellings[k].spelling),
                            spellings[k].count);
                fprintf(out, "; %s, ", papers_text(c->authors[a].n_papers));
                print_years(out, y0, y1);
                fputc('\n', out);
            }
            shown++;
        }
        i = j;
    }
    if (!json && shown > limit)
        fprintf(out, "  ... %u more (--limit 0 shows all)\n", shown - (uint32_t)limit);

    free(spellings);
    return shown;
}

/* Owners of single-person exports, and the merges by alias file,
 * evidence, initials or person records. */
static void print_merges(const names_out_t *x, const coa_evidence_report_t *ev, long shown)
{
    FILE *out = x->out;
    const coa_corpus_t *c = x->c;
    int json = x->json;
    long limit = x->limit;
    if (json) {
        fputs(shown ? "\n  ],\n  \"owners\": [" : "],\n  \"owners\": [", out);
        for (uint32_t k = 0; k < ev->n_owners; k++) {
            fprintf(out, "%s\n    {\"source\": ", k ? "," : "");
            coa_json_string(out, coa_corpus_str(c, c->sources[ev->owners[k].source].path));
            fputs(", \"owner\": ", out);
            coa_json_string(out, name_of(c, coa_corpus_author_root(c, ev->owners[k].author)));
            fprintf(out, ", \"on\": %u, \"records\": %u}", ev->owners[k].on, ev->owners[k].records);
        }
        fputs(ev->n_owners ? "\n  ],\n  \"merged_on_evidence\": {" : "],\n  \"merged_on_evidence\": {", out);
        int first = 1;
        for (unsigned r = 1; r < sizeof ev->by_rule / sizeof ev->by_rule[0]; r++)
            if (ev->by_rule[r]) {
                fprintf(out, "%s\"%s\": %u", first ? "" : ", ", coa_evidence_rule_name(r), ev->by_rule[r]);
                first = 0;
            }
        fprintf(out, "},\n  \"left_apart\": {\"ambiguous\": %u, \"without_evidence\": %u},\n  \"merges\": [",
                ev->ambiguous, ev->without_evidence);
    } else {
        if (ev->n_owners) {
            fprintf(out, "\nOwners of single-person exports (on nearly every record): %u\n", ev->n_owners);
            for (uint32_t k = 0; k < ev->n_owners; k++)
                fprintf(out, "  %s: %s, on %u of %u records\n", coa_corpus_str(c, c->sources[ev->owners[k].source].path),
                        name_of(c, coa_corpus_author_root(c, ev->owners[k].author)), ev->owners[k].on,
                        ev->owners[k].records);
        }
        fprintf(out, "\nMerged by alias file, evidence, initials or person records: %u\n", c->n_merges);
        if (ev->merged) {
            fprintf(out, "  on evidence: %u (", ev->merged);
            int first = 1;
            for (unsigned r = 1; r < sizeof ev->by_rule / sizeof ev->by_rule[0]; r++)
                if (ev->by_rule[r]) {
                    fprintf(out, "%s%s %u", first ? "" : ", ", coa_evidence_rule_name(r), ev->by_rule[r]);
                    first = 0;
                }
            fprintf(out, "); left apart: %u compatible pairs where an initial fits two people, %u without "
                         "evidence\n", ev->ambiguous, ev->without_evidence);
        }
    }
    for (uint32_t m = 0; m < c->n_merges; m++) {
        const coa_merge_t *mg = &c->merges[m];
        uint32_t into = coa_corpus_author_root(c, mg->into);
        int y0, y1;
        years_of(c, into, &y0, &y1);
        if (json) {
            fprintf(out, "%s\n    {\"from\": ", m ? "," : "");
            coa_json_string(out, coa_corpus_str(c, c->authors[mg->from].key));
            fputs(", \"into\": ", out);
            coa_json_string(out, name_of(c, into));
            fputs(", \"reason\": ", out);
            coa_json_string(out, coa_corpus_str(c, mg->reason));
            fprintf(out, ", \"papers\": %u}", c->authors[into].n_papers);
        } else if (m < (uint32_t)limit) {
            fprintf(out, "  \"%s\" -> %s (%s); now %s, ", coa_corpus_str(c, c->authors[mg->from].display),
                    name_of(c, into), coa_corpus_str(c, mg->reason), papers_text(c->authors[into].n_papers));
            print_years(out, y0, y1);
            fputc('\n', out);
        }
    }

}

static void print_splits(const names_out_t *x, const coa_names_report_t *r)
{
    FILE *out = x->out;
    const coa_corpus_t *c = x->c;
    int json = x->json;
    long limit = x->limit;
    const coa_split_t *splits = r->splits;
    uint32_t n_splits = r->n_splits;
    /* likely splits */
    if (json)
        fputs(c->n_merges ? "\n  ],\n  \"likely_splits\": [" : "],\n  \"likely_splits\": [", out);
    else
        fprintf(out, "\nLikely splits (different keys, probably one person): %u\n", n_splits);
    for (uint32_t i = 0; i < n_splits; i++) {
        const coa_split_t *sp = &splits[i];
        int a0, a1, b0, b1;
        years_of(c, sp->a, &a0, &a1);
        years_of(c, sp->b, &b0, &b1);
        if (json) {
            fprintf(out, "%s\n    {\"a\": ", i ? "," : "");
            coa_json_string(out, name_of(c, sp->a));
            fputs(", \"b\": ", out);
            coa_json_string(out, name_of(c, sp->b));
            fprintf(out, ", \"why\": \"%s\", \"papers_a\": %u, \"papers_b\": %u, \"shared_coauthors\": %u, \"example\": ",
                    sp->why, c->authors[sp->a].n_papers, c->authors[sp->b].n_papers, sp->shared_coauthors);
            if (sp->shared_coauthors)
                coa_json_string(out, name_of(c, sp->example_coauthor));
            else
                fputs("null", out);
            if (sp->missing) {
                fputs(", \"left_apart\": ", out);
                coa_json_string(out, sp->missing);
                if (sp->expected >= 0)
                    fprintf(out, ", \"expected_namesakes\": %.3f", sp->expected);
            }
            fputc('}', out);
        } else if (i < (uint32_t)limit) {
            fprintf(out, "  %s (%s, ", name_of(c, sp->a), papers_text(c->authors[sp->a].n_papers));
            print_years(out, a0, a1);
            fprintf(out, ") / %s (%s, ", name_of(c, sp->b), papers_text(c->authors[sp->b].n_papers));
            print_years(out, b0, b1);
            if (sp->shared_coauthors)
                fprintf(out, "): %s; %u shared coauthor%s, e.g. %s", sp->why, sp->shared_coauthors,
                        sp->shared_coauthors == 1 ? "" : "s", name_of(c, sp->example_coauthor));
            else
                fprintf(out, "): %s; no shared coauthor", sp->why);
            if (sp->missing && sp->expected >= 0)
                fprintf(out, "; left apart: %s (%.3f namesakes expected)", sp->missing, sp->expected);
            else if (sp->missing)
                fprintf(out, "; left apart: %s", sp->missing);
            fputc('\n', out);
        }
    }
    if (!json && n_splits > limit)
        fprintf(out, "  ... %u more (--limit 0 shows all)\n", n_splits - (uint32_t)limit);

}

static void print_homonyms(const names_out_t *x, const coa_names_report_t *r)
{
    FILE *out = x->out;
    const coa_corpus_t *c = x->c;
    int json = x->json;
    long limit = x->limit;
    const coa_homonym_t *homonyms = r->homonyms;
    uint32_t n_splits = r->n_splits, n_homonyms = r->n_homonyms;
    /* likely homonyms */
    if (json)
        fputs(n_splits ? "\n  ],\n  \"likely_homonyms\": [" : "],\n  \"likely_homonyms\": [", out);
    else
        fprintf(out, "\nLikely homonyms (papers sharing no coauthor, in another field or under a common name), "
                     "strongest first: %u\n",
                n_homonyms);
    for (uint32_t i = 0; i < n_homonyms; i++) {
        const coa_homonym_t *h = &homonyms[i];
        if (h->by_name) {
            print_common_name(out, c, h, json, i, i < (uint32_t)limit);
            continue;
        }
        if (json) {
            fprintf(out, "%s\n    {\"author\": ", i ? "," : "");
            coa_json_string(out, name_of(c, h->author));
            fprintf(out, ", \"rule\": \"%s\", \"other_papers\": %u, \"papers\": [",
                    h->by_category ? "field codes" : "venue series", h->other_papers);
        } else if (i < (uint32_t)limit) {
            fprintf(out, "  %s: %u of %u papers %s no coauthor with the other %u, in another field\n",
                    name_of(c, h->author), h->n_papers, h->n_papers + h->other_papers,
                    h->n_papers == 1 ? "shares" : "share", h->other_papers);
        }
        for (uint32_t k = 0; k < h->n_papers; k++) {
            const coa_paper_t *p = &c->papers[h->papers[k]];
            int author_inferred = 0;
            if (json) {
                fprintf(out, "%s{\"year\": %d, \"field\": ", k ? ", " : "", p->year);
                coa_json_string(out, paper_field(c, p));
                fputs(", \"title\": ", out);
                coa_json_string(out, coa_corpus_str(c, p->title));
                fputs(", \"coauthors\": [", out);
            } else if (i < (uint32_t)limit) {
                fprintf(out, "    %d \"%s\" with ", p->year, coa_corpus_str(c, p->title));
            }
            int first = 1;
            for (uint32_t s = 0; s < p->n_authorships; s++) {
                const coa_authorship_t *as = &c->authorships[p->first_authorship + s];
                if (as->author == h->author) {
                    author_inferred = as->inferred;
                    continue;
                }
                if (json) {
                    fputs(first ? "" : ", ", out);
                    coa_json_string(out, name_of(c, as->author));
                } else if (i < (uint32_t)limit) {
                    fprintf(out, "%s%s", first ? "" : ", ", name_of(c, as->author));
                }
                first = 0;
            }
            if (json)
                fprintf(out, "], \"inferred\": %s}", author_inferred ? "true" : "false");
            else if (i < (uint32_t)limit)
                fprintf(out, "%s%s\n", first ? "no one" : "",
                        author_inferred ? " (the author is only inferred, from \"et al.\")" : "");
        }
        if (json) {
            fputs("], \"fields\": [", out);
            for (uint32_t k = 0; k < h->n_fields; k++) {
                fputs(k ? ", " : "", out);
                coa_json_string(out, coa_corpus_str(c, h->fields[k]));
            }
            fputs("], \"other_fields\": [", out);
            for (uint32_t k = 0; k < h->n_other_fields; k++) {
                fputs(k ? ", " : "", out);
                coa_json_string(out, coa_corpus_str(c, h->other_fields[k]));
            }
            fprintf(out, "], \"evidence\": \"%s\"}", h->by_category ? "field codes" : "venue series");
        } else if (i < (uint32_t)limit) {
            fprintf(out, "    %s:", h->by_category ? "fields" : "venue series (weaker evidence)");
            for (uint32_t k = 0; k < h->n_fields; k++)
                fprintf(out, "%s %s", k ? "," : "", coa_corpus_str(c, h->fields[k]));
            fputs("; the other papers:", out);
            for (uint32_t k = 0; k < h->n_other_fields; k++)
                fprintf(out, "%s %s", k ? "," : "", coa_corpus_str(c, h->other_fields[k]));
            fputc('\n', out);
        }
    }

}

static void print_misattributions(const names_out_t *x, uint32_t n_homonyms)
{
    FILE *out = x->out;
    const coa_corpus_t *c = x->c;
    int json = x->json;
    long limit = x->limit;
    /* likely misattributions in the source (shown when there are any) */
    if (json && c->n_misattributions)
        fputs(n_homonyms ? "\n  ],\n  \"likely_misattributions\": [" : "],\n  \"likely_misattributions\": [", out);
    else if (!json && c->n_misattributions)
        fprintf(out, "\nLikely misattributions in the source (printed name kept, the entity's not used): %u\n",
                c->n_misattributions);
    for (uint32_t i = 0; i < c->n_misattributions; i++) {
        const coa_misattribution_t *m = &c->misattributions[i];
        const char *path = coa_corpus_str(c, c->sources[m->source].path);
        if (json) {
            fprintf(out, "%s\n    {\"printed\": ", i ? "," : "");
            coa_json_string(out, coa_corpus_str(c, m->printed));
            fputs(", \"entity\": ", out);
            coa_json_string(out, coa_corpus_str(c, m->entity));
            fputs(", \"entity_id\": ", out);
            coa_json_string(out, coa_corpus_str(c, m->entity_id));
            fputs(", \"work\": ", out);
            coa_json_string(out, coa_corpus_str(c, m->work));
            fputs(", \"source\": ", out);
            coa_json_string(out, path);
            fprintf(out, ", \"line\": %u}", m->line);
        } else if (i < (uint32_t)limit) {
            fprintf(out, "  %s:%u: \"%s\" printed, attributed to \"%s\"%s%s%s%s%s\n", path, m->line,
                    coa_corpus_str(c, m->printed), coa_corpus_str(c, m->entity), m->entity_id ? " (" : "",
                    coa_corpus_str(c, m->entity_id), m->entity_id ? ")" : "", m->work ? " in " : "",
                    coa_corpus_str(c, m->work));
        }
    }
    if (!json && c->n_misattributions > limit)
        fprintf(out, "  ... %u more (--limit 0 shows all)\n", c->n_misattributions - (uint32_t)limit);
}

static void print_inferred(const names_out_t *x, int open_list)
{
    FILE *out = x->out;
    const coa_corpus_t *c = x->c;
    int json = x->json;
    long limit = x->limit;
    uint32_t inferred = x->inferred, truncated = x->truncated;
    /* inferred authorships */
    if (json)
        fprintf(out, "%s  \"truncated_papers\": %u,\n  \"inferred_authorships\": [", open_list ? "\n  ],\n" : "],\n",
                truncated);
    else
        fprintf(out, "\nInferred authorships (not stated by the source): %u\n", inferred);
    uint32_t shown = 0;
    for (uint32_t p = 0; p < c->n_papers; p++) {
        const coa_paper_t *pp = &c->papers[p];
        for (uint32_t s = 0; s < pp->n_authorships; s++) {
            const coa_authorship_t *as = &c->authorships[pp->first_authorship + s];
            if (!as->inferred)
                continue;
            if (json) {
                fprintf(out, "%s\n    {\"author\": ", shown ? "," : "");
                coa_json_string(out, name_of(c, as->author));
                fprintf(out, ", \"year\": %d, \"title\": ", pp->year);
                coa_json_string(out, coa_corpus_str(c, pp->title));
                fprintf(out, ", \"source\": ");
                coa_json_string(out, coa_corpus_str(c, c->sources[pp->source].path));
                fprintf(out, ", \"line\": %u}", pp->line);
            } else if (shown < limit) {
                fprintf(out, "  %s:%u: %d \"%s\": %s, behind \"et al.\"\n",
                        coa_corpus_str(c, c->sources[pp->source].path), pp->line, pp->year,
                        coa_corpus_str(c, pp->title), name_of(c, as->author));
            }
            shown++;
        }
    }
    if (json)
        fputs(shown ? "\n  ]\n}\n" : "]\n}\n", out);
    else if (shown > limit)
        fprintf(out, "  ... %u more (--limit 0 shows all)\n", shown - (uint32_t)limit);

}

int coa_write_names_report(FILE *out, const coa_names_report_t *r, int json, long limit)
{
    const coa_corpus_t *c = r->corpus;
    names_out_t x = {out, c, json, limit, 0, 0};
    for (uint32_t i = 0; i < c->n_authorships; i++)
        x.inferred += c->authorships[i].inferred;
    for (uint32_t p = 0; p < c->n_papers; p++)
        x.truncated += (c->papers[p].flags & COA_PAPER_TRUNCATED) != 0;
    long shown = print_spellings(&x, r);
    if (shown < 0)
        return COA_ENOMEM;
    print_merges(&x, r->evidence, shown);
    print_splits(&x, r);
    print_homonyms(&x, r);
    print_misattributions(&x, r->n_homonyms);
    print_inferred(&x, c->n_misattributions ? 1 : r->n_homonyms != 0);
    return 0;
}
