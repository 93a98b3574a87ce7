coauthor rank -q --author 13801 --papers --top 2 data/CA-GrQc.txt
