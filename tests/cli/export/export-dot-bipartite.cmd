coauthor export --to dot --bipartite --years 2024 data/ivan-titov.txt
