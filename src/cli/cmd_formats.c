/* coauthor formats: the input formats, the names they answer to, and how
 * each is read. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char formats_help[] =
    "usage: coauthor formats\n"
    "\n"
    "Lists the input formats: the name, the other names --format accepts (in any\n"
    "case, with or without '-', '_' or spaces: 'Web of Science' is 'webofscience'),\n"
    "and the file a user typically has.  The format of each FILE is detected from\n"
    "its content and name; --format NAME overrides it, and an unknown NAME gets the\n"
    "closest known names.\n"
    "\n"
    "How the reference-manager formats are read (through bibutils: BibTeX,\n"
    "biblatex, RIS, EndNote, EndNote XML, ISI, MEDLINE, PubMed XML, Copac, MODS):\n"
    "  - names are written 'First Last' with LaTeX accents decoded; 'and others'\n"
    "    marks the author list as truncated; a name in braces such as {IEEE} is\n"
    "    one author, an organisation;\n"
    "  - a record without authors (a proceedings volume, editors only) is not a\n"
    "    paper of the network: it is left out with a note, and counted in the\n"
    "    summary line as skipped without authors;\n"
    "  - an author listed twice on one paper is counted once; the repeat is\n"
    "    counted as a duplicate authorship (summary line, 'stats');\n"
    "  - BibTeX: an entry with unbalanced braces or quotes, or without a key, is\n"
    "    skipped with its line; an undefined @String macro is reported at its\n"
    "    line and the entry kept (the macro's name stands for its text);\n"
    "    @Preamble is not an entry;\n"
    "  - BibTeX names: TeX is made plain before they are split: font switches\n"
    "    and spacing dropped, boxes keep their text (\\rlap{Lutz Birkhahn}),\n"
    "    accent stacks decoded (Th\\^e\\llap{\\raise0.5ex\\hbox{\\'{}}} is Th\xe1\xba\xbf); name\n"
    "    macros defined in the @Preamble, or in a file it \\inputs (beside the\n"
    "    .bib, or in its TeX tree), are expanded; a command nothing defines is\n"
    "    reported at its line;\n"
    "  - isi (Web of Science): full names (AF) over short ones (AU); the WoS\n"
    "    accession number is the paper's key;\n"
    "  - medline: full names (FAU) over short ones (AU); PMID is the key.\n"
    "\n"
    "";

/* two pieces: C11 compilers need not take a string over 4095 bytes */
static const char formats_help_more[] =
    "JSON (documented at docs.openalex.org, api.crossref.org, citeproc-js.readthedocs.io,\n"
    "info.orcid.org/documentation and github.com/ORCID/orcid-model):\n"
    "  - jsonl: OpenAlex works (one a line, a list response {meta, results}, or\n"
    "    one work), Crossref, arXiv and Semantic Scholar.  OpenAlex: the name is\n"
    "    the printed raw_author_name; author.orcid, else author.id, is the\n"
    "    identifier; where the printed name and the entity's display_name are\n"
    "    different people's (no word in common), the entity is not used and\n"
    "    'coauthor names' lists the slot as a likely misattribution;\n"
    "  - csl-json: names are given + particles + family, or 'literal' (an\n"
    "    organisation); the year is issued.date-parts; an item without authors\n"
    "    is left out with a note, and counted as skipped in the summary line;\n"
    "  - orcid, orcid-xml (API v3.0): the record, /works summaries and bulk\n"
    "    works.  A group of summaries is one work claimed by several sources:\n"
    "    one paper.  The owner's ORCID iD is the identifier of the owner's\n"
    "    authorships; summaries list no contributors, so there the owner is the\n"
    "    one author, inferred.\n"
    "\n"
    "A paper read twice, in two files or repeated in one, is counted once: the\n"
    "same DOI, or within one file the same record key, with titles that agree;\n"
    "or the same title, year and first author (within one file only when a\n"
    "record has no key: two keys are two papers).  A DOI or key given to papers\n"
    "whose titles differ merges nothing, and both records are named in a\n"
    "warning.\n"
    "\n"
    "DBLP person pages (dblp.org/pid/XX/YYYY.xml, <dblpperson>; see dblp.org/faq)\n"
    "are read by dblp: the records in <r>, the owner's <person>; each author's\n"
    "pid is a second dblp: identifier beside the name with its homonym number\n"
    "(a pid seen before wins, so a person renamed between two pages is one).\n"
    "\n";

