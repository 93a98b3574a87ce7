#!/usr/bin/env bash
# Issue 19, item 6: the bibutils readers stream.  A 50 MB BibTeX file and a
# 50 MB RIS file of real-looking records with abstracts (made here) are
# read in chunks of whole records, so peak memory (/usr/bin/time -f %M)
# stays far below the file's size: under 100 MB (it grew with the file
# when the text was held whole).  Every record is read, line numbers stay
# those of the file across chunks, and the BibTeX @String at the top is
# still known in the last entry.  One entry in 50 is an @InProceedings
# whose crossref names one of 20 @Proceedings at the end of the file (as
# BibTeX wants them): its venue is the proceedings' title, read across
# chunks, and memory stays bounded (the rest of the file after the first
# crossref was one chunk before).  A record over the documented limit
# (COA_BU_MAX_RECORD, 16 MiB) is reported at its line and skipped, and the
# records after it are read.
. tests/script-lib.sh
. tests/memory-limit.sh # limit_kb, and ASan's quarantine made small
size_mb=${STREAM_MB:-50}
/usr/bin/python3 - "$tmp" "$size_mb" <<'PY'
import random, sys
tmp, mb = sys.argv[1], int(sys.argv[2])
rnd = random.Random(19)
given = ["Ivan", "Mirella", "Wilker", "Anna", "Barbara", "Victor", "Chen", "Maria", "Karl", "Yuki", "Olga", "Pierre"]
family = ["Titov", "Lapata", "Aziz", "Beeton", "Eijkhout", "Knuth", "Smith", "Garcia", "Nguyen", "Schmidt",
          "Tanaka", "Ivanova", "Dubois", "Rossi", "Kowalski", "Haddad"]
words = ["neural", "parsing", "semantic", "graphs", "learning", "typesetting", "fonts", "models", "latent",
         "structure", "inference", "translation", "robust", "efficient", "evaluation", "corpus"]
def person():
    return rnd.choice(family) + str(rnd.randrange(3000)), rnd.choice(given)
def title():
    return " ".join(rnd.choice(words) for _ in range(rnd.randrange(4, 10))).capitalize()
def abstract():
    return " ".join(rnd.choice(words) for _ in range(rnd.randrange(150, 300))).capitalize() + "."
target = mb << 20
with open(f"{tmp}/big.bib", "w") as f:
    f.write("@String{jnl = \"Journal of Streaming\"}\n\n")
    i = n = 0
    while n < target:
        names = " and ".join(f"{a}, {b}" for a, b in (person() for _ in range(rnd.randrange(1, 5))))
        if i % 50 == 1:
            rec = (f"@InProceedings{{key{i},\n  author = {{{names}}},\n  title = {{{title()}}},\n"
                   f"  crossref = {{proc{i // 50 % 20}}},\n  pages = {{{i % 300}--{i % 300 + 9}}}\n}}\n\n")
        else:
            rec = (f"@Article{{key{i},\n  author = {{{names}}},\n  title = {{{title()}}},\n"
                   f"  journal = jnl,\n  year = {{{2000 + i % 25}}},\n  pages = {{{i % 300}--{i % 300 + 9}}},\n"
                   f"  abstract = {{{abstract()}}}\n}}\n\n")
        f.write(rec)
        n += len(rec)
        i += 1
    for k in range(20):
        f.write(f"@Proceedings{{proc{k},\n  editor = {{Editor, Ed}},\n  title = {{Proceedings of Streaming {k}}},\n"
                f"  booktitle = {{Proceedings of Streaming {k}}},\n  year = {{{2000 + k}}}\n}}\n\n")
    # a last entry, to find at its line, with the macro defined at the top
    f.write("@Article{last,\n  author = {Last, Ann and Final, Bob},\n  title = {The end},\n  journal = jnl,\n  year = 2024\n}\n")
print(i + 1, file=open(f"{tmp}/big.bib.n", "w"))
with open(f"{tmp}/big.ris", "w") as f:
    i = n = 0
    while n < target:
        rec = "TY  - JOUR\n" + "".join(f"AU  - {a}, {b}\n" for a, b in (person() for _ in range(rnd.randrange(1, 5))))
        rec += f"TI  - {title()}\nJO  - Journal of Streaming\nPY  - {2000 + i % 25}\nAB  - {abstract()}\nER  - \n\n"
        f.write(rec)
        n += len(rec)
        i += 1
    f.write("TY  - JOUR\nAU  - Last, Ann\nAU  - Final, Bob\nTI  - The end\nJO  - Journal of Streaming\nPY  - 2024\nER  - \n")
