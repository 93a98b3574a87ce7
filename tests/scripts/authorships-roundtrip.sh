#!/usr/bin/env bash
# 'coauthor authorships' rows are a faithful image of the records: read back
# (the 'authorships' reader), they give the corpus the sources give, on real
# data: the ACL Anthology's BibTeX (12,000 papers) and an OpenAlex export
# turned into JSON Lines, whose ORCID and OpenAlex identifiers must survive.
# A shard of lines read from standard input with --name and --first-line
# gives the rows the whole file gives for those records.
set -e
. tests/script-lib.sh
need_shared acl/acl-main-2015-2021.bib.gz realworld/openalex-fmuro-works.json
fail=0
# the rows hold the authorships kept: an author listed twice on one paper
# (counted as a duplicate authorship when the source is read) is one row
body() { sed -n '/^papers /,$p' | grep -v '^duplicate authorships '; }
same_corpus() { # NAME FILE...
    local name=$1; shift
    "$COAUTHOR" authorships -q "$@" >"$tmp/rows.tsv"
    "$COAUTHOR" stats "$@" 2>/dev/null | body >"$tmp/want"
    "$COAUTHOR" stats "$tmp/rows.tsv" 2>/dev/null | body >"$tmp/got"
    # the graph itself: authors in the same order, edges with their papers
    "$COAUTHOR" export -q --to csv -o "$tmp/w.csv" "$@" && cat "$tmp/w-nodes.csv" "$tmp/w-edges.csv" >>"$tmp/want"
    "$COAUTHOR" export -q --to csv -o "$tmp/g.csv" "$tmp/rows.tsv" && cat "$tmp/g-nodes.csv" "$tmp/g-edges.csv" >>"$tmp/got"
    local n
    n=$(($(wc -l <"$tmp/rows.tsv") - 1))
    if [ -s "$tmp/want" ] && cmp -s "$tmp/want" "$tmp/got"; then
        echo "ok   $name: $n rows read back give the same stats, and the same graph byte for byte"
    else
        echo "FAIL $name: the rows read back differ:"; diff "$tmp/want" "$tmp/got" | head -10; fail=1
    fi
}
same_corpus acl "$SHARED/acl/acl-main-2015-2021.bib.gz"
/usr/bin/python3 -c '
import json, sys
for w in json.load(open(sys.argv[1]))["results"]:
    print(json.dumps(w))' "$SHARED/realworld/openalex-fmuro-works.json" >"$tmp/works.jsonl"
same_corpus openalex "$tmp/works.jsonl"
ids=$("$COAUTHOR" authorships -q "$tmp/works.jsonl" | awk -F'\t' 'NR > 1 && $16 != "" {n++} END {print n + 0}')
if [ "$ids" -gt 100 ]; then echo "ok   openalex: $ids rows carry an identifier"
else echo "FAIL openalex: only $ids rows carry an identifier"; fail=1; fi
# lines 21-40 through standard input: the rows of those records, as the whole file names them
"$COAUTHOR" authorships -q "$tmp/works.jsonl" | awk -F'\t' -v OFS='\t' 'NR > 1 && $2 >= 21 && $2 <= 40 {$3 = ""; print}' >"$tmp/want"
sed -n 21,40p "$tmp/works.jsonl" | "$COAUTHOR" authorships -q --name "$tmp/works.jsonl" --first-line 21 - |
    awk -F'\t' -v OFS='\t' 'NR > 1 {$3 = ""; print}' >"$tmp/got"
if [ -s "$tmp/want" ] && cmp -s "$tmp/want" "$tmp/got"; then echo "ok   a shard of lines 21-40: $(wc -l <"$tmp/got") rows, as in the whole file"
else echo "FAIL a shard of lines 21-40 differs:"; diff "$tmp/want" "$tmp/got" | head; fail=1; fi
exit $fail
