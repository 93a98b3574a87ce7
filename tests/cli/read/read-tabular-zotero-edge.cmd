coauthor export --to json tests/data/tabular/zotero-edge.csv
