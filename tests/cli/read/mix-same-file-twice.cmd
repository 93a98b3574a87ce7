coauthor stats data/ivan-titov.txt data/ivan-titov.txt
