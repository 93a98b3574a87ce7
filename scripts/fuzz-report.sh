#!/usr/bin/env bash
# The fuzzing so far, per target, from fuzz/history.tsv (written by
# scripts/fuzz.sh): minutes run in all, executions in all, the coverage
# (cov: edges, ft: features) and corpus size at the last run, and the runs
# that failed.  Targets under 30 minutes are marked.
#
#   scripts/fuzz-report.sh [fuzz/history.tsv]
set -eu
history=${1:-fuzz/history.tsv}
[ -f "$history" ] || { echo "fuzz-report: no $history (run make fuzz first)" >&2; exit 1; }
awk -F'\t' '
{
    t = $2
    if (!(t in secs)) order[n++] = t
    secs[t] += $3
    if ($4 ~ /^[0-9]+$/) execs[t] += $4
    if ($5 ~ /^[0-9]+$/) cov[t] = $5
    if ($6 ~ /^[0-9]+$/) ft[t] = $6
    if ($7 ~ /^[0-9]+$/) files[t] = $7
    runs[t]++
    if ($8 != "ok") failed[t]++
}
END {
    printf "%-18s %8s %14s %7s %7s %7s %5s %7s\n", "target", "minutes", "executions", "cov", "ft", "corpus", "runs", "failed"
    for (i = 0; i < n; i++) {
        t = order[i]
        printf "%-18s %8.1f %14d %7s %7s %7s %5d %7d%s\n", t, secs[t] / 60, execs[t], cov[t], ft[t], files[t],
               runs[t], failed[t], secs[t] < 1800 ? "   < 30 min" : ""
        total += secs[t]
    }
    printf "%d targets, %.1f hours in all\n", n, total / 3600
}' "$history"
