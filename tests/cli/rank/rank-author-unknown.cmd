coauthor rank --author "Noam Chomsky" data/ivan-titov.txt
