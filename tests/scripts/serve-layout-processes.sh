#!/usr/bin/env bash
# The layout processes of coauthor serve: one per core, as the log says;
# killed, they are replaced, and the networks they lay out then are those
# a fresh server lays out; a crash in a job answers that request 503 and
# not the next; they end with the server.
cd "$(dirname "$0")/../.."
. tests/serve/lib.sh
children() { cat /proc/"$1"/task/*/children 2>/dev/null; }
serve_start data/ivan-titov.txt
expect 200 "/api/stats"
first=$(children "$SERVER_PID")
n=$(echo $first | wc -w)
grep -q " $n layout processes;" "$out/server.log" || fail "$n layout processes, the log says: $(cat "$out/server.log")"
# one per online core, as the server counts them (nproc would follow this
# shell's CPU affinity instead)
cores=$(getconf _NPROCESSORS_ONLN)
[ "$n" = "$cores" ] || fail "$n layout processes on $cores cores"
expect 200 "/api/ego/0?radius=1"
# a picture of a network cut to its most tied authors: their papers with
# their titles in the tooltips (copied with their text, not whole)
expect 200 "/api/ego/Ivan%20Titov.svg?radius=1"
grep -q 'most tied of 67' "$out/body" || fail "Ivan Titov's picture is not cut"
grep -q 'Knowledge Offloading' "$out/body" || fail "Ivan Titov's picture has no paper title"
grep -q '(untitled)' "$out/body" && fail "Ivan Titov's picture has papers without their title"
# killed between jobs: the next layouts are made by their replacements
kill -KILL $first
sleep 0.2
urls="/api/ego/1?radius=1 /api/ego/2?radius=2 /api/ego/3.svg?radius=1 /api/path/network?from=0&to=5"
i=0
for u in $urls; do
    expect 200 "$u"
    cp "$out/body" "$out/after.$i"
    i=$((i + 1))
done
# a process is replaced when a job finds it dead (the one free last is
# taken first, so sequential requests may leave the other unreplaced)
second=$(children "$SERVER_PID")
new=0
for p in $second; do
    case " $(echo $first) " in *" $p "*) ;; *) new=$((new + 1)) ;; esac
done
[ "$new" -ge 1 ] || fail "no layout process was replaced after the kill: $first, then $second"
# killed in a job: that request gets 503 with why, the next is answered
curl -s -o "$out/slow" -w '%{http_code}' --max-time 30 "$BASE/api/ego/0?radius=2" >"$out/slow.status" &
curl_pid=$!
for p in $second; do kill -KILL "$p"; done
wait "$curl_pid"
case $(cat "$out/slow.status") in
200) ;; # laid out before the kill reached it
503) grep -q 'layout process was ended by signal 9' "$out/slow" || fail "503 without why: $(cat "$out/slow")" ;;
*) fail "a job whose process was killed: status $(cat "$out/slow.status")" ;;
esac
expect 200 "/api/ego/4?radius=2"
third=$(children "$SERVER_PID")
serve_stop
# the same answers as a fresh server's
serve_start data/ivan-titov.txt
i=0
for u in $urls; do
    expect 200 "$u"
    cmp -s "$out/body" "$out/after.$i" || { diff "$out/body" "$out/after.$i" | head -20; fail "$u: not the answer of a fresh server"; }
    i=$((i + 1))
done
serve_stop
# stopped with the server
for _ in $(seq 50); do
    left=
    for p in $third; do [ -e /proc/"$p" ] && left="$left $p"; done
    [ -z "$left" ] && break
    sleep 0.1
done
[ -z "$left" ] || fail "layout processes left after the server stopped:$left"
echo "serve-layout-processes: ok"
