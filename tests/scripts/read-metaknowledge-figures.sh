#!/usr/bin/env bash
# The figures metaknowledge's own tests assert, and ours beside them (the
# differences are explained, exactly, in 'coauthor formats --help'; with --keep-apart,
# since metaknowledge merges no spellings on evidence):
#   testFile.isi        45 authors, 46 edges     -> 44, 46 ('Flory, F' = 'FLORY, F')
#   scopus-export.csv   1,798 / 89,236 / 36      -> 1,794 / 89,205 / 35
#                       ("Van't Veer" and "Van 'T Veer": one key, the apostrophe a word break)
#   medline_test        175 records              -> 175 read, 174 with authors
#                                                   (the last is cut short)
cd "$(dirname "$0")/../.."
. tests/script-lib.sh
need_shared wos/testFile.isi scopus/scopus-export.csv medline/medline_test.medline
status=0
field() { sed -n "s/^$1  *\([0-9]*\).*/\1/p"; }
check() { # label want got
    if [ "$2" != "$3" ]; then echo "FAIL $1: want $2, got '$3'"; status=1; fi
}
out=$("$COAUTHOR" stats --keep-apart "$SHARED/wos/testFile.isi" 2>/dev/null)
check "wos records" 34 "$(sed -n 's/^  \([0-9]*\) records read.*/\1/p' <<<"$out")"
check "wos authors" 44 "$(field authors <<<"$out")"
check "wos edges" 46 "$(field 'coauthor edges' <<<"$out")"

out=$("$COAUTHOR" stats --keep-apart "$SHARED/scopus/scopus-export.csv" 2>/dev/null)
check "scopus records" 217 "$(sed -n 's/^  \([0-9]*\) records read.*/\1/p' <<<"$out")"
check "scopus authors" 1794 "$(field authors <<<"$out")"
check "scopus edges" 89205 "$(field 'coauthor edges' <<<"$out")"
check "scopus isolated" 35 "$(field 'isolated authors' <<<"$out")"

err=$("$COAUTHOR" stats --keep-apart "$SHARED/medline/medline_test.medline" 2>&1 >/dev/null)
out=$("$COAUTHOR" stats --keep-apart "$SHARED/medline/medline_test.medline" 2>/dev/null)
check "medline records" 174 "$(sed -n 's/^  \([0-9]*\) records read.*/\1/p' <<<"$out")"
check "medline records in file" 175 "$(grep -c '^PMID-' "$SHARED/medline/medline_test.medline")"
grep -q "medline_test.medline:14925: record has no authors; left out" <<<"$err" ||
    { echo "FAIL medline: the authorless last record is not reported at line 14925"; status=1; }
exit $status
