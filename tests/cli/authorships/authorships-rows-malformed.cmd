coauthor authorships tests/data/rows/malformed.tsv
