#!/usr/bin/env bash
# Output failures through the real program (coauthor export -o), each
# checked for: exit status, the existing target left exactly as it was, and
# no temporary '.NAME.XXXXXX' left beside it.
#   - a file size limit (ulimit -f): write(2) fails with EFBIG (the program
#     ignores SIGXFSZ), status 1
#   - a full disk: a 64 KB tmpfs, where the machine lets us mount one
#     (skipped with a note otherwise; the size limit covers the same path)
#   - an unwritable directory (/proc) and a missing directory: status 1
#     (output not written, as the README and --help say), found before the
#     inputs are read, since draw and export open their outputs first
#   - SIGTERM and SIGHUP while the output is being written: the program
#     removes its temporary file and dies of the signal (SIGINT is tested in
#     tests/unit/test_outfile.c: a background job here has it ignored)
. tests/script-lib.sh
mnt=
cleanup() {
    [ -n "$mnt" ] && umount "$mnt" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# 50,000 authors, 5,000 papers: about 50 MB of GraphML, written over a
# good fraction of a second
python3 tests/data/make-pathological.py many 50000 10 >"$tmp/in.txt"

temporaries() { compgen -G "$1/.*.graphml.*" >/dev/null; }

check_intact() { # what target
    [ "$(cat "$2")" = "old graph" ] || fail "$1: the existing output was changed"
    temporaries "$(dirname "$2")" && fail "$1: a temporary file was left: $(ls -a "$(dirname "$2")")"
}

# file size limit
echo "old graph" >"$tmp/out.graphml"
(ulimit -f 1000; "$COAUTHOR" export -q -o "$tmp/out.graphml" "$tmp/in.txt") 2>"$tmp/err"
status=$?
[ $status = 1 ] || fail "size limit: status $status, want 1"
grep -q "cannot write $tmp/out.graphml: File too large" "$tmp/err" ||
    fail "size limit: the message does not name the file and the reason: $(cat "$tmp/err")"
check_intact "size limit" "$tmp/out.graphml"

# a real full disk
mkdir "$tmp/small"
if mount -t tmpfs -o size=64k coauthor-test "$tmp/small" 2>/dev/null; then
    mnt="$tmp/small"
    echo "old graph" >"$mnt/out.graphml"
    "$COAUTHOR" export -q -o "$mnt/out.graphml" "$tmp/in.txt" 2>"$tmp/err"
    status=$?
    [ $status = 1 ] || fail "full disk: status $status, want 1"
    grep -q "cannot write $mnt/out.graphml: No space left on device" "$tmp/err" ||
        fail "full disk: the message does not name the file and the reason: $(cat "$tmp/err")"
    check_intact "full disk" "$mnt/out.graphml"
    umount "$mnt" && mnt=
else
    echo "note: cannot mount a tmpfs here; the full-disk case is covered by the size limit"
fi

# unwritable and missing directories
"$COAUTHOR" export -q -o /proc/coauthor-test.graphml data/ivan-titov.txt 2>"$tmp/err"
status=$?
[ $status = 1 ] || fail "/proc: status $status, want 1"
grep -q "/proc/coauthor-test.graphml" "$tmp/err" || fail "/proc: message does not name the file: $(cat "$tmp/err")"
"$COAUTHOR" export -q -o "$tmp/no-such-dir/out.graphml" data/ivan-titov.txt 2>"$tmp/err"
status=$?
[ $status = 1 ] || fail "missing directory: status $status, want 1"

# interrupted while writing
for sig in TERM HUP; do
    echo "old graph" >"$tmp/out.graphml"
    "$COAUTHOR" export -q -o "$tmp/out.graphml" "$tmp/in.txt" 2>/dev/null &
    pid=$!
    seen=0
    for _ in $(seq 1 3000); do
        if temporaries "$tmp"; then
            seen=1
            break
        fi
        sleep 0.002
    done
    kill -s $sig $pid 2>/dev/null
    wait $pid 2>/dev/null
    status=$?
    if [ $seen = 0 ]; then
        fail "SIG$sig: the temporary output never appeared"
        continue
    fi
    want=$((128 + $(kill -l $sig)))
    [ $status = $want ] || fail "SIG$sig: status $status, want $want"
    check_intact "SIG$sig" "$tmp/out.graphml"
done

finish
