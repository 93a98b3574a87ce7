#!/usr/bin/env bash
# GraphML, JSON and CSV from 'coauthor export' read back with networkx and
# python-igraph: the same node and edge counts, and the same attribute
# values, as the JSON export and as coauthor's own counts; the --communities
# and --centrality attributes, typed, against what networkx and
# python-igraph compute themselves (degree, strength, coreness, PageRank,
# betweenness, the modularity of the partition).  Skips (passes
# with a message) when the Debian packages python3-networkx and
# python3-igraph are missing.
set -e
. tests/script-lib.sh
if ! "$PY" -c 'import networkx, igraph' 2>/dev/null; then
    echo "FAIL: python3-networkx and python3-igraph are not installed; CI must run this test"
    exit 1
fi
for input in data/ivan-titov.txt; do
    "$COAUTHOR" export -q --to graphml "$input" -o "$tmp/g.graphml"
    "$COAUTHOR" export -q --to graphml --bipartite "$input" -o "$tmp/b.graphml"
    "$COAUTHOR" export -q --to json "$input" -o "$tmp/g.json"
    "$COAUTHOR" export -q --to json --bipartite "$input" -o "$tmp/b.json"
    "$COAUTHOR" export -q --to csv "$input" -o "$tmp/g.csv"
    "$COAUTHOR" stats -q --json "$input" >"$tmp/stats.json"
    # the community and every centrality, as typed attributes
    measures=degree,strength,betweenness,closeness,harmonic,pagerank,eigenvector,coreness
    "$COAUTHOR" export -q --to graphml --communities --centrality "$measures" "$input" -o "$tmp/c.graphml"
    "$COAUTHOR" export -q --to json --communities --centrality "$measures" "$input" -o "$tmp/c.json"
    "$COAUTHOR" export -q --to csv --communities --centrality "$measures" "$input" -o "$tmp/c.csv"
    "$COAUTHOR" communities -q --json "$input" >"$tmp/communities.json"
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

# --communities and --centrality: typed keys, read back by both libraries
# with the values of the JSON export, and checked against what networkx
# and python-igraph compute themselves
measures = ["degree", "strength", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector", "coreness"]
cnodes, clinks = check("c", ["name", "papers", "community"] + measures, ["joint_papers", "fractional"],
                       stats["authors"], stats["coauthor_edges"] - stats["self_loops"])
keys = {k.get("attr.name"): k.get("attr.type") for k in
        __import__("xml.etree.ElementTree", fromlist=["x"]).parse(f"{tmp}/c.graphml").getroot()
        if k.tag.endswith("key") and k.get("for") == "node"}
for attr, typ in [("community", "long"), ("degree", "long"), ("strength", "long"), ("coreness", "long"),
                  ("pagerank", "double"), ("betweenness", "double"), ("closeness", "double"),
                  ("harmonic", "double"), ("eigenvector", "double")]:
    assert keys.get(attr) == typ, (attr, keys.get(attr))
g = nx.read_graphml(f"{tmp}/c.graphml")
core = nx.core_number(g)
for nid, data in g.nodes(data=True):
    assert isinstance(data["community"], int) and isinstance(data["degree"], int), data
    assert data["degree"] == g.degree(nid), (nid, data["degree"], g.degree(nid))
    assert data["strength"] == g.degree(nid, weight="joint_papers"), nid
    assert data["coreness"] == core[nid], (nid, data["coreness"], core[nid])
h = ig.Graph.Read_GraphML(f"{tmp}/c.graphml")
w = h.es["joint_papers"]
pr = h.pagerank(weights=w, damping=0.85)
for v, p in zip(h.vs, pr):
    assert math.isclose(v["pagerank"], p, rel_tol=1e-6), (v["name"], v["pagerank"], p)
lengths = [1.0 / x for x in w]
bt = h.betweenness(weights=lengths)
for v, b in zip(h.vs, bt):
    assert math.isclose(v["betweenness"], b, rel_tol=1e-6, abs_tol=1e-9), (v["name"], v["betweenness"], b)
# communities: numbered by size, largest first, with the modularity that
# 'coauthor communities' reports for the same seed
comm = json.load(open(f"{tmp}/communities.json"))
membership = [int(x) for x in h.vs["community"]]
sizes = [membership.count(k) for k in range(max(membership) + 1)]
assert sizes == sorted(sizes, reverse=True) and min(sizes) > 0, sizes
assert len(sizes) == comm["n_communities"], (len(sizes), comm["n_communities"])
q = h.modularity(membership, weights=w)
assert math.isclose(q, comm["modularity"], abs_tol=1e-5), (q, comm["modularity"])
with open(f"{tmp}/c-nodes.csv", newline="") as f:
    rows = list(csv.DictReader(f))
for r in rows:
    ref = cnodes[r["Id"]]
    assert int(r["community"]) == ref["community"] and int(r["degree"]) == ref["degree"]
    assert math.isclose(float(r["pagerank"]), ref["pagerank"], rel_tol=1e-9)
print("ok", len(nodes), "authors", len(links), "edges;", len(sizes), "communities, modularity %.4f;" % q,
      len(measures), "centralities")
PY
done
