coauthor rank --by pagerank --top 10 data/ivan-titov.txt
