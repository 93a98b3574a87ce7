d=$(mktemp -d) && coauthor draw --highlight-path 'Ivan Titov' 'ivan titov' data/ivan-titov.txt -o "$d/c.svg"; s=$?; ls -A "$d"; rm -rf "$d"; exit $s
