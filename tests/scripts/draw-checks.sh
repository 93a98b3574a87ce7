#!/usr/bin/env bash
# coauthor draw: the same picture twice (DOT and SVG byte for byte), every
# author and link drawn with its tooltip, labels placed without overlap,
# a PNG of the promised size, and a highlighted chain.
set -e
. tests/script-lib.sh
fail() { echo "FAIL: $*"; exit 1; }

in=data/ivan-titov.txt
for run in 1 2; do
    "$COAUTHOR" draw "$in" -o "$tmp/t$run.svg" 2>"$tmp/err$run"
    "$COAUTHOR" draw -q "$in" -o "$tmp/t$run.dot"
done
cmp -s "$tmp/t1.svg" "$tmp/t2.svg" || fail "two runs gave different SVG"
cmp -s "$tmp/t1.dot" "$tmp/t2.dot" || fail "two runs gave different DOT"
grep -q 'drew 67 authors and 131 links with neato' "$tmp/err1" || fail "summary: $(cat "$tmp/err1")"
grep -q '40 of 40 labels placed (5 of the 5 always shown), none overlapping' "$tmp/err1" || fail "labels: $(cat "$tmp/err1")"
[ "$(grep -c 'class="node"' "$tmp/t1.svg")" = 67 ] || fail "SVG nodes"
[ "$(grep -c 'class="edge"' "$tmp/t1.svg")" = 131 ] || fail "SVG edges"
grep -q 'xlink:title="Ivan Titov: 50 papers"' "$tmp/t1.svg" || fail "node tooltip"
grep -q 'xlink:title="Ivan Titov and Zeyu Huang: 7 joint papers' "$tmp/t1.svg" || fail "edge tooltip"
grep -q 'Coauthor network of Ivan Titov' "$tmp/t1.svg" || fail "title"
grep -q 'Data: ivan&#45;titov.txt (profile, 50 records)' "$tmp/t1.svg" || fail "data source"
# the laid-out DOT renders as it is
dot -Kneato -n2 -Tsvg "$tmp/t1.dot" -o "$tmp/again.svg" 2>/dev/null || fail "the laid-out DOT does not render"

# PNG: decoded size within the promised bounds (never compare PNG bytes)
"$COAUTHOR" draw -q "$in" --dpi 72 --inches 8 -o "$tmp/t.png"
"$PY" - "$tmp/t.png" <<'PY' || fail "PNG size"
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
w, h = struct.unpack(">II", data[16:24])
assert max(w, h) <= 8 * 72 + 2 and min(w, h) > 200, (w, h)
PY

# a highlighted chain with its neighbourhood
"$COAUTHOR" draw "$in" --highlight-path 'Karim Galliamov' 'Biao Zhang' --radius 0 -o "$tmp/chain.svg" 2>"$tmp/err"
grep -q 'chain: Karim Galliamov - Ivan Titov - Biao Zhang' "$tmp/err" || fail "chain: $(cat "$tmp/err")"
grep -q 'drew 3 authors and 2 links' "$tmp/err" || fail "radius 0 keeps the chain: $(cat "$tmp/err")"
[ "$(grep -c 'stroke="#d00000"' "$tmp/chain.svg")" -ge 4 ] || fail "chain colour"

# every engine lays the profile out
for engine in neato fdp sfdp circo twopi; do
    "$COAUTHOR" draw -q "$in" --engine "$engine" -o "$tmp/$engine.svg" || fail "engine $engine"
    [ "$(grep -c 'class="node"' "$tmp/$engine.svg")" = 67 ] || fail "engine $engine nodes"
done

# --top keeps the authors with the most papers
"$COAUTHOR" draw "$in" --top 10 -o "$tmp/top.svg" 2>"$tmp/err"
grep -q 'drew 10 authors' "$tmp/err" || fail "top: $(cat "$tmp/err")"
echo ok
