/* The reader table and what each reader gets; not installed. */
#ifndef COAUTHOR_READ_READERS_H
#define COAUTHOR_READ_READERS_H

#include "coauthor/read.h"
#include "core/input.h"

/* What the JSON readers (read_jsonl.c) keep while reading one file. */
typedef struct coa_json_state {
    int csl;                  /* CSL-JSON: every item is a CSL item */
    unsigned long no_authors; /* items left out for want of authors */
    struct coa_json_works *works; /* read_jsonl.c's own: the fast path and its buffers */
} coa_json_state_t;

typedef struct {
    coa_corpus_t *corpus;
    coa_input_t *in;
    uint32_t source;
    const coa_read_options_t *opts;
    const coa_diag_sink_t *diag;
    coa_json_state_t *json;   /* the JSON readers' state, else NULL */
    uint32_t no_authors; /* records left out for naming no author (the source's meta COA_META_NO_AUTHORS) */
} coa_reader_ctx_t;

/* Helpers for detection: whether head[0 .. len) holds 'needle' (read.c);
 * where JSON text starts at or after i: past a UTF-8 byte-order mark (at
 * 0) and white space (read_jsonl.c). */
int coa_head_has(const unsigned char *head, size_t len, const char *needle);
size_t coa_json_skip_ws(const unsigned char *s, size_t len, size_t i);

/* How well the head of a file fits a format: 0 (not at all) to 100. */
typedef int (*coa_detect_fn)(const char *name, const unsigned char *head, size_t len);
/* Reads the whole input into ctx->corpus, counting records and skips in
 * ctx->corpus->sources[ctx->source]. */
typedef int (*coa_read_fn)(coa_reader_ctx_t *ctx);

typedef struct {
    const char *name;
    const char *description;
    const char *typical;      /* the file a user typically has */
    coa_detect_fn detect;
    coa_read_fn read;
} coa_reader_t;

int coa_detect_profile(const char *name, const unsigned char *head, size_t len);
int coa_read_profile(coa_reader_ctx_t *ctx);
int coa_detect_snap(const char *name, const unsigned char *head, size_t len);
int coa_read_snap(coa_reader_ctx_t *ctx);
int coa_detect_bibtex(const char *name, const unsigned char *head, size_t len);
int coa_read_bibtex(coa_reader_ctx_t *ctx);
int coa_detect_biblatex(const char *name, const unsigned char *head, size_t len);
int coa_read_biblatex(coa_reader_ctx_t *ctx);
int coa_detect_scopus(const char *name, const unsigned char *head, size_t len);
int coa_read_scopus(coa_reader_ctx_t *ctx);
int coa_detect_isi(const char *name, const unsigned char *head, size_t len);
int coa_read_isi(coa_reader_ctx_t *ctx);
int coa_detect_medline(const char *name, const unsigned char *head, size_t len);
int coa_read_medline(coa_reader_ctx_t *ctx);
int coa_detect_pubmed_xml(const char *name, const unsigned char *head, size_t len);
int coa_read_pubmed_xml(coa_reader_ctx_t *ctx);
int coa_detect_ris(const char *name, const unsigned char *head, size_t len);
int coa_read_ris(coa_reader_ctx_t *ctx);
int coa_detect_endnote(const char *name, const unsigned char *head, size_t len);
int coa_read_endnote(coa_reader_ctx_t *ctx);
int coa_detect_endnote_xml(const char *name, const unsigned char *head, size_t len);
int coa_read_endnote_xml(coa_reader_ctx_t *ctx);
int coa_detect_copac(const char *name, const unsigned char *head, size_t len);
int coa_read_copac(coa_reader_ctx_t *ctx);
int coa_detect_mods(const char *name, const unsigned char *head, size_t len);
int coa_read_mods(coa_reader_ctx_t *ctx);
int coa_detect_wos_tab(const char *name, const unsigned char *head, size_t len);
int coa_read_wos_tab(coa_reader_ctx_t *ctx);
int coa_detect_zotero_csv(const char *name, const unsigned char *head, size_t len);
int coa_read_zotero_csv(coa_reader_ctx_t *ctx);
int coa_detect_pop(const char *name, const unsigned char *head, size_t len);
int coa_read_pop(coa_reader_ctx_t *ctx);
int coa_detect_dimensions(const char *name, const unsigned char *head, size_t len);
int coa_read_dimensions(coa_reader_ctx_t *ctx);
int coa_detect_lens(const char *name, const unsigned char *head, size_t len);
int coa_read_lens(coa_reader_ctx_t *ctx);
int coa_detect_dblp(const char *name, const unsigned char *head, size_t len);
int coa_read_dblp(coa_reader_ctx_t *ctx);
int coa_detect_store(const char *name, const unsigned char *head, size_t len);
int coa_read_store(coa_reader_ctx_t *ctx);
int coa_detect_jsonl(const char *name, const unsigned char *head, size_t len);
int coa_read_jsonl(coa_reader_ctx_t *ctx);
int coa_detect_csljson(const char *name, const unsigned char *head, size_t len);
int coa_read_csljson(coa_reader_ctx_t *ctx);
int coa_detect_orcid(const char *name, const unsigned char *head, size_t len);
int coa_detect_orcid_xml(const char *name, const unsigned char *head, size_t len);
int coa_read_orcid_xml(coa_reader_ctx_t *ctx);
/* ORCID JSON responses inside the JSON readers (read_orcid.c); the JSON
 * type is left opaque here so that readers.h needs no jansson. */
