# Shared by the tests of coauthor serve (tests/scripts/serve-*.sh): starts a
# server on a free loopback port (the kernel's choice, read back from
# --port-file) and always stops it when the test ends.
#   serve_start [OPTIONS] FILE...   sets BASE (http://127.0.0.1:PORT) and SERVER_PID
#   get PATH                        body to $out/body, status to $out/status, headers to $out/headers
. tests/script-lib.sh
out=$tmp
SERVER_PID=
serve_stop() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null
        for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SERVER_PID" 2>/dev/null
    fi
    SERVER_PID=
}
trap 'serve_stop; rm -rf "$tmp"' EXIT
serve_start() {
    rm -f "$out/port"
    "$COAUTHOR" serve --listen 127.0.0.1:0 --port-file "$out/port" "$@" 2>"$out/server.log" &
    SERVER_PID=$!
    for _ in $(seq 600); do
        [ -s "$out/port" ] && break
        kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server did not start:"; cat "$out/server.log"; exit 1; }
        sleep 0.1
    done
    [ -s "$out/port" ] || { echo "the server did not listen within 60 s"; exit 1; }
    BASE=http://127.0.0.1:$(cat "$out/port")
}
get() {
    curl -sS -g --max-time 60 -D "$out/headers" -o "$out/body" -w '%{http_code}' "$BASE$1" >"$out/status"
}
# a failed check stops the test, with the body that failed it
fail() { echo "FAIL: $*"; [ -s "$out/body" ] && head -c 600 "$out/body" && echo; exit 1; }
# expect STATUS PATH: the status, and a JSON body
expect() {
    get "$2" || fail "curl $2"
    [ "$(cat "$out/status")" = "$1" ] || fail "$2: status $(cat "$out/status"), expected $1"
}
# jq-less JSON checks: python3 evaluates an expression on the body as 'j'
json() { /usr/bin/python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' "$out/body" "$1"; }
jval() { /usr/bin/python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$out/body" "$1"; }
