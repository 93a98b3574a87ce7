#!/usr/bin/env bash
# An unreadable input file (mode 000) fails the run with status 1 and a
# one-line "cannot open: Permission denied" that names the file.  Root
# reads a mode-000 file anyway, so as root the check runs the program as
# the unprivileged user 'nobody' (setpriv); where that is impossible it
# says so and checks only that root still reads the file.
. tests/script-lib.sh
chmod 755 "$tmp"
cp data/ivan-titov.txt "$tmp/locked.txt"
chmod 000 "$tmp/locked.txt"

run=("$COAUTHOR")
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups \
        test -x "$COAUTHOR" 2>/dev/null; then
        run=(setpriv --reuid=65534 --regid=65534 --clear-groups "$COAUTHOR")
    else
        echo "note: running as root without a way to drop privileges; mode 000 does not stop root," \
            "so only root's reading is checked"
        "$COAUTHOR" stats -q "$tmp/locked.txt" >/dev/null || { echo "FAIL: root could not read"; exit 1; }
        exit 0
    fi
fi
"${run[@]}" stats "$tmp/locked.txt" >"$tmp/out" 2>"$tmp/err"
status=$?
want="coauthor: $tmp/locked.txt: cannot open: Permission denied"
ok=1
[ $status = 1 ] || { echo "FAIL: exit status $status, want 1"; ok=0; }
[ "$(cat "$tmp/err")" = "$want" ] || { echo "FAIL: stderr:"; cat "$tmp/err"; echo "want: $want"; ok=0; }
[ -s "$tmp/out" ] && { echo "FAIL: output on stdout"; ok=0; }
[ $ok = 1 ]
