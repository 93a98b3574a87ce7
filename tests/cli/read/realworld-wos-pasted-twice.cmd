# One Web of Science export (102 records, current "FN Clarivate" header)
# pasted twice into one file gives its 102 papers, not 204 (nor 105, as
# when only the records with a DOI were merged); and no warning about the
# header.
. tests/shared-data.sh
need_shared realworld/wos-brunalab-savedrecs.txt
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
cat "$SHARED/realworld/wos-brunalab-savedrecs.txt" "$SHARED/realworld/wos-brunalab-savedrecs.txt" > "$t/twice.txt"
coauthor stats "$t/twice.txt" 2>&1 | sed "s|$t|TMP|" | sed -n '1,5p;/^papers/p;/^authors/p'
