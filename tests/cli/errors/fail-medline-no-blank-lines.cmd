coauthor stats tests/data/bad/medline-no-blank-lines.nbib
