#!/usr/bin/python3
"""The benchmark's jobs with networkx, end to end from a DBLP XML file.

    peer_networkx.py stats FILE
    peer_networkx.py rank FILE AUTHOR
    peer_networkx.py path FILE FROM TO
    peer_networkx.py pagerank FILE
    peer_networkx.py communities FILE        (Louvain: networkx 2.8 has no Leiden)
    peer_networkx.py ego FILE AUTHOR OUT.svg

Each job reads the file, builds the weighted coauthor graph (joint papers,
fractional weight, first and last joint year on every edge) and answers
what the matching coauthor command answers.  Timings of the phases go to
stderr.
"""
import math
import sys
import time

import networkx as nx

import peer_common as pc


def build(path):
    t0 = time.perf_counter()
    papers = pc.read_dblp(path)
    t0 = pc.phase("read", t0)
    pairs, names = pc.edge_weights(papers)
    G = nx.Graph()
    G.add_nodes_from(names)
    G.add_edges_from((a, b, {"weight": w[0], "fractional": w[1], "first": w[2], "last": w[3]})
                     for (a, b), w in pairs.items())
    del pairs
    pc.phase("build", t0)
    return papers, G


def stats(path):
    papers, G = build(path)
    t0 = time.perf_counter()
    comps = sorted(nx.connected_components(G), key=len, reverse=True)
    lcc = G.subgraph(comps[0])
    tri = sum(nx.triangles(G).values()) // 3
    clustering = nx.average_clustering(G)
    transitivity = nx.transitivity(G)
    if lcc.number_of_nodes() <= pc.EXACT_DISTANCE_LIMIT:
        sources = list(lcc.nodes)
    else:
        sources = pc.sample(sorted(lcc.nodes), pc.DISTANCE_SAMPLE)
    diameter, total, count = 0, 0, 0
    for s in sources:
        # on G, not on the subgraph view, which is 20 times slower to walk
        lengths = nx.single_source_shortest_path_length(G, s)
        diameter = max(diameter, max(lengths.values()))
        total += sum(lengths.values())
        count += len(lengths) - 1
    pc.phase("analyse", t0)
    authorships = sum(len(a) for a, _ in papers)
    print("papers %d\nauthors %d\nauthorships %d\ncoauthor_edges %d\ncomponents %d\n"
          "largest_component_authors %d\ntriangles %d\naverage_clustering %.6f\ntransitivity %.6f\n"
          "diameter %d%s\nmean_distance %.4f" % (
              len(papers), G.number_of_nodes(), authorships, G.number_of_edges(), len(comps),
              len(comps[0]), tri, clustering, transitivity, diameter,
              " (from %d sources)" % len(sources) if len(sources) < len(lcc) else "",
              total / count if count else 0.0))


def rank(path, author):
    _, G = build(path)
    t0 = time.perf_counter()
    rows = sorted(((d["weight"], d["fractional"], v, d["first"], d["last"]) for v, d in G[author].items()),
                  key=lambda r: (-r[0], -r[1], r[2]))
    pc.phase("rank", t0)
    for i, (w, f, v, y0, y1) in enumerate(rows, 1):
        print("%d\t%s\t%d\t%.4f\t%d\t%d" % (i, v, w, f, y0, y1))


def path_job(path, a, b):
    _, G = build(path)
    t0 = time.perf_counter()
    chain = nx.shortest_path(G, a, b)
    pc.phase("path", t0)
    print("length %d" % (len(chain) - 1))
    for u, v in zip(chain, chain[1:]):
        print("%s -- %s (%d joint papers)" % (u, v, G[u][v]["weight"]))


def pagerank(path):
    _, G = build(path)
    t0 = time.perf_counter()
    pr = nx.pagerank(G, alpha=0.85, weight="weight")
    top = sorted(pr.items(), key=lambda kv: (-kv[1], kv[0]))[:20]
    pc.phase("pagerank", t0)
    for i, (v, s) in enumerate(top, 1):
        print("%d\t%s\t%.8f" % (i, v, s))


def communities(path):
    _, G = build(path)
    t0 = time.perf_counter()
    parts = nx.community.louvain_communities(G, weight="weight", resolution=1.0, seed=pc.SEED)
    q = nx.community.modularity(G, parts, weight="weight")
    pc.phase("louvain", t0)
    sizes = sorted((len(p) for p in parts), reverse=True)
    print("method louvain\ncommunities %d\nmodularity %.6f\nlargest %s" % (len(parts), q, sizes[:10]))


def ego(path, author, out):
    _, G = build(path)
    t0 = time.perf_counter()
    E = nx.ego_graph(G, author, radius=1)
    pos = nx.spring_layout(E, weight="weight", seed=pc.SEED)
    write_svg(E, pos, out)
    pc.phase("ego+layout+svg", t0)
    print("ego %s: %d authors, %d edges -> %s" % (author, E.number_of_nodes(), E.number_of_edges(), out))


def write_svg(E, pos, out):
    """A plain SVG: networkx draws through matplotlib, which is not
    installed here, so the picture is written by hand."""
    size = 800
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    sx = (size - 40) / ((x1 - x0) or 1)
    sy = (size - 40) / ((y1 - y0) or 1)
    at = {v: (20 + (p[0] - x0) * sx, 20 + (p[1] - y0) * sy) for v, p in pos.items()}
    with open(out, "w", encoding="utf-8") as f:
        f.write('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d">\n' % (size, size))
        for u, v, d in E.edges(data=True):
            f.write('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#888" stroke-width="%.1f"/>\n' % (
                *at[u], *at[v], math.sqrt(d["weight"])))
        for v, (x, y) in at.items():
            f.write('<circle cx="%.1f" cy="%.1f" r="4"><title>%s</title></circle>\n' % (
                x, y, v.replace("&", "&amp;").replace("<", "&lt;")))
        f.write("</svg>\n")


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
