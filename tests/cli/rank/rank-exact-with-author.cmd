coauthor rank --author Titov --exact data/ivan-titov.txt
