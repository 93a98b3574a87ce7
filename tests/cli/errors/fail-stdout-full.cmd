coauthor stats data/ivan-titov.txt > /dev/full
