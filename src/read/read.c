/* Format detection and the reader table. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "coauthor/store.h"
#include "internal.h"
#include "readers.h"

static const coa_reader_t readers[] = {
    {"profile", "researcher-profile listing saved as text", coa_detect_profile, coa_read_profile},
    {"snap", "SNAP edge list of author ids", coa_detect_snap, coa_read_snap},
    {"bibtex", "BibTeX (.bib), through bibutils", coa_detect_bibtex, coa_read_bibtex},
    {"biblatex", "biblatex (.bib with biblatex fields), through bibutils", coa_detect_biblatex, coa_read_biblatex},
    {"ris", "RIS (Zotero, Mendeley, publishers' citation export), through bibutils", coa_detect_ris, coa_read_ris},
    {"endnote", "EndNote / refer tagged text (%A, %T), through bibutils", coa_detect_endnote, coa_read_endnote},
    {"endnote-xml", "EndNote XML, through bibutils", coa_detect_endnote_xml, coa_read_endnote_xml},
    {"isi", "Web of Science plain text (ISI tags; AF full names), through bibutils", coa_detect_isi, coa_read_isi},
    {"medline", "PubMed / MEDLINE text and .nbib (PMID-; FAU full names), through bibutils", coa_detect_medline,
     coa_read_medline},
    {"pubmed-xml", "PubMed XML (PubmedArticleSet), through bibutils", coa_detect_pubmed_xml, coa_read_pubmed_xml},
    {"copac", "Copac / Jisc Library Hub tagged text, through bibutils", coa_detect_copac, coa_read_copac},
    {"mods", "MODS XML, through bibutils", coa_detect_mods, coa_read_mods},
    {"scopus", "Scopus CSV export (Authors, Author full names, Author(s) ID as scopus: ids)", coa_detect_scopus,
     coa_read_scopus},
    {"wos-tab", "Web of Science tab-delimited (UTF-8 or UTF-16; AF full names, UT key, OI/RI ORCID and ResearcherID)",
     coa_detect_wos_tab, coa_read_wos_tab},
    {"zotero-csv", "Zotero CSV export (Key, Item Type, Publication Year, Author 'Last, First; ...')",
     coa_detect_zotero_csv, coa_read_zotero_csv},
    {"pop", "Publish or Perish CSV (Google Scholar and others; 'JS Smith, ...' marks a cut list)", coa_detect_pop,
     coa_read_pop},
    {"dimensions", "Dimensions CSV export (the 'About the data' line, then Publication ID, Authors)",
     coa_detect_dimensions, coa_read_dimensions},
    {"lens", "Lens.org scholarly CSV export (Lens ID, Author/s)", coa_detect_lens, coa_read_lens},
    {"dblp", "DBLP XML (dblp.xml, whole or a fragment of records)", coa_detect_dblp, coa_read_dblp},
    {"jsonl", "JSON Lines of works: OpenAlex, Crossref, arXiv snapshot, Semantic Scholar", coa_detect_jsonl, coa_read_jsonl},
    {"graphml", "GraphML network of authors (no papers), through igraph", coa_detect_graphml, coa_read_graphml},
    {"gml", "GML network of authors (no papers), through igraph", coa_detect_gml, coa_read_gml},
    {"pajek", "Pajek .net network of authors (no papers), through igraph", coa_detect_pajek, coa_read_pajek},
    {"store", "corpus database written by 'coauthor import' (SQLite)", coa_detect_store, coa_read_store},
};
#define N_READERS (sizeof readers / sizeof readers[0])

const char *const *coa_format_names(void)
{
    static const char *names[N_READERS + 1];
    for (size_t i = 0; i < N_READERS; i++)
        names[i] = readers[i].name;
    names[N_READERS] = NULL;
    return names;
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
        for (size_t i = 0; i < N_READERS; i++)
            if (strcmp(readers[i].name, opts->format) == 0)
                reader = &readers[i];
        if (!reader) {
            coa_diag(diag, COA_DIAG_ERROR, in->name, 0, "unknown format '%s'", opts->format);
            return COA_EINVAL;
        }
        if (reader->detect(in->name, head, len) == 0) {
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
    coa_reader_ctx_t ctx = {c, in, source, opts, diag};
    err = reader->read(&ctx);
    coa_corpus_paper_abort(c);
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
