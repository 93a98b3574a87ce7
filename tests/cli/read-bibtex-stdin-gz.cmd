gzip -c tests/data/bibtex/serif.bib | coauthor stats -
