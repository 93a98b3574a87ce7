coauthor names --json -q data/ivan-titov.txt
