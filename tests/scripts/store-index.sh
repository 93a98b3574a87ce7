#!/usr/bin/env bash
# The index that 'coauthor import' writes beside a database (DB.idx) answers
# 'path' and 'rank --author' without reading the whole corpus, and the same
# index built in memory answers them for any input without building the
# coauthor graph; the answers must be the bytes the graph of the whole
# corpus gives.  So must 'draw --ego' through the index: the picture too.  Each query runs three ways (see same() below), and stdout,
# stderr and the exit status must agree (the search's time aside).  Queries: hand-picked cases on
# the profile (inferred authorships, the homonym, no chain, --avoid, a
# partial and an unknown name) and on ACL, then authors taken at a fixed
# stride down ACL's list by papers, so that pairs in other components,
# single-paper authors and prolific ones all come up.
. tests/script-lib.sh
need_shared acl/acl-main-2015-2021.bib.gz snap/CA-GrQc.txt
fail=0 runs=0
declare -A status_seen

"$COAUTHOR" import -q data/ivan-titov.txt -o "$tmp/profile.db" || exit 1
"$COAUTHOR" import -q "$SHARED/acl/acl-main-2015-2021.bib.gz" -o "$tmp/acl.db" || exit 1
for db in profile acl; do
    [ -f "$tmp/$db.db.idx" ] || { echo "FAIL: import wrote no $db.db.idx"; exit 1; }
done

# runs a query three ways and compares: through the database's index,
# through an index built in memory (the index moved away), and through the
# coauthor graph of the whole corpus (--max-authors 1000 is the default
# limit, but any selection option takes the graph route)
same() {
    local db=$1
    shift
    "$COAUTHOR" "$@" "$db" >"$tmp/fast.out" 2>"$tmp/fast.err"
    echo "exit $?" >>"$tmp/fast.out"
    mv "$db.idx" "$tmp/idx"
    "$COAUTHOR" "$@" "$db" >"$tmp/mem.out" 2>"$tmp/mem.err"
    echo "exit $?" >>"$tmp/mem.out"
    "$COAUTHOR" "$@" --max-authors 1000 "$db" >"$tmp/full.out" 2>"$tmp/full.err"
    echo "exit $?" >>"$tmp/full.out"
    mv "$tmp/idx" "$db.idx"
    sed -i 's/ in [0-9.]* ms$//' "$tmp/fast.err" "$tmp/mem.err" "$tmp/full.err"
    # the graph route was given a selection option, which a missing chain mentions
    sed -i 's/ (in this selection)$//' "$tmp/fast.err" "$tmp/mem.err" "$tmp/full.err"
    runs=$((runs + 1))
    status_seen[$(tail -1 "$tmp/fast.out" | cut -d" " -f2)]=1
    local way
    for way in fast mem; do
        if ! cmp -s "$tmp/$way.out" "$tmp/full.out" || ! cmp -s "$tmp/$way.err" "$tmp/full.err"; then
            fail=$((fail + 1))
            echo "FAIL ($way): $* $(basename "$db")"
            diff "$tmp/full.out" "$tmp/$way.out" | head -8
            diff "$tmp/full.err" "$tmp/$way.err" | head -4
        fi
    done
}

# an input file rather than a database: the index built in memory against
# the graph route; CA-GrQc is an edge list, which the index does not serve
# (the inputs, once read, go the graph route without being read again)
same_file() {
    "$COAUTHOR" "$@" >"$tmp/mem.out" 2>"$tmp/mem.err"
    echo "exit $?" >>"$tmp/mem.out"
    "$COAUTHOR" "$1" --max-authors 1000 "${@:2}" >"$tmp/full.out" 2>"$tmp/full.err"
    echo "exit $?" >>"$tmp/full.out"
    sed -i -e 's/ in [0-9.]* ms$//' -e 's/ (in this selection)$//' "$tmp/mem.err" "$tmp/full.err"
    runs=$((runs + 1))
    if ! cmp -s "$tmp/mem.out" "$tmp/full.out" || ! cmp -s "$tmp/mem.err" "$tmp/full.err"; then
        fail=$((fail + 1))
        echo "FAIL (file): $*"
        diff "$tmp/full.out" "$tmp/mem.out" | head -8
        diff "$tmp/full.err" "$tmp/mem.err" | head -4
    fi
}
# 'draw --ego' through the database's index against the whole corpus read
# (the index moved away): the same picture, bytes and messages
same_draw() {
    local db=$1
    shift
    "$COAUTHOR" draw "$@" "$db" -o "$tmp/fast.svg" >"$tmp/fast.out" 2>"$tmp/fast.err"
    echo "exit $?" >>"$tmp/fast.out"
    mv "$db.idx" "$tmp/idx"
    "$COAUTHOR" draw "$@" "$db" -o "$tmp/full.svg" >"$tmp/full.out" 2>"$tmp/full.err"
    echo "exit $?" >>"$tmp/full.out"
    mv "$tmp/idx" "$db.idx"
    sed -i 's/ in [0-9.]* s;/;/' "$tmp/fast.err" "$tmp/full.err"
    runs=$((runs + 1))
    if ! cmp -s "$tmp/fast.out" "$tmp/full.out" || ! cmp -s "$tmp/fast.err" "$tmp/full.err" ||
        { [ -f "$tmp/full.svg" ] && ! cmp -s "$tmp/fast.svg" "$tmp/full.svg"; }; then
        fail=$((fail + 1))
        echo "FAIL (draw): $* $(basename "$db")"
        diff "$tmp/full.err" "$tmp/fast.err" | head -4
    fi
    rm -f "$tmp/fast.svg" "$tmp/full.svg"
}

