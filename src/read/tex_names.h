/*
 * TeX in BibTeX author lists, made plain before the names are split
 * (tex_names.c).  Not installed.
 *
 * bibutils decodes accents and special letters (\'e, {\ss}, \l) and turns
 * every other command into its name as text: "\rlap{Lutz Birkhahn}" became
 * "rlapLutz Birkhahn", and the accent stack of Vietnamese names,
 * "Th\^e\llap{\raise0.5ex\hbox{\'{\relax}}}", became
 * "Thêłlapåise0.5exhbox´relax".  So the reader hands the author field
 * through coa_tex_names_clean first, and both of its paths (the fast path
 * and bibutils) read the result:
 *   - font and size switches (\bf, \it, \sc, \sltt, \small, ...), \relax and
 *     spacing (\raise0.5ex, \kern-.1em, \hskip 2pt) are dropped, with the
 *     braces of a group they open ("{\sltt DVI}" is "DVI");
 *   - boxes and text styles keep their argument (\rlap, \llap, \hbox,
 *     \mbox, \textbf, \emph, \acro, ...);
 *   - a box that holds only an accent over nothing (\llap{\raise0.5ex
 *     \hbox{\'{\relax}}}) puts that accent on the letter before it, which
 *     becomes one precomposed character ("Th\^e" + acute = "Thế");
 *   - \TeX, \LaTeX, \BibTeX and friends become their names;
 *   - macros defined in the file's @Preamble (\def\Thanh{...},
 *     \newcommand{\Thanh}{...}, and in a file it \inputs) are expanded;
 *   - anything else is left for bibutils, and a command that is neither an
 *     accent, a special letter nor defined is named in 'unknown' so that
 *     the reader can report it.
 */
#ifndef COAUTHOR_READ_TEX_NAMES_H
#define COAUTHOR_READ_TEX_NAMES_H

#include <stddef.h>

/* Macros without parameters: name (without '\') and body. */
typedef struct {
    char **names, **bodies;
    size_t n, cap;
} coa_tex_macros_t;

void coa_tex_macros_destroy(coa_tex_macros_t *m);
/* Adds the parameterless definitions found in TeX text (\def, \gdef,
 * \newcommand, \renewcommand, \providecommand, \DeclareRobustCommand, and
 * tugboat.def's \td@provide); a later definition of a name replaces an
 * earlier one.  '%' comments are skipped.  COA_OK or COA_ENOMEM. */
int coa_tex_macros_scan(coa_tex_macros_t *m, const char *text, size_t len);
/* The file names of the \input commands in TeX text, one at a time:
 * returns the length of the next one from *pos on (advancing *pos), or 0. */
size_t coa_tex_next_input(const char *text, size_t len, size_t *pos, const char **name);

/* Cleans an author list value (without its delimiters).  *out gets a
 * malloc'ed string (line ends become spaces), or NULL when nothing would
 * change.  unknown[0..cap) gets the first command that is neither known
 * nor defined ("Thanh"), or "".  COA_OK or COA_ENOMEM. */
/* The end of the brace group that opens at s[i] (s[i] == '{'): the index
 * of its closing brace, or n when it is not closed.  A backslash escapes
 * the character after it. */
size_t coa_tex_group_end(const char *s, size_t n, size_t i);

int coa_tex_names_clean(const coa_tex_macros_t *m, const char *s, size_t n, char **out, size_t *out_len,
                        char *unknown, size_t cap);

#endif
