#!/usr/bin/env bash
# make demo: the main jobs on the shipped sample data.  Results go to
# $BUILD/demo/, and the script prints where each one is.
set -eu
build=${1:-build}
bin="$build/coauthor"
out="$build/demo"
mkdir -p "$out"
run() { # run NAME CMD... : stdout to $out/NAME, stderr shown
    local name=$1
    shift
    "$@" >"$out/$name"
    echo "  $out/$name"
}

echo "coauthor demo: the profile listing data/ivan-titov.txt"
run ivan-titov-stats.txt "$bin" stats -q data/ivan-titov.txt
echo
sed -n '1,4p;/^papers/,$p' "$out/ivan-titov-stats.txt"
echo
echo "coauthor demo: SNAP's CA-GrQc network"
run ca-grqc-stats.json "$bin" stats -q --json data/CA-GrQc.txt
echo
echo "Results are in $out/"
