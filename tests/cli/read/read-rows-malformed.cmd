coauthor stats tests/data/rows/malformed.tsv
