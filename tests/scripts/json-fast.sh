#!/usr/bin/env bash
# The JSON fast path (src/read/json_fast.c) reads OpenAlex works, Crossref
# works and CSL items without jansson and must give exactly what jansson
# gives.  For the fast path's own edge cases (tests/data/jsonl/fast-path.jsonl),
# the CSL-JSON fixtures, a real Zotero library and a generated corpus in
# both the benchmark's shapes (OpenAlex JSON Lines, a tab-indented CSL-JSON
# array):
#   - check mode (COAUTHOR_JSON_FAST_CHECK=1, jansson reads every work too)
#     finds no work where the two differ;
#   - the bipartite GraphML export (every paper's title, venue, year, DOI,
#     key and authors) and the diagnostics are byte for byte those of a run
#     with the fast path off (COAUTHOR_JSON_FAST=0);
#   - the fast path really reads what it should: the counts of works read
#     each way are fixed.
set -e
. tests/script-lib.sh
need_shared realworld/csljson_zotero_kishkash555_My_Library.json
fail=0
/usr/bin/python3 scripts/gen-corpus.py --papers 2000 --seed 3 --formats xml -o "$tmp/synthetic" >/dev/null 2>&1
/usr/bin/python3 scripts/bench/json_corpus.py "$tmp/synthetic" >/dev/null 2>&1
FAST_CHECK=COAUTHOR_JSON_FAST_CHECK FAST_OFF=COAUTHOR_JSON_FAST FAST_UNITS=works FAST_SLOW=jansson FAST_ALONE='jansson alone'
FAST_COUNTS='s/.*JSON check: the fast path read \([0-9]*\) works*, jansson alone \([0-9]*\);.*/\1 \2/p'
. tests/fast-path.sh
check() { fast_path_check "$@"; }
check tests/data/jsonl/fast-path.jsonl 10 6
check tests/data/jsonl/openalex-works.jsonl 2 0
check tests/data/jsonl/crossref-works.jsonl 1 1
check tests/data/json/csl-edge-cases.json 6 0
check tests/data/json/csl-bad-middle.json 2 0
check "$SHARED/realworld/csljson_zotero_kishkash555_My_Library.json" 841 0
check "$tmp/synthetic.openalex.jsonl" 2000 0
check "$tmp/synthetic.csl.json" 2000 0
exit $fail
