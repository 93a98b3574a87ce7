/*
 * The CSV exports of reference managers and bibliographic databases other
 * than Scopus, each read by the tabular reader (tabular.c) from its header
 * names.  Documentation of each layout:
 *
 *   zotero-csv   Zotero's "Export Library... > CSV": "Key","Item Type",
 *                "Publication Year","Author","Title","Publication Title",
 *                "ISBN","ISSN","DOI",...; Author is "Last, First; Last,
 *                First", and a last name "others" marks a list cut short
 *                (zotero.org/support/kb/exporting).  Key is the key.
 *   pop          Publish or Perish (harzing.com/resources/publish-or-perish)
 *                "Save as CSV": Cites,Authors,Title,Year,Source,Publisher,
 *                ArticleURL,CitesURL,GSRank,...,DOI,...; Google Scholar's
 *                authors "JS Smith, A Besolo, ..." are read "J. S. Smith",
 *                and a list ending in "..." or "…" marks the paper
 *                truncated.  No key: Google Scholar has no stable id.
 *   dimensions   Dimensions (app.dimensions.ai) "Export > CSV": a first
 *                line "About the data: Exported on ..." before the header;
 *                Authors "Last, First; Last, First", Publication ID the
 *                key ("pub.1129852436"), PubYear, Source title, DOI.
 *   lens         Lens.org scholarly search "Export > CSV": Lens ID (the
 *                key), Title, Publication Year, Source Title, Author/s
 *                ("First Last; First Last"), DOI.
 */
#include <string.h>

#include "corpus/internal.h"
#include "tabular.h"

/* ---- Zotero ---- */

static const coa_tab_header_t zotero_headers[] = {
    {COA_COL_AUTHORS, "Author"}, {COA_COL_TITLE, "Title"}, {COA_COL_YEAR, "Publication Year"},
    {COA_COL_YEAR, "Date"},      {COA_COL_VENUE, "Publication Title"}, {COA_COL_DOI, "DOI"},
    {COA_COL_KEY, "Key"},        {0, NULL},
};
static const coa_tab_format_t zotero = {
    .name = "zotero-csv", .delim = ',', .quotes = 1, .headers = zotero_headers, .names = COA_NAMES_LAST_FIRST,
    .sniff = {96, "Key", {"Author", NULL}, {"Item Type", "Publication Year", NULL}, 95, 50},
};
COA_TAB_READER(coa_detect_zotero_csv, coa_read_zotero_csv, zotero)

/* ---- Publish or Perish ---- */

static const coa_tab_header_t pop_headers[] = {
    {COA_COL_AUTHORS, "Authors"}, {COA_COL_TITLE, "Title"}, {COA_COL_YEAR, "Year"},
    {COA_COL_VENUE, "Source"},    {COA_COL_DOI, "DOI"},     {0, NULL},
};
static const coa_tab_format_t pop = {
    .name = "pop", .delim = ',', .quotes = 1, .headers = pop_headers, .names = COA_NAMES_SCHOLAR,
    .sniff = {64, NULL, {"Authors", "Cites"}, {"GSRank", "CitesURL", "CitesPerYear", NULL}, 95, 50},
};
COA_TAB_READER(coa_detect_pop, coa_read_pop, pop)

/* ---- Dimensions ---- */

static const coa_tab_header_t dimensions_headers[] = {
    {COA_COL_AUTHORS, "Authors"},   {COA_COL_TITLE, "Title"},       {COA_COL_YEAR, "PubYear"},
    {COA_COL_YEAR, "Publication Date"}, {COA_COL_VENUE, "Source title"}, {COA_COL_DOI, "DOI"},
    {COA_COL_KEY, "Publication ID"}, {0, NULL},
};
static const coa_tab_format_t dimensions = {
    .name = "dimensions", .delim = ',', .quotes = 1, .preamble = "About the data:", .headers = dimensions_headers,
    .names = COA_NAMES_LAST_FIRST,
    .sniff = {64, NULL, {"Publication ID", "Authors"}, {"Dimensions URL", "PubYear", NULL}, 95, 60},
};
COA_TAB_READER(coa_detect_dimensions, coa_read_dimensions, dimensions)

/* ---- Lens.org ---- */

static const coa_tab_header_t lens_headers[] = {
    {COA_COL_AUTHORS, "Author/s"}, {COA_COL_TITLE, "Title"}, {COA_COL_YEAR, "Publication Year"},
    {COA_COL_YEAR, "Date Published"}, {COA_COL_VENUE, "Source Title"}, {COA_COL_DOI, "DOI"},
    {COA_COL_KEY, "Lens ID"}, {0, NULL},
};
static const coa_tab_format_t lens = {
    .name = "lens", .delim = ',', .quotes = 1, .headers = lens_headers, .names = COA_NAMES_FIRST_LAST,
    .sniff = {64, "Lens ID", {NULL, NULL}, {"Author/s", NULL}, 95, 50},
};
COA_TAB_READER(coa_detect_lens, coa_read_lens, lens)

/* What 'coauthor formats --help' says of zotero-csv, pop, dimensions and lens (coa_formats_help). */
const char coa_help_csv_exports[] =
    "  - zotero-csv (Zotero 'Export Library' CSV): Author 'Last, First; ...',\n"
    "    a last 'others' marks the list truncated; Key the key.  Zotero's CSV\n"
    "    export translator.\n"
    "  - pop (Publish or Perish CSV): Google Scholar's 'JS Smith' read as\n"
    "    'J. S. Smith'; a list ending in '...' or an ellipsis is truncated; no\n"
    "    key.  Harzing, Publish or Perish manual, 'Exporting your data'.\n"
    "  - dimensions (Dimensions CSV): the 'About the data' line is passed over;\n"
    "    Authors 'Last, First; ...'; Publication ID the key.  Dimensions DSL,\n"
    "    'Publications' fields.\n"
    "  - lens (Lens.org scholarly CSV): Author/s 'First Last; ...'; Lens ID the\n"
    "    key.  Lens support, 'Scholarly field definitions'.\n"
    "\n";
