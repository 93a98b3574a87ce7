. tests/shared-data.sh
need_shared dblp/dblp-fragment.xml
# A corpus database answers exactly as the sources it was imported from.
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
files=(data/ivan-titov.txt "$SHARED/dblp/dblp-fragment.xml")
coauthor import -q "${files[@]}" -o "$t/c.db" || exit 1
same() {
    coauthor "$@" -q "${files[@]}" > "$t/files.out" 2>&1
    local a=$?
    coauthor "$@" -q "$t/c.db" > "$t/db.out" 2>&1
    local b=$?
    if cmp -s "$t/files.out" "$t/db.out" && [ $a = $b ]; then
        echo "$1: same answer (exit $a)"
    else
        echo "$1: differs"; diff "$t/files.out" "$t/db.out" | head -5
    fi
}
same stats --json
same rank --author "Ivan Titov"
same path --from "Zihan Qiu" --to "Verna Dankers"
same communities --seed 3
