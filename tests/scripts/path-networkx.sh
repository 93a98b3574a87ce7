#!/usr/bin/env bash
# coauthor path and distance against networkx on CA-GrQc (SNAP edge list):
# for seeded random pairs, the chain length, the number of shortest chains
# (networkx path counting), that the chain shown is a real chain and the
# first by name among all shortest chains, and exit status 3 for pairs in
# different components; for one root, the whole distance list.
set -e
. tests/script-lib.sh
need_shared snap/CA-GrQc.txt
: "${PYTHON:=/usr/bin/python3}"
"$PYTHON" -c 'import networkx' 2>/dev/null || { echo "networkx missing (python3-networkx)"; exit 1; }
export COAUTHOR tmp
"$PYTHON" - <<'EOF'
import json, os, random, subprocess, sys
import networkx as nx

coauthor, tmp = os.environ["COAUTHOR"], os.environ["tmp"]
data = "../shared/data/snap/CA-GrQc.txt"
G = nx.Graph()
for line in open(data):
    if line.startswith("#"):
        continue
    a, b = line.split()
    G.add_node(a)
    G.add_node(b)
    if a != b:
        G.add_edge(a, b)

def count_shortest(s, t):
    # path counting from s, as Brandes does
    dist, sigma, order = {s: 0}, {s: 1}, [s]
    for v in order:
        if v == t:
            break
        for w in G[v]:
            if w not in dist:
                dist[w] = dist[v] + 1
                sigma[w] = 0
                order.append(w)
            if dist[w] == dist[v] + 1:
                sigma[w] += sigma[v]
    return dist.get(t), sigma.get(t, 0)

rng = random.Random(20261126)
nodes = sorted(G.nodes())
fail = 0
pairs = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(30)]
for s, t in pairs:
    r = subprocess.run([coauthor, "path", "-q", "--json", "--from", s, "--to", t, data],
                       capture_output=True, text=True)
    length, total = count_shortest(s, t)
    if length is None:
        if r.returncode != 3 or json.loads(r.stdout)["length"] is not None:
            print(f"FAIL {s}->{t}: networkx finds no path, coauthor exit {r.returncode}")
            fail = 1
        continue
    if r.returncode != 0:
        print(f"FAIL {s}->{t}: exit {r.returncode}: {r.stderr.strip()}")
        fail = 1
        continue
    out = json.loads(r.stdout)
    chain = out["chains"][0]["authors"]
    if out["length"] != length or out["total_chains"] != total:
        print(f"FAIL {s}->{t}: coauthor length {out['length']} chains {out['total_chains']}, "
              f"networkx {length} and {total}")
        fail = 1
    if chain[0] != s or chain[-1] != t or any(not G.has_edge(a, b) for a, b in zip(chain, chain[1:])):
        print(f"FAIL {s}->{t}: {chain} is not a chain")
        fail = 1
    if total <= 200:
        first = min(nx.all_shortest_paths(G, s, t))
        if chain != first:
            print(f"FAIL {s}->{t}: shows {chain}, the first by name is {first}")
            fail = 1
        r = subprocess.run([coauthor, "path", "-q", "--json", "--all", "--from", s, "--to", t, data],
                           capture_output=True, text=True)
        listed = [c["authors"] for c in json.loads(r.stdout)["chains"]]
        if listed != sorted(nx.all_shortest_paths(G, s, t))[:100]:
            print(f"FAIL {s}->{t}: --all does not list the shortest chains in name order")
            fail = 1

root = "3466"
r = subprocess.run([coauthor, "distance", "-q", "--tsv", "--from", root, data], capture_output=True, text=True)
got = {}
for line in r.stdout.splitlines()[1:]:
    a, d = line.split("\t")
    got[a] = int(d)
want = nx.single_source_shortest_path_length(G, root)
if got != want:
    print(f"FAIL distance from {root}: {len(got)} authors listed, networkx reaches {len(want)}")
    fail = 1
r = subprocess.run([coauthor, "distance", "-q", "--json", "--from", root, data], capture_output=True, text=True)
out = json.loads(r.stdout)
if out["unreachable"] != G.number_of_nodes() - len(want):
    print(f"FAIL unreachable {out['unreachable']}, networkx {G.number_of_nodes() - len(want)}")
    fail = 1
sys.exit(fail)
EOF
