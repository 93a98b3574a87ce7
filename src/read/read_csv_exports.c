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
static const coa_tab_format_t zotero = {"zotero-csv", ',', 1, NULL, zotero_headers, COA_NAMES_LAST_FIRST, 0};

static const coa_tab_sniff_t zotero_csv_sniff = {
    ',', NULL, 96, "Key", {"Author", NULL}, {"Item Type", "Publication Year", NULL}, 95, 50,
};

int coa_detect_zotero_csv(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    return coa_tab_detect(&zotero_csv_sniff, head, len);
}

int coa_read_zotero_csv(coa_reader_ctx_t *ctx)
{
    return coa_read_tabular(ctx, &zotero);
}

/* ---- Publish or Perish ---- */

static const coa_tab_header_t pop_headers[] = {
    {COA_COL_AUTHORS, "Authors"}, {COA_COL_TITLE, "Title"}, {COA_COL_YEAR, "Year"},
    {COA_COL_VENUE, "Source"},    {COA_COL_DOI, "DOI"},     {0, NULL},
};
static const coa_tab_format_t pop = {"pop", ',', 1, NULL, pop_headers, COA_NAMES_SCHOLAR, 0};

static const coa_tab_sniff_t pop_sniff = {
    ',', NULL, 64, NULL, {"Authors", "Cites"}, {"GSRank", "CitesURL", "CitesPerYear", NULL}, 95, 50,
};

int coa_detect_pop(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    return coa_tab_detect(&pop_sniff, head, len);
}

int coa_read_pop(coa_reader_ctx_t *ctx)
{
    return coa_read_tabular(ctx, &pop);
}

/* ---- Dimensions ---- */

#define DIMENSIONS_PREAMBLE "About the data:"

static const coa_tab_header_t dimensions_headers[] = {
    {COA_COL_AUTHORS, "Authors"},   {COA_COL_TITLE, "Title"},       {COA_COL_YEAR, "PubYear"},
    {COA_COL_YEAR, "Publication Date"}, {COA_COL_VENUE, "Source title"}, {COA_COL_DOI, "DOI"},
    {COA_COL_KEY, "Publication ID"}, {0, NULL},
};
static const coa_tab_format_t dimensions = {
    "dimensions", ',', 1, DIMENSIONS_PREAMBLE, dimensions_headers, COA_NAMES_LAST_FIRST, 0,
};

static const coa_tab_sniff_t dimensions_sniff = {
    ',', DIMENSIONS_PREAMBLE, 64, NULL, {"Publication ID", "Authors"}, {"Dimensions URL", "PubYear", NULL}, 95, 60,
};

int coa_detect_dimensions(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    return coa_tab_detect(&dimensions_sniff, head, len);
}

int coa_read_dimensions(coa_reader_ctx_t *ctx)
{
    return coa_read_tabular(ctx, &dimensions);
}

/* ---- Lens.org ---- */

static const coa_tab_header_t lens_headers[] = {
    {COA_COL_AUTHORS, "Author/s"}, {COA_COL_TITLE, "Title"}, {COA_COL_YEAR, "Publication Year"},
    {COA_COL_YEAR, "Date Published"}, {COA_COL_VENUE, "Source Title"}, {COA_COL_DOI, "DOI"},
    {COA_COL_KEY, "Lens ID"}, {0, NULL},
};
static const coa_tab_format_t lens = {"lens", ',', 1, NULL, lens_headers, COA_NAMES_FIRST_LAST, 0};

static const coa_tab_sniff_t lens_sniff = {
    ',', NULL, 64, "Lens ID", {NULL, NULL}, {"Author/s", NULL}, 95, 50,
};

int coa_detect_lens(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    return coa_tab_detect(&lens_sniff, head, len);
}

int coa_read_lens(coa_reader_ctx_t *ctx)
{
    return coa_read_tabular(ctx, &lens);
}

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
