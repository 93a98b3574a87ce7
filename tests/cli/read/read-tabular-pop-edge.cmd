coauthor export --to json tests/data/tabular/pop-edge.csv
