/*
 * MODS XML (the Library of Congress' Metadata Object Description Schema,
 * bibutils' own intermediate format), through bibutils: one <mods> element
 * per record, usually inside <modsCollection>.
 */
#include <string.h>

#include "bibutils_common.h"

int coa_detect_mods(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    if (coa_head_has(head, len, "http://www.loc.gov/mods/"))
        return 95;
    return coa_head_has(head, len, "<modsCollection") || coa_head_has(head, len, "<mods ") ? 80 : 0;
}

int coa_read_mods(coa_reader_ctx_t *ctx)
{
    static const coa_bu_starts_t starts = {NULL, {"<mods ", "<mods>"}};
    return coa_bu_read_marked(ctx, BIBL_MODSIN, &starts);
}
