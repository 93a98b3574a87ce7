coauthor export --to json --centrality pagerank,fame data/ivan-titov.txt
