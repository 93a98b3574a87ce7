coauthor stats data/ivan-titov.txt
