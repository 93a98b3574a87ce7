coauthor communities --method optimal data/ivan-titov.txt
