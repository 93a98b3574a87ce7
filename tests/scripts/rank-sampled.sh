#!/usr/bin/env bash
# Sampled betweenness on CA-GrQc (5,242 authors) against the exact values:
# the estimate from 1,000 seeded sources finds most of the exact top 10,
# the same seed gives the same bytes, and another seed another sample.
set -e
. tests/script-lib.sh
need_shared snap/CA-GrQc.txt
"$COAUTHOR" rank -q --tsv --by betweenness --exact "$SHARED/snap/CA-GrQc.txt" >"$tmp/exact.tsv"
"$COAUTHOR" rank -q --tsv --by betweenness --sample 1000 "$SHARED/snap/CA-GrQc.txt" >"$tmp/a.tsv"
"$COAUTHOR" rank -q --tsv --by betweenness --sample 1000 "$SHARED/snap/CA-GrQc.txt" >"$tmp/b.tsv"
"$COAUTHOR" rank -q --tsv --by betweenness --sample 1000 --seed 2 "$SHARED/snap/CA-GrQc.txt" >"$tmp/c.tsv"
cmp -s "$tmp/a.tsv" "$tmp/b.tsv" || { echo "FAIL: the same seed gave different output"; exit 1; }
cmp -s "$tmp/a.tsv" "$tmp/c.tsv" && { echo "FAIL: another seed gave the same output"; exit 1; }
top() { sed -n '2,11p' "$1" | cut -f2 | sort; }
common=$(comm -12 <(top "$tmp/exact.tsv") <(top "$tmp/a.tsv") | wc -l)
echo "exact top 10 found in the estimated top 10: $common"
[ "$common" -ge 7 ] || { echo "FAIL: expected at least 7"; exit 1; }
# the estimate is on the scale of the exact values: the top score within 20%
python3 - "$tmp/exact.tsv" "$tmp/a.tsv" <<'PYEOF'
import sys
top = [float(open(p).readlines()[1].split("\t")[2]) for p in sys.argv[1:]]
print(f"top score: exact {top[0]:.1f}, estimated {top[1]:.1f}")
sys.exit(0 if abs(top[1] - top[0]) <= 0.2 * top[0] else 1)
PYEOF
