coauthor stats --max-authors 2 --csv data/ivan-titov.txt
