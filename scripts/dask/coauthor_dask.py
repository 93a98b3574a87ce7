#!/usr/bin/python3
"""coauthor's readers and projection as stages of a Dask distributed pipeline.

    coauthor_dask.py build  --out DIR [cluster options] SHARD...
    coauthor_dask.py top    --out DIR --author NAME [--top N]
    coauthor_dask.py components --out DIR
    coauthor_dask.py path   --out DIR --from A --to B
    coauthor_dask.py ego    --out DIR --author NAME [--radius R] -o PREFIX

A SHARD is a file in any format coauthor reads, or FILE@FIRST-LAST, the
lines FIRST to LAST (from 1) of a JSON Lines file.  Cluster options:
--scheduler ADDRESS uses a running scheduler (its workers need the same
coauthor binary and a file system shared with this machine for the shards
and DIR); otherwise a LocalCluster of --workers N processes on 127.0.0.1.

'build' writes, under DIR:
  authorships/part-NNNNN.tsv  the de-duplicated authorships, one file per
                              shard, in reading order ('authorships' rows
                              with the resolved author in column 'author')
  authors/part-NNNNN.tsv      the resolved authors: author (key), display,
                              author_id, papers, in the order the library
                              would have made them
  edges/part-NNNNN.tsv        the coauthor edges, partitioned by pair: a, b
                              (author keys, a < b), joint_papers, fractional
                              (Newman's sum of 1/(n-1)), first_year,
                              last_year, inferred, papers (';'-joined)
  build.json                  counts, times and volumes of the run
and 'coauthor import DIR/authors/*.tsv DIR/authorships/*.tsv -o X.db'
gives the single-machine store of the same corpus.  scripts/dask/README.md
says what runs where, and how the rules of identity and de-duplication are
kept exactly.
"""
import argparse
import hashlib
import io
import json
import os
import subprocess
import sys
import time

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_COAUTHOR = os.path.join(HERE, "..", "..", "build", "coauthor")
ROW_COLS = ["file", "line", "record", "paper", "doi", "doi_key", "key", "title", "title_key", "year",
            "year_assumed", "truncated", "venue", "author_key", "spelling", "author_id", "position",
            "inferred", "organisation"]
OUT_COLS = ROW_COLS + ["author"]
MAX_AUTHORS = 1000  # COA_DEFAULT_MAX_AUTHORS: larger papers stay out of the graph
SHIFT = 32          # ord = shard << 32 | record: the reading order of all shards


# ------------------------------------------------------------ helpers

def part_of(keys, n):
    """Stable partition of string keys (the same on every worker and run,
    unlike Python's salted hash)."""
    if n == 1:
        return np.zeros(len(keys), dtype=np.int64)
    h = pd.util.hash_pandas_object(pd.Series(keys, dtype=object), index=False, hash_key="coauthor-dask-01")
    return (h.to_numpy() % np.uint64(n)).astype(np.int64)


def split_parts(df, col, n):
    if len(df) == 0:
        return [df.iloc[0:0]] * n
    p = part_of(df[col].to_numpy(), n)
    return [df[p == j] for j in range(n)]


def split_pairs(df, n):
    """Partition by the pair (a, b), hashing both columns together."""
    if len(df) == 0 or n == 1:
        return [df] + [df.iloc[0:0]] * (n - 1)
    h = pd.util.hash_pandas_object(df[["a", "b"]], index=False, hash_key="coauthor-dask-01")
    p = (h.to_numpy() % np.uint64(n)).astype(np.int64)
    return [df[p == j] for j in range(n)]


def read_tsv(path_or_bytes, usecols=None):
    src = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    return pd.read_csv(src, sep="\t", dtype=str, keep_default_na=False, na_filter=False, quoting=3,
                       usecols=usecols, engine="c")


def write_tsv(df, path):
    tmp = path + ".tmp"
    df.to_csv(tmp, sep="\t", index=False, quoting=3, escapechar=None, lineterminator="\n")
    os.replace(tmp, path)  # a retried task rewrites it whole


def nbytes(obj):
    if isinstance(obj, pd.DataFrame):
        return int(obj.memory_usage(index=False, deep=True).sum())
    if isinstance(obj, (list, tuple)):
        return sum(nbytes(o) for o in obj)
    return 0


def pick(result, name, j=None):
    """A part of a task's result, as a task of its own (so that the part,
    not the whole result, moves between workers)."""
    r = result[name]
    return r if j is None else r[j]


def item(result, k):
    return result[k]


def fields(result, names):
    return {k: result[k] for k in names}


def size_of(result, names):
    return nbytes(result) if names is None else sum(nbytes(result[k]) for k in names)


def concat(frames, columns=None):
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=columns or [])
    return pd.concat(frames, ignore_index=True)


# ------------------------------------------------------------ stage 1: the C stage

