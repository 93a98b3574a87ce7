#!/usr/bin/env bash
# coauthor draw --colour-by year: every author's fill is the viridis colour
# of their mean year over their dated papers (computed here from the
# bipartite JSON export), scaled between the whole years the legend shows;
# authors without a dated paper are grey.
set -e
. tests/script-lib.sh
need_shared realworld/scholar-gepetto.bib
in="$SHARED/realworld/scholar-gepetto.bib"
"$COAUTHOR" draw -q --colour-by year "$in" -o "$tmp/y.svg"
"$COAUTHOR" export -q --bipartite --to json "$in" -o "$tmp/b.json"
"$PY" - "$tmp" <<'PY'
import collections, html, json, math, re, sys
tmp = sys.argv[1]
svg = open(f"{tmp}/y.svg", encoding="utf-8").read()
b = json.load(open(f"{tmp}/b.json"))
name = {n["id"]: n["name"] for n in b["nodes"] if n["type"] == "author"}
year = {n["id"]: n.get("year") for n in b["nodes"] if n["type"] == "paper"}
years = collections.defaultdict(list)
for l in b["links"]:
    a, p = (l["source"], l["target"]) if l["source"] in name else (l["target"], l["source"])
    if year.get(p):
        years[name[a]].append(year[p])
mean = {a: sum(ys) / len(ys) for a, ys in years.items()}
lo, hi = math.floor(min(mean.values())), math.ceil(max(mean.values()))
legend = re.search(r">(\d{4}) <.*?> (\d{4})<", svg, re.S)
assert legend and (int(legend.group(1)), int(legend.group(2))) == (lo, hi), (legend and legend.groups(), lo, hi)
stops = ["440154", "472c7a", "3b518b", "2c718e", "21908d", "27ad81", "5cc863", "aadc32", "fde725"]
stops = [tuple(int(s[i:i + 2], 16) for i in (0, 2, 4)) for s in stops]
def viridis(t):
    at = t * 8
    k = min(int(at), 7)
    f = at - k
    return tuple(stops[k][c] + f * (stops[k + 1][c] - stops[k][c]) for c in range(3))
nodes = re.findall(r'<g id="node\d+" class="node">\s*<title>[^<]*</title>\s*<g id="a_node\d+"><a xlink:title="([^"]*)">\s*<ellipse fill="#([0-9a-f]{6})"', svg)
assert len(nodes) > 200, len(nodes)
grey = 0
for tip, fill in nodes:
    who = html.unescape(tip).rsplit(": ", 1)[0]
    got = tuple(int(fill[i:i + 2], 16) for i in (0, 2, 4))
    if who not in mean:
        assert fill == "d0d0d0", (who, fill)
        grey += 1
        continue
    want = viridis((mean[who] - lo) / (hi - lo))
    assert all(abs(g - w) <= 1 for g, w in zip(got, want)), (who, mean[who], got, want)
print(f"ok: {len(nodes)} authors, {grey} without a dated paper")
PY
