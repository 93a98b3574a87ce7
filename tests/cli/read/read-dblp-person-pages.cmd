coauthor rank --by papers tests/data/dblp/person-page-a.xml tests/data/dblp/person-page-b.xml
