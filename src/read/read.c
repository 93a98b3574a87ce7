/* Format detection and the reader table. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "coauthor/store.h"
#include "corpus/internal.h"
#include "readers.h"

_Static_assert(COA_DEFAULT_MAX_LINE == COA_INPUT_MAX_LINE, "the input streams default to the readers' line limit");

int coa_head_has(const unsigned char *head, size_t len, const char *needle)
{
    return memmem(head, len, needle, strlen(needle)) != NULL;
}

/* Each reader, with the file a user typically has in that format (for
 * 'coauthor formats'). */
static const coa_reader_t readers[] = {
    {"profile", "researcher-profile listing saved as text", "a profile page saved as text",
     coa_detect_profile, coa_read_profile},
    {"snap", "SNAP edge list of author ids", "CA-GrQc.txt from snap.stanford.edu", coa_detect_snap, coa_read_snap},
    {"bibtex", "BibTeX (.bib), through bibutils", "refs.bib; Google Scholar's or JabRef's .bib",
     coa_detect_bibtex, coa_read_bibtex},
    {"biblatex", "biblatex (.bib with biblatex fields), through bibutils", "a biblatex .bib (Zotero's, Better BibTeX)",
     coa_detect_biblatex, coa_read_biblatex},
    {"ris", "RIS (Zotero, Mendeley, publishers' citation export), through bibutils", "export.ris, citations.ris",
     coa_detect_ris, coa_read_ris},
    {"endnote", "EndNote / refer tagged text (%A, %T), through bibutils", "an EndNote .enw or refer file",
     coa_detect_endnote, coa_read_endnote},
    {"endnote-xml", "EndNote XML, through bibutils", "an EndNote library exported as XML", coa_detect_endnote_xml,
     coa_read_endnote_xml},
    {"isi", "Web of Science plain text (ISI tags; AF full names), through bibutils",
     "savedrecs.txt (Web of Science, plain text)", coa_detect_isi, coa_read_isi},
    {"medline", "PubMed / MEDLINE text and .nbib (PMID-; FAU full names), through bibutils",
     "pubmed-*.txt or citations.nbib from PubMed", coa_detect_medline, coa_read_medline},
    {"pubmed-xml", "PubMed XML (PubmedArticleSet), through bibutils", "pubmed_result.xml", coa_detect_pubmed_xml,
     coa_read_pubmed_xml},
    {"copac", "Copac / Jisc Library Hub tagged text, through bibutils", "a Jisc Library Hub Discover export",
     coa_detect_copac, coa_read_copac},
    {"mods", "MODS XML, through bibutils", "a MODS XML export (library catalogues)", coa_detect_mods, coa_read_mods},
    {"scopus", "Scopus CSV export (Authors, Author full names, Author(s) ID as scopus: ids)", "scopus.csv",
     coa_detect_scopus, coa_read_scopus},
    {"wos-tab", "Web of Science tab-delimited (UTF-8 or UTF-16; AF full names, UT key, OI/RI ORCID and ResearcherID)",
     "savedrecs.txt (Web of Science, tab-delimited, Win or Mac, UTF-8 or UTF-16)", coa_detect_wos_tab, coa_read_wos_tab},
    {"zotero-csv", "Zotero CSV export (Key, Item Type, Publication Year, Author 'Last, First; ...')",
     "Exported Items.csv (Zotero: Export Collection, CSV)", coa_detect_zotero_csv, coa_read_zotero_csv},
    {"pop", "Publish or Perish CSV (Google Scholar and others; 'JS Smith, ...' marks a cut list)",
     "PoPCites.csv (Publish or Perish: Save as CSV)", coa_detect_pop, coa_read_pop},
    {"dimensions", "Dimensions CSV export (the 'About the data' line, then Publication ID, Authors)",
     "Dimensions-Publication-*.csv", coa_detect_dimensions, coa_read_dimensions},
    {"lens", "Lens.org scholarly CSV export (Lens ID, Author/s)", "lens-export.csv (Lens.org scholarly works)",
     coa_detect_lens, coa_read_lens},
    {"dblp", "DBLP XML: dblp.xml, whole or a fragment of records, and person pages (<dblpperson>)",
     "dblp.xml.gz, or dblp.org/pid/XX/YYYY.xml", coa_detect_dblp, coa_read_dblp},
    {"jsonl", "JSON works: OpenAlex (API responses too), Crossref, arXiv snapshot, Semantic Scholar",
     "works.jsonl, an OpenAlex or Crossref API response (.json)", coa_detect_jsonl, coa_read_jsonl},
    {"csl-json", "CSL-JSON items (Zotero, Mendeley, pandoc, citation.js)", "My Library.json (Zotero: CSL JSON)",
     coa_detect_csljson, coa_read_csljson},
    {"orcid", "ORCID public API v3.0 JSON: record, /works summaries, bulk works", "works.json from pub.orcid.org",
     coa_detect_orcid, coa_read_jsonl},
    {"orcid-xml", "ORCID public API v3.0 XML: record, /works summaries, bulk works", "works.xml from pub.orcid.org",
     coa_detect_orcid_xml, coa_read_orcid_xml},
    {"authorships", "rows of 'coauthor authorships' and of the distributed pipeline (scripts/dask/)",
     "OUT/authorships/part-00000.tsv (scripts/dask/coauthor_dask.py)", coa_detect_authorships,
     coa_read_authorships},
    {"authors", "the distributed pipeline's author table (key, display name, identifier)",
     "OUT/authors/part-00000.tsv (scripts/dask/coauthor_dask.py)", coa_detect_authors, coa_read_authors},
    {"graphml", "GraphML network of authors (no papers), through igraph", "network.graphml (Gephi, networkx)",
     coa_detect_graphml, coa_read_graphml},
    {"gml", "GML network of authors (no papers), through igraph", "netscience.gml (Newman's networks)",
     coa_detect_gml, coa_read_gml},
    {"pajek", "Pajek .net network of authors (no papers), through igraph", "network.net", coa_detect_pajek,
     coa_read_pajek},
    {"store", "corpus database written by 'coauthor import' (SQLite)", "corpus.db", coa_detect_store,
     coa_read_store},
};
#define N_READERS (sizeof readers / sizeof readers[0])

