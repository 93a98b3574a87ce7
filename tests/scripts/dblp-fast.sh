#!/usr/bin/env bash
# The DBLP fast path (src/read/dblp_fast.c) reads plain records without
# libxml2 and must give exactly what libxml2 gives.  For the real DBLP
# fragment, the person records, a cut file, the fast path's own edge cases
# (ISO-8859-1 and UTF-8) and a synthetic corpus, plain and gzipped:
#   - check mode (COAUTHOR_DBLP_CHECK=1, libxml2 reads every record the fast
#     path read too) finds no record where the two differ;
#   - the bipartite GraphML export (every paper's title, venue, year, DOI,
#     key and authors) and the diagnostics, with their line numbers, are
#     byte for byte those of a run with the fast path off
#     (COAUTHOR_DBLP_FAST=0);
#   - the fast path really reads what it should: the counts of records read
#     each way are fixed.
# And libxml2 alone keeps the references of the records after an error (once
# it has seen one it drops every entity reference, and after bytes that are
# not UTF-8 every character reference beyond U+00FF; the reader undoes that).
set -e
. tests/script-lib.sh
need_shared dblp/dblp-fragment.xml
fail=0
/usr/bin/python3 scripts/gen-corpus.py --papers 3000 --seed 7 --formats xml -o "$tmp/synthetic" >/dev/null 2>&1
/usr/bin/python3 scripts/gen-corpus.py --papers 3000 --seed 8 --formats xml --gzip -o "$tmp/synthetic-gz" >/dev/null 2>&1
check() { # FILE WANT_FAST WANT_LIBXML2
    local f=$1 name
    name=$(basename "$f")
    COAUTHOR_DBLP_CHECK=1 timeout 120 "$COAUTHOR" stats --format dblp "$f" >/dev/null 2>"$tmp/check.err" || true
    if grep -q "internal error" "$tmp/check.err"; then
        echo "FAIL $name: the fast path and libxml2 differ:"; grep "internal error" "$tmp/check.err" | head -5; fail=1
    fi
    local got
    got=$(sed -n -e 's/.*the fast path read \([0-9]*\) record.*libxml2 alone \([0-9]*\)$/\1 \2/p' \
                 -e 's/.*the fast path is off for this document.*libxml2 read \([0-9]*\) record.*/off \1/p' "$tmp/check.err")
    if [ "$got" = "$2 $3" ]; then echo "ok   $name: $2 records by the fast path, $3 by libxml2, all as libxml2 reads them"
    else echo "FAIL $name: want '$2 $3' records (fast, libxml2), got '$got'"; cat "$tmp/check.err"; fail=1; fi
    COAUTHOR_DBLP_FAST=0 "$COAUTHOR" export --format dblp --to graphml --bipartite "$f" >"$tmp/slow.graphml" 2>"$tmp/slow.err" || true
    "$COAUTHOR" export --format dblp --to graphml --bipartite "$f" >"$tmp/fast.graphml" 2>"$tmp/fast.err" || true
    if cmp -s "$tmp/slow.graphml" "$tmp/fast.graphml" && cmp -s "$tmp/slow.err" "$tmp/fast.err"; then
        echo "ok   $name: the same papers and messages with the fast path on and off"
    else
        echo "FAIL $name: output differs with the fast path on and off"
        diff "$tmp/slow.graphml" "$tmp/fast.graphml" | head -5; diff "$tmp/slow.err" "$tmp/fast.err" | head -5; fail=1
    fi
}
# a dblp.dtd beside the file with more entities than the fast path keeps:
# the ones beyond are declined where they are used, and libxml2 reads them
mkdir "$tmp/dtd"
{
    echo '<!ENTITY % a "">'
    for i in $(seq 1 700); do echo "<!ENTITY ent$i \"&#$((i + 256));\">"; done
} >"$tmp/dtd/dblp.dtd"
{
    printf '<?xml version="1.0" encoding="ISO-8859-1"?>\n<dblp>\n'
    printf '<article key="a/1"><author>Ann &ent1;One</author><author>Bo &Ouml;ne</author><title>T.</title></article>\n'
    printf '<article key="a/2"><author>Ann &ent700;Two</author><author>Bo &Ouml;ne</author><title>T.</title></article>\n'
    printf '</dblp>\n'
} >"$tmp/dtd/entities.xml"
check "$tmp/dtd/entities.xml" 1 1
check "$SHARED/dblp/dblp-fragment.xml" 1245 0
check tests/data/dblp/persons.xml 9 0
head -c 6000 "$SHARED/dblp/dblp-fragment.xml" >"$tmp/truncated.xml"   # cut inside the 15th record
check "$tmp/truncated.xml" 14 1
check tests/data/dblp/fast-path.xml 11 11
check tests/data/dblp/fast-path-utf8.xml 4 2
check tests/data/dblp/bad-declaration.xml off 3
check "$tmp/synthetic.xml" 3000 0
check "$tmp/synthetic-gz.xml.gz" 3000 0

# the records after one with an undefined entity or bytes that are not
# UTF-8, read by libxml2 alone
keeps() { # FILE NAME...
    local f=$1
    shift
    COAUTHOR_DBLP_FAST=0 "$COAUTHOR" export --format dblp --to graphml --bipartite "$f" 2>/dev/null >"$tmp/slow.graphml" || true
    for want in "$@"; do
        if grep -q ">$want<" "$tmp/slow.graphml"; then echo "ok   libxml2 keeps '$want' after a record with an error"
        else echo "FAIL libxml2 lost the references of '$want' after a record with an error"; fail=1; fi
    done
}
keeps tests/data/dblp/fast-path.xml 'Jürgen Müller' 'A &amp; B'
keeps tests/data/dblp/fast-path-utf8.xml 'René M𐀀ller'
keeps tests/data/dblp/bad-declaration.xml 'René M𐀀ller' 'M. Tamer Özsu'
exit $fail
