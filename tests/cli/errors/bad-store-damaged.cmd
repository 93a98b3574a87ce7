# A corpus database damaged inside (found by fuzz_store: a spelling's
# author id past the authors) is refused with a one-line reason, before
# anything indexes into it; before the fix, finalising it read past the
# authors array.
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
gzip -dc tests/data/bad/fuzz-store-spelling-author.db.gz > "$t/c.db"
coauthor stats "$t/c.db" 2>&1 | sed "s|$t|TMP|"; echo "exit ${PIPESTATUS[0]}"
coauthor path --from "Bo Two" --to "Hal Eight" "$t/c.db" 2>&1 | sed "s|$t|TMP|"; echo "exit ${PIPESTATUS[0]}"
