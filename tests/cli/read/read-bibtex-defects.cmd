coauthor stats tests/data/bibtex/defects.bib
