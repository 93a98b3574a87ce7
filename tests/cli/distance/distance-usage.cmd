coauthor distance data/ivan-titov.txt
