#!/usr/bin/python3
"""The distributed pipeline (scripts/dask/) against a single machine.

A generated corpus (scripts/gen-corpus.py, DBLP XML and BibTeX of the
same papers, so every paper comes twice) is cut into 8 shards: the BibTeX
file as 4 line ranges, the XML as 4 files.  'coauthor import' reads the
same inputs on one machine.  On a LocalCluster of 2 worker processes on
127.0.0.1, the pipeline must give:
  - the same papers, authors, authorships and edges, with the same joint
    papers, fractional weights, years and paper lists (its edge files
    against 'coauthor export --to csv');
  - after 'coauthor import' of its output, the same bytes from stats,
    export, rank --author (5 authors) and path;
  - from its own distributed jobs: the components of 'coauthor stats', the
    top coauthors of 5 authors byte for byte as 'rank --author --tsv', a
    shortest chain as long as 'coauthor path' finds, whose hops are edges
    with their joint papers, and an ego network that 'coauthor draw'
    renders and that exports as the single machine's ego network does;
  - the same bytes again when a worker is killed after the first C stage
    has finished (Dask recomputes what it held);
  - for a JSON Lines file cut into line ranges, the statistics of the file
    read whole.

    tests/scripts/dask_pipeline.py [COAUTHOR]

The same comparisons, on a pipeline output built beforehand (a large corpus:
scripts/dask/README.md's 2M papers) and a 'coauthor import' of its shards,
with a LocalCluster of 2 workers for the distributed jobs:

    tests/scripts/dask_pipeline.py --compare OUT SINGLE.db [COAUTHOR]
"""
import filecmp
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "scripts", "dask"))
import coauthor_dask as cd  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def run(coauthor, *args):
    r = subprocess.run([coauthor] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return r.returncode, r.stdout.decode()


def bib_ranges(path, n):
    """n line ranges of a BibTeX file, cut where entries start."""
    lines = open(path, encoding="utf-8").read().split("\n")
    starts = [k + 1 for k, l in enumerate(lines) if l.startswith("@")]
    cuts = [starts[len(starts) * k // n] for k in range(n)] + [len(lines) + 1]
    return ["%s@%d-%d" % (path, cuts[k], cuts[k + 1] - 1) for k in range(n)]


def split_xml(path, n, out):
    text = open(path, encoding="latin-1").read()
    head, body = text.split("<dblp>\n", 1)
    body = body.rsplit("</dblp>", 1)[0]
    recs, cur = [], []
    for line in body.split("\n"):
        if not line:
            continue
        cur.append(line)
        if line.startswith("</"):
            recs.append("\n".join(cur) + "\n")
            cur = []
    files = []
    for k in range(n):
        f = os.path.join(out, "part%d.xml" % k)
        with open(f, "w", encoding="latin-1") as fh:
            fh.write(head + "<dblp>\n" + "".join(recs[len(recs) * k // n:len(recs) * (k + 1) // n]) + "</dblp>\n")
        files.append(f)
    return files


def tree_bytes(d):
    got = {}
    for kind in ("authorships", "authors", "edges"):
        for p in cd.parts(d, kind):
            got[os.path.join(kind, os.path.basename(p))] = open(p, "rb").read()
    return got


def kill_one_worker(client):
    pids = client.run(os.getpid)
    victim = sorted(pids)[0]
    os.kill(pids[victim], signal.SIGKILL)
    print("     killed worker %s (pid %d) after the first C stage" % (victim, pids[victim]))


def body(text):
    """coauthor stats without its first lines (the inputs' names)."""
    return text[text.index("\npapers "):]


def edge_table(chunks):
    """Edges as arrays sorted by pair: (pair, joint papers, fractional
    weight, hash of the sorted paper list), from chunks of (author index,
    author index, joint papers, fractional, sorted papers); an author without
    an index makes a pair that matches none.  Arrays, not a dict of tuples:
    at 2M papers each side has 17M edges, several GB as Python objects."""
    cols = [[], [], [], []]
    for a, b, j, f, ps in chunks:
        a = np.asarray(a.fillna(-1), dtype=np.int64)
        b = np.asarray(b.fillna(-1), dtype=np.int64)
        cols[0].append(np.where((a < 0) | (b < 0), -1, np.minimum(a, b) * (1 << 32) + np.maximum(a, b)))
        cols[1].append(np.asarray(j, dtype=np.int64))
        cols[2].append(np.asarray(f, dtype=np.float64))
        cols[3].append(np.fromiter((hash(x) for x in ps), dtype=np.int64, count=len(ps)))
    cols = [np.concatenate(c) if c else np.zeros(0) for c in cols]
    order = np.argsort(cols[0], kind="stable")
    return [c[order] for c in cols]


def edge_papers(table, a, b):
    """The hash of the papers of edge a-b in an edge_table, or None."""
    if a is None or b is None:
        return None
    key = min(a, b) * (1 << 32) + max(a, b)
    k = int(np.searchsorted(table[0], key))
    return int(table[3][k]) if k < len(table[0]) and table[0][k] == key else None


def compare(client, coauthor, out, single, info, tmp):
    """The pipeline's output OUT (info: its build.json) against SINGLE, a
    single-machine import of the same shards; scratch files go to TMP."""
    # the edge files against the single machine's export
    subprocess.run([coauthor, "export", "-q", "--to", "csv", "-o", os.path.join(tmp, "s.csv"), single],
                   check=True)
    nodes = [l.split(",", 1)[0] for l in open(os.path.join(tmp, "s-nodes.csv")).read().split("\n")[1:] if l]
    order = []
    for p in cd.parts(out, "authors"):
        t = cd.read_tsv(p)
        order += list(t.loc[t["papers"].astype(int) > 0, "author"])
    check(len(order) == len(nodes) == info["authors"],
          "authors: %d in the pipeline, %d on one machine" % (len(order), len(nodes)))
    index = {n: k for k, n in enumerate(nodes)}
    vid = {a: k for k, a in enumerate(order)} if len(order) == len(nodes) else {}
    chunks = pd.read_csv(os.path.join(tmp, "s-edges.csv"), dtype=str, keep_default_na=False, chunksize=1000000)
    want = edge_table((c["Source"].map(index), c["Target"].map(index), c["joint_papers"], c["fractional"],
                       [";".join(sorted(x.strip() for x in ps.split(";"))) for ps in c["papers"]])
                      for c in chunks)
    got = edge_table((e["a"].map(vid), e["b"].map(vid), e["joint_papers"], e["fractional"],
                      [";".join(sorted(ps.split(";"))) for ps in e["papers"]])
                     for e in (cd.read_tsv(p) for p in cd.parts(out, "edges")))
    check(len(got[0]) == len(want[0]) == info["edges"],
          "edges: %d in the pipeline, %d on one machine" % (len(got[0]), len(want[0])))
    same = len(got[0]) == len(want[0]) and bool((got[0] == want[0]).all() and (got[1] == want[1]).all() and
                                                (abs(got[2] - want[2]) < 1e-9).all() and (got[3] == want[3]).all())
    check(same, "every edge has the same joint papers, fractional weight and papers")

    # the pipeline's output imported: every command answers the same
    dist = os.path.join(tmp, "dist.db")
    subprocess.run([coauthor, "import", "-q"] + cd.parts(out, "authors") + cd.parts(out, "authorships") +
                   ["-o", dist], check=True)
    check(body(run(coauthor, "stats", single)[1]) == body(run(coauthor, "stats", dist)[1]),
          "coauthor stats: the same on the imported output")
    subprocess.run([coauthor, "export", "-q", "--to", "csv", "-o", os.path.join(tmp, "d.csv"), dist], check=True)
    for kind in ("nodes", "edges"):
        check(filecmp.cmp(os.path.join(tmp, "s-%s.csv" % kind), os.path.join(tmp, "d-%s.csv" % kind), shallow=False),
              "coauthor export --to csv: the same %s, byte for byte" % kind)

    # five authors with the most coauthors whose display names are unique
    shown = {}
    for p in cd.parts(out, "authors"):
        t = cd.read_tsv(p)
        for d in t.loc[t["papers"].astype(int) > 0, "display"]:
            shown[d] = shown.get(d, 0) + 1
    ranked = run(coauthor, "rank", "--by", "degree", "--top", "40", "--tsv", single)[1].split("\n")[1:]
    five = [l.split("\t")[1] for l in ranked if l and shown.get(l.split("\t")[1]) == 1][:5]
    check(len(five) == 5, "five authors to ask about: %s" % ", ".join(five))
    for a in five:
        ranking = run(coauthor, "rank", "--author", a, "--top", "10", "--tsv", single)[1]
        check(run(coauthor, "rank", "--author", a, "--top", "10", "--tsv", dist)[1] == ranking,
              "rank --author '%s': the same on the imported output" % a)
        check(cd.top_coauthors(client, out, a, 10)[1] == ranking,
              "top coauthors of '%s' from the partitioned edges: rank --author's bytes" % a)

    comps = cd.components(client, out)
    stats = dict(l.rsplit(None, 1) for l in run(coauthor, "stats", single)[1].split("\n")
                 if l[:1].isalpha() and len(l.split()) > 1)
    for mine, theirs in (("components", "components"),
                         ("largest_component_authors", "largest component authors"),
                         ("largest_component_edges", "largest component edges"),
                         ("isolated_authors", "isolated authors")):
        check(str(comps[mine]) == stats.get(theirs), "%s: %d by label propagation (%d rounds), %s by "
              "coauthor stats" % (theirs, comps[mine], comps["rounds"], stats.get(theirs)))

    # a chain to the farthest author (of a unique name) from the first
    a = five[0]
    far = [l.split("\t") for l in run(coauthor, "distance", "--from", a, "--tsv", single)[1].split("\n")[1:]
           if l and shown.get(l.split("\t")[0]) == 1]
    b = max(far, key=lambda r: (int(r[1]), r[0]))[0]
    tsv = run(coauthor, "path", "--from", a, "--to", b, "--tsv", single)[1]
    hops = max(int(l.split("\t")[1]) for l in tsv.split("\n")[1:] if l)
    check(run(coauthor, "path", "--from", a, "--to", b, "--tsv", dist)[1] == tsv,
          "path '%s' -> '%s': the same on the imported output" % (a, b))
    r = cd.chain(client, out, a, b)
    check(r is not None and len(r[1]) == hops,
          "distributed chain '%s' -> '%s': %s hops, coauthor path %d" % (a, b, len(r[1]) if r else None,
                                                                       hops))
    if r:
        path, papers, rounds = r
        ok = all(edge_papers(want, vid.get(path[k]), vid.get(path[k + 1])) == hash(";".join(sorted(papers[k])))
                 for k in range(len(papers)))
        check(ok, "each hop of the chain is an edge, named with its joint papers (%d rounds)" % rounds)

    prefix = os.path.join(tmp, "ego")
    cd.ego(client, out, a, 1, prefix)
    ego_files = [prefix + "-authors.tsv", prefix + "-authorships.tsv"]
    e1 = run(coauthor, "export", "-q", "--ego", a, "--to", "csv", "-o", os.path.join(tmp, "e1.csv"), single)
    e2 = run(coauthor, "export", "-q", "--ego", a, "--to", "csv", "-o", os.path.join(tmp, "e2.csv"),
             *ego_files)
    check(e1[0] == 0 and e2[0] == 0 and all(
        open(os.path.join(tmp, "e1-%s.csv" % k)).read() == open(os.path.join(tmp, "e2-%s.csv" % k)).read()
        for k in ("nodes", "edges")), "the extracted ego network of '%s' is the single machine's" % a)
    png = os.path.join(tmp, "ego.png")
    rc, _ = run(coauthor, "draw", "-q", "--ego", a, "-o", png, *ego_files)
    check(rc == 0 and open(png, "rb").read(8) == b"\x89PNG\r\n\x1a\n", "coauthor draw renders it")


def compare_only(out, single, coauthor):
    from distributed import Client, LocalCluster
    with open(os.path.join(out, "build.json")) as f:
        info = json.load(f)
    tmp = tempfile.mkdtemp(prefix="coauthor-dask-compare-")
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", **cd.LOOPBACK_HTTP)
    client = Client(cluster)
    try:
        compare(client, coauthor, out, single, info, tmp)
    finally:
        client.close()
        cluster.close()
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    if sys.argv[1:2] == ["--compare"]:
        coauthor = os.path.abspath(sys.argv[4] if len(sys.argv) > 4 else os.path.join(ROOT, "build", "coauthor"))
        compare_only(sys.argv[2], sys.argv[3], coauthor)
        print("%d failed" % len(failures))
        return 1 if failures else 0
    coauthor = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "coauthor"))
    from distributed import Client, LocalCluster
    tmp = tempfile.mkdtemp(prefix="coauthor-dask-")
    try:
        gen = os.path.join(tmp, "c")
        subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "scripts", "gen-corpus.py"), "--papers", "3000",
                        "--seed", "5", "-o", gen], check=True, stdout=subprocess.DEVNULL)
        shards = bib_ranges(gen + ".bib", 4) + split_xml(gen + ".xml", 4, tmp)
        inputs = [gen + ".bib"] + shards[4:]
        single = os.path.join(tmp, "single.db")
        subprocess.run([coauthor, "import", "-q"] + inputs + ["-o", single], check=True)

        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                               **cd.LOOPBACK_HTTP)
        client = Client(cluster)
        try:
            out = os.path.join(tmp, "dist")
            info = cd.build(client, shards, out, coauthor)
            print("     built: %(papers)d papers, %(authors)d authors, %(edges)d edges in %(seconds).1f s" % info)
            first = tree_bytes(out)
            out2 = os.path.join(tmp, "dist2")
            cd.build(client, shards, out2, coauthor, on_first=kill_one_worker)
            check(tree_bytes(out2) == first, "a worker killed mid-run: the output is byte for byte the same")

            compare(client, coauthor, out, single, info, tmp)

            # JSON Lines cut into line ranges (one shard a line): identifiers
            # and the paper count of the whole file
            jl = os.path.join(ROOT, "tests", "data", "jsonl", "openalex-works.jsonl")
            n = sum(1 for _ in open(jl))
            out3 = os.path.join(tmp, "jsonl")
            cd.build(client, ["%s@%d-%d" % (jl, k, k) for k in range(1, n + 1)], out3, coauthor)
            jdb = os.path.join(tmp, "jsonl.db")
            subprocess.run([coauthor, "import", "-q"] + cd.parts(out3, "authors") + cd.parts(out3, "authorships") +
                           ["-o", jdb], check=True)
            check(body(run(coauthor, "stats", jl)[1]) == body(run(coauthor, "stats", jdb)[1]),
                  "%s in %d line ranges: the same stats as the file read whole" % (os.path.basename(jl), n))
        finally:
            client.close()
            cluster.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
