#!/usr/bin/env bash
# The JSON API of coauthor serve on the seed profile: the answers against
# the command line's --json, the errors (400 with a message, 404 with the
# closest names, 405, 414), the limits, the headers, the pictures.
cd "$(dirname "$0")/../.."
. tests/serve/lib.sh
profile=data/ivan-titov.txt
serve_start "$profile"

# search: the start of any word, accents and case aside, most papers first
expect 200 "/api/authors?q=tit"
json 'j["authors"][0]["name"] == "Ivan Titov" and j["total"] == 1' || fail "q=tit"
expect 200 "/api/authors?q=iv%20ti"
json 'j["authors"][0]["name"] == "Ivan Titov"' || fail "q=iv ti"
expect 200 "/api/authors?q=TITOV"
json 'j["authors"][0]["name"] == "Ivan Titov"' || fail "q=TITOV"
expect 200 "/api/authors?q=muller"
json 'any(a["name"] == "Max Müller-Eberstein" for a in j["authors"])' || fail "q=muller finds Müller"
expect 200 "/api/authors?q=eberst"
json 'j["authors"] and j["authors"][0]["name"] == "Max Müller-Eberstein"' || fail "q=eberst: a word after a hyphen"
expect 200 "/api/authors?q=van%20titov"
json 'j["authors"] == []' || fail "q=van titov: 'van' starts no word of Ivan Titov"
expect 200 "/api/authors?q=a&limit=5"
json 'len(j["authors"]) == 5 and all(j["authors"][i]["papers"] >= j["authors"][i + 1]["papers"] for i in range(4))' ||
    fail "q=a: five, most papers first"
# the order of the suggestions: most papers first, then the smaller id
expect 200 "/api/authors?q=a&limit=50"
json 'all((x["papers"], -x["id"]) > (y["papers"], -y["id"]) for x, y in zip(j["authors"], j["authors"][1:]))' ||
    fail "q=a: most papers first, then by id"
json 'j["total"] == len(j["authors"]) == 12 and j["authors"][0]["name"] == "Alexander Koller"' || fail "q=a: every match"
titov=$(jval 'j["authors"][0]["id"]')
expect 200 "/api/authors?q=tit"
titov=$(jval 'j["authors"][0]["id"]')

# an author: rank --author's rows, by id and by name
expect 200 "/api/author/$titov?top=1000"
cp "$out/body" "$out/api-rank.json"
"$COAUTHOR" rank -q --json --author "Ivan Titov" "$profile" >"$out/cli-rank.json" || fail "rank --author"
/usr/bin/python3 tests/serve/compare.py rank "$out/api-rank.json" "$out/cli-rank.json" || fail "author rows differ from rank --author"
expect 200 "/api/author/Ivan%20Titov?top=3"
json 'j["id"] == '"$titov"' and len(j["rows"]) == 3 and j["shown"] == 3' || fail "by name, top 3"
huang=$(jval 'j["rows"][0]["id"]')
expect 200 "/api/author/$titov?with=$huang"
json 'len(j["rows"]) == 1 and len(j["rows"][0]["papers"]) == j["rows"][0]["joint_papers"] == 7' ||
    fail "with: the 7 joint papers"
json 'j["identity"]["homonym_papers"] >= 0 and "merged" in j["identity"]' || fail "identity notes"

# the ego network: the authors stats --ego counts, positions from Graphviz;
# beyond the node limit (50), the coauthors with the most joint papers
expect 200 "/api/ego/$titov"
n=$("$COAUTHOR" stats -q --json --ego "Ivan Titov" "$profile" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["authors"])')
json 'j["in_network"] == '"$n"' and j["node_limit"] == 50 and len(j["nodes"]) == j["authors"] == min('"$n"', 50)' ||
    fail "ego: $n authors in the network, at most 50 drawn"
json 'j["left_out"] == j["in_network"] - j["authors"] > 0 and len(j["edges"]) == j["links"]' || fail "ego: left_out"
cp "$out/body" "$out/ego.json"
# the same network asked for by many at once, before it is laid out: the
# ones in line behind its layout get the same answer
pids=
for i in $(seq 12); do
    curl -sS -g --max-time 60 -o "$out/same.$i" -w '%{http_code}\n' "$BASE/api/ego/$titov?radius=2&min_weight=1" \
        >"$out/same-status.$i" &
    pids="$pids $!"
done
wait $pids # not the server
for i in $(seq 12); do
    [ "$(cat "$out/same-status.$i")" = 200 ] && cmp -s "$out/same.1" "$out/same.$i" ||
        fail "ego asked for 12 times at once: answer $i differs or failed"
done
grep -q '"radius": 2' "$out/same.1" || fail "ego asked for 12 times at once: not the radius-2 network"
expect 200 "/api/author/$titov?top=2000"
/usr/bin/python3 -c '
import json, sys
ego = json.load(open(sys.argv[1])); rows = json.load(open(sys.argv[2]))["rows"]
kept = {v["id"] for v in ego["nodes"]}
weight = {r["id"]: r["joint_papers"] for r in rows}
least_kept = min(weight[a] for a in kept if a in weight)
most_left = max(w for a, w in weight.items() if a not in kept)
sys.exit(0 if least_kept >= most_left else 1)' "$out/ego.json" "$out/body" || fail "ego: the cut keeps the most joint papers"
expect 200 "/api/ego/$titov"
json 'all(isinstance(v["x"], float) and isinstance(v["y"], float) for v in j["nodes"]) and j["engine"] == "neato"' ||
    fail "ego: positions"
