# the owner of a single-person PubMed export is one author with all of its records
coauthor names tests/data/identity/owner.medline && coauthor rank -q --by papers --top 1 tests/data/identity/owner.medline
