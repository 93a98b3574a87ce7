# the suggested merges, written as an alias file and passed back, join the splits
t=$(mktemp -d) && coauthor names -q --write-aliases "$t/suggested.tsv" tests/data/identity/variants.txt >/dev/null && cat "$t/suggested.tsv" && coauthor stats -q --aliases "$t/suggested.tsv" tests/data/identity/variants.txt | grep -E '^(authors|coauthor edges)'; rm -rf "$t"
