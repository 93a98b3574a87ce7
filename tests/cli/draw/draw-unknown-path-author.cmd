d=$(mktemp -d) && coauthor draw --highlight-path 'Ivan Titov' 'Nobody Here' data/ivan-titov.txt -o "$d/chain.svg"; s=$?; ls -A "$d"; rm -rf "$d"; exit $s
