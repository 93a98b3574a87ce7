coauthor stats --format profile data/CA-GrQc.txt
