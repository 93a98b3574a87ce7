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
#   (b) that 64 KB cut: the first entry read, the deep one skipped.
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

echo "ok"
finish
