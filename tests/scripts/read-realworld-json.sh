#!/bin/sh
# The real JSON and XML exports of ../shared/data/realworld are read with
# the right format and their records counted exactly (match keys alone:
# --keep-apart where spellings are counted): each count is made
# independently here with Python's json module (or the XML's own tags) and
# compared with what 'coauthor stats --json' and its summary report.
set -e
. tests/script-lib.sh
. tests/shared-data.sh
R=realworld
need_shared $R/openalex-fmuro-works.json $R/orcid_v3_works_summary_abhisheka456.json \
    $R/csljson_zotero_kishkash555_My_Library.json $R/dblp-person-95-7448-1.xml
fail=0

# check FILE FORMAT EXPECTED_RECORDS EXPECTED_SKIPPED
check() {
    "$COAUTHOR" stats "$1" >"$tmp/out" 2>"$tmp/err"
    fmt=$(sed -n '1s/^source .* (\([a-z-]*\)).*/\1/p' "$tmp/out")
    read_n=$(sed -n 's/^coauthor: read \([0-9]*\) records\{0,1\} from.*/\1/p' "$tmp/err")
    # skipped as malformed (records without authors are counted apart)
    skipped=$(sed -n 's/^coauthor: read .* \([0-9]*\) skipped (malformed).*/\1/p;
                      s/^coauthor: read .* skipped ([0-9]* without authors, \([0-9]*\) malformed).*/\1/p' "$tmp/err")
    skipped=${skipped:-0}
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
# ...the repeated DOIs merged, the printed names used, one author for all
# of Fernando Muro's spellings (his OpenAlex id), and no misattribution
"$COAUTHOR" stats --json "$SHARED/$R/openalex-fmuro-works.json" 2>/dev/null >"$tmp/stats"
"$COAUTHOR" rank --json --by papers "$SHARED/$R/openalex-fmuro-works.json" 2>/dev/null >"$tmp/rank"
"$COAUTHOR" names --json "$SHARED/$R/openalex-fmuro-works.json" 2>/dev/null >"$tmp/names"
/usr/bin/python3 - "$tmp" "$SHARED/$R/openalex-fmuro-works.json" <<'PY' || fail=1
import collections, json, sys
d = sys.argv[1]
stats = json.load(open(d + "/stats"))
names = json.load(open(d + "/names"))
rank = json.load(open(d + "/rank"))
works = json.load(open(sys.argv[2]))["results"]
dois = collections.Counter(w["doi"] for w in works if w["doi"])
repeats = sum(n - 1 for n in dois.values())
assert stats["papers"] == len(works) - repeats, (stats["papers"], len(works), repeats)
muro = "https://openalex.org/A5015527081"
with_muro = sum(1 for w in works if any(a["author"]["id"] == muro or a["raw_author_name"] == "Fernando Muro"
                                        for a in w["authorships"]))
rows = rank if isinstance(rank, list) else rank.get("rows", rank.get("authors", []))
top = rows[0]
assert top["author"] == "Fernando Muro" and top["papers"] == with_muro - repeats, (top, with_muro, repeats)
raw = {a["raw_author_name"] for w in works for a in w["authorships"]}
assert "Jasso, Gustavo" in raw and any(r["author"] == "Gustavo Jasso" for r in rows)
assert "likely_misattributions" not in names
print("ok openalex: %d papers (%d works, %d repeated DOIs), Fernando Muro on %d" % (stats["papers"], len(works), repeats, top["papers"]))
PY

# ORCID /works: one paper per group
n=$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["group"]))' "$SHARED/$R/orcid_v3_works_summary_abhisheka456.json")
check "$SHARED/$R/orcid_v3_works_summary_abhisheka456.json" orcid "$n" 0
# ...each group one paper of the owner (named by the summaries the owner
# added), inferred, and the owner's iD is the identity: a second file that
# lists the owner by iD under another spelling joins the same author
grep -q '(orcid): profile of ABHISHEK KUMAR$' "$tmp/out" || { echo "FAIL: the ORCID owner is not named" >&2; fail=1; }
printf '{"bulk":[{"work":{"put-code":1,"path":"/0000-0002-8783-5128/work/1","title":{"title":{"value":"x"}},"contributors":{"contributor":[{"contributor-orcid":{"path":"0000-0002-8783-5128"},"credit-name":{"value":"A. Kumar"}},{"credit-name":{"value":"Someone Else"}}]}}}]}' >"$tmp/bulk.json"
"$COAUTHOR" rank --json --by papers "$SHARED/$R/orcid_v3_works_summary_abhisheka456.json" "$tmp/bulk.json" 2>/dev/null >"$tmp/rank"
/usr/bin/python3 - "$tmp/rank" "$n" <<'PY' || fail=1
import json, sys
rows = json.load(open(sys.argv[1]))["rows"]
assert rows[0]["author"] == "ABHISHEK KUMAR" and rows[0]["papers"] == int(sys.argv[2]) + 1, rows[:2]
print("ok orcid: the owner is an author of all %s groups and of the bulk work that names him by iD" % sys.argv[2])
PY

