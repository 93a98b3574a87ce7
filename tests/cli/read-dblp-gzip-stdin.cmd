gzip -c tests/data/dblp/dblp-fragment.xml | coauthor stats --json -
