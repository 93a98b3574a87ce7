#!/usr/bin/env bash
# Issue 19, item 13: alias files.
#   - a chain of 100,000 links (n0->n1->...) runs in linear time: under 5 s
#     here, where it took 13.8 s (and 29 s in finalising) before
#   - the summary counts the names of the sources that were merged (one),
#     not the links (100,001)
#   - a line that closes a cycle is reported and ignored
#   - an endless alias file (/dev/zero) stops with an error at the
#     documented limit (COA_ALIASES_MAX_BYTES, 256 MiB), status 1
. tests/script-lib.sh

printf 'CLJan 1, 2020\n\nPaper one\n\nAnna A, Bob B, Carl C\n\nAbstract.\n\n' >"$tmp/s.txt"
python3 -c "
print('Anna A\tn0')
for i in range(100000): print(f'n{i}\tn{i+1}')" >"$tmp/chain.tsv"
start=$(date +%s%N)
timeout 60 "$COAUTHOR" rank --by degree --aliases "$tmp/chain.tsv" "$tmp/s.txt" >"$tmp/out" 2>"$tmp/err"
status=$?
ms=$((($(date +%s%N) - start) / 1000000))
[ $status = 0 ] || fail "chain: status $status"
[ $ms -lt 5000 ] || fail "chain of 100,000 aliases took $ms ms"
grep -q ", 1 name merged by alias" "$tmp/err" || fail "chain: summary: $(cat "$tmp/err")"
grep -q "n100000" "$tmp/out" || fail "chain: Anna A is not shown under the last name: $(cat "$tmp/out")"

printf 'Anna A\tBob B\nBob B\tAnna A\n' >"$tmp/cycle.tsv"
"$COAUTHOR" rank --by degree --aliases "$tmp/cycle.tsv" "$tmp/s.txt" >"$tmp/out" 2>"$tmp/err" || fail "cycle: status $?"
grep -q "cycle.tsv:2: alias 'Bob B' -> 'Anna A' closes a cycle" "$tmp/err" || fail "cycle not reported: $(cat "$tmp/err")"
grep -q ", 1 name merged by alias" "$tmp/err" || fail "cycle: summary: $(cat "$tmp/err")"

timeout 60 "$COAUTHOR" stats -q --aliases /dev/zero "$tmp/s.txt" >/dev/null 2>"$tmp/err"
status=$?
[ $status = 1 ] || fail "/dev/zero: status $status, want 1 (124 is the 60 s timeout)"
grep -q "/dev/zero:.*longer than 268435456 bytes, the limit for this input" "$tmp/err" ||
    fail "/dev/zero: $(cat "$tmp/err")"
finish
