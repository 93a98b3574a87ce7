coauthor rank --author 'Wilker Aziz' tests/data/graph/small.gml && coauthor rank --author 'Wilker Aziz' --tsv tests/data/graph/small.net
