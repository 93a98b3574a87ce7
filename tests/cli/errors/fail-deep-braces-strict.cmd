coauthor stats --strict tests/data/bad/bibtex-deep-braces.bib
