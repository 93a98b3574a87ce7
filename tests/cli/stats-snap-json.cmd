coauthor stats --json data/CA-GrQc.txt
