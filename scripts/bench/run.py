#!/usr/bin/python3
"""make bench: coauthor against networkx and python-igraph, end to end.

    scripts/bench/run.py --build build --scale 200000
    scripts/bench/run.py --build build --scale 20000 --tools coauthor,igraph --jobs stats,path

Generates the synthetic corpus once (scripts/gen-corpus.py; cached under
--out, regenerated when the generator changes), then times every job for
every tool from the raw DBLP XML file with /usr/bin/time: wall seconds, CPU
seconds (user + system) and peak resident memory.  Prints one table with
the speed-ups (peer time / coauthor time) and the memory ratio, then the
reading speeds of DBLP XML and BibTeX against cat, zcat and a plain libxml2
SAX pass.  A coauthor command that has not landed yet is shown as
"n/a (not implemented yet)"; it is picked up as soon as 'coauthor help'
lists it.  Nothing here asserts a target: the numbers are reported.
"""
import argparse
import hashlib
import io
import json
import os
import platform
import re
import shlex
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
PY = "/usr/bin/python3"

JOBS = ["stats", "rank", "path", "pagerank", "communities", "ego"]
TOOLS = ["coauthor", "igraph", "networkx"]
TARGET_NX, TARGET_IG, TARGET_MEM = 10.0, 2.0, 0.5


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def sha_of(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def ensure_corpus(out, scale, seed, regen):
    """The corpus files, generated once per (scale, seed, generator)."""
    gen = os.path.join(TOP, "scripts", "gen-corpus.py")
    prefix = os.path.join(out, "corpus-%d-s%d" % (scale, seed))
    stamp = prefix + ".stamp"
    want = sha_of(gen)
    have = open(stamp).read().strip() if os.path.exists(stamp) else ""
    files = (".xml", ".bib", ".scopus.csv", ".wos.txt", ".meta.json")
    if regen or have != want or not all(os.path.exists(prefix + s) for s in files):
        log("bench: generating %d papers (seed %d) into %s.{xml,bib,scopus.csv,wos.txt}" % (scale, seed, prefix))
        t = time.time()
        subprocess.run(["nice", "-n", "10", PY, gen, "--papers", str(scale), "--seed", str(seed),
                        "--formats", "xml,bib,scopus,wos", "-o", prefix], check=True)
        log("bench: generated in %.1f s" % (time.time() - t))
        if os.path.exists(prefix + ".xml.gz"):
            os.remove(prefix + ".xml.gz")
        with open(stamp, "w") as f:
            f.write(want + "\n")
    if not os.path.exists(prefix + ".xml.gz"):
        with open(prefix + ".xml.gz.tmp", "wb") as f:
            subprocess.run(["nice", "-n", "10", "gzip", "-6", "-c", prefix + ".xml"], stdout=f, check=True)
        os.replace(prefix + ".xml.gz.tmp", prefix + ".xml.gz")
    # the same papers as JSON, for the JSON readers' rows (remade when the
    # corpus or the converter changes)
    conv = os.path.join(HERE, "json_corpus.py")
    jstamp = prefix + ".json.stamp"
    jwant = want + " " + sha_of(conv)
    jhave = open(jstamp).read().strip() if os.path.exists(jstamp) else ""
    if jhave != jwant or not all(os.path.exists(prefix + s) for s in (".openalex.jsonl", ".csl.json")):
        log("bench: writing the corpus as OpenAlex JSONL and CSL-JSON")
        subprocess.run(["nice", "-n", "10", PY, conv, prefix], check=True)
        with open(jstamp, "w") as f:
            f.write(jwant + "\n")
    with open(prefix + ".meta.json", encoding="utf-8") as f:
        return prefix, json.load(f)


def timed(cmd, out_path, timeout, cwd=None):
    """Runs cmd under /usr/bin/time; returns a dict with status, wall, cpu,
    rss_mb and the first line of stderr when it failed."""
    tfile = out_path + ".time"
    full = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", tfile] + cmd
    with open(out_path, "wb") as so, open(out_path + ".err", "wb") as se:
        p = subprocess.Popen(full, stdout=so, stderr=se, cwd=cwd, start_new_session=True)
        try:
            rc = p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
            return {"status": "timeout", "timeout": timeout}
    res = {"status": rc}
    try:
        last = open(tfile).read().strip().splitlines()[-1].split()
        res.update(wall=float(last[0]), cpu=float(last[1]) + float(last[2]), rss_mb=int(last[3]) / 1024.0)
    except (OSError, IndexError, ValueError):
        pass
    if rc != 0:
        err = open(out_path + ".err", errors="replace").read().strip().splitlines()
        err = [e for e in err if not e.startswith("Command exited") and not e.startswith("timings:")]
        res["error"] = err[-1][:120] if err else ""
    return res


def coauthor_caps(coauthor):
    """Commands and input formats this build of coauthor has."""
    cmds, fmts = set(), set()
    try:
        h = subprocess.run([coauthor, "help"], capture_output=True, text=True).stdout
        for line in h.splitlines():
            m = re.match(r"^  (\S+)\s{2,}", line)
            if m:
                cmds.add(m.group(1))
        f = subprocess.run([coauthor, "formats"], capture_output=True, text=True).stdout
        for line in f.splitlines()[1:]:  # a header, then a format a line (its other names indented)
            if line.strip() and not line[0].isspace():
                fmts.add(line.split()[0].rstrip(":"))
    except OSError:
        pass
    return cmds, fmts


def format_named(fmts, *words):
    for f in sorted(fmts):
        if any(w in f.lower() for w in words):
            return f
    return None


def commands(meta, xml, out):
    """For each job: the coauthor subcommand it needs, coauthor's argv, the peers' argv."""
    ra, ea, pf, pt = meta["rank_author"], meta["ego_author"], meta["path_from"], meta["path_to"]
    return {
        "stats": ("stats", ["stats", "-q", xml], ["stats", xml]),
        "rank": ("rank", ["rank", "-q", "--author", ra, xml], ["rank", xml, ra]),
        "path": ("path", ["path", "-q", "--from", pf, "--to", pt, xml], ["path", xml, pf, pt]),
        "pagerank": ("rank", ["rank", "-q", "--by", "pagerank", "--top", "20", xml], ["pagerank", xml]),
        # python-igraph's Leiden runs 2 iterations by default; coauthor's runs until
        # nothing is gained: the bench asks coauthor for the same 2 (same work)
        "communities": ("communities", ["communities", "-q", "--iterations", "2", xml], ["communities", xml]),
        "ego": ("draw", ["draw", "-q", "--ego", ea, "--radius", "1", xml, "-o",
                         os.path.join(out, "ego-coauthor.svg")],
                ["ego", xml, ea, None]),
    }


def cell(r):
    if r is None:
        return "-"
    if "na" in r:
        return r["na"]
    if r["status"] == "timeout":
        return "timeout (> %d s)" % r["timeout"]
    if r["status"] != 0:
        return "failed (exit %s)" % r["status"]
    return "%.2f s %.0f MB" % (r["wall"], r["rss_mb"])


def ok(r):
    return r is not None and "na" not in r and r.get("status") == 0 and "wall" in r


def ratio(peer, coa, key):
    if not (ok(peer) and ok(coa)) or coa[key] <= 0:
        return "-"
    return "%.1fx" % (peer[key] / coa[key])


def run_jobs(args, prefix, meta, out):
    xml = prefix + ".xml"
    cmds, fmts = coauthor_caps(args.coauthor)
    xml_fmt = format_named(fmts, "dblp", "xml")
    table = {}
    plan = commands(meta, xml, out)
    for job in args.jobs:
        sub, coa_argv, peer_argv = plan[job]
        for tool in args.tools:
            path = os.path.join(out, "%s.%s.out" % (job, tool))
            if tool == "coauthor":
                if sub not in cmds:
                    r = {"na": "n/a (not implemented yet)"}
                elif not xml_fmt:
                    r = {"na": "n/a (no DBLP XML reader yet)"}
                else:
                    log("bench: %s %s" % (tool, job))
                    r = timed([args.coauthor] + coa_argv, path, args.timeout)
            else:
                argv = [a if a is not None else os.path.join(out, "ego-%s.svg" % tool) for a in peer_argv]
                log("bench: %s %s" % (tool, job))
                r = timed(["nice", "-n", "0", PY, os.path.join(HERE, "peer_%s.py" % tool)] + argv, path,
                          args.timeout)
            table[(job, tool)] = r
    return table


def print_jobs(table, args, meta, fh):
    w = [12, 28, 24, 24, 16, 19, 10]
    head = ["job", "coauthor", "python-igraph", "networkx", "igraph/coauthor", "networkx/coauthor",
            "memory"]
    sub = ["", "wall, peak RSS", "wall, peak RSS", "wall, peak RSS", "wall (cpu)", "wall (cpu)",
           "coa/igraph"]
    line = lambda cols: "".join(str(c).ljust(n) for c, n in zip(cols, w)).rstrip()
    print(line(head), file=fh)
    print(line(sub), file=fh)
    for job in args.jobs:
        c = table.get((job, "coauthor"))
        i = table.get((job, "igraph"))
        n = table.get((job, "networkx"))
        mem = "-"
        if ok(c) and ok(i):
            mem = "%.2f" % (c["rss_mb"] / i["rss_mb"])
        print(line([job, cell(c), cell(i), cell(n),
                    "%s (%s)" % (ratio(i, c, "wall"), ratio(i, c, "cpu")) if ok(i) and ok(c) else "-",
                    "%s (%s)" % (ratio(n, c, "wall"), ratio(n, c, "cpu")) if ok(n) and ok(c) else "-",
                    mem]), file=fh)
    print("targets: networkx/coauthor >= %gx, igraph/coauthor >= %gx, memory coa/igraph <= %g" % (
        TARGET_NX, TARGET_IG, TARGET_MEM), file=fh)
    for (job, tool), r in sorted(table.items()):
        if r and r.get("error"):
            print("  %s %s: %s" % (tool, job, r["error"]), file=fh)
    if "communities" in args.jobs:
        qs = []
        for tool in args.tools:
            try:
                text = open(os.path.join(args.res_dir, "communities.%s.out" % tool), errors="replace").read()
            except OSError:
                continue
            m = re.search(r"modularity(?: Q =)? ([0-9.]+)", text)
            k = re.search(r"communities (\d+)", text)
            if m and ok(table.get(("communities", tool))):
                qs.append("%s Q = %s (%s communities)" % (tool, m.group(1), k.group(1) if k else "?"))
        if qs:
            print("  communities: " + "; ".join(qs), file=fh)
    if any((j, "networkx") in table for j in args.jobs) and "communities" in args.jobs:
        print("  networkx 2.8 has no Leiden: its 'communities' is Louvain (python-igraph and coauthor: "
              "Leiden, modularity)", file=fh)


def build_helpers(args, out):
    """sax_count (libxml2 only) and inproc (against the build's library)."""
    cc = os.environ.get("CC", "cc")
    warn = ["-std=c11", "-O2", "-g", "-Wall", "-Wextra", "-Wpedantic", "-Wshadow", "-Wstrict-prototypes",
            "-Wformat=2"]
    pc = lambda *a: shlex.split(subprocess.run(["pkg-config"] + list(a), capture_output=True,
                                               text=True, check=True).stdout)
    helpers = {}
    sax = os.path.join(out, "sax_count")
    r = subprocess.run([cc] + warn + pc("--cflags", "libxml-2.0") + [os.path.join(HERE, "sax_count.c"),
                                                                      "-o", sax] + pc("--libs", "libxml-2.0"))
    if r.returncode == 0:
        helpers["sax"] = sax
    lib = os.path.join(args.build, "libcoauthor.a")
    if os.path.exists(lib):
        pkgs = ["igraph", "libcgraph", "libgvc", "bibutils", "libutf8proc", "zlib", "libxml-2.0", "jansson"]
        nm = subprocess.run(["nm", "--defined-only", lib], capture_output=True, text=True).stdout
        defs = ["-DHAVE_COA_PATH"] if re.search(r" T coa_path_shortest$", nm, re.M) else []
        if re.search(r" T coa_view_new_index$", nm, re.M):
            defs.append("-DHAVE_COA_VIEW")
        inproc = os.path.join(out, "inproc")
        libs = pc("--libs", *pkgs) + ["-lglpk", "-lm"]
        if "sqlite3_open" in subprocess.run(["nm", lib], capture_output=True, text=True).stdout:
            libs += ["-lsqlite3"]
        r = subprocess.run([cc] + warn + defs + ["-D_GNU_SOURCE", "-I" + os.path.join(TOP, "include")]
                           + pc("--cflags", "igraph") + [os.path.join(HERE, "inproc.c"), "-o", inproc, lib]
                           + libs)
        if r.returncode == 0:
            helpers["inproc"] = inproc
            helpers["have_path"] = bool(defs)
    return helpers


def keyvals(path):
    d = {}
    try:
        for line in open(path):
            k, _, v = line.strip().partition(" ")
            d[k] = v
    except OSError:
        pass
    return d


def read_speeds(args, prefix, meta, out, fh):
    helpers = build_helpers(args, out)
    xml, gz, bib = prefix + ".xml", prefix + ".xml.gz", prefix + ".bib"
    scopus, wos = prefix + ".scopus.csv", prefix + ".wos.txt"
    jsonl, csl = prefix + ".openalex.jsonl", prefix + ".csl.json"
    size = {p: os.path.getsize(p) for p in (xml, gz, bib, scopus, wos, jsonl, csl)}
    _, fmts = coauthor_caps(args.coauthor)
    xml_fmt = format_named(fmts, "dblp", "xml")
    bib_fmt = format_named(fmts, "bibtex", "bib")
    scopus_fmt = format_named(fmts, "scopus")
    wos_fmt = format_named(fmts, "wos-tab")
    jsonl_fmt = format_named(fmts, "jsonl")
    csl_fmt = format_named(fmts, "csl-json")
    rows = []
    for p in (xml, bib, scopus, wos, jsonl, csl):  # warm the page cache so that every reader starts equal
        subprocess.run(["cat", p], stdout=subprocess.DEVNULL)

    def add(label, fmt_ok, res, mb, seconds=None, cpu_seconds=None, note=""):
        if not fmt_ok:
            rows.append((label, "n/a (not implemented yet)", "", "", note))
            return
        if not ok(res):
            rows.append((label, cell(res), "", "", (res or {}).get("error", "")))
            return
        wall = seconds if seconds is not None else res["wall"]
        cpu = cpu_seconds if cpu_seconds is not None else res["cpu"]
        # /usr/bin/time counts in hundredths: a page-cache cat can show 0.00 s
        rows.append((label, "%.2f s" % wall, "%.0f MB/s" % (mb / wall) if wall > 0 else "-",
                     "%.0f MB/s" % (mb / cpu) if cpu > 0 else "-", note))

    mxml, mbib = size[xml] / 1e6, size[bib] / 1e6
    r = timed(["sh", "-c", 'cat "$1" > /dev/null', "sh", xml], os.path.join(out, "read.cat"), args.timeout)
    add("cat FILE.xml", True, r, mxml)
    r = timed(["sh", "-c", 'zcat "$1" > /dev/null', "sh", gz], os.path.join(out, "read.zcat"), args.timeout)
    add("zcat FILE.xml.gz", True, r, mxml, note="MB/s of uncompressed XML")
    if "sax" in helpers:
        r = timed([helpers["sax"], xml], os.path.join(out, "read.sax"), args.timeout)
        add("libxml2 SAX2 pass", True, r, mxml, note="entities resolved, nothing kept")
    r = timed(["xmllint", "--stream", "--noout", "--loaddtd", "--noent", xml], os.path.join(out, "read.xmllint"),
              args.timeout)
    add("xmllint --stream", True, r, mxml)
    inproc = helpers.get("inproc")
    results = {}
    for label, path, fmt, mb in (("coauthor DBLP XML", xml, xml_fmt, mxml),
                                 ("coauthor DBLP XML .gz", gz, xml_fmt, mxml),
                                 ("coauthor BibTeX", bib, bib_fmt, mbib),
                                 ("coauthor Scopus CSV", scopus, scopus_fmt, size[scopus] / 1e6),
                                 ("coauthor WoS tab", wos, wos_fmt, size[wos] / 1e6),
                                 ("coauthor OpenAlex JSONL", jsonl, jsonl_fmt, size[jsonl] / 1e6),
                                 ("coauthor CSL-JSON", csl, csl_fmt, size[csl] / 1e6)):
        if not inproc:
            add(label, False, None, mb, note="library did not build")
            continue
        argv = [inproc]
        if fmt and path == xml and helpers.get("have_path"):
            argv += ["--path", meta["path_from"], meta["path_to"]]
        tag = "read." + label.split()[-1].replace(".", "").replace("-", "")
        r = timed(argv + [path], os.path.join(out, tag), args.timeout)
        kv = keyvals(os.path.join(out, tag))
        results[label] = kv
        secs = float(kv["read_s"]) if "read_s" in kv else None
        cpu_secs = float(kv["read_cpu_s"]) if "read_cpu_s" in kv else None
        note = ""
        if kv:
            note = "read only; finalize %s s, graph %s s; %s papers, %s authors" % (
                kv.get("finalize_s"), kv.get("build_s"), kv.get("papers"), kv.get("authors"))
        add(label, bool(fmt), r, mb, seconds=secs, cpu_seconds=cpu_secs, note=note)
    print("", file=fh)
    print("Reading (%s: DBLP XML %.0f MB, gzip %.0f MB, BibTeX %.0f MB, Scopus CSV %.0f MB, WoS tab-delimited "
          "%.0f MB, OpenAlex JSONL %.0f MB, CSL-JSON %.0f MB); MB/s of the uncompressed input" % (
              os.path.basename(prefix), mxml, size[gz] / 1e6, mbib, size[scopus] / 1e6, size[wos] / 1e6,
              size[jsonl] / 1e6, size[csl] / 1e6), file=fh)
    w = [24, 28, 12, 14]
    print("".join(c.ljust(n) for c, n in zip(["reader", "wall", "MB/s wall", "MB/s cpu"], w)) + "notes", file=fh)
    for label, a, b, c, note in rows:
        print(("".join(str(x).ljust(n) for x, n in zip([label, a, b, c], w)) + note).rstrip(), file=fh)
    print("targets: DBLP XML >= 150 MB/s, BibTeX, JSON and CSV >= 50 MB/s per core (coauthor rows: the readers alone, "
          "timed in-process; 'cpu' is the process's CPU time, which other programs on the machine do not "
          "inflate)", file=fh)
    kv = results.get("coauthor DBLP XML", {})
    if kv.get("path_ms") and kv["path_ms"] != "n/a":
        print("chain query in-process (after loading): first %s ms, then %s ms (median of 21), length %s, "
              "touched %s authors (%.3f %% of %s); target < 10 ms" % (
                  kv.get("path_first_ms"), kv["path_ms"], kv.get("path_length"), kv.get("path_touched"),
                  100 * float(kv.get("path_touched_fraction", 0)), kv.get("authors")), file=fh)
    elif xml_fmt:
        print("chain query in-process: n/a (coa_path_shortest not in the library yet)", file=fh)


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = os.getloadavg()
    return "%s, %d cores, %.0f GB RAM, %s; load average %.1f %.1f %.1f at start" % (
        cpu, os.cpu_count(), mem, platform.platform(terse=True), *load)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", default="build", help="build directory (coauthor and libcoauthor.a)")
    ap.add_argument("--coauthor", help="the program (default BUILD/coauthor)")
    ap.add_argument("--scale", type=int, default=200000, help="papers in the corpus")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="bench-out", help="corpora and results (git-ignored)")
    ap.add_argument("--jobs", default=",".join(JOBS))
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--timeout", type=int, default=3600, help="seconds per job and tool")
    ap.add_argument("--no-read", action="store_true", help="skip the reading speeds")
    ap.add_argument("--regen", action="store_true", help="generate the corpus again")
    args = ap.parse_args()
    args.coauthor = os.path.abspath(args.coauthor or os.path.join(args.build, "coauthor"))
    args.jobs = [j for j in args.jobs.split(",") if j]
    args.tools = [t for t in args.tools.split(",") if t]
    bad = [j for j in args.jobs if j not in JOBS] + [t for t in args.tools if t not in TOOLS]
    if bad:
        ap.error("unknown job or tool: %s" % ", ".join(bad))
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    prefix, meta = ensure_corpus(out, args.scale, args.seed, args.regen)
    res_dir = os.path.join(out, "results-%d" % args.scale)
    os.makedirs(res_dir, exist_ok=True)
    args.res_dir = res_dir
    report = os.path.join(out, "bench-%d.txt" % args.scale)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    mach = machine()
    table = run_jobs(args, prefix, meta, res_dir)
    with open(report + ".tmp", "w", encoding="utf-8") as fh:
        for f in (sys.stdout, fh):
            print("coauthor bench, %s" % started, file=f)
            print("machine: %s" % mach, file=f)
            print("corpus: %s: %d papers, %d authors, %d authorships (%.2f per paper), giant component %d; "
                  "queries: rank '%s', path '%s' -> '%s', ego '%s'" % (
                      os.path.basename(prefix), meta["papers"], meta["authors"], meta["authorships"],
                      meta["mean_authors_per_paper"], meta["giant_component_authors"], meta["rank_author"],
                      meta["path_from"], meta["path_to"], meta["ego_author"]), file=f)
            print("", file=f)
            print_jobs(table, args, meta, f)
        fh.flush()
        if not args.no_read:
            buf = io.StringIO()
            read_speeds(args, prefix, meta, res_dir, buf)
            sys.stdout.write(buf.getvalue())
            fh.write(buf.getvalue())
        load = os.getloadavg()
        for f in (sys.stdout, fh):
            print("load average at the end: %.1f %.1f %.1f (2 cores: above 2 means the timings are "
                  "inflated by other work)" % load, file=f)
    os.replace(report + ".tmp", report)
    with open(os.path.join(out, "bench-%d.json" % args.scale), "w") as f:
        json.dump({"%s/%s" % k: v for k, v in table.items()}, f, indent=1)
    log("bench: report in %s" % report)


if __name__ == "__main__":
    main()
