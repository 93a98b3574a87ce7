coauthor stats --strict tests/data/bibtex/defects.bib
