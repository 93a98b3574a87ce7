. tests/shared-data.sh
need_shared dblp/dblp-fragment.xml
# import --append reads the database first, then the new inputs: the same
# corpus as reading everything at once, with papers found twice counted once.
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
coauthor import -q data/ivan-titov.txt -o "$t/c.db" || exit 1
coauthor import -q --append "$SHARED/dblp/dblp-fragment.xml" -o "$t/c.db" || exit 1
coauthor stats --json -q data/ivan-titov.txt "$SHARED/dblp/dblp-fragment.xml" > "$t/a"
coauthor stats --json -q "$t/c.db" > "$t/b"
cmp -s "$t/a" "$t/b" && echo "append: same as reading both files"
# the database and a file together: the stored papers are added one by one
coauthor import -q data/ivan-titov.txt -o "$t/p.db" || exit 1
coauthor stats -q "$t/p.db" "$SHARED/dblp/dblp-fragment.xml" | grep -E '^(papers|authors|authorships|coauthor edges) '
coauthor stats -q data/ivan-titov.txt "$SHARED/dblp/dblp-fragment.xml" | grep -E '^(papers|authors|authorships|coauthor edges) '
