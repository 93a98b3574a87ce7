#!/usr/bin/env bash
# Issue 19, item 8: a line over the 1 MiB line limit inside a BibTeX or RIS
# record is never dropped silently.  The record is reported at its line and
# counted as skipped, the records around it are read, and --strict fails.
# (The JSON case is in reliability-small.sh.)  The inputs are made here:
# a 1.3 MB author list in BibTeX, a 1.3 MB title in RIS.
set -e
. tests/script-lib.sh
fail=0
/usr/bin/python3 - "$tmp" <<'PY'
import sys
tmp = sys.argv[1]
authors = " and ".join(f"Author{i}, First" for i in range(60000))
with open(f"{tmp}/long.bib", "w") as f:
    f.write("@article{good1,\n  author={Titov, Ivan and Lapata, Mirella},\n  title={One},\n  year={2020}\n}\n\n"
            "@article{long1,\n  author={" + authors + "},\n  title={Two},\n  year={2021}\n}\n\n"
            "@article{good2,\n  author={Aziz, Wilker and Titov, Ivan},\n  title={Three},\n  year={2022}\n}\n")
with open(f"{tmp}/long.ris", "w") as f:
    f.write("TY  - JOUR\nAU  - Titov, Ivan\nTI  - One\nPY  - 2020\nER  - \n\n"
            "TY  - JOUR\nAU  - Lapata, Mirella\nTI  - " + "x" * 1300000 + "\nPY  - 2021\nER  - \n\n"
            "TY  - JOUR\nAU  - Aziz, Wilker\nTI  - Three\nPY  - 2022\nER  - \n")
PY
check() { # FILE RECORD_LINE LONG_LINE
    local f=$tmp/$1 status=0
    "$COAUTHOR" stats "$f" >"$tmp/out" 2>"$tmp/err" || status=$?
    if [ "$status" != 0 ]; then echo "FAIL $1: exit $status"; fail=1; fi
    if grep -qx "coauthor: $f:$2: line $3 of this record is longer than 1048576 bytes; skipped" "$tmp/err" &&
        grep -qx "coauthor: read 2 records from 1 file, 1 skipped (malformed)" "$tmp/err"; then
        echo "ok   $1: the record at line $2 is reported and skipped, the 2 others read"
    else
        echo "FAIL $1: the over-long line $3 is not reported as a skipped record"; cat "$tmp/err"; fail=1
    fi
    status=0
    "$COAUTHOR" stats --strict "$f" >/dev/null 2>&1 || status=$?
    if [ "$status" = 1 ]; then echo "ok   $1: --strict exits 1"
    else echo "FAIL $1: --strict exits $status, not 1"; fail=1; fi
}
check long.bib 7 8
check long.ris 7 9
exit $fail
