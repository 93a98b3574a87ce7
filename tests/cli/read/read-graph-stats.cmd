coauthor stats tests/data/graph/small.graphml