/* The other names people type for a format, compared as format_key
 * makes them (lower case, letters and digits only: "Web of Science",
 * "web-of-science" and "webofscience" are one).  To add a name, add a
 * line; the reader must be in the table above. */
static const struct {
    const char *alias, *reader;
} aliases[] = {
    {"bib", "bibtex"},           {"tex", "bibtex"},
    {"wos", "isi"},              {"webofscience", "isi"},       {"wok", "isi"},
    {"pubmed", "medline"},       {"nbib", "medline"},
    {"pubmedxml", "pubmed-xml"}, {"medlinexml", "pubmed-xml"},
    {"enw", "endnote"},          {"refer", "endnote"},          {"endnotexml", "endnote-xml"},
    {"json", "jsonl"},           {"ndjson", "jsonl"},           {"openalex", "jsonl"},
    {"crossref", "jsonl"},       {"arxiv", "jsonl"},            {"semanticscholar", "jsonl"},
    {"s2", "jsonl"},             {"csljson", "csl-json"},       {"csl", "csl-json"},
    {"citeproc", "csl-json"},    {"citeprocjson", "csl-json"},  {"zoterojson", "csl-json"},
    {"mendeleyjson", "csl-json"}, {"pandocjson", "csl-json"},
    {"orcidjson", "orcid"},      {"orcidxml", "orcid-xml"},
    {"dblpxml", "dblp"},         {"dblpperson", "dblp"},
    {"scopuscsv", "scopus"},
    {"wostab", "wos-tab"},       {"wostabdelimited", "wos-tab"},
    {"zotero", "zotero-csv"},    {"zoterocsv", "zotero-csv"},
    {"publishorperish", "pop"},  {"popcsv", "pop"},             {"googlescholarcsv", "pop"},
    {"dimensionscsv", "dimensions"},
    {"lensorg", "lens"},         {"lenscsv", "lens"},
    {"net", "pajek"},            {"edgelist", "snap"},
    {"db", "store"},             {"sqlite", "store"},
};
#define N_ALIASES (sizeof aliases / sizeof aliases[0])

const char *const *coa_format_names(void)
{
    static const char *names[N_READERS + 1];
    for (size_t i = 0; i < N_READERS; i++)
        names[i] = readers[i].name;
    names[N_READERS] = NULL;
    return names;
}

