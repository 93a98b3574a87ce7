#!/usr/bin/env bash
# The time budget of coauthor serve: layouts run one per layout process,
# and a request that waited in line for one past its budget is answered
# 503 with a JSON error and Retry-After, not kept waiting; the requests
# that need no layout (search, an author's coauthors) are not held up by it.
# Also: the log lines come in a fixed order.
cd "$(dirname "$0")/../.."
. tests/serve/lib.sh
profile=data/ivan-titov.txt
# a budget of 1 ms: any request that finds another's layout under way
# (a radius-2 network of this profile is 50 authors: milliseconds of neato)
# gives up at once
serve_start --budget 1 --threads 16 "$profile"
expect 200 "/api/stats"
ids=$(/usr/bin/python3 -c 'import json,sys; print(" ".join(str(i) for i in range(int(sys.argv[1]))))' \
    "$(jval 'j["authors"]')")
# every request at once, each to its own file: status and Retry-After
(cd "$out" && curl -sS --no-progress-meter -g --parallel --parallel-immediate --parallel-max 16 --max-time 60 \
    -w '%{http_code} %{filename_effective} %header{retry-after}\n' \
    $(for i in $ids; do printf -- '-o b%s %s ' "$i" "$BASE/api/ego/$i?radius=2"; done) >statuses) ||
    fail "curl"
busy=0
while read -r status file retry; do
    i=${file#b}
    case $status in
    200) /usr/bin/python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); sys.exit(0 if j["radius"] == 2 else 1)' \
             "$out/$file" || fail "ego $i: not an ego network" ;;
    503) busy=$((busy + 1))
         [ "$retry" = 1 ] || fail "ego $i: 503 without Retry-After: 1"
         /usr/bin/python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); sys.exit(0 if "time budget" in j["error"] and j["retry_after"] == 1 else 1)' \
             "$out/$file" || fail "ego $i: 503 without the budget's JSON error" ;;
    *) fail "ego $i: status $status" ;;
    esac
done <"$out/statuses"
[ "$(wc -l <"$out/statuses")" = "$(echo $ids | wc -w)" ] || fail "not every request was answered"
[ "$busy" -gt 0 ] || fail "no request was turned away: $(echo $ids | wc -w) layouts at once within 1 ms each"
grep -q ' 503 ' "$out/server.log" && fail "a 503 for the budget is not an error to log"
# no layout: never turned away
expect 200 "/api/authors?q=ti"
expect 200 "/api/author/2?top=5"
# one at a time, every network is answered: a free layout process is taken
# whatever the budget (it bounds the wait, not the work)
for i in $ids; do expect 200 "/api/ego/$i?radius=2"; done
serve_stop

# the log: what is served, then ready, then (from the background) the names
serve_start data/ivan-titov.txt
for _ in $(seq 100); do grep -q 'names indexed' "$out/server.log" && break; sleep 0.05; done
grep -o 'papers, \|ready in\|names indexed' "$out/server.log" | tr '\n' '|' >"$out/order"
[ "$(cat "$out/order")" = "papers, |ready in|names indexed|" ] || fail "log order: $(cat "$out/order")"
echo "serve-budget: ok"
