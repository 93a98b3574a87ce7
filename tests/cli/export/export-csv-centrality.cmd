d=$(mktemp -d) && coauthor export -q --communities=walktrap --centrality eigenvector,harmonic --ego 'Zeyu Huang' data/ivan-titov.txt -o "$d/z.csv" && cat "$d/z-nodes.csv"; s=$?; rm -rf "$d"; exit $s
