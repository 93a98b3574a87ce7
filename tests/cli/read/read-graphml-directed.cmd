coauthor rank --by strength tests/data/graph/directed.graphml
