# Sourced by the self-checking scripts in tests/scripts/, run from the
# repository's top (scripts/check.sh does), for what every one of them needs:
#   COAUTHOR        the binary under test (scripts/check.sh sets it)
#   PY              Debian's python3, the one with the modules the tests use
#   tmp             a scratch directory, removed when the script ends
#   fail MESSAGE    prints "FAIL: MESSAGE" and counts it in $failures
#   finish          ends the script: status 0 if nothing failed, else 1
#   need_shared F…  from tests/shared-data.sh: the real data beside the checkout
# A script that needs more cleanup sets its own EXIT trap and removes $tmp there.
set -u
: "${COAUTHOR:=build/coauthor}"
PY=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
finish() {
    [ "$failures" = 0 ] && exit 0
    echo "$failures checks failed"
    exit 1
}
. tests/shared-data.sh
