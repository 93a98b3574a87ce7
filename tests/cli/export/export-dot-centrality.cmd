coauthor export -q --to dot --communities --centrality pagerank --ego 'Zeyu Huang' data/ivan-titov.txt
