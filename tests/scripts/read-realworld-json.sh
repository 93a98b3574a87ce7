#!/bin/sh
# The real JSON and XML exports of ../shared/data/realworld are read with
# the right format and their records counted exactly: each count is made
# independently here with Python's json module (or the XML's own tags) and
# compared with what 'coauthor stats --json' and its summary report.
set -eu
COAUTHOR=${COAUTHOR:-build/coauthor}
. tests/shared-data.sh
R=realworld
need_shared $R/openalex-fmuro-works.json $R/orcid_v3_works_summary_abhisheka456.json \
    $R/csljson_zotero_kishkash555_My_Library.json $R/dblp-person-95-7448-1.xml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# check FILE FORMAT EXPECTED_RECORDS EXPECTED_SKIPPED
check() {
    "$COAUTHOR" stats "$1" >"$tmp/out" 2>"$tmp/err"
    fmt=$(sed -n '1s/^source .* (\([a-z-]*\)).*/\1/p' "$tmp/out")
    read_n=$(sed -n 's/^coauthor: read \([0-9]*\) records\{0,1\} from.*/\1/p' "$tmp/err")
    skipped=$(sed -n 's/^coauthor: read .* \([0-9]*\) skipped.*/\1/p' "$tmp/err")
    if [ "$fmt" != "$2" ] || [ "$read_n" != "$3" ] || [ "$skipped" != "$4" ]; then
        echo "FAIL $1: format $fmt records $read_n skipped $skipped; expected $2 $3 $4" >&2
        cat "$tmp/err" >&2
        fail=1
    else
        echo "ok $1: $fmt, $read_n records, $skipped skipped"
    fi
}

# OpenAlex: every work of the list response's results
n=$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["results"]))' "$SHARED/$R/openalex-fmuro-works.json")
check "$SHARED/$R/openalex-fmuro-works.json" jsonl "$n" 0
# ...named by what the paper prints ('Muro, Fernando'), one author per OpenAlex author id
"$COAUTHOR" names --json "$SHARED/$R/openalex-fmuro-works.json" 2>/dev/null >"$tmp/names"
/usr/bin/python3 - "$tmp/names" "$SHARED/$R/openalex-fmuro-works.json" <<'PY' || fail=1
import json, sys
names = json.load(open(sys.argv[1]))
works = json.load(open(sys.argv[2]))["results"]
spellings = {s for m in names["merges_by_key"] for s in m["spellings"]}
assert "Muro, Fernando" in spellings, "the printed names (raw_author_name) are not used"
assert names.get("likely_misattributions", []) == [], "no slot of this file is misattributed"
# one author per OpenAlex entity, except that two entities whose names have
# one match key are one author ("Hans Joachim Baues", "Hans-Joachim Baues")
import unicodedata
def key(n):
    n = unicodedata.normalize("NFKD", n.replace("-", " ").replace(".", " ").lower())
    return " ".join("".join(c for c in n if not unicodedata.combining(c)).split())
ids = {a["author"]["id"]: key(a["author"]["display_name"]) for w in works for a in w["authorships"]}
want = len(set(ids.values()))
assert names["authors"] == want, (names["authors"], want)
print("ok openalex: printed names kept, %d authors (%d entities, %d names)" % (names["authors"], len(ids), want))
PY

# ORCID /works: one paper per group
n=$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["group"]))' "$SHARED/$R/orcid_v3_works_summary_abhisheka456.json")
check "$SHARED/$R/orcid_v3_works_summary_abhisheka456.json" orcid "$n" 0

# CSL-JSON: every item, less those without authors (left out, in a note)
set -- $(/usr/bin/python3 -c '
import json,sys
items = json.load(open(sys.argv[1]))
with_authors = sum(1 for i in items if i.get("author"))
print(with_authors, len(items) - with_authors)' "$SHARED/$R/csljson_zotero_kishkash555_My_Library.json")
check "$SHARED/$R/csljson_zotero_kishkash555_My_Library.json" csl-json "$1" 0
grep -q ": $2 items without authors" "$tmp/err" || { echo "FAIL: expected a note of $2 items without authors" >&2; fail=1; }

# DBLP person page: its <r> records and the owner's <person> record
n=$(/usr/bin/python3 -c '
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
print(len(root.findall("r")) + len(root.findall("person")))' "$SHARED/$R/dblp-person-95-7448-1.xml")
check "$SHARED/$R/dblp-person-95-7448-1.xml" dblp "$n" 0
exit $fail