def c_stage(coauthor, shard, i, work, fmt):
    """Runs 'coauthor authorships' on one shard; the rows go to a file (a
    retry rewrites it).  Returns the file and its size."""
    out = os.path.join(work, "rows-%05d.tsv" % i)
    cmd = [coauthor, "authorships", "-q"] + (["--format", fmt] if fmt else [])
    path, lines = shard, None
    if "@" in shard and not os.path.exists(shard):
        path, rng = shard.rsplit("@", 1)
        lines = tuple(int(x) for x in rng.split("-"))
        cmd += ["--name", path, "--first-line", str(lines[0]), "-"]
    else:
        cmd.append(shard)
    with open(out + ".tmp", "wb") as f:
        if lines:
            # the lines of the range, decompressed first for a .gz file
            sed = "sed -n '%d,%dp;%dq'" % (lines[0], lines[1], lines[1])
            feed = ("gzip -dc -- \"$1\" | " if path.endswith(".gz") else "< \"$1\" ") + sed
            feeder = subprocess.Popen(["sh", "-c", feed, "sh", path], stdout=subprocess.PIPE)
            r = subprocess.run(cmd, stdin=feeder.stdout, stdout=f, stderr=subprocess.PIPE)
            feeder.stdout.close()
            feeder.wait()
        else:
            r = subprocess.run(cmd, stdout=f, stderr=subprocess.PIPE)
    if r.returncode != 0:
        raise RuntimeError("coauthor authorships %s: %s" % (shard, r.stderr.decode(errors="replace").strip()))
    os.replace(out + ".tmp", out)
    return {"rows": out, "bytes": os.path.getsize(out)}


def with_order(df, i):
    df["ord"] = (np.int64(i) << SHIFT) + df["record"].astype(np.int64)
    df["pos"] = df["position"].replace("", "0").astype(np.int64)
    return df


# ------------------------------------------------------------ stage 2: identity

def scan(stage, i, P):
    """Per shard: what identity needs.  ids: each identifier's first row;
    keys: each name key's first row; votes: stated rows per spelling."""
    df = with_order(read_tsv(stage["rows"], ["record", "author_key", "spelling", "author_id", "position",
                                              "inferred"]), i)
    df = df[df["author_key"] != ""]
    df = df.sort_values(["ord", "pos"], kind="stable")
    ids = df[df["author_id"] != ""].drop_duplicates("author_id")[["author_id", "ord", "pos", "author_key",
                                                                   "spelling"]]
    keys = df.drop_duplicates("author_key")[["author_key", "ord", "pos"]]
    votes = (df.assign(stated=(df["inferred"] == "0").astype(np.int64))
             .groupby(["author_key", "spelling"], sort=False)["stated"].sum().reset_index())
    return {"ids": split_parts(ids, "author_id", P), "keys": split_parts(keys, "author_key", P),
            "votes": split_parts(votes, "author_key", P), "rows": int(len(df))}


def first_of_ids(parts, P):
    """Per identifier partition: each identifier's first row over all shards,
    sent on to the partition of its key (the key of that row)."""
    df = concat(parts, ["author_id", "ord", "pos", "author_key", "spelling"])
    df = df.sort_values(["ord", "pos"], kind="stable").drop_duplicates("author_id")
    return split_parts(df, "author_key", P)


def non_ascii_letters(s):
    return sum(1 for b in s.encode() if b >= 0xC0)


def vote_key(spelling, count):
    # coa_corpus_finalize: more votes, more accented letters, longer, bytewise first
    return (-count, -non_ascii_letters(spelling), -len(spelling.encode()), spelling.encode())


def resolve_keys(id_parts, key_parts, vote_parts, P):
    """Per name-key partition: the library's identity rules (corpus.c,
    resolve_with_id) without its reading order.  Every key has its author
    (its 'base'); an identifier belongs to the author of the key of its
    first row.  The first identifier of a key becomes the base's; a later
    one of the same scheme is another person, 'KEY [ID]'; one of another
    scheme is the base's too.  The base's display name is the spelling
    with the most stated rows (then accents, length, bytes), as
    coa_corpus_finalize votes; a 'KEY [ID]' author keeps the spelling of
    its first row."""
    ids = concat(id_parts, ["author_id", "ord", "pos", "author_key", "spelling"]).sort_values(
        ["ord", "pos"], kind="stable")
    keys = concat(key_parts, ["author_key", "ord", "pos"]).sort_values(["ord", "pos"], kind="stable")
    keys = keys.drop_duplicates("author_key")
    votes = concat(vote_parts, ["author_key", "spelling", "stated"])
    votes = votes.groupby(["author_key", "spelling"], sort=False)["stated"].sum().reset_index()
    display = {}
    for k, sp, n in zip(votes["author_key"], votes["spelling"], votes["stated"]):
        cur = display.get(k)
        if cur is None or vote_key(sp, n) < vote_key(*cur):
            display[k] = (sp, n)
    base_id, id_author, authors = {}, [], []
    for aid, o, p, k, sp in zip(ids["author_id"], ids["ord"], ids["pos"], ids["author_key"], ids["spelling"]):
        held = base_id.get(k)
        if held is None:
            base_id[k] = aid
            id_author.append((aid, k))
        elif held.split(":", 1)[0] == aid.split(":", 1)[0]:
            a = "%s [%s]" % (k, aid)
            id_author.append((aid, a))
            authors.append((a, sp, aid, o, p, 1))
        else:
            id_author.append((aid, k))
    for k, o, p in zip(keys["author_key"], keys["ord"], keys["pos"]):
        authors.append((k, display[k][0], base_id.get(k, ""), o, p, 0))
    idmap = pd.DataFrame(id_author, columns=["author_id", "author"])
    table = pd.DataFrame(authors, columns=["author", "display", "author_id", "ord", "pos", "split"])
    return {"idmap": split_parts(idmap, "author_id", P), "authors": split_parts(table, "author", P)}


