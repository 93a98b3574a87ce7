#!/usr/bin/env bash
# The chains and distances that issue 4 promises, checked one by one on the
# shipped data (the golden tests show the full output).
set -e
. tests/script-lib.sh
need_shared acl/acl-main-2015-2021.bib.gz
: "${PYTHON:=/usr/bin/python3}"
acl="$SHARED/acl/acl-main-2015-2021.bib.gz"
profile=data/ivan-titov.txt
fail=0
check() { # description, python expression over the JSON in 'd'
    local what=$1 expr=$2
    if ! "$PYTHON" -c "import json,sys; d=json.load(sys.stdin); sys.exit(0 if ($expr) else 1)" <"$out"; then
        echo "FAIL: $what"
        head -c 600 "$out"
        fail=1
    fi
}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

"$COAUTHOR" path -q --json --from "Ivan Titov" --to "Christopher D. Manning" "$acl" >"$out"
check "Titov to Manning: length 3, 8 shortest chains (Christopher Manning and Christopher D. Manning are one on evidence)" 'd["length"] == 3 and d["total_chains"] == 8'
"$COAUTHOR" path -q --json --all --from "Ivan Titov" --to "Christopher D. Manning" "$acl" >"$out"
check "Titov to Manning --all lists the 8 chains, sorted by name" \
    'len(d["chains"]) == 8 and [c["authors"] for c in d["chains"]] == sorted(c["authors"] for c in d["chains"])'
"$COAUTHOR" path -q --json --from "Mirella Lapata" --to "Noah A. Smith" "$acl" >"$out"
check "Lapata to Smith: length 2" 'd["length"] == 2'
"$COAUTHOR" distance -q --json --from "Ivan Titov" "$acl" >"$out"
check "the distance histogram from Titov has its mode at 4" \
    'max(d["histogram"], key=lambda h: h["authors"])["distance"] == 4'

"$COAUTHOR" path -q --json --from "Zihan Qiu" --to "Verna Dankers" "$profile" >"$out"
check "Qiu to Dankers: length 2 through Ivan Titov, the first hop inferred" \
    'd["length"] == 2 and d["chains"][0]["authors"][1] == "Ivan Titov" and
     all(p["inferred"] for p in d["chains"][0]["hops"][0]["papers"])'
"$COAUTHOR" path -q --from "Zihan Qiu" --to "Verna Dankers" "$profile" | grep -q '6 joint papers \[inferred\]' ||
    { echo "FAIL: the text does not mark the inferred hop"; fail=1; }
status=0
"$COAUTHOR" path -q --from "Zihan Qiu" --to "Verna Dankers" --avoid "Ivan Titov" "$profile" >/dev/null 2>&1 || status=$?
[ "$status" = 3 ] || { echo "FAIL: --avoid 'Ivan Titov' exits $status, not 3"; fail=1; }

# the answer does not depend on the order of the inputs
"$COAUTHOR" path -q --all --from "Ivan Titov" --to "Christopher D. Manning" "$acl" "$profile" >"$out.a"
"$COAUTHOR" path -q --all --from "Ivan Titov" --to "Christopher D. Manning" "$profile" "$acl" >"$out.b"
if ! cmp -s "$out.a" "$out.b"; then
    echo "FAIL: the chains depend on the order of the inputs"
    diff "$out.a" "$out.b" | head -10
    fail=1
fi
rm -f "$out.a" "$out.b"
exit $fail
