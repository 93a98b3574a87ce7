d=$(mktemp -d) && coauthor export -q --to csv --years 2025 data/ivan-titov.txt -o "$d/titov.csv" && ls "$d" && cat "$d/titov-nodes.csv" "$d/titov-edges.csv"; s=$?; rm -rf "$d"; exit $s
