#!/usr/bin/env bash
# An alias file changes the ACL counts exactly as the file says: three
# merges remove three authors, and each survivor has the papers of both
# names (no paper lists both, so nothing is double counted).
set -e
. tests/script-lib.sh
need_shared acl/acl-main-2015-2021.bib.gz
acl="$SHARED/acl/acl-main-2015-2021.bib.gz"
aliases=tests/data/identity/acl-aliases.tsv
"$COAUTHOR" stats -q --keep-apart --json "$acl" >"$tmp/before.json"
"$COAUTHOR" stats -q --keep-apart --json --aliases "$aliases" "$acl" >"$tmp/after.json"
"$COAUTHOR" rank -q --keep-apart --by papers --json "$acl" >"$tmp/rank-before.json"
"$COAUTHOR" rank -q --keep-apart --by papers --json --aliases "$aliases" "$acl" >"$tmp/rank-after.json"
/usr/bin/python3 - "$tmp" "$aliases" <<'PY'
import json, sys
tmp, aliases = sys.argv[1], sys.argv[2]
pairs = [l.rstrip("\n").split("\t") for l in open(aliases) if l.strip() and not l.startswith("#")]
before, after = json.load(open(f"{tmp}/before.json")), json.load(open(f"{tmp}/after.json"))
papers_before = {r["author"]: r["papers"] for r in json.load(open(f"{tmp}/rank-before.json"))["rows"]}
papers_after = {r["author"]: r["papers"] for r in json.load(open(f"{tmp}/rank-after.json"))["rows"]}
fail = 0
def check(what, got, want):
    global fail
    ok = got == want
    fail += not ok
    print(("ok   " if ok else "FAIL ") + f"{what}: {got} (want {want})")
check("authors", after["authors"], before["authors"] - len(pairs))
check("papers", after["papers"], before["papers"])
check("authorships", after["authorships"], before["authorships"])
for alias, canonical in pairs:
    check(f"{canonical} papers", papers_after.get(canonical), papers_before[canonical] + papers_before[alias])
    check(f"{alias} gone", alias in papers_after, False)
sys.exit(1 if fail else 0)
PY