json 'len({v["x"] for v in j["nodes"]}) > 1 and max(v["community"] for v in j["nodes"]) > 0' || fail "ego: layout and communities"
expect 200 "/api/ego/$titov?min_weight=3"
json 'j["authors"] < '"$n"' and j["min_weight"] == 3' || fail "ego: min_weight=3 keeps fewer"
n3=$("$COAUTHOR" stats -q --json --ego "Ivan Titov" --min-weight 3 "$profile" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["authors"])')
json 'j["authors"] == '"$n3" || fail "ego: min_weight=3 has $n3 authors as stats --ego --min-weight 3"
expect 200 "/api/ego/$titov?radius=2"
json 'j["radius"] == 2' || fail "radius 2"
expect 200 "/api/ego/$titov.svg"
grep -q 'Coauthors of Ivan Titov within 1 hop' "$out/body" || fail "the SVG has draw's title"
grep -qi 'content-type: image/svg+xml' "$out/headers" || fail "SVG content type"
expect 200 "/api/ego/$titov.png?min_weight=2"
head -c 8 "$out/body" | od -An -c | grep -q 'P   N   G' || fail "a PNG"

# a chain: path's chains and papers
expect 200 "/api/path?from=Zeyu%20Huang&to=Christopher%20G.%20Lucas&chains=10"
cp "$out/body" "$out/api-path.json"
"$COAUTHOR" path -q --json --all --limit 10 --from "Zeyu Huang" --to "Christopher G. Lucas" "$profile" \
    >"$out/cli-path.json" || fail "path"
/usr/bin/python3 tests/serve/compare.py path "$out/api-path.json" "$out/cli-path.json" || fail "chains differ from path"
json 'j["chains"][0]["hops"][0]["marks"] == ["inferred"]' || fail "marks"
expect 200 "/api/path/network?from=Zeyu%20Huang&to=Christopher%20G.%20Lucas&chains=10"
json 'len(j["network"]["nodes"]) == 3 and len(j["network"]["path"]) == 3 and j["length"] == 2' || fail "the chain's network"
expect 200 "/api/path?from=Zeyu%20Huang&to=Christopher%20G.%20Lucas&avoid=$titov"
json 'j["length"] is None and j["chains"] == [] and "no chain" in j["explanation"]' || fail "avoiding the hub: no chain"
expect 200 "/api/path/network?from=Zeyu%20Huang&to=Christopher%20G.%20Lucas&avoid=$titov"
json 'j["length"] is None and j["network"] is None and j["network_omitted"] == "no chain"' || fail "no chain: no network"
expect 200 "/api/path?from=Matthias%20Lindemann&to=Zeyu%20Huang"
len=$(jval 'j["length"]')
expect 200 "/api/path?from=Matthias%20Lindemann&to=Zeyu%20Huang&avoid=$titov"
json 'j["length"] is None or j["length"] > '"$len" || fail "avoid makes the chain longer or impossible"

# stats
expect 200 "/api/stats"
json 'j["papers_read"] == 50 and j["authors"] == 67' || fail "stats counts"

# errors
expect 404 "/api/author/Ivan%20Titovv"
json '"matches no author" in j["error"] and j["candidates"][0]["name"] == "Ivan Titov"' || fail "404 with the closest names"
expect 404 "/api/author/999999"
json '"no author has the id" in j["error"]' || fail "404 for an unknown id"
expect 404 "/api/ego/Nobody%20Atall"
expect 400 "/api/ego/$titov?radius=3"
json '"radius" in j["error"]' || fail "radius 3"
expect 400 "/api/ego/$titov?min_weight=-1"
expect 400 "/api/ego/$titov?min_weight=abc"
expect 400 "/api/authors"
expect 400 "/api/authors?q=tit&limit=0"
expect 400 "/api/path?from=$titov"
expect 400 "/api/path?from=$titov&to=$huang&chains=101"
expect 400 "/api/path?from=$titov&to=$huang&avoid=$titov"
expect 404 "/api/nothing"
expect 404 "/nothing.html"
long=$(printf 'x%.0s' $(seq 400))
expect 414 "/api/authors?q=$long"
many=$(printf 'x%d=1&' $(seq 32))
expect 414 "/api/authors?${many}q=titov"
json '"more than 32 parameters" in j["error"]' || fail "33 parameters: not refused for their number"
expect 200 "/api/authors?$(printf 'x%d=1&' $(seq 31))q=titov"
json 'j["total"] >= 1' || fail "32 parameters, the last one read"
status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$BASE/api/stats")
[ "$status" = 405 ] || fail "POST: status $status, expected 405"
status=$(curl -sS -o /dev/null -w '%{http_code}' -X DELETE "$BASE/")
[ "$status" = 405 ] || fail "DELETE: status $status, expected 405"
curl -sS -I "$BASE/api/stats" | grep -q '^HTTP/1.1 200' || fail "HEAD"

# the page: no inline script, the headers on every answer
expect 200 "/"
grep -qi "^content-security-policy: default-src 'none'; script-src 'self';" "$out/headers" || fail "CSP on the page"
grep -qi '^x-content-type-options: nosniff' "$out/headers" || fail "nosniff"
! grep -Eq '<script>|<script [^>]*>[^<]' "$out/body" || fail "an inline script in the page"
! grep -q 'style=' "$out/body" || fail "an inline style in the page"
! grep -Eq 'https?://' "$out/body" || fail "the page names another site"
expect 200 "/cytoscape.min.js"
grep -qi '^content-type: text/javascript' "$out/headers" || fail "the graph library's type"
expect 404 "/api/author/1000000000000"
grep -qi "^content-security-policy:" "$out/headers" || fail "CSP on an error"
echo "serve-api-profile: ok"
