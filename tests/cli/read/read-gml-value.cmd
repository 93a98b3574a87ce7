coauthor rank --by strength tests/data/graph/netscience-style.gml
