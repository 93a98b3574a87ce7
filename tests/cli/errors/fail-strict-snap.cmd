coauthor stats --strict tests/data/bad/snap-malformed.txt
