coauthor stats tests/data/bad/bibtex-deep-braces.bib
