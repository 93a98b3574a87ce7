coauthor export --to json tests/data/tabular/latin1-cr.bib
