#!/usr/bin/env bash
# No include points back up the stages of the library (core, corpus, read,
# graph, analyze, load, write, serve, cli): scripts/include-graph.sh prints
# the graph and names each include against the layering.
cd "$(dirname "$0")/../.." && scripts/include-graph.sh
