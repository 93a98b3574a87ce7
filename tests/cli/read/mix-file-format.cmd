coauthor stats tests/data/dblp/persons.xml:dblp data/ivan-titov.txt:profile
