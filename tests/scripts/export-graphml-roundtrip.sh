#!/usr/bin/env bash
# GraphML, JSON and CSV from 'coauthor export' read back with networkx and
# python-igraph: the same node and edge counts, and the same attribute
# values, as the JSON export and as coauthor's own counts.  Skips (passes
# with a message) when the Debian packages python3-networkx and
# python3-igraph are missing.
set -eu
: "${COAUTHOR:=coauthor}"
PY=${PYTHON:-/usr/bin/python3}
if ! "$PY" -c 'import networkx, igraph' 2>/dev/null; then
    echo "skipped: python3-networkx and python3-igraph are not installed"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for input in data/ivan-titov.txt; do
    "$COAUTHOR" export -q --to graphml "$input" -o "$tmp/g.graphml"
    "$COAUTHOR" export -q --to graphml --bipartite "$input" -o "$tmp/b.graphml"
    "$COAUTHOR" export -q --to json "$input" -o "$tmp/g.json"
    "$COAUTHOR" export -q --to json --bipartite "$input" -o "$tmp/b.json"
    "$COAUTHOR" export -q --to csv "$input" -o "$tmp/g.csv"
    "$COAUTHOR" stats -q --json "$input" >"$tmp/stats.json"
    "$PY" - "$tmp" <<'PY'
import csv, json, math, sys
import networkx as nx
import igraph as ig

tmp = sys.argv[1]
stats = json.load(open(f"{tmp}/stats.json"))

def check(kind, node_attrs, edge_attrs, n_want=None, m_want=None):
    ref = json.load(open(f"{tmp}/{kind}.json"))
    nodes = {n["id"]: n for n in ref["nodes"]}
    links = {frozenset((l["source"], l["target"])): l for l in ref["links"]}
    if n_want is not None:
        assert len(nodes) == n_want, (kind, len(nodes), n_want)
        assert len(links) == m_want, (kind, len(links), m_want)

    def same(a, b, attr):
        if isinstance(b, list):
            b = "; ".join(b)
        if isinstance(b, float) or isinstance(a, float):
            assert math.isclose(float(a), float(b), rel_tol=1e-9), (kind, attr, a, b)
        else:
            assert a == b, (kind, attr, a, b)

    # networkx
    g = nx.read_graphml(f"{tmp}/{kind}.graphml")
    assert g.number_of_nodes() == len(nodes), (kind, "nx nodes")
    assert g.number_of_edges() == len(links), (kind, "nx edges")
    for nid, data in g.nodes(data=True):
        for attr in node_attrs:
            if attr in nodes[nid]:
                same(data[attr], nodes[nid][attr], attr)
            else:
                assert attr not in data, (kind, nid, attr)
    for a, b, data in g.edges(data=True):
        ref_edge = links[frozenset((a, b))]
        for attr in edge_attrs:
            same(data[attr], ref_edge[attr], attr)

    # python-igraph
    h = ig.Graph.Read_GraphML(f"{tmp}/{kind}.graphml")
    assert h.vcount() == len(nodes) and h.ecount() == len(links), (kind, "igraph counts")
    assert not h.is_directed()
    ids = h.vs["id"]
    for v in h.vs:
        for attr in node_attrs:
            want = nodes[v["id"]].get(attr)
            got = v[attr]
            if want is None:
                assert got is None or got == "" or (isinstance(got, float) and math.isnan(got)), (kind, attr, got)
            else:
                same(type(want)(got) if isinstance(want, int) else got, want, attr)
    for e in h.es:
        ref_edge = links[frozenset((ids[e.source], ids[e.target]))]
        for attr in edge_attrs:
            want = ref_edge[attr]
            same(int(e[attr]) if isinstance(want, int) else e[attr], want, attr)
    return nodes, links

nodes, links = check("g", ["name", "papers"], ["joint_papers", "fractional", "papers"],
                     stats["authors"], stats["coauthor_edges"] - stats["self_loops"])
# the names are unique, and the papers of an edge number its joint papers
assert len({n["name"] for n in nodes.values()}) == len(nodes)
for l in links.values():
    assert len(l["papers"]) == l["joint_papers"], l
check("b", ["type", "bipartite", "name", "papers", "year", "ident"], ["position", "inferred"],
      stats["authors"] + stats["papers"], stats["authorships"])

# CSV: Gephi's columns, the same rows
with open(f"{tmp}/g-nodes.csv", newline="") as f:
    rows = list(csv.DictReader(f))
assert len(rows) == len(nodes) and list(rows[0])[:2] == ["Id", "Label"]
for r in rows:
    assert r["Label"] == nodes[r["Id"]]["name"] and int(r["papers"]) == nodes[r["Id"]]["papers"]
with open(f"{tmp}/g-edges.csv", newline="") as f:
    rows = list(csv.DictReader(f))
assert len(rows) == len(links) and list(rows[0])[:4] == ["Source", "Target", "Type", "Weight"]
for r in rows:
    l = links[frozenset((r["Source"], r["Target"]))]
    assert int(r["Weight"]) == l["joint_papers"] and r["papers"] == "; ".join(l["papers"])
    assert math.isclose(float(r["fractional"]), l["fractional"])
print("ok", len(nodes), "authors", len(links), "edges")
PY
done
