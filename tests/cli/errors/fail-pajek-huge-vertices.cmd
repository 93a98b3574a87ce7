coauthor stats tests/data/bad/pajek-huge-vertices.net
