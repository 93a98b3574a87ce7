d=$(mktemp -d) && echo 'the old picture' > "$d/titov.svg" && coauthor draw --ego 'Nobody Here' data/ivan-titov.txt -o "$d/titov.svg"; s=$?; ls -A "$d"; cat "$d/titov.svg"; rm -rf "$d"; exit $s
