coauthor stats data/CA-GrQc.txt
