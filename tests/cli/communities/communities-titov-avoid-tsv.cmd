coauthor communities --tsv --avoid 'Ivan Titov' data/ivan-titov.txt
