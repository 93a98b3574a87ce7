#!/usr/bin/env bash
# coauthor export --to gexf, vosviewer and pajek, read back by other tools:
# the GEXF with networkx's read_gexf (the same nodes, edges, attributes and
# time intervals as the GraphML and as the years of the papers), the Pajek
# file with python-igraph's Read_Pajek, and the VOSviewer files checked
# against the format of the VOSviewer manual ("Map file": tab-separated
# with a header, columns id, label, x, y, cluster, weight<...>, score<...>;
# "Network file": tab-separated, no header, id, id, strength).
set -e
. tests/script-lib.sh
need_shared realworld/scholar-gepetto.bib
in="$SHARED/realworld/scholar-gepetto.bib"
"$COAUTHOR" export -q --to gexf --communities --centrality pagerank "$in" -o "$tmp/g.gexf"
"$COAUTHOR" export -q --to graphml --communities --centrality pagerank "$in" -o "$tmp/g.graphml"
"$COAUTHOR" export -q --to json --bipartite "$in" -o "$tmp/b.json"
"$COAUTHOR" export -q "$in" -o "$tmp/g.net"
"$COAUTHOR" export -q --to vosviewer "$in" -o "$tmp/v"
need_shared realworld/wos-brunalab-savedrecs.txt
"$COAUTHOR" export -q --to vosviewer "$SHARED/realworld/wos-brunalab-savedrecs.txt" -o "$tmp/t"
head -1 "$tmp/t-map.txt" | grep -q 'score<Avg. pub. year>' || { echo "FAIL: no mean year for the WoS export, whose papers are all dated"; exit 1; }
"$PY" - "$tmp" <<'PY'
import json, math, sys
import networkx as nx
from networkx.readwrite import gexf
import igraph as ig

tmp = sys.argv[1]
# networkx 2.8 knows GEXF 1.1draft and 1.2draft; 1.3 has the same elements
# for what is written here, under its own namespace
gexf.GEXF.versions["1.3"] = dict(gexf.GEXF.versions["1.2draft"], NS_GEXF="http://gexf.net/1.3",
                                 SCHEMALOCATION="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", VERSION="1.3")
g = nx.read_gexf(f"{tmp}/g.gexf", version="1.3")
ref = nx.read_graphml(f"{tmp}/g.graphml")
assert g.number_of_nodes() == ref.number_of_nodes() > 200, (g.number_of_nodes(), ref.number_of_nodes())
assert g.number_of_edges() == ref.number_of_edges() > 750  # 797 since spellings merge on evidence
assert set(g.nodes) == set(ref.nodes)
for n, d in g.nodes(data=True):
    r = ref.nodes[n]
    assert d["label"] == r["name"] == r["label"], (d, r)
    assert d["papers"] == r["papers"] and d["community"] == r["community"], (d, r)
    assert math.isclose(d["pagerank"], r["pagerank"], rel_tol=1e-9), (d, r)
for a, b, d in g.edges(data=True):
    r = ref.edges[a, b]
    assert d["weight"] == r["joint_papers"] == r["weight"] == d["joint_papers"], (d, r)
    assert d["papers"] == r["papers"]

# the intervals, from the papers themselves (the bipartite export)
bip = json.load(open(f"{tmp}/b.json"))
year = {n["id"]: n.get("year") for n in bip["nodes"] if n["type"] == "paper"}
name = {n["id"]: n["name"] for n in bip["nodes"] if n["type"] == "author"}
papers_of = {}
for l in bip["links"]:
    a, p = (l["source"], l["target"]) if l["source"] in name else (l["target"], l["source"])
    papers_of.setdefault(name[a], set()).add(p)
by_name = {d["label"]: (n, d) for n, d in g.nodes(data=True)}
checked = 0
for who, ps in papers_of.items():
    if who not in by_name:
        continue
    years = [year[p] for p in ps if year.get(p)]
    n, d = by_name[who]
    if years:
        assert (d["start"], d["end"]) == (min(years), max(years)), (who, d, years)
        checked += 1
    else:
        assert "start" not in d
assert checked > 200, checked
for a, b, d in g.edges(data=True):
    joint = papers_of[g.nodes[a]["label"]] & papers_of[g.nodes[b]["label"]]
    years = [year[p] for p in joint if year.get(p)]
    assert len(joint) == d["weight"], (a, b, d)
    if years:
        assert (d["start"], d["end"]) == (min(years), max(years)), (a, b, d, years)
# something spans more than a year, or the test would not see a swap
assert any(d["start"] < d["end"] for _, _, d in g.edges(data=True) if "start" in d)

# Pajek, read by igraph: names and weights
p = ig.Graph.Read_Pajek(f"{tmp}/g.net")
assert p.vcount() == g.number_of_nodes() and p.ecount() == g.number_of_edges()
pw = {frozenset((p.vs[e.source]["id"], p.vs[e.target]["id"])): e["weight"] for e in p.es}
gw = {frozenset((g.nodes[a]["label"], g.nodes[b]["label"])): d["weight"] for a, b, d in g.edges(data=True)}
assert pw == gw

# VOSviewer: the map file's header and columns, the network file's lines
lines = open(f"{tmp}/v-map.txt", encoding="utf-8").read().split("\n")
assert lines[-1] == ""
head = lines[0].split("\t")
assert head[:5] == ["id", "label", "x", "y", "cluster"], head
assert all(h.startswith(("weight<", "score<")) and h.endswith(">") for h in head[5:]), head
assert "weight<Links>" in head and "weight<Documents>" in head, head
# the mean year, when every author has a dated paper (else left out)
all_dated = all("start" in d for _, d in g.nodes(data=True))
assert ("score<Avg. pub. year>" in head) == all_dated, (head, all_dated)
rows = [l.split("\t") for l in lines[1:-1]]
assert len(rows) == g.number_of_nodes()
ids = set()
labels = {}
for r in rows:
    assert len(r) == len(head), r
    ids.add(int(r[0]))
    labels[int(r[0])] = r[1]
    x, y = float(r[2]), float(r[3])
    assert -1 <= x <= 1 and -1 <= y <= 1
    assert int(r[4]) >= 1
    rec = dict(zip(head, r))
    n, d = by_name[r[1]]
    assert int(rec["weight<Documents>"]) == d["papers"]
    assert int(rec["weight<Links>"]) == g.degree(n)
    assert int(rec["weight<Total link strength>"]) == g.degree(n, weight="weight")
    assert int(rec["cluster"]) == d["community"] + 1
    if all_dated:
        assert d["start"] <= float(rec["score<Avg. pub. year>"]) <= d["end"]
net = [l.split("\t") for l in open(f"{tmp}/v-network.txt").read().splitlines()]
assert len(net) == g.number_of_edges()
vw = {}
for a, b, s in net:
    assert int(a) in ids and int(b) in ids and int(s) >= 1
    vw[frozenset((labels[int(a)], labels[int(b)]))] = int(s)
assert vw == gw
print("ok")
PY
