coauthor stats tests/data/scopus/quoting.csv
