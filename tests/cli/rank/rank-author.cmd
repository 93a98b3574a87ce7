coauthor rank --author "Ivan Titov" data/ivan-titov.txt
