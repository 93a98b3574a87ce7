/* The one-line summary of what a load read (include/coauthor/load.h). */
#include "coauthor/load.h"

/* ", 3 names merged by alias", when n is not 0 (a noun without a plural:
 * "" and the words in 'tail'). */
static void summary_part(FILE *out, uint32_t n, const char *noun, const char *tail)
{
    if (n)
        fprintf(out, ", %u %s%s%s", n, noun, n == 1 || !*noun ? "" : "s", tail);
}

void coa_write_load_summary(FILE *out, const char *program, const coa_load_counts_t *n)
{
    char skips[96];
    coa_skipped_text(skips, sizeof skips, n->malformed, n->no_authors);
    fprintf(out, "%s: read %u record%s from %u file%s, %s", program, n->records, n->records == 1 ? "" : "s",
            n->files, n->files == 1 ? "" : "s", skips);
    summary_part(out, n->inferred, "author", " inferred");
    summary_part(out, n->repeated_authors, "repeated author", " on a paper counted once");
    if (n->undated)
        fprintf(out, ", %u undated given year %d", n->undated, n->assumed_year);
    summary_part(out, n->duplicates, "", "merged as duplicates");
    summary_part(out, n->alias_merges, "name", " merged by alias");
    summary_part(out, n->initial_merges, "initial", " merged");
    summary_part(out, n->evidence_merges, "name", " merged on evidence");
    summary_part(out, n->homonym_splits, "homonym", " split");
    fputc('\n', out);
}
