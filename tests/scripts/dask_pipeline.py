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
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "scripts", "dask"))
import coauthor_dask as cd  # noqa: E402

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


def main():
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
            vid = {a: nodes[k] for k, a in enumerate(order)} if len(order) == len(nodes) else {}
            want = {}
            for l in open(os.path.join(tmp, "s-edges.csv")).read().split("\n")[1:]:
                if l:
                    s, t, _, _, j, f, ps = l.split(",", 6)
                    want[frozenset((s, t))] = (int(j), float(f), sorted(x.strip() for x in ps.strip('"').split(";")))
            got = {}
            for p in cd.parts(out, "edges"):
                e = cd.read_tsv(p)
                for a, b, j, f, ps in zip(e["a"], e["b"], e["joint_papers"], e["fractional"], e["papers"]):
                    got[frozenset((vid.get(a), vid.get(b)))] = (int(j), float(f), sorted(ps.split(";")))
            check(len(got) == len(want) == info["edges"],
                  "edges: %d in the pipeline, %d on one machine" % (len(got), len(want)))
            same = all(k in got and got[k][0] == w[0] and abs(got[k][1] - w[1]) < 1e-9 and got[k][2] == w[2]
                       for k, w in want.items())
            check(same, "every edge has the same joint papers, fractional weight and papers")

            # the pipeline's output imported: every command answers the same
            dist = os.path.join(tmp, "dist.db")
            subprocess.run([coauthor, "import", "-q"] + cd.parts(out, "authors") + cd.parts(out, "authorships") +
                           ["-o", dist], check=True)

            def body(text):
                return text[text.index("\npapers "):]
            check(body(run(coauthor, "stats", single)[1]) == body(run(coauthor, "stats", dist)[1]),
                  "coauthor stats: the same on the imported output")
            for kind in ("nodes", "edges"):
                subprocess.run([coauthor, "export", "-q", "--to", "csv", "-o", os.path.join(tmp, "d.csv"), dist],
                               check=True)
                check(open(os.path.join(tmp, "s-%s.csv" % kind)).read() ==
                      open(os.path.join(tmp, "d-%s.csv" % kind)).read(),
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
                ok = all(want.get(frozenset((vid.get(path[k]), vid.get(path[k + 1]))), (0, 0, None))[2] ==
                         sorted(papers[k]) for k in range(len(papers)))
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
