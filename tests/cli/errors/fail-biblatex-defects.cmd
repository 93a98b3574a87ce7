coauthor stats --format biblatex tests/data/bibtex/defects.bib
