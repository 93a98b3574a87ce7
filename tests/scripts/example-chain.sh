#!/usr/bin/env bash
# The example program of the library (tests/example/chain.c) loads a
# corpus through coa_load and finds a chain through a coa_view_t: on a
# database's index and on a file read and built into a graph, its chain,
# length and count of shortest chains must be the first two lines that
# 'coauthor path' prints for the same query.
. tests/script-lib.sh
need_shared acl/acl-main-2015-2021.bib.gz
example=$(dirname "$COAUTHOR")/tests/example_chain
[ -x "$example" ] || { echo "FAIL: $example not built (make unit-tests)"; exit 1; }
"$COAUTHOR" import -q data/ivan-titov.txt -o "$tmp/profile.db" || exit 1
fail=0
check() { # input, from, to
    "$example" "$1" "$2" "$3" >"$tmp/example.out" 2>&1
    local es=$?
    "$COAUTHOR" path -q --from "$2" --to "$3" "$1" >"$tmp/path.out" 2>/dev/null
    local ps=$?
    if [ "$es" != "$ps" ]; then
        echo "FAIL: $1 '$2' -> '$3': example exits $es, coauthor path $ps"
        fail=1
    elif [ "$es" = 0 ] && ! diff <(head -2 "$tmp/example.out") <(head -2 "$tmp/path.out"); then
        echo "FAIL: $1 '$2' -> '$3': the example's chain differs from coauthor path's"
        fail=1
    fi
}
for input in "$tmp/profile.db" data/ivan-titov.txt; do
    check "$input" "Zihan Qiu" "Verna Dankers"
    check "$input" "Ivan Titov" "Mirella Lapata"
    check "$input" "Alexandra Birch" "Alexander Koller"
    check "$input" "Zihan Qiu" "Nobody At All"
done
# longer chains on ACL, through its index and through its graph
"$COAUTHOR" import -q "$SHARED/acl/acl-main-2015-2021.bib.gz" -o "$tmp/acl.db" || exit 1
for input in "$tmp/acl.db" "$SHARED/acl/acl-main-2015-2021.bib.gz"; do
    check "$input" "Ivan Titov" "Christopher D. Manning"
    check "$input" "Mirella Lapata" "Yoav Goldberg"
done
[ -f "$tmp/profile.db.idx" ] || { echo "FAIL: no index beside the database"; fail=1; }
exit $fail
