coauthor authorships --name x.bib tests/data/rows/malformed.tsv
