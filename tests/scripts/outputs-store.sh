#!/usr/bin/env bash
# Issue 19: outputs never damage an input or a device, and the database is
# written safely.  Each case is checked through the real program:
#   - an output that is one of the inputs (import, export, draw, names
#     --write-aliases) is refused with status 1 and the input is unchanged;
#     'import DB -o DB' (rewriting a database from itself) still works
#   - a socket as output is refused ("not a regular file")
#   - a character device is written in place (a private node made with
#     mknod, never the machine's /dev/null; needs root: said when skipped),
#     and a symlink to /proc/self/fd/1 (what /dev/stdout is) writes the
#     file standard output goes to, leaving the link a link
#   - an existing output keeps its mode (export, draw, import)
#   - a temporary left by a killed run (its PID gone) is removed by the next
#     run on that target, one of a live process is kept; a planted symlink
#     under a leftover's name is removed, never followed; the index's
#     temporary is created with O_EXCL (strace)
#   - TERM, HUP and INT during an import leave no temporary and the old
#     database intact
#   - two 'import --append' at once, five times: no update is lost
#   - a database changed behind its index: the index is called stale and
#     not used; a truncated database is called truncated
#   - 'import -o DIR' and an unwritable -o fail with status 1 before any
#     input is read
. tests/script-lib.sh
py=/usr/bin/python3
in=data/ivan-titov.txt

# --- an output that is an input ---
cp "$in" "$tmp/a.txt"
for cmd in "import -o $tmp/a.txt" "export --to json -o $tmp/a.txt" "draw -T dot -o $tmp/a.txt" \
    "names --write-aliases $tmp/a.txt"; do
    $COAUTHOR $cmd -q "$tmp/a.txt" >/dev/null 2>"$tmp/err"
    status=$?
    [ $status = 1 ] || fail "'$cmd': status $status, want 1"
    grep -q "is also an input" "$tmp/err" || fail "'$cmd': message: $(cat "$tmp/err")"
    cmp -s "$in" "$tmp/a.txt" || { fail "'$cmd' changed its input"; cp "$in" "$tmp/a.txt"; }
done
ln -s a.txt "$tmp/link.txt"
$COAUTHOR export -q --to json -o "$tmp/link.txt" "$tmp/a.txt" 2>"$tmp/err"
[ $? = 1 ] && grep -q "is the input" "$tmp/err" || fail "an output linked to an input: $(cat "$tmp/err")"
cmp -s "$in" "$tmp/a.txt" || fail "an output linked to the input changed it"
$COAUTHOR import -q -o "$tmp/db" "$tmp/a.txt" || fail "import"
$COAUTHOR import -q -o "$tmp/db" "$tmp/db" || fail "'import DB -o DB' was refused"

# --- devices and links to them ---
if [ "$(id -u)" = 0 ] && mknod "$tmp/null" c 1 3 2>/dev/null; then
    $COAUTHOR import -q -o "$tmp/null" "$tmp/a.txt" || fail "import -o a device: status $?"
    $COAUTHOR export -q --to json -o "$tmp/null" "$tmp/a.txt" || fail "export -o a device: status $?"
    [ -c "$tmp/null" ] || fail "the device was replaced: $(ls -l "$tmp/null")"
    [ -e "$tmp/null.idx" ] && fail "an index was left beside a device"
else
    echo "note: not root or no mknod here; the device case is not checked"
fi
ln -s /proc/self/fd/1 "$tmp/stdout"
$COAUTHOR export -q --to json -o "$tmp/stdout" "$tmp/a.txt" >"$tmp/f.json" || fail "export -o stdout link"
[ -L "$tmp/stdout" ] || fail "the /proc/self/fd/1 link was replaced"
grep -q '"nodes"' "$tmp/f.json" || fail "export -o /dev/stdout > f.json: f.json holds $(wc -c <"$tmp/f.json") bytes"
n=$($COAUTHOR export -q --to json -o "$tmp/stdout" "$tmp/a.txt" | wc -c)
[ "$n" -gt 1000 ] || fail "export -o /dev/stdout into a pipe: $n bytes"
# any other file that is not a regular one (here a socket; a block device
# would be the same, but one written by mistake would be a real disk) is
# refused
/usr/bin/python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$tmp/sock"
$COAUTHOR export -q --to json -o "$tmp/sock" "$tmp/a.txt" 2>"$tmp/err"
[ $? = 1 ] && grep -q "not a regular file" "$tmp/err" || fail "a socket as output: $(cat "$tmp/err")"
$COAUTHOR import -q -o "$tmp/sock" "$tmp/a.txt" 2>"$tmp/err"
[ $? = 1 ] && grep -q "not a regular file" "$tmp/err" || fail "a socket as database: $(cat "$tmp/err")"
[ -S "$tmp/sock" ] || fail "the socket was replaced"

