coauthor rank --by strength --weight-attr papers tests/data/graph/netscience-style.gml
