#!/usr/bin/env bash
# PageRank gives the same bytes on every run.  Debian's igraph sums PRPACK's
# iterations in OpenMP threads, whose order changed the 15th digit of some
# ACL scores in one run of three; the library runs the call in one thread.
# Five runs on the ACL Anthology (16k authors) must agree byte for byte.
set -e
. tests/script-lib.sh
need_shared acl/acl-main-2015-2021.bib.gz
"$COAUTHOR" rank -q --by pagerank --tsv "$SHARED/acl/acl-main-2015-2021.bib.gz" >"$tmp/first"
for i in 2 3 4 5; do
    "$COAUTHOR" rank -q --by pagerank --tsv "$SHARED/acl/acl-main-2015-2021.bib.gz" >"$tmp/run"
    cmp -s "$tmp/first" "$tmp/run" || { echo "FAIL: run $i of rank --by pagerank differs from the first"; diff "$tmp/first" "$tmp/run" | head -5; exit 1; }
done
echo "ok: 5 runs of rank --by pagerank, the same bytes"
