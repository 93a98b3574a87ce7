#!/usr/bin/env bash
# make graphs twice gives the same DOT, SVG and GraphML bytes, and the
# pictures' labels pass tests/scripts/draw-labels-check.py.
set -e
. tests/script-lib.sh
FORMATS="dot svg" scripts/make-graphs.sh "$COAUTHOR" "$tmp/a" >"$tmp/log-a"
FORMATS="dot svg" scripts/make-graphs.sh "$COAUTHOR" "$tmp/b" >"$tmp/log-b"
n=0
for f in "$tmp"/a/*; do
    cmp -s "$f" "$tmp/b/$(basename "$f")" || { echo "FAIL: $(basename "$f") differs between two runs"; exit 1; }
    n=$((n + 1))
done
[ "$n" -ge 6 ] || { echo "FAIL: only $n files"; cat "$tmp/log-a"; exit 1; }
# 237: Hàn Thế Thành, written \Thanh (tugboat.def's macro) on 12 papers, is one author, and
# spellings of one person with a shared coauthor or a rare name are merged on evidence
# (Don Knuth, Donald Knuth and Donald E. Knuth are one author)
grep -q 'tugboat.svg: drew 237 authors and 1307 links' "$tmp/log-a" || { echo "FAIL: TUGboat picture"; cat "$tmp/log-a"; exit 1; }
grep -q 'none overlapping' "$tmp/log-a" || { echo "FAIL: labels"; exit 1; }
if grep -q 'some overlapping' "$tmp/log-a"; then echo "FAIL: overlapping labels"; cat "$tmp/log-a"; exit 1; fi
# every picture of graphs/ labels its 5 largest authors, each label beside
# its node or joined to it by a leader line
for f in "$tmp"/a/*.dot; do
    /usr/bin/python3 tests/scripts/draw-labels-check.py "$f" >/dev/null || { echo "FAIL: labels of $(basename "$f")"; exit 1; }
done
echo "ok: $n files identical"
