coauthor stats --format snap data/ivan-titov.txt
