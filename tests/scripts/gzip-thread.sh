#!/usr/bin/env bash
# A gzip file of 256 KB or more is inflated by a second thread beside the
# parser (src/core/input.c).  What the reader sees must not change: the ACL
# BibTeX read compressed and uncompressed gives the same statistics, and a
# compressed file cut short keeps the records before the cut and reports
# the line where the data ends, as the single-threaded path does.
set -e
. tests/script-lib.sh
need_shared acl/acl-main-2015-2021.bib.gz
acl="$SHARED/acl/acl-main-2015-2021.bib.gz"
fail=0
gzip -dc "$acl" >"$tmp/acl.bib"
"$COAUTHOR" stats -q --json "$acl" | grep -v '"path": ' >"$tmp/gz.json"
"$COAUTHOR" stats -q --json "$tmp/acl.bib" | grep -v '"path": ' >"$tmp/plain.json"
if cmp -s "$tmp/gz.json" "$tmp/plain.json"; then echo "ok   compressed and plain ACL agree"; else
    echo "FAIL compressed and plain ACL differ"; diff "$tmp/plain.json" "$tmp/gz.json" | head; fail=1; fi
# cut the compressed file at 60 %: the data ends inside the stream
size=$(stat -c %s "$acl")
head -c $((size * 6 / 10)) "$acl" >"$tmp/cut.bib.gz"
# lines the reader sees, a last partial line included
lines=$(gzip -dc "$tmp/cut.bib.gz" 2>/dev/null | awk 'END { print NR }')
"$COAUTHOR" stats --json "$tmp/cut.bib.gz" >"$tmp/cut.json" 2>"$tmp/cut.err" || true
want="cut.bib.gz:$((lines + 1)): compressed data ends early"
if grep -q "$want" "$tmp/cut.err"; then echo "ok   the cut is reported at line $((lines + 1))"; else
    echo "FAIL want '$want' in:"; cat "$tmp/cut.err"; fail=1; fi
# the papers kept are those of the complete entries before the cut
papers=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["papers"])' "$tmp/cut.json")
gzip -dc "$tmp/cut.bib.gz" 2>/dev/null >"$tmp/cut.bib" || true
"$COAUTHOR" stats -q --json "$tmp/cut.bib" >"$tmp/cutplain.json" 2>/dev/null || true
want_papers=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["papers"])' "$tmp/cutplain.json")
if [ "$papers" = "$want_papers" ] && [ "$papers" -gt 1000 ]; then echo "ok   $papers papers kept before the cut"; else
    echo "FAIL $papers papers kept from the cut file, $want_papers from its plain prefix"; fail=1; fi
exit $fail
