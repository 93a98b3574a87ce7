coauthor stats --ego Titov --radius 1 --min-weight 2 --json data/ivan-titov.txt
