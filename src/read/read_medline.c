/*
 * PubMed / MEDLINE, through bibutils:
 *   - the MEDLINE text format ("PMID- ", also saved as .nbib), read by
 *     bibutils' NBIB reader, which takes the full author names (FAU) over
 *     the short ones (AU);
 *   - PubMed XML (<PubmedArticleSet>), read by its MEDLINE reader.
 * The PMID becomes the paper's key.
 */
#include <string.h>

#include "bibutils_common.h"

int coa_detect_medline(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    int pmid = coa_bu_count_lines(head, len, "PMID-");
    int tags = coa_bu_count_lines(head, len, "TI  - ") + coa_bu_count_lines(head, len, "AU  - ") +
               coa_bu_count_lines(head, len, "FAU - ");
    return pmid && tags ? 95 : pmid ? 70 : 0;
}

int coa_read_medline(coa_reader_ctx_t *ctx)
{
    static const coa_bu_starts_t starts = {"PMID-", {NULL, NULL}};
    return coa_bu_read_marked(ctx, BIBL_NBIBIN, &starts);
}

int coa_detect_pubmed_xml(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    return coa_head_has(head, len, "<PubmedArticleSet") || coa_head_has(head, len, "<PubmedArticle>") ? 95 : 0;
}

int coa_read_pubmed_xml(coa_reader_ctx_t *ctx)
{
    static const coa_bu_starts_t starts = {NULL, {"<PubmedArticle>", "<PubmedArticle "}};
    return coa_bu_read_marked(ctx, BIBL_MEDLINEIN, &starts);
}

/* What 'coauthor formats --help' says of medline (coa_formats_help). */
const char coa_help_medline[] =
    "  - medline: full names (FAU) over short ones (AU); PMID is the key.\n"
    "\n";
