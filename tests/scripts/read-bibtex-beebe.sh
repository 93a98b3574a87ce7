#!/usr/bin/env bash
# Beebe's bibliographies: every entry that has an author field becomes a
# paper (counted independently here with grep), the entries without one
# (editors only) are the only ones skipped, and the undefined @String
# macros are reported at their lines.
cd "$(dirname "$0")/../.."
. tests/script-lib.sh
need_shared bibtex/epodd.bib bibtex/serif.bib bibtex/texgraph.bib bibtex/typeset.bib acl/acl-main-2015-2021.bib.gz
status=0
for f in "$SHARED"/bibtex/{epodd,serif,texgraph,typeset}.bib; do
    want=$(grep -ciE '^[[:space:]]*author[[:space:]]*=' "$f")
    entries=$(grep -iE '^[[:space:]]*@[a-z]+[[:space:]]*[{(]' "$f" | grep -civE '@(string|preamble|comment)')
    # the others have editors only: left out, counted as skipped for that reason
    none=$((entries - want))
    [ "$none" = 0 ] && skips="0 skipped" || skips="$none skipped (without authors)"
    got=$("$COAUTHOR" stats "$f" 2>/dev/null | sed -n 's/^  \([0-9]*\) records read, \(.*\)/\1, \2/p')
    if [ "$got" != "$want, $skips" ]; then
        echo "FAIL $f: $want entries with authors and $none without, read '$got'"
        status=1
    fi
done
# the first undefined macro of texgraph.bib, at its line
"$COAUTHOR" stats "$SHARED/bibtex/texgraph.bib" 2>&1 >/dev/null |
    grep -qx "coauthor: $SHARED/bibtex/texgraph.bib:633: undefined macro 'ack-bnb' in field 'acknowledgement' of entry 'Andrews:TB10-2-177-178'; kept as text" ||
    { echo "FAIL texgraph.bib: undefined macro 'ack-bnb' not reported at line 633"; status=1; }
# ACL: 11,321 entries, all with authors
n=$(gzip -dc "$SHARED/acl/acl-main-2015-2021.bib.gz" | grep -c '^@')
got=$("$COAUTHOR" stats --min-papers 1000 "$SHARED/acl/acl-main-2015-2021.bib.gz" 2>/dev/null | sed -n 's/^  \([0-9]*\) records read.*/\1/p')
[ "$n" = 11321 ] && [ "$got" = 11321 ] || { echo "FAIL acl: $n entries, $got read"; status=1; }
exit $status
