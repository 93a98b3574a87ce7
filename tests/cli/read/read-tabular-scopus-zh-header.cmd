coauthor export --to json tests/data/tabular/scopus-zh-header.csv
