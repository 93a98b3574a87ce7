coauthor stats tests/data/graph/truncated.graphml
