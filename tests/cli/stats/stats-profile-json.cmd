coauthor stats --json data/ivan-titov.txt
