#!/usr/bin/env bash
# coauthor draw --timeline: the SVG's rows, cells and totals against the
# papers themselves (the bipartite JSON export) and against 'coauthor rank';
# PNG decoded to its promised size; PDF; the same bytes twice; usage errors.
set -e
. tests/script-lib.sh
fail() { echo "FAIL: $*"; exit 1; }
in=data/ivan-titov.txt
"$COAUTHOR" draw --timeline --author "Ivan Titov" --year 2026 "$in" -o "$tmp/t.svg" 2>"$tmp/err"
grep -q 'drew the timeline of Ivan Titov: 15 of 66 coauthors, 2021-2026' "$tmp/err" || fail "summary: $(cat "$tmp/err")"
"$COAUTHOR" draw -q --timeline --author "Ivan Titov" --year 2026 "$in" -o "$tmp/t2.svg"
cmp -s "$tmp/t.svg" "$tmp/t2.svg" || fail "two runs gave different SVG"
"$COAUTHOR" rank -q --author "Ivan Titov" --top 15 --year 2026 --json "$in" >"$tmp/rank.json"
"$COAUTHOR" export -q --bipartite --to json --year 2026 "$in" -o "$tmp/b.json"
"$PY" - "$tmp" <<'PY'
import collections, html, json, re, sys
tmp = sys.argv[1]
svg = open(f"{tmp}/t.svg", encoding="utf-8").read()
rank = json.load(open(f"{tmp}/rank.json"))["rows"]
groups = re.findall(r'<g id="node\d+" class="node (\w+)">\s*<title>([^<]*)</title>\s*<g id="a_node\d+"><a xlink:title="([^"]*)">', svg)
rows = [html.unescape(t) for c, _, t in groups if c == "coauthor"]
totals = {}
for c, _, t in groups:
    if c == "total":
        m = re.match(r"Ivan Titov and (.*): (\d+) joint papers?$", html.unescape(t))
        totals[m.group(1)] = int(m.group(2))
assert rows == [r["author"] for r in rank], (rows, [r["author"] for r in rank])
assert totals == {r["author"]: r["joint_papers"] for r in rank}, totals
cells = collections.Counter()
for c, _, t in groups:
    if c == "cell":
        m = re.match(r"(.*), (\d{4}): (\d+) joint papers?$", html.unescape(t))
        cells[m.group(1), int(m.group(2))] += int(m.group(3))
# the same counts from the papers: Ivan Titov's joint papers with each row, by year
b = json.load(open(f"{tmp}/b.json"))
name = {n["id"]: n["name"] for n in b["nodes"] if n["type"] == "author"}
year = {n["id"]: n.get("year") for n in b["nodes"] if n["type"] == "paper"}
authors_of = collections.defaultdict(set)
for l in b["links"]:
    a, p = (l["source"], l["target"]) if l["source"] in name else (l["target"], l["source"])
    authors_of[p].add(name[a])
want = collections.Counter()
for p, who in authors_of.items():
    if "Ivan Titov" in who:
        for r in rows:
            if r in who and year[p]:
                want[r, year[p]] += 1
assert cells == want, (cells - want, want - cells)
assert sum(cells.values()) == sum(totals.values())
years = re.findall(r'class="node year">\s*<title>year (\d+)</title>', svg)
assert years[0] == "2021" and years[-1] == "2026", years
print("ok")
PY
"$COAUTHOR" draw -q --timeline --author "Ivan Titov" --top 5 --dpi 72 "$in" -o "$tmp/t.png"
"$PY" - "$tmp/t.png" <<'PY' || fail "PNG size"
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
w, h = struct.unpack(">II", data[16:24])
assert 300 < w < 1100 and 150 < h < 400, (w, h)
PY
"$COAUTHOR" draw -q --timeline --author "Ivan Titov" "$in" -o "$tmp/t.pdf"
head -c 5 "$tmp/t.pdf" | grep -q '%PDF-' || fail "PDF"
# usage: --timeline needs --author, and --author needs --timeline
set +e
"$COAUTHOR" draw --timeline "$in" -o "$tmp/x.svg" 2>"$tmp/err"; s1=$?
"$COAUTHOR" draw --author "Ivan Titov" "$in" -o "$tmp/x.svg" 2>/dev/null; s2=$?
"$COAUTHOR" draw -q --timeline --author "Nobody Here" "$in" -o "$tmp/x.svg" 2>/dev/null; s3=$?
set -e
[ "$s1" = 2 ] && [ "$s2" = 2 ] && grep -q -- '--timeline needs --author NAME' "$tmp/err" || fail "usage: $s1 $s2"
[ "$s3" != 0 ] || fail "an unknown author"
[ ! -e "$tmp/x.svg" ] || fail "a failed run left a picture"
echo ok
