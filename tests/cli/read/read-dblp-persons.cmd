coauthor stats tests/data/dblp/persons.xml
