#!/usr/bin/env bash
# Renders the pictures of graphs/ (make graphs) from data a fresh clone has:
# the seed profile (data/ivan-titov.txt) and Nelson Beebe's TUGboat
# bibliography, installed by Debian's texlive-bibtex-extra.
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
tugboat=/usr/share/texlive/texmf-dist/bibtex/bib/beebe/tugboat.bib
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

# 1b. Ivan Titov's collaborations over time, for a CV or a grant report
for ext in $formats; do
    [ "$ext" = dot ] && continue
    run "ivan-titov-timeline.$ext" draw --timeline --author "Ivan Titov" --year 2026 "$profile" \
        -o "$out/ivan-titov-timeline.$ext"
done

# 2. TUGboat 1980-2022: the largest connected component of its authors,
#    coloured by community
for ext in $formats; do
    run "tugboat.$ext" draw --component largest "$tugboat" -o "$out/tugboat.$ext"
done

# 3. A chain: the shortest chain from Barbara Beeton to Victor Eijkhout,
#    with every author one hop from it
for ext in $formats; do
    [ "$ext" = dot ] && continue
    run "beeton-eijkhout-chain.$ext" draw --highlight-path "Barbara Beeton" "Victor Eijkhout" --radius 1 "$tugboat" \
        -o "$out/beeton-eijkhout-chain.$ext"
done
echo "make-graphs: wrote $(ls "$out" | wc -l) files into $out/"
