coauthor export --to json --communities --centrality degree,strength,pagerank,closeness --ego 'Zeyu Huang' data/ivan-titov.txt
