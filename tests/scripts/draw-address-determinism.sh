#!/usr/bin/env bash
# The same graph drawn again gives the same bytes, whatever the heap
# addresses (src/write/draw_delaunay.c).  Prism's proximity graph took its
# edges in the order of GTS's pointer hash, and the node positions moved by
# about 1e-6 points between runs: on this graph (3,000 authors, sfdp) 8 runs
# of 8 gave 8 different DOT files before the fix.  Address randomisation is
# left on, and the output names differ in length, which moves the heap too.
. tests/script-lib.sh

# a sparse SNAP edge list, the same every time: each author links to one
# of the 50 before it, and sometimes to one of the 20 before it
"$PY" - >"$tmp/g.txt" <<'EOF'
import random
r = random.Random(7)
print("# synthetic coauthor graph for tests/scripts/draw-address-determinism.sh")
for v in range(1, 3000):
    u = r.randrange(max(0, v - 50), v)
    print(f"{u}\t{v}")
    for _ in range(2):
        if r.random() < 0.4:
            w = r.randrange(max(0, v - 20), v)
            if w != u:
                print(f"{w}\t{v}")
EOF

draw() { # output
    "$COAUTHOR" draw -q "$tmp/g.txt" -o "$1" || fail "draw $(basename "$1")"
}
draw "$tmp/a.dot"
for name in bb ccccccccc ddddddddddddddddddddddddddddddddddddddddd; do
    draw "$tmp/$name.dot"
    cmp -s "$tmp/a.dot" "$tmp/$name.dot" || fail "$name.dot differs from a.dot: $(diff "$tmp/a.dot" "$tmp/$name.dot" | head -4)"
done
grep -q 'pos=' "$tmp/a.dot" || fail "a.dot has no positions"
for ext in svg pdf png; do
    draw "$tmp/a.$ext"
    draw "$tmp/bbbbbbbbbbbbbbbbbbbb.$ext"
    cmp -s "$tmp/a.$ext" "$tmp/bbbbbbbbbbbbbbbbbbbb.$ext" || fail "two $ext pictures of the same graph differ"
done
finish
