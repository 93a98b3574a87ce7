#!/usr/bin/env bash
# coauthor rank against python-igraph (Debian's python3-igraph) on two
# graphs, every author compared, to 1e-6 (absolute):
#   - CA-GrQc, the SNAP edge list: every edge has one joint paper, so the
#     distance measures count hops and PageRank is unweighted;
#   - the profile listing, projected here independently of coauthor, where
#     edges carry 1 to 7 joint papers.
# Both sides use the same conventions: PageRank (PRPACK) with damping 0.85
# and weight = joint papers; betweenness, closeness and harmonic
# centrality with edge length = 1/joint papers; betweenness raw (each
# unordered pair once, igraph's default); closeness and harmonic
# normalised (igraph's normalized=True); self-loops dropped.
set -e
. tests/script-lib.sh
need_shared snap/CA-GrQc.txt
if ! $PY -c 'import igraph' 2>/dev/null; then
    echo "FAIL: python3-igraph is not installed (scripts/install-deps.sh); CI must run this test"
    exit 1
fi
for m in pagerank betweenness closeness harmonic strength degree; do
    # --exact: CA-GrQc is below the sampling threshold, but say so anyway
    extra=""
    [ $m = betweenness ] && extra=--exact
    "$COAUTHOR" rank -q --tsv --by $m $extra "$SHARED/snap/CA-GrQc.txt" >"$tmp/snap-$m.tsv"
    "$COAUTHOR" rank -q --tsv --by $m $extra data/ivan-titov.txt >"$tmp/profile-$m.tsv"
done
$PY - "$tmp" <<'PYEOF'
import itertools, math, re, sys
from collections import Counter
import igraph as ig

tmp = sys.argv[1]
failed = []

def read_tsv(path):
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")]
    head = rows[0]
    assert head == ["rank", "author", "score", "papers", "degree"], head
    return {r[1]: (float("nan") if r[2] == "-" else float(r[2])) for r in rows[1:]}

def compare(label, g, joint):
    names = g.vs["name"]
    lengths = [1.0 / w for w in joint]
    ref = {
        "pagerank": g.pagerank(damping=0.85, weights=joint, directed=False),
        "betweenness": g.betweenness(weights=lengths, directed=False),
        "closeness": g.closeness(weights=lengths, normalized=True),
        "harmonic": g.harmonic_centrality(weights=lengths, normalized=True),
        "strength": g.strength(weights=joint),
        "degree": g.degree(),
    }
    for measure, values in ref.items():
        got = read_tsv(f"{tmp}/{label}-{measure}.tsv")
        if sorted(got) != sorted(names):
            failed.append(f"{label} {measure}: {len(got)} authors, python-igraph {len(names)}")
            print(f"FAIL {failed[-1]}")
            continue
        worst, where = 0.0, None
        for name, want in zip(names, values):
            have = got[name]
            if math.isnan(want) and math.isnan(have):
                continue
            d = abs(have - want) if not (math.isnan(want) or math.isnan(have)) else math.inf
            if d > worst:
                worst, where = d, name
        ok = worst <= 1e-6
        print(f"{'ok  ' if ok else 'FAIL'} {label} {measure}: {len(names)} authors, largest difference {worst:.3g}"
              + ("" if ok else f" at {where}"))
        if not ok:
            failed.append(f"{label} {measure}")

# CA-GrQc: both directions of a pair make one edge; self-loops dropped,
# but an author seen only in a self-loop is kept
pairs, nodes = set(), set()
for line in open("../shared/data/snap/CA-GrQc.txt"):
    if line.startswith("#") or not line.strip():
        continue
    a, b = line.split()[:2]
    nodes.update((a, b))
    if a != b:
        pairs.add((min(a, b), max(a, b)))
g = ig.Graph()
g.add_vertices(sorted(nodes))
g.add_edges(sorted(pairs))
compare("snap", g, [1.0] * g.ecount())

# The profile listing: header, blank, title, blank, authors; the owner is
# added to a list cut by "et al." that does not show them
text = open("data/ivan-titov.txt", encoding="utf-8").read().split("\n")
hdr = re.compile(r"^(\d+(\.\d+)?)?[A-Z]{2}(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}(, \d{4})?(Code)?$")
owner = text[0].strip()
joint = Counter()
for i, line in enumerate(text):
    if hdr.match(line):
        authors = text[i + 3].split(" \u00b7 ")[0]
        truncated = authors.endswith(" et al.")
        names = [n.strip() for n in authors.removesuffix(" et al.").split(",") if n.strip()]
        if truncated and owner not in names:
            names.append(owner)
        for a, b in itertools.combinations(sorted(set(names)), 2):
            joint[(a, b)] += 1
edges = sorted(joint)
g = ig.Graph.TupleList(edges, directed=False)
if max(joint.values()) < 2:
    failed.append("profile: expected edges of several joint papers")
compare("profile", g, [float(joint[e]) for e in edges])

sys.exit(1 if failed else 0)
PYEOF
