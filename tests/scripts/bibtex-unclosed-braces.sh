#!/usr/bin/env bash
# Braces that never close, in BibTeX entries that coauthor skips anyway:
# bibutils' time grows with the cube of the open braces (6,000 took more
# than 40 s, and the 64 KB cut of tests/data/bad/bibtex-deep-braces.bib
# that fuzz_any and fuzz_bibtex found took more than a minute and 2.2 GB),
# so read_bibtex.c keeps such a chunk (and a @Preamble like it) from
# bibutils.  Each file must be read within 20 s (under ASan too), with the
# same located diagnostics and counts as before, for both BibTeX readers:
#   (a) tests/data/bad/bibtex-unclosed-braces.bib: a value open to the next
#       field, a @Preamble, an entry without a key, a key (which bibutils
#       decodes as TeX: 4,000 open braces there took 16 s, and its entry
#       was read) and a value open to the end of the file, each 6,000
#       braces deep; the two good entries read;
#   (b) that 64 KB cut: the first entry read, the deep one skipped;
#   (c) fuzz_any's hang, tests/data/bad/fuzz-any-string-open-braces.bib: a
#       @String whose quote and 3,694 braces never close, used by 17
#       entries (80 s before): the @String skipped at its line;
#   (d) variants made here, 6,000 braces deep where braces matter: in a
#       field (braced, quoted, cut in two by bibutils, closing nothing,
#       escaped), in a key, in @Comment, @Preamble and @String (braced,
#       quoted, never closed, in parentheses, concatenated, used as an
#       author, through a crossref), in a crossref's parent, a @String
#       doubled 29 times, a 60 KB @String used 400 times, and hundreds of
#       entries and @Strings each with 60 or 300 open braces.  Each must
#       be read within 20 s (each takes under 0.3 s of CPU; the @String
#       kinds and the cut field took minutes before), with the records
#       and skips listed below, every skipped record reported at its line;
#   (e) two files, the second doubling a macro of the first (below).
. tests/script-lib.sh

# run NAME FILE ARGS...: stats within 20 s, stderr in $tmp/NAME.err
run() {
    local name=$1 file=$2
    shift 2
    timeout 20 "$COAUTHOR" stats "$@" "$file" >"$tmp/$name.out" 2>"$tmp/$name.err"
    local status=$?
    [ $status = 124 ] && fail "$name: still running after 20 s"
    [ $status = 0 ] || fail "$name: status $status: $(head -c 300 "$tmp/$name.err")"
}

bad=tests/data/bad/bibtex-unclosed-braces.bib
for format in bibtex biblatex; do
    run "a-$format" $bad --format $format
    cat >"$tmp/want" <<EOF
