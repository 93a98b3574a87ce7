#!/usr/bin/env bash
# The JSON API of coauthor serve on a database (coauthor import), served
# through its index: the answers against the command line's on the same
# database, and the same answers as when the BibTeX file is served itself.
cd "$(dirname "$0")/../.."
. tests/serve/lib.sh
tugboat=/usr/share/texlive/texmf-dist/bibtex/bib/beebe/tugboat.bib
if [ ! -r "$tugboat" ]; then
    [ "${CI:-}" = true ] && { echo "$tugboat missing: run scripts/install-deps.sh"; exit 1; }
    echo "skipped: needs $tugboat (texlive-bibtex-extra, scripts/install-deps.sh)"
    exit 77
fi
db=$out/tugboat.db
"$COAUTHOR" import -q "$tugboat" -o "$db" || fail "import"
[ -s "$db.idx" ] || fail "the import wrote no index"
serve_start "$db"
grep -q 'ready in' "$out/server.log" || fail "no ready line"

expect 200 "/api/authors?q=beet"
json 'j["authors"][0]["name"] == "Barbara Beeton"' || fail "q=beet"
beeton=$(jval 'j["authors"][0]["id"]')
expect 200 "/api/authors?q=ba%20bee"
json 'j["authors"][0]["id"] == '"$beeton" || fail "q=ba bee"

expect 200 "/api/author/$beeton?top=2000"
cp "$out/body" "$out/api-rank.json"
"$COAUTHOR" rank -q --json --author "Barbara Beeton" "$db" >"$out/cli-rank.json" || fail "rank --author"
/usr/bin/python3 tests/serve/compare.py rank "$out/api-rank.json" "$out/cli-rank.json" || fail "rows differ from rank --author"

expect 200 "/api/path?from=Barbara%20Beeton&to=Victor%20Eijkhout&chains=20"
cp "$out/body" "$out/api-path.json"
"$COAUTHOR" path -q --json --all --limit 20 --from "Barbara Beeton" --to "Victor Eijkhout" "$db" \
    >"$out/cli-path.json" || fail "path"
/usr/bin/python3 tests/serve/compare.py path "$out/api-path.json" "$out/cli-path.json" || fail "chains differ from path"
json '"network" not in j' || fail "the chains come without their network"
first=$(jval 'j["chains"][0]["ids"]')
expect 200 "/api/path/network?from=Barbara%20Beeton&to=Victor%20Eijkhout&chains=20"
json 'j["network"] is not None and any(n["id"] == '"$beeton"' for n in j["network"]["nodes"])' || fail "chain network"
json 'j["network"]["path"] == '"$first"' and j["length"] == len(j["network"]["path"]) - 1' ||
    fail "the network's highlighted chain is the first chain listed"
json 'set(i for c in json.load(open("'"$out/api-path.json"'"))["chains"] for i in c["ids"]) == set(n["id"] for n in j["network"]["nodes"])' ||
    fail "the network has exactly the chains' authors"

expect 200 "/api/ego/$beeton"
n=$("$COAUTHOR" stats -q --json --ego "Barbara Beeton" "$tugboat" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["authors"])')
json 'j["authors"] == len(j["nodes"]) == '"$n" || fail "ego: $n authors expected"
cp "$out/body" "$out/ego-db.json"
expect 200 "/api/ego/$beeton.svg?radius=1&min_weight=2"
grep -q 'Coauthors of Barbara Beeton within 1 hop, pairs with at least 2 joint papers' "$out/body" || fail "SVG title"

expect 200 "/api/stats"
json 'j["sources"][0]["format"] == "bibtex" and j["authors"] > 1000' || fail "stats"
for _ in $(seq 100); do json 'j["network"] is not None' && break; sleep 0.1; get /api/stats; done
json 'j["network"]["largest_component_authors"] > 100' || fail "network statistics"

# the same answers from the BibTeX file served itself (an index in memory)
serve_stop
serve_start "$tugboat"
expect 200 "/api/ego/Barbara%20Beeton"
/usr/bin/python3 -c '
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
names = lambda j: sorted(n["name"] for n in j["nodes"])
sys.exit(0 if names(a) == names(b) and a["links"] == b["links"] else 1)' "$out/ego-db.json" "$out/body" ||
    fail "the database and the file give other ego networks"
echo "serve-api-database: ok"
