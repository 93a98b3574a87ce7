coauthor communities --method optimal --ego 'Zeyu Huang' --radius 1 --weight fractional data/ivan-titov.txt