coauthor: $bad:15: entry 'open-title': unbalanced brace in field 'title' (no closing '}' before line 16); skipped
coauthor: $bad:19: @misc entry has no key; skipped
coauthor: $bad:24: entry key '$(printf '{%.0s' {1..40})' has unbalanced braces; skipped
coauthor: $bad:37: entry 'open-at-end': unbalanced brace in field 'title' (no closing '}'); skipped
coauthor: read 2 records from 1 file, 4 skipped (malformed)
EOF
    diff "$tmp/want" "$tmp/a-$format.err" || fail "(a) $format: diagnostics differ"
    grep -q '^papers  *2$' "$tmp/a-$format.out" || fail "(a) $format: not 2 papers"
done

head -c 65536 tests/data/bad/bibtex-deep-braces.bib >"$tmp/cut.bib"
run b "$tmp/cut.bib"
cat >"$tmp/want" <<EOF
coauthor: $tmp/cut.bib:10: entry 'deep': unbalanced brace in field 'title' (no closing '}'); skipped
coauthor: read 1 record from 1 file, 1 skipped (malformed)
EOF
diff "$tmp/want" "$tmp/b.err" || fail "(b): diagnostics differ"

bad=tests/data/bad/fuzz-any-string-open-braces.bib
run c $bad
grep -qF "coauthor: $bad:78: @String 'ack-nhfb': unbalanced quote in field 'ack-nhfb' (no closing '\"'); skipped" \
    "$tmp/c.err" || fail "(c): the @String is not reported at its line"
grep -q '^coauthor: read 17 records from 1 file, 8 skipped (malformed)$' "$tmp/c.err" ||
    fail "(c): $(tail -1 "$tmp/c.err")"

mkdir "$tmp/v"
"$PY" - "$tmp/v" 6000 <<'PY'
import os, sys
d, N = sys.argv[1], int(sys.argv[2])
O = '{' * N
good = '@article{good%d,\n  author = {Able, Ann and Baker, Bob},\n  title = {Good %d},\n  year = {2020}\n}\n\n'
def uses(k, macro, field='note'):
    return ''.join('@article{use%d,\n  author = {Cole, Cy and Dee, Dan},\n  title = {Use %d},\n  %s = %s,\n'
                   '  year = 2021\n}\n\n' % (i, i, field, macro) for i in range(k))
def entry(key, fields):
    return '@article{%s,\n  author = {Eve, Ed},\n%s\n}\n\n' % (key, fields)
def parent(title):
    return '@proceedings{p,\n  title = %s,\n  year = 2000\n}\n\n' % title
g1, g2 = good % (1, 1), good % (2, 2)
v = {
    'field-open': g1 + entry('k', '  title = {' + O + '},\n  year = 2020') + g2,
    'field-quoted-open': g1 + entry('k', '  title = "' + O + '",\n  year = 2020') + g2,
    'field-split': g1 + entry('k', '  title = "' + O + '" , x = ' + '}' * N + '",\n  year = 2020') + g2,
    'field-closers': g1 + entry('k', '  title = {T' + '}' * N + ',\n  year = 2020') + g2,
    'field-escaped': g1 + entry('k', '  title = {' + '\\\\{' * N + '}' * N + '},\n  year = 2020') + g2,
    'paren-entry-open': g1 + '@article(k,\n  author = {Eve, Ed},\n  title = {' + O + '\n)\n\n' + g2,
    'trailing-junk': g1 + entry('k', '  title = {T}') + O + '\n\n' + g2,
    'key-open': '@article{' + O + ',\n  author = {Eve, Ed},\n  title = {T}\n}\n\n' + g1,
    'no-key-open': '@article{,\n  author = {Eve, Ed},\n  title = {' + O + '}\n}\n\n' + g1,
    'comment-open': '@comment{' + O + '\n\n' + g1,
    'preamble-open': '@preamble{ "' + O + '" }\n\n' + g1,
    'string-open': '@String{ack = {Nelson ' + O + '}\n\n' + uses(5, 'ack'),
    'string-quoted-open': '@String{ack = "Nelson ' + O + '"}\n\n' + uses(5, 'ack'),
    'string-quote-unclosed': '@String{ack = "Nelson,\n  Utah ' + O + '\n}\n\n' + uses(5, 'ack'),
    'string-paren': '@String(ack = "Nelson ' + O + '")\n\n' + uses(5, 'ack'),
    'string-concat': '@String{a = "' + '{' * (N // 2) + '"}\n@String{b = a # "' + '{' * (N // 2) + '"}\n\n'
                     + uses(5, 'b'),
    'string-in-author': '@String{ack = {Nelson ' + O + '}\n\n' + uses(5, 'ack', 'author'),
    'string-crossref': '@String{ack = {Nelson ' + O + '}\n\n' + entry('c', '  title = {T},\n  crossref = {p}')
                       + parent('ack') + g1,
    'crossref-parent-open': entry('c', '  title = {T},\n  crossref = {p}') + parent('{' + O + '}') + g1,
    'macros-doubling': '@String{m0 = "abcdefghij"}\n'
                       + ''.join('@String{m%d = m%d # m%d}\n' % (i, i - 1, i - 1) for i in range(1, 30))
                       + entry('k', '  title = {T},\n  note = m29') + g1,
    'macro-many-uses': '@String{big = "' + 'x' * 60000 + '"}\n'
                       + ''.join(entry('u%d' % i, '  title = {T},\n  note = big # big # big # big')
                                 for i in range(100)) + g1,
    'many-entries-open': ''.join(entry('m%d' % i, '  title = {' + '{' * 300) for i in range(N // 30)) + g1,
    'many-entries-60': ''.join(entry('m%d' % i, '  title = {' + '{' * 60) for i in range(N // 6)) + g1,
    'many-strings': ''.join('@String{s%d = {%s}\n' % (i, '{' * 300) for i in range(N // 30)) + uses(3, 's1'),
}
for name, text in v.items():
    with open(os.path.join(d, name + '.bib'), 'w') as f:
        f.write(text)
PY
# name, records read, records skipped
while read -r name records skipped; do
    f=$tmp/v/$name.bib
    timeout 20 "$COAUTHOR" authorships "$f" >/dev/null 2>"$tmp/v.err"
    status=$?
    [ $status = 124 ] && { fail "(d) $name: still running after 20 s"; continue; }
    [ $status = 0 ] || { fail "(d) $name: status $status"; continue; }
    summary=$(tail -1 "$tmp/v.err")
    [ "$summary" = "coauthor: $f: $records records, ${summary#*records, }" ] && [ "${summary##*, }" = "$skipped skipped" ] ||
        fail "(d) $name: '$summary', not $records records and $skipped skipped"
    located=$(grep -cE "^coauthor: $f:[0-9]+: .*; skipped\$" "$tmp/v.err")
    [ "$located" = "$skipped" ] || fail "(d) $name: $located of $skipped skipped records reported at a line"
done <<'TABLE'
field-open 2 1
field-quoted-open 2 1
field-split 2 1
field-closers 3 0
field-escaped 3 0
paren-entry-open 2 1
trailing-junk 3 0
key-open 1 1
no-key-open 1 1
comment-open 1 0
preamble-open 1 0
string-open 5 1
string-quoted-open 5 1
string-quote-unclosed 5 1
string-paren 5 1
string-concat 5 2
string-in-author 5 1
string-crossref 2 1
crossref-parent-open 2 1
macros-doubling 2 1
macro-many-uses 38 63
many-entries-open 1 200
many-entries-60 1 1000
many-strings 3 200
TABLE

# (e) bibutils keeps @String macros from one file to the next: the second
# file doubles 14 times a 100 KB macro that only the first defines (12 GB
# before; fuzz_bibtex ran out of memory on such a sequence of inputs)
a=tests/data/bad/bibtex-string-across-files-1.bib b=tests/data/bad/bibtex-string-across-files-2.bib
timeout 20 "$COAUTHOR" stats "$a" "$b" >/dev/null 2>"$tmp/e.err"
status=$?
[ $status = 0 ] || fail "(e): status $status: $(tail -1 "$tmp/e.err")"
grep -q "^coauthor: $b:6: @String 'm19': its text, macros expanded, is longer than a megabyte; skipped\$" \
    "$tmp/e.err" || fail "(e): the doubling is not stopped at m19"

# (f) found by the campaign on these fixes: bibutils reads ",title" (a
# comma, then the name) as a field of that name; the fast path must agree
f=tests/data/bad/fuzz-bibtex-comma-before-field.bib
COAUTHOR_BIBTEX_CHECK=1 "$COAUTHOR" stats "$f" >/dev/null 2>"$tmp/f.err" ||
    fail "(f): check mode: $(grep -m1 'internal error' "$tmp/f.err")"

echo "ok"
finish
