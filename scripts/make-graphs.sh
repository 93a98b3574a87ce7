#!/usr/bin/env bash
# Renders the pictures of graphs/ from data/ (make graphs).
#
#   scripts/make-graphs.sh [COAUTHOR [OUTDIR]]
#
# COAUTHOR is the binary (default build/coauthor), OUTDIR the folder
# (default graphs).  FORMATS="dot svg" leaves out the PNG pictures.  The same inputs give the same DOT, SVG and GraphML
# bytes on every run (tests/scripts/draw-graphs-deterministic.sh); the
# profile's undated entries are given the year 2026, the year it was taken.
set -eu
cd "$(dirname "$0")/.."
bin=${1:-build/coauthor}
out=${2:-graphs}
mkdir -p "$out"
profile=data/ivan-titov.txt
acl=data/acl-main-2015-2021.bib.gz
formats=${FORMATS:-dot svg png}
run() { # name, then coauthor arguments
    local name=$1
    shift
    "$bin" "$@" 2>&1 | grep -v '^coauthor: read \|bibutils: ' | sed "s|^coauthor: |$name: |" || true
    [ "${PIPESTATUS[0]}" = 0 ] || { echo "make-graphs: '$name' failed" >&2; exit 1; }
}

# 1. The profile's coauthor network: every coauthor of Ivan Titov
for ext in $formats; do
    run "ivan-titov.$ext" draw --year 2026 "$profile" -o "$out/ivan-titov.$ext"
done
# with communities and centralities, for Gephi and the Python libraries
run ivan-titov.graphml export -q --year 2026 --to graphml --communities --centrality degree,pagerank,betweenness \
    "$profile" -o "$out/ivan-titov.graphml"

# 2. ACL Anthology 2015-2021: Ivan Titov's two-step neighbourhood, pairs
#    with at least two joint papers, coloured by community
for ext in $formats; do
    run "titov-acl.$ext" draw --ego "Ivan Titov" --radius 2 --min-weight 2 "$acl" -o "$out/titov-acl.$ext"
done

# 3. A chain: the shortest chain from Ivan Titov to Christopher D. Manning,
#    with every author one hop from it
for ext in $formats; do
    [ "$ext" = dot ] && continue
    run "titov-manning-chain.$ext" draw --highlight-path "Ivan Titov" "Christopher D. Manning" --radius 1 "$acl" \
        -o "$out/titov-manning-chain.$ext"
done
echo "make-graphs: wrote $(ls "$out" | wc -l) files into $out/"
