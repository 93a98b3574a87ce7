coauthor stats --years 2020-2010 data/ivan-titov.txt
