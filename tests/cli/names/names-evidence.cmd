# merging on evidence: the rules, an initial that fits two people, no evidence, two spellings on one paper (tests/data/identity/README.md)
coauthor names --limit 0 tests/data/identity/evidence.bib && coauthor rank -q --by papers --top 30 tests/data/identity/evidence.bib
