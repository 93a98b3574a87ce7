#!/usr/bin/env bash
# Runs the libFuzzer targets built by 'make fuzz' (one per reader and one
# for format detection), each for SECONDS, at the lowest CPU priority.
#
#   scripts/fuzz.sh BUILD_DIR SECONDS [TARGET...]
#
# TARGET is a name such as fuzz_profile (default: every fuzz_* binary in
# BUILD_DIR).  Everything generated goes to fuzz/ (git-ignored):
#   fuzz/seeds/NAME/     seeds from data/, tests/data/ and the shared real data
#                        (../shared/data, where it is beside the checkout), made once
#   fuzz/corpus/NAME/    the corpus libFuzzer grows; kept between runs, so
#                        time spent fuzzing adds up
#   fuzz/artifacts/      crash-*, leak-*, timeout-*, oom-* inputs
#   fuzz/logs/NAME.log   the last run's output
#   fuzz/history.tsv     one line per run: date, target, seconds it ran, executions,
#                        cov, ft, corpus size, result
# A crash becomes a fixed bug plus a regression input in tests/data/bad/
# (make check runs every file there through every reader).
# Exit status: 0 when no target found a problem, 1 otherwise.
# FUZZ_TIMEOUT (default 20) is libFuzzer's -timeout, in seconds of wall
# time: at nice 19 beside other work a run that takes 0.4 s of CPU can wait
# longer than that for it, so campaigns on a busy machine raise it.
set -u
cd "$(dirname "$0")/.."
build=${1:?usage: scripts/fuzz.sh BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: scripts/fuzz.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for bin in "$build"/fuzz_*; do
        [ -x "$bin" ] && targets+=("$(basename "$bin")")
    done
fi
mkdir -p fuzz/seeds fuzz/corpus fuzz/artifacts fuzz/logs

# Seeds: every sample input, decompressed and cut to max_len.  The reader
# targets take an options byte first (see tests/fuzz/fuzz_read.h); 0 means
# lenient mode, the normal line limit and the name "input.txt".
max_len=65536
make_seeds() {
    local name=$1 dir=fuzz/seeds/$1 prefix=$2
    [ -d "$dir" ] && return
    mkdir -p "$dir"
    [ "$prefix" = none ] && return # fuzz_store: its input is damages to a valid database
    local f i=0
    while IFS= read -r -d '' f; do
        i=$((i + 1))
        {
            [ "$prefix" = 1 ] && printf '\0'
            case $f in
            *.gz) gzip -dc "$f" 2>/dev/null ;;
            *) cat "$f" ;;
            esac
        } | head -c $max_len >"$dir/seed-$i-$(basename "$f" .gz)"
    done < <(find data tests/data $seed_shared -type f ! -name '*.md' ! -name '*.py' -print0 | sort -z)
}

seed_shared=
[ -d ../shared/data ] && seed_shared=../shared/data

status=0
for name in "${targets[@]}"; do
    bin=$build/$name
    if [ ! -x "$bin" ]; then
        echo "fuzz: no target '$bin' (run make fuzz)" >&2
        status=1
        continue
    fi
    prefix=1
    [ "$name" = fuzz_detect ] && prefix=0
    [ "$name" = fuzz_store ] && prefix=none
    make_seeds "$name" $prefix
    mkdir -p "fuzz/corpus/$name"
    dict=()
    [ -f "tests/fuzz/$name.dict" ] && dict=(-dict="tests/fuzz/$name.dict")
    echo "== $name: ${seconds}s"
    log=fuzz/logs/$name.log
    started=$(date +%s)
    # detect_leaks stays on: a leak on hostile input is a bug like a crash.
    # Targets that read through bibutils (no frame pointers) need the slow
    # unwinder for its leaks to be attributed and suppressed by name.
    unwind=
    case $name in
    fuzz_bibtex | fuzz_biblatex | fuzz_ris | fuzz_endnote | fuzz_endnote_xml | fuzz_isi | fuzz_medline | \
        fuzz_pubmed_xml | fuzz_copac | fuzz_mods | fuzz_any) unwind=:fast_unwind_on_malloc=0 ;;
    esac
    ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1$unwind" \
    LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
        nice -n 19 "$bin" -max_total_time="$seconds" -max_len=$max_len -timeout="${FUZZ_TIMEOUT:-20}" -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$name-" "${dict[@]}" \
        "fuzz/corpus/$name" "fuzz/seeds/$name" >"$log" 2>&1
    rc=$?
    ran=$(($(date +%s) - started)) # a target that fails stops early: count the time it ran
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    cov=$(printf '%s\n' "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
    ft=$(printf '%s\n' "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    files=$(find "fuzz/corpus/$name" -type f | wc -l)
    result=ok
    if [ $rc -ne 0 ]; then
        result=FAILED
        status=1
        grep -E 'ERROR|runtime error|SUMMARY|Test unit written' "$log" | head -5
    fi
    echo "   executions ${execs:-?}, cov ${cov:-?}, ft ${ft:-?}, corpus $files files: $result (log $log)"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$name" "$ran" "${execs:-?}" \
        "${cov:-?}" "${ft:-?}" "$files" "$result" >>fuzz/history.tsv
done
exit $status
