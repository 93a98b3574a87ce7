coauthor stats tests/data/bad/empty.txt
