#!/usr/bin/env bash
# Progress bars on stderr (cli_progress): shown on a terminal for work that
# lasts (COAUTHOR_PROGRESS_AFTER=0 shows them at once, instead of after a
# second), wiped when the work is done, and never shown with -q or when
# stderr is not a terminal.  The terminal is util-linux's 'script'.
set -e
. tests/script-lib.sh
need_shared acl/acl-main-2015-2021.bib.gz snap/CA-GrQc.txt
fail=0
coa=$(realpath "$COAUTHOR")
run_tty() { # ARGS...: stderr through a terminal, into $tmp/tty
    COAUTHOR_PROGRESS_AFTER=0 script -qec "$coa $* >/dev/null" /dev/null >"$tmp/tty" 2>&1 || true
}
run_tty stats "$SHARED/acl/acl-main-2015-2021.bib.gz"
if grep -aq "distance searches: \[.*\] [0-9]*/[0-9]*  [0-9.]* searches/s" "$tmp/tty" &&
    grep -aq "acl-main-2015-2021.bib.gz: \[.*\] *[0-9]*%  [0-9]* MB/s" "$tmp/tty"; then
    echo "ok   stats on a terminal: a bar while reading (MB/s) and one for the distance searches (searches/s)"
else
    echo "FAIL no bars in:"; tr '\r' '\n' <"$tmp/tty" | head; fail=1
fi
# a bar is wiped before a message or the summary line: each starts on a
# clean line (the ACL file has a bibutils warning while its bar is shown)
if tr '\r' '\n' <"$tmp/tty" | grep -aq $'^\033\\[Kcoauthor: read ' &&
    ! tr '\r' '\n' <"$tmp/tty" | grep -aq 'left[^ ]*coauthor:'; then
    echo "ok   the bar is wiped before the warnings and the summary line"
else
    echo "FAIL a message follows a bar on its line"; tr '\r' '\n' <"$tmp/tty" | grep -a "coauthor:" | cat -v | head -3; fail=1
fi
run_tty stats -q "$SHARED/snap/CA-GrQc.txt"
if [ ! -s "$tmp/tty" ]; then echo "ok   -q: nothing on stderr"; else
    echo "FAIL -q printed:"; cat -v "$tmp/tty" | head -3; fail=1; fi
COAUTHOR_PROGRESS_AFTER=0 "$COAUTHOR" stats "$SHARED/snap/CA-GrQc.txt" >/dev/null 2>"$tmp/plain"
if ! grep -q $'\033' "$tmp/plain" && ! grep -q "searches/s" "$tmp/plain"; then
    echo "ok   stderr not a terminal: no bar"
else
    echo "FAIL a bar on a non-terminal stderr"; cat -v "$tmp/plain" | head -3; fail=1
fi
exit $fail
