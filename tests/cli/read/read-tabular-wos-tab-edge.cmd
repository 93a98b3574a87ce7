coauthor export --to json tests/data/tabular/wos-tab-edge.txt
