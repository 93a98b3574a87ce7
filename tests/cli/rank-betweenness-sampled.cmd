coauthor rank --by betweenness --sample 300 --top 5 data/CA-GrQc.txt
