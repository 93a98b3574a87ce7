#!/usr/bin/env bash
# Issue 19, items 10-12:
#   - draw on a full disk (a 64 KB tmpfs, mounted in a private mount
#     namespace with unshare -m where we are not root already) says so,
#     exits 1, keeps the old picture and leaves no temporary file
#     (Graphviz used to exit(1) silently on the short write)
#   - the same PDF twice, a second apart, is the same bytes; with
#     SOURCE_DATE_EPOCH its CreationDate is that date
#   - a seed of 2^32 or more is refused (it collided with a smaller one)
. tests/script-lib.sh
in=data/ivan-titov.txt

"$COAUTHOR" draw -q -o "$tmp/a.pdf" "$in" || fail "draw a.pdf"
sleep 1.1
"$COAUTHOR" draw -q -o "$tmp/b.pdf" "$in" || fail "draw b.pdf"
cmp -s "$tmp/a.pdf" "$tmp/b.pdf" || fail "two PDFs of the same graph a second apart differ"
SOURCE_DATE_EPOCH=1700000000 "$COAUTHOR" draw -q -o "$tmp/c.pdf" "$in" || fail "draw c.pdf"
grep -aq "/CreationDate (D:20231114221320" "$tmp/c.pdf" ||
    fail "SOURCE_DATE_EPOCH not honoured: $(grep -a CreationDate "$tmp/c.pdf")"

"$COAUTHOR" rank -q --by degree --seed 4294967296 "$in" >/dev/null 2>"$tmp/err"
[ $? = 2 ] && grep -q "bad --seed '4294967296'" "$tmp/err" || fail "seed 2^32 accepted: $(cat "$tmp/err")"
"$COAUTHOR" rank -q --by degree --seed 4294967295 "$in" >/dev/null || fail "seed 2^32-1 refused"

# the full disk, in a mount namespace of our own
full_disk() { # mountpoint
    mount -t tmpfs -o size=64k coauthor-test "$1" || return 3
    echo "old picture" >"$1/net.svg"
    "$COAUTHOR" draw -q -o "$1/net.svg" "$2" 2>"$1.err"
    echo $? >"$1.status"
    cat "$1/net.svg" >"$1.after"
    ls -a "$1" >"$1.list"
    umount "$1"
}
mkdir "$tmp/small"
export -f full_disk
export COAUTHOR
if [ "$(id -u)" = 0 ]; then
    run=(bash -c 'full_disk "$@"' full_disk)
else
    run=(unshare -r -m bash -c 'full_disk "$@"' full_disk)
fi
python3 tests/data/make-pathological.py many 3000 10 >"$tmp/big.txt"
if "${run[@]}" "$tmp/small" "$tmp/big.txt" 2>/dev/null; then
    [ "$(cat "$tmp/small.status")" = 1 ] || fail "full disk: status $(cat "$tmp/small.status"), want 1"
    grep -q "cannot write $tmp/small/net.svg: No space left on device" "$tmp/small.err" ||
        fail "full disk: message: $(cat "$tmp/small.err")"
    [ "$(cat "$tmp/small.after")" = "old picture" ] || fail "full disk: the old picture was changed"
    grep -q "^\.net\.svg\." "$tmp/small.list" && fail "full disk: a temporary was left: $(cat "$tmp/small.list")"
else
    echo "note: cannot mount a tmpfs here (not root, no user namespaces); the full-disk case is not checked"
fi
finish
