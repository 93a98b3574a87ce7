#!/usr/bin/env bash
# Issue 19, item 6: the graph-file readers (GML, GraphML, Pajek) and the
# ORCID XML reader stream, with a limit on one value, line or part instead
# of one on the file (tests/scripts/memory-bombs.sh has the large inputs).
#   - a kept value (a name) over 1 MiB stops a GML or GraphML file with its
#     error; a value that is not kept may be longer;
#   - a Pajek line over the line limit is skipped and counted, the rest read;
#   - an ORCID XML work over 8 MiB stops the read with its error.
. tests/script-lib.sh

# run NAME ARGS...: status, stdout and stderr of coauthor into $tmp/NAME.*
run() {
    local name=$1
    shift
    "$COAUTHOR" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    echo $? >"$tmp/$name.status"
}

$PY - "$tmp" <<'PY'
import sys
tmp = sys.argv[1]
long = "Ann " + "a" * (1 << 20)
skip = "z" * (2 << 20)
with open(f"{tmp}/long.gml", "w") as f:
    f.write(f'graph [ node [ id 1 name "{long}" ] node [ id 2 name "Bob Beta" ] edge [ source 1 target 2 ] ]\n')
with open(f"{tmp}/unkept.gml", "w") as f:
    f.write(f'graph [ node [ id 1 name "Ann Alpha" notes "{skip}" ] node [ id 2 name "Bob Beta" ]\n'
            f'  edge [ source 1 target 2 ] ]\n')
with open(f"{tmp}/long.graphml", "w") as f:
    f.write('<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
            '<key id="n" for="node" attr.name="name" attr.type="string"/>\n<graph edgedefault="undirected">\n'
            f'<node id="a"><data key="n">{long}</data></node><node id="b"/>\n<edge source="a" target="b"/>\n'
            '</graph></graphml>\n')
with open(f"{tmp}/long.net", "w") as f:
    f.write(f'*Vertices 3\n1 "Ann Alpha"\n2 "{long}"\n3 "Carl Gamma"\n*Edges\n1 3\n')
with open(f"{tmp}/long.xml", "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<bulk:bulk xmlns:common="http://www.orcid.org/ns/common" '
            'xmlns:work="http://www.orcid.org/ns/work" xmlns:bulk="http://www.orcid.org/ns/bulk">\n'
            '<work:work put-code="1" path="/0000-0002-1825-0097/work/1"><work:title><common:title>'
            + "t" * (9 << 20) + '</common:title></work:title></work:work>\n</bulk:bulk>\n')
PY

run gml stats "$tmp/long.gml"
[ "$(cat "$tmp/gml.status")" = 1 ] || fail "long.gml: status $(cat "$tmp/gml.status"), want 1"
grep -q "long.gml: cannot read as GML: a value longer than 1048576 bytes, the limit for one value" "$tmp/gml.err" ||
    fail "long.gml: $(cat "$tmp/gml.err")"

run unkept stats -q --json "$tmp/unkept.gml"
[ "$(cat "$tmp/unkept.status")" = 0 ] || fail "unkept.gml: status $(cat "$tmp/unkept.status"): $(cat "$tmp/unkept.err")"
grep -q '"coauthor_edges": 1,' "$tmp/unkept.out" || fail "unkept.gml: the edge was not read"

run graphml stats "$tmp/long.graphml"
[ "$(cat "$tmp/graphml.status")" = 1 ] || fail "long.graphml: status $(cat "$tmp/graphml.status"), want 1"
grep -q "long.graphml: cannot read as GraphML: a value longer than 1048576 bytes, the limit for one value" \
    "$tmp/graphml.err" || fail "long.graphml: $(cat "$tmp/graphml.err")"

run net stats --json "$tmp/long.net"
[ "$(cat "$tmp/net.status")" = 0 ] || fail "long.net: status $(cat "$tmp/net.status"): $(cat "$tmp/net.err")"
grep -q "long.net:3: line longer than 1048576 bytes skipped" "$tmp/net.err" || fail "long.net: $(cat "$tmp/net.err")"
grep -q "long.net:3: a Pajek line too long to read: a vertex or edge on it is lost; skipped" "$tmp/net.err" ||
    fail "long.net: $(cat "$tmp/net.err")"
grep -q '"records": 2, "skipped": 1,' "$tmp/net.out" || fail "long.net: $(grep '"records"' "$tmp/net.out")"
run netstrict stats --strict "$tmp/long.net"
[ "$(cat "$tmp/netstrict.status")" = 1 ] || fail "long.net --strict: status $(cat "$tmp/netstrict.status"), want 1"

run orcid stats --format orcid-xml "$tmp/long.xml"
[ "$(cat "$tmp/orcid.status")" = 1 ] || fail "long.xml: status $(cat "$tmp/orcid.status"), want 1"
grep -q "long.xml.*a part of the ORCID response (a work, a group) longer than 8388608 bytes, the limit for one" \
    "$tmp/orcid.err" || fail "long.xml: $(cat "$tmp/orcid.err")"
finish
