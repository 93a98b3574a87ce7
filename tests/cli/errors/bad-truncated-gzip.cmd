coauthor stats tests/data/bad/truncated.txt.gz
