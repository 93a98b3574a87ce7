#!/usr/bin/env bash
# coauthor serve stops cleanly on SIGINT and SIGTERM (status 0, the port
# closed), refuses a bad --listen (status 2) and a port in use (status 1).
cd "$(dirname "$0")/../.."
. tests/serve/lib.sh
for sig in INT TERM; do
    serve_start -q data/ivan-titov.txt
    expect 200 "/api/stats"
    pid=$SERVER_PID
    kill -"$sig" "$pid"
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -0 "$pid" 2>/dev/null && fail "SIG$sig: still running after 5 s"
    wait "$pid"
    status=$?
    [ "$status" = 0 ] || fail "SIG$sig: exit status $status"
    curl -s -o /dev/null --max-time 2 "$BASE/api/stats" && fail "SIG$sig: the port still answers"
    SERVER_PID=
done
# with a request in flight: the stop waits for it
serve_start -q data/ivan-titov.txt
curl -s -o "$out/slow" --max-time 20 "$BASE/api/ego/Ivan%20Titov?radius=2" &
curl_pid=$!
sleep 0.05
kill -TERM "$SERVER_PID"
wait "$SERVER_PID"
[ $? = 0 ] || fail "SIGTERM during a request: exit status not 0"
SERVER_PID=
wait "$curl_pid"
grep -q '"nodes"' "$out/slow" || fail "SIGTERM during a request: the request in flight was not answered"
"$COAUTHOR" serve --listen 127.0.0.1:99999 data/ivan-titov.txt 2>"$out/err"
[ $? = 2 ] || fail "--listen with port 99999: expected status 2"
grep -q "bad --listen" "$out/err" || fail "no message for a bad --listen"
serve_start -q data/ivan-titov.txt
port=${BASE##*:}
timeout 20 "$COAUTHOR" serve -q --listen "127.0.0.1:$port" data/ivan-titov.txt 2>"$out/err"
[ $? = 1 ] || fail "a port in use: expected status 1"
grep -q "cannot listen" "$out/err" || fail "no message for a port in use: $(cat "$out/err")"
timeout 20 "$COAUTHOR" serve -q --listen 127.0.0.1:0 /nonexistent.bib 2>"$out/err"
[ $? = 1 ] || fail "a missing input: expected status 1"
echo "serve-shutdown: ok"
