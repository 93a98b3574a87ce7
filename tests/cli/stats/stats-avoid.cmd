coauthor stats --avoid "Ivan Titov" data/ivan-titov.txt
