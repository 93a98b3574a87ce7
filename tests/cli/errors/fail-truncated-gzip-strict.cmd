coauthor stats --strict tests/data/bad/truncated.txt.gz