int coa_orcid_json_is(void *json_value);
int coa_orcid_json_read(coa_reader_ctx_t *ctx, void *json_value, long line);
int coa_detect_authorships(const char *name, const unsigned char *head, size_t len);
int coa_read_authorships(coa_reader_ctx_t *ctx);
int coa_detect_authors(const char *name, const unsigned char *head, size_t len);
int coa_read_authors(coa_reader_ctx_t *ctx);
int coa_detect_graphml(const char *name, const unsigned char *head, size_t len);
int coa_read_graphml(coa_reader_ctx_t *ctx);
int coa_detect_gml(const char *name, const unsigned char *head, size_t len);
int coa_read_gml(coa_reader_ctx_t *ctx);
int coa_detect_pajek(const char *name, const unsigned char *head, size_t len);
int coa_read_pajek(coa_reader_ctx_t *ctx);

/* Reports a bad record: a warning that it was skipped, or under strict
 * mode an error.  Returns COA_EPARSE under strict mode, else COA_OK. */
int coa_reader_skip(coa_reader_ctx_t *ctx, long line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* The next line for a reader that goes line by line: 1 with it, 0 at the
 * end, -1 on a read error, as coa_input_next; but an over-long line is
 * passed over with the warning 'too_long' at its line (coa_reader_skip),
 * and when strict mode makes that an error, 0 comes back with *err set. */
int coa_reader_next_line(coa_reader_ctx_t *ctx, const char *too_long, const char **line, size_t *len, int *err);

/* Before any libxml2 parse (DBLP, and igraph's GraphML reader): an
 * external-entity loader that refuses every file and URL, so that nothing
 * is read but the named input, and libxml2's own messages (its "I/O
 * error" lines) kept off stderr, since the library never prints and its
 * readers report through their diagnostics.  Idempotent. */
void coa_xml_lockdown(void);

/* libxml2's message of an error (NULL: "malformed XML") on one line, for
 * a diagnostic: libxml2 puts the bad bytes on a line of their own and
 * ends with a newline. */
void coa_xml_error_text(const char *message, char *msg, size_t len);

/* The paragraphs of 'coauthor formats --help', each beside its reader
 * (coa_formats_help prints them in order). */
extern const char coa_help_bibutils[];
extern const char coa_help_bibtex[];
extern const char coa_help_isi[];
extern const char coa_help_medline[];
extern const char coa_help_jsonl[];
extern const char coa_help_orcid[];
extern const char coa_help_duplicates[];
extern const char coa_help_dblp[];
extern const char coa_help_encodings[];
extern const char coa_help_tabular[];
extern const char coa_help_scopus[];
extern const char coa_help_wos_tab[];
extern const char coa_help_csv_exports[];
extern const char coa_help_graphfile[];
extern const char coa_help_rows[];
extern const char coa_help_metaknowledge[];

#endif
