# TeX in author names: a @Preamble macro expanded (\Thanh), boxes keep
# their text (\rlap), accent stacks decoded (Thế, Nguyễn, Ngồ), font
# switches dropped; a macro nothing defines is reported at its line.  The
# fast path and bibutils read the same names (check mode finds no
# difference).
coauthor rank --by papers tests/data/bibtex/tex-names.bib
COAUTHOR_BIBTEX_CHECK=1 coauthor stats -q tests/data/bibtex/tex-names.bib 2>&1 >/dev/null | grep -c 'differ in'; true
