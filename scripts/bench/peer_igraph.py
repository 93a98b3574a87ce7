#!/usr/bin/python3
"""The benchmark's jobs with python-igraph, end to end from a DBLP XML file.

    peer_igraph.py stats FILE
    peer_igraph.py rank FILE AUTHOR
    peer_igraph.py path FILE FROM TO
    peer_igraph.py pagerank FILE
    peer_igraph.py communities FILE          (Leiden, modularity objective)
    peer_igraph.py ego FILE AUTHOR OUT.svg

Each job reads the file, builds the weighted coauthor graph (joint papers,
fractional weight, first and last joint year on every edge) and answers
what the matching coauthor command answers.  Timings of the phases go to
stderr.
"""
import random
import sys
import time

import igraph as ig

import peer_common as pc


def build(path):
    t0 = time.perf_counter()
    papers = pc.read_dblp(path)
    t0 = pc.phase("read", t0)
    pairs, names = pc.edge_weights(papers)
    names = sorted(names)
    index = {n: i for i, n in enumerate(names)}
    edges = [(index[a], index[b]) for a, b in pairs]
    w = list(pairs.values())
    del pairs
    g = ig.Graph(n=len(names), edges=edges, directed=False,
                 vertex_attrs={"name": names},
                 edge_attrs={"weight": [x[0] for x in w], "fractional": [x[1] for x in w],
                             "first": [x[2] for x in w], "last": [x[3] for x in w]})
    del edges, w
    pc.phase("build", t0)
    return papers, g


def stats(path):
    papers, g = build(path)
    t0 = time.perf_counter()
    comps = g.connected_components()
    sizes = comps.sizes()
    giant = max(range(len(sizes)), key=lambda i: sizes[i])
    members = comps[giant]
    clustering = g.transitivity_avglocal_undirected(mode="zero")
    transitivity = g.transitivity_undirected()
    triples = sum(d * (d - 1) // 2 for d in g.degree())
    triangles = round(transitivity * triples / 3)
    if len(members) <= pc.EXACT_DISTANCE_LIMIT:
        sources = members
    else:
        names = g.vs["name"]
        by_name = sorted(members, key=lambda v: names[v])
        chosen = set(pc.sample([names[v] for v in by_name], pc.DISTANCE_SAMPLE))
        sources = [v for v in by_name if names[v] in chosen]
    diameter, total, count = 0, 0, 0
    for s in sources:
        vids, layers, _ = g.bfs(s)
        diameter = max(diameter, len(layers) - 2)
        for d in range(1, len(layers) - 1):
            total += d * (layers[d + 1] - layers[d])
        count += layers[-1] - 1
    pc.phase("analyse", t0)
    authorships = sum(len(a) for a, _ in papers)
    print("papers %d\nauthors %d\nauthorships %d\ncoauthor_edges %d\ncomponents %d\n"
          "largest_component_authors %d\ntriangles %d\naverage_clustering %.6f\ntransitivity %.6f\n"
          "diameter %d%s\nmean_distance %.4f" % (
              len(papers), g.vcount(), authorships, g.ecount(), len(sizes), len(members), triangles,
              clustering, transitivity, diameter,
              " (from %d sources)" % len(sources) if len(sources) < len(members) else "",
              total / count if count else 0.0))


def rank(path, author):
    _, g = build(path)
    t0 = time.perf_counter()
    v = g.vs.find(name=author).index
    rows = []
    for e in g.es[g.incident(v)]:
        u = e.target if e.source == v else e.source
        rows.append((e["weight"], e["fractional"], g.vs[u]["name"], e["first"], e["last"]))
    rows.sort(key=lambda r: (-r[0], -r[1], r[2]))
    pc.phase("rank", t0)
    for i, (w, f, name, y0, y1) in enumerate(rows, 1):
        print("%d\t%s\t%d\t%.4f\t%d\t%d" % (i, name, w, f, y0, y1))


def path_job(path, a, b):
    _, g = build(path)
    t0 = time.perf_counter()
    chain = g.get_shortest_paths(g.vs.find(name=a).index, to=g.vs.find(name=b).index, output="vpath")[0]
    pc.phase("path", t0)
    print("length %d" % (len(chain) - 1))
    for u, v in zip(chain, chain[1:]):
        print("%s -- %s (%d joint papers)" % (g.vs[u]["name"], g.vs[v]["name"], g.es[g.get_eid(u, v)]["weight"]))


def pagerank(path):
    _, g = build(path)
    t0 = time.perf_counter()
    pr = g.pagerank(damping=0.85, weights="weight")
    names = g.vs["name"]
    top = sorted(range(len(pr)), key=lambda v: (-pr[v], names[v]))[:20]
    pc.phase("pagerank", t0)
    for i, v in enumerate(top, 1):
        print("%d\t%s\t%.8f" % (i, names[v], pr[v]))


def communities(path):
    _, g = build(path)
    t0 = time.perf_counter()
    random.seed(pc.SEED)  # python-igraph draws from Python's random module
    part = g.community_leiden(objective_function="modularity", weights="weight", resolution_parameter=1.0,
                              n_iterations=2)
    q = g.modularity(part.membership, weights="weight")
    pc.phase("leiden", t0)
    sizes = sorted(part.sizes(), reverse=True)
    print("method leiden\ncommunities %d\nmodularity %.6f\nlargest %s" % (len(sizes), q, sizes[:10]))


def ego(path, author, out):
    _, g = build(path)
    t0 = time.perf_counter()
    v = g.vs.find(name=author).index
    e = g.induced_subgraph(g.neighborhood(v, order=1))
    random.seed(pc.SEED)
    layout = e.layout_fruchterman_reingold(weights="weight")
    e.write_svg(out, layout=layout, labels="name", width=800, height=800)
    pc.phase("ego+layout+svg", t0)
    print("ego %s: %d authors, %d edges -> %s" % (author, e.vcount(), e.ecount(), out))


def main():
    jobs = {"stats": (stats, 1), "rank": (rank, 2), "path": (path_job, 3), "pagerank": (pagerank, 1),
            "communities": (communities, 1), "ego": (ego, 3)}
    if len(sys.argv) < 3 or sys.argv[1] not in jobs or len(sys.argv) - 2 != jobs[sys.argv[1]][1]:
        print(__doc__, file=sys.stderr)
        return 2
    fn, _ = jobs[sys.argv[1]]
    fn(*sys.argv[2:])
    pc.print_timings()
    return 0


if __name__ == "__main__":
    sys.exit(main())
