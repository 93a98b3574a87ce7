#!/usr/bin/env bash
# Runs 'make demo' with every coauthor command under
#   valgrind --leak-check=full
# and fails on any memory error or definite leak outside the third-party
# libraries named in tests/valgrind.supp.  Slow (minutes): not part of
# make check.
#
#   scripts/valgrind-demo.sh [BUILD]     (default: build)
set -u
cd "$(dirname "$0")/.."
build=${1:-build}
top=$(pwd)
wrap=$(mktemp -d)
trap 'rm -rf "$wrap"' EXIT
mkdir -p "$wrap/logs"
# demo.sh runs $BUILD/coauthor and writes to $BUILD/demo: give it a build
# directory whose coauthor is valgrind around the real one
cat >"$wrap/coauthor" <<WRAP
#!/bin/sh
exec valgrind -q --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --error-exitcode=9 \
    --suppressions="$top/tests/valgrind.supp" --log-file="$wrap/logs/%p.log" "$top/$build/coauthor" "\$@"
WRAP
chmod +x "$wrap/coauthor"
if ! scripts/demo.sh "$wrap" >"$wrap/demo.out" 2>&1; then
    cat "$wrap/demo.out" | tail -20
    echo "valgrind-demo: the demo failed under valgrind (logs above)"
    for f in "$wrap"/logs/*.log; do [ -s "$f" ] && cat "$f"; done | head -80
    exit 1
fi
bad=0
for f in "$wrap"/logs/*.log; do
    if [ -s "$f" ]; then
        cat "$f"
        bad=1
    fi
done
runs=$(ls "$wrap"/logs/*.log | wc -l)
if [ $bad = 0 ]; then
    echo "valgrind-demo: $runs coauthor runs, no memory errors, no definite leaks"
fi
exit $bad
