#!/usr/bin/env bash
# Runs every test against each build directory given (the normal build and
# the sanitizer build), then prints one line: "N passed, N failed".
#
#   scripts/check.sh build build/san
#
# Tests:
#   tests/unit/test_*.c   cmocka programs (built by make), one line per case
#   tests/cli/DIR/NAME.cmd  a shell command run from the repository root
#                         with 'coauthor' on PATH; compared with NAME.stdout,
#                         NAME.stderr and NAME.exit beside it (missing files
#                         mean empty output and status 0).  UPDATE=1 rewrites
#                         them.  Its name is DIR/NAME (path/path-avoid); DIR is
#                         the command it tests, or read/ (reading inputs),
#                         errors/ (inputs or outputs that fail) or usage/
#                         (the program's usage): tests/cli/README.md.
#   tests/scripts/*.sh    scripts that check by themselves; exit 0 passes.
#
# A test that needs the shared real data (tests/shared-data.sh) and does not
# find it exits 77 with one line that says why: it is counted as skipped and
# its line printed.  Under CI=true such a test fails instead.
#
# ONLY=REGEX runs only the tests whose name matches (unit, CLI or script):
# test_rank, path/path-avoid, dblp-fast.
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
passed=0
failed=0
skipped=0
failures=()
skips=()

export SOURCE_DATE_EPOCH=1795651200   # 2026-11-26: profile entries without a year get 2026
export LC_ALL=C.UTF-8
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=99"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=98"
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
export PYTHON=/usr/bin/python3

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); failures+=("$1"); echo "FAIL $1"; }
# skip NAME FILE: FILE holds the test's one line that says why
skip() { skipped=$((skipped + 1)); skips+=("$1: $(grep -m1 '^skipped:' "$2" | sed 's/^skipped: //')"); }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for build in "$@"; do
    label=$(basename "$build")
    echo "== tests against $build"
    # unit tests
    for bin in "$build"/tests/test_*; do
        [ -x "$bin" ] || continue
        name=$(basename "$bin")
        [[ -n "${ONLY:-}" && ! "$name" =~ $ONLY ]] && continue
        # the malformed inputs reach bibutils, which has no frame pointers:
        # its leaks are attributed (and suppressed by function name) only
        # with the slow unwinder, which the other tests do not need
        unwind=
        [ "$name" = test_bad_inputs ] && unwind=:fast_unwind_on_malloc=0
        out=$(ASAN_OPTIONS="$ASAN_OPTIONS$unwind" CMOCKA_MESSAGE_OUTPUT=STDOUT "$bin" 2>&1)
        status=$?
        n_ok=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
        n_bad=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
        n_skip=$(printf '%s\n' "$out" | sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' | tail -1)
        passed=$((passed + ${n_ok:-0}))
        if [ -n "$n_skip" ]; then
            skipped=$((skipped + n_skip))
            while IFS= read -r line; do skips+=("$label/$name: ${line#skipped: }"); done \
                < <(printf '%s\n' "$out" | grep '^skipped:')
        fi
        if [ "$status" -ne 0 ] || [ -n "$n_bad" ]; then
            printf '%s\n' "$out" | grep -E "FAILED|ERROR|Sanitizer|runtime error" | head -20
            failed=$((failed + ${n_bad:-1}))
            failures+=("$label/$name")
        fi
    done
    # CLI golden tests
    export PATH="$top/$build:$PATH"
    mapfile -t cmds < <(find tests/cli -name '*.cmd' -type f | LC_ALL=C sort)
    for cmd in "${cmds[@]+"${cmds[@]}"}"; do
        base=${cmd%.cmd}
        name=${base#tests/cli/}
        [[ -n "${ONLY:-}" && ! "$name" =~ $ONLY ]] && continue
        bash "$cmd" >"$tmp/out" 2>"$tmp/err" </dev/null
        echo $? >"$tmp/exit"
        if [ "$(cat "$tmp/exit")" = 77 ] && grep -q '^skipped:' "$tmp/out"; then
            skip "$label/cli/$name" "$tmp/out"
            continue
        fi
        if [ "${UPDATE:-0}" = 1 ] && [ "$label" = "$(basename "$1")" ]; then
            cp "$tmp/out" "$base.stdout"; cp "$tmp/err" "$base.stderr"; cp "$tmp/exit" "$base.exit"
            [ -s "$base.stdout" ] || rm -f "$base.stdout"
            [ -s "$base.stderr" ] || rm -f "$base.stderr"
            [ "$(cat "$base.exit")" = 0 ] && rm -f "$base.exit"
        fi
        ok=1
        for part in stdout stderr exit; do
            want="$base.$part"
            got="$tmp/${part/std/}"
            [ "$part" = stdout ] && got="$tmp/out"
            [ "$part" = stderr ] && got="$tmp/err"
            if [ -e "$want" ]; then
                cmp -s "$want" "$got" || ok=0
            elif [ "$part" = exit ]; then
                [ "$(cat "$got")" = 0 ] || ok=0
            else
                [ -s "$got" ] && ok=0
            fi
            if [ $ok = 0 ]; then
                echo "--- $name: $part differs"
                if [ -e "$want" ]; then diff "$want" "$got" | head -15; else head -15 "$got"; fi
                break
            fi
        done
        if [ $ok = 1 ]; then pass; else fail "$label/cli/$name"; fi
    done
    # self-checking scripts
    for script in tests/scripts/*.sh; do
        [ -e "$script" ] || continue
        name=$(basename "$script" .sh)
        [[ -n "${ONLY:-}" && ! "$name" =~ $ONLY ]] && continue
        COAUTHOR="$top/$build/coauthor" bash "$script" >"$tmp/out" 2>&1
        status=$?
        if [ "$status" = 0 ]; then
            pass
        elif [ "$status" = 77 ] && grep -q '^skipped:' "$tmp/out"; then
            skip "$label/script/$name" "$tmp/out"
        else
            cat "$tmp/out" | tail -20
            fail "$label/script/$name"
        fi
    done
done

for s in "${skips[@]+"${skips[@]}"}"; do echo "skipped: $s"; done
for f in "${failures[@]+"${failures[@]}"}"; do echo "failed: $f"; done
if [ "$skipped" -gt 0 ]; then
    echo "$skipped tests skipped: they need ../shared/data, the project's shared real data, beside the checkout"
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