/* Lower case, letters and digits only, at most size - 1 bytes. */
static void format_key(const char *name, char *out, size_t size)
{
    size_t n = 0;
    for (; *name && n + 1 < size; name++) {
        char ch = *name;
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
            out[n++] = ch;
    }
    out[n] = '\0';
}

const char *coa_format_lookup(const char *name)
{
    char key[64], other[64];
    if (!name || strlen(name) >= sizeof key)
        return NULL;
    format_key(name, key, sizeof key);
    if (!key[0])
        return NULL;
    for (size_t i = 0; i < N_READERS; i++) {
        format_key(readers[i].name, other, sizeof other);
        if (strcmp(key, other) == 0)
            return readers[i].name;
    }
    for (size_t i = 0; i < N_ALIASES; i++)
        if (strcmp(key, aliases[i].alias) == 0)
            return aliases[i].reader;
    return NULL;
}

size_t coa_format_aliases(const char *format, const char **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < N_ALIASES; i++)
        if (strcmp(aliases[i].reader, format) == 0) {
            if (n < max)
                out[n] = aliases[i].alias;
            n++;
        }
    return n;
}

const char *coa_format_typical(const char *format)
{
    for (size_t i = 0; i < N_READERS; i++)
        if (strcmp(readers[i].name, format) == 0)
            return readers[i].typical;
    return NULL;
}

/* Levenshtein distance of two short keys. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), row[64];
    if (la >= 63 || lb >= 63)
        return 64;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            if (up + 1 < best)
                best = up + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

size_t coa_format_suggest(const char *name, const char **out, size_t max)
{
    char key[64], other[64];
    format_key(name ? name : "", key, sizeof key);
    size_t klen = strlen(key), n = 0;
    if (!klen || !max)
        return 0;
    /* close enough to be a typo: a third of the name, at least 2 edits */
    size_t limit = klen / 3 > 2 ? klen / 3 : 2, best = limit + 1;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < N_READERS + N_ALIASES; i++) {
            const char *shown = i < N_READERS ? readers[i].name : aliases[i - N_READERS].alias;
            format_key(shown, other, sizeof other);
            size_t d = edit_distance(key, other);
            /* a prefix ("orc" of "orcid") is as good as a typo */
            if (strncmp(other, key, klen) == 0 && d > 1)
                d = 1;
            if (pass == 0) {
                if (d < best)
                    best = d;
                continue;
            }
            if (d != best)
                continue;
            int dup = 0;
            for (size_t k = 0; k < n; k++)
                dup |= strcmp(out[k], shown) == 0;
            if (!dup && n < max)
                out[n++] = shown;
        }
        if (pass == 0 && best > limit)
            return 0;
    }
    return n;
}

void coa_read_options_init(coa_read_options_t *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->max_line = COA_DEFAULT_MAX_LINE;
}

/* Text with a few bad bytes is still text (the line reader repairs and
 * reports them), and so is text in Windows-1252 or Latin-1, which the line
 * reader decodes: a Spanish or Portuguese author list can have one letter
 * in ten outside ASCII.  Binary data has control bytes throughout (about
 * one byte in nine of random data), or is mostly not UTF-8. */
static int looks_binary(const unsigned char *head, size_t len)
{
    size_t n = len < 4096 ? len : 4096, control = 0, invalid = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = head[i];
        if (c < 0x80) {
            if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F)
                control++;
            i++;
            continue;
        }
        size_t k = 1;
        while (k < 4 && i + k < n && (head[i + k] & 0xC0) == 0x80)
            k++;
        if (i + k == n)
            break; /* a character cut by the window */
        if (!coa_utf8_valid((const char *)head + i, k))
            invalid += k;
        i += k;
    }
    return (control > 8 && control * 50 > n) || (invalid > 8 && invalid * 3 > n);
}

static const coa_reader_t *detect(const char *name, const unsigned char *head, size_t len)
{
    const coa_reader_t *best = NULL;
    int best_score = 0;
    for (size_t i = 0; i < N_READERS; i++) {
        int s = readers[i].detect(name, head, len);
        if (s > best_score) {
            best_score = s;
            best = &readers[i];
        }
    }
    return best;
}

const char *coa_detect_format(const char *name, const unsigned char *head, size_t len)
{
    if (looks_binary(head, len) && !coa_store_detect(head, len))
        return NULL;
    const coa_reader_t *r = detect(name, head, len);
    return r ? r->name : NULL;
}

