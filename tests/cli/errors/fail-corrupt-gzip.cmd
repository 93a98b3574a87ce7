coauthor stats tests/data/bad/corrupt.txt.gz
