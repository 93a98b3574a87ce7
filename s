17 include17 against the layering (scripts/include-graph.sh says which may include which)
