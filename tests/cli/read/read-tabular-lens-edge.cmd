coauthor export --to json tests/data/tabular/lens-edge.csv
