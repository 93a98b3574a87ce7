coauthor names tests/data/identity/variants.txt
