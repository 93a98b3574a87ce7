#!/usr/bin/env bash
# The BibTeX fast path (src/read/bibtex_fast.c) reads plain entries without
# bibutils and must give exactly what bibutils gives.  For the real ACL
# file, Beebe's bibliographies, the defects file, the fast path's own edge
# cases and a synthetic DBLP-like corpus:
#   - check mode (COAUTHOR_BIBTEX_CHECK=1, bibutils reads every entry too)
#     finds no entry where the two differ;
#   - the bipartite GraphML export (every paper's title, venue, year, DOI,
#     key and authors) and the diagnostics are byte for byte those of a run
#     with the fast path off (COAUTHOR_BIBTEX_FAST=0);
#   - the fast path really reads what it should: the counts of entries read
#     each way are fixed.
set -e
. tests/script-lib.sh
need_shared acl/acl-main-2015-2021.bib.gz bibtex/serif.bib
fail=0
/usr/bin/python3 scripts/gen-corpus.py --papers 3000 --seed 7 --formats bib -o "$tmp/synthetic" >/dev/null 2>&1
FAST_CHECK=COAUTHOR_BIBTEX_CHECK FAST_OFF=COAUTHOR_BIBTEX_FAST FAST_UNITS=entries FAST_SLOW=bibutils FAST_ALONE='bibutils'
FAST_COUNTS='s/.*the fast path read \([0-9]*\) entr.*bibutils alone \([0-9]*\)$/\1 \2/p'
. tests/fast-path.sh
check() { fast_path_check "$@"; }
check "$SHARED/acl/acl-main-2015-2021.bib.gz" 11196 125
check tests/data/bibtex/fast-path.bib 6 12
check tests/data/bibtex/fast-path-initials.bib 13 3
check tests/data/bibtex/defects.bib 0 6
check "$SHARED/bibtex/serif.bib" 0 67
check "$tmp/synthetic.bib" 3000 0
exit $fail
