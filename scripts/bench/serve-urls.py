"""Writes the request lists of scripts/bench/serve-load.sh: authors drawn
at random (seeded) among those the server knows, then for each endpoint a
file of paths: search prefixes of their names, their coauthor tables,
their ego networks, chains between random pairs of them and the networks
of those chains.

    serve-urls.py BASE OUTDIR [AUTHORS]
"""
import json
import random
import sys
import urllib.error
import urllib.parse
import urllib.request

base, outdir = sys.argv[1], sys.argv[2]
want = int(sys.argv[3]) if len(sys.argv) > 3 else 3000
rng = random.Random(1)


def get(path):
    try:
        with urllib.request.urlopen(base + path, timeout=60) as r:
            return json.load(r)
    except urllib.error.HTTPError:
        return None


stats = get("/api/stats")
n = stats["authors"]
authors = []
tries = 0
# ids are corpus author numbers; a merged one or one without papers is a
# 404, so ids are drawn until enough answer.  One word of each name is
# enough for the search lists, so the cheap query is used.
while len(authors) < want and tries < want * 4:
    tries += 1
    a = get("/api/author/%d?top=1" % rng.randrange(int(n * 1.3)))
    if a:
        authors.append((a["id"], a["author"]))
ids = [a for a, _ in authors]
with open(outdir + "/search.urls", "w") as f:
    for _, name in authors:
        words = [w for w in name.split() if len(w) >= 3] or [name]
        w = rng.choice(words)
        q = w[: rng.randint(3, min(6, len(w)))]
        f.write("/api/authors?limit=8&q=%s\n" % urllib.parse.quote(q))
with open(outdir + "/author.urls", "w") as f:
    for i in ids:
        f.write("/api/author/%d?top=100\n" % i)
with open(outdir + "/ego.urls", "w") as f:
    for i in ids:
        f.write("/api/ego/%d?radius=1\n" % i)
pairs = [(rng.choice(ids), rng.choice(ids)) for _ in range(len(ids) * 2)]
with open(outdir + "/path.urls", "w") as f:
    for a, b in pairs:
        f.write("/api/path?from=%d&to=%d\n" % (a, b))
with open(outdir + "/network.urls", "w") as f:
    for a, b in pairs:
        f.write("/api/path/network?from=%d&to=%d\n" % (a, b))
print("%d authors drawn (%d tries)" % (len(authors), tries))