static const char formats_help_tabular[] =
    "Encodings, for every format: a UTF-8 byte-order mark is dropped; UTF-16\n"
    "with a byte-order mark is decoded; CR-only (old Mac) line ends are line\n"
    "ends; bytes that are not UTF-8 are read as Windows-1252 (Latin-1), with one\n"
    "warning for the file; a NUL byte becomes U+FFFD, with a warning.\n"
    "\n"
    "Tabular exports share one CSV tokenizer (RFC 4180: quoted fields with\n"
    "commas, doubled quotes and line breaks; a quote that never closes costs its\n"
    "record, and the lines after it are read again).  Columns are found by their\n"
    "header names; a row with fewer fields than the header, or with extra fields\n"
    "that are not empty, is skipped; a record without authors is left out with\n"
    "a note, and counted as skipped in the summary line; the header row met\n"
    "again (exports pasted into one file) is passed over, with a note.\n"
    "  - scopus (Scopus CSV): 'Author full names' over 'Authors', 'Author(s) ID'\n"
    "    as identifiers (scopus:NNN); '[No author name available]' is no author;\n"
    "    headers in English, Chinese, Japanese, German, Spanish, Portuguese or\n"
    "    French; when no header names the authors, the first column whose\n"
    "    first value reads as a Scopus author list ('Sauer F., Xie J.') is\n"
    "    taken, with a note; without EID, the link's eid= is the key.  Elsevier,\n"
    "    Scopus 'Export document details' (CSV).\n"
    "  - wos-tab (Web of Science tab-delimited, UTF-8 or UTF-16): AF over AU;\n"
    "    UT the key, DI the DOI, PY the year, SO the venue; OI and RI\n"
    "    ('Last, First/0000-0002-...; ...') become the orcid: or researcherid:\n"
    "    identifier of the one author with that last name and first initial\n"
    "    (ORCID first).  Clarivate, 'Web of Science Core Collection Field Tags'.\n"
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

static const char formats_help_rest[] =
    "Graph files (GraphML, GML, Pajek), already projected onto authors:\n"
    "  - an edge's 'weight' attribute (GraphML, GML), else its GML 'value'\n"
    "    (Newman's netscience.gml), or third column (Pajek) is the pair's joint\n"
    "    papers (and its fractional weight); --weight-attr NAME chooses another\n"
    "    attribute; without one, or when it is not a positive number (warned),\n"
    "    an edge counts as one;\n"
    "  - a directed graph is read as undirected, with a warning;\n"
    "  - a vertex without edges stays in the network as an isolated author;\n"
    "  - a chain's hop names the edge's file and line ('small.net:8'), or the\n"
    "    file alone when the edges cannot be placed (a Pajek *Matrix).\n"
    "\n"
    "Rows of a distributed pipeline (scripts/dask/, the README's \"Beyond one\n"
    "machine\"):\n"
    "  - authorships: the rows 'coauthor authorships' writes (see its --help),\n"
    "    one per authorship after a header; each paper keeps the file and line\n"
    "    its row names, so papers are named, and counted once across files, as\n"
    "    when those files are read; with an 'author' column (the pipeline's\n"
    "    de-duplicated rows) that column is the author's key, taken as it is;\n"
    "  - authors: the pipeline's author table (author, display, author_id),\n"
    "    read before its authorships so that authors keep their names and order.\n"
    "\n"
    "Counts that differ from metaknowledge's, and exactly why:\n"
    "  - testFile.isi: 44 authors and 46 edges; metaknowledge counts 45 authors,\n"
    "    because it keeps 'Flory, F' and 'FLORY, F' apart, which the match key\n"
    "    (case folded) makes one author.\n"
    "  - scopus-export.csv, with --keep-apart: 1,794 authors, 89,205 edges, 35\n"
    "    isolated, where metaknowledge counts 1,798, 89,236 and 36.  Authors:\n"
    "    metaknowledge counts '[No author name available]' as an author\n"
    "    (isolated: 36 - 1), and keeps 'Van de Vijver M.J.'/'Van De Vijver M.J.',\n"
    "    'Lebbe C.'/'Lebb\xC3\xA9 C.' and 'Van't Veer L.J.'/'Van 'T Veer L.J.'\n"
    "    apart (1,798 - 4; an apostrophe is a word break in the match key).\n"
    "    Edges: 15 authors listed more than once on one paper (16 extra\n"
    "    listings) count once here, where metaknowledge makes 15 self-loops.\n"
    "    The file holds 89,229 pairs of distinct spellings; the three merges\n"
    "    above remove 24, giving 89,205.  metaknowledge's 89,236 is\n"
    "    89,229 + 15 self-loops - 8: the 8 are lost by its own line-based\n"
    "    CSV parsing, which we do not reproduce.  By default 7 more spellings\n"
    "    are merged on evidence (1,787 authors; 'coauthor names' lists them).\n";

int cmd_formats(int argc, char **argv)
{
    if (argc > 1 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
        fputs(formats_help, stdout);
        fputs(formats_help_more, stdout);
        fputs(formats_help_tabular, stdout);
        fputs(formats_help_rest, stdout);
        return EXIT_OK;
    }
    /* name, the other names it answers to, and the file people have */
    /* a line per format (its name first, for grep and cut), and its other
     * names indented under it: alias lists are too uneven for a column */
    printf("%-12s  %s\n", "format", "typical file (other names --format takes)");
    for (const char *const *f = coa_format_names(); *f; f++) {
        const char *alias[16];
        size_t n = coa_format_aliases(*f, alias, 16);
        printf("%-12s  %s\n", *f, coa_format_typical(*f));
        for (size_t i = 0; i < n && i < 16; i++)
            printf("%s%s", i ? ", " : "              also: ", alias[i]);
        if (n)
            putchar('\n');
    }
    return EXIT_OK;
}