# CSL-JSON: every item, less those without authors (left out, in a note)
set -- $(/usr/bin/python3 -c '
import json,sys
items = json.load(open(sys.argv[1]))
with_authors = sum(1 for i in items if i.get("author"))
print(with_authors, len(items) - with_authors)' "$SHARED/$R/csljson_zotero_kishkash555_My_Library.json")
check "$SHARED/$R/csljson_zotero_kishkash555_My_Library.json" csl-json "$1" 0
grep -q ": $2 items without authors" "$tmp/err" || { echo "FAIL: expected a note of $2 items without authors" >&2; fail=1; }
# ...and its authors: one per name (given, particles, family, suffix, or
# literal) with the match key's folding, counted once per item
"$COAUTHOR" stats --json --keep-apart "$SHARED/$R/csljson_zotero_kishkash555_My_Library.json" 2>/dev/null >"$tmp/stats"
/usr/bin/python3 - "$tmp/stats" "$SHARED/$R/csljson_zotero_kishkash555_My_Library.json" <<'PY' || fail=1
import json, sys, unicodedata
stats = json.load(open(sys.argv[1]))
items = json.load(open(sys.argv[2]))
def key(a):
    parts = ("given", "dropping-particle", "non-dropping-particle", "family", "suffix")
    n = " ".join(a[p] for p in parts if a.get(p)) or a.get("literal", "")
    n = unicodedata.normalize("NFKD", n.replace("-", " ").replace(".", " ").casefold())
    # letters without a decomposition fold as in the key (name.c)
    n = n.translate(str.maketrans({"ı": "i", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d",
                                   "þ": "th", "ħ": "h", "ŧ": "t"}))
    return " ".join("".join(c for c in n if not unicodedata.combining(c)).split())
per_item = [set(key(a) for a in i.get("author", [])) for i in items]
listed = sum(len(i.get("author", [])) for i in items)
want = (len(set().union(*per_item)), sum(map(len, per_item)), listed - sum(map(len, per_item)))
got = (stats["authors"], stats["authorships"], stats["duplicate_authorships"])
assert got == want, (got, want)
print("ok csl-json: %d authors, %d authorships, %d repeated in an item" % got)
PY

# DBLP person page: its <r> records and the owner's <person> record
n=$(/usr/bin/python3 -c '
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
print(len(root.findall("r")) + len(root.findall("person")))' "$SHARED/$R/dblp-person-95-7448-1.xml")
check "$SHARED/$R/dblp-person-95-7448-1.xml" dblp "$n" 0
# ...papers as the page's n attribute, authors as its coauthors' n plus the owner
set -- $(/usr/bin/python3 -c '
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
print(root.get("n"), int(root.find("coauthors").get("n")) + 1)' "$SHARED/$R/dblp-person-95-7448-1.xml")
"$COAUTHOR" stats --json "$SHARED/$R/dblp-person-95-7448-1.xml" 2>/dev/null >"$tmp/stats"
/usr/bin/python3 - "$tmp/stats" "$1" "$2" <<'PY' || fail=1
import json, sys
s = json.load(open(sys.argv[1]))
assert (s["papers"], s["authors"]) == (int(sys.argv[2]), int(sys.argv[3])), (s["papers"], s["authors"], sys.argv[2:])
print("ok dblp person page: %d papers, %d authors" % (s["papers"], s["authors"]))
PY
grep -q '(dblp): profile of Di Xu$' "$tmp/out" || { echo "FAIL: the DBLP page's owner is not named" >&2; fail=1; }
exit $fail
