/*
 * Scopus CSV exports, read by the tabular reader (tabular.c) over the
 * shared CSV tokenizer (csv.c).
 *
 * A header row names the columns; a quoted field may hold commas, doubled
 * quotes and line breaks.  The file usually starts with a UTF-8 byte-order
 * mark.  Authors come in up to three columns:
 *   "Authors"            "Yagai T., Kimura Y." (older exports; newer ones
 *                        separate with ';'), or "[No author name available]";
 *   "Author full names"  "Yagai, Tsuyoshi (57188801000); Kimura, Yuki (...)";
 *   "Author(s) ID"       "57188801000;7402626263;".
 * The full names win over the short ones, and the Scopus author ids become
 * identifiers "scopus:NNN" when there is one per author.  Short names
 * ("Harrell Jr. F.E.") are turned round to "F.E. Harrell Jr." so that they
 * read, and match, like the other sources' names.
 *
 * Exports come with fewer columns (a citation-only export has nine) and
 * with the header in the language of the user's Scopus interface.  Columns
 * are found by their names in several languages; the Traditional-Chinese
 * names are those of a real export (書名 title, 年份 year, 來源出版物名稱
 * source title, 連結 link), the others are Scopus's labels as its
 * interface translates them and have not been seen in a real file.  That
 * real export labels its author column 作者關鍵字 ("author keywords"):
 * when no header names the authors, the first column whose first value
 * reads as a Scopus author list ("Sauer F., Xie J., Ma K.-L.") is taken,
 * with a note that says so.  Without an EID column, the eid= of the
 * record's link is its key.
 */
#include <string.h>

#include "corpus/internal.h"
#include "tabular.h"

static const coa_tab_header_t scopus_headers[] = {
    {COA_COL_AUTHORS, "Authors"},
    {COA_COL_FULL_NAMES, "Author full names"},
    {COA_COL_AUTHOR_IDS, "Author(s) ID"},
    {COA_COL_TITLE, "Title"},
    {COA_COL_YEAR, "Year"},
    {COA_COL_VENUE, "Source title"},
    {COA_COL_DOI, "DOI"},
    {COA_COL_KEY, "EID"},
    {COA_COL_LINK, "Link"},
    /* Traditional Chinese (seen in a real export) */
    {COA_COL_AUTHORS, "\xE4\xBD\x9C\xE8\x80\x85"},                                     /* 作者 */
    {COA_COL_TITLE, "\xE6\x9B\xB8\xE5\x90\x8D"},                                       /* 書名 */
    {COA_COL_TITLE, "\xE6\xA8\x99\xE9\xA1\x8C"},                                       /* 標題 */
    {COA_COL_YEAR, "\xE5\xB9\xB4\xE4\xBB\xBD"},                                        /* 年份 */
    {COA_COL_VENUE, "\xE4\xBE\x86\xE6\xBA\x90\xE5\x87\xBA\xE7\x89\x88\xE7\x89\xA9\xE5\x90\x8D\xE7\xA8\xB1"}, /* 來源出版物名稱 */
    {COA_COL_LINK, "\xE9\x80\xA3\xE7\xB5\x90"},                                        /* 連結 */
    /* Simplified Chinese */
    {COA_COL_TITLE, "\xE6\xA0\x87\xE9\xA2\x98"},                                       /* 标题 */
    {COA_COL_VENUE, "\xE6\x9D\xA5\xE6\xBA\x90\xE5\x87\xBA\xE7\x89\x88\xE7\x89\xA9\xE5\x90\x8D\xE7\xA7\xB0"}, /* 来源出版物名称 */
    {COA_COL_LINK, "\xE9\x93\xBE\xE6\x8E\xA5"},                                        /* 链接 */
    /* Japanese */
    {COA_COL_AUTHORS, "\xE8\x91\x97\xE8\x80\x85"},                                     /* 著者 */
    {COA_COL_TITLE, "\xE3\x82\xBF\xE3\x82\xA4\xE3\x83\x88\xE3\x83\xAB"},               /* タイトル */
    {COA_COL_YEAR, "\xE5\xB9\xB4"},                                                    /* 年 */
    /* German, Spanish, Portuguese, French */
    {COA_COL_AUTHORS, "Autoren"},
    {COA_COL_AUTHORS, "Autores"},
    {COA_COL_AUTHORS, "Auteurs"},
    {COA_COL_TITLE, "Titel"},
    {COA_COL_TITLE, "T\xC3\xADtulo"},
    {COA_COL_TITLE, "Titre"},
    {COA_COL_YEAR, "Jahr"},
    {COA_COL_YEAR, "A\xC3\xB1o"},
    {COA_COL_YEAR, "Ano"},
    {COA_COL_YEAR, "Ann\xC3\xA9" "e"},
    {COA_COL_VENUE, "Quellentitel"},
    {COA_COL_VENUE, "T\xC3\xADtulo de la fuente"},
    {COA_COL_VENUE, "T\xC3\xADtulo da fonte"},
    {COA_COL_VENUE, "Titre de la source"},
    {0, NULL},
};

static const coa_tab_format_t scopus = {
    .name = "scopus", .delim = ',', .quotes = 1, .headers = scopus_headers, .names = COA_NAMES_SCOPUS,
    .guess_authors = 1,
};

int coa_detect_scopus(const char *name, const unsigned char *head, size_t len)
{
    (void)name;
    char fields[64][COA_TAB_HEAD_FIELD];
    size_t n = coa_tab_head_fields(head, len, ',', NULL, fields, 64);
    if (n < 2)
        return 0;
    /* the English header: "Authors" first, then the columns only Scopus has */
    if (strcmp(fields[0], "Authors") == 0) {
        int marks = coa_tab_has(fields, n, "Source title") + coa_tab_has(fields, n, "EID") +
                    coa_tab_has(fields, n, "Author(s) ID") + coa_tab_has(fields, n, "Link");
        if (marks)
            return marks >= 2 ? 95 : 60;
    }
    /* any language: named columns, and records that link to Scopus */
    int known = 0;
    for (const coa_tab_header_t *h = scopus_headers; h->header; h++)
        known += coa_tab_has(fields, n, h->header);
    if (known >= 2 && memmem(head, len, "scopus.com/inward/record", 24))
        return 85;
    return 0;
}

int coa_read_scopus(coa_reader_ctx_t *ctx)
{
    return coa_read_tabular(ctx, &scopus);
}

/* What 'coauthor formats --help' says of scopus (coa_formats_help). */
const char coa_help_scopus[] =
    "  - scopus (Scopus CSV): 'Author full names' over 'Authors', 'Author(s) ID'\n"
    "    as identifiers (scopus:NNN); '[No author name available]' is no author;\n"
    "    headers in English, Chinese, Japanese, German, Spanish, Portuguese or\n"
    "    French; when no header names the authors, the first column whose\n"
    "    first value reads as a Scopus author list ('Sauer F., Xie J.') is\n"
    "    taken, with a note; without EID, the link's eid= is the key.  Elsevier,\n"
    "    Scopus 'Export document details' (CSV).\n";