# --- modes ---
for cmd in "export --to json -o $tmp/m.json" "draw -T dot -o $tmp/m.dot" "import -o $tmp/m.db"; do
    target=${cmd##* }
    : >"$target"
    chmod 640 "$target"
    $COAUTHOR $cmd -q "$tmp/a.txt" >/dev/null || fail "'$cmd': status $?"
    [ "$(stat -c %a "$target")" = 640 ] || fail "'$cmd': mode $(stat -c %a "$target"), want 640"
done

# --- leftovers of killed runs, planted symlinks ---
dead=$( (sh -c 'echo $$') )  # a process that has ended
echo victim >"$tmp/victim"
ln -s victim "$tmp/.db.$dead.abcdef"
ln -s victim "$tmp/.db.idx.$dead.abcdef"
echo old >"$tmp/db.tmp-$dead"
echo live >"$tmp/.db.$$.ghijkl"
if command -v strace >/dev/null; then
    # LeakSanitizer cannot run under ptrace
    ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace -f -e trace=openat -o "$tmp/trace" $COAUTHOR import -q -o "$tmp/db" "$tmp/a.txt" || fail "import (strace)"
    grep -q "\.db\.idx\.[0-9]*\.[^\"]*\", O_RDWR|O_CREAT|O_EXCL" "$tmp/trace" ||
        fail "the index's temporary is not created with O_EXCL: $(grep idx "$tmp/trace")"
else
    echo "note: no strace here (scripts/install-deps.sh installs it); O_EXCL is not checked"
    $COAUTHOR import -q -o "$tmp/db" "$tmp/a.txt" || fail "import"
fi
[ "$(cat "$tmp/victim")" = victim ] || fail "a planted symlink was followed"
for f in ".db.$dead.abcdef" ".db.idx.$dead.abcdef" "db.tmp-$dead"; do
    [ -e "$tmp/$f" ] || [ -L "$tmp/$f" ] && fail "the leftover $f of a dead run was not removed"
done
[ -e "$tmp/.db.$$.ghijkl" ] || fail "the temporary of a live process was removed"
rm -f "$tmp/.db.$$.ghijkl"

# --- signals during an import ---
python3 tests/data/make-pathological.py many 200000 10 >"$tmp/big.txt"
for sig in TERM HUP INT; do
    cp "$tmp/db" "$tmp/sig.db"
    cp "$tmp/db.idx" "$tmp/sig.db.idx"
    env --default-signal=INT $COAUTHOR import -q -o "$tmp/sig.db" "$tmp/big.txt" 2>/dev/null &
    pid=$!
    seen=0
    for _ in $(seq 1 5000); do
        if compgen -G "$tmp/.sig.db.$pid.*" >/dev/null; then
            seen=1
            break
        fi
        sleep 0.002
    done
    kill -s $sig $pid 2>/dev/null
    wait $pid 2>/dev/null
    [ $seen = 1 ] || { fail "SIG$sig: the temporary database never appeared"; continue; }
    left=$(cd "$tmp" && ls -a | grep "^\.sig\.db\." || true)
    [ -z "$left" ] || fail "SIG$sig left temporaries: $left"
    cmp -s "$tmp/db" "$tmp/sig.db" || fail "SIG$sig changed the old database"
done

# --- concurrent appends ---
printf 'CLJan 1, 2020\n\nPaper one\n\nAnna A, Bob B\n\nAbstract.\n\n' >"$tmp/one.txt"
printf 'CLJan 1, 2020\n\nPaper two\n\nCarl C, Dora D\n\nAbstract.\n\n' >"$tmp/two.txt"
for trial in 1 2 3 4 5; do
    rm -f "$tmp/c.db" "$tmp/c.db.idx"
    $COAUTHOR import -q -o "$tmp/c.db" "$tmp/big.txt" || fail "import for the appends"
    $COAUTHOR import -q --append -o "$tmp/c.db" "$tmp/one.txt" 2>/dev/null &
    p1=$!
    $COAUTHOR import -q --append -o "$tmp/c.db" "$tmp/two.txt" 2>/dev/null &
    p2=$!
    wait $p1 || fail "trial $trial: the first append failed"
    wait $p2 || fail "trial $trial: the second append failed"
    papers=$($COAUTHOR stats -q --json "$tmp/c.db" | $py -c 'import json,sys; print(json.load(sys.stdin)["papers"])')
    [ "$papers" = 20002 ] || fail "trial $trial: $papers papers after two appends, want 20002"
done

# --- a stale index, a truncated database ---
$COAUTHOR rank -q --author "Ivan Titov" "$tmp/db" >"$tmp/before" || fail "rank"
sleep 0.01
$py -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("INSERT INTO store VALUES (?, 1)", ("touched",)); c.commit()' "$tmp/db"
$COAUTHOR rank --author "Ivan Titov" "$tmp/db" >"$tmp/after" 2>"$tmp/err" || fail "rank on a changed database"
grep -q "db.idx: the index is stale" "$tmp/err" || fail "a stale index was not reported: $(cat "$tmp/err")"
head -c 100000 "$tmp/db" >"$tmp/cut.db"
$COAUTHOR stats "$tmp/cut.db" >/dev/null 2>"$tmp/err"
[ $? = 1 ] && grep -q "cut.db: the database is truncated (100000 of its" "$tmp/err" ||
    fail "a truncated database: $(cat "$tmp/err")"

# --- paths that cannot be written fail first, with status 1 ---
mkdir "$tmp/dir"
start=$(date +%s%N)
$COAUTHOR import -o "$tmp/dir" "$tmp/big.txt" 2>"$tmp/err"
status=$?
[ $status = 1 ] || fail "import -o DIR: status $status, want 1"
grep -q "dir: cannot write the database: Is a directory" "$tmp/err" || fail "import -o DIR: $(cat "$tmp/err")"
grep -q "read " "$tmp/err" && fail "import -o DIR read its inputs first"
for cmd in "export --to json -o /proc/coauthor-test.json" "draw -T dot -o /proc/coauthor-test.dot" \
    "import -o /proc/coauthor-test.db" "names --write-aliases /proc/coauthor-test.tsv"; do
    $COAUTHOR $cmd "$tmp/big.txt" >/dev/null 2>"$tmp/err"
    status=$?
    [ $status = 1 ] || fail "'$cmd': status $status, want 1"
    grep -q "read " "$tmp/err" && fail "'$cmd' read its inputs first"
done

finish
