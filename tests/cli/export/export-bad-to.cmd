coauthor export --to xml data/ivan-titov.txt
