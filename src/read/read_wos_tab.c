/*
 * Web of Science tab-delimited exports ("Tab-delimited file" in the export
 * dialogue; savedrecs.txt).  The first row holds the two-letter field tags
 * that Clarivate documents (PT AU BA BE GP AF ... UT PM), one row per
 * record follows, fields separated by tabs, with no quoting: a field never
 * holds a tab or a line break.  Every row ends with one tab more than the
 * header.  The "Win" options give UTF-8 with a byte-order mark and CRLF;
 * the "Mac, UTF-16" option gives UTF-16LE with a byte-order mark and CR
 * line ends; the input layer decodes both (encoding.c).
 *
 * AF (full names, "Hammerman, Nicholas M.") is preferred over AU
 * ("Hammerman, NM"); UT (the accession number, "WOS:000717496600001") is
 * the key, DI the DOI, PY the year, SO the venue, TI the title.  OI and RI
 * ("Duarte, Carlos M./0000-0002-1213-1361; ...") give an author's ORCID and
 * ResearcherID: each is attached to the one author of the record with the
 * same last name and first initial (an entry matching none or several is
 * left out); the ORCID wins when both are given.
 */
#include <string.h>

#include "corpus/internal.h"
#include "tabular.h"

static const coa_tab_header_t wos_headers[] = {
    {COA_COL_FULL_NAMES, "AF"}, {COA_COL_AUTHORS, "AU"}, {COA_COL_TITLE, "TI"}, {COA_COL_YEAR, "PY"},
    {COA_COL_VENUE, "SO"},      {COA_COL_DOI, "DI"},     {COA_COL_KEY, "UT"},   {COA_COL_ORCID, "OI"},
    {COA_COL_RESEARCHERID, "RI"}, {0, NULL},
};

static const coa_tab_format_t wos_tab = {
    .name = "wos-tab", .delim = '\t', .headers = wos_headers, .names = COA_NAMES_LAST_FIRST,
    .sniff = {128, "PT", {"AU", NULL}, {"UT", "TI", NULL}, 95, 60},
};
COA_TAB_READER(coa_detect_wos_tab, coa_read_wos_tab, wos_tab)

/* What 'coauthor formats --help' says of wos-tab (coa_formats_help). */
const char coa_help_wos_tab[] =
    "  - wos-tab (Web of Science tab-delimited, UTF-8 or UTF-16): AF over AU;\n"
    "    UT the key, DI the DOI, PY the year, SO the venue; OI and RI\n"
    "    ('Last, First/0000-0002-...; ...') become the orcid: or researcherid:\n"
    "    identifier of the one author with that last name and first initial\n"
    "    (ORCID first).  Clarivate, 'Web of Science Core Collection Field Tags'.\n";
