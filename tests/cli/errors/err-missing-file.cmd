coauthor stats data/no-such-file.txt
