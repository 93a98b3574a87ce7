coauthor communities data/ivan-titov.txt
