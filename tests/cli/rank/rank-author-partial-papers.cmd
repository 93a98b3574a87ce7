coauthor rank --author Titov --papers --top 3 data/ivan-titov.txt
