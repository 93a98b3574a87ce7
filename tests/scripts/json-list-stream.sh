#!/usr/bin/env bash
# An OpenAlex list response ({"meta": ..., "results": [...]}) is read work
# by work as it streams in, as a top-level JSON array is: peak memory
# (/usr/bin/time -f %M) stays under the limit of tests/memory-limit.sh for
# a generated response of 150 MB,
#   (a) pretty-printed, as a page saved from the API and run through jq
#       (it was read whole, with jansson's tree: 1,033 MB for this file);
#   (b) on one line, as the API sends it (a line longer than 1 MiB was
#       skipped: none of its works were read);
# and every work is read.
. tests/script-lib.sh
. tests/memory-limit.sh # limit_kb, and ASan's quarantine made small

# FILE MB pretty|compact: writes the response, prints its number of works
make_list() {
    "$PY" - "$@" <<'PY'
import json, sys
out, target, pretty = sys.argv[1], int(sys.argv[2]) << 20, sys.argv[3] == "pretty"
sep = ",\n    " if pretty else ","
# an abstract, as OpenAlex gives it (an inverted index), makes a work
# about 4 KB, as real ones are
abstract = json.dumps({f"word{k}": [k, k + 200] for k in range(200)}, separators=(",", ":"))
n = size = 0
with open(out, "w") as f:
    f.write('{\n  "meta": {"count": null, "per_page": 200, "next_cursor": null},\n  "results": [\n    '
            if pretty else '{"meta":{"count":null,"per_page":200,"next_cursor":null},"results":[')
    while size < target:
        authors = ",".join(
            '{"author_position":"%s","author":{"id":"https://openalex.org/A%d","display_name":"Author %d Person",'
            '"orcid":null},"raw_author_name":"Author %d Person","institutions":[]}'
            % ("first" if a == 0 else "middle", (n * 3 + a) % 20000, (n * 3 + a) % 20000, (n * 3 + a) % 20000)
            for a in range(3))
        work = ('{"id":"https://openalex.org/W%d","doi":"https://doi.org/10.9999/list.%d",'
                '"title":"Streamed work number %d","display_name":"Streamed work number %d",'
                '"publication_year":%d,"abstract_inverted_index":%s,"authorships":[%s]}'
                % (n, n, n, n, 2000 + n % 20, abstract, authors))
        if pretty:
            work = work.replace(',"', ',\n      "')
        f.write((sep if n else "") + work)
        size += len(work) + len(sep)
        n += 1
    f.write('\n  ],\n  "group_by": []\n}\n' if pretty else '],"group_by":[]}\n')
print(n)
PY
}

for kind in pretty compact; do
    works=$(make_list "$tmp/list.json" 150 $kind)
    /usr/bin/time -f %M -o "$tmp/time" "$COAUTHOR" stats -q --json "$tmp/list.json" >"$tmp/out" ||
        fail "$kind: status $?"
    kb=$(tail -1 "$tmp/time")
    echo "$kind: $(($(stat -c %s "$tmp/list.json") >> 20)) MB, $works works, peak $kb KB"
    [ "$kb" -lt $limit_kb ] || fail "$kind: peak $kb KB, over $limit_kb KB"
    grep -q "\"papers\": $works," "$tmp/out" || fail "$kind: not all $works works read: $(head -c 300 "$tmp/out")"
    rm -f "$tmp/list.json"
done
finish