print(i + 1, file=open(f"{tmp}/big.ris.n", "w"))
PY
for f in big.bib big.ris; do
    start=$(date +%s)
    /usr/bin/time -f %M -o "$tmp/time" "$COAUTHOR" authorships "$tmp/$f" >"$tmp/rows" 2>"$tmp/err" ||
        fail "$f: status $?: $(head -5 "$tmp/err")"
    kb=$(tail -1 "$tmp/time")
    bytes=$(stat -c %s "$tmp/$f")
    echo "$f ($((bytes >> 20)) MB): peak $kb KB, $(($(date +%s) - start)) s"
    [ "$kb" -lt $limit_kb ] || fail "$f: peak $kb KB, over $limit_kb KB"
    want=$(cat "$tmp/$f.n")
    got=$(tail -n +2 "$tmp/rows" | cut -f3 | sort -u | wc -l)
    [ "$got" = "$want" ] || fail "$f: $got records read, want $want"
    # the last record's line is the file's
    last_line=$(grep -n -e '^@Article{last' -e '^AU  - Last, Ann' "$tmp/$f" | tail -1 | cut -d: -f1)
    [ "$f" = big.ris ] && last_line=$((last_line - 1))
    grep -q "	$last_line	.*Journal of Streaming.*Ann Last" "$tmp/rows" || fail "$f: the last record is not at line $last_line: $(tail -2 "$tmp/rows")"
    mv "$tmp/rows" "$tmp/$f.rows"
done
# the crossrefs were resolved: key1 (proc0, 2000) near the start, and one
# past the middle of the file, chunks before its proceedings
grep -q "	key1	.*	2000	0	0	Proceedings of Streaming 0	" "$tmp/big.bib.rows" ||
    fail "big.bib: the crossref of key1 is not resolved: $(grep -m1 "	key1	" "$tmp/big.bib.rows")"
mid=$(($(cat "$tmp/big.bib.n") / 100 * 50 + 1))
grep -q "	key$mid	.*	$((2000 + mid / 50 % 20))	0	0	Proceedings of Streaming $((mid / 50 % 20))	" "$tmp/big.bib.rows" ||
    fail "big.bib: the crossref of key$mid is not resolved: $(grep -m1 "	key$mid	" "$tmp/big.bib.rows")"
n_cross=$(cut -f4,13 "$tmp/big.bib.rows" | sort -u | grep -c '	Proceedings of Streaming')
want_cross=$(grep -c 'crossref = ' "$tmp/big.bib")
[ "$n_cross" = "$want_cross" ] || fail "big.bib: $n_cross entries with a resolved crossref, want $want_cross"
# standard input cannot be read twice: from its first crossref, the rest is one chunk, as before
head -c 3000000 "$tmp/big.bib" | sed '$d' >"$tmp/small.bib"
sed -n '/^@Proceedings{proc0,/,$p' "$tmp/big.bib" >>"$tmp/small.bib"
"$COAUTHOR" authorships - <"$tmp/small.bib" 2>/dev/null | grep -c '	Proceedings of Streaming' >"$tmp/stdin.n"
COAUTHOR_BU_CHUNK=20000 "$COAUTHOR" authorships "$tmp/small.bib" 2>/dev/null | grep -c '	Proceedings of Streaming' >"$tmp/file.n"
cmp -s "$tmp/stdin.n" "$tmp/file.n" && [ "$(cat "$tmp/file.n")" -gt 10 ] ||
    fail "small.bib: $(cat "$tmp/stdin.n") crossref rows from standard input, $(cat "$tmp/file.n") from the file"