def lookup(ids, idmap):
    """The identifiers of one shard found in one partition of the map (a
    join: only this shard's identifiers travel)."""
    return idmap[idmap["author_id"].isin(ids["author_id"])]


# ------------------------------------------------------------ stage 3: papers counted once

def resolve_rows(stage, i, idmaps, work, P):
    """Per shard: each row's author; the papers' de-duplication keys, sent
    to the partitions of their DOI and title keys."""
    df = with_order(read_tsv(stage["rows"]), i)
    m = concat(idmaps, ["author_id", "author"]).drop_duplicates("author_id")
    df = df.merge(m, on="author_id", how="left", sort=False)
    df["author"] = df["author"].where(df["author_id"] != "", df["author_key"]).fillna(df["author_key"])
    df = df.sort_values(["ord", "pos"], kind="stable")
    # an author listed twice on one record (two spellings of one person) once
    dup = (df["author"] != "") & df.duplicated(["ord", "author"])
    df = df[~dup]
    path = os.path.join(work, "resolved-%05d.pkl" % i)
    df.to_pickle(path + ".tmp")
    os.replace(path + ".tmp", path)
    papers = df.drop_duplicates("ord")[["ord", "file", "doi_key", "title_key", "year", "year_assumed"]].copy()
    stated = df[(df["author"] != "") & (df["inferred"] == "0")].drop_duplicates("ord")[["ord", "author"]]
    papers = papers.merge(stated.rename(columns={"author": "first"}), on="ord", how="left").fillna({"first": ""})
    dois = papers[papers["doi_key"] != ""][["doi_key", "ord"]]
    t = papers[papers["title_key"] != ""]
    year = t["year"].where(t["year_assumed"] == "0", "0")
    titles = pd.DataFrame({"tkey": t["title_key"] + "\x1f" + year + "\x1f" + t["first"], "ord": t["ord"],
                           "file": t["file"], "doi_key": t["doi_key"]})
    return {"dois": split_parts(dois, "doi_key", P), "titles": split_parts(titles, "tkey", P),
            "papers": int(len(papers)), "files": sorted(set(papers["file"]))}


def dedup_links(doi_parts, title_parts, use_titles):
    """Per key partition: the pairs coa_corpus_dedup unites (unite_equal).
    Equal DOIs chain in reading order.  Equal title keys unite each paper
    with the nearest earlier one of another file whose DOI does not
    differ from its own."""
    links = []
    d = concat(doi_parts, ["doi_key", "ord"]).sort_values(["doi_key", "ord"], kind="stable")
    k, o = d["doi_key"].to_numpy(), d["ord"].to_numpy()
    for x in np.nonzero(k[1:] == k[:-1])[0]:
        links.append((o[x], o[x + 1]))
    if use_titles:
        t = concat(title_parts, ["tkey", "ord", "file", "doi_key"])
        t = t[t.duplicated("tkey", keep=False)].sort_values(["tkey", "ord"], kind="stable")
        for _, g in t.groupby("tkey", sort=False):
            if len(g) < 2:
                continue
            rows = list(zip(g["ord"], g["file"], g["doi_key"]))
            for x in range(1, len(rows)):
                ob, fb, db = rows[x]
                for y in range(x - 1, -1, -1):
                    oa, fa, da = rows[y]
                    if (da and db and da != db) or fa == fb:
                        continue
                    links.append((oa, ob))
                    break
    return pd.DataFrame(links, columns=["a", "b"], dtype=np.int64)