int coa_reader_skip(coa_reader_ctx_t *ctx, long line, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int strict = ctx->opts && ctx->opts->strict;
    if (!strict)
        ctx->corpus->sources[ctx->source].skipped++;
    coa_diag(ctx->diag, strict ? COA_DIAG_ERROR : COA_DIAG_WARNING, ctx->in->name, line, "%s%s", msg,
             strict ? "" : "; skipped");
    return strict ? COA_EPARSE : COA_OK;
}

int coa_reader_next_line(coa_reader_ctx_t *ctx, const char *too_long, const char **line, size_t *len, int *err)
{
    int r;
    while ((r = coa_input_next(ctx->in, line, len)) > 0) {
        if (!ctx->in->too_long)
            return 1;
        if ((*err = coa_reader_skip(ctx, ctx->in->lineno, "%s", too_long)))
            return 0;
    }
    return r;
}

void coa_xml_error_text(const char *message, char *msg, size_t len)
{
    snprintf(msg, len, "%s", message ? message : "malformed XML");
    for (char *p = msg; *p; p++)
        if (*p == '\n')
            *p = ' ';
    size_t n = strlen(msg);
    while (n && msg[n - 1] == ' ')
        msg[--n] = '\0';
}

static int read_input(coa_corpus_t *c, coa_input_t *in, const coa_read_options_t *opts,
                      const coa_diag_sink_t *diag)
{
    const unsigned char *head;
    size_t len;
    int err = coa_input_peek(in, 1u << 16, &head, &len);
    if (err)
        return err;
    if (len == 0) {
        /* zlib drops what it decompressed before a bad checksum in the same
         * buffer, so a small damaged file can come out empty */
        if (in->damage[0])
            coa_diag(diag, COA_DIAG_ERROR, in->name, 0, "compressed data is damaged (%s); nothing could be read",
                     in->damage);
        else
            coa_diag(diag, COA_DIAG_ERROR, in->name, 0, "empty file");
        return COA_EPARSE;
    }
    const coa_reader_t *reader = NULL;
    if (opts->format) {
        const char *format = coa_format_lookup(opts->format);
        for (size_t i = 0; format && i < N_READERS; i++)
            if (strcmp(readers[i].name, format) == 0)
                reader = &readers[i];
        if (!reader) {
            const char *near[3];
            size_t n = coa_format_suggest(opts->format, near, 3);
            coa_diag(diag, COA_DIAG_ERROR, in->name, 0, "unknown format '%s'%s%s%s%s%s%s%s", opts->format,
                     n ? "; did you mean '" : "", n ? near[0] : "", n > 1 ? "' or '" : "", n > 1 ? near[1] : "",
                     n > 2 ? "' or '" : "", n > 2 ? near[2] : "", n ? "'?" : "");
            return COA_EINVAL;
        }
        /* GraphML named with --format: any XML, as its root may lie
         * beyond what detection peeks at */
        int forced_xml = strcmp(reader->name, "graphml") == 0 && len && head[0] == '<';
        if (!forced_xml && reader->detect(in->name, head, len) == 0) {
            /* the name people type for a service can mean another of its
             * exports ('wos' is the plain text; a tab-delimited file is wos-tab) */
            const coa_reader_t *seems = looks_binary(head, len) ? NULL : detect(in->name, head, len);
            if (seems)
                coa_diag(diag, COA_DIAG_ERROR, in->name, 1, "does not look like '%s' input; it looks like '%s'",
                         reader->name, seems->name);
            else
                coa_diag(diag, COA_DIAG_ERROR, in->name, 1, "does not look like '%s' input", reader->name);
            return COA_EFORMAT;
        }
    } else if (looks_binary(head, len) && !coa_store_detect(head, len)) {
        coa_diag(diag, COA_DIAG_ERROR, in->name, 1, "binary data, not a supported format");
        return COA_EFORMAT;
    } else if (!(reader = detect(in->name, head, len))) {
        coa_diag(diag, COA_DIAG_ERROR, in->name, 1,
                 "cannot tell the format; name one with --format (see 'coauthor formats')");
        return COA_EFORMAT;
    }
    uint32_t source;
    if ((err = coa_corpus_add_source(c, in->name, reader->name, &source)))
        return err;
    coa_reader_ctx_t ctx = {c, in, source, opts, diag, NULL, 0};
    err = reader->read(&ctx);
    coa_corpus_paper_abort(c);
    if (!err && ctx.no_authors) {
        char n[16];
        snprintf(n, sizeof n, "%u", ctx.no_authors);
        err = coa_corpus_add_meta(c, source, COA_META_NO_AUTHORS, n);
    }
    if (!err && in->error)
        err = in->error;
    if (!err && in->damage[0]) {
        if (!in->damaged)
            coa_diag(diag, COA_DIAG_WARNING, in->name, in->lineno + 1, "compressed data ends early (%s)",
                     in->damage);
        if (opts->strict) {
            coa_diag(diag, COA_DIAG_ERROR, in->name, in->lineno + 1, "damaged input under --strict");
            err = COA_EPARSE;
        }
    }
    return err;
}