# parents over the side table's limit (4 MiB): reported once, and the
# crossrefs to those kept still resolved, under the memory limit
/usr/bin/python3 - "$tmp" <<'PY'
import sys
note = "x" * 9000
with open(f"{sys.argv[1]}/parents.bib", "w") as f:
    for k in range(600):
        f.write(f"@InProceedings{{c{k},\n  author = {{Ann Alpha{k} and Bob Beta}},\n  title = {{Child {k}}},\n"
                f"  crossref = {{p{k}}}\n}}\n\n")
    for k in range(600):
        f.write(f"@Proceedings{{p{k},\n  editor = {{Ed Itor}},\n  title = {{Proc {k}}},\n  note = {{{note}}},\n"
                f"  year = 2000\n}}\n\n")
PY
/usr/bin/time -f %M -o "$tmp/time" "$COAUTHOR" authorships "$tmp/parents.bib" >"$tmp/rows" 2>"$tmp/err"
kb=$(tail -1 "$tmp/time")
echo "parents.bib (600 parents of 9 KB): peak $kb KB"
[ "$kb" -lt $limit_kb ] || fail "parents.bib: peak $kb KB, over $limit_kb KB"
grep -q "parents.bib:[0-9]*: the entries that crossrefs name take more than 4194304 bytes" "$tmp/err" ||
    fail "parents.bib: no warning at the limit: $(head -3 "$tmp/err")"
grep -q "	c0	.*	Proc 0	" "$tmp/rows" || fail "parents.bib: the crossref of c0 is not resolved"
grep -q "parents.bib:[0-9]*: bibutils: cannot find cross-reference 'p599' for reference 'c599'" "$tmp/err" ||
    fail "parents.bib: the crossref of c599 is not reported unresolved"

# one record over 16 MiB, between two ordinary ones
/usr/bin/python3 - "$tmp" <<'PY'
import sys
tmp = sys.argv[1]
line = "  note = {" + "x" * 1000 + "},\n"
with open(f"{tmp}/huge.bib", "w") as f:
    f.write("@article{good1,\n  author={Titov, Ivan and Lapata, Mirella},\n  title={One},\n  year={2020}\n}\n\n")
    f.write("@article{huge,\n  author={Aziz, Wilker},\n" + line * 17000 + "  title={Two}\n}\n\n")
    f.write("@article{good2,\n  author={Aziz, Wilker and Titov, Ivan},\n  title={Three},\n  year={2022}\n}\n")
with open(f"{tmp}/huge.ris", "w") as f:
    f.write("TY  - JOUR\nAU  - Titov, Ivan\nTI  - One\nPY  - 2020\nER  - \n\n")
    f.write("TY  - JOUR\nAU  - Lapata, Mirella\n" + ("N1  - " + "y" * 1000 + "\n") * 17000 + "TI  - Two\nER  - \n\n")
    f.write("TY  - JOUR\nAU  - Aziz, Wilker\nTI  - Three\nPY  - 2022\nER  - \n")
PY
for f in huge.bib huge.ris; do
    status=0
    "$COAUTHOR" stats "$tmp/$f" >/dev/null 2>"$tmp/err" || status=$?
    [ $status = 0 ] || fail "$f: status $status"
    grep -qx "coauthor: $tmp/$f:7: record longer than 16777216 bytes; skipped" "$tmp/err" ||
        fail "$f: the huge record is not reported at line 7: $(head -c 600 "$tmp/err")"
    grep -qx "coauthor: read 2 records from 1 file, 1 skipped (malformed)" "$tmp/err" ||
        fail "$f: not 2 records read and 1 skipped: $(head -c 600 "$tmp/err")"
    status=0
    "$COAUTHOR" stats --strict "$tmp/$f" >/dev/null 2>&1 || status=$?
    [ $status = 1 ] || fail "$f: --strict exits $status, not 1"
done
# Cut into chunks of one record each (COAUTHOR_BU_CHUNK=1), every test
# file of the bibutils formats reads the same records at the same lines.
n=0
for f in tests/data/bibtex/* tests/data/refs/* tests/data/bad/*; do
    [ -f "$f" ] || continue
    "$COAUTHOR" authorships "$f" >"$tmp/whole" 2>/dev/null
    COAUTHOR_BU_CHUNK=1 "$COAUTHOR" authorships "$f" >"$tmp/cut" 2>/dev/null
    cmp -s "$tmp/whole" "$tmp/cut" || fail "$f: read in chunks of one record, the rows differ"
    n=$((n + 1))
done
echo "$n test files read the same in chunks of one record"
finish
