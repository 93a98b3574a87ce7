d=$(mktemp -d) && coauthor draw --highlight-path 'Karim Galliamov' 'Biao Zhang' data/ivan-titov.txt -o "$d/c.dot" 2>&1 | sed 's/ in [0-9.]* s;/ in S s;/'; s=${PIPESTATUS[0]}; rm -rf "$d"; exit $s
