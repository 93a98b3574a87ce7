/*
 * RIS (Reference Manager, Zotero, Mendeley, most publishers' "export
 * citation"), through bibutils: "TY  - " starts a record, "ER  - " ends it.
 */
#include <string.h>

#include "bibutils_common.h"

int coa_detect_ris(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    int ty = coa_bu_count_lines(head, len, "TY  - ");
    int other = coa_bu_count_lines(head, len, "AU  - ") + coa_bu_count_lines(head, len, "A1  - ") +
                coa_bu_count_lines(head, len, "TI  - ") + coa_bu_count_lines(head, len, "T1  - ");
    return ty ? (other ? 95 : 80) : 0;
}

int coa_read_ris(coa_reader_ctx_t *ctx)
{
    static const coa_bu_starts_t starts = {"TY  -", {NULL, NULL}};
    return coa_bu_read_marked(ctx, BIBL_RISIN, &starts);
}
