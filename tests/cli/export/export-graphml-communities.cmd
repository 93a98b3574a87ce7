coauthor export -q --to graphml --communities louvain --centrality coreness,betweenness --ego 'Zeyu Huang' data/ivan-titov.txt
