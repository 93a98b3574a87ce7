#!/usr/bin/env bash
# The load test of coauthor serve (scripts/bench/README.md): a server on
# loopback over the DBLP-scale database of 'make bench-dblp' (imported here
# if it is missing), then wrk with 50 connections for 30 s on each of the
# search, author, ego, path and path network endpoints, on requests drawn
# at random from 3,000 authors.  Reports requests per second, p50 and p99 latency, errors,
# the server's CPU time per request (what a request costs, which the
# machine's load does not inflate as it does the latencies) and the load
# average after each endpoint, the server's start time and its memory
# (anonymous, and the mapped index, which is page cache) sampled every
# second over the run.
#
#   make bench-serve                          # 7,000,000 papers
#   make bench-serve DBLP_PAPERS=1000000      # smaller
#   SERVE_SECONDS=10 SERVE_CONNECTIONS=20 make bench-serve
#   SERVE_ARGS="--threads 8" make bench-serve   # options of the server
set -eu
build=${1:-build}
papers=${DBLP_PAPERS:-7000000}
seconds=${SERVE_SECONDS:-30}
conns=${SERVE_CONNECTIONS:-50}
out=${BENCH_OUT:-bench-out}
prefix=$out/corpus-$papers-s1
coauthor=$build/coauthor
command -v wrk >/dev/null || { echo "serve-load: wrk is missing: scripts/install-deps.sh installs it" >&2; exit 1; }
mkdir -p "$out"
# an index of another version than this build writes is not used (the
# server would read the whole corpus instead): imported again too
version=$(sed -n 's/^#define INDEX_VERSION \([0-9]*\).*/\1/p' src/graph/index.c)
if [ -f "$prefix.db.idx" ] && [ "$(od -An -tu4 -j16 -N4 "$prefix.db.idx" | tr -d ' ')" != "$version" ]; then
    echo "serve-load: $prefix.db.idx is not of index version $version: importing again" >&2
    stale=1
fi
if [ ! -f "$prefix.db" ] || [ ! -f "$prefix.db.idx" ] || [ -n "${stale:-}" ]; then
    if [ ! -f "$prefix.xml" ]; then
        echo "serve-load: generating $papers papers into $prefix.xml" >&2
        /usr/bin/python3 scripts/gen-corpus.py --papers "$papers" --seed 1 --formats xml -o "$prefix"
    fi
    echo "serve-load: importing $prefix.xml" >&2
    "$coauthor" import -q "$prefix.xml" -o "$prefix.db"
fi
work=$(mktemp -d)
calc() { awk "BEGIN {print $1}"; }
pid=
cleanup() {
    [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    [ -n "${sampler:-}" ] && kill "$sampler" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
# the index's pages read once, as a server that has run a while has them
cat "$prefix.db.idx" >/dev/null
start=$(date +%s.%N)
# shellcheck disable=SC2086 # SERVE_ARGS: words
"$coauthor" serve ${SERVE_ARGS:-} --listen 127.0.0.1:0 --port-file "$work/port" "$prefix.db" 2>"$work/server.log" &
pid=$!
for _ in $(seq 600); do [ -s "$work/port" ] && break; sleep 0.05; done
ready=$(date +%s.%N)
[ -s "$work/port" ] || { echo "serve-load: the server did not start" >&2; cat "$work/server.log" >&2; exit 1; }
base=http://127.0.0.1:$(cat "$work/port")
# the network statistics are computed in the background after the start:
# the load waits for them so as not to share the cores with them
for _ in $(seq 1200); do
    curl -s "$base/api/stats" | grep -q '"network": {' && break
    sleep 0.5
done
stats_ready=$(date +%s.%N)
echo "coauthor serve under load, $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "database: $prefix.db ($(($(stat -c %s "$prefix.db") / 1000000)) MB, index $(($(stat -c %s "$prefix.db.idx") / 1000000)) MB)"
curl -s -o /dev/null "$base/api/authors?q=a"   # waits for the names to be indexed
sed 's/^coauthor serve: /server: /' "$work/server.log"
printf 'server: listening %.2f s after exec; network statistics ready %.1f s after exec\n' \
    "$(calc "$ready - $start")" "$(calc "$stats_ready - $start")"
/usr/bin/python3 scripts/bench/serve-urls.py "$base" "$work" 3000 | sed 's/^/requests: /'
# memory, every second: anonymous, the server's and its layout processes'
# added up (the pages a process shares with the server since its fork are
# counted in both: an upper bound), and file-backed, the server's (the
# mapped index, page cache).  /proc/PID/status, not smaps_rollup: reading
# that walks the page tables of the 3.6 GB mapping and held the server's
# page faults back, adding 30 ms to every p99.
(while kill -0 "$pid" 2>/dev/null; do
     anon=0
     for p in "$pid" $(cat /proc/"$pid"/task/*/children 2>/dev/null); do
         anon=$((anon + $(awk '/^RssAnon/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)))
     done
     echo "Anon: $anon File: $(awk '/^RssFile/ {print $2}' "/proc/$pid/status")"
     sleep 1
 done) >"$work/mem" &
sampler=$!
# the server's CPU time (user + system, in clock ticks) from /proc, its
# layout processes' included (they are its children: counted in its stat
# only once they end, so read from their own): divided
# by the requests, what one request costs whatever the machine's load
ticks=$(getconf CLK_TCK)
cpu_ticks() {
    for p in "$pid" $(cat /proc/"$pid"/task/*/children 2>/dev/null); do cat "/proc/$p/stat"; done |
        awk '{t += $14 + $15 + $16 + $17} END {print t}'
}
printf '%-8s %10s %10s %10s %10s %8s %12s %6s\n' endpoint "req/s" "p50 ms" "p99 ms" "max ms" errors "CPU ms/req" load
for ep in search author ego path network; do
    c0=$(cpu_ticks)
    URLS="$work/$ep.urls" timeout $((seconds + 60)) wrk -t"$((conns < 2 ? conns : 2))" -c"$conns" -d"${seconds}s" --timeout 10s \
        -s scripts/bench/serve-wrk.lua "$base" >"$work/$ep.wrk" 2>&1 || true
    c1=$(cpu_ticks)
    line=$(grep '^RESULT' "$work/$ep.wrk" || true)
    if [ -z "$line" ]; then
        echo "$ep: wrk failed:"; cat "$work/$ep.wrk"; continue
    fi
    eval "${line#RESULT }"
    printf '%-8s %10.0f %10.2f %10.2f %10.2f %8d %12.2f %6s\n' "$ep" "$(calc "$requests / $duration_s")" "$p50_ms" \
        "$p99_ms" "$max_ms" $((status_errors + socket_errors)) \
        "$(calc "($c1 - $c0) * 1000 / $ticks / $((requests > 0 ? requests : 1))")" "$(cut -d' ' -f1 /proc/loadavg)"
done
kill "$sampler" 2>/dev/null || true
sampler=
awk '{for (i = 1; i < NF; i += 2) if ($(i + 1) > max[$i]) max[$i] = $(i + 1)}
     END {printf "memory (the server and its layout processes): peak anonymous %d MB, peak file-backed (the mapped index, page cache) %d MB\n",
          max["Anon:"] / 1024, max["File:"] / 1024}' "$work/mem"
t0=$(date +%s.%N)
kill -TERM "$pid"
wait "$pid"
status=$?
pid=
printf 'shutdown: SIGTERM to exit %.2f s, status %d\n' "$(calc "$(date +%s.%N) - $t0")" "$status"
