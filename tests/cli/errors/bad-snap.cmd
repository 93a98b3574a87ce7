coauthor stats tests/data/bad/snap-malformed.txt
