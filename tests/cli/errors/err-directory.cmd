coauthor stats data/
