#!/usr/bin/env bash
# coauthor communities on Ivan Titov's profile listing with the owner left
# out (--avoid): Zeyu Huang and Zihan Qiu share a community whatever the
# method, and the exact optimum, Q = 0.8519 with joint-paper weights, is
# found within seconds (the graph falls apart into small components, which
# are solved one at a time).
set -e
. tests/script-lib.sh
fail=0
for m in leiden louvain fastgreedy walktrap labelprop infomap optimal; do
    "$COAUTHOR" communities -q --tsv --method $m --avoid "Ivan Titov" data/ivan-titov.txt >"$tmp/$m.tsv"
    a=$(awk -F'\t' '$1 == "Zeyu Huang" {print $2}' "$tmp/$m.tsv")
    b=$(awk -F'\t' '$1 == "Zihan Qiu" {print $2}' "$tmp/$m.tsv")
    if [ -z "$a" ] || [ "$a" != "$b" ]; then
        echo "FAIL: $m puts Zeyu Huang in '$a' and Zihan Qiu in '$b'"
        fail=1
    fi
    if grep -q '^Ivan Titov	' "$tmp/$m.tsv"; then
        echo "FAIL: $m lists the avoided owner"
        fail=1
    fi
done
start=$(date +%s.%N)
"$COAUTHOR" communities -q --json --method optimal --avoid "Ivan Titov" data/ivan-titov.txt >"$tmp/opt.json"
end=$(date +%s.%N)
q=$(sed -n 's/^  "modularity": \([0-9.]*\),$/\1/p' "$tmp/opt.json")
q4=$(awk -v q="$q" 'BEGIN {printf "%.4f", q}')
[ "$q4" = 0.8519 ] || { echo "FAIL: optimal Q is '$q', expected 0.8519"; fail=1; }
secs=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')
if awk -v s="$secs" 'BEGIN {exit !(s > 10)}'; then
    echo "FAIL: the optimum took $secs s"
    fail=1
fi
# with the owner in, the largest component has 67 authors: refused (exit 2)
set +e
"$COAUTHOR" communities -q --method optimal data/ivan-titov.txt >/dev/null 2>"$tmp/err"
status=$?
set -e
[ $status = 2 ] || { echo "FAIL: the size guard exited $status"; fail=1; }
grep -q "largest here has 67" "$tmp/err" || { echo "FAIL: the size guard message"; cat "$tmp/err"; fail=1; }
exit $fail
