. tests/shared-data.sh
need_shared snap/CA-GrQc.txt
# The index beside a database: written by import, used by path and rank
# --author; a damaged index is reported and the whole corpus read instead;
# another database's index is ignored; no temporary file is left behind.
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
coauthor import -q data/ivan-titov.txt -o "$t/a.db"; echo "exit $?"
coauthor import -q "$SHARED/snap/CA-GrQc.txt" -o "$t/snap.db"; echo "exit $?"
ls "$t"
coauthor path -q --from "Zihan Qiu" --to "Verna Dankers" "$t/a.db"; echo "exit $?"
head -c 5000 "$t/a.db.idx" > "$t/cut" && mv "$t/cut" "$t/a.db.idx"
coauthor rank --author "Verna Dankers" --top 3 "$t/a.db" 2>&1 | sed "s|$t|TMP|g"; echo "exit ${PIPESTATUS[0]}"
coauthor import -q data/ivan-titov.txt -o "$t/b.db"; cp "$t/b.db.idx" "$t/a.db.idx"
coauthor import -q --append data/ivan-titov.txt -o "$t/b.db"; echo "exit $?"
coauthor rank --author "Verna Dankers" --top 3 "$t/a.db" 2>&1 | sed "s|$t|TMP|g"; echo "exit ${PIPESTATUS[0]}"
coauthor rank --author "Verna Dankers" --top 3 "$t/b.db" 2>&1 | sed "s|$t|TMP|g"; echo "exit ${PIPESTATUS[0]}"
ls "$t"
