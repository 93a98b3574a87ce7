coauthor communities --method optimal --avoid 'Ivan Titov' data/ivan-titov.txt
