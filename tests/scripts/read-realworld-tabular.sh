#!/usr/bin/env bash
# The real tabular exports of the shared data (../shared/data/realworld/):
# each is detected as its format, and its records are counted exactly
# against Python's csv module (/usr/bin/python3), which counts the rows
# and the rows whose author field is empty on its own:
#   records read      = rows with authors (none skipped)
#   the note's count  = rows without authors ("N records without authors left out")
# and the Latin-1 BibTeX file gives its names without a U+FFFD, with one
# warning, and all its entries (counted with a regular expression).
. tests/script-lib.sh
cd "$(dirname "$0")/../.."
rw=realworld
need_shared $rw/wos-tabdelim-staples.txt $rw/wos_tab_utf16_macCR_jmithani_savedrecs20.txt \
    $rw/zotero-leorjorge.csv $rw/pop-propithecus.csv $rw/dimensions_umich_Dimensions-Publication-2020-08-27.csv \
    $rw/lens_spicyadobo_lens-topology.csv $rw/scopus_csv_zhTW_header_RRonCChen_scopus.csv \
    $rw/bibtex_latin1_Akronix_pmctrack-memoria_bibliografia.bib
python=${PYTHON:-/usr/bin/python3}
status=0

# file format encoding delimiter preamble-lines author-columns (first non-empty wins)
while read -r file format enc delim skip cols; do
    path=$SHARED/$rw/$file
    counts=$("$python" - "$path" "$enc" "$delim" "$skip" "$cols" <<'PY'
import csv, io, sys
path, enc, delim, skip, cols = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5].split(",")
text = open(path, encoding=enc, newline="").read()
delim = "\t" if delim == "tab" else ","
quoting = csv.QUOTE_NONE if delim == "\t" else csv.QUOTE_MINIMAL
rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim, quoting=quoting))[skip:]
header, data = rows[0], [r for r in rows[1:] if r]
idx = [int(c) if c.isdigit() else header.index(c) for c in cols]
def authors(r):
    for i in idx:
        if r[i].strip():
            return r[i].strip()
    return ""
with_authors = sum(1 for r in data if authors(r) and not authors(r).startswith("["))
print(len(data), with_authors, len(data) - with_authors)
PY
)
    read -r rows want_read want_left <<<"$counts"
    "$COAUTHOR" stats "$path" >"$tmp/out" 2>"$tmp/err"
    got_format=$(sed -n 's/^source .* (\([a-z-]*\)).*/\1/p' "$tmp/out")
    got_read=$(sed -n 's/^  \([0-9]*\) records read, \([0-9]*\) skipped.*/\1/p' "$tmp/out")
    # skipped as malformed (records without authors are counted apart)
    got_skipped=$(sed -n 's/^  [0-9]* records read, \([0-9]*\) skipped (malformed).*/\1/p;
                          s/^  [0-9]* records read, [0-9]* skipped ([0-9]* without authors, \([0-9]*\) malformed).*/\1/p' "$tmp/out")
    got_skipped=${got_skipped:-0}
    got_left=$(sed -n 's/.*: \([0-9]*\) records\{0,1\} without authors left out$/\1/p' "$tmp/err")
    merged=$(sed -n 's/^  \([0-9]*\) merged as duplicates of papers read before.*/\1/p' "$tmp/out")
    authors=$(sed -n 's/^authors  *\([0-9]*\)$/\1/p' "$tmp/out")
    if [ "$got_format" != "$format" ] || [ "$got_read" != "$want_read" ] || [ "$got_skipped" != 0 ] ||
        [ "${got_left:-0}" != "$want_left" ]; then
        echo "FAIL $file: want $format, $want_read read, 0 skipped, $want_left without authors (python csv: $rows rows);" \
            "got ${got_format:-?}, ${got_read:-?} read, ${got_skipped:-?} skipped, ${got_left:-0} without authors"
        sed 's/^/  /' "$tmp/err" | head -5
        status=1
    else
        echo "ok $file: $format, $rows rows = $got_read read + ${got_left:-0} without authors, 0 skipped," \
            "${merged:-0} merged as duplicates, $authors authors"
    fi
done <<'EOF_LIST'
wos-tabdelim-staples.txt wos-tab utf-8-sig tab 0 AF,AU
wos_tab_utf16_macCR_jmithani_savedrecs20.txt wos-tab utf-16 tab 0 AF,AU
zotero-leorjorge.csv zotero-csv utf-8-sig comma 0 Author
pop-propithecus.csv pop utf-8-sig comma 0 Authors
dimensions_umich_Dimensions-Publication-2020-08-27.csv dimensions utf-8-sig comma 1 Authors
lens_spicyadobo_lens-topology.csv lens utf-8-sig comma 0 Author/s
scopus_csv_zhTW_header_RRonCChen_scopus.csv scopus utf-8-sig comma 0 0
EOF_LIST

# Latin-1 BibTeX: the names read right, one warning for the whole file
bib=$SHARED/$rw/bibtex_latin1_Akronix_pmctrack-memoria_bibliografia.bib
"$COAUTHOR" stats "$bib" >/dev/null 2>"$tmp/err"
"$COAUTHOR" rank --by papers "$bib" >"$tmp/rank" 2>/dev/null
for name in "Guillermo Martínez Fernández" "Sofía Dronda Merino"; do
    grep -qF "$name" "$tmp/rank" || { echo "FAIL latin-1: no '$name' among the authors"; status=1; }
done
if grep -q $'\xEF\xBF\xBD' "$tmp/rank"; then echo "FAIL latin-1: a U+FFFD in a name"; status=1; fi
# every entry counted (one of the 25 is indented, so a count of lines starting with '@' says 24)
want=$("$python" -c 'import re, sys; print(len(re.findall(r"@\s*\w+\s*[{(]", open(sys.argv[1], encoding="latin-1").read())))' "$bib")
got=$("$COAUTHOR" stats "$bib" 2>/dev/null | sed -n 's/^  \([0-9]*\) records read.*/\1/p')
[ "$got" = "$want" ] || { echo "FAIL latin-1: $got records read, python counts $want entries"; status=1; }
n=$(grep -c "not valid UTF-8: read as Windows-1252" "$tmp/err")
[ "$n" = 1 ] || { echo "FAIL latin-1: $n encoding warnings, want 1"; status=1; }
exit $status
