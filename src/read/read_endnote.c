/*
 * EndNote, through bibutils:
 *   - the refer/EndNote tagged text ("%A Author", "%T Title"), records
 *     separated by blank lines;
 *   - EndNote XML (<xml><records><record>...).
 */
#include <string.h>

#include "bibutils_common.h"

int coa_detect_endnote(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    int a = coa_bu_count_lines(head, len, "%A ");
    int t = coa_bu_count_lines(head, len, "%T ");
    int z = coa_bu_count_lines(head, len, "%0 ");
    return (a || z) && t ? 90 : 0;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

static int text_starts(const char *line, size_t len, const char *prev, size_t prev_len)
{
    return len >= 2 && line[0] == '%' && line[1] != ' ' && (!prev || blank(prev, prev_len));
}

int coa_read_endnote(coa_reader_ctx_t *ctx)
{
    return coa_bu_read_simple(ctx, BIBL_ENDNOTEIN, text_starts);
}

int coa_detect_endnote_xml(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    return coa_head_has(head, len, "<records>") && coa_head_has(head, len, "<record>") ? 90 : 0;
}

int coa_read_endnote_xml(coa_reader_ctx_t *ctx)
{
    static const coa_bu_starts_t starts = {NULL, {"<record>", NULL}};
    return coa_bu_read_marked(ctx, BIBL_ENDNOTEXMLIN, &starts);
}
