#!/usr/bin/env bash
# coauthor draw's labels, read from the laid-out DOT by
# tests/scripts/draw-labels-check.py: the 5 largest authors labelled, every
# label within one label height of its node or joined to it by a leader
# line, no label over another or over a labelled node.  On the profile, the
# real exports the readers read, Beebe's TUGboat bibliography, the largest
# component of CA-GrQc (4,158 authors) and of a generated corpus (4,919
# authors), where at least 25 of the top 30 labels must be placed (before
# this check existed: 15 and 0).
set -e
. tests/script-lib.sh
need_shared realworld/wos-brunalab-savedrecs.txt realworld/scholar-gepetto.bib \
    realworld/bibtex_latin1_Akronix_pmctrack-memoria_bibliografia.bib \
    realworld/csljson_zotero_kishkash555_My_Library.json snap/CA-GrQc.txt
check() { # name, at-least, then coauthor draw arguments
    local name=$1 least=$2
    shift 2
    "$COAUTHOR" draw -q "$@" -o "$tmp/$name.dot" || { echo "FAIL: $name: draw failed"; exit 1; }
    printf '%s: ' "$name"
    "$PY" tests/scripts/draw-labels-check.py "$tmp/$name.dot" --placed-at-least "$least" ||
        { echo "FAIL: $name"; exit 1; }
}
check profile 40 data/ivan-titov.txt
check profile-year 40 --colour-by year data/ivan-titov.txt
check profile-chain 3 data/ivan-titov.txt --highlight-path 'Karim Galliamov' 'Biao Zhang' --radius 0
for f in wos-brunalab-savedrecs.txt scholar-gepetto.bib bibtex_latin1_Akronix_pmctrack-memoria_bibliografia.bib \
    csljson_zotero_kishkash555_My_Library.json; do
    check "$f" 5 "$SHARED/realworld/$f"
done
tugboat=/usr/share/texlive/texmf-dist/bibtex/bib/beebe/tugboat.bib
[ -e "$tugboat" ] && check tugboat 25 "$tugboat"
check ca-grqc 25 "$SHARED/snap/CA-GrQc.txt"
"$PY" scripts/gen-corpus.py --papers 4350 --seed 1 --formats bib -o "$tmp/gen" >/dev/null 2>&1
check generated-4919 25 "$tmp/gen.bib"
echo ok
