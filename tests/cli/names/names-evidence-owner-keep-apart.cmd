coauthor names --keep-apart tests/data/identity/owner.medline
