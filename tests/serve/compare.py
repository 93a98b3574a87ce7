"""Compares an answer of coauthor serve with the command line's --json on the
same question: the API promises the CLI's fields (tests/scripts/serve-api-*.sh).
  compare.py rank API.json CLI.json     rows of /api/author/ID and rank --author --json
  compare.py path API.json CLI.json     /api/path?chains=N and path --all --limit N --json
"""
import json
import sys

kind, api_file, cli_file = sys.argv[1:4]
api = json.load(open(api_file))
cli = json.load(open(cli_file))


def same(a, b, what):
    if a != b:
        sys.exit(f"{what}: the API has {a!r}, the CLI {b!r}")


if kind == "rank":
    same(api["author"], cli["author"], "author")
    same(api["coauthors"], cli["coauthors"], "coauthors")
    same(len(api["rows"]), len(cli["rows"]), "rows")
    for x, y in zip(api["rows"], cli["rows"]):
        for k in ("rank", "author", "joint_papers", "fractional", "first_year", "last_year", "inferred"):
            same(x[k], y[k], f"row {y['rank']} {k}")
elif kind == "path":
    same(api["length"], cli["length"], "length")
    same(api["total_chains"], cli["total_chains"], "total_chains")
    same(len(api["chains"]), len(cli["chains"]), "chains listed")
    for i, (x, y) in enumerate(zip(api["chains"], cli["chains"])):
        same(x["authors"], y["authors"], f"chain {i + 1}")
        for k, (hx, hy) in enumerate(zip(x["hops"], y["hops"])):
            same([(p["title"], p["year"], p["id"], p["inferred"]) for p in hx["papers"]],
                 [(p["title"], p["year"], p["id"], p["inferred"]) for p in hy["papers"]],
                 f"chain {i + 1} hop {k + 1} papers")
else:
    sys.exit("unknown comparison " + kind)
