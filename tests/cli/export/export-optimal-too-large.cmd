d=$(mktemp -d) && coauthor export --communities optimal data/ivan-titov.txt -o "$d/t.graphml"; s=$?; ls -A "$d"; rm -rf "$d"; exit $s
