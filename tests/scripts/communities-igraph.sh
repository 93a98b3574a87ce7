#!/usr/bin/env bash
# coauthor communities against python-igraph (Debian's python3-igraph):
#   - Zachary's karate club: the exact optimum is Q = 0.4198 on both sides,
#     and fast greedy and Walktrap (deterministic) give the same partitions;
#   - CA-GrQc (SNAP edge list, self-loops and repeated pairs dropped on both
#     sides): the Q that coauthor prints is the modularity of the partition
#     it writes (recomputed by python-igraph), and its Leiden Q is within
#     0.01 of python-igraph's community_leiden with the same objective
#     (modularity, iterated until stable; the two RNGs differ).
set -e
. tests/script-lib.sh
need_shared snap/CA-GrQc.txt
if ! $PY -c 'import igraph' 2>/dev/null; then
    echo "FAIL: python3-igraph is not installed (scripts/install-deps.sh); CI must run this test"
    exit 1
fi
for m in optimal fastgreedy walktrap leiden; do
    "$COAUTHOR" communities -q --tsv --method $m tests/data/karate.txt >"$tmp/karate-$m.tsv"
    "$COAUTHOR" communities -q --json --method $m tests/data/karate.txt >"$tmp/karate-$m.json"
done
"$COAUTHOR" communities -q --tsv "$SHARED/snap/CA-GrQc.txt" >"$tmp/grqc-leiden.tsv"
"$COAUTHOR" communities -q --json "$SHARED/snap/CA-GrQc.txt" >"$tmp/grqc-leiden.json"
$PY - "$tmp" <<'PYEOF'
import json, random, sys
import igraph as ig

tmp = sys.argv[1]
fail = 0

def load_snap(path):
    edges, names = set(), set()
    for line in open(path):
        if line.startswith('#') or not line.strip():
            continue
        a, b = line.split()[:2]
        names.update((a, b))  # an author with only a self-loop stays, alone
        if a != b:
            edges.add((min(a, b), max(a, b)))
    names = sorted(names)
    index = {n: i for i, n in enumerate(names)}
    g = ig.Graph([(index[a], index[b]) for a, b in sorted(edges)])
    g.vs['name'] = names
    return g, index

def ours(name, g, index):
    membership = [None] * g.vcount()
    for line in list(open(f'{tmp}/{name}.tsv'))[1:]:
        author, community = line.rstrip('\n').split('\t')
        membership[index[author]] = int(community)
    assert None not in membership, name
    return membership, json.load(open(f'{tmp}/{name}.json'))

def partition(membership):
    groups = {}
    for v, c in enumerate(membership):
        groups.setdefault(c, set()).add(v)
    return sorted(sorted(s) for s in groups.values())

def check(ok, what):
    global fail
    print(('ok   ' if ok else 'FAIL ') + what)
    if not ok:
        fail = 1

g, index = load_snap('tests/data/karate.txt')
check(g.vcount() == 34 and g.ecount() == 78, 'karate: 34 members, 78 ties')
opt = g.community_optimal_modularity()
m, js = ours('karate-optimal', g, index)
check(round(opt.modularity, 4) == 0.4198, f'karate: python-igraph optimum Q = {opt.modularity:.6f}')
check(abs(js['modularity'] - opt.modularity) < 1e-6, f'karate: coauthor optimum Q = {js["modularity"]:.6f}')
check(abs(g.modularity(m) - opt.modularity) < 1e-6, 'karate: the written optimal partition has that Q')
check(partition(m) == partition(opt.membership), 'karate: the same optimal partition')
for method, theirs in (('fastgreedy', g.community_fastgreedy().as_clustering()),
                       ('walktrap', g.community_walktrap(steps=4).as_clustering())):
    m, js = ours(f'karate-{method}', g, index)
    check(partition(m) == partition(theirs.membership) and abs(js['modularity'] - theirs.modularity) < 1e-6,
          f'karate: {method} Q = {js["modularity"]:.6f}, python-igraph {theirs.modularity:.6f}')
m, js = ours('karate-leiden', g, index)
check(abs(g.modularity(m) - js['modularity']) < 1e-6, f'karate: leiden Q = {js["modularity"]:.6f} is its partition\'s')

g, index = load_snap('../shared/data/snap/CA-GrQc.txt')
m, js = ours('grqc-leiden', g, index)
q_ours = g.modularity(m)
check(abs(q_ours - js['modularity']) < 1e-6, f'CA-GrQc: leiden Q = {js["modularity"]:.6f} is its partition\'s')
random.seed(1)
theirs = g.community_leiden(objective_function='modularity', n_iterations=-1)
q_theirs = g.modularity(theirs.membership)
check(abs(q_ours - q_theirs) < 0.01,
      f'CA-GrQc: leiden Q {q_ours:.4f} ({js["n_communities"]} communities), '
      f'python-igraph {q_theirs:.4f} ({len(theirs)} communities)')
sys.exit(fail)
PYEOF