def survivors(link_parts, S):
    """The sets of copies (union-find over the links, which join duplicates
    only: few next to the papers), each led by its first-read paper, as
    the library keeps it.  Sent to the shards of the copies."""
    links = concat(link_parts, ["a", "b"])
    parent = {}

    def find(x):
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root
    for a, b in zip(links["a"], links["b"]):
        ra, rb = find(int(a)), find(int(b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members = sorted(set(parent) | set(parent.values()))
    m = pd.DataFrame({"ord": np.array(members, dtype=np.int64),
                      "survivor": np.array([find(x) for x in members], dtype=np.int64)})
    shard = m["ord"].to_numpy() >> SHIFT
    return [m[shard == s] for s in range(S)]


def send_copies(i, sets, work, S):
    """Per shard: the rows of its papers that are copies of a paper read
    earlier, sent to the shard of that paper."""
    df = pd.read_pickle(os.path.join(work, "resolved-%05d.pkl" % i))
    copies = df.merge(sets[sets["survivor"] != sets["ord"]], on="ord", how="inner")
    shard = copies["survivor"].to_numpy() >> SHIFT
    return [copies[shard == s] for s in range(S)]


def paper_ident(doi, key, file, line):
    return "doi:" + doi if doi else key if key else "%s:%s" % (file, line)


def merge_set(copies):
    """One paper from its copies, as coa_corpus_dedup's add_copy does.
    'copies' is a list of (ord, rows) in reading order; the first is the
    survivor."""
    def lead_rank(item):
        o, rows = item
        r0 = rows.iloc[0]
        stated = int(((rows["inferred"] == "0") & (rows["author"] != "")).sum())
        return (r0["truncated"] == "1", -stated, o)
    lead = min(copies, key=lead_rank)
    order = [lead] + [c for c in copies if c[0] != lead[0]]
    first = copies[0][1].iloc[0]
    merged = {c: first[c] for c in ("file", "line", "record", "doi", "doi_key", "key", "title", "title_key",
                                    "year", "year_assumed", "venue", "ord")}
    truncated = "1"
    listed, authors = {}, []
    for _, rows in order:
        r0 = rows.iloc[0]
        if r0["truncated"] == "0":
            truncated = "0"
        for c in ("title", "venue", "key"):
            if not merged[c]:
                merged[c] = r0[c]
        if not merged["doi"]:
            merged["doi"], merged["doi_key"] = r0["doi"], r0["doi_key"]
        if r0["year"] != "0" and r0["year_assumed"] == "0" and (merged["year"] == "0" or
                                                                 merged["year_assumed"] == "1"):
            merged["year"], merged["year_assumed"] = r0["year"], "0"
        for _, r in rows.iterrows():
            if not r["author"]:
                continue
            if r["author"] in listed:
                if r["inferred"] == "0":
                    authors[listed[r["author"]]]["inferred"] = "0"
                continue
            listed[r["author"]] = len(authors)
            authors.append({c: r[c] for c in ("author_key", "spelling", "author_id", "inferred", "organisation",
                                              "author")})
    merged["truncated"] = truncated
    merged["paper"] = paper_ident(merged["doi"], merged["key"], merged["file"], merged["line"])
    if not authors:
        authors = [{"author_key": "", "spelling": "", "author_id": "", "inferred": "", "organisation": "",
                    "author": ""}]
    out = []
    for p, a in enumerate(authors):
        row = dict(merged)
        row.update(a)
        row["position"] = str(p) if a["author"] else ""
        row["pos"] = p
        out.append(row)
    return out


def finish_shard(i, sets, incoming, work, out, P):
    """Per shard: its papers counted once (each set of copies merged into
    its first-read paper), written for 'coauthor import'; the coauthor
    pairs, sent to the partitions of the pairs; each author's papers."""
    df = pd.read_pickle(os.path.join(work, "resolved-%05d.pkl" % i))
    s = sets[(sets["ord"].to_numpy() >> SHIFT) == i]
    gone = set(s.loc[s["survivor"] != s["ord"], "ord"])
    lead = set(s.loc[s["survivor"] == s["ord"], "ord"])
    df = df[~df["ord"].isin(gone)]
    plain = df[~df["ord"].isin(lead)]
    merged = []
    if lead:
        inc = concat(incoming, list(df.columns) + ["survivor"])
        own = df[df["ord"].isin(lead)]
        groups = {o: [(o, g)] for o, g in own.groupby("ord", sort=False)}
        for (sv, o), g in inc.sort_values(["ord", "pos"], kind="stable").groupby(["survivor", "ord"], sort=True):
            groups[sv].append((o, g))
        for o in sorted(groups):
            merged.extend(merge_set(sorted(groups[o], key=lambda c: c[0])))
    df = concat([plain, pd.DataFrame(merged)], list(plain.columns)) if merged else plain
    df = df.sort_values(["ord", "pos"], kind="stable")
    write_tsv(df[OUT_COLS], os.path.join(out, "authorships", "part-%05d.tsv" % i))

    # the coauthor pairs of each paper in the graph
    a = df[df["author"] != ""]
    n = a.groupby("ord", sort=False)["author"].transform("size")
    a = a[n <= MAX_AUTHORS].assign(n=n[n <= MAX_AUTHORS])
    a = a.assign(ident=[paper_ident(d, k, f, l) for d, k, f, l in zip(a["doi"], a["key"], a["file"], a["line"])])
    left = a[["ord", "author", "inferred", "n", "year", "ident"]]
    pairs = left.merge(left[["ord", "author", "inferred"]], on="ord", suffixes=("_x", "_y"))
    pairs = pairs[pairs["author_x"] < pairs["author_y"]]
    pairs = pd.DataFrame({"a": pairs["author_x"], "b": pairs["author_y"], "ord": pairs["ord"],
                          "w": 1.0 / (pairs["n"] - 1), "year": pairs["year"].astype(np.int64),
                          "inf": ((pairs["inferred_x"] == "1") | (pairs["inferred_y"] == "1")).astype(np.int64),
                          "ident": pairs["ident"]})
    counts = a.groupby("author", sort=False).size().rename("papers").reset_index()
    return {"pairs": split_pairs(pairs, P), "counts": split_parts(counts, "author", P),
            "papers": int(df["ord"].nunique()), "authorships": int(len(a)),
            "shuffled_pairs": nbytes(pairs)}


def aggregate_pairs(parts, j, out):
    """Per pair partition: the weighted edges (graph.c: joint papers,
    Newman's weight summed in paper order, first and last known year).
    One sort and numpy reductions over the runs of each pair: a pandas
    groupby with a Python join per pair took 5 times as long."""
    p = concat(parts, ["a", "b", "ord", "w", "year", "inf", "ident"])
    if not len(p):
        e = pd.DataFrame(columns=["a", "b", "joint_papers", "fractional", "first_year", "last_year", "inferred",
                                  "papers"])
        write_tsv(e, os.path.join(out, "edges", "part-%05d.tsv" % j))
        return {"edges": 0}
    code = p.groupby(["a", "b"], sort=True).ngroup().to_numpy()
    order = np.lexsort((p["ord"].to_numpy(), code))
    code = code[order]
    starts = np.flatnonzero(np.r_[True, code[1:] != code[:-1]])
    ends = np.r_[starts[1:], len(code)]
    year = p["year"].to_numpy()[order]
    known = year != 0
    big = np.iinfo(np.int64).max
    first = np.minimum.reduceat(np.where(known, year, big), starts)
    last = np.maximum.reduceat(np.where(known, year, 0), starts)
    idents = p["ident"].to_numpy()[order].tolist()
    e = pd.DataFrame({
        "a": p["a"].to_numpy()[order][starts], "b": p["b"].to_numpy()[order][starts],
        "joint_papers": ends - starts,
        "fractional": ["%.17g" % x for x in np.add.reduceat(p["w"].to_numpy()[order], starts)],
        "first_year": np.where(first == big, 0, first), "last_year": last,
        "inferred": np.add.reduceat(p["inf"].to_numpy()[order], starts),
        "papers": [";".join(idents[x:y]) for x, y in zip(starts, ends)]})
    write_tsv(e, os.path.join(out, "edges", "part-%05d.tsv" % j))
    return {"edges": int(len(e))}


def author_table(author_parts, count_parts, S):
    t = concat(author_parts, ["author", "display", "author_id", "ord", "pos", "split"])
    c = concat(count_parts, ["author", "papers"])
    c = c.groupby("author", sort=False)["papers"].sum()
    t["papers"] = t["author"].map(c).fillna(0).astype(np.int64)
    shard = t["ord"].to_numpy().astype(np.int64) >> SHIFT
    return [t[shard == s] for s in range(S)]


def write_authors(parts, i, out):
    """The authors first seen in shard i, in the order the library makes
    them (first row; a key's author before a 'KEY [ID]' made by the same
    row), so that 'coauthor import' numbers them as a single machine does."""
    t = concat(parts, ["author", "display", "author_id", "ord", "pos", "split", "papers"])
    t = t.sort_values(["ord", "pos", "split"], kind="stable")
    write_tsv(t[["author", "display", "author_id", "papers"]], os.path.join(out, "authors", "part-%05d.tsv" % i))
    return {"authors": int(len(t)), "with_papers": int((t["papers"] > 0).sum())}


# ------------------------------------------------------------ the driver

# distributed 2022.12 still starts the scheduler's and each worker's HTTP
# server with dashboard_address=None, on 0.0.0.0 (port 8787 and random
# ports): seen with ss -ltnp.  These keep them on the loopback.
LOOPBACK_HTTP = {"dashboard_address": "127.0.0.1:0", "worker_dashboard_address": "127.0.0.1:0"}


def peak_memory():
    """This worker's peak resident memory, and its C stages' (MB)."""
    import resource
    return {"worker_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "c_stage_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def make_client(args):
    from distributed import Client, LocalCluster
    if args.scheduler:
        return Client(args.scheduler), None
    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                           memory_limit=args.memory_limit, **LOOPBACK_HTTP)
    return Client(cluster), cluster


def build(client, shards, out, coauthor, fmt=None, partitions=None, on_first=None):
    """The whole pipeline; returns its counts.  on_first(client), if given,
    is called once the first C stage has finished (the tests kill a worker
    there)."""
    from distributed import wait
    t0 = time.time()
    S = len(shards)
    P = partitions or max(1, S)
    work = os.path.join(out, "_work")
    for d in ("authorships", "authors", "edges", "_work"):
        os.makedirs(os.path.join(out, d), exist_ok=True)
        for f in os.listdir(os.path.join(out, d)):
            os.unlink(os.path.join(out, d, f))
    coauthor = os.path.abspath(coauthor)
    sub = client.submit
    stage = [sub(c_stage, coauthor, s, i, work, fmt, pure=False, retries=3) for i, s in enumerate(shards)]
    if on_first:
        from distributed import as_completed
        next(iter(as_completed(stage)))
        on_first(client)
    wait(stage)
    t_c = time.time()
    st = client.gather(stage)
    sc = [sub(scan, stage[i], i, P, retries=3) for i in range(S)]
    ids = [[sub(pick, sc[i], "ids", j) for i in range(S)] for j in range(P)]
    firsts = [sub(first_of_ids, ids[j], P, retries=3) for j in range(P)]
    res = [sub(resolve_keys, [sub(item, firsts[j], k) for j in range(P)],
               [sub(pick, sc[i], "keys", k) for i in range(S)],
               [sub(pick, sc[i], "votes", k) for i in range(S)], P, retries=3) for k in range(P)]
    idmap = [[sub(pick, res[k], "idmap", j) for k in range(P)] for j in range(P)]
    idmap = [sub(concat, idmap[j], ["author_id", "author"]) for j in range(P)]
    rr = [sub(resolve_rows, stage[i], i, [sub(lookup, ids[j][i], idmap[j]) for j in range(P)], work, P, retries=3)
          for i in range(S)]
    rr_info = client.gather([sub(fields, f, ("papers", "files")) for f in rr])
    rr_info = [(x["papers"], x["files"]) for x in rr_info]
    use_titles = len(set(f for _, fs in rr_info for f in fs)) >= 2
    links = [sub(dedup_links, [sub(pick, rr[i], "dois", j) for i in range(S)],
                 [sub(pick, rr[i], "titles", j) for i in range(S)], use_titles, retries=3) for j in range(P)]
    sets = sub(survivors, links, S, retries=3)
    sets_by = [sub(item, sets, i) for i in range(S)]
    all_sets = sub(concat, sets_by, ["ord", "survivor"])
    copies = [sub(send_copies, i, sets_by[i], work, S, retries=3, pure=False) for i in range(S)]
    fin = [sub(finish_shard, i, all_sets, [sub(item, copies[m], i) for m in range(S)], work, out, P,
               retries=3, pure=False) for i in range(S)]
    edges = [sub(aggregate_pairs, [sub(pick, fin[i], "pairs", j) for i in range(S)], j, out, retries=3,
                 pure=False) for j in range(P)]
    tables = [sub(author_table, [sub(pick, res[j], "authors", k) for j in range(P)],
                  [sub(pick, fin[i], "counts", k) for i in range(S)], S, retries=3) for k in range(P)]
    wrote = [sub(write_authors, [sub(item, tables[k], i) for k in range(P)], i, out, retries=3,
                 pure=False) for i in range(S)]
    e_info = client.gather(edges)
    a_info = client.gather(wrote)
    f_info = client.gather([sub(fields, f, ("papers", "authorships", "shuffled_pairs")) for f in fin])
    shuffled = client.gather([sub(size_of, f, ("ids", "keys", "votes")) for f in sc] +
                             [sub(size_of, f, ("dois", "titles")) for f in rr] +
                             [sub(size_of, f, None) for f in copies])
    info = {
        "shards": S, "partitions": P,
        "rows_read": int(sum(x["bytes"] for x in st)),
        "records_read": int(sum(p for p, _ in rr_info)),
        "papers": int(sum(x["papers"] for x in f_info)),
        "authorships": int(sum(x["authorships"] for x in f_info)),
        "authors": int(sum(x["with_papers"] for x in a_info)),
        "authors_made": int(sum(x["authors"] for x in a_info)),
        "edges": int(sum(x["edges"] for x in e_info)),
        "shuffled_bytes_pairs": int(sum(x["shuffled_pairs"] for x in f_info)),
        "shuffled_bytes_other": int(sum(shuffled)),
        "seconds_c_stage": round(t_c - t0, 3),
        "seconds": round(time.time() - t0, 3),
        "peak_memory": client.run(peak_memory),
    }
    with open(os.path.join(out, "build.json"), "w") as f:
        json.dump(info, f, indent=1, sort_keys=True)
    # the rows and resolved rows of every shard: as large as the input, and
    # nothing reads them once the outputs are written
    for f in os.listdir(work):
        os.unlink(os.path.join(work, f))
    os.rmdir(work)
    return info




# ------------------------------------------------------------ the three jobs on the partitioned output

def parts(out, kind):
    d = os.path.join(out, kind)
    return [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".tsv")]


def find_author_in(path, name):
    t = read_tsv(path, ["author", "display"])
    return t[(t["author"] == name) | (t["display"] == name)]


def authors_named(path, keys):
    t = read_tsv(path, ["author", "display", "papers"])
    t["row"] = np.arange(len(t))
    return t[t["author"].isin(keys)]


def resolve_author(client, out, name):
    """An author by key, else by display name; a name several authors
    display is ambiguous, as in 'coauthor' without more words."""
    found = concat(client.gather([client.submit(find_author_in, p, name) for p in parts(out, "authors")]),
                   ["author", "display"])
    exact = found[found["author"] == name]
    if len(exact):
        return exact["author"].iloc[0]
    if len(found) == 1:
        return found["author"].iloc[0]
    if len(found) > 1:
        raise SystemExit("coauthor_dask: author '%s' is ambiguous: %s" % (name, ", ".join(found["author"])))
    raise SystemExit("coauthor_dask: no author '%s'" % name)


def edges_of(path, keys):
    e = read_tsv(path)
    return e[e["a"].isin(keys) | e["b"].isin(keys)]


def displays(client, out, keys):
    """display and global order of some authors, by a filter on each part"""
    ap = parts(out, "authors")
    got = client.gather([client.submit(authors_named, p, list(keys)) for p in ap])
    for k, g in enumerate(got):
        g["order"] = [(k, r) for r in g["row"]]
    t = concat(got, ["author", "display", "papers", "row", "order"])
    return {a: (d, o) for a, d, o in zip(t["author"], t["display"], t["order"])}


def round10(x):
    return float("%.10g" % x)


def top_coauthors(client, out, name, n=10, by="joint"):
    """An author's coauthors, as 'coauthor rank --author NAME --tsv' prints
    them: a filter on every edge partition, then a sort of the few rows."""
    key = resolve_author(client, out, name)
    e = concat(client.gather([client.submit(edges_of, p, [key]) for p in parts(out, "edges")]))
    if not len(e):
        return key, "rank\tauthor\tjoint_papers\tfractional\tfirst_year\tlast_year\tinferred\n"
    other = [b if a == key else a for a, b in zip(e["a"], e["b"])]
    names = displays(client, out, set(other))
    rows = []
    for o, j, f, fy, ly, inf in zip(other, e["joint_papers"], e["fractional"], e["first_year"], e["last_year"],
                                    e["inferred"]):
        j, f = int(j), float(f)
        first = (-j, -round10(f)) if by == "joint" else (-round10(f), -j)
        rows.append((first, names[o][0].encode(), names[o][1], names[o][0], j, f, fy, ly, inf))
    rows.sort(key=lambda r: r[:3])
    lines = ["rank\tauthor\tjoint_papers\tfractional\tfirst_year\tlast_year\tinferred"]
    for r, (_, _, _, disp, j, f, fy, ly, inf) in enumerate(rows[:n], 1):
        fy, ly = (fy, ly) if fy != "0" else ("-", "-")
        lines.append("%d\t%s\t%d\t%.10g\t%s\t%s\t%s" % (r, disp, j, f, fy, ly, inf))
    return key, "\n".join(lines) + "\n"


def edge_ids(path, index):
    e = read_tsv(path, ["a", "b"])
    return (e["a"].map(index).to_numpy(np.int64), e["b"].map(index).to_numpy(np.int64))


def propose(ids, labels):
    a, b = ids
    nodes = np.concatenate([a, b])
    lab = np.concatenate([labels[b], labels[a]])
    return nodes, lab


def components(client, out):
    """Connected components by label propagation in rounds: each edge
    partition proposes to each endpoint the smaller label of the other
    (hash-min), and labels then jump to their label's label, so that a
    chain of length d settles in about log d rounds."""
    ap = parts(out, "authors")
    tables = [read_tsv(p, ["author", "papers"]) for p in ap]
    t = concat(tables, ["author", "papers"])
    t = t[t["papers"].astype(np.int64) > 0].reset_index(drop=True)
    index = pd.Series(np.arange(len(t), dtype=np.int64), index=t["author"])
    index_f = client.scatter(index, broadcast=True)
    ids = [client.submit(edge_ids, p, index_f) for p in parts(out, "edges")]
    labels = np.arange(len(t), dtype=np.int64)
    rounds = 0
    while True:
        rounds += 1
        lf = client.scatter(labels, broadcast=True)
        new = labels.copy()
        for nodes, lab in client.gather([client.submit(propose, f, lf) for f in ids]):
            np.minimum.at(new, nodes, lab)
        while True:
            jumped = new[new]
            if np.array_equal(jumped, new):
                break
            new = jumped
        if np.array_equal(new, labels):
            break
        labels = new
    sizes = np.bincount(labels, minlength=len(labels))
    sizes = sizes[sizes > 0]
    degree = np.zeros(len(labels), dtype=np.int64)
    n_edges = 0
    big = np.argmax(np.bincount(labels))
    big_edges = 0
    for a, b in client.gather(ids):
        np.add.at(degree, a, 1)
        np.add.at(degree, b, 1)
        n_edges += len(a)
        big_edges += int((labels[a] == big).sum())
    return {"authors": int(len(labels)), "edges": int(n_edges), "components": int(len(sizes)),
            "largest_component_authors": int(sizes.max()) if len(sizes) else 0,
            "largest_component_edges": big_edges, "isolated_authors": int((degree == 0).sum()),
            "rounds": rounds, "labels": labels, "authors_index": index}


def expand(path, frontier):
    """One hop by a join: the edges of one partition that leave the frontier."""
    e = read_tsv(path, ["a", "b", "papers"])
    f = set(frontier)
    ea = e[e["a"].isin(f)]
    eb = e[e["b"].isin(f)]
    return pd.DataFrame({"from": list(ea["a"]) + list(eb["b"]), "to": list(ea["b"]) + list(eb["a"]),
                         "papers": list(ea["papers"]) + list(eb["papers"])})


def chain(client, out, a_name, b_name):
    """The shortest chain by bidirectional frontier expansion: each round
    joins the smaller frontier with every edge partition (one hop), until
    the two searches meet.  Returns the hops with their joint papers, or
    None when there is no chain."""
    a, b = resolve_author(client, out, a_name), resolve_author(client, out, b_name)
    if a == b:
        return [a], []
    ep = parts(out, "edges")
    side = [{a: None}, {b: None}]        # parent and hop papers, by author
    frontier = [[a], [b]]
    papers = {}
    rounds = 0
    while frontier[0] and frontier[1]:
        s = 0 if len(frontier[0]) <= len(frontier[1]) else 1
        rounds += 1
        hops = concat(client.gather([client.submit(expand, p, frontier[s]) for p in ep]), ["from", "to", "papers"])
        hops = hops.sort_values(["to", "from"], kind="stable")
        nxt = []
        for f, t, ps in zip(hops["from"], hops["to"], hops["papers"]):
            papers[(f, t)] = papers[(t, f)] = ps
            if t not in side[s]:
                side[s][t] = f
                nxt.append(t)
        frontier[s] = nxt
        meet = sorted(x for x in nxt if x in side[1 - s])
        if meet:
            m = meet[0]
            left, x = [], m
            while x is not None:
                left.append(x)
                x = side[0][x]
            right, x = [], side[1][m]
            while x is not None:
                right.append(x)
                x = side[1][x]
            path = left[::-1] + right
            return path, [papers[(path[k], path[k + 1])].split(";") for k in range(len(path) - 1)], rounds
    return None


def ball(client, out, key, radius):
    ep = parts(out, "edges")
    seen, frontier = {key}, [key]
    for _ in range(radius):
        hops = concat(client.gather([client.submit(expand, p, frontier) for p in ep]), ["from", "to", "papers"])
        frontier = sorted(set(hops["to"]) - seen)
        seen |= set(frontier)
    return seen


def rows_of(path, keys):
    df = read_tsv(path)
    papers = set(df.loc[df["author"].isin(keys), "record"] + "\t" + df.loc[df["author"].isin(keys), "file"])
    return df[(df["record"] + "\t" + df["file"]).isin(papers)]


def authors_of(path, keys):
    t = read_tsv(path)
    return t[t["author"].isin(keys)]


def ego(client, out, name, radius, prefix):
    """The papers of the authors within 'radius' hops, with all their
    authors, as the 'authors' and 'authorships' files that every coauthor
    command reads: 'coauthor draw --ego NAME --radius R PREFIX-authors.tsv
    PREFIX-authorships.tsv -o ego.svg' draws the ego network."""
    key = resolve_author(client, out, name)
    near = ball(client, out, key, radius)
    rows = concat(client.gather([client.submit(rows_of, p, near) for p in parts(out, "authorships")]), OUT_COLS)
    keys = set(rows["author"])
    authors = concat(client.gather([client.submit(authors_of, p, keys) for p in parts(out, "authors")]),
                     ["author", "display", "author_id", "papers"])
    write_tsv(authors, prefix + "-authors.tsv")
    write_tsv(rows[OUT_COLS], prefix + "-authorships.tsv")
    return {"authors_near": len(near), "papers": int((rows["record"] + rows["file"]).nunique()),
            "authors": len(authors)}


# ------------------------------------------------------------ command line

def main(argv):
    ap = argparse.ArgumentParser(prog="coauthor_dask.py", description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=["build", "top", "components", "path", "ego"])
    ap.add_argument("shards", nargs="*", help="build: the input shards")
    ap.add_argument("--out", required=True, help="the pipeline's output directory")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (default: a LocalCluster)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    ap.add_argument("--memory-limit", default="4GB", help="LocalCluster memory per worker (default 4GB)")
    ap.add_argument("--partitions", type=int, help="shuffle partitions (default: one per shard)")
    ap.add_argument("--format", help="input format of the shards (default: detected)")
    ap.add_argument("--coauthor", default=DEFAULT_COAUTHOR, help="the coauthor binary")
    ap.add_argument("--author", help="top, ego: the author (key or display name)")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--by", choices=["joint", "fractional"], default="joint")
    ap.add_argument("--from", dest="src")
    ap.add_argument("--to", dest="dst")
    ap.add_argument("--radius", type=int, default=1)
    ap.add_argument("-o", "--output", help="ego: prefix of the two files written")
    args = ap.parse_intermixed_args(argv)
    client, cluster = make_client(args)
    try:
        if args.command == "build":
            if not args.shards:
                ap.error("build needs input shards")
            info = build(client, args.shards, args.out, args.coauthor, args.format, args.partitions)
            print(json.dumps(info, indent=1, sort_keys=True))
        elif args.command == "top":
            sys.stdout.write(top_coauthors(client, args.out, args.author, args.top, args.by)[1])
        elif args.command == "components":
            r = components(client, args.out)
            for k in ("authors", "edges", "components", "largest_component_authors", "largest_component_edges",
                      "isolated_authors", "rounds"):
                print("%s\t%s" % (k, r[k]))
        elif args.command == "path":
            r = chain(client, args.out, args.src, args.dst)
            if r is None:
                print("coauthor_dask: no chain between '%s' and '%s'" % (args.src, args.dst), file=sys.stderr)
                return 3
            path, hops, _ = r
            names = displays(client, args.out, set(path))
            print("hop\tfrom\tto\tjoint_papers\tpapers")
            for k, ps in enumerate(hops):
                print("%d\t%s\t%s\t%d\t%s" % (k + 1, names[path[k]][0], names[path[k + 1]][0], len(ps),
                                             ";".join(ps)))
        elif args.command == "ego":
            if not args.author or not args.output:
                ap.error("ego needs --author and -o PREFIX")
            print(json.dumps(ego(client, args.out, args.author, args.radius, args.output), sort_keys=True))
    finally:
        client.close()
        if cluster:
            cluster.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
