/*
 * The corpus: papers, authors and authorships in flat arrays with integer
 * ids, strings interned in one pool.  The corpus owns every string; a
 * coa_str_t is an id into its pool, and 0 is the empty string ("absent").
 */
#ifndef COAUTHOR_CORPUS_H
#define COAUTHOR_CORPUS_H

#include "common.h"
#include "strpool.h"

#ifdef __cplusplus
extern "C" {
#endif

enum {
    COA_PAPER_TRUNCATED = 1 << 0,   /* "et al.", "and others", or a cap */
    COA_PAPER_CODE = 1 << 1,        /* code published */
    COA_PAPER_HAS_SCORE = 1 << 2,   /* score is meaningful */
    COA_PAPER_YEAR_ASSUMED = 1 << 3 /* the source gave no year; one was assumed */
};

typedef struct {
    coa_str_t title;
    coa_str_t venue;     /* journal, proceedings or series */
    coa_str_t category;  /* a field code such as "CL" */
    coa_str_t orgs;      /* organisation tags, joined by ", " */
    coa_str_t abstract;
    coa_str_t doi;
    coa_str_t key;       /* the source's own identifier (BibTeX key, PMID, ...) */
    uint32_t source;     /* index into corpus sources */
    uint32_t line;       /* line in the source where the record starts */
    int16_t year;        /* 0 when unknown */
    uint8_t month, day;  /* 0 when unknown */
    uint8_t flags;       /* COA_PAPER_* */
    float score;
    uint32_t first_authorship; /* authorships of a paper are contiguous */
    uint32_t n_authorships;
} coa_paper_t;

enum {
    COA_AUTHOR_ORGANISATION = 1 << 0, /* a corporate author, such as "{IEEE}" */
    COA_AUTHOR_DISPLAY_FIXED = 1 << 1, /* the display name was set (alias file), not voted */
    COA_AUTHOR_VERTEX = 1 << 2,       /* a vertex of a graph file: in the graph even without papers or links */
    COA_AUTHOR_OWNER = 1 << 3         /* the owner of a single-person export (coa_merge_evidence) */
};

typedef struct {
    coa_str_t display;   /* the most frequent spelling */
    coa_str_t key;       /* the match key; equal keys mean one author */
    coa_str_t id;        /* an identifier "scheme:value" (orcid:, dblp:, scopus:, openalex:, s2:), or 0 */
    uint32_t n_papers;   /* papers in the whole corpus */
    uint32_t merged_into;/* COA_NONE, or the author this one was merged into */
    uint32_t last_paper; /* internal: de-duplication within a paper */
    uint8_t flags;       /* COA_AUTHOR_* */
} coa_author_t;

/* Why two authors were merged (for the identity audit). */
typedef struct {
    uint32_t from, into;
    coa_str_t reason;    /* for example "alias file", "dblp person record" */
} coa_merge_t;

typedef struct {
    uint32_t author;
    uint32_t paper;
    uint32_t position;   /* 0-based place in the author list */
    uint8_t inferred;    /* 1 when not stated by the source (for example, hidden behind "et al.") */
    uint8_t flags;       /* COA_AUTHORSHIP_* */
} coa_authorship_t;

enum {
    /* the author's papers split into groups without shared coauthors, and
     * this paper's group is in another field: possibly another person */
    COA_AUTHORSHIP_POSSIBLE_HOMONYM = 1 << 0
};

/* A direct author-author edge, from sources that are already projected
 * (SNAP edge lists, GraphML, GML, Pajek).  Such edges carry no papers. */
typedef struct {
    uint32_t a, b;
    uint32_t source;
    uint32_t line;       /* line of the edge in the source, or 0 when the reader cannot tell */
    float weight;        /* the source's edge weight, taken as joint papers; 0 when it gives none (counts as 1) */
} coa_link_t;

/* A labelled value from a source's header (for example "h-index" = "86"). */
typedef struct {
    coa_str_t label;
    coa_str_t value;
} coa_meta_t;

/* An author slot where the name the paper prints and the name of the
 * entity a source attached to it (OpenAlex's disambiguated author) are
 * different people's names, not spellings of one: the source probably
 * attributed the slot to the wrong person.  The printed name is kept as
 * the author, without the entity's identifiers; this records the fact for
 * 'coauthor names'.  Located by source and line, since paper ids change
 * when duplicates are merged. */
typedef struct {
    uint32_t source;
    uint32_t line;
    coa_str_t printed;   /* what the paper prints (OpenAlex raw_author_name) */
    coa_str_t entity;    /* the entity's name (author.display_name) */
    coa_str_t entity_id; /* the entity's identifier ("openalex:A..."), or 0 */
    coa_str_t work;      /* the record's own identifier, or 0 */
} coa_misattribution_t;

typedef struct {
    coa_str_t path;
    coa_str_t format;     /* reader name, for example "profile" */
    coa_str_t owner;      /* profile owner, when the source has one */
    uint32_t records;     /* records kept */
    uint32_t skipped;     /* records skipped as malformed */
    uint32_t inferred;    /* authorships inferred */
    uint32_t undated;     /* records whose year was assumed */
    int assumed_year;     /* the year given to undated records, 0 if none */
    uint32_t duplicates;  /* its papers merged into a paper read before (coa_corpus_dedup) */
    uint32_t first_meta, n_meta;
} coa_source_t;

typedef struct {
    coa_strpool_t strings;
    coa_paper_t *papers;
    uint32_t n_papers, cap_papers;
    coa_author_t *authors;
    uint32_t n_authors, cap_authors;
    coa_authorship_t *authorships;
    uint32_t n_authorships, cap_authorships;
    coa_link_t *links;
    uint32_t n_links, cap_links;
    coa_source_t *sources;
    uint32_t n_sources, cap_sources;
    coa_meta_t *meta;
    uint32_t n_meta, cap_meta;
    coa_merge_t *merges;
    uint32_t n_merges, cap_merges;
    coa_misattribution_t *misattributions;
    uint32_t n_misattributions, cap_misattributions;
    uint32_t duplicate_authorships; /* an author listed twice on one paper */
    uint32_t duplicate_papers;      /* papers merged by coa_corpus_dedup */
    /* papers and merges when coa_corpus_dedup last ran: until either
     * grows, running it again would find nothing (a database read alone) */
    uint32_t dedup_papers, dedup_merges;
    /* internal indexes */
    uint32_t *spelling_author; /* by spelling string id: author + 1, or 0 */
    uint32_t spelling_cap;
    uint32_t *key_slots;       /* open addressing on key: author + 1 */
    uint32_t key_nslots;
    uint32_t *spelling_count;  /* by spelling string id */
    uint32_t *id_author;       /* by identifier string id: author + 1, or 0 */
    int open_paper;            /* a paper is being built */
    /* With keep_rows set before reading (coauthor authorships), each
     * authorship's own spelling and identifier as the source gave them, by
     * authorship index: an authorship records only its resolved author,
     * whose display and identifier may come from other records.  Valid
     * until coa_corpus_dedup or coa_corpus_finalize reorders authorships. */
    int keep_rows;
    coa_str_t *row_spelling, *row_id;
    uint32_t cap_rows;
    coa_str_t pending_id;      /* internal: the identifier of the name being added */
} coa_corpus_t;

int coa_corpus_init(coa_corpus_t *c);
void coa_corpus_destroy(coa_corpus_t *c);

static inline const char *coa_corpus_str(const coa_corpus_t *c, coa_str_t id)
{
    return coa_strpool_get(&c->strings, id);
}
coa_str_t coa_corpus_intern(coa_corpus_t *c, const char *s, size_t len);

/* Adds a source and returns its index in *out. */
int coa_corpus_add_source(coa_corpus_t *c, const char *path, const char *format, uint32_t *out);
int coa_corpus_add_meta(coa_corpus_t *c, uint32_t source, const char *label, const char *value);
/* Records of a source left out because they name no author (proceedings,
 * editors only): kept as the source's meta "without authors", so that a
 * database keeps the count and the source struct its layout. */
#define COA_META_NO_AUTHORS "without authors"
uint32_t coa_source_no_authors(const coa_corpus_t *c, uint32_t source);
/* "S skipped" with its reasons: "3 skipped (1 without authors, 2 malformed)". */
void coa_skipped_text(char *buf, size_t len, uint32_t malformed, uint32_t no_authors);

/* Builds one paper: begin, add authors in order, then end (keep) or abort
 * (drop everything added since begin).  The returned pointer is valid
 * until the next call that adds to the corpus. */
int coa_corpus_paper_begin(coa_corpus_t *c, uint32_t source, uint32_t line, coa_paper_t **paper);
/* Adds an author to the open paper.  A name whose match key is empty is
 * ignored (*added = 0); so is a second listing of the same author. */
int coa_corpus_paper_add_author(coa_corpus_t *c, const char *name, size_t len, int inferred, int *added);
/* The same with an identifier ("scheme:value", or NULL) and flags
 * (COA_ADD_*).  Identifiers win over names: one identifier is one author
 * whatever the spelling, and a name whose author already carries another
 * identifier of the same scheme becomes a separate author. */
enum { COA_ADD_INFERRED = 1 << 0, COA_ADD_ORGANISATION = 1 << 1 };
int coa_corpus_paper_add_author_ex(coa_corpus_t *c, const char *name, size_t len, const char *id,
                                   unsigned flags, int *added);
coa_paper_t *coa_corpus_open_paper(coa_corpus_t *c);
void coa_corpus_paper_end(coa_corpus_t *c);
void coa_corpus_paper_abort(coa_corpus_t *c);
/* True when the open paper already lists the author with this name's key. */
int coa_corpus_paper_has_author(coa_corpus_t *c, const char *name, size_t len);

int coa_corpus_add_link(coa_corpus_t *c, uint32_t source, uint32_t line,
                        const char *a, size_t alen, const char *b, size_t blen);
/* The same with the source's edge weight; a weight that is not a positive
 * finite number is kept as 0 (none), so readers check it first to warn. */
int coa_corpus_add_link_weighted(coa_corpus_t *c, uint32_t source, uint32_t line, const char *a, size_t alen,
                                 const char *b, size_t blen, double weight);

/* Records a likely misattribution in the source (see coa_misattribution_t);
 * 'entity_id' and 'work' may be NULL. */
int coa_corpus_add_misattribution(coa_corpus_t *c, uint32_t source, uint32_t line, const char *printed,
                                  const char *entity, const char *entity_id, const char *work);

/* How a paper is named in output: "doi:..." when it has a DOI, else the
 * source's own key (BibTeX key, PMID, ...), else "path:line" of its record. */
void coa_paper_identifier(const coa_corpus_t *c, uint32_t paper, char *buf, size_t len);

/* Finds or adds the author for a name (and identifier, may be NULL)
 * without adding an authorship; *author is COA_NONE for an empty name. */
int coa_corpus_author(coa_corpus_t *c, const char *name, size_t len, const char *id, uint32_t *author);

/* Records that 'from' is the same person as 'into' (for example, from an
 * alias file or a DBLP person record).  Applied by coa_corpus_finalize:
 * authorships move to the surviving author, a paper listing both keeps
 * one, and the merge stays listed in c->merges. */
int coa_corpus_merge(coa_corpus_t *c, uint32_t from, uint32_t into, const char *reason);

/* Follows merges to the surviving author. */
uint32_t coa_corpus_author_root(const coa_corpus_t *c, uint32_t author);

/* Finds an author by name (through its match key, then merges); COA_NONE if absent. */
uint32_t coa_corpus_find_author(const coa_corpus_t *c, const char *name);

/* How a query named an author. */
typedef enum {
    COA_MATCH_NONE,      /* nothing close: candidates are suggestions */
    COA_MATCH_EXACT,     /* the query's match key is the author's */
    COA_MATCH_PARTIAL,   /* the only author whose key contains the query's words */
    COA_MATCH_AMBIGUOUS  /* several authors contain the query's words: candidates */
} coa_match_kind_t;

#define COA_MATCH_MAX_CANDIDATES 5

typedef struct {
    coa_match_kind_t kind;
    uint32_t author;     /* for EXACT and PARTIAL */
    uint32_t n_candidates;
    uint32_t candidates[COA_MATCH_MAX_CANDIDATES]; /* most papers first, then by name */
    uint32_t n_matching; /* for AMBIGUOUS: how many authors matched in all */
} coa_match_t;

/* Resolves a name typed by a user among the authors with at least one
 * paper or edge (or a graph file's vertex): an exact match on the match key wins; otherwise the only
 * author whose key contains every word of the query (a word matches a
 * whole word, or the start of one when the query word is a single letter)
 * is used.  Otherwise the closest names are returned as candidates.
 * Call after coa_corpus_finalize. */
int coa_author_match(const coa_corpus_t *c, const char *query, coa_match_t *match);

/* Counts each paper once, within a source as across sources: papers with
 * one DOI (and titles that agree), or with one normalised title, year and
 * first author's match key, become the first of them read
 * (src/corpus/dedup.c says exactly how).  The survivor lists the union of
 * their authors; an authorship inferred in one copy and stated in another
 * is stated.  Counts the merged copies in c->duplicate_papers and in their
 * sources' 'duplicates'; *merged (may be NULL) gets this call's count.
 * Call after reading and before coa_corpus_finalize; paper ids change.
 * coa_corpus_dedup_report also sends a warning to 'sink' (may be NULL) for
 * each paper kept apart from another that has its DOI but another title. */
int coa_corpus_dedup(coa_corpus_t *c, uint32_t *merged);
int coa_corpus_dedup_report(coa_corpus_t *c, uint32_t *merged, const coa_diag_sink_t *sink);

/* Chooses display names (most frequent spelling; ties to the spelling with
 * more non-ASCII letters, then the longer one, then bytewise) and counts papers per author.
 * Call after reading and before building graphs. */
int coa_corpus_finalize(coa_corpus_t *c);

/* The match key of a name: NFKC, case folded, marks stripped, '.',
 * apostrophes, quotes and dashes as spaces ("Jun'ichi" and "Jun-ichi" are
 * "jun ichi"), whitespace collapsed, "Last, First" reordered to "First
 * Last", and a generational suffix last in one spelling ("Nyberg, 3rd,
 * Eric H." is "eric h nyberg iii").
 * Writes a malloc'ed string to *key (caller frees); an empty key means the
 * name has no letters or digits.  Fails with COA_EINVAL on invalid UTF-8. */
int coa_name_key(const char *name, size_t len, char **key);

/* The keys coa_corpus_dedup matches papers on, for a program that must
 * give a paper the same key as the library does (a distributed pipeline).
 * coa_doi_key: "https://doi.org/10.1/ABC." -> "10.1/abc" (from "10." on,
 * ASCII case-folded, trailing spaces, dots and slashes dropped); *key is
 * NULL when the text holds no "10.".  coa_title_key: the title's letters
 * and digits, NFKC, case-folded, marks stripped; *key is NULL when the
 * title is invalid UTF-8 or has fewer than COA_TITLE_KEY_MIN letters and
 * digits (too weak to match on).  Both malloc *key (caller frees). */
#define COA_TITLE_KEY_MIN 8
int coa_doi_key(const char *doi, char **key);
int coa_title_key(const char *title, char **key);

#ifdef __cplusplus
}
#endif

#endif
