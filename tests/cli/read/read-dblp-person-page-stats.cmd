coauthor stats tests/data/dblp/person-page-a.xml
