d=$(mktemp -d) && coauthor draw --engine dot data/ivan-titov.txt -o "$d/titov.png"; s=$?; ls -A "$d"; rm -rf "$d"; exit $s
