#!/usr/bin/env bash
# 'coauthor stats' of a corpus database from its index (src/analyze/
# stats_index.c), which large corpora get by default and --estimate forces:
#   - every count, the components and the means are those of the graph;
#   - the sampled figures are near the exact ones: average clustering and
#     transitivity within 0.01, triangles within 3 %, the mean distance
#     within 10 %, and the diameter a lower bound at most 2 below;
#   - the same seed gives the same bytes, and the output marks estimates;
#   - --estimate on a file that is not a database, or with --exact, is a
#     usage error (exit 2).
set -e
. tests/script-lib.sh
fail=0
/usr/bin/python3 scripts/gen-corpus.py --papers 4000 --seed 3 --formats xml -o "$tmp/c" >/dev/null 2>&1
"$COAUTHOR" import -q "$tmp/c.xml" -o "$tmp/c.db"
"$COAUTHOR" stats -q --json "$tmp/c.db" >"$tmp/exact.json"
"$COAUTHOR" stats -q --json --estimate "$tmp/c.db" >"$tmp/est.json"
"$COAUTHOR" stats -q --json --estimate "$tmp/c.db" >"$tmp/est2.json"
/usr/bin/python3 - "$tmp/exact.json" "$tmp/est.json" <<'PY' || fail=1
import json, sys
exact, est = (json.load(open(p)) for p in sys.argv[1:3])
bad = 0
def check(ok, what):
    global bad
    print(("ok   " if ok else "FAIL ") + what)
    bad |= not ok
same = ["papers", "authors", "authorships", "inferred_authorships", "duplicate_authorships", "truncated_papers",
        "coauthor_edges", "self_loops", "components", "largest_component_authors", "largest_component_edges",
        "isolated_authors", "mean_authors_per_paper", "mean_papers_per_author", "mean_coauthors_per_author"]
diff = [k for k in same if exact[k] != est[k]]
check(not diff, "%d exact figures equal the graph's (%s)" % (len(same), ", ".join("%s %s/%s" % (k, exact[k], est[k]) for k in diff) or "authors %d, edges %d, components %d" % (est["authors"], est["coauthor_edges"], est["components"])))
check(est["clustering_sampled"] is True and est["distances_sampled"] is True and "clustering_sampled" not in exact,
      "estimates are marked, exact figures are not")
for k, tol in (("average_clustering", 0.01), ("transitivity", 0.01)):
    check(abs(exact[k] - est[k]) <= tol, "%s %.4f, exact %.4f (within %.2f)" % (k, est[k], exact[k], tol))
check(abs(est["triangles"] - exact["triangles"]) <= 0.03 * exact["triangles"],
      "triangles %d, exact %d (within 3 %%)" % (est["triangles"], exact["triangles"]))
check(abs(est["mean_distance"] - exact["mean_distance"]) <= 0.1 * exact["mean_distance"],
      "mean distance %.4f, exact %.4f (within 10 %%)" % (est["mean_distance"], exact["mean_distance"]))
check(exact["diameter"] - 2 <= est["diameter"] <= exact["diameter"],
      "diameter %d, exact %d (a lower bound)" % (est["diameter"], exact["diameter"]))
sys.exit(bad)
PY
if cmp -s "$tmp/est.json" "$tmp/est2.json"; then echo "ok   the same seed gives the same bytes"; else
    echo "FAIL two runs differ"; fail=1; fi
"$COAUTHOR" stats -q "$tmp/c.db" --estimate | grep -q "triangles .*(estimated)" &&
    echo "ok   the text output marks the estimates" || { echo "FAIL no '(estimated)' in the text output"; fail=1; }
for args in "--estimate $tmp/c.xml" "--estimate --exact $tmp/c.db" "--estimate --years 2000- $tmp/c.db"; do
    set +e
    # shellcheck disable=SC2086
    "$COAUTHOR" stats -q $args >/dev/null 2>"$tmp/err"
    status=$?
    set -e
    if [ $status -eq 2 ] && [ -s "$tmp/err" ]; then echo "ok   stats $args: exit 2, $(head -1 "$tmp/err")"
    else echo "FAIL stats $args: exit $status"; cat "$tmp/err"; fail=1; fi
done
# a damaged index (a coauthor count of 4 billion; a paper listed with an
# author too many) is refused, not trusted: fuzz_store found both
for damage in degree paper_start; do
    cp -p "$tmp/c.db" "$tmp/d.db" # -p: the index records the database's mtime
    /usr/bin/python3 - "$tmp/c.db.idx" "$tmp/d.db.idx" "$damage" <<'PY'
import struct, sys
data = bytearray(open(sys.argv[1], "rb").read())
name = ("ix." + sys.argv[3]).encode() + b"\0"
at = data.index(name, 0, 4096)          # the section table entry: name[32], offset, bytes
offset, size = struct.unpack_from("<QQ", data, at + 32)
if sys.argv[3] == "degree":
    struct.pack_into("<I", data, offset, 0xFFFFFFFF)
else:
    v = struct.unpack_from("<I", data, offset + 4)[0]
    struct.pack_into("<I", data, offset + 4, v + 1)
open(sys.argv[2], "wb").write(data)
PY
    set +e
    "$COAUTHOR" stats -q --estimate "$tmp/d.db" >/dev/null 2>"$tmp/err"
    status=$?
    set -e
    if [ $status -eq 1 ] && grep -q "the index of .* is damaged" "$tmp/err"; then
        echo "ok   a damaged ix.$damage is refused: exit 1, $(cat "$tmp/err")"
    else
        echo "FAIL damaged ix.$damage: exit $status"; cat "$tmp/err"; fail=1
    fi
done
exit $fail
