coauthor export --to json tests/data/tabular/dimensions-edge.csv
