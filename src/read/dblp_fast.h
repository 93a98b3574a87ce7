/*
 * DBLP records as the DBLP reader takes them (coa_dblp_rec_t), built
 * either from libxml2's SAX events or by the fast path (dblp_fast.c),
 * which reads the plain records of a dblp.xml without libxml2 and
 * declines the rest.  Not installed.
 */
#ifndef COAUTHOR_READ_DBLP_FAST_H
#define COAUTHOR_READ_DBLP_FAST_H

#include <stddef.h>
#include <stdint.h>

/* Record types: the elements under the <dblp> root. */
enum { COA_DBLP_ARTICLE, COA_DBLP_INPROCEEDINGS, COA_DBLP_PROCEEDINGS, COA_DBLP_BOOK, COA_DBLP_INCOLLECTION,
       COA_DBLP_PHDTHESIS, COA_DBLP_MASTERSTHESIS, COA_DBLP_WWW, COA_DBLP_DATA, COA_DBLP_OTHER, COA_DBLP_N_TYPES };
extern const char *const coa_dblp_type_names[COA_DBLP_N_TYPES];

/* The fields kept; every other element of a record is F_NONE. */
enum { COA_DBLP_F_NONE, COA_DBLP_F_AUTHOR, COA_DBLP_F_TITLE, COA_DBLP_F_YEAR, COA_DBLP_F_VENUE, COA_DBLP_F_EE };

/* The longest field kept; DBLP's longest titles are under 1 kB. */
#define COA_DBLP_MAX_FIELD 65536

typedef struct {
    uint8_t kind;  /* COA_DBLP_F_* */
    uint8_t cut;   /* longer than COA_DBLP_MAX_FIELD: some text was dropped */
    uint32_t off;  /* text[off..off+len), NUL-terminated, with runs of */
    uint32_t len;  /* white space made one space and the ends trimmed */
} coa_dblp_field_t;

typedef struct {
    int type;                 /* COA_DBLP_* */
    long line;                /* of the start tag's '>' */
    int has_key;
    uint32_t key_off, key_len;
    coa_dblp_field_t *fields; /* in the order of the record */
    uint32_t n_fields, fields_cap;
    char *text;               /* the key's and the fields' text */
    size_t len, cap;
    int kind;                 /* of the field being read (F_NONE: none, or one not kept) */
    size_t field_off;
    int field_cut;
} coa_dblp_rec_t;

/* The type for an element name, the field kind for a field's. */
int coa_dblp_type(const char *name, size_t n);
int coa_dblp_field_kind(int type, const char *name, size_t n);

void coa_dblp_rec_begin(coa_dblp_rec_t *r, int type, long line);
int coa_dblp_rec_key(coa_dblp_rec_t *r, const char *s, size_t n);
void coa_dblp_rec_field_begin(coa_dblp_rec_t *r, int kind);
/* Adds text to the open field, if it is kept; a piece that would make the
 * field longer than COA_DBLP_MAX_FIELD is dropped, and the field marked. */
int coa_dblp_rec_text(coa_dblp_rec_t *r, const char *s, size_t n);
int coa_dblp_rec_field_end(coa_dblp_rec_t *r);
/* Is the record a person's (a <www> with a homepages/ key)? */
int coa_dblp_rec_person(const coa_dblp_rec_t *r);
/* NULL when equal, else what differs, with details in 'detail'. */
const char *coa_dblp_rec_diff(const coa_dblp_rec_t *a, const coa_dblp_rec_t *b, char *detail, size_t size);
int coa_dblp_rec_copy(coa_dblp_rec_t *dst, const coa_dblp_rec_t *src);
void coa_dblp_rec_free(coa_dblp_rec_t *r);

/* ---- the fast path ---- */

typedef struct coa_dblpfast coa_dblpfast_t;

/* For a document whose replacement prologue (what libxml2 is given
 * before the records: the XML declaration and the DTD's entities) is
 * 'prologue'.  Sets *fast to NULL when the fast path cannot read the
 * document: an encoding other than UTF-8 or ISO-8859-1, or XML 1.1.
 * Returns COA_OK or COA_ENOMEM. */
int coa_dblpfast_new(const char *prologue, size_t len, coa_dblpfast_t **fast);
void coa_dblpfast_free(coa_dblpfast_t *f);

/* Could a record element start at s[0..n): '<' and a name's first
 * character (or the end of the bytes)?  Comments, end tags and the like
 * go to libxml2 without being tried. */
int coa_dblpfast_may_start(const unsigned char *s, size_t n);

/* Reads the record element starting at s[0] == '<', on line 'line'.
 * Returns 1 with the record in *r, its bytes (up to its end tag's '>') in
 * *used and the line breaks in them in *newlines; 0 when libxml2 must
 * read it; 2 when s[0..n) ends before the record does; or -COA_ENOMEM. */
int coa_dblpfast_record(coa_dblpfast_t *f, const unsigned char *s, size_t n, long line, coa_dblp_rec_t *r,
                        size_t *used, long *newlines);

#endif
