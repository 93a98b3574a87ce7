#!/usr/bin/env bash
# The DBLP-scale measurement of scripts/bench/README.md: a synthetic corpus
# of 7M papers (scripts/gen-corpus.py, cached in bench-out/), imported once
# into a database, then the queries a user runs on it, each end to end in
# a fresh process under /usr/bin/time, three times (the first may find the
# database's index partly outside the page cache): a chain, one author's
# coauthors and the picture around an author; and stats once.
#
#   make bench-dblp                       # 7,000,000 papers
#   make bench-dblp DBLP_PAPERS=1000000   # smaller, for a quick look
#
# Needs about 10 GB of disk in bench-out/ (XML 2.8 GB, database 2.8 GB,
# index 3.0 GB) and 5 GB of memory; generating the corpus takes about 8
# minutes, the import about 1.5.
set -eu
build=${1:-build}
papers=${DBLP_PAPERS:-7000000}
out=bench-out
prefix=$out/corpus-$papers-s1
coauthor=$build/coauthor
mkdir -p "$out"
if [ ! -f "$prefix.xml" ] || [ ! -f "$prefix.meta.json" ]; then
    echo "dblp-scale: generating $papers papers into $prefix.xml" >&2
    /usr/bin/python3 scripts/gen-corpus.py --papers "$papers" --seed 1 --formats xml -o "$prefix"
fi
meta() { /usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$prefix.meta.json" "$1"; }
from=$(meta path_from) to=$(meta path_to) author=$(meta rank_author) ego=$(meta ego_author)
timed() { # label, command...
    local label=$1
    shift
    if ! /usr/bin/time -f '%e %U %S %M' -o "$out/dblp-scale.time" "$@" >/dev/null 2>"$out/dblp-scale.err"; then
        echo "dblp-scale: $label failed:" >&2
        cat "$out/dblp-scale.err" >&2
        exit 1
    fi
    set -- $(tail -1 "$out/dblp-scale.time")
    printf '%-24s %8.2f s %8.2f s %8.2f s %8d MB\n' "$label" "$1" "$2" "$3" "$(($4 / 1024))"
}
echo "coauthor at DBLP scale, $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $prefix.xml ($(($(stat -c %s "$prefix.xml") / 1000000)) MB), $papers papers"
printf '%-24s %10s %10s %10s %11s\n' step wall user sys "peak RSS"
timed "import" "$coauthor" import -q "$prefix.xml" -o "$prefix.db"
echo "database $(($(stat -c %s "$prefix.db") / 1000000)) MB, index $(($(stat -c %s "$prefix.db.idx") / 1000000)) MB"
for i in 1 2 3; do
    timed "path ($i)" "$coauthor" path -q --from "$from" --to "$to" "$prefix.db"
    timed "rank --author ($i)" "$coauthor" rank -q --author "$author" "$prefix.db"
    timed "draw --ego ($i)" "$coauthor" draw -q --ego "$ego" "$prefix.db" -o "$out/dblp-scale-ego.svg"
done
"$coauthor" path -q --search-stats --from "$from" --to "$to" "$prefix.db" 2>&1 >/dev/null | sed 's/^/path: /'
# stats from the index: exact counts, sampled clustering and distances
timed "stats" "$coauthor" stats -q "$prefix.db"
"$coauthor" stats -q "$prefix.db" | grep -E "triangles|transitivity|average clustering|mean distance|diameter" |
    sed 's/^/stats: /'
# the search in-process, on the index alone (bench-out/inproc, built by make bench)
if [ -x "$out/inproc" ] && "$out/inproc" --index "$from" "$to" "$prefix.db" >"$out/dblp-scale.inproc" 2>/dev/null; then
    tr '\n' ' ' <"$out/dblp-scale.inproc" | sed 's/^/in-process chain search: /'
    echo
fi
echo "(peak RSS counts the pages of the mapped index that a query touched: page cache, shared, not allocated)"
