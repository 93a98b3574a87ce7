coauthor rank --author Wang data/ivan-titov.txt
