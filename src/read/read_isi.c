/*
 * Web of Science plain text ("ISI" tagged format), through bibutils:
 * two-letter tags, continuation lines indented, each record from "PT" to
 * "ER".  bibutils takes the full names (AF) over the short ones (AU), and
 * the WoS accession number (UT) becomes the paper's key.
 */
#include <string.h>

#include "bibutils_common.h"

int coa_detect_isi(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    int pt = coa_bu_count_lines(head, len, "PT ");
    int er = coa_bu_count_lines(head, len, "ER");
    int au = coa_bu_count_lines(head, len, "AU ");
    int fn = coa_bu_count_lines(head, len, "FN ") && coa_bu_count_lines(head, len, "VR ");
    if (fn && (pt || au))
        return 95;
    return pt && (er || au) ? 85 : 0;
}

int coa_read_isi(coa_reader_ctx_t *ctx)
{
    static const coa_bu_starts_t starts = {"PT ", {NULL, NULL}};
    return coa_bu_read_marked(ctx, BIBL_ISIIN, &starts);
}

/* What 'coauthor formats --help' says of isi (coa_formats_help). */
const char coa_help_isi[] =
    "  - isi (Web of Science): full names (AF) over short ones (AU); the WoS\n"
    "    accession number is the paper's key;\n";
