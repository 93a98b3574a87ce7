#!/usr/bin/env bash
# make demo: the three jobs on the shipped sample data.  Results go to
# $BUILD/demo/; the script shows the top of each and says where it is.
set -eu
build=${1:-build}
bin="$build/coauthor"
out="$build/demo"
mkdir -p "$out"
profile=data/ivan-titov.txt
acl=data/acl-main-2015-2021.bib.gz

echo "== 1. Pictures"
"$bin" draw -q "$profile" -o "$out/ivan-titov.svg"
"$bin" draw -q "$profile" -o "$out/ivan-titov.png"
"$bin" draw -q --ego "Ivan Titov" --radius 2 --min-weight 2 "$acl" -o "$out/titov-acl.png"
"$bin" export -q --to graphml "$profile" -o "$out/ivan-titov.graphml"
for f in ivan-titov.svg ivan-titov.png titov-acl.png ivan-titov.graphml; do
    echo "  $out/$f"
done

echo
echo "== 2. Rankings: the most frequent coauthors of Ivan Titov (profile listing)"
"$bin" rank -q --author "Ivan Titov" --top 10 "$profile" | tee "$out/titov-coauthors.txt"
"$bin" rank -q --author "Ivan Titov" --papers --tsv "$profile" >"$out/titov-coauthors-papers.tsv"
"$bin" rank -q --by pagerank --top 20 "$acl" >"$out/acl-pagerank.txt"
echo "  $out/titov-coauthors.txt, $out/titov-coauthors-papers.tsv, $out/acl-pagerank.txt"

echo
echo "== 3. A chain: Ivan Titov to Christopher D. Manning in the ACL Anthology"
"$bin" path -q --from "Ivan Titov" --to "Christopher D. Manning" "$acl" | tee "$out/titov-manning-chain.txt"
"$bin" path -q --from "Ivan Titov" --to "Christopher D. Manning" --all --json "$acl" >"$out/titov-manning-chains.json"
echo "  $out/titov-manning-chain.txt, $out/titov-manning-chains.json"

echo
echo "== Summary of the profile"
"$bin" stats -q "$profile" | tee "$out/ivan-titov-stats.txt" | sed -n '/^papers/,/^components/p'
echo
echo "Results are in $out/"
