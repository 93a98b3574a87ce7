#!/usr/bin/env bash
# Records repeated inside one real file, and authors listed twice on one
# paper, counted against counts made independently of coauthor (grep and
# Python over the raw files):
#   - scholar-gepetto.bib (Google Scholar, concatenated per lab member):
#     171 entries, 162 distinct keys -> 162 papers, 9 merged;
#   - wos-brunalab-savedrecs.txt pasted twice into one file: 204 records,
#     102 distinct UT accession numbers -> exactly 102 papers, 102 merged,
#     and no warning about the "FN Clarivate" header;
#   - the ACL Anthology: the author slots its own person table lists, less
#     the names repeated within one author field, are our authorships.
cd "$(dirname "$0")/../.."
. tests/script-lib.sh
need_shared realworld/scholar-gepetto.bib realworld/wos-brunalab-savedrecs.txt acl/acl-main-2015-2021.bib.gz \
    acl/acl-main-2015-2021.persons.tsv.gz
status=0
check() { # label want got
    if [ "$2" != "$3" ]; then echo "FAIL $1: want $2, got '$3'"; status=1; fi
}
field() { sed -n "s/^$1  *\([0-9]*\).*/\1/p"; }

bib=$SHARED/realworld/scholar-gepetto.bib
entries=$(grep -c '^@' "$bib")
keys=$(grep -o '^@[A-Za-z]*{[^,]*' "$bib" | sed 's/^@[A-Za-z]*{//' | sort -u | wc -l)
check "scholar entries" 171 "$entries"
out=$("$COAUTHOR" stats "$bib" 2>"$tmp/err")
check "scholar papers = distinct keys" "$keys" "$(field papers <<<"$out")"
check "scholar merged" $((entries - keys)) "$(sed -n 's/^  \([0-9]*\) merged as duplicates.*/\1/p' <<<"$out")"

wos=$SHARED/realworld/wos-brunalab-savedrecs.txt
cat "$wos" "$wos" > "$tmp/twice.txt"
uts=$(grep '^UT ' "$tmp/twice.txt" | sort -u | wc -l)
check "wos distinct UT" 102 "$uts"
check "wos records in the pasted file" 204 "$(grep -c '^PT ' "$tmp/twice.txt")"
out=$("$COAUTHOR" stats "$tmp/twice.txt" 2>"$tmp/err")
check "wos pasted twice: papers" "$uts" "$(field papers <<<"$out")"
grep -q 'FN type' "$tmp/err" && { echo "FAIL wos: a warning about the FN header"; status=1; }

acl=$SHARED/acl/acl-main-2015-2021.bib.gz
slots=$(gzip -dc "$SHARED/acl/acl-main-2015-2021.persons.tsv.gz" | tail -n +2 | wc -l)
repeats=$(gzip -dc "$acl" | /usr/bin/python3 -c '
import re, sys
n = 0
for m in re.finditer(r"^  author = \{(.*)\},$", sys.stdin.read(), re.M):
    names = [" ".join(x.split()) for x in re.split(r"\s+and\s+", m.group(1))]
    n += len(names) - len(set(names))
print(n)')
out=$("$COAUTHOR" stats --json "$acl" 2>/dev/null)
check "acl duplicate_authorships" "$repeats" "$(sed -n 's/^  "duplicate_authorships": \([0-9]*\),/\1/p' <<<"$out")"
check "acl authorships = person slots - repeats" $((slots - repeats)) \
    "$(sed -n 's/^  "authorships": \([0-9]*\),/\1/p' <<<"$out")"
exit $status
