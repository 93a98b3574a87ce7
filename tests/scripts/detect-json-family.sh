#!/bin/sh
# Detection of the JSON and XML formats added for real exports (csl-json,
# orcid, orcid-xml, DBLP person pages, OpenAlex responses): each fixture
# and real file of these formats is detected as its format, and no other
# sample file of the project (tests/data, data/, ../shared/data/realworld)
# is detected as one of them.
set -e
. tests/script-lib.sh
need_shared realworld/SOURCES.md
/usr/bin/python3 - "$COAUTHOR" "$SHARED" <<'PY'
import glob, os, re, subprocess, sys
coauthor, shared = sys.argv[1], sys.argv[2]
want = {
    "tests/data/json/openalex-list-misattributed.json": "jsonl",
    "tests/data/json/csl-edge-cases.json": "csl-json",
    "tests/data/json/csl-huge-field.json": "csl-json",
    "tests/data/json/csl-bad-middle.json": "csl-json",
    "tests/data/orcid/record.json": "orcid",
    "tests/data/orcid/works-bulk.json": "orcid",
    "tests/data/orcid/works-summary.xml": "orcid-xml",
    "tests/data/orcid/works-bulk.xml": "orcid-xml",
    "tests/data/orcid/works-bulk-bad-entity.xml": "orcid-xml",
    "tests/data/dblp/person-page-a.xml": "dblp",
    "tests/data/dblp/person-page-b.xml": "dblp",
    "tests/data/graph/netscience-style.gml": "gml",
    "tests/data/graph/directed.graphml": "graphml",
    shared + "/realworld/openalex-fmuro-works.json": "jsonl",
    shared + "/realworld/orcid_v3_works_summary_abhisheka456.json": "orcid",
    shared + "/realworld/csljson_zotero_kishkash555_My_Library.json": "csl-json",
    shared + "/realworld/dblp-person-95-7448-1.xml": "dblp",
}
new = {"csl-json", "orcid", "orcid-xml"}
files = sorted(set(glob.glob("tests/data/**/*", recursive=True) + glob.glob("data/*") +
                   glob.glob(shared + "/realworld/*")) | set(want))
bad = 0
seen = 0
for f in files:
    if not os.path.isfile(f) or f.endswith((".md", ".py")):
        continue
    r = subprocess.run([coauthor, "stats", "--max-authors", "5", f], capture_output=True)
    m = re.search(rb"^source .* \(([a-z-]+)\)", r.stdout, re.M)
    got = m.group(1).decode() if m else None
    seen += 1
    if f in want:
        if got != want[f]:
            print("FAIL %s: detected as %s, not %s" % (f, got, want[f]))
            bad += 1
    elif got in new:
        print("FAIL %s: detected as %s" % (f, got))
        bad += 1
print("%d files, %d detected wrongly" % (seen, bad))
sys.exit(1 if bad else 0)
PY
