coauthor export --to json --ego 'Zeyu Huang' data/ivan-titov.txt
