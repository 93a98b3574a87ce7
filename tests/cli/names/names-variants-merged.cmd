coauthor names --merge-initials --aliases tests/data/identity/aliases.tsv --aliases tests/data/identity/vosviewer-thesaurus.txt tests/data/identity/variants.txt
