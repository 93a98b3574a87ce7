#!/usr/bin/env bash
# A database's index whose lists of coauthors name authors that do not
# exist (a damaged or hostile DB.idx: the chain search reads the ids in
# place, unchecked until each is used): 'path' stops with one line that
# says so, and neither it nor the server reads outside the index (the
# sanitizer build runs this too).
. tests/serve/lib.sh
"$COAUTHOR" import -q data/ivan-titov.txt -o "$tmp/p.db" || exit 1
# every id of the section ix.coauthors (its offset and size follow its
# name in the header's table of sections) past the last author
$PY - "$tmp/p.db.idx" <<'PYEOF' || exit 1
import struct, sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
at = data.index(b"ix.coauthors\0")
offset, size = struct.unpack_from("<QQ", data, at + 32)
for k in range(0, size, 4):
    struct.pack_into("<I", data, offset + k, 0x7FFFFFF0 + k % 7)
open(path, "wb").write(data)
PYEOF
for pair in "Zeyu Huang|Christopher G. Lucas" "Matthias Lindemann|Zeyu Huang"; do
    "$COAUTHOR" path -q --all --from "${pair%|*}" --to "${pair#*|}" "$tmp/p.db" >"$tmp/out" 2>"$tmp/err"
    status=$?
    [ "$status" = 1 ] || fail "path on a damaged index: exit $status, not 1"
    [ "$(wc -l <"$tmp/err")" = 1 ] && grep -q "the index beside .*p.db is damaged" "$tmp/err" ||
        fail "path on a damaged index: $(cat "$tmp/err")"
done
serve_start "$tmp/p.db"
expect 503 "/api/path?from=Matthias%20Lindemann&to=Zeyu%20Huang"
json '"cannot search for a chain: the index beside p.db is damaged" in j["error"]' ||
    fail "the server's answer on a damaged index"
expect 200 "/api/stats"
serve_stop
finish
