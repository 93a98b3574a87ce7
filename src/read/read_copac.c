/*
 * Copac (the UK research libraries' union catalogue, now Jisc Library
 * Hub) tagged text, through bibutils: "TI- Title", "AU- Author", records
 * separated by blank lines.
 */
#include <ctype.h>
#include <string.h>

#include "bibutils_common.h"

static int tag_line(const char *s, size_t n)
{
    return n >= 4 && isupper((unsigned char)s[0]) && isupper((unsigned char)s[1]) && s[2] == '-' && s[3] == ' ';
}

int coa_detect_copac(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    int ti = coa_bu_count_lines(head, len, "TI- ");
    int au = coa_bu_count_lines(head, len, "AU- ");
    return ti && au ? 80 : 0;
}

static int starts(const char *line, size_t len, const char *prev, size_t prev_len)
{
    return tag_line(line, len) && (!prev || !tag_line(prev, prev_len)) && !(prev_len && prev[0] == ' ');
}

int coa_read_copac(coa_reader_ctx_t *ctx)
{
    return coa_bu_read_simple(ctx, BIBL_COPACIN, starts);
}
