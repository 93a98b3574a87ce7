coauthor stats data/ivan-titov.txt data/no-such-file.txt
