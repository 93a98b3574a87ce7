coauthor export --to graphml data/ivan-titov.txt
