coauthor communities --method spinglass data/ivan-titov.txt