# a paper of 1,100 authors, which the default selection leaves out
{
    printf '@article{big, title={Huge}, year=2020, author={'
    for i in $(seq 1 1100); do printf 'Person%d Name and ' "$i"; done
    printf 'Only Bigpaper and Ann Solo}}\n@article{x, author={Ann Solo and Bo Pal}, title={Small}, year=2021}\n'
} >"$tmp/huge.bib"
"$COAUTHOR" import -q "$tmp/huge.bib" -o "$tmp/huge.db" || exit 1
same_file rank --author "Only Bigpaper" "$tmp/huge.bib"
same_file path --from "Bo Pal" --to "Only Bigpaper" "$tmp/huge.bib"
same "$tmp/huge.db" rank --author "Ann Solo" --papers
same "$tmp/huge.db" path --from "Ann Solo" --to "Bo Pal"
same_file path --from "Zihan Qiu" --to "Verna Dankers" --all --search-stats data/ivan-titov.txt
same_file rank --author "Ivan Titov" --papers data/ivan-titov.txt
same_file path --from "Ivan Titov" --to "Christopher D. Manning" --json "$SHARED/acl/acl-main-2015-2021.bib.gz"
same_file path --from 3466 --to 10243 --all --search-stats "$SHARED/snap/CA-GrQc.txt"
same_file rank --author 3466 "$SHARED/snap/CA-GrQc.txt"

p=$tmp/profile.db
same "$p" path --from "Zihan Qiu" --to "Verna Dankers" --search-stats
same "$p" path --from "George Barmpalias" --to "Verna Dankers" --all --json
same "$p" path --from "Nan Fang" --to "Ivan Titov" --tsv
same "$p" path --from "Zihan Qiu" --to "Verna Dankers" --avoid "Ivan Titov"
same "$p" path --from "Zihan Qiu" --to "Zihan Qiu"
same "$p" path --from "Qiu" --to "Nobody Atall"
same "$p" rank --author "Ivan Titov"
same "$p" rank --author "Titov" --papers
same "$p" rank --author "Zeyu Huang" --json
same "$p" rank --author "George Barmpalias" --by fractional --csv
same_draw "$p" --ego "Ivan Titov"
same_draw "$p" --ego "Zihan Qiu" --radius 2 --colour-by community
same_draw "$p" --ego "Titov" --radius 0
same_draw "$p" --ego "Nobody Atall"
same_draw "$tmp/huge.db" --ego "Ann Solo" --radius 2
same_draw "$tmp/huge.db" --ego "Person7 Name"

a=$tmp/acl.db
same "$a" path --from "Ivan Titov" --to "Christopher D. Manning" --all --search-stats
same "$a" path --from "Mirella Lapata" --to "Noah A. Smith" --json
same "$a" path --from "Titov" --to "Manning"
same "$a" rank --author "Christopher D. Manning" --papers --tsv
same "$a" rank --author "Titvo"
same_draw "$a" --ego "Ivan Titov" --labels 10
same_draw "$a" --ego "Mirella Lapata" --radius 2 --max-nodes 300 --size-by degree

# authors at a stride down the list by papers
"$COAUTHOR" rank -q --by papers --tsv "$a" | tail -n +2 | cut -f2 | awk 'NR % 797 == 3' >"$tmp/names"
mapfile -t names <"$tmp/names"
n=${#names[@]}
[ "$n" -ge 15 ] || { echo "FAIL: only $n sample authors"; exit 1; }
for ((i = 0; i < n; i++)); do
    j=$(((i * 7 + 5) % n))
    same "$a" path --from "${names[$i]}" --to "${names[$j]}" --all --limit 5 --search-stats
    ((i % 2 == 0)) && same "$a" rank --author "${names[$i]}" --json
done
for s in 0 2 3; do [ -n "${status_seen[$s]:-}" ] || { echo "FAIL: no query ended with status $s"; fail=$((fail + 1)); }; done
echo "$runs queries, $fail differ"
[ "$fail" -eq 0 ]
