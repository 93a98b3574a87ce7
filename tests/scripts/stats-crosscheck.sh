#!/usr/bin/env bash
# coauthor stats against networkx and python-igraph on the same graphs:
# CA-GrQc (an edge list) and the profile listing (projected by a script
# here, independently of coauthor's projection).
set -e
. tests/script-lib.sh
need_shared snap/CA-GrQc.txt
$PY -c 'import networkx, igraph' 2>/dev/null || { echo "python3-networkx and python3-igraph are required (scripts/install-deps.sh)"; exit 1; }
"$COAUTHOR" stats --json -q "$SHARED/snap/CA-GrQc.txt" >"$tmp/snap.json"
"$COAUTHOR" stats --json -q data/ivan-titov.txt >"$tmp/profile.json"
$PY - "$tmp" <<'PYEOF'
import json, sys, itertools, re
import networkx as nx
import igraph as ig

tmp = sys.argv[1]
fail = []

def check(label, got, want, tol=5e-7):
    ok = abs(got - want) <= tol if isinstance(want, float) else got == want
    print(f"{'ok  ' if ok else 'FAIL'} {label}: coauthor {got}, reference {want}")
    if not ok:
        fail.append(label)

def compare(name, st, G):
    loops = nx.number_of_selfloops(G)
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    check(f"{name} authors", st["authors"], G.number_of_nodes())
    check(f"{name} edges", st["coauthor_edges"], G.number_of_edges() + loops)
    check(f"{name} self_loops", st["self_loops"], loops)
    comps = sorted(nx.connected_components(G), key=len, reverse=True)
    check(f"{name} components", st["components"], len(comps))
    lcc = G.subgraph(comps[0]).copy()
    check(f"{name} lcc authors", st["largest_component_authors"], lcc.number_of_nodes())
    check(f"{name} triangles", st["triangles"], sum(nx.triangles(G).values()) // 3)
    check(f"{name} average_clustering", st["average_clustering"], round(nx.average_clustering(G), 6))
    check(f"{name} transitivity", st["transitivity"], round(nx.transitivity(G), 6))
    h = ig.Graph.from_networkx(lcc)
    check(f"{name} diameter (igraph)", st["diameter"], h.diameter())
    check(f"{name} mean_distance (igraph)", st["mean_distance"], round(h.average_path_length(), 6))

# CA-GrQc: the edge list as SNAP ships it
G = nx.Graph()
for line in open("../shared/data/snap/CA-GrQc.txt"):
    if line.startswith("#") or not line.strip():
        continue
    a, b = line.split()[:2]
    G.add_edge(a, b)
compare("CA-GrQc", json.load(open(f"{tmp}/snap.json")), G)

# The profile listing, projected here: entries are header, title, authors
text = open("data/ivan-titov.txt", encoding="utf-8").read().split("\n")
hdr = re.compile(r"^(\d+(\.\d+)?)?[A-Z]{2}(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}(, \d{4})?(Code)?$")
owner = text[0].strip()
G = nx.Graph()
papers = 0
for i, line in enumerate(text):
    if hdr.match(line):
        authors = text[i + 3].split(" \u00b7 ")[0]
        truncated = authors.endswith(" et al.")
        names = [n.strip() for n in authors.removesuffix(" et al.").split(",") if n.strip()]
        if truncated and owner not in names:
            names.append(owner)
        G.add_nodes_from(names)
        G.add_edges_from(itertools.combinations(names, 2))
        papers += 1
st = json.load(open(f"{tmp}/profile.json"))
check("profile papers", st["papers"], papers)
compare("profile", st, G)
sys.exit(1 if fail else 0)
PYEOF
