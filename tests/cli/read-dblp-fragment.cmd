coauthor stats tests/data/dblp/dblp-fragment.xml
