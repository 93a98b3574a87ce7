coauthor stats --strict tests/data/dblp/truncated.xml
