# Bad requests: no output, output to stdout, a database from stdin, an
# SQLite file that is not a corpus.
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
coauthor import data/ivan-titov.txt; echo "exit $?"
coauthor import data/ivan-titov.txt -o -; echo "exit $?"
printf 'SQLite format 3\000not really' > "$t/fake.db"
coauthor stats -q "$t/fake.db" 2>&1 | sed "s|$t|TMP|"; echo "exit ${PIPESTATUS[0]}"
coauthor import -q data/ivan-titov.txt -o "$t/c.db" && coauthor stats -q - < "$t/c.db" 2>&1 | sed "s|$t|TMP|"
echo "exit ${PIPESTATUS[0]}"
ls "$t"
