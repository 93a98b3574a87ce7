coauthor stats tests/data/rows/no-header-column.tsv
