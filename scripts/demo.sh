#!/usr/bin/env bash
# make demo: the three jobs on data a fresh clone has: the seed profile
# (data/ivan-titov.txt) and Nelson Beebe's TUGboat bibliography, which
# Debian's texlive-bibtex-extra installs (scripts/install-deps.sh).  Results
# go to $BUILD/demo/; the script shows the top of each and says where it is.
set -eu
build=${1:-build}
bin="$build/coauthor"
out="$build/demo"
mkdir -p "$out"
profile=data/ivan-titov.txt
tugboat=/usr/share/texlive/texmf-dist/bibtex/bib/beebe/tugboat.bib

echo "== 1. Pictures"
"$bin" draw -q "$profile" -o "$out/ivan-titov.svg"
"$bin" draw -q "$profile" -o "$out/ivan-titov.png"
"$bin" draw -q --component largest "$tugboat" -o "$out/tugboat.png"
"$bin" export -q --to graphml "$profile" -o "$out/ivan-titov.graphml"
for f in ivan-titov.svg ivan-titov.png tugboat.png ivan-titov.graphml; do
    echo "  $out/$f"
done

echo
echo "== 2. Rankings: the most frequent coauthors of Ivan Titov (profile listing)"
"$bin" rank -q --author "Ivan Titov" --top 10 "$profile" | tee "$out/titov-coauthors.txt"
"$bin" rank -q --author "Ivan Titov" --papers --tsv "$profile" >"$out/titov-coauthors-papers.tsv"
"$bin" rank -q --by pagerank --top 20 "$tugboat" >"$out/tugboat-pagerank.txt"
echo "  $out/titov-coauthors.txt, $out/titov-coauthors-papers.tsv, $out/tugboat-pagerank.txt"

echo
echo "== 3. A chain: Barbara Beeton to Victor Eijkhout in TUGboat"
"$bin" path -q --from "Barbara Beeton" --to "Victor Eijkhout" "$tugboat" | tee "$out/beeton-eijkhout-chain.txt"
"$bin" path -q --from "Barbara Beeton" --to "Victor Eijkhout" --all --json "$tugboat" >"$out/beeton-eijkhout-chains.json"
echo "  $out/beeton-eijkhout-chain.txt, $out/beeton-eijkhout-chains.json"

echo
echo "== Summary of the profile"
"$bin" stats -q "$profile" | tee "$out/ivan-titov-stats.txt" | sed -n '/^papers/,/^components/p'
echo
echo "Results are in $out/"
echo
echo "== The web page: search, an author's network and coauthors, chains with their papers"
echo "  $bin serve $profile $tugboat"
echo "  then open http://127.0.0.1:8080/ (loopback only; Ctrl-C stops it)"
