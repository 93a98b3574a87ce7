#!/usr/bin/env bash
# The distributed pipeline (scripts/dask/) on a loopback LocalCluster of 2
# worker processes equals a single-machine 'coauthor import' of the same
# generated corpus, also when a worker is killed mid-run: see
# tests/scripts/dask_pipeline.py.  About 40 s (more under the sanitizers).
set -eu
: "${COAUTHOR:=build/coauthor}"
exec timeout 600 /usr/bin/python3 tests/scripts/dask_pipeline.py "$COAUTHOR"