static xmlParserInputPtr refuse_entity(const char *url, const char *id, xmlParserCtxtPtr px)
{
    (void)url;
    (void)id;
    (void)px;
    return NULL;
}

static void quiet_xml(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    (void)fmt;
}

void coa_xml_lockdown(void)
{
    xmlSetExternalEntityLoader(refuse_entity);
    xmlSetGenericErrorFunc(NULL, quiet_xml);
}

int coa_read_file(coa_corpus_t *c, const char *path, const coa_read_options_t *opts,
                  const coa_diag_sink_t *diag)
{
    coa_read_options_t defaults;
    if (!opts) {
        coa_read_options_init(&defaults);
        opts = &defaults;
    }
    coa_input_t in;
    int err = coa_input_open(&in, path, opts->max_line, diag);
    if (!err) {
        in.progress = opts->progress;
        in.progress_ctx = opts->progress_ctx;
        err = read_input(c, &in, opts, diag);
        if (opts->progress)
            opts->progress(opts->progress_ctx, in.name, in.size, in.size);
    }
    coa_input_close(&in);
    return err;
}

int coa_read_buffer(coa_corpus_t *c, const char *name, const void *data, size_t len,
                    const coa_read_options_t *opts, const coa_diag_sink_t *diag)
{
    coa_read_options_t defaults;
    if (!opts) {
        coa_read_options_init(&defaults);
        opts = &defaults;
    }
    coa_input_t in;
    coa_input_open_buffer(&in, name, data, len, opts->max_line, diag);
    int err = read_input(c, &in, opts, diag);
    coa_input_close(&in);
    return err;
}

/* What 'coauthor formats --help' says of papers read twice (coa_formats_help). */
const char coa_help_duplicates[] =
    "A paper read twice, in two files or repeated in one, is counted once: the\n"
    "same DOI, or within one file the same record key, with titles that agree;\n"
    "or the same title, year and first author (within one file only when a\n"
    "record has no key: two keys are two papers).  A DOI or key given to papers\n"
    "whose titles differ merges nothing, and both records are named in a\n"
    "warning.\n"
    "\n";

/* What 'coauthor formats --help' says of encodings (coa_formats_help). */
const char coa_help_encodings[] =
    "Encodings, for every format: a UTF-8 byte-order mark is dropped; UTF-16\n"
    "with a byte-order mark is decoded; CR-only (old Mac) line ends are line\n"
    "ends; bytes that are not UTF-8 are read as Windows-1252 (Latin-1), with one\n"
    "warning for the file; a NUL byte becomes U+FFFD, with a warning.\n"
    "\n";

/* What 'coauthor formats --help' says of the counts that differ from metaknowledge's (coa_formats_help). */
const char coa_help_metaknowledge[] =
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

void coa_formats_help(FILE *out)
{
    /* each reader's paragraph lives with the reader; the order is the
     * help's, from the reference managers to the graph files */
    static const char *const sections[] = {
        coa_help_bibutils,
        coa_help_bibtex,
        coa_help_isi,
        coa_help_medline,
        coa_help_jsonl,
        coa_help_orcid,
        coa_help_duplicates,
        coa_help_dblp,
        coa_help_encodings,
        coa_help_tabular,
        coa_help_scopus,
        coa_help_wos_tab,
        coa_help_csv_exports,
        coa_help_graphfile,
        coa_help_rows,
        coa_help_metaknowledge,
    };
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++)
        fputs(sections[i], out);
}
