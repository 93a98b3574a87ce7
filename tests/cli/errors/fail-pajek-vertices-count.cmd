coauthor stats tests/data/bad/fuzz-pajek-vertices-count.net
