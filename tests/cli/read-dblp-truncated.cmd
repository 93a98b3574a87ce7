coauthor stats tests/data/dblp/truncated.xml
