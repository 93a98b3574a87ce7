coauthor export --to json --bipartite --communities data/ivan-titov.txt
