#!/usr/bin/env bash
# Issue 19, item 14 (the smaller ones), each through the real program:
#   - a GraphML file whose <graphml> root comes after 4 KB (a long comment)
#     is detected, and read with --format graphml when it lies beyond the
#     64 KB that detection sees
#   - an undefined entity in GraphML ("Alice &a;") is reported at its line
#     (igraph drops it), and fails the run under --strict
#   - names made only of punctuation (";;", "''") are not authors, and are
#     reported
#   - bidirectional and other control characters are escaped in tables
#   - a JSON array with stray ',' and '}' between items ends (fuzz_json_array)
#   - -q keeps libxml2 quiet (a DBLP file whose dblp.dtd names a missing
#     external entity printed libxml2's "I/O warning")
. tests/script-lib.sh

graph() { # padding-bytes names...
    echo '<?xml version="1.0"?>'
    /usr/bin/python3 -c "import sys; print('<!--' + 'x' * int(sys.argv[1]) + '-->')" "$1"
    echo '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
    echo '<key id="n" for="node" attr.name="name" attr.type="string"/>'
    echo '<graph edgedefault="undirected">'
    echo "<node id=\"a\"><data key=\"n\">$2</data></node>"
    echo "<node id=\"b\"><data key=\"n\">$3</data></node>"
    echo '<edge source="a" target="b"/>'
    echo '</graph></graphml>'
}
graph 5000 "Alice Smith" "Bob Jones" >"$tmp/late.graphml"
"$COAUTHOR" rank -q --by degree "$tmp/late.graphml" >"$tmp/out" 2>"$tmp/err" || fail "root after 4 KB: $(cat "$tmp/err")"
grep -q "Alice Smith" "$tmp/out" || fail "root after 4 KB: not read"
graph 70000 "Alice Smith" "Bob Jones" >"$tmp/later.xml"
"$COAUTHOR" rank -q --by degree --format graphml "$tmp/later.xml" >"$tmp/out" 2>"$tmp/err" ||
    fail "root after 64 KB with --format graphml: $(cat "$tmp/err")"
grep -q "Alice Smith" "$tmp/out" || fail "root after 64 KB with --format graphml: not read"

graph 10 "Alice &a;" "Bob Jones" >"$tmp/ent.graphml"
"$COAUTHOR" rank --by degree "$tmp/ent.graphml" >/dev/null 2>"$tmp/err" || fail "entity: status $?"
grep -q "ent.graphml:6: entity '&a;' is not defined in GraphML" "$tmp/err" || fail "entity not reported: $(cat "$tmp/err")"
"$COAUTHOR" rank --strict --by degree "$tmp/ent.graphml" >/dev/null 2>&1 && fail "entity under --strict: status 0"

printf '@article{a, author={;; and Bob Brown and Carl Crane}, title={T}, year=2000}\n' >"$tmp/p.bib"
printf "@article{b, author={'' and Dan Drake}, title={T2}, year=2000}\n" >>"$tmp/p.bib"
"$COAUTHOR" rank --by degree "$tmp/p.bib" >"$tmp/out" 2>"$tmp/err" || fail "punctuation: status $?"
grep -q "p.bib:1: author name ';;' has no letters or digits; left out" "$tmp/err" || fail "';;' not reported: $(cat "$tmp/err")"
grep -q "p.bib:2: author name .* has no letters or digits; left out" "$tmp/err" || fail "'' not reported: $(cat "$tmp/err")"
[ "$(grep -c '^ *[0-9]' "$tmp/out")" = 3 ] || fail "punctuation names became authors: $(cat "$tmp/out")"

printf 'CLJan 1, 2020\n\nPaper one\n\nAnna \xe2\x80\xaeevil, Bob B, C\x7fx Y\n\nAbstract.\n\n' >"$tmp/bidi.txt"
"$COAUTHOR" rank -q --by degree "$tmp/bidi.txt" >"$tmp/out" || fail "bidi: status $?"
grep -q 'Anna \\u202Eevil' "$tmp/out" || fail "U+202E not escaped: $(cat -A "$tmp/out")"
grep -q 'C\\u007Fx Y' "$tmp/out" || fail "DEL not escaped: $(cat -A "$tmp/out")"
LC_ALL=C grep -q $'\xe2\x80\xae' "$tmp/out" && fail "U+202E printed raw"

mkdir "$tmp/dblp"
echo '<!ENTITY gone SYSTEM "/no/such/file">' >"$tmp/dblp/dblp.dtd"
printf '<?xml version="1.0"?>\n<!DOCTYPE dblp SYSTEM "dblp.dtd">\n<dblp>\n<article key="a"><author>Ann A</author><author>Bob B</author><title>T &gone;</title><year>2000</year></article>\n<article key="b"><author>Carl C</author><author>Dan D</author><title>T</title><year>2000</year></article>\n</dblp>\n' >"$tmp/dblp/x.xml"
"$COAUTHOR" stats -q "$tmp/dblp/x.xml" >/dev/null 2>"$tmp/err" || fail "dblp -q: status $?"
[ -s "$tmp/err" ] && fail "-q printed: $(cat "$tmp/err")"
# a JSON array with stray separators and braces between its items (found
# by fuzz_json_array: the streaming scanner stood still on a stray ',' or
# '}' and looped for ever): each is reported, the good items kept
printf '[{"authors":[{"name":"A B"},{"name":"C D"}]},, } 12 true, "x", {"authors":[{"name":"E F"},{"name":"G H"}]}]' \
    >"$tmp/stray.json"
timeout 20 "$COAUTHOR" stats "$tmp/stray.json" >/dev/null 2>"$tmp/err"
status=$?
[ $status = 0 ] || fail "stray separators in a JSON array: status $status (124: a 20 s timeout)"
grep -q "read 2 records from 1 file, 5 skipped" "$tmp/err" || fail "stray separators: $(cat "$tmp/err")"
finish
