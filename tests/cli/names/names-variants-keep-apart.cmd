coauthor names --keep-apart tests/data/identity/variants.txt
