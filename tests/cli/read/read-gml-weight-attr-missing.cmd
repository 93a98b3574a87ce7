coauthor rank --by strength --weight-attr nope tests/data/graph/netscience-style.gml
