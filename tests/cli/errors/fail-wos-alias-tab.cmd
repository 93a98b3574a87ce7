coauthor stats --format wos tests/data/tabular/wos-tab-edge.txt
