#!/usr/bin/env bash
# make install puts a usable program, library, headers, pkg-config file and
# man page under PREFIX; a program built against them reads the profile.
set -e
. tests/script-lib.sh
top=$(pwd)
build=$(dirname "${COAUTHOR:-build/coauthor}")
san=""
sanflag=""
case "$build" in *san) san="-fsanitize=address,undefined"; sanflag="SAN=1" ;; esac
make -s --no-print-directory BUILD="$build" $sanflag install PREFIX="$tmp/usr" >/dev/null
for f in bin/coauthor lib/libcoauthor.a include/coauthor.h include/coauthor/corpus.h \
         share/man/man1/coauthor.1 lib/pkgconfig/coauthor.pc; do
    [ -e "$tmp/usr/$f" ] || { echo "missing after install: $f"; exit 1; }
done
man -l "$tmp/usr/share/man/man1/coauthor.1" >/dev/null 2>&1 || { echo "man page does not format"; exit 1; }
cat >"$tmp/count.c" <<'C'
#include <stdio.h>
#include <coauthor.h>
int main(int argc, char **argv)
{
    coa_corpus_t c;
    coa_library_init(1);
    if (argc < 2 || coa_corpus_init(&c) || coa_read_file(&c, argv[1], NULL, NULL) || coa_corpus_finalize(&c))
        return 1;
    printf("%u papers, %u authors\n", c.n_papers, c.n_authors);
    coa_corpus_destroy(&c);
    return 0;
}
C
export PKG_CONFIG_PATH="$tmp/usr/lib/pkgconfig"
# in the sanitizer build the library is instrumented: link the runtimes too
cc $san -std=c11 -o "$tmp/count" "$tmp/count.c" $(pkg-config --cflags --libs coauthor)
out=$("$tmp/count" "$top/data/ivan-titov.txt")
[ "$out" = "50 papers, 67 authors" ] || { echo "unexpected: $out"; exit 1; }
echo "installed and linked: $out"
