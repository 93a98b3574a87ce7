coauthor rank data/ivan-titov.txt
