coauthor rank -q --by betweenness --top 10 --tsv data/CA-GrQc.txt
