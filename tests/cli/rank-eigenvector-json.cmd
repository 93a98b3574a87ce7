coauthor rank -q --by eigenvector --top 5 --json data/CA-GrQc.txt
