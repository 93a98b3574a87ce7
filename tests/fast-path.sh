# Sourced by the scripts that check a reader's fast path against its
# general reader (tests/scripts/bibtex-fast.sh, tests/scripts/json-fast.sh).
# Set before calling fast_path_check FILE WANT_FAST WANT_SLOW:
#   FAST_CHECK   the variable that turns the reader's check mode on (=1),
#                where the general reader reads everything too and must agree
#   FAST_OFF     the variable that turns the fast path off (=0)
#   FAST_COUNTS  a sed expression that prints "FAST SLOW" from check mode's note
#   FAST_UNITS   what is counted ("entries"), FAST_SLOW the general reader's
#                name ("bibutils"), FAST_ALONE how its count reads ("bibutils")
# and COAUTHOR, tmp (a scratch folder) and fail (set to 1 on a failure).
# For FILE: check mode finds nothing that differs; the counts of what each
# reader read are WANT_FAST and WANT_SLOW; and the bipartite GraphML export
# (every paper's title, venue, year, DOI, key and authors) and the
# diagnostics are byte for byte the same with the fast path on and off.
fast_path_check() {
    local f=$1 name got
    name=$(basename "$f")
    env "$FAST_CHECK=1" "$COAUTHOR" stats "$f" >/dev/null 2>"$tmp/check.err" || true
    if grep -q "internal error" "$tmp/check.err"; then
        echo "FAIL $name: the fast path and $FAST_SLOW differ:"; grep "internal error" "$tmp/check.err" | head -5; fail=1
    fi
    got=$(sed -n "$FAST_COUNTS" "$tmp/check.err")
    if [ "$got" = "$2 $3" ]; then
        echo "ok   $name: $2 $FAST_UNITS by the fast path, $3 by $FAST_ALONE, all as $FAST_SLOW reads them"
    else
        echo "FAIL $name: want '$2 $3' $FAST_UNITS (fast, $FAST_SLOW), got '$got'"; cat "$tmp/check.err"; fail=1
    fi
    env "$FAST_OFF=0" "$COAUTHOR" export --to graphml --bipartite "$f" >"$tmp/slow.graphml" 2>"$tmp/slow.err" || true
    "$COAUTHOR" export --to graphml --bipartite "$f" >"$tmp/fast.graphml" 2>"$tmp/fast.err" || true
    if cmp -s "$tmp/slow.graphml" "$tmp/fast.graphml" && cmp -s "$tmp/slow.err" "$tmp/fast.err"; then
        echo "ok   $name: the same papers and messages with the fast path on and off"
    else
        echo "FAIL $name: output differs with the fast path on and off"
        diff "$tmp/slow.graphml" "$tmp/fast.graphml" | head -5; diff "$tmp/slow.err" "$tmp/fast.err" | head -5; fail=1
    fi
}
