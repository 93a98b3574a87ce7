coauthor stats tests/data/bad/dblp-deep-nesting.xml
