#!/usr/bin/env bash
# A profile of coauthor's reading path with perf: the readers alone
# (scripts/bench/inproc, built by run.py into bench-out/), on one file.
#
#   scripts/bench/profile.sh bench-out/corpus-50000-s1.xml
#
# Prints the functions by inclusive and by own share of the samples.  perf
# needs kernel.perf_event_paranoid <= 2 (or root); valgrind --tool=callgrind
# is the fallback: CALLGRIND=1 scripts/bench/profile.sh FILE.
set -eu
file=${1:?usage: profile.sh FILE}
inproc=${INPROC:-bench-out/inproc}
[ -x "$inproc" ] || { echo "profile.sh: $inproc missing; run 'make bench' (or run.py) once first" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [ "${CALLGRIND:-0}" = 1 ]; then
    valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$inproc" "$file" >/dev/null
    callgrind_annotate --inclusive=yes "$out/cg" | head -40
    exit 0
fi
perf record -q -F 999 --call-graph dwarf,16384 -o "$out/perf.data" "$inproc" "$file"
echo "== inclusive (children included), 3 % and more"
perf report -i "$out/perf.data" --children --stdio --percent-limit 3 -g none 2>/dev/null \
    | grep -E '^ +[0-9]' | grep -v '\[unknown\]' | head -40
echo "== own time, 1.5 % and more"
perf report -i "$out/perf.data" --no-children --stdio --percent-limit 1.5 -g none 2>/dev/null \
    | grep -E '^ +[0-9]' | head -25
